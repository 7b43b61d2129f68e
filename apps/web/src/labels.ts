// The one place the web application takes its Swedish labels of codes from: GET /v1/vocabulary,
// loaded once per session by the frame (frame/vocabulary-gate.tsx) before any signed-in page
// renders, so a label reads the same here as in the API and the exports. The vocabulary arrives
// after this module loads: read labels and choices while rendering, never into a constant.

import {
  ageGroups,
  assignmentAims,
  employmentStatuses,
  genders,
  outcomes,
  referringParties,
} from '@stegvis/domain';
import type { Schemas } from './api/client';
import type { Choice } from './forms/fields';

export type Vocabulary = Schemas['VocabularyGetAnswer'];
/** A list of codes the vocabulary serves: "genders", "outcomes", … */
export type CodeList = Exclude<keyof Vocabulary, 'followUpMarks'>;

let vocabulary: Vocabulary | undefined;
let served: ReadonlyMap<CodeList, ReadonlyMap<string, string>> = new Map();
let marks: ReadonlyMap<number, string> = new Map();

/** Takes the vocabulary the API served; every label and choice reads it from now on. */
export function takeVocabulary(answer: Vocabulary): void {
  const { followUpMarks, ...lists } = answer;
  vocabulary = answer;
  served = new Map(
    Object.entries(lists).map(([name, list]) => [
      name as CodeList,
      new Map(list.map((entry) => [entry.code, entry.label])),
    ]),
  );
  marks = new Map(followUpMarks.map((entry) => [entry.code, entry.label]));
}

/** A served list's codes in its order, with their labels: the choices of a select, radios or checkboxes. */
export const choicesOf = (list: CodeList): Choice[] =>
  (vocabulary?.[list] ?? []).map(({ code, label }) => ({ value: code, label }));

/** Label of a code in a served list, or the code itself when the list does not know it. */
const servedLabel =
  (list: CodeList) =>
  (code: string): string =>
    served.get(list)?.get(code) ?? code;

// Codes (not labels): the order of rows, the same in every build of the domain.
export const GENDER_KEYS = genders.keys;
export const OUTCOME_KEYS = outcomes.keys;
export const REFERRING_PARTY_KEYS = referringParties.keys;
export const AGE_GROUP_KEYS = ageGroups.keys;
export const EMPLOYMENT_STATUS_KEYS = employmentStatuses.keys;
export const ASSIGNMENT_AIM_KEYS = assignmentAims.keys;

export const genderLabel = servedLabel('genders');
/** Column headings of counts by gender: "Kvinnor", "Män", "Annat". */
export const genderColumn = servedLabel('genderColumns');
export const partyLabel = servedLabel('parties');
export const referringPartyLabel = servedLabel('referringParties');
export const incomeSourceLabel = servedLabel('incomeSources');
export const educationLabel = servedLabel('educationLevels');
export const supportDurationLabel = servedLabel('supportDurations');
export const outcomeLabel = servedLabel('outcomes');
export const interventionKindLabel = servedLabel('interventionKinds');
export const phaseLabel = servedLabel('assessmentPhases');
export const retractionReasonLabel = servedLabel('retractionReasons');
export const ageGroupLabel = servedLabel('ageGroups');
export const employmentStatusLabel = servedLabel('employmentStatuses');
export const goalKindLabel = servedLabel('goalKinds');
export const goalStatusLabel = servedLabel('goalStatuses');
export const progressionRuleLabel = servedLabel('progressionRules');
export const assignmentAimLabel = servedLabel('assignmentAims');
export const participantStatusLabel = servedLabel('participantStatuses');
export const missingEntryLabel = servedLabel('missingEntries');
export const followUpStatusLabel = servedLabel('followUpStatuses');
export const completenessLabel = servedLabel('completenessFacts');

/** "6 månader efter avslut" */
export const followUpMarkLabel = (months: number): string => marks.get(months) ?? String(months);

/** The follow-up marks as choices, the given months or else every mark. */
export const followUpMarkChoices = (
  months: readonly number[] = vocabulary?.followUpMarks.map((mark) => mark.code) ?? [],
): Choice[] => months.map((m) => ({ value: String(m), label: followUpMarkLabel(m) }));

type Instruments = readonly {
  readonly key: string;
  readonly items: readonly { readonly key: string; readonly label: string }[];
}[];

/** A self-assessment item's label ("Självkänsla"); `instrument` picks among equal item keys. */
export type ItemLabel = (item: string, instrument?: string) => string;

/**
 * Item labels from the instruments the API serves: with the insatser (GET
 * /v1/associations/{aid}/interventions) or with a report (its `instruments`). A förbund's own
 * instruments are known only there.
 */
export function itemLabels(instruments: Instruments): ItemLabel {
  return (item, instrument) => {
    const preferred = instruments.filter((i) => i.key === instrument);
    for (const candidate of [...preferred, ...instruments]) {
      const found = candidate.items.find((i) => i.key === item);
      if (found) return found.label;
    }
    return item;
  };
}

export const ROLE_LABELS = {
  admin: 'administratör',
  chief: 'förbundschef',
  board: 'styrelseledamot',
  staff: 'insatspersonal',
} as const;
