import { deciderSpec } from '../testing/decider-spec';
import {
  foldUser as fold,
  activeUser,
  chief,
  later,
  NOW,
  otherChief,
  self,
  TOKEN_HASH,
  USER_ID,
  userDeactivated,
} from '../testing/user-fixtures';
import type { UserCommand } from './user-commands';
import type { UserEvent } from './user-events';
import { MAX_API_TOKENS } from './user-rules';
import { liveApiTokens, usableApiToken, type ExistingUser } from './user-state';
import { userDecider } from './user.decider';

const spec = deciderSpec(userDecider);
const DAY = 24 * 3600_000;
const today = '2026-06-15';
const tokenId = (n: number) => `T-${String(n).padStart(10, '0')}`;

const create = (n: number, now = NOW, expiresInDays = 30, actor = self()): UserCommand => ({
  type: 'CreateApiToken',
  tokenId: tokenId(n),
  tokenHash: TOKEN_HASH,
  label: `Skript ${n}`,
  expiresInDays,
  actor,
  now,
});
const revoke = (n: number, actor = self(), now = NOW): UserCommand => ({
  type: 'RevokeApiToken',
  tokenId: tokenId(n),
  actor,
  now,
});
const created = (n: number, at = NOW, days = 30): UserEvent => ({
  type: 'ApiTokenCreated',
  data: {
    userId: USER_ID,
    tokenId: tokenId(n),
    tokenHash: TOKEN_HASH,
    label: `Skript ${n}`,
    at,
    expiresAt: later(days * DAY, at),
    occurredOn: at.slice(0, 10),
  },
});
const revoked = (n: number): UserEvent => ({
  type: 'ApiTokenRevoked',
  data: { userId: USER_ID, tokenId: tokenId(n), revokedBy: USER_ID, occurredOn: today },
});

describe('user decider: personal API tokens', () => {
  it('the owner creates a token, stored by its hash, valid for the days asked', () => {
    spec
      .given(activeUser())
      .when(create(1))
      .then([created(1)]);
  });

  it('a token lives 1 to 365 days', () => {
    spec
      .given(activeUser())
      .when(create(1, NOW, 0))
      .thenFails('api_token_lifetime');
    spec
      .given(activeUser())
      .when(create(1, NOW, 366))
      .thenFails('api_token_lifetime');
    spec
      .given(activeUser())
      .when(create(1, NOW, 1.5))
      .thenFails('api_token_lifetime');
  });

  it('only the owner of an account in use creates tokens', () => {
    spec
      .given(activeUser())
      .when(create(1, NOW, 30, chief))
      .thenFails('user_only_self');
    spec
      .given([...activeUser(), userDeactivated])
      .when(create(1))
      .thenFails('user_deactivated');
  });

  it(`at most ${MAX_API_TOKENS} tokens work at once; expired ones do not count`, () => {
    const full = [...activeUser(), ...Array.from({ length: MAX_API_TOKENS }, (_, i) => created(i))];
    spec.given(full).when(create(99)).thenFails('api_token_limit');
    spec
      .given(full)
      .when(create(99, later(31 * DAY)))
      .then([created(99, later(31 * DAY))]);
  });

  it('a token id is used once', () => {
    spec
      .given([...activeUser(), created(1)])
      .when(create(1))
      .thenFails('api_token_exists');
  });

  it('the owner or whoever manages the user revokes a token', () => {
    spec
      .given([...activeUser(), created(1)])
      .when(revoke(1))
      .then([revoked(1)]);
    expect(userDecider.decide(revoke(1, chief), fold([...activeUser(), created(1)]))).toHaveLength(
      1,
    );
    spec
      .given([...activeUser(), created(1)])
      .when(revoke(1, otherChief))
      .thenFails('user_change_not_allowed');
    spec
      .given([...activeUser(), created(1), revoked(1)])
      .when(revoke(1))
      .thenFails('api_token_not_found');
  });

  it('a token works until it expires, is revoked or its user is deactivated', () => {
    const live = fold([...activeUser(), created(1)]);
    expect(usableApiToken(live, tokenId(1), later(30 * DAY - 1))?.tokenHash).toBe(TOKEN_HASH);
    expect(usableApiToken(live, tokenId(1), later(30 * DAY))).toBeUndefined();
    expect(
      usableApiToken(fold([...activeUser(), created(1), revoked(1)]), tokenId(1), NOW),
    ).toBeUndefined();
    expect(
      usableApiToken(fold([...activeUser(), created(1), userDeactivated]), tokenId(1), NOW),
    ).toBeUndefined();
  });

  it('the state keeps only tokens that may still work, however many came and went', () => {
    const history: UserEvent[] = [...activeUser()];
    for (let n = 0; n < 2000; n++) history.push(created(n, later(n * DAY), 1));
    const state = fold(history) as ExistingUser;
    expect(state.tokens.size).toBe(1);
    expect(liveApiTokens(state, later(1999 * DAY)).map((t) => t.tokenId)).toEqual([tokenId(1999)]);
  });
});
