import { sha256 } from '@noble/hashes/sha2';
import { utf8ToBytes } from '@noble/hashes/utils';
import { z } from 'zod';
import { allowing } from './messages';

/*
 * Server-made ids such as `D-7K3QX9MW2A`: a prefix naming what the id is for, then ten
 * characters of Crockford base32 without I, L, O and U, so they survive being read aloud or
 * written by hand. The alphabet, the pattern and the generator live here together.
 * Web Crypto and a pure-JS hash rather than node:crypto, so the web app can import the domain's
 * schemas without pulling in a Node module.
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
      ? globalThis.crypto.getRandomValues(new Uint8Array(10))
      : sha256(utf8ToBytes(`${prefix}|${idempotencyKey}`)).subarray(0, 10);
  let id = '';
  for (const byte of bytes) id += ALPHABET[byte & 31];
  return `${prefix}-${id}`;
}
