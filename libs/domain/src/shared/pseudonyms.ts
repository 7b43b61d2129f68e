import { createHash, randomBytes } from 'node:crypto';
import { z } from 'zod';
import { allowing } from './messages';

/*
 * Server-made ids such as `D-7K3QX9MW2A`: a prefix naming what the id is for, then ten
 * characters of Crockford base32 without I, L, O and U, so they survive being read aloud or
 * written by hand. The alphabet, the pattern and the generator live here together.
 */

const ALPHABET = '0123456789ABCDEFGHJKMNPQRSTVWXYZ';
/** The ten characters after the prefix, as a regular expression source. */
export const PSEUDONYM_BODY = '[0-9A-HJKMNP-TV-Z]{10}';

/** F förbund, I insats, D deltagare; U user and T API token of the accounts (DESIGN §7). */
export type PseudonymPrefix = 'F' | 'I' | 'D' | 'U' | 'T';

/** The schema of one kind of pseudonym; `what` and `example` word its refusal. */
export function pseudonymSchema(prefix: string, what: string, example: string) {
  return z
    .string({
      error: allowing(
        `${what} som ${example}: ${prefix}- och tio tecken (0–9 och A–Z utom I, L, O och U)`,
      ),
    })
    .regex(new RegExp(`^${prefix}-${PSEUDONYM_BODY}$`));
}

/**
 * A new id with `prefix`. Random, unless the request carries an idempotency key: then derived
 * from it, so a retried request names the same participant and is recognised.
 */
export function pseudonym(prefix: PseudonymPrefix, idempotencyKey?: string): string {
  const bytes =
    idempotencyKey === undefined
      ? randomBytes(10)
      : createHash('sha256').update(`${prefix}|${idempotencyKey}`).digest().subarray(0, 10);
  let id = '';
  for (const byte of bytes) id += ALPHABET[byte & 31];
  return `${prefix}-${id}`;
}
