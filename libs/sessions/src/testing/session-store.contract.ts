import { SECRET_PATTERN } from '@stegvis/credentials';
import {
  SESSION_IDLE_MS,
  SESSION_TOUCH_INTERVAL_MS,
  type SessionStore,
  type SessionTiming,
} from '../session-store.port';
import { fakeClock } from './fake-clock';

export type SessionStoreFixture = {
  readonly store: SessionStore;
  /** Everything the adapter holds, as text: to show what it never keeps. */
  readonly storedText: () => Promise<string>;
  /** Another store on the same data, as after a restart; the suite closes it. */
  readonly reopen: () => Promise<SessionStore>;
  readonly dispose: () => Promise<void>;
};

const HOUR = 60 * 60 * 1000;
const ALICE = 'U-000000000A';
const BOB = 'U-000000000B';

/** The behaviour every SessionStore adapter must have (DESIGN §7: 8 hours idle, sliding). */
export function describeSessionStoreContract(
  name: string,
  create: (timing: Required<Pick<SessionTiming, 'clock'>>) => Promise<SessionStoreFixture>,
): void {
  describe(`SessionStore contract: ${name}`, () => {
    let clock: ReturnType<typeof fakeClock>;
    let fixture: SessionStoreFixture;
    let store: SessionStore;
    const reopened: SessionStore[] = [];

    beforeEach(async () => {
      clock = fakeClock();
      fixture = await create({ clock: clock.now });
      store = fixture.store;
    });

    afterEach(async () => {
      await Promise.all(reopened.splice(0).map((s) => s.close()));
      await fixture.dispose();
    });

    it('creates a session with a random id and CSRF token, and resumes it by the id', async () => {
      const created = await store.create(ALICE);
      expect(created.sessionId).toMatch(SECRET_PATTERN);
      expect(created.csrfToken).toMatch(SECRET_PATTERN);
      expect(created.csrfToken).not.toBe(created.sessionId);
      expect(created).toMatchObject({
        userId: ALICE,
        createdAt: '2026-06-15T08:00:00.000Z',
        lastSeenAt: '2026-06-15T08:00:00.000Z',
      });
      const { sessionId, ...session } = created;
      expect(await store.resume(sessionId)).toEqual(session);
      expect((await store.create(ALICE)).sessionId).not.toBe(sessionId);
    });

    it('never holds the session id, only its hash', async () => {
      const { sessionId, key } = await store.create(ALICE);
      const stored = await fixture.storedText();
      expect(stored).toContain(key);
      expect(stored).not.toContain(sessionId);
    });

    it('knows no session for an unknown or malformed id', async () => {
      await store.create(ALICE);
      expect(await store.resume('A'.repeat(43))).toBeUndefined();
      expect(await store.resume('')).toBeUndefined();
      expect(await store.resume("' OR 1=1 --")).toBeUndefined();
    });

    it('ends a session idle for 8 hours', async () => {
      const { sessionId } = await store.create(ALICE);
      clock.advance(SESSION_IDLE_MS - 1);
      expect(await store.resume(sessionId)).toBeDefined();
      clock.advance(SESSION_IDLE_MS);
      expect(await store.resume(sessionId)).toBeUndefined();
      clock.advance(-SESSION_IDLE_MS);
      expect(await store.resume(sessionId)).toBeUndefined();
      expect(await store.listOf(ALICE)).toEqual([]);
    });

    it('slides the expiry with use: a session used every 7 hours lives on', async () => {
      const { sessionId } = await store.create(ALICE);
      for (let i = 0; i < 4; i++) {
        clock.advance(7 * HOUR);
        expect(await store.resume(sessionId)).toBeDefined();
      }
    });

    it('writes lastSeenAt at most once a minute', async () => {
      const { sessionId } = await store.create(ALICE);
      clock.advance(SESSION_TOUCH_INTERVAL_MS - 1);
      expect((await store.resume(sessionId))?.lastSeenAt).toBe('2026-06-15T08:00:00.000Z');
      expect((await store.listOf(ALICE))[0]?.lastSeenAt).toBe('2026-06-15T08:00:00.000Z');
      clock.advance(1);
      expect((await store.resume(sessionId))?.lastSeenAt).toBe('2026-06-15T08:01:00.000Z');
      expect((await store.listOf(ALICE))[0]?.lastSeenAt).toBe('2026-06-15T08:01:00.000Z');
    });

    it('revokes one session (sign-out), leaving the others', async () => {
      const first = await store.create(ALICE);
      const second = await store.create(ALICE);
      await store.revoke(first.sessionId);
      await store.revoke(first.sessionId);
      expect(await store.resume(first.sessionId)).toBeUndefined();
      expect(await store.resume(second.sessionId)).toBeDefined();
    });

    it('a touch racing a revoke does not bring the session back, not even in part', async () => {
      const keys: string[] = [];
      for (let i = 0; i < 20; i++) {
        const { sessionId, key } = await store.create(ALICE);
        keys.push(key);
        clock.advance(SESSION_TOUCH_INTERVAL_MS);
        // Started in both orders: which one's second round trip goes first differs.
        const resume = () => store.resume(sessionId);
        const revoke = () => store.revoke(sessionId);
        await Promise.all(i % 2 === 0 ? [resume(), revoke()] : [revoke(), resume()]);
        expect(await store.resume(sessionId)).toBeUndefined();
      }
      expect(await store.listOf(ALICE)).toEqual([]);
      const stored = await fixture.storedText();
      expect(keys.filter((key) => stored.includes(key))).toEqual([]);
    });

    it('revokes every session of a user, optionally but the current one, and no one else’s', async () => {
      const a1 = await store.create(ALICE);
      const a2 = await store.create(ALICE);
      const a3 = await store.create(ALICE);
      const b = await store.create(BOB);
      expect(await store.revokeAllOf(ALICE, { except: a3.sessionId })).toBe(2);
      expect(await store.resume(a1.sessionId)).toBeUndefined();
      expect(await store.resume(a2.sessionId)).toBeUndefined();
      expect(await store.resume(a3.sessionId)).toBeDefined();
      expect(await store.revokeAllOf(ALICE)).toBe(1);
      expect(await store.resume(a3.sessionId)).toBeUndefined();
      expect(await store.resume(b.sessionId)).toBeDefined();
      expect(await store.revokeAllOf('U-00000000ZZ')).toBe(0);
    });

    it('lists a user’s live sessions oldest first, without their ids', async () => {
      const first = await store.create(ALICE);
      clock.advance(1000);
      const second = await store.create(ALICE);
      await store.create(BOB);
      const listed = await store.listOf(ALICE);
      expect(listed.map((s) => s.key)).toEqual([first.key, second.key]);
      expect(JSON.stringify(listed)).not.toContain(first.sessionId);
      clock.advance(SESSION_IDLE_MS - 500);
      expect((await store.listOf(ALICE)).map((s) => s.key)).toEqual([second.key]);
    });

    it('revokes a listed session by its key, only for its own user', async () => {
      const a = await store.create(ALICE);
      await store.revokeByKey(BOB, a.key);
      expect(await store.resume(a.sessionId)).toBeDefined();
      await store.revokeByKey(ALICE, a.key);
      expect(await store.resume(a.sessionId)).toBeUndefined();
    });

    it('keeps sessions across a restart', async () => {
      const { sessionId, csrfToken } = await store.create(ALICE);
      await store.close();
      const again = await fixture.reopen();
      reopened.push(again);
      expect(await again.resume(sessionId)).toMatchObject({ userId: ALICE, csrfToken });
    });
  });
}
