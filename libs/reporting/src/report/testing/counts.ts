import type { Counts } from '../report.schema';

/** Counts by gender as tests write them: `c(3, 2)` is three women and two men. */
export const c = (woman: number, man: number, other = 0): Counts => ({
  woman,
  man,
  other,
  total: woman + man + other,
});
export const zero = c(0, 0);
