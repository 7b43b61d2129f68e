import { Assignment, EnrolParticipantBody, IsoDate } from '@stegvis/domain';
import { z } from 'zod';

// What the staff forms' controls give (text) turned into what the domain's schemas check, so
// that the domain's own schema, with its Swedish message, decides whether a value is allowed.

/** A select or radio group: nothing chosen is refused with `pick`; a choice goes to `schema`. */
export const chosen = <S extends z.ZodType<unknown, string>>(schema: S, pick: string) =>
  z.string({ error: pick }).min(1, pick).pipe(schema);

/** A whole number typed in a text field ("1989" → 1989); anything else is left for `schema`. */
export const typedNumber = <S extends z.ZodType>(schema: S) =>
  z.preprocess((value) => {
    if (typeof value !== 'string') return value;
    const trimmed = value.trim();
    if (trimmed === '') return undefined;
    return /^-?\d+$/.test(trimmed) ? Number(trimmed) : trimmed;
  }, schema);

/** A choice whose value is a number (a level, a score): nothing chosen is refused with `pick`. */
export const chosenNumber = <S extends z.ZodType<unknown, number>>(schema: S, pick: string) =>
  z.string({ error: pick }).min(1, pick).transform(Number).pipe(schema);

/** A control that may be left empty: empty is "not given"; anything else goes to `schema`. */
export const optionalValue = <S extends z.ZodType<unknown, string>>(schema: S) =>
  z
    .string()
    .transform((value) => (value === '' ? undefined : value))
    .pipe(schema.optional());

/** The uppdrag select (`assignment.aim`): none chosen is no uppdrag. */
export const optionalAssignment = z
  .object({ aim: z.string() })
  .transform(({ aim }) => (aim === '' ? undefined : { aim }))
  .pipe(Assignment.optional());

const { shape } = EnrolParticipantBody;

/**
 * The enrolment's fields about the participant, as the enrolment and its correction both ask
 * them (the correction names the income source `incomeSourceAtStart`, as the event does).
 */
export const enrolmentFields = {
  gender: chosen(shape.gender, 'Välj kön.'),
  birthYear: typedNumber(shape.birthYear),
  referringParty: chosen(shape.referringParty, 'Välj aktualiserande part.'),
  educationLevel: chosen(shape.educationLevel, 'Välj utbildningsnivå.'),
  supportDurationBefore: chosen(
    shape.supportDurationBefore,
    'Välj tid med offentlig försörjning före insatsen.',
  ),
  referredOn: optionalValue(IsoDate),
  assignment: optionalAssignment,
};
export const incomeSourceAtStart = chosen(shape.incomeSource, 'Välj försörjning vid inskrivning.');
