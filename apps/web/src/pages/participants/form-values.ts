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
