import { ABOUT_TEXTS, SUPPRESSION_MARKS } from './labels';
import {
  text,
  type Cell,
  type NumberFormat,
  type ReportRow,
  type ReportSheet,
  type SumLine,
  type SuppressionMark,
} from './sheet.types';

/** Counts below this are not published (DESIGN §4: shown as "<5"). */
export const PUBLICATION_THRESHOLD = 5;

/**
 * Which counts to hide so that none below the threshold is shown or can be computed.
 *
 * Primary suppression hides every count below the threshold; it is shown as "<5", so a reader
 * knows it lies in 0–4. Every other hidden count is shown as "..", so a reader knows it is 5 or
 * more. Secondary suppression then looks at the lines (linear relations "members add up to
 * total"): a line gives a hidden cell away when it is the line's only hidden cell, or when the
 * hidden cells' sum (which the line's visible cells fix) leaves them no room, i.e. every hidden
 * cell must sit at the end of the range its mark allows (see `givesAwayAHiddenCell`: a hidden 0
 * beside a hidden 5 that add up to 5). Such a line gets one more hidden cell — the smallest
 * visible member (the smallest visible cell costs the reader least), or the total when no member
 * is visible or the line prefers its total. Hiding a cell can make another line give one away,
 * so lines are revisited until nothing changes (a fixpoint; a worklist revisits only the lines
 * that contain a newly hidden cell). Ties go to the first cell in line order, so the result is
 * deterministic.
 *
 * Lines that name an unknown id (a table not in this export) or whose arithmetic does not
 * hold in the data (members do not add up to the total) state no relation a reader could use
 * and are ignored.
 *
 * Known limit (as in any rule that looks at one line at a time): a reader combining several
 * lines may still narrow a hidden cell down to an interval; exact values need a full audit
 * (e.g. linear programming), which this does not do.
 */
export function cellsToSuppress(
  values: ReadonlyMap<string, number>,
  lines: readonly SumLine[],
  threshold: number = PUBLICATION_THRESHOLD,
): Set<string> {
  const hidden = new Set<string>();
  for (const [id, value] of values) if (value < threshold) hidden.add(id);

  const valueOf = (id: string) => values.get(id) ?? 0;
  const relevant: SumLine[] = [];
  /** Each relevant line's cells with their coefficients: +1 per member, −1 for the total. */
  const termsOf: Map<string, number>[] = [];
  for (const line of lines) {
    if (line.members.length === 0 || !values.has(line.total)) continue;
    let sum = 0;
    let known = true;
    for (const id of line.members) {
      const value = values.get(id);
      if (value === undefined) known = false;
      else sum += value;
    }
    if (!known || sum !== values.get(line.total)) continue;
    const terms = new Map<string, number>();
    for (const id of line.members) terms.set(id, (terms.get(id) ?? 0) + 1);
    terms.set(line.total, (terms.get(line.total) ?? 0) - 1);
    for (const [id, coefficient] of terms) if (coefficient === 0) terms.delete(id);
    relevant.push(line);
    termsOf.push(terms);
  }

  const linesOfCell = new Map<string, number[]>();
  termsOf.forEach((terms, index) => {
    for (const id of terms.keys()) {
      const list = linesOfCell.get(id);
      if (list) list.push(index);
      else linesOfCell.set(id, [index]);
    }
  });

  const queue: number[] = relevant.map((_, index) => index);
  const queued = new Uint8Array(relevant.length).fill(1);
  for (let head = 0; head < queue.length; head++) {
    const index = queue[head]!;
    queued[index] = 0;
    if (!givesAwayAHiddenCell(termsOf[index]!, hidden, valueOf, threshold)) continue;

    const next = nextToHide(relevant[index]!, hidden, valueOf);
    if (next === undefined) continue;
    hidden.add(next);
    for (const other of linesOfCell.get(next) ?? []) {
      if (queued[other] === 0) {
        queued[other] = 1;
        queue.push(other);
      }
    }
  }
  return hidden;
}

