import type { Report } from '../report/report.schema';
import { renderCsv } from './csv';
import { finsamSheet } from './finsam';
import { describeChanges } from './outcome-sheets';
import { aboutSheet, reportSheets } from './report-sheets';
import type { ReportSheet } from './sheet.types';
import { suppressForPublication } from './suppression';
import { renderXlsx } from './xlsx';

export type ExportFormat = 'csv' | 'xlsx' | 'finsam';

export type ExportOptions = {
  readonly format: ExportFormat;
  /** Counts below 5 shown as "<5", and what would give them away as ".." (DESIGN §4). */
  readonly publication: boolean;
};

export type RenderedExport = {
  readonly body: Buffer;
  readonly contentType: string;
  /** Without the dot. */
  readonly fileExtension: string;
};

export const CSV_CONTENT_TYPE = 'text/csv; charset=utf-8';
export const XLSX_CONTENT_TYPE =
  'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

/** The Finsam workbook: its table first, then "Om rapporten". */
function finsamSheets(report: Report, publication: boolean): ReportSheet[] {
  const finsam = finsamSheet(report);
  const about = aboutSheet(report, [finsam], { populations: false });
  if (!publication) return [finsam, about];
  // Suppressed together with the report's tables (same cell ids), so the Finsam publication
  // and the report's publication hide the same numbers and cannot be combined to reveal one.
  const published = suppressForPublication([about, finsam, ...reportSheets(report).slice(1)]);
  return [published[1]!, published[0]!];
}

/** One entry point for every export of a report: the file's bytes and how to serve it. */
export async function renderExport(
  report: Report,
  { format, publication }: ExportOptions,
): Promise<RenderedExport> {
  if (format === 'finsam') {
    const body = await renderXlsx(finsamSheets(report, publication));
    return { body, contentType: XLSX_CONTENT_TYPE, fileExtension: 'xlsx' };
  }
  const all = reportSheets(report, { previous: format === 'xlsx' });
  const sheets = (publication ? suppressForPublication(all) : all).map(describeChanges);
  if (format === 'csv') {
    return { body: renderCsv(sheets), contentType: CSV_CONTENT_TYPE, fileExtension: 'csv' };
  }
  return { body: await renderXlsx(sheets), contentType: XLSX_CONTENT_TYPE, fileExtension: 'xlsx' };
}
