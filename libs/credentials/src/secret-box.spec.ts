import { SealedSecret } from '@stegvis/domain';
import { SecretBox, SecretBoxError } from './secret-box';

const SECRET = 'a development secret that is long enough';
const NEXT = 'the next secret, after a rotation, also long';

describe('SecretBox', () => {
  it('seals so that the value is not readable and opens it again in the same context', () => {
    const box = SecretBox.fromAuthSecret(SECRET);
    const sealed = box.seal('JBSWY3DPEHPK3PXP', 'totp:U-7K3QX9MW2A');
    expect(sealed).not.toContain('JBSWY3DPEHPK3PXP');
    expect(SealedSecret.safeParse(sealed).success).toBe(true);
    expect(box.open(sealed, 'totp:U-7K3QX9MW2A')).toBe('JBSWY3DPEHPK3PXP');
    expect(box.seal('JBSWY3DPEHPK3PXP', 'totp:U-7K3QX9MW2A')).not.toBe(sealed);
  });

  it('does not open in another context, after tampering or with another key', () => {
    const box = SecretBox.fromAuthSecret(SECRET);
    const sealed = box.seal('JBSWY3DPEHPK3PXP', 'totp:U-7K3QX9MW2A');
    expect(() => box.open(sealed, 'totp:U-7K3QX9MW2B')).toThrow(SecretBoxError);
    const parts = sealed.split('.');
    const flipped = (parts[3] ?? '').replace(/^./, (c) => (c === 'A' ? 'B' : 'A'));
    expect(() =>
      box.open([...parts.slice(0, 3), flipped, parts[4]].join('.'), 'totp:U-7K3QX9MW2A'),
    ).toThrow(SecretBoxError);
    expect(() => SecretBox.fromAuthSecret(NEXT).open(sealed, 'totp:U-7K3QX9MW2A')).toThrow(
      SecretBoxError,
    );
    expect(() => box.open('v1.x', 'totp:U-7K3QX9MW2A')).toThrow(SecretBoxError);
  });

  it('after a rotation, opens what the previous secret sealed and seals with the new one', () => {
    const before = SecretBox.fromAuthSecret(SECRET).seal('value', 'ctx');
    const after = SecretBox.fromAuthSecret(NEXT, [SECRET]);
    expect(after.open(before, 'ctx')).toBe('value');
    const resealed = after.seal('value', 'ctx');
    expect(resealed.split('.')[1]).not.toBe(before.split('.')[1]);
    expect(SecretBox.fromAuthSecret(NEXT).open(resealed, 'ctx')).toBe('value');
  });

  it('an error names no value', () => {
    const box = SecretBox.fromAuthSecret(SECRET);
    try {
      box.open(box.seal('JBSWY3DPEHPK3PXP', 'a'), 'b');
      throw new Error('opened');
    } catch (error) {
      expect(String(error)).not.toContain('JBSWY3DPEHPK3PXP');
      expect(error).toBeInstanceOf(SecretBoxError);
    }
  });
});
