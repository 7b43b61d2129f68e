import { hash, parseOptions, verify, type Algorithm, type Options } from '@node-rs/argon2';
import { randomSecret } from './secrets';

/**
 * argon2id with one of OWASP's equivalent minimum settings (Password Storage Cheat Sheet):
 * 19 MiB of memory, 2 passes, 1 lane. The library's threads come from libuv's pool (4 by
 * default), which bounds the memory that concurrent sign-ins can take to about 76 MiB.
 */
// `Algorithm` is a const enum, erased by the per-file compilers this repo uses: its value here.
const ARGON2ID = 2 satisfies Algorithm.Argon2id;
export const PASSWORD_HASH_OPTIONS = {
  algorithm: ARGON2ID,
  memoryCost: 19_456,
  timeCost: 2,
  parallelism: 1,
  outputLen: 32,
} as const satisfies Options;

export function hashPassword(password: string): Promise<string> {
  return hash(password, PASSWORD_HASH_OPTIONS);
}

/** False, never an exception, for a wrong password or a hash that cannot be read. */
export async function verifyPassword(passwordHash: string, password: string): Promise<boolean> {
  try {
    return await verify(passwordHash, password);
  } catch {
    return false;
  }
}

/** Made once at start, so even the first unknown address costs one verification, no more. */
const dummyHash = hashPassword(randomSecret());

/**
 * For an unknown address or a user without a password: the same work as a real verification,
 * so the answer's timing does not tell whether the account exists. Always false.
 */
export async function verifyWithoutAccount(password: string): Promise<false> {
  await verifyPassword(await dummyHash, password);
  return false;
}

/** True when a stored hash was made with other settings: hash the password again after a sign-in. */
export function passwordNeedsRehash(passwordHash: string): boolean {
  try {
    const used = parseOptions(passwordHash);
    return (
      Number(used.algorithm) !== PASSWORD_HASH_OPTIONS.algorithm ||
      used.memoryCost !== PASSWORD_HASH_OPTIONS.memoryCost ||
      used.timeCost !== PASSWORD_HASH_OPTIONS.timeCost ||
      used.parallelism !== PASSWORD_HASH_OPTIONS.parallelism ||
      used.outputLen !== PASSWORD_HASH_OPTIONS.outputLen
    );
  } catch {
    return true;
  }
}
