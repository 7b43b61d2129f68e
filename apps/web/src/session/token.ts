// TEMPORARY, until accounts exist (DESIGN §7): the claims of a pasted JWT. The API verifies
// the token on every request; the app reads its claims only to know who is signed in.

export type Claims = Readonly<Record<string, unknown>>;

/** Removes whitespace and a pasted "Bearer " prefix. */
export const normaliseToken = (input: string): string =>
  input
    .trim()
    .replace(/^Bearer\s+/i, '')
    .replace(/\s+/g, '');

function decodeBase64Url(part: string): string {
  const base64 = part.replace(/-/g, '+').replace(/_/g, '/');
  const binary = atob(base64.padEnd(Math.ceil(base64.length / 4) * 4, '='));
  const bytes = Uint8Array.from(binary, (char) => char.charCodeAt(0));
  return new TextDecoder('utf-8', { fatal: true }).decode(bytes);
}

/** The claims of a JWT, or null if it is not one. Checks the shape only, not the signature. */
export function readClaims(token: string): Claims | null {
  const parts = token.split('.');
  if (parts.length !== 3 || parts.some((part) => !/^[A-Za-z0-9_-]+$/.test(part))) return null;
  try {
    const payload: unknown = JSON.parse(decodeBase64Url(parts[1] ?? ''));
    if (typeof payload !== 'object' || payload === null || Array.isArray(payload)) return null;
    return payload as Claims;
  } catch {
    return null;
  }
}
