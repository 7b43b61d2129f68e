import type { TotpEnrolment, TotpProof } from '@stegvis/domain';
import { randomBytes } from 'node:crypto';
import { Secret, TOTP } from 'otpauth';
import type { SecretBox } from './secret-box';

/**
 * TOTP as RFC 6238 and every authenticator app: HMAC-SHA1, 30-second steps, 6 digits; a code of
 * the step before or after is accepted for clock drift. Which step matched goes to the decider,
 * which refuses a step already used.
 */
export const TOTP_SETTINGS = { algorithm: 'SHA1', digits: 6, period: 30 } as const;
const WINDOW = 1;
const ISSUER = 'Stegvis';

/** 160 bits, the HMAC-SHA1 key length RFC 4226 recommends; base32 as apps expect it. */
export function newTotpSecret(): string {
  // A copy: a Buffer's `.buffer` may be a shared pool larger than the 20 bytes.
  return new Secret({ buffer: new Uint8Array(randomBytes(20)).buffer }).base32;
}

/** The `otpauth://` address an authenticator app reads (as a QR code). Shown once, never logged. */
export function totpUri(secretBase32: string, accountName: string): string {
  return new TOTP({
    issuer: ISSUER,
    label: accountName,
    secret: Secret.fromBase32(secretBase32),
    ...TOTP_SETTINGS,
  }).toString();
}

/** The time step whose code `code` is, within ±1 step of `now`; undefined when none. */
export function totpStepOf(secretBase32: string, code: string, now: Date): number | undefined {
  if (!/^\d{6}$/.test(code)) return undefined;
  const delta = TOTP.validate({
    token: code,
    secret: Secret.fromBase32(secretBase32),
    ...TOTP_SETTINGS,
    timestamp: now.getTime(),
    window: WINDOW,
  });
  if (delta === null) return undefined;
  return TOTP.counter({ period: TOTP_SETTINGS.period, timestamp: now.getTime() }) + delta;
}

/**
 * A new app for `userId`: the secret to type in, the address for the QR code, and the sealed
 * secret, which the client sends back with the first code (it opens only for this user). Nothing
 * is stored until that code is right.
 */
export function beginTotpEnrolment(box: SecretBox, userId: string, accountName: string) {
  const secret = newTotpSecret();
  return { secret, uri: totpUri(secret, accountName), sealed: sealTotpSecret(box, userId, secret) };
}

/** What the decider gets for the first code of a new app. Throws SecretBoxError for a forged seal. */
export function totpEnrolment(
  box: SecretBox,
  userId: string,
  sealedSecret: string,
  code: string,
  now: Date,
): TotpEnrolment {
  const step = totpStepOf(openTotpSecret(box, userId, sealedSecret), code, now);
  return step === undefined ? 'invalid' : { secret: sealedSecret, step };
}

/** What the decider gets for a code given (or not) with a sealed secret. */
export function totpProof(
  box: SecretBox,
  userId: string,
  sealedSecret: string,
  code: string | undefined,
  now: Date,
): TotpProof | undefined {
  if (code === undefined) return undefined;
  const step = totpStepOf(openTotpSecret(box, userId, sealedSecret), code, now);
  return step === undefined ? 'invalid' : { step };
}

export function sealTotpSecret(box: SecretBox, userId: string, secretBase32: string): string {
  return box.seal(secretBase32, totpContext(userId));
}

export function openTotpSecret(box: SecretBox, userId: string, sealed: string): string {
  return box.open(sealed, totpContext(userId));
}

const totpContext = (userId: string) => `totp:${userId}`;
