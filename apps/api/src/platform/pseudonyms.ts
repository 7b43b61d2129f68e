import { createHash, randomBytes } from 'node:crypto';

/** Crockford base32 without I, L, O, U: ids that survive being read aloud or written by hand. */
const ALPHABET = '0123456789ABCDEFGHJKMNPQRSTVWXYZ';

/** Förbund, insats, deltagare; user (U) and API token (T) ids of the accounts (DESIGN §7). */
export type PseudonymPrefix = 'F' | 'I' | 'D' | 'U' | 'T';

/**
 * A server-made id such as `D-7K3QX9MW2A`. Random, unless the request carries an idempotency key:
 * then derived from it, so a retried request names the same participant and is recognised.
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
