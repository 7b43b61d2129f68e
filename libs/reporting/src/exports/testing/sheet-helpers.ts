import { cellText } from '../format';
import type { ReportRow, ReportSheet } from '../sheet.types';

export function sheetByKey(sheets: readonly ReportSheet[], key: string): ReportSheet {
  const sheet = sheets.find((s) => s.key === key);
  if (!sheet) throw new Error(`No sheet ${key}`);
  return sheet;
}

/** The row of `insats` whose Rad (and Delrad, when given) read as given. */
export function rowOf(sheet: ReportSheet, insats: string, row: string, detail?: string): ReportRow {
  const found = sheet.rows.find(
    (r) =>
      cellText(r.insats) === insats &&
      cellText(r.row) === row &&
      (detail === undefined || cellText(r.detail) === detail),
  );
  if (!found) throw new Error(`No row ${insats} / ${row} / ${detail ?? ''} in ${sheet.name}`);
  return found;
}

/** A row's cells as the text a CSV would show, by column key. */
export function texts(row: ReportRow): Record<string, string> {
  return Object.fromEntries(Object.entries(row).map(([key, cell]) => [key, cellText(cell)]));
}
