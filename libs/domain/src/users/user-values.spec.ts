import { DisplayName } from './display-name';
import { Email } from './email';
import { ChangeUserBody, InviteUserBody, SignInBody } from './user-bodies';
import { PasswordChanged } from './user-events';
import { NewPassword, PasswordHash } from './user-values';

describe('account values', () => {
  it('addresses are trimmed, NFC-normalised and lower-cased; names NFC-normalised', () => {
    expect(Email.parse('  Anna.Berg@Kommun.SE ')).toBe('anna.berg@kommun.se');
    // "É" written as E + combining acute becomes the one NFC letter before lower-casing.
    expect(DisplayName.parse('E\u0301va')).toBe('\u00c9va');
  });

  it.each([
    'anna',
    'anna@',
    '@kommun.se',
    'anna berg@kommun.se',
    'anna@kommun',
    `${'a'.repeat(250)}@x.se`,
  ])('refuses %s as an e-mail address', (value) =>
    expect(Email.safeParse(value).success).toBe(false),
  );

  it.each([
    ['a right-to-left override', 'Anna\u202eBerg'],
    ['a zero-width space', 'Anna\u200bBerg'],
    ['a zero-width joiner', 'Anna\u200dBerg'],
    ['a control character', 'Anna\u0007Berg'],
    ['a line break', 'Anna\nBerg'],
    ['a line separator', 'Anna\u2028Berg'],
  ])('refuses a display name with %s', (_what, value) => {
    expect(DisplayName.safeParse(value).success).toBe(false);
  });

  it('keeps Swedish names as written', () => {
    expect(DisplayName.parse('  Åsa Öberg-Ängström ')).toBe('Åsa Öberg-Ängström');
  });

  it('a password hash must be argon2id: a password or another algorithm is refused', () => {
    expect(PasswordHash.safeParse('hunter2hunter2').success).toBe(false);
    expect(PasswordHash.safeParse('$argon2i$v=19$m=19456,t=2,p=1$c2FsdA$aGFzaA').success).toBe(
      false,
    );
    expect(PasswordHash.safeParse('$2b$12$abcdefghijklmnopqrstuu').success).toBe(false);
    const event = {
      type: 'PasswordChanged',
      data: {
        userId: 'U-0000000001',
        passwordHash: 'korrekt häst batteri',
        occurredOn: '2026-06-15',
      },
    };
    expect(PasswordChanged.safeParse(event).success).toBe(false);
  });

  it('a new password has at least 12 characters and at most 256', () => {
    expect(NewPassword.safeParse('kort').error?.issues[0]?.message).toMatch(/minst 12 tecken/);
    expect(NewPassword.safeParse('x'.repeat(257)).success).toBe(false);
    expect(NewPassword.safeParse('korrekt häst batteri').success).toBe(true);
  });

  it('request bodies are strict and refuse an admin role', () => {
    const invite = { email: 'a@kommun.se', name: 'Anna', role: 'board' };
    expect(InviteUserBody.safeParse(invite).success).toBe(true);
    expect(InviteUserBody.safeParse({ ...invite, role: 'admin' }).success).toBe(false);
    expect(InviteUserBody.safeParse({ ...invite, personnummer: '19900101-1234' }).success).toBe(
      false,
    );
    expect(
      SignInBody.safeParse({ email: 'a@kommun.se', password: 'x', totp: '12345' }).success,
    ).toBe(false);
    expect(ChangeUserBody.safeParse({}).success).toBe(false);
  });
});
