import { z } from 'zod';
import { allowing, listed } from './shared/messages';

/**
 * Every category a participant may be described by, with the Swedish label a person reads. A
 * refused value is answered with every code and its label.
 */
export function vocabulary<const K extends string>(labels: Record<K, string>) {
  const keys = Object.keys(labels) as [K, ...K[]];
  const allowed = `en av koderna ${listed(keys.map((k) => `${k} (${labels[k]})`))}`;
  return { schema: z.enum(keys, { error: allowing(allowed) }), labels, keys, allowed };
}

export const parties = vocabulary({
  FK: 'Försäkringskassan',
  AF: 'Arbetsförmedlingen',
  MUNICIPALITY: 'Kommun',
  REGION: 'Region',
});
export const Party = parties.schema;
export type Party = z.infer<typeof Party>;

export const referringParties = vocabulary({
  ...parties.labels,
  SELF: 'Egen anmälan',
  OTHER: 'Annan',
});
export const ReferringParty = referringParties.schema;
export type ReferringParty = z.infer<typeof ReferringParty>;

export const genders = vocabulary({ woman: 'Kvinna', man: 'Man', other: 'Annat/vill ej ange' });
export const Gender = genders.schema;
export type Gender = z.infer<typeof Gender>;

export const incomeSources = vocabulary({
  sickness_benefit: 'Sjukpenning',
  activity_compensation: 'Aktivitetsersättning',
  sickness_compensation: 'Sjukersättning',
  social_assistance: 'Ekonomiskt bistånd',
  unemployment_support: 'A-kassa, aktivitetsstöd eller etableringsersättning',
  salary: 'Lön',
  student_aid: 'Studiemedel',
  none: 'Ingen försörjning',
  other: 'Annan försörjning',
  unknown: 'Okänd',
});
export const IncomeSource = incomeSources.schema;
export type IncomeSource = z.infer<typeof IncomeSource>;

export const outcomes = vocabulary({
  work: 'Arbete (även subventionerat)',
  studies: 'Studier',
  job_seeking: 'Aktualiserad hos Arbetsförmedlingen',
  other_support: 'Vidare till annan insats eller part',
  health: 'Ohälsa',
  moved: 'Flytt',
  dropped_out: 'Avbrott',
  other: 'Annan avslutsorsak',
});
export const Outcome = outcomes.schema;
export type Outcome = z.infer<typeof Outcome>;

export const educationLevels = vocabulary({
  compulsory: 'Förgymnasial utbildning',
  upper_secondary: 'Gymnasial utbildning',
  post_secondary: 'Eftergymnasial utbildning',
  unknown: 'Okänd',
});
export const EducationLevel = educationLevels.schema;
export type EducationLevel = z.infer<typeof EducationLevel>;

export const supportDurations = vocabulary({
  none: 'Ingen tid med offentlig försörjning',
  under_1y: 'Mindre än 1 år',
  '1_2y': '1–2 år',
  '2_5y': '2–5 år',
  over_5y: 'Mer än 5 år',
  unknown: 'Okänd',
});
export const SupportDuration = supportDurations.schema;
export type SupportDuration = z.infer<typeof SupportDuration>;

export const interventionKinds = vocabulary({
  individual: 'Individinriktad',
  structural: 'Strukturinriktad',
});
export const InterventionKind = interventionKinds.schema;
export type InterventionKind = z.infer<typeof InterventionKind>;

export const assessmentPhases = vocabulary({
  start: 'Start',
  followup: 'Uppföljning',
  exit: 'Avslut',
});
export const AssessmentPhase = assessmentPhases.schema;
export type AssessmentPhase = z.infer<typeof AssessmentPhase>;

/**
 * Reasons are codes, never free text: a free-text reason is where names and health details
 * would end up.
 */
export const retractionReasons = vocabulary({
  entered_in_error: 'Felregistrering',
  wrong_date: 'Fel datum',
  wrong_value: 'Fel värde',
  duplicate: 'Dubblettregistrering',
  wrong_participant: 'Registrerad på fel deltagare',
});
export const RetractionReason = retractionReasons.schema;
export type RetractionReason = z.infer<typeof RetractionReason>;

export const erasureReasons = vocabulary({
  consent_withdrawn: 'Samtycket återkallat',
  registered_in_error: 'Registrerad av misstag',
});
export const ErasureReason = erasureReasons.schema;
export type ErasureReason = z.infer<typeof ErasureReason>;

/** The uppdrag a participant is enrolled with (SamCoach: every case has one). */
export const assignmentAims = vocabulary({
  self_sufficiency: 'Egen försörjning (arbete, studier)',
  work_ability: 'Förbättrad arbets- eller funktionsförmåga',
  job_seeking_readiness: 'Redo att aktualiseras hos Arbetsförmedlingen',
  coordinated_support: 'Samordnat stöd mellan parterna',
  other: 'Annat uppdrag',
});
export const AssignmentAim = assignmentAims.schema;
export type AssignmentAim = z.infer<typeof AssignmentAim>;

/** What a person does at a follow-up after exit: an avslutsorsak, or not reached. */
export const followUpStatuses = vocabulary({
  ...outcomes.labels,
  unknown: 'Ej nådd vid uppföljningen',
});
export const FollowUpStatus = followUpStatuses.schema;
export type FollowUpStatus = z.infer<typeof FollowUpStatus>;

/** The months after exit at which a follow-up is made. */
export const FOLLOW_UP_MONTHS = [3, 6, 12] as const;
export type FollowUpMonths = (typeof FOLLOW_UP_MONTHS)[number];
export const followUpMarks = {
  keys: FOLLOW_UP_MONTHS,
  labels: {
    3: '3 månader efter avslut',
    6: '6 månader efter avslut',
    12: '12 månader efter avslut',
  },
} as const;
export const FollowUpMonths = z.literal(FOLLOW_UP_MONTHS, {
  error: allowing('antalet månader efter avslut: 3, 6 eller 12'),
});

/** When a participant's self-assessment counts as positive progression (positiveProgressShare). */
export const progressionRules = vocabulary({
  anyImproved: 'Högre i minst ett område',
  anyImprovedNoneWorse: 'Högre i minst ett område och lägre i inget',
  sumImproved: 'Högre summa över områdena',
  eachDimension: 'Varje område för sig',
});
export const ProgressionRule = progressionRules.schema;
export type ProgressionRule = z.infer<typeof ProgressionRule>;
