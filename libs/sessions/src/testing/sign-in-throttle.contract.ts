import {
  THROTTLE_WINDOW_MS,
  type SignInThrottle,
  type ThrottleTiming,
} from '../sign-in-throttle.port';
import { fakeClock } from './fake-clock';

export type SignInThrottleFixture = {
  readonly throttle: SignInThrottle;
  readonly storedText: () => Promise<string>;
  readonly dispose: () => Promise<void>;
};

const EMAIL = 'email:5e884898da28047151d0e56f8dc6292773603d0d6aabbdd62a11ef721d1542d8';
const ADDRESS = 'address:203.0.113.7';

/** The behaviour every SignInThrottle adapter must have. */
export function describeSignInThrottleContract(
  name: string,
  create: (timing: Required<Pick<ThrottleTiming, 'clock'>>) => Promise<SignInThrottleFixture>,
): void {
  describe(`SignInThrottle contract: ${name}`, () => {
    let clock: ReturnType<typeof fakeClock>;
    let fixture: SignInThrottleFixture;
    let throttle: SignInThrottle;

    beforeEach(async () => {
      clock = fakeClock();
      fixture = await create({ clock: clock.now });
      throttle = fixture.throttle;
    });

    afterEach(() => fixture.dispose());

    it('counts failures per subject, none for a subject never seen', async () => {
      expect(await throttle.failures([EMAIL, ADDRESS])).toEqual([0, 0]);
      await throttle.recordFailure([EMAIL, ADDRESS]);
      await throttle.recordFailure([ADDRESS]);
      expect(await throttle.failures([EMAIL, ADDRESS, 'other'])).toEqual([1, 2, 0]);
    });

    it('counts concurrent failures exactly', async () => {
      await Promise.all(Array.from({ length: 25 }, () => throttle.recordFailure([ADDRESS])));
      expect(await throttle.failures([ADDRESS])).toEqual([25]);
    });

    it('forgets a subject’s failures when its window (from the first failure) has passed', async () => {
      await throttle.recordFailure([EMAIL]);
      clock.advance(THROTTLE_WINDOW_MS - 1);
      await throttle.recordFailure([EMAIL]);
      expect(await throttle.failures([EMAIL])).toEqual([2]);
      clock.advance(1);
      expect(await throttle.failures([EMAIL])).toEqual([0]);
      await throttle.recordFailure([EMAIL]);
      expect(await throttle.failures([EMAIL])).toEqual([1]);
    });

    it('clears one subject after a successful sign-in', async () => {
      await throttle.recordFailure([EMAIL, ADDRESS]);
      await throttle.clear(EMAIL);
      expect(await throttle.failures([EMAIL, ADDRESS])).toEqual([0, 1]);
    });

    it('keeps no client address or e-mail key, only hashes of them', async () => {
      await throttle.recordFailure([EMAIL, ADDRESS]);
      const stored = await fixture.storedText();
      expect(stored).not.toContain('203.0.113.7');
      expect(stored).not.toContain(EMAIL.slice(6));
    });
  });
}
