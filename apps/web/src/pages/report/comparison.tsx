import { date } from '../../format';

export type Direction = 'up' | 'down' | 'same';

/** How many steps of a value the page shows: shares to a tenth of a percent, counts whole. */
export const SHARE_STEPS = 1000;
export const WHOLE_STEPS = 1;

/**
 * Which way a figure moved since the year before, as the page shows the two values: none when
 * either year has nothing to compare (no basis).
 */
export function direction(
  now: number | null | undefined,
  then: number | null | undefined,
  steps: number,
): Direction | undefined {
  if (now === null || now === undefined || then === null || then === undefined) return undefined;
  const shownNow = Math.round(now * steps);
  const shownThen = Math.round(then * steps);
  if (shownNow === shownThen) return 'same';
  return shownNow > shownThen ? 'up' : 'down';
}

const WORDS: Record<Direction, string> = { up: 'ökat', down: 'minskat', same: 'oförändrat' };
const ARROWS: Record<Direction, string> = { up: '↑', down: '↓', same: '→' };

/** "↑ ökat": the word says it, the arrow only helps the eye. */
export function Change({ direction }: { readonly direction: Direction | undefined }) {
  if (direction === undefined) return <span className="change">inget att jämföra med</span>;
  return (
    <span className={`change change--${direction}`} data-change={direction}>
      <span className="change__arrow" aria-hidden="true">
        {ARROWS[direction]}
      </span>{' '}
      {WORDS[direction]}
    </span>
  );
}

/** The year a report's `previous` covers ("2024"), for headings. */
export const previousYear = (previous: { readonly period: { readonly from: string } }): string =>
  previous.period.from.slice(0, 4);

/** "1 januari – 30 november 2024": what the comparison covers, said once on the page. */
export const comparedPeriod = (previous: {
  readonly period: { readonly from: string; readonly to: string };
}): string => `${date(previous.period.from)} – ${date(previous.period.to)}`;
