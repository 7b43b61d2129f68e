/**
 * A neutral table model between the report JSON and the file formats: what to show, in which
 * column, with which number format, plus what publication suppression needs to know (which
 * numbers count people, which sums relate them).
 */

/**
 * Every column any sheet may have; the CSV's long table is their union in this order. The CSV
 * also moves a share that a worksheet shows in a count column (e.g. "Andel nöjda" under
 * Kvinnor) to the share column of that gender (`shareWoman` … `share`), so that each CSV column
 * holds one kind of number.
 */
export const COLUMN_KEYS = [
  'insats',
  'row',
  'detail',
  'woman',
  'man',
  'other',
  'total',
  'shareWoman',
  'shareMan',
  'shareOther',
  'share',
  'goalId',
  'kind',
  'target',
  'value',
  'numerator',
  'denominator',
  'status',
  'current',
  'previous',
  'change',
  'text',
] as const;
export type ColumnKey = (typeof COLUMN_KEYS)[number];

/**
 * `count`: whole number; `days`: one decimal; `share`: 0–1, shown as a percentage; `year`: a
 * calendar year, whole and never grouped ("2025").
 */
export type NumberFormat = 'count' | 'days' | 'share' | 'year';

export type TextCell = { readonly kind: 'text'; readonly text: string };

/**
 * A number of people (or of visits): below 5 it is shown as "<5" in a publication. `id` names
 * the quantity across sheets: two cells with the same id show the same number.
 */
export type CountCell = { readonly kind: 'count'; readonly id: string; readonly value: number };

/** A figure derived from counts (mean, median, share) or a goal's target. */
export type FigureCell = {
  readonly kind: 'figure';
  readonly format: NumberFormat;
  /** Null when there is nothing to compute it from; shown empty. */
  readonly value: number | null;
  /** How many people it is computed from; a publication hides it below 5. */
  readonly base?: number;
  /** Count cells it would reveal together with the others shown; hidden when any of them is. */
  readonly dependsOn?: readonly string[];
};

/**
 * Why a publication withholds a number, and so what it shows instead. `small`: a count of 0–4,
 * shown as "<5". `masked`: shown as ".." (Statistics Sweden's mark): a count of 5 or more hidden
 * so that a small one cannot be computed (secondary suppression), or a mean, median or share
 * computed from fewer than 5 people or from a hidden count. "<5" is never shown for a number
 * that is not a count below 5.
 */
export type SuppressionMark = 'small' | 'masked';

/** A number withheld in a publication. `format` is that of the number it stands for. */
export type SuppressedCell = {
  readonly kind: 'suppressed';
  readonly mark: SuppressionMark;
  readonly format: NumberFormat;
};

export type Cell = TextCell | CountCell | FigureCell | SuppressedCell;

export type ReportColumn = { readonly key: ColumnKey; readonly header: string };

/** A row: a cell per column key; a missing key is an empty cell. */
export type ReportRow = Readonly<Partial<Record<ColumnKey, Cell>>>;

/**
 * A linear relation between count cells (by id): the members add up to the total. A reader
 * who knows all but one of them can compute the last, so publication suppression keeps either
 * none or at least two of them hidden. `prefer` says which side to hide when one more must go.
 */
export type SumLine = {
  readonly members: readonly string[];
  readonly total: string;
  readonly prefer?: 'members' | 'total';
};

export type ReportSheet = {
  /** Stable English key, e.g. `ageGroups`, for code and tests. */
  readonly key: string;
  /** Swedish; the worksheet's name (at most 31 characters, none of []:*?/\) and the CSV's Tabell. */
  readonly name: string;
  readonly description?: string;
  readonly columns: readonly ReportColumn[];
  readonly rows: readonly ReportRow[];
  /** Relations between this sheet's counts and others' (ids may point into other sheets). */
  readonly lines: readonly SumLine[];
};

export function text(value: string): TextCell {
  return { kind: 'text', text: value };
}

export function count(id: string, value: number): CountCell {
  return { kind: 'count', id, value };
}

export function figure(
  format: NumberFormat,
  value: number | null,
  options: { base?: number; dependsOn?: readonly string[] } = {},
): FigureCell {
  return { kind: 'figure', format, value, ...options };
}

/** A share rounded like the report's own shares (four decimals); null for 0 of 0. */
export function ratio(numerator: number, denominator: number): number | null {
  return denominator === 0 ? null : Math.round((numerator / denominator) * 10_000) / 10_000;
}

const FORBIDDEN_IN_SHEET_NAMES = /[[\]:*?/\\]/;

/** Excel's rule for worksheet names. */
export function isValidSheetName(name: string): boolean {
  return (
    name.length > 0 &&
    name.length <= 31 &&
    !FORBIDDEN_IN_SHEET_NAMES.test(name) &&
    !name.startsWith("'") &&
    !name.endsWith("'")
  );
}
