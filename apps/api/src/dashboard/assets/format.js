// Swedish number formatting and the labels a person reads (the same wording as libs/domain).

const integerFormat = new Intl.NumberFormat('sv-SE', { maximumFractionDigits: 0 });
const decimalFormat = new Intl.NumberFormat('sv-SE', { maximumFractionDigits: 1 });
const percentFormat = new Intl.NumberFormat('sv-SE', {
  style: 'percent',
  maximumFractionDigits: 1,
});
const dateFormat = new Intl.DateTimeFormat('sv-SE', { dateStyle: 'long', timeZone: 'UTC' });
const timeFormat = new Intl.DateTimeFormat('sv-SE', { dateStyle: 'long', timeStyle: 'short' });

export const DASH = '–';

const isNumber = (value) => typeof value === 'number' && Number.isFinite(value);

/** 1 234 */
export const count = (value) => (isNumber(value) ? integerFormat.format(value) : DASH);

/** 12,5 */
export const decimal = (value) => (isNumber(value) ? decimalFormat.format(value) : DASH);

/** A share 0–1 as "87,5 %". */
export const percent = (share) => (isNumber(share) ? percentFormat.format(share) : DASH);

/** part of whole as "87,5 %", or a dash when there is nothing to divide by. */
export const percentOf = (part, whole) => (whole > 0 ? percent(part / whole) : DASH);

/** "7 av 8" */
export const countOf = (part, whole) => `${count(part)} av ${count(whole)}`;

/** An ISO date (YYYY-MM-DD) as "1 januari 2025". */
export const date = (iso) => {
  const parsed = typeof iso === 'string' ? new Date(`${iso.slice(0, 10)}T00:00:00Z`) : null;
  return parsed && !Number.isNaN(parsed.getTime()) ? dateFormat.format(parsed) : DASH;
};

/** A point in time as "22 november 2026 17:05" in the reader's time zone. */
export const dateTime = (value) => timeFormat.format(value);

/** Whether the report's period is still running: it is counted through `countedThrough`. */
export const isRunning = (report) =>
  typeof report.countedThrough === 'string' && report.countedThrough !== report.period.to;

export const GENDERS = [
  { key: 'woman', label: 'Kvinnor' },
  { key: 'man', label: 'Män' },
  { key: 'other', label: 'Annat/vill ej ange' },
];

export const ROLE_LABELS = {
  admin: 'administratör',
  chief: 'förbundschef',
  board: 'styrelse',
  staff: 'insatspersonal',
};

export const INTERVENTION_KINDS = {
  individual: 'Individinriktad',
  structural: 'Strukturinriktad',
};

export const OUTCOMES = {
  work: 'Arbete (även subventionerat)',
  studies: 'Studier',
  job_seeking: 'Aktualiserad hos Arbetsförmedlingen',
  other_support: 'Vidare till annan insats eller part',
  health: 'Ohälsa',
  moved: 'Flytt',
  dropped_out: 'Avbrott',
  other: 'Annan avslutsorsak',
};

/** Short outcome labels for chart axes (the tables use the full ones). */
export const OUTCOME_SHORT = {
  work: 'Arbete',
  studies: 'Studier',
  job_seeking: 'Aktualiserad hos AF',
  other_support: 'Annan insats/part',
  health: 'Ohälsa',
  moved: 'Flytt',
  dropped_out: 'Avbrott',
  other: 'Annat',
};

/** SUS's grouping of employment status before and after. */
export const EMPLOYMENT_STATUSES = {
  work: 'Förvärvsarbete',
  studies: 'Studier',
  job_seeking: 'Aktivt arbetssökande',
  other: 'Övriga',
};

export const AGE_GROUPS = {
  'under-16': 'Under 16',
  '16-19': '16–19',
  '20-24': '20–24',
  '25-29': '25–29',
  '30-39': '30–39',
  '40-49': '40–49',
  '50-59': '50–59',
  '60-64': '60–64',
  '65+': '65 och äldre',
};

export const GOAL_KINDS = {
  outcomeShare: 'Andel avslutade med visst avslut',
  satisfactionShare: 'Andel nöjda deltagare',
  positiveProgressShare: 'Andel med positiv förflyttning',
  participantCount: 'Antal deltagare',
  genderBalance: 'Könsfördelning',
  planAtExitShare: 'Andel med planering vid avslut',
  itemShare: 'Andel med högt svar på en fråga',
};

export const GOAL_STATUSES = {
  met: { label: 'Uppfyllt', icon: '✓' },
  not_met: { label: 'Ej uppfyllt', icon: '✗' },
  insufficient_data: { label: 'Otillräckligt underlag', icon: '?' },
};

/**
 * What a participantCount goal counts on an insats of `kind`: a structural insats enrols nobody
 * and its goal counts the head counts recorded (närvarande).
 */
export const countedNoun = (kind) => (kind === 'structural' ? 'närvarande' : 'deltagare');

/** The goal's target as a person says it, for a goal of an insats of `kind` (or the förbund). */
export function goalTarget(goal, kind) {
  switch (goal.kind) {
    case 'participantCount':
      return `minst ${count(goal.target)} ${countedNoun(kind)}`;
    case 'genderBalance':
      return `högst ${decimal(goal.target * 100)} procentenheters skillnad`;
    default:
      return `minst ${percent(goal.target)}`;
  }
}

/** The goal's outcome in the same terms as its target. */
export function goalValue(goal, kind) {
  if (!isNumber(goal.value)) return DASH;
  switch (goal.kind) {
    case 'participantCount':
      return `${count(goal.value)} ${countedNoun(kind)}`;
    case 'genderBalance':
      return `${decimal(goal.value * 100)} procentenheter`;
    default:
      return percent(goal.value);
  }
}

/** What the outcome was computed from: "7 av 8", or the count alone for participantCount. */
export function goalBasis(goal) {
  if (goal.denominator === null || goal.denominator === undefined) return count(goal.numerator);
  return countOf(goal.numerator, goal.denominator);
}
