import type { Gender } from './vocabulary';
import { vocabulary } from './vocabulary';

/*
 * The report's own categories and their Swedish labels: the exports, the web application and
 * the report JSON all take them from here, so a heading reads the same everywhere.
 */

/** Age at enrolment, as Uppföljning Finsam groups it (plus under 16, which the domain refuses). */
export const ageGroups = vocabulary({
  'under-16': 'Under 16 år',
  '16-19': '16–19 år',
  '20-24': '20–24 år',
  '25-29': '25–29 år',
  '30-39': '30–39 år',
  '40-49': '40–49 år',
  '50-59': '50–59 år',
  '60-64': '60–64 år',
  '65+': '65 år och äldre',
});
export type AgeGroup = (typeof ageGroups.keys)[number];

/** The SUS grouping of employment status before and after the intervention (DESIGN §4). */
export const employmentStatuses = vocabulary({
  work: 'Förvärvsarbete',
  studies: 'Studier',
  job_seeking: 'Aktivt arbetssökande',
  other: 'Övriga',
});
export type EmploymentStatus = (typeof employmentStatuses.keys)[number];

export const goalStatuses = vocabulary({
  met: 'Uppfyllt',
  not_met: 'Ej uppfyllt',
  insufficient_data: 'Otillräckligt underlag',
});
export type GoalStatus = (typeof goalStatuses.keys)[number];

/** Column headings of counts by gender (plural, as in a table head). */
export const GENDER_COLUMN_LABELS = {
  woman: 'Kvinnor',
  man: 'Män',
  other: 'Annat',
} as const satisfies Record<Gender, string>;

/** How complete the follow-up data is: what the report's `completeness` counts. */
export const completenessFacts = vocabulary({
  exited: 'Avslutade under perioden',
  startAndExitAssessment: 'Självskattning vid både start och avslut',
  satisfactionAnswer: 'Svar på nöjdhetsfrågan',
  ladderSteps: 'Minst två steg på stegtrappan',
  incomeSourceAtExitKnown: 'Känd försörjning vid avslut',
});
