// The token is verified by the API on every request; the page only reads its claims to know
// which association to show and whether the dashboard is meant for the user at all.

/** Removes whitespace and a pasted "Bearer " prefix. */
export function normaliseToken(input) {
  return String(input)
    .trim()
    .replace(/^Bearer\s+/i, '')
    .replace(/\s+/g, '');
}

function decodeBase64Url(part) {
  const base64 = part.replace(/-/g, '+').replace(/_/g, '/');
  const padded = base64.padEnd(Math.ceil(base64.length / 4) * 4, '=');
  const binary = atob(padded);
  const bytes = Uint8Array.from(binary, (char) => char.charCodeAt(0));
  return new TextDecoder('utf-8', { fatal: true }).decode(bytes);
}

/**
 * The claims of a JWT, or null if it is not one. Checks the shape only, not the signature.
 * @returns {{ role: string, associationId?: string, sub?: string, exp?: number } | null}
 */
export function readClaims(token) {
  const parts = token.split('.');
  if (parts.length !== 3 || parts.some((part) => !/^[A-Za-z0-9_-]+$/.test(part))) return null;
  try {
    const payload = JSON.parse(decodeBase64Url(parts[1]));
    if (typeof payload !== 'object' || payload === null || Array.isArray(payload)) return null;
    if (typeof payload.role !== 'string') return null;
    return payload;
  } catch {
    return null;
  }
}

/** True when the token's `exp` has passed (a token without one is left for the API to judge). */
export function isExpired(claims, now = Date.now()) {
  return typeof claims.exp === 'number' && claims.exp * 1000 <= now;
}
