import { createHash } from 'node:crypto';
import type { SetupCodes } from '../setup-codes.port';

export type SetupCodesFixture = {
  readonly codes: SetupCodes;
  /** The same store as another replica (or a restarted process) opens it. */
  readonly reopen: () => Promise<SetupCodes>;
  readonly storedText: () => Promise<string>;
  readonly dispose: () => Promise<void>;
};

/** The behaviour every SetupCodes adapter must have. */
export function describeSetupCodesContract(
  name: string,
  create: () => Promise<SetupCodesFixture>,
): void {
  describe(`SetupCodes contract: ${name}`, () => {
    let fixture: SetupCodesFixture;
    let codes: SetupCodes;
    const opened: SetupCodes[] = [];
    const reopen = async () => {
      const other = await fixture.reopen();
      opened.push(other);
      return other;
    };

    beforeEach(async () => {
      fixture = await create();
      codes = fixture.codes;
    });
    afterEach(async () => {
      await Promise.all(opened.splice(0).map((c) => c.close()));
      await fixture.dispose();
    });

    it('has none pending until one is issued; a code is 32 random bytes, base64url', async () => {
      expect(await codes.pending()).toBe(false);
      const code = await codes.issue();
      expect(code).toMatch(/^[A-Za-z0-9_-]{43}$/);
      expect(await codes.pending()).toBe(true);
    });

    it('redeems a code issued by another opener of the store, once', async () => {
      const code = await codes.issue();
      const other = await reopen();
      expect(await other.redeem(code)).toBe(true);
      expect(await codes.redeem(code)).toBe(false);
      expect(await other.redeem(code)).toBe(false);
      expect(await codes.pending()).toBe(false);
    });

    it('keeps every code valid until one is used, which ends them all', async () => {
      const first = await codes.issue();
      const second = await (await reopen()).issue();
      expect(await codes.redeem('A'.repeat(43))).toBe(false);
      expect(await codes.redeem(second)).toBe(true);
      expect(await codes.redeem(first)).toBe(false);
    });

    it('lets only one of concurrent redemptions win', async () => {
      const issued = [await codes.issue(), await codes.issue()];
      const other = await reopen();
      const results = await Promise.all(
        [codes, other, codes, other].map((c, i) => c.redeem(issued[i % 2] ?? '')),
      );
      expect(results.filter(Boolean)).toHaveLength(1);
    });

    it('refuses what could not be a code, and nothing is left after clear', async () => {
      const code = await codes.issue();
      expect(await codes.redeem('')).toBe(false);
      expect(await codes.redeem(`${code}x`)).toBe(false);
      await codes.clear();
      expect(await codes.pending()).toBe(false);
      expect(await codes.redeem(code)).toBe(false);
    });

    it('keeps only the SHA-256 of a code', async () => {
      const code = await codes.issue();
      const stored = await fixture.storedText();
      expect(stored).not.toContain(code);
      expect(stored).toContain(createHash('sha256').update(code).digest('hex'));
    });
  });
}
