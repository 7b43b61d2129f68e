// The one place the web application takes its Swedish labels of codes from: the domain's
// vocabulary (libs/domain), bundled in at build time, the same labels the exports use.

import {
  ageGroups,
  assignmentAims,
  BUILT_IN_INSTRUMENTS,
  completenessFacts,
  employmentStatuses,
  followUpStatuses,
  GENDER_COLUMN_LABELS,
  genders,
  goalKinds,
  goalStatuses,
  interventionKinds,
  outcomes,
  progressionRules,
  referringParties,
} from '@stegvis/domain';

/** Label of a code in a list, or the code itself when the list does not know it. */
const labelIn =
  (labels: Readonly<Record<string, string>>) =>
  (code: string): string =>
    labels[code] ?? code;

export const GENDER_KEYS = genders.keys;
/** Column headings of counts by gender: "Kvinnor", "Män", "Annat". */
export const genderColumn = labelIn(GENDER_COLUMN_LABELS);
export const outcomeLabel = labelIn(outcomes.labels);
export const OUTCOME_KEYS = outcomes.keys;
export const referringPartyLabel = labelIn(referringParties.labels);
export const REFERRING_PARTY_KEYS = referringParties.keys;
export const interventionKindLabel = labelIn(interventionKinds.labels);
export const ageGroupLabel = labelIn(ageGroups.labels);
export const AGE_GROUP_KEYS = ageGroups.keys;
export const employmentStatusLabel = labelIn(employmentStatuses.labels);
export const EMPLOYMENT_STATUS_KEYS = employmentStatuses.keys;
export const goalKindLabel = labelIn(goalKinds.labels);
export const goalStatusLabel = labelIn(goalStatuses.labels);
export const progressionRuleLabel = labelIn(progressionRules.labels);
export const assignmentAimLabel = labelIn(assignmentAims.labels);
export const ASSIGNMENT_AIM_KEYS = assignmentAims.keys;
export const followUpStatusLabel = labelIn(followUpStatuses.labels);
export const COMPLETENESS_LABELS = completenessFacts.labels;

/** A self-assessment item's label ("Självkänsla"), from the built-in instruments. */
export function itemLabel(item: string): string {
  for (const instrument of Object.values(BUILT_IN_INSTRUMENTS)) {
    const found = instrument.items.find((candidate) => candidate.key === item);
    if (found) return found.label;
  }
  return item;
}

export const ROLE_LABELS = {
  admin: 'administratör',
  chief: 'förbundschef',
  board: 'styrelseledamot',
  staff: 'insatspersonal',
} as const;
