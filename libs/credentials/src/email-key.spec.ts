import { emailKey } from './email-key';

describe('emailKey', () => {
  it('is one key for every spelling of one address, and names no address', () => {
    const key = emailKey('anna.berg@kommun.se');
    expect(emailKey('  Anna.Berg@KOMMUN.se')).toBe(key);
    expect(key).toMatch(/^[0-9a-f]{64}$/);
    expect(emailKey('anna.berg@kommun.nu')).not.toBe(key);
  });

  it('refuses what is not an address', () => {
    expect(() => emailKey('anna')).toThrow();
  });
});
