// The one place the web application takes its Swedish labels of codes from. Today they come
// from the domain's vocabulary and the report texts the exports use, built in; when
// GET /v1/vocabulary exists (DESIGN §5 v1.1) only this file changes.

import {
  BUILT_IN_INSTRUMENTS,
  genders,
  interventionKinds,
  outcomes,
  referringParties,
} from '@stegvis/domain';
import {
  AGE_GROUP_LABELS,
  EMPLOYMENT_STATUS_LABELS,
  GENDER_COLUMN_LABELS,
  GOAL_KIND_LABELS,
  GOAL_STATUS_LABELS,
  TEXTS,
} from '@stegvis/reporting/labels';

/** The codes of a label table as its own key type (Object.keys answers plain strings). */
const codesOf = <K extends string>(labels: Readonly<Record<K, string>>) =>
  Object.keys(labels) as K[];

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
export const ageGroupLabel = labelIn(AGE_GROUP_LABELS);
export const AGE_GROUP_KEYS = codesOf(AGE_GROUP_LABELS);
export const employmentStatusLabel = labelIn(EMPLOYMENT_STATUS_LABELS);
export const EMPLOYMENT_STATUS_KEYS = codesOf(EMPLOYMENT_STATUS_LABELS);
export const goalKindLabel = labelIn(GOAL_KIND_LABELS);
export const goalStatusLabel = labelIn(GOAL_STATUS_LABELS);
export const COMPLETENESS_LABELS = TEXTS.completenessRows;

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
