import { Secret, TOTP } from 'otpauth';
import { SecretBox } from './secret-box';
import {
  beginTotpEnrolment,
  newTotpSecret,
  sealTotpSecret,
  totpEnrolment,
  totpProof,
  totpStepOf,
  totpUri,
} from './totp';

/** RFC 6238 appendix B: the SHA-1 key is the ASCII of "12345678901234567890". */
const RFC_SECRET = Secret.fromLatin1('12345678901234567890').base32;
const code = (secret: string, at: Date) =>
  TOTP.generate({ secret: Secret.fromBase32(secret), timestamp: at.getTime() });

describe('TOTP', () => {
  // The RFC's 8-digit values; a 6-digit code is their last six digits.
  it.each([
    [59, '94287082'],
    [1111111109, '07081804'],
    [1111111111, '14050471'],
    [1234567890, '89005924'],
    [2000000000, '69279037'],
    [20000000000, '65353130'],
  ])('matches the RFC 6238 SHA-1 vector at T=%i', (seconds, eightDigits) => {
    const step = totpStepOf(RFC_SECRET, eightDigits.slice(2), new Date(seconds * 1000));
    expect(step).toBe(Math.floor(seconds / 30));
  });

  it('accepts the step before and after for clock drift, not two steps away', () => {
    const now = new Date(1_700_000_000_000);
    const step = Math.floor(now.getTime() / 30_000);
    const at = (s: number) => new Date(s * 30_000 + 1000);
    expect(totpStepOf(RFC_SECRET, code(RFC_SECRET, at(step - 1)), now)).toBe(step - 1);
    expect(totpStepOf(RFC_SECRET, code(RFC_SECRET, at(step + 1)), now)).toBe(step + 1);
    expect(totpStepOf(RFC_SECRET, code(RFC_SECRET, at(step - 2)), now)).toBeUndefined();
    expect(totpStepOf(RFC_SECRET, code(RFC_SECRET, at(step + 2)), now)).toBeUndefined();
  });

  it('refuses anything but six digits', () => {
    const now = new Date(59_000);
    expect(totpStepOf(RFC_SECRET, '94287082', now)).toBeUndefined();
    expect(totpStepOf(RFC_SECRET, '28708', now)).toBeUndefined();
    expect(totpStepOf(RFC_SECRET, '28708a', now)).toBeUndefined();
  });

  it('makes 160-bit secrets and the otpauth address an app reads', () => {
    const secret = newTotpSecret();
    expect(Secret.fromBase32(secret).bytes).toHaveLength(20);
    expect(newTotpSecret()).not.toBe(secret);
    const uri = new URL(totpUri(secret, 'anna.berg@kommun.se'));
    expect(uri.protocol).toBe('otpauth:');
    expect(uri.host).toBe('totp');
    expect(decodeURIComponent(uri.pathname)).toBe('/Stegvis:anna.berg@kommun.se');
    expect(Object.fromEntries(uri.searchParams)).toEqual({
      secret,
      issuer: 'Stegvis',
      algorithm: 'SHA1',
      digits: '6',
      period: '30',
    });
  });

  it('gives the decider a proof from the sealed secret: a step, invalid, or nothing', () => {
    const box = SecretBox.fromAuthSecret('a development secret that is long enough');
    const sealed = sealTotpSecret(box, 'U-7K3QX9MW2A', RFC_SECRET);
    const now = new Date(59_000);
    expect(totpProof(box, 'U-7K3QX9MW2A', sealed, '287082', now)).toEqual({ step: 1 });
    expect(totpProof(box, 'U-7K3QX9MW2A', sealed, '000000', now)).toBe('invalid');
    expect(totpProof(box, 'U-7K3QX9MW2A', sealed, undefined, now)).toBeUndefined();
    expect(() => totpProof(box, 'U-7K3QX9MW2B', sealed, '287082', now)).toThrow();
  });

  it('enrols a new app only with a right first code, keeping the secret sealed', () => {
    const box = SecretBox.fromAuthSecret('a development secret that is long enough');
    const started = beginTotpEnrolment(box, 'U-7K3QX9MW2A', 'anna.berg@kommun.se');
    expect(started.uri).toContain(started.secret);
    expect(started.sealed).not.toContain(started.secret);
    const now = new Date();
    const first = code(started.secret, now);
    expect(totpEnrolment(box, 'U-7K3QX9MW2A', started.sealed, first, now)).toEqual({
      secret: started.sealed,
      step: Math.floor(now.getTime() / 30_000),
    });
    const wrong = first === '000000' ? '111111' : '000000';
    expect(totpEnrolment(box, 'U-7K3QX9MW2A', started.sealed, wrong, now)).toBe('invalid');
  });
});