/**
 * Whether a reader can compute a hidden cell of the line from its visible cells and what the
 * marks say: "<5" is 0 to threshold − 1, ".." is threshold or more. The hidden cells' signed sum
 * (members +, total −) is fixed by the visible ones; it gives a cell away when there is a single
 * hidden cell, or when that sum is the smallest or largest the marks allow: then every hidden
 * cell sits at an end of its range (all the "<5" are 0 and all the ".." are 5, say). Anywhere in
 * between, every hidden cell can take more than one value (each range is at least as wide as
 * the threshold − 1), so none is given away by this line alone.
 */
function givesAwayAHiddenCell(
  terms: ReadonlyMap<string, number>,
  hidden: ReadonlySet<string>,
  valueOf: (id: string) => number,
  threshold: number,
): boolean {
  let count = 0;
  let sum = 0;
  let lowest = 0;
  let highest = 0;
  for (const [id, coefficient] of terms) {
    if (!hidden.has(id)) continue;
    count++;
    const value = valueOf(id);
    sum += coefficient * value;
    const [low, high] =
      markOf(value, threshold) === 'small' ? [0, threshold - 1] : [threshold, Infinity];
    lowest += coefficient > 0 ? coefficient * low : coefficient * high;
    highest += coefficient > 0 ? coefficient * high : coefficient * low;
  }
  if (count === 0) return false;
  return count === 1 || sum === lowest || sum === highest;
}

function nextToHide(
  line: SumLine,
  hidden: ReadonlySet<string>,
  valueOf: (id: string) => number,
): string | undefined {
  const totalVisible = !hidden.has(line.total);
  if (line.prefer === 'total' && totalVisible) return line.total;
  let smallest: string | undefined;
  for (const id of line.members) {
    if (hidden.has(id) || id === line.total) continue;
    if (smallest === undefined || valueOf(id) < valueOf(smallest)) smallest = id;
  }
  return smallest ?? (totalVisible ? line.total : undefined);
}

/** What a hidden count shows: "<5" only for a count that is below the threshold. */
function markOf(value: number, threshold: number): SuppressionMark {
  return value < threshold ? 'small' : 'masked';
}

function withheld(mark: SuppressionMark, format: NumberFormat): Cell {
  return { kind: 'suppressed', mark, format };
}

/**
 * The sheets as they may be published: counts below 5 read "<5"; the counts that would give
 * them away (see `cellsToSuppress`) read "..", as do means, medians and shares computed from
 * fewer than 5 people or from a hidden count, which are no counts and so never "<5". Lines may
 * cross sheets, so pass every sheet that is published together; the "Om rapporten" sheet gets
 * rows that say what was done and what both marks mean.
 */
export function suppressForPublication(sheets: readonly ReportSheet[]): ReportSheet[] {
  const values = new Map<string, number>();
  for (const sheet of sheets) {
    for (const row of sheet.rows) {
      for (const cell of Object.values(row)) {
        if (cell?.kind !== 'count') continue;
        const known = values.get(cell.id);
        if (known !== undefined && known !== cell.value) {
          throw new Error(`Count ${cell.id} has two values: ${known} and ${cell.value}`);
        }
        values.set(cell.id, cell.value);
      }
    }
  }
  const hidden = cellsToSuppress(
    values,
    sheets.flatMap((sheet) => sheet.lines),
  );

  const publish = (cell: Cell): Cell => {
    if (cell.kind === 'count') {
      return hidden.has(cell.id)
        ? withheld(markOf(cell.value, PUBLICATION_THRESHOLD), 'count')
        : cell;
    }
    if (cell.kind !== 'figure') return cell;
    const tooFew = cell.base !== undefined && cell.base < PUBLICATION_THRESHOLD;
    const revealing = (cell.dependsOn ?? []).some((id) => hidden.has(id));
    return tooFew || revealing ? withheld('masked', cell.format) : cell;
  };

  return sheets.map((sheet) => {
    const rows: ReportRow[] = sheet.rows.map(
      (row) =>
        Object.fromEntries(
          Object.entries(row).map(([key, cell]) => [key, publish(cell)]),
        ) as ReportRow,
    );
    if (sheet.key === 'about') {
      rows.push({ row: text(ABOUT_TEXTS.publication), text: text(ABOUT_TEXTS.publicationValue) });
      for (const mark of ['small', 'masked'] as const) {
        rows.push({ row: text(SUPPRESSION_MARKS[mark]), text: text(ABOUT_TEXTS.marks[mark]) });
      }
    }
    return { ...sheet, rows };
  });
}
