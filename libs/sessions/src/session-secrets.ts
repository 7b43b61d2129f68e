import { randomSecret, SECRET_PATTERN, sha256Hex } from '@stegvis/credentials';

/** A fresh session: the id for the cookie, the key the store holds, the CSRF token. */
export function newSessionSecrets(): { sessionId: string; key: string; csrfToken: string } {
  const sessionId = randomSecret();
  return { sessionId, key: sha256Hex(sessionId), csrfToken: randomSecret() };
}

/** The store key of a cookie's id; undefined for anything that could not be one (no lookup then). */
export function sessionKeyOf(sessionId: string): string | undefined {
  return SECRET_PATTERN.test(sessionId) ? sha256Hex(sessionId) : undefined;
}

/** Subjects are kept hashed: a client address or an e-mail key never lands in the store. */
export const subjectKey = (subject: string): string => sha256Hex(`sign-in-throttle:${subject}`);

/** A new setup code and its hash (the only part kept). */
export function newSetupCode(): { code: string; hash: string } {
  const code = randomSecret();
  return { code, hash: sha256Hex(code) };
}

/** The key of a code sent back; undefined for anything that could not be one (no lookup then). */
export const setupCodeHash = (code: string): string | undefined =>
  SECRET_PATTERN.test(code) ? sha256Hex(code) : undefined;
