/** A clock the tests move by hand, so hours of idleness pass in no time. */
export function fakeClock(start = Date.parse('2026-06-15T08:00:00.000Z')) {
  let now = start;
  return {
    now: () => now,
    advance: (ms: number) => {
      now += ms;
    },
  };
}
