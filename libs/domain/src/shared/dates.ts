import { z } from 'zod';
import { allowing, DATE_ALLOWED } from './messages';

/** A calendar date, `YYYY-MM-DD`. ISO dates compare correctly as strings. */
export const IsoDate = z.iso.date({ error: allowing(DATE_ALLOWED) });
export type IsoDate = z.infer<typeof IsoDate>;

const stockholmDate = new Intl.DateTimeFormat('sv-SE', {
  timeZone: 'Europe/Stockholm',
  year: 'numeric',
  month: '2-digit',
  day: '2-digit',
});

/** The date in Sweden at `instant`: "not in the future" is judged by the Swedish calendar. */
export function swedishDate(instant: Date): IsoDate {
  return stockholmDate.format(instant);
}

export function yearOf(date: IsoDate): number {
  return Number(date.slice(0, 4));
}

export function maxDate(dates: readonly IsoDate[]): IsoDate | undefined {
  return dates.reduce<IsoDate | undefined>(
    (max, d) => (max === undefined || d > max ? d : max),
    undefined,
  );
}

/**
 * The same day `months` later, or the month's last day when it has no such day: three months
 * after 2026-11-30 is 2027-02-28.
 */
export function addMonths(date: IsoDate, months: number): IsoDate {
  const [year, month, day] = date.split('-').map(Number) as [number, number, number];
  const index = month - 1 + months;
  const targetYear = year + Math.floor(index / 12);
  const targetMonth = (index % 12) + 1;
  const lastDay = new Date(Date.UTC(targetYear, targetMonth, 0)).getUTCDate();
  const pad = (n: number, width = 2) => String(n).padStart(width, '0');
  return `${pad(targetYear, 4)}-${pad(targetMonth)}-${pad(Math.min(day, lastDay))}`;
}
