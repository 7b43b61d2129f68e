import { stringify } from 'csv-stringify/sync';
import { CSV_COLUMN_LABELS, CSV_TABLE_LABEL } from './labels';
import { cellText } from './format';
import { COLUMN_KEYS, type Cell, type ReportSheet } from './sheet.types';

/** Text a spreadsheet would run as a formula (CSV injection); such text gets a leading '. */
const FORMULA_START = /^[=+\-@\t\r]/;

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
 * table, "Bedömda" in progression), Kvinnor, Män, Annat, Totalt, and the columns only some
 * tables have (Andel, the goal columns, Text for "Om rapporten"). Every row has the same
 * columns, so a script reads it with any CSV reader and filters on Tabell, and Excel can
 * filter and pivot it directly; sections with their own header rows would need a hand-written
 * parser. Only columns some sheet uses are written, in a fixed order.
 *
 * Numbers: counts whole; days with one decimal ("87,5"); shares as fractions 0–1 with a
 * decimal comma ("0,875"), not percent text, so they stay numbers for Excel and scripts
 * alike. Suppressed numbers read "<5"; a number that cannot be computed is empty.
 */
export function renderCsv(sheets: readonly ReportSheet[]): Buffer {
  const used = new Set(sheets.flatMap((sheet) => sheet.columns.map((c) => c.key)));
  const keys = COLUMN_KEYS.filter((key) => used.has(key));
  const records: string[][] = [[CSV_TABLE_LABEL, ...keys.map((key) => CSV_COLUMN_LABELS[key])]];
  for (const sheet of sheets) {
    for (const row of sheet.rows) {
      records.push([sheet.name, ...keys.map((key) => csvText(row[key]))]);
    }
  }
  const body = stringify(records, { delimiter: ';', record_delimiter: '\r\n', bom: true });
  return Buffer.from(body, 'utf8');
}
