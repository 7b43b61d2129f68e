import { z } from 'zod';

/**
 * Characters that render as nothing or reorder text: controls (Cc), format characters (Cf: the
 * bidi overrides, zero-width space/joiners, BOM) and line/paragraph separators. A name with them
 * can look like another user's name in lists and the audit view.
 */
const INVISIBLE = /[\p{Cc}\p{Cf}\p{Zl}\p{Zp}]/u;

/**
 * The refinement for names a person reads. Kept on its own so it can be replaced by the
 * domain-wide refinement for names once that lands (one definition for every name).
 */
export const withoutInvisibleCharacters = (value: string): boolean => !INVISIBLE.test(value);

/** A user's display name (staff, chief or board member: not a participant). */
export const DisplayName = z
  .string()
  .normalize('NFC')
  .trim()
  .min(1, 'Ange ett namn.')
  .max(100, 'Namnet får vara högst 100 tecken långt.')
  .refine(
    withoutInvisibleCharacters,
    'Namnet innehåller osynliga tecken eller styrtecken; skriv det utan dem.',
  );
export type DisplayName = z.infer<typeof DisplayName>;
