import {
  assessmentPhases,
  educationLevels,
  followUpStatuses,
  genders,
  incomeSources,
  outcomes,
  referringParties,
  retractionReasons,
  supportDurations,
} from '@stegvis/domain';
import type { Choice } from '../../forms/fields';

// The staff forms' choices: every code of the domain's vocabularies with its Swedish label (the
// labels GET /v1/vocabulary will serve, DESIGN §5 v1.1; then only this file changes).

const choicesOf = (labels: Readonly<Record<string, string>>): Choice[] =>
  Object.entries(labels).map(([value, label]) => ({ value, label }));

/** A select's first, empty choice: nothing is preselected where a guess would be wrong. */
export const PICK_ONE: Choice = { value: '', label: 'Välj …' };

export const GENDER_CHOICES = choicesOf(genders.labels);
export const REFERRING_PARTY_CHOICES = choicesOf(referringParties.labels);
export const INCOME_SOURCE_CHOICES = choicesOf(incomeSources.labels);
export const EDUCATION_CHOICES = choicesOf(educationLevels.labels);
export const SUPPORT_DURATION_CHOICES = choicesOf(supportDurations.labels);
export const OUTCOME_CHOICES = choicesOf(outcomes.labels);
export const PHASE_CHOICES = choicesOf(assessmentPhases.labels);
export const RETRACTION_REASON_CHOICES = choicesOf(retractionReasons.labels);

export const genderLabel = (code: string) =>
  genders.labels[code as keyof typeof genders.labels] ?? code;
export const incomeSourceLabel = (code: string) =>
  incomeSources.labels[code as keyof typeof incomeSources.labels] ?? code;
export const outcomeLabel = (code: string) =>
  outcomes.labels[code as keyof typeof outcomes.labels] ?? code;
export const phaseLabel = (code: string) =>
  assessmentPhases.labels[code as keyof typeof assessmentPhases.labels] ?? code;
export const retractionReasonLabel = (code: string) =>
  retractionReasons.labels[code as keyof typeof retractionReasons.labels] ?? code;
export const followUpStatusLabel = (code: string) =>
  followUpStatuses.labels[code as keyof typeof followUpStatuses.labels] ?? code;
export const referringPartyLabel = (code: string) =>
  referringParties.labels[code as keyof typeof referringParties.labels] ?? code;

/** The satisfaction scale's answers, 4–5 counting as nöjd (DESIGN §1). */
export const SATISFACTION_CHOICES: Choice[] = [
  { value: '1', label: '1 – Mycket missnöjd' },
  { value: '2', label: '2 – Ganska missnöjd' },
  { value: '3', label: '3 – Varken nöjd eller missnöjd' },
  { value: '4', label: '4 – Ganska nöjd' },
  { value: '5', label: '5 – Mycket nöjd' },
];
