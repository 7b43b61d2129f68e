import { z } from 'zod';
import { Goals } from './goals';
import { Instrument, Ladder } from './instruments';
import { IsoDate } from './shared/dates';
import {
  AssessmentPhase,
  EducationLevel,
  ErasureReason,
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

const Name = z.string().trim().min(2).max(120);
const Count = z.number().int().min(0).max(100_000);

/** Organisationsnummer NNNNNN-NNNN with a valid check digit. Its third digit is ≥ 2, which is what
 * tells it apart from a personnummer (a month digit is 0 or 1): a personnummer is refused here. */
export const OrgNumber = z
  .string()
  .regex(/^\d{6}-?\d{4}$/, 'Organisationsnumret ska skrivas NNNNNN-NNNN.')
  .transform((s) => s.replace('-', ''))
  .refine(
    (digits) => Number(digits[2]) >= 2,
    'Ett organisationsnummer har 2 eller högre som tredje siffra.',
  )
  .refine(luhnValid, 'Organisationsnumrets kontrollsiffra stämmer inte.')
  .transform((digits) => `${digits.slice(0, 6)}-${digits.slice(6)}`);

function luhnValid(digits: string): boolean {
  const sum = [...digits].reduce((acc, ch, i) => {
    const d = Number(ch) * (i % 2 === 0 ? 2 : 1);
    return acc + (d > 9 ? d - 9 : d);
  }, 0);
  return sum % 10 === 0;
}

const uniqueParties = z
  .array(Party)
  .min(1)
  .refine((ps) => new Set(ps).size === ps.length, 'Varje part får bara anges en gång.');

export const RegisterAssociationBody = z.strictObject({
  name: Name,
  orgNumber: OrgNumber,
  parties: uniqueParties,
});
export type RegisterAssociationBody = z.infer<typeof RegisterAssociationBody>;

export const RegisterInterventionBody = z.strictObject({
  name: Name,
  kind: InterventionKind,
  parties: uniqueParties,
  startsOn: IsoDate,
  endsOn: IsoDate.optional(),
  /** A built-in instrument's key, or a whole instrument of the association's own. */
  instrument: z.union([z.string().min(1).max(64), Instrument]).optional(),
  ladder: Ladder.optional(),
});
export type RegisterInterventionBody = z.infer<typeof RegisterInterventionBody>;

export const SetGoalsBody = z.strictObject({ goals: Goals });
export type SetGoalsBody = z.infer<typeof SetGoalsBody>;

export const CloseInterventionBody = z.strictObject({ closedOn: IsoDate });
export type CloseInterventionBody = z.infer<typeof CloseInterventionBody>;

export const RecordAttendanceBody = z
  .strictObject({ occurredOn: IsoDate, women: Count, men: Count, other: Count })
  .refine((b) => b.women + b.men + b.other > 0, 'Minst en deltagare måste anges.');
export type RecordAttendanceBody = z.infer<typeof RecordAttendanceBody>;

export const EnrolParticipantBody = z.strictObject({
  enrolledOn: IsoDate,
  gender: Gender,
  birthYear: z.number().int().min(1900).max(2100),
  referringParty: ReferringParty,
  incomeSource: IncomeSource,
  educationLevel: EducationLevel,
  supportDurationBefore: SupportDuration,
});
export type EnrolParticipantBody = z.infer<typeof EnrolParticipantBody>;

export const RecordSelfAssessmentBody = z.strictObject({
  instrument: z.string().min(1).max(64),
  phase: AssessmentPhase,
  assessedOn: IsoDate,
  scores: z
    .record(z.string().min(1).max(64), z.number().int())
    .refine((s) => Object.keys(s).length > 0, 'Minst ett värde måste anges.'),
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
});
export type ExitParticipantBody = z.infer<typeof ExitParticipantBody>;

export const RetractEntryBody = z.strictObject({ eventId: z.uuid(), reason: RetractionReason });
export type RetractEntryBody = z.infer<typeof RetractEntryBody>;

export const EraseParticipantBody = z.strictObject({ reason: ErasureReason });
export type EraseParticipantBody = z.infer<typeof EraseParticipantBody>;
