import type { Report } from '../report/report.schema';
import { aboutSheet } from './about-sheet';
import { progressionSheet, satisfactionSheet } from './assessment-sheets';
import {
  attendanceSheet,
  completenessSheet,
  goalsSheet,
} from './attendance-completeness-goal-sheets';
import {
  ageGroupsSheet,
  educationLevelSheet,
  incomeSourceAtStartSheet,
  participantsSheet,
  referringPartySheet,
  supportDurationBeforeSheet,
} from './background-sheets';
import {
  daysSheet,
  employmentSheet,
  incomeChangeSheet,
  incomeSourceAtExitSheet,
  outcomesSheet,
} from './exit-sheets';
import {
  assignmentsSheet,
  followUpSheet,
  ongoingProgressionSheet,
  previousSheet,
  progressionByDimensionSheet,
  waitingDaysSheet,
} from './outcome-sheets';
import { scopesOf, withAttendance, withParticipants } from './sheet-builder';
import type { ReportSheet } from './sheet.types';

export { aboutSheet } from './about-sheet';

/**
 * Every table of the report as a sheet, "Om rapporten" first. Each table has the report's own
 * level first ("Hela förbundet", or the intervention's name), then each intervention. With
 * `previous`, the year before beside this one comes last (the workbook has it, the CSV not).
 */
export function reportSheets(
  report: Report,
  options: { readonly previous?: boolean } = {},
): ReportSheet[] {
  const all = scopesOf(report);
  const scopes = withParticipants(all);
  const tables: ReportSheet[] = [
    participantsSheet(scopes),
    ageGroupsSheet(scopes),
    referringPartySheet(scopes),
    incomeSourceAtStartSheet(scopes),
    incomeSourceAtExitSheet(scopes),
    outcomesSheet(scopes),
    daysSheet(scopes),
    waitingDaysSheet(scopes),
    satisfactionSheet(scopes),
    progressionSheet(scopes),
    progressionByDimensionSheet(scopes),
    ongoingProgressionSheet(scopes),
    assignmentsSheet(scopes),
    followUpSheet(scopes),
    employmentSheet(scopes),
    incomeChangeSheet(scopes),
    educationLevelSheet(scopes),
    supportDurationBeforeSheet(scopes),
    attendanceSheet(withAttendance(all)),
    completenessSheet(scopes),
    goalsSheet(all),
    ...(options.previous === true ? [previousSheet(all)] : []),
  ];
  return [aboutSheet(report, tables), ...tables];
}
