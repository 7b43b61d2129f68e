import { ABOUT_TEXTS } from './labels';
import { text, type Cell, type ReportRow, type ReportSheet, type SumLine } from './sheet.types';

/** Counts below this are not published (DESIGN §4: shown as "<5"). */
export const PUBLICATION_THRESHOLD = 5;

const SUPPRESSED: Cell = { kind: 'suppressed' };

/**
 * Which counts to hide so that none below the threshold is shown or can be computed.
 *
 * Primary suppression hides every count below the threshold. Secondary suppression then
 * looks at the lines (linear relations "members add up to total"): a line with exactly one
 * hidden cell gives that cell away, so one more of its cells is hidden — the smallest visible
 * member (the smallest visible cell costs the reader least), or the total when no member is
 * visible or the line prefers its total. Hiding a cell can leave another line with exactly one
 * hidden cell, so lines are revisited until nothing changes (a fixpoint; a worklist revisits
 * only the lines that contain a newly hidden cell). Ties go to the first cell in line order, so
 * the result is deterministic.
 *
 * Lines that name an unknown id (a table not in this export) or whose arithmetic does not
 * hold in the data (members do not add up to the total) state no relation a reader could use
 * and are ignored.
 *
 * Known limit (as in any "no line with a single hidden cell" rule): a reader combining
 * several lines may still narrow a hidden cell down to an interval; exact values need a full
 * audit (e.g. linear programming), which this does not do.
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
  /** Each relevant line's distinct cells, members and total. */
  const cellsOf: string[][] = [];
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
    relevant.push(line);
    cellsOf.push([...new Set([...line.members, line.total])]);
  }

  const linesOfCell = new Map<string, number[]>();
  cellsOf.forEach((cells, index) => {
    for (const id of cells) {
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
    let hiddenCells = 0;
    for (const id of cellsOf[index]!) if (hidden.has(id)) hiddenCells++;
    if (hiddenCells !== 1) continue;

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

/**
 * The sheets as they may be published: counts below 5 and the counts that would give them
 * away read "<5" (see `cellsToSuppress`), as do means, medians and shares computed from fewer
 * than 5 people or from a hidden count. Lines may cross sheets, so pass every sheet that is
 * published together; the "Om rapporten" sheet gets a note on what was done.
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
    if (cell.kind === 'count') return hidden.has(cell.id) ? SUPPRESSED : cell;
    if (cell.kind !== 'figure') return cell;
    const tooFew = cell.base !== undefined && cell.base < PUBLICATION_THRESHOLD;
    const revealing = (cell.dependsOn ?? []).some((id) => hidden.has(id));
    return tooFew || revealing ? SUPPRESSED : cell;
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
    }
    return { ...sheet, rows };
  });
}
