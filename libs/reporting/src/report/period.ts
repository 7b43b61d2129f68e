import type { IsoDate } from '@stegvis/domain';
import type { Period } from './report.schema';

/** The calendar year as an inclusive period. */
export function yearPeriod(year: number): Period {
  return { from: `${year}-01-01`, to: `${year}-12-31` };
}

/** The same day a year earlier; 29 February becomes 28 February. */
export function yearEarlier(date: IsoDate): IsoDate {
  const earlier = `${String(Number(date.slice(0, 4)) - 1).padStart(4, '0')}${date.slice(4)}`;
  return earlier.endsWith('-02-29') ? `${earlier.slice(0, 8)}28` : earlier;
}

/**
 * The last day of `period` whose facts can be known on `today`: its last day once it is over,
 * today while it runs, null before it has begun. No fact is dated after the day it is recorded
 * (the domain refuses future dates), so a running period is known through today and no further:
 * "active at the end" of the current year means active today, and of a year that has not begun
 * nothing is known (who will be active on its first day is not known yet).
 */
export function countedThrough(period: Period, today: IsoDate): IsoDate | null {
  if (today < period.from) return null;
  return today < period.to ? today : period.to;
}

type Dated = {
  readonly enrolledOn: IsoDate;
  readonly exit: { readonly exitedOn: IsoDate } | null;
};

/*
 * A participant belongs to a period by the dates of the facts, never by when they were
 * recorded. ISO dates compare correctly as strings. Identities the tests rely on:
 * total = activeAtStart + enrolled, activeAtEnd = total − exited.
 */

/** Enrolled before the period and not exited before it began. */
export function activeAtStart(p: Dated, { from }: Period): boolean {
  return p.enrolledOn < from && (p.exit === null || p.exit.exitedOn >= from);
}

export function enrolledIn(p: Dated, { from, to }: Period): boolean {
  return p.enrolledOn >= from && p.enrolledOn <= to;
}

export function exitedIn(p: Dated, { from, to }: Period): boolean {
  return p.exit !== null && p.exit.exitedOn >= from && p.exit.exitedOn <= to;
}

/** Still participating when the period ended (an exit in the next year counts as active). */
export function activeAtEnd(p: Dated, { to }: Period): boolean {
  return p.enrolledOn <= to && (p.exit === null || p.exit.exitedOn > to);
}

/** Participating at some time during the period. */
export function activeDuring(p: Dated, period: Period): boolean {
  return activeAtStart(p, period) || enrolledIn(p, period);
}

/** Whole days from enrolment to exit. */
export function daysBetween(from: IsoDate, to: IsoDate): number {
  return Math.round((Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / 86_400_000);
}
