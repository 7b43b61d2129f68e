import { z } from 'zod';
import { withoutInvisibleCharacters } from './display-name';

/** Server-made ids in the alphabet of the other pseudonyms (events.ts): `U-7K3QX9MW2A`. */
const CROCKFORD_10 = '[0-9A-HJKMNP-TV-Z]{10}';
export const UserId = z.string().regex(new RegExp(`^U-${CROCKFORD_10}$`));
export const ApiTokenId = z.string().regex(new RegExp(`^T-${CROCKFORD_10}$`));

export const roles = ['admin', 'chief', 'board', 'staff'] as const;
export const Role = z.enum(roles);
export type Role = z.infer<typeof Role>;

/** An argon2id hash in PHC form. The schema refuses anything else, so a password cannot be stored by mistake. */
export const PasswordHash = z
  .string()
  .regex(/^\$argon2id\$v=19\$m=\d+,t=\d+,p=\d+\$[A-Za-z0-9+/]+\$[A-Za-z0-9+/]+$/);

/** SHA-256 (hex) of a high-entropy secret: an invitation code or an API token. */
export const SecretHash = z.string().regex(/^[0-9a-f]{64}$/);

/** A secret encrypted at rest (AES-256-GCM envelope `v1.<keyId>.<iv>.<ciphertext>.<tag>`). */
export const SealedSecret = z
  .string()
  .max(400)
  .regex(/^v1(\.[A-Za-z0-9_-]+){4}$/);

/** NIST SP 800-63B: long passphrases welcome, no composition rules; the upper bound keeps hashing cheap to refuse. */
export const NewPassword = z
  .string()
  .normalize('NFC')
  .min(12, 'Lösenordet måste vara minst 12 tecken långt. En fras av flera ord är lätt att minnas.')
  .max(256, 'Lösenordet får vara högst 256 tecken långt.');

/** A password offered at sign-in: no length rule beyond the bound, normalised as when it was set. */
export const PresentedPassword = z
  .string()
  .normalize('NFC')
  .min(1, 'Ange ditt lösenord.')
  .max(256, 'Lösenordet får vara högst 256 tecken långt.');

export const ApiTokenLabel = z
  .string()
  .normalize('NFC')
  .trim()
  .min(1, 'Ge API-nyckeln ett namn, till exempel vad den används till.')
  .max(80, 'Namnet på API-nyckeln får vara högst 80 tecken långt.')
  .refine(
    withoutInvisibleCharacters,
    'Namnet innehåller osynliga tecken eller styrtecken; skriv det utan dem.',
  );
