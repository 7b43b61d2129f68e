import { PasswordHash } from '@stegvis/domain';
import {
  hashPassword,
  passwordNeedsRehash,
  PASSWORD_HASH_OPTIONS,
  verifyPassword,
  verifyWithoutAccount,
} from './password-hashing';

describe('password hashing', () => {
  it('makes an argon2id hash with the OWASP settings that the domain accepts', async () => {
    const hash = await hashPassword('korrekt häst batteri häftstift');
    expect(hash).toMatch(/^\$argon2id\$v=19\$m=19456,t=2,p=1\$/);
    expect(PasswordHash.safeParse(hash).success).toBe(true);
    expect(hash).not.toContain('korrekt');
  });

  it('salts every hash', async () => {
    expect(await hashPassword('samma lösenord')).not.toBe(await hashPassword('samma lösenord'));
  });

  it('verifies the right password and refuses a wrong one or an unreadable hash', async () => {
    const hash = await hashPassword('korrekt häst batteri');
    expect(await verifyPassword(hash, 'korrekt häst batteri')).toBe(true);
    expect(await verifyPassword(hash, 'Korrekt häst batteri')).toBe(false);
    expect(await verifyPassword('not a hash', 'korrekt häst batteri')).toBe(false);
  });

  // The reference implementation's own vector (phc-winner-argon2 src/test.c, Argon2id v1.3).
  const REFERENCE =
    '$argon2id$v=19$m=65536,t=2,p=1$c29tZXNhbHQ$CTFhFdXPJO1aFaMaO6Mm5c8y7cJHAph8ArZWb2GRPPc';

  it('verifies the argon2 reference test vector', async () => {
    expect(await verifyPassword(REFERENCE, 'password')).toBe(true);
    expect(await verifyPassword(REFERENCE, 'passwort')).toBe(false);
  });

  it('answers an unknown account after the same work as a real verification', async () => {
    const hash = await hashPassword('korrekt häst batteri');
    await verifyWithoutAccount('warm-up');
    // Alternating, so load on the shared machine weighs on both alike.
    let real = 0;
    let dummy = 0;
    for (let i = 0; i < 6; i++) {
      let started = process.hrtime.bigint();
      await verifyPassword(hash, 'fel lösenord');
      real += Number(process.hrtime.bigint() - started);
      started = process.hrtime.bigint();
      await verifyWithoutAccount('fel lösenord');
      dummy += Number(process.hrtime.bigint() - started);
    }
    expect(await verifyWithoutAccount('korrekt häst batteri')).toBe(false);
    // The same argon2id work: within a factor that load on a shared machine cannot explain away.
    expect(dummy / real).toBeGreaterThan(0.5);
    expect(dummy / real).toBeLessThan(2);
  });

  it('tells when a hash was made with other settings', async () => {
    expect(passwordNeedsRehash(await hashPassword('x'.repeat(12)))).toBe(false);
    expect(passwordNeedsRehash(REFERENCE)).toBe(true);
    expect(passwordNeedsRehash('garbage')).toBe(true);
    expect(PASSWORD_HASH_OPTIONS.memoryCost * 1024).toBeGreaterThanOrEqual(19 * 1024 * 1024);
  });
});
