import type { Choice } from '../../forms/fields';

// The staff forms' own choices. The choices of a code list come from the served vocabulary
// (choicesOf in labels.ts), read while rendering.

/** A select's first, empty choice: nothing is preselected where a guess would be wrong. */
export const PICK_ONE: Choice = { value: '', label: 'Välj …' };

/** The uppdrag select's first choice: an uppdrag is optional (not every insats gives one). */
export const NO_ASSIGNMENT: Choice = { value: '', label: 'Inget uppdrag' };

/** The satisfaction scale's answers, 4–5 counting as nöjd (DESIGN §1). */
export const SATISFACTION_CHOICES: Choice[] = [
  { value: '1', label: '1 – Mycket missnöjd' },
  { value: '2', label: '2 – Ganska missnöjd' },
  { value: '3', label: '3 – Varken nöjd eller missnöjd' },
  { value: '4', label: '4 – Ganska nöjd' },
  { value: '5', label: '5 – Mycket nöjd' },
];
