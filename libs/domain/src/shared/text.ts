import { z } from 'zod';
import { capitalised } from './fields';
import { allowing, named } from './messages';

/**
 * Text a person types (names, labels; later display names and e-mail addresses): normalised to
 * NFC and trimmed, and refused when it holds what would travel unseen into a CSV file or a
 * page: control characters (tab, newline, NUL, C1), bidirectional overrides and isolates
 * (U+202A–U+202E, U+2066–U+2069, also U+200E/U+200F/U+061C), line and paragraph separators
 * and unpaired surrogates; and when nothing of it is visible (only zero-width or blank
 * characters such as U+200B or U+3164).
 */
const HIDDEN = /[\p{Cc}\p{Bidi_Control}\p{Zl}\p{Zp}\p{Cs}]/u;
/** Letters that render as nothing (Hangul fillers, the braille blank) count as invisible. */
const BLANK_LETTERS = /[\u115F\u1160\u3164\uFFA0\u2800]/gu;
const VISIBLE = /[\p{L}\p{N}\p{P}\p{S}]/u;

export function hasHiddenCharacters(text: string): boolean {
  return HIDDEN.test(text);
}

export function hasVisibleCharacters(text: string): boolean {
  return VISIBLE.test(text.replace(BLANK_LETTERS, ''));
}

/**
 * The one schema for text a person types: `min`–`max` characters after normalising and trimming,
 * refused as described above, with messages that name the field.
 */
export function readableText({ min, max }: { min: number; max: number }) {
  // Each check runs only while the text has no other fault, so one message says what is wrong;
  // none aborts, so a union holding the text (an own questionnaire) reports it at its own path.
  const clean = (payload: { issues: readonly unknown[] }) => payload.issues.length === 0;
  return z
    .string({ error: allowing(`en text på ${min}–${max} tecken`) })
    .normalize('NFC')
    .trim()
    .min(min)
    .max(max)
    .check(
      z.refine((text) => !hasHiddenCharacters(text), {
        error: named(
          (field) =>
            `${capitalised(field)} innehåller osynliga styrtecken (t.ex. radbrytning, tabb eller tecken som vänder textriktningen): skriv texten med vanliga tecken.`,
        ),
        when: clean,
      }),
      z.refine(hasVisibleCharacters, {
        error: named(
          (field) =>
            `${capitalised(field)} måste innehålla synliga tecken, inte bara blanksteg eller osynliga tecken.`,
        ),
        when: clean,
      }),
    );
}

/**
 * The form two texts are compared in when they must be unique (an association's open insatser
 * by name; later e-mail addresses): NFC, invisible characters removed, white space collapsed
 * and trimmed, case folded. "SamCoach", " samcoach " and "SAM\u200BCOACH" are the same name.
 */
export function comparisonKey(text: string): string {
  return text
    .normalize('NFC')
    .replace(/\p{Default_Ignorable_Code_Point}/gu, '')
    .replace(/\s+/gu, ' ')
    .trim()
    .toUpperCase()
    .toLowerCase()
    .normalize('NFC');
}
