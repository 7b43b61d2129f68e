// The one place the web application takes its Swedish labels of codes from: GET /v1/vocabulary,
// loaded once per session by the frame (frame/vocabulary-gate.tsx) before any signed-in page
// renders, so a label reads the same here as in the API and the exports.

import {
  ageGroups,
  assignmentAims,
  BUILT_IN_INSTRUMENTS,
  employmentStatuses,
  genders,
  outcomes,
  referringParties,
} from '@stegvis/domain';
import type { Schemas } from './api/client';

export type Vocabulary = Schemas['VocabularyGetAnswer'];
type ServedList = Exclude<keyof Vocabulary, 'followUpMarks'>;

let served: ReadonlyMap<ServedList, ReadonlyMap<string, string>> = new Map();
let marks: ReadonlyMap<number, string> = new Map();

/** Takes the vocabulary the API served; every label function reads it from now on. */
export function takeVocabulary({ followUpMarks, ...lists }: Vocabulary): void {
  served = new Map(
    Object.entries(lists).map(([name, list]) => [
      name as ServedList,
      new Map(list.map((entry) => [entry.code, entry.label])),
    ]),
  );
  marks = new Map(followUpMarks.map((entry) => [entry.code, entry.label]));
}

/** Label of a code in a served list, or the code itself when the list does not know it. */
const servedLabel =
  (list: ServedList) =>
  (code: string): string =>
    served.get(list)?.get(code) ?? code;

// Codes (not labels): the order of rows, the same in every build of the domain.
export const GENDER_KEYS = genders.keys;
export const OUTCOME_KEYS = outcomes.keys;
export const REFERRING_PARTY_KEYS = referringParties.keys;
export const AGE_GROUP_KEYS = ageGroups.keys;
export const EMPLOYMENT_STATUS_KEYS = employmentStatuses.keys;
export const ASSIGNMENT_AIM_KEYS = assignmentAims.keys;

/** Column headings of counts by gender: "Kvinnor", "Män", "Annat". */
export const genderColumn = servedLabel('genderColumns');
export const outcomeLabel = servedLabel('outcomes');
export const referringPartyLabel = servedLabel('referringParties');
export const interventionKindLabel = servedLabel('interventionKinds');
export const ageGroupLabel = servedLabel('ageGroups');
export const employmentStatusLabel = servedLabel('employmentStatuses');
export const goalKindLabel = servedLabel('goalKinds');
export const goalStatusLabel = servedLabel('goalStatuses');
export const progressionRuleLabel = servedLabel('progressionRules');
export const assignmentAimLabel = servedLabel('assignmentAims');
export const followUpStatusLabel = servedLabel('followUpStatuses');
/** "6 månader efter avslut" */
export const followUpMarkLabel = (months: number): string => marks.get(months) ?? String(months);
export const completenessLabel = servedLabel('completenessFacts');

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
