// Swedish numbers and dates as a person reads them. Every function answers a dash when there is
// nothing to show, so a page never prints "NaN" or "undefined".

const integerFormat = new Intl.NumberFormat('sv-SE', { maximumFractionDigits: 0 });
const decimalFormat = new Intl.NumberFormat('sv-SE', { maximumFractionDigits: 1 });
const percentFormat = new Intl.NumberFormat('sv-SE', {
  style: 'percent',
  maximumFractionDigits: 1,
});
const dateFormat = new Intl.DateTimeFormat('sv-SE', { dateStyle: 'long', timeZone: 'UTC' });
const timeFormat = new Intl.DateTimeFormat('sv-SE', { dateStyle: 'long', timeStyle: 'short' });
const clockFormat = new Intl.DateTimeFormat('sv-SE', { timeStyle: 'short' });

export const DASH = '–';

const isNumber = (value: unknown): value is number =>
  typeof value === 'number' && Number.isFinite(value);

/** 1 234 */
export const count = (value: number | null | undefined): string =>
  isNumber(value) ? integerFormat.format(value) : DASH;

/** 12,5 */
export const decimal = (value: number | null | undefined): string =>
  isNumber(value) ? decimalFormat.format(value) : DASH;

/** A share 0–1 as "87,5 %". */
export const percent = (share: number | null | undefined): string =>
  isNumber(share) ? percentFormat.format(share) : DASH;

/** part of whole as "87,5 %", or a dash when there is nothing to divide by. */
export const percentOf = (part: number, whole: number): string =>
  whole > 0 ? percent(part / whole) : DASH;

/** "7 av 8" */
export const countOf = (part: number, whole: number): string => `${count(part)} av ${count(whole)}`;

/** An ISO date (YYYY-MM-DD) as "1 januari 2025". */
export function date(iso: string | null | undefined): string {
  const parsed = typeof iso === 'string' ? new Date(`${iso.slice(0, 10)}T00:00:00Z`) : null;
  return parsed && !Number.isNaN(parsed.getTime()) ? dateFormat.format(parsed) : DASH;
}

/** A moment as "22 november 2026 17:05" in the reader's time zone. */
export const dateTime = (value: Date): string => timeFormat.format(value);

/** A moment as "17:05". */
export const clock = (value: Date): string => clockFormat.format(value);

/** Text as it is read aloud and compared: no-break and narrow spaces as plain spaces. */
export const plain = (text: string): string => text.replace(/[\u00a0\u202f]/g, ' ');
