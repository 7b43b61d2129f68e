import type { Report } from '../report/report.schema';
import { ABOUT_TEXTS, SHEET_NAMES, TEXTS } from './labels';
import { figure, text, type Cell, type ReportRow, type ReportSheet } from './sheet.types';

/**
 * The "Om rapporten" sheet: whose report, which period, how fresh, how the tables count, and
 * what each of `described` holds.
 */
export function aboutSheet(
  report: Report,
  described: readonly ReportSheet[],
  options: { populations?: boolean } = {},
): ReportSheet {
  const rows: ReportRow[] = [];
  const add = (key: string, value: string | Cell) =>
    rows.push({ row: text(key), text: typeof value === 'string' ? text(value) : value });
  add(ABOUT_TEXTS.association, report.associationName);
  if (report.interventionId !== undefined) {
    add(ABOUT_TEXTS.intervention, report.interventionName ?? report.interventionId);
  }
  // A number, so that Excel can filter and compare on it.
  add(ABOUT_TEXTS.year, figure('year', report.year));
  add(ABOUT_TEXTS.period, `${report.period.from} – ${report.period.to}`);
  if (report.countedThrough !== report.period.to) {
    add(
      ABOUT_TEXTS.counted,
      report.countedThrough === null
        ? ABOUT_TEXTS.countedNotBegun
        : ABOUT_TEXTS.countedRunning(report.countedThrough),
    );
  }
  add(
    ABOUT_TEXTS.checkpoint,
    report.checkpoint === null
      ? ABOUT_TEXTS.noCheckpoint
      : ABOUT_TEXTS.checkpointValue(report.checkpoint),
  );
  if (report.asOf !== undefined) add(ABOUT_TEXTS.asOf, ABOUT_TEXTS.asOfValue(report.asOf));
  if (options.populations ?? true) {
    add(
      ABOUT_TEXTS.levels,
      report.interventionId === undefined ? ABOUT_TEXTS.levelsValue : ABOUT_TEXTS.singleLevelValue,
    );
    add(ABOUT_TEXTS.populations, ABOUT_TEXTS.populationsValue);
  }
  add(ABOUT_TEXTS.genders, ABOUT_TEXTS.gendersValue);
  for (const sheet of described) {
    if (sheet.description !== undefined) add(ABOUT_TEXTS.table(sheet.name), sheet.description);
  }
  return {
    key: 'about',
    name: SHEET_NAMES.about,
    columns: [
      { key: 'row', header: TEXTS.aboutKeyHeader },
      { key: 'text', header: TEXTS.aboutValueHeader },
    ],
    rows,
    lines: [],
  };
}
