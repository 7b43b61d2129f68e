import { z } from 'zod';

/**
 * A moment in UTC, `YYYY-MM-DDTHH:mm:ss.sssZ` (what `Date.toISOString` writes). Sign-in locks and
 * expiries need instants; `occurredOn` stays the calendar date every event carries.
 */
export const IsoInstant = z.iso.datetime();
export type IsoInstant = z.infer<typeof IsoInstant>;

export const MINUTE_MS = 60_000;
export const DAY_MS = 24 * 60 * MINUTE_MS;

export function addMilliseconds(instant: IsoInstant, ms: number): IsoInstant {
  return new Date(Date.parse(instant) + ms).toISOString();
}

/** True when `a` lies strictly before `b`. Parsed, so instants with other precisions compare too. */
export function isBefore(a: IsoInstant, b: IsoInstant): boolean {
  return Date.parse(a) < Date.parse(b);
}
