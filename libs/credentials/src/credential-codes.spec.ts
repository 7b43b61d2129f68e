import { SecretHash } from '@stegvis/domain';
import {
  idsOfApiToken,
  newApiToken,
  newInvitationCode,
  userIdOfInvitationCode,
} from './credential-codes';
import { matchesHash, sha256Hex } from './secrets';

const USER = 'U-7K3QX9MW2A';
const TOKEN = 'T-4HZ9K2M1QP';

describe('invitation codes and API tokens', () => {
  it('an invitation code names its user, carries 256 random bits and is stored as a hash', () => {
    const { code, codeHash } = newInvitationCode(USER);
    expect(code).toMatch(/^U-7K3QX9MW2A_[A-Za-z0-9_-]{43}$/);
    expect(userIdOfInvitationCode(code)).toBe(USER);
    expect(codeHash).toBe(sha256Hex(code));
    expect(SecretHash.safeParse(codeHash).success).toBe(true);
    expect(newInvitationCode(USER).code).not.toBe(code);
  });

  it('an API token names its user and token id, with a recognisable prefix', () => {
    const { token, tokenHash } = newApiToken(USER, TOKEN);
    expect(token).toMatch(/^stv_U-7K3QX9MW2A_T-4HZ9K2M1QP_[A-Za-z0-9_-]{43}$/);
    expect(idsOfApiToken(token)).toEqual({ userId: USER, tokenId: TOKEN });
    expect(matchesHash(token, tokenHash)).toBe(true);
  });

  it.each([
    '',
    'stv_',
    `stv_${USER}_${TOKEN}_short`,
    `stv_${USER}_${TOKEN}_${'a'.repeat(44)}`,
    `stv_${USER}_U-7K3QX9MW2A_${'a'.repeat(43)}`,
    `xyz_${USER}_${TOKEN}_${'a'.repeat(43)}`,
    `stv_U-7K3QX9MW2I_${TOKEN}_${'a'.repeat(43)}`,
    `${USER}_${'a'.repeat(43)}`,
  ])('a malformed token names nobody: %s', (token) => {
    expect(idsOfApiToken(token)).toBeUndefined();
  });

  it.each([
    '',
    USER,
    `${USER}_`,
    `${USER}_${'a'.repeat(42)}`,
    `${USER}-${'a'.repeat(43)}`,
    `T-4HZ9K2M1QP_${'a'.repeat(43)}`,
  ])('a malformed invitation code names nobody: %s', (code) =>
    expect(userIdOfInvitationCode(code)).toBeUndefined(),
  );

  it('matching compares hashes, and a wrong value or malformed hash does not match', () => {
    const { token, tokenHash } = newApiToken(USER, TOKEN);
    expect(matchesHash(`${token}x`, tokenHash)).toBe(false);
    expect(matchesHash(token, tokenHash.slice(2))).toBe(false);
    expect(matchesHash(token, 'zz'.repeat(32))).toBe(false);
  });

  it('SHA-256 is the FIPS 180-2 function (its "abc" vector)', () => {
    expect(sha256Hex('abc')).toBe(
      'ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad',
    );
  });
});
