import {
  assessmentPhases,
  assignmentAims,
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

/** A code's Swedish label, or the code itself when the list does not know it. */
const labelIn =
  (labels: Readonly<Record<string, string>>) =>
  (code: string): string =>
    labels[code] ?? code;

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
export const ASSIGNMENT_AIM_CHOICES = choicesOf(assignmentAims.labels);
export const FOLLOW_UP_STATUS_CHOICES = choicesOf(followUpStatuses.labels);

/** The uppdrag select's first choice: an uppdrag is optional (not every insats gives one). */
export const NO_ASSIGNMENT: Choice = { value: '', label: 'Inget uppdrag' };

export const genderLabel = labelIn(genders.labels);
export const incomeSourceLabel = labelIn(incomeSources.labels);
export const outcomeLabel = labelIn(outcomes.labels);
export const phaseLabel = labelIn(assessmentPhases.labels);
export const retractionReasonLabel = labelIn(retractionReasons.labels);
export const followUpStatusLabel = labelIn(followUpStatuses.labels);
export const referringPartyLabel = labelIn(referringParties.labels);
export const assignmentAimLabel = labelIn(assignmentAims.labels);
export const educationLabel = labelIn(educationLevels.labels);
export const supportDurationLabel = labelIn(supportDurations.labels);

/** The satisfaction scale's answers, 4–5 counting as nöjd (DESIGN §1). */
export const SATISFACTION_CHOICES: Choice[] = [
  { value: '1', label: '1 – Mycket missnöjd' },
  { value: '2', label: '2 – Ganska missnöjd' },
  { value: '3', label: '3 – Varken nöjd eller missnöjd' },
  { value: '4', label: '4 – Ganska nöjd' },
  { value: '5', label: '5 – Mycket nöjd' },
];
