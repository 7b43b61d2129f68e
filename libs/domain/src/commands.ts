import { z } from 'zod';
import { Goals } from './goals';
import {
  BUILT_IN_INSTRUMENT_KEYS,
  Instrument,
  InstrumentKey,
  ItemKey,
  Ladder,
} from './instruments';
import { Assignment, CorrectableEnrolmentFields } from './events';
import { IsoDate } from './shared/dates';
import { allowing, listed, named, refusedAt, sentence } from './shared/messages';
import { capitalised, fieldName } from './shared/fields';
import { readableText } from './shared/text';
import {
  AssessmentPhase,
  EducationLevel,
  ErasureReason,
  FollowUpMonths,
  FollowUpStatus,
  Gender,
  IncomeSource,
  InterventionKind,
  Outcome,
  Party,
  ReferringParty,
  RetractionReason,
  SupportDuration,
} from './vocabulary';

/**
 * Request bodies of the write API. All are strict: an unknown field is rejected, so nothing
 * identifying (a name, a personnummer, a comment) can be slipped in beside the known fields.
 */

const Name = readableText({ min: 2, max: 120 });
const Count = z.number().int().min(0).max(100_000);

/** Organisationsnummer NNNNNN-NNNN with a valid check digit. Its third digit is ≥ 2, which is what
 * tells it apart from a personnummer (a month digit is 0 or 1): a personnummer is refused here. */
export const OrgNumber = z
  .string({ error: allowing('tio siffror skrivna NNNNNN-NNNN, t.ex. 222000-1974') })
  .regex(/^\d{6}-?\d{4}$/)
  .transform((s) => s.replace('-', ''))
  .refine((digits) => Number(digits[2]) >= 2, {
    error: named(
      (field) =>
        `${capitalised(field)} är inte ett organisationsnummer: ett sådant har 2 eller högre som tredje siffra (ett personnummer har 0 eller 1 där). Ange förbundets organisationsnummer.`,
    ),
  })
  .refine(luhnValid, {
    error: named((field) => `Kontrollsiffran i ${field} stämmer inte: kontrollera numret.`),
  })
  .transform((digits) => `${digits.slice(0, 6)}-${digits.slice(6)}`);

function luhnValid(digits: string): boolean {
  const sum = [...digits].reduce((acc, ch, i) => {
    const d = Number(ch) * (i % 2 === 0 ? 2 : 1);
    return acc + (d > 9 ? d - 9 : d);
  }, 0);
  return sum % 10 === 0;
}

const uniqueParties = z
  .array(Party, { error: allowing('en lista med minst en part, t.ex. ["FK", "AF"]') })
  .min(1)
  .superRefine((parties, ctx) => {
    parties.forEach((party, i) => {
      const first = parties.indexOf(party);
      if (first < i)
        ctx.addIssue(refusedAt([i], `är samma som part ${first + 1}: ange varje part en gång`));
    });
  });

/** A built-in questionnaire by its key, or a whole questionnaire of the association's own. */
const InstrumentChoice = z.union([InstrumentKey, Instrument], {
  error: (issue) => {
    if (issue.code !== 'invalid_union' || typeof issue.input !== 'object' || issue.input === null) {
      return sentence(
        issue,
        `nyckeln till ett inbyggt formulär (${listed(BUILT_IN_INSTRUMENT_KEYS)}) eller ett eget formulär med key, label och items`,
      );
    }
    // An own questionnaire: what is wrong inside it, as the object's own checks say it.
    const inside = issue.errors[1] ?? [];
    return [
      sentence(issue, 'ett giltigt eget formulär').replace(/ ska vara .*$/, ' är inte giltigt.'),
      ...inside.map((i) => i.message),
    ].join(' ');
  },
});

export const RegisterAssociationBody = z.strictObject({
  name: Name,
  orgNumber: OrgNumber,
  parties: uniqueParties,
});
export type RegisterAssociationBody = z.infer<typeof RegisterAssociationBody>;

export const RegisterInterventionBody = z
  .strictObject({
    name: Name,
    kind: InterventionKind,
    parties: uniqueParties,
    startsOn: IsoDate,
    endsOn: IsoDate.optional(),
    instrument: InstrumentChoice.optional(),
    /**
     * v1.1: every instrument the insats uses, instead of `instrument`; the first is the
     * self-assessment progression compares, the others are asked beside it.
     */
    instruments: z
      .array(InstrumentChoice, { error: allowing('en lista med 1–10 formulär') })
      .min(1)
      .max(10)
      .optional(),
    ladder: Ladder.optional(),
  })
  .refine((b) => b.instrument === undefined || b.instruments === undefined, {
    message:
      'Ange antingen ett formulär (instrument) eller en lista med formulär (instruments), inte båda.',
    path: ['instruments'],
  });
export type RegisterInterventionBody = z.infer<typeof RegisterInterventionBody>;

