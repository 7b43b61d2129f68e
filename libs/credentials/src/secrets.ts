import { createHash, randomBytes, timingSafeEqual } from 'node:crypto';

/** 256 bits: well above the 128 an online guess could never reach, and cheap. */
export const SECRET_BYTES = 32;
/** base64url of SECRET_BYTES. */
export const SECRET_PATTERN = /^[A-Za-z0-9_-]{43}$/;

export function randomSecret(): string {
  return randomBytes(SECRET_BYTES).toString('base64url');
}

/**
 * SHA-256 (hex): right for high-entropy secrets (codes, tokens, session ids), which no
 * dictionary reaches; passwords need argon2id instead.
 */
export function sha256Hex(value: string): string {
  return createHash('sha256').update(value, 'utf8').digest('hex');
}

/** Whether `value` hashes to `storedHash`, compared in constant time. */
export function matchesHash(value: string, storedHash: string): boolean {
  const presented = createHash('sha256').update(value, 'utf8').digest();
  const stored = Buffer.from(storedHash, 'hex');
  return stored.length === presented.length && timingSafeEqual(presented, stored);
}
