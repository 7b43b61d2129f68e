import { ApiTokenId, UserId } from '@stegvis/domain';
import { randomSecret, SECRET_PATTERN, sha256Hex } from './secrets';

/**
 * Invitation codes and personal API tokens name the stream they belong to, so checking one is a
 * read of `user-<id>` and never a scan or an index that could lag:
 * - invitation code (in `/inbjudan?kod=…`): `<userId>_<secret>`, e.g. `U-7K3QX9MW2A_Qm9…`;
 * - API token: `stv_<userId>_<tokenId>_<secret>`; the `stv_` prefix lets secret scanners and
 *   people recognise a leaked token.
 * Only the SHA-256 of the whole string is stored; the secret is 256 bits of randomness.
 */
const ID_LENGTH = 12;
const TOKEN_PREFIX = 'stv_';

export function newInvitationCode(userId: string): { code: string; codeHash: string } {
  const code = `${UserId.parse(userId)}_${randomSecret()}`;
  return { code, codeHash: sha256Hex(code) };
}

/** The user a code claims to belong to; undefined for anything not shaped like a code. */
export function userIdOfInvitationCode(code: string): string | undefined {
  const [userId, secret] = splitIds(code, 1);
  return userId !== undefined && UserId.safeParse(userId).success && secret ? userId : undefined;
}

export function newApiToken(userId: string, tokenId: string): { token: string; tokenHash: string } {
  const token = `${TOKEN_PREFIX}${UserId.parse(userId)}_${ApiTokenId.parse(tokenId)}_${randomSecret()}`;
  return { token, tokenHash: sha256Hex(token) };
}

export function idsOfApiToken(token: string): { userId: string; tokenId: string } | undefined {
  if (!token.startsWith(TOKEN_PREFIX)) return undefined;
  const [userId, tokenId, secret] = splitIds(token.slice(TOKEN_PREFIX.length), 2);
  if (userId === undefined || tokenId === undefined || !secret) return undefined;
  const valid = UserId.safeParse(userId).success && ApiTokenId.safeParse(tokenId).success;
  return valid ? { userId, tokenId } : undefined;
}

/** `count` fixed-length ids, each followed by `_`, then a secret of the expected shape. */
function splitIds(value: string, count: number): (string | undefined)[] {
  const parts: string[] = [];
  let at = 0;
  for (let i = 0; i < count; i++) {
    if (value[at + ID_LENGTH] !== '_') return [];
    parts.push(value.slice(at, at + ID_LENGTH));
    at += ID_LENGTH + 1;
  }
  const secret = value.slice(at);
  return SECRET_PATTERN.test(secret) ? [...parts, secret] : [];
}
