import { deciderSpec } from '../testing/decider-spec';
import { later, NOW, USER_ID } from '../testing/user-fixtures';
import { emailClaimDecider, ORPHAN_CLAIM_MS } from './email-claim.decider';
import type { EmailClaimEvent } from './user-events';

const spec = deciderSpec(emailClaimDecider);
const OTHER_USER = 'U-0000000002';
const claimed = (userId = USER_ID, at = NOW): EmailClaimEvent => ({
  type: 'EmailClaimed',
  data: { userId, at, occurredOn: at.slice(0, 10) },
});
const released = (userId = USER_ID): EmailClaimEvent => ({
  type: 'EmailReleased',
  data: { userId, occurredOn: '2026-06-15' },
});
const claim = (userId: string, holderExists: boolean, now = NOW) =>
  ({ type: 'ClaimEmail', userId, holderExists, now }) as const;

describe('e-mail claim decider', () => {
  it('a free address is claimed by the invited user', () => {
    spec.given([]).when(claim(USER_ID, false)).then([claimed()]);
    spec
      .given([claimed(), released()])
      .when(claim(OTHER_USER, false))
      .then([claimed(OTHER_USER)]);
  });

  it('one address, one user: a second claim is refused while the holder exists', () => {
    spec
      .given([claimed()])
      .when(claim(OTHER_USER, true, later(10 * ORPHAN_CLAIM_MS)))
      .thenFails('user_email_taken');
  });

  it('a retry of the same invitation finds its own claim and writes nothing', () => {
    spec.given([claimed()]).when(claim(USER_ID, false)).then([]);
  });

  it('a claim whose user was never written frees the address after an hour, not sooner', () => {
    spec
      .given([claimed()])
      .when(claim(OTHER_USER, false, later(ORPHAN_CLAIM_MS - 1)))
      .thenFails('user_email_taken');
    spec
      .given([claimed()])
      .when(claim(OTHER_USER, false, later(ORPHAN_CLAIM_MS)))
      .then([claimed(OTHER_USER, later(ORPHAN_CLAIM_MS))]);
  });

  it('only the holder releases an address', () => {
    const release = (userId: string) => ({ type: 'ReleaseEmail', userId, now: NOW }) as const;
    spec.given([claimed()]).when(release(USER_ID)).then([released()]);
    spec.given([claimed()]).when(release(OTHER_USER)).then([]);
    spec.given([claimed(), released()]).when(release(USER_ID)).then([]);
  });
});