/** One instrument to add (`instrument`, DESIGN §5) or several at once (`instruments`). */
export const ChangeInterventionInstrumentsBody = z
  .strictObject({
    instrument: InstrumentChoice.optional(),
    instruments: z
      .array(InstrumentChoice, { error: allowing('en lista med 1–10 formulär att lägga till') })
      .min(1)
      .max(10)
      .optional(),
  })
  .refine((b) => (b.instrument === undefined) !== (b.instruments === undefined), {
    message:
      'Ange ett formulär att lägga till (instrument) eller en lista med formulär (instruments), inte båda.',
    path: ['instrument'],
  });
export type ChangeInterventionInstrumentsBody = z.infer<typeof ChangeInterventionInstrumentsBody>;

export const SetGoalsBody = z.strictObject({ goals: Goals });
export type SetGoalsBody = z.infer<typeof SetGoalsBody>;

export const CloseInterventionBody = z.strictObject({ closedOn: IsoDate });
export type CloseInterventionBody = z.infer<typeof CloseInterventionBody>;

export const RecordAttendanceBody = z
  .strictObject({ occurredOn: IsoDate, women: Count, men: Count, other: Count })
  .refine((b) => b.women + b.men + b.other > 0, {
    message:
      'Antalet kvinnor, män och övriga (women, men, other) är alla 0: ange hur många som deltog.',
  });
export type RecordAttendanceBody = z.infer<typeof RecordAttendanceBody>;

export const EnrolParticipantBody = z.strictObject({
  enrolledOn: IsoDate,
  gender: Gender,
  birthYear: z.number().int().min(1900).max(2100),
  referringParty: ReferringParty,
  incomeSource: IncomeSource,
  educationLevel: EducationLevel,
  supportDurationBefore: SupportDuration,
  /** v1.1: the date of the aktualisering. */
  referredOn: IsoDate.optional(),
  /** v1.1: the uppdrag. */
  assignment: Assignment.optional(),
});
export type EnrolParticipantBody = z.infer<typeof EnrolParticipantBody>;

const SCORES_EXAMPLE = 'ett objekt med ett heltal per fråga, t.ex. {"wellbeing": 7}';
export const RecordSelfAssessmentBody = z.strictObject({
  instrument: InstrumentKey,
  phase: AssessmentPhase,
  assessedOn: IsoDate,
  scores: z
    .record(ItemKey, z.number({ error: allowing('ett heltal på formulärets skala') }).int(), {
      error: (issue) =>
        issue.code === 'invalid_key'
          ? `Nycklarna i ${fieldName(['scores'])} ska vara frågornas nycklar, t.ex. wellbeing.`
          : sentence(issue, SCORES_EXAMPLE),
    })
    .refine((s) => Object.keys(s).length > 0, {
      error: named(
        (field) => `${capitalised(field)} måste innehålla minst ett värde: ange ${SCORES_EXAMPLE}.`,
      ),
    }),
});
export type RecordSelfAssessmentBody = z.infer<typeof RecordSelfAssessmentBody>;

export const RecordProgressionStepBody = z.strictObject({
  level: z.number().int().min(1),
  stepOn: IsoDate,
});
export type RecordProgressionStepBody = z.infer<typeof RecordProgressionStepBody>;

export const RecordSatisfactionBody = z.strictObject({
  score: z.number().int().min(1).max(5),
  answeredOn: IsoDate,
});
export type RecordSatisfactionBody = z.infer<typeof RecordSatisfactionBody>;

export const ExitParticipantBody = z.strictObject({
  exitedOn: IsoDate,
  outcome: Outcome,
  incomeSource: IncomeSource,
  planHandedOver: z.boolean(),
  /** v1.1: for a participant with an uppdrag: was its aim reached? */
  assignmentGoalReached: z.boolean().optional(),
});
export type ExitParticipantBody = z.infer<typeof ExitParticipantBody>;

export const RecordFollowUpBody = z.strictObject({
  monthsAfterExit: FollowUpMonths,
  followedUpOn: IsoDate,
  status: FollowUpStatus,
  incomeSource: IncomeSource,
});
export type RecordFollowUpBody = z.infer<typeof RecordFollowUpBody>;

export const CorrectEnrolmentBody = z.strictObject({
  fields: CorrectableEnrolmentFields.refine((f) => Object.keys(f).length > 0, {
    // Only an empty object is "nothing to correct"; unknown fields have their own answer.
    when: (payload) => payload.issues.length === 0,
    error: named(
      (field) =>
        `${capitalised(field)} måste innehålla minst en uppgift att rätta, t.ex. {"birthYear": 1988}.`,
    ),
  }),
});
export type CorrectEnrolmentBody = z.infer<typeof CorrectEnrolmentBody>;

export const RetractEntryBody = z.strictObject({
  eventId: z.uuid({
    error: allowing(
      'id:t för en uppgift i deltagarens historik, t.ex. 0b7e3c9a-5d21-4f8e-9a6b-2c4d8e1f3a57',
    ),
  }),
  reason: RetractionReason,
});
export type RetractEntryBody = z.infer<typeof RetractEntryBody>;

export const EraseParticipantBody = z.strictObject({ reason: ErasureReason });
export type EraseParticipantBody = z.infer<typeof EraseParticipantBody>;
