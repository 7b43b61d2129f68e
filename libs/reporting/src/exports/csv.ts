import { stringify } from 'csv-stringify/sync';
import { CSV_COLUMN_LABELS, CSV_TABLE_LABEL } from './labels';
import { cellText } from './format';
import {
  COLUMN_KEYS,
  type Cell,
  type ColumnKey,
  type ReportRow,
  type ReportSheet,
} from './sheet.types';

/** Text a spreadsheet would run as a formula (CSV injection); such text gets a leading '. */
const FORMULA_START = /^[=+\-@\t\r]/;

/** Where the CSV puts a share that a worksheet shows in a count column. */
const SHARE_COLUMN_OF: Readonly<Partial<Record<ColumnKey, ColumnKey>>> = {
  woman: 'shareWoman',
  man: 'shareMan',
  other: 'shareOther',
  total: 'share',
};

function isShare(cell: Cell | undefined): boolean {
  return (cell?.kind === 'figure' || cell?.kind === 'suppressed') && cell.format === 'share';
}

/** A row as the CSV lays it out: every share in a share column, never among the counts. */
function csvRow(row: ReportRow): ReportRow {
  const out: Partial<Record<ColumnKey, Cell>> = {};
  for (const [key, cell] of Object.entries(row) as [ColumnKey, Cell][]) {
    out[isShare(cell) ? (SHARE_COLUMN_OF[key] ?? key) : key] = cell;
  }
  return out;
}

function csvText(cell: Cell | undefined): string {
  const value = cellText(cell);
  return cell?.kind === 'text' && FORMULA_START.test(value) ? `'${value}` : value;
}

/**
 * The sheets as one CSV that Swedish Excel opens as it is: UTF-8 with a byte order mark (or
 * Excel guesses Windows-1252 and breaks å, ä, ö), `;` between fields (Excel's list separator
 * in Swedish, where `,` is the decimal comma), CRLF line ends, decimal commas.
 *
 * Layout: one tidy long table rather than a section per table. Its first column, Tabell, names
 * the sheet; then Insats, Rad, Delrad (a second key, e.g. "Försörjning vid avslut" in the cross
 * table, "Bedömda" in progression), Kvinnor, Män, Annat, Totalt, the share columns, and the
 * columns only some tables have (the goal columns, Text for "Om rapporten"). Every row has the
 * same columns, so a script reads it with any CSV reader and filters on Tabell, and Excel can
 * filter and pivot it directly; sections with their own header rows would need a hand-written
 * parser. Only columns some row uses are written, in a fixed order.
 *
 * Numbers: each column holds one kind. Kvinnor…Totalt hold counts (and, in "Tid i insatsen",
 * days with one decimal: "87,5"); shares such as "Andel nöjda" go to "Kvinnor, andel" …
 * "Totalt, andel" as percentages ("83,33%", see `swedishNumber`), which Excel reads as numbers.
 * In a publication, withheld numbers read "<5" or ".."; a number that cannot be computed is
 * empty.
 */
export function renderCsv(sheets: readonly ReportSheet[]): Buffer {
  const laidOut = sheets.map((sheet) => ({ name: sheet.name, rows: sheet.rows.map(csvRow) }));
  const used = new Set<ColumnKey>(sheets.flatMap((sheet) => sheet.columns.map((c) => c.key)));
  for (const sheet of laidOut) {
    for (const row of sheet.rows) for (const key of Object.keys(row)) used.add(key as ColumnKey);
  }
  const keys = COLUMN_KEYS.filter((key) => used.has(key));
  const records: string[][] = [[CSV_TABLE_LABEL, ...keys.map((key) => CSV_COLUMN_LABELS[key])]];
  for (const sheet of laidOut) {
    for (const row of sheet.rows) {
      records.push([sheet.name, ...keys.map((key) => csvText(row[key]))]);
    }
  }
  const body = stringify(records, { delimiter: ';', record_delimiter: '\r\n', bom: true });
  return Buffer.from(body, 'utf8');
}
