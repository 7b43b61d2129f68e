import type { UniqueValueEvent } from '../events';
import { deciderSpec } from '../testing/decider-spec';
import { INTERVENTION_ID, intervention, TODAY } from '../testing/fixtures';
import { holdsItsName } from './intervention.decider';
import {
  ABANDONED_CLAIM_MS,
  uniqueValueDecider,
  uniqueValueStream,
  type HolderStatus,
  type UniqueValueCommand,
} from './unique-value.decider';

const spec = deciderSpec(uniqueValueDecider);
const NOW = new Date('2026-06-15T10:00:00.000Z');
const OTHER = 'I-0000000002';

const claimed = (holderId: string, claimedAt = NOW.toISOString()): UniqueValueEvent => ({
  type: 'UniqueValueClaimed',
  data: { scope: 'intervention-name', holderId, claimedAt, occurredOn: TODAY },
});
const claim = (
  currentHolder: HolderStatus,
  now = NOW,
  holderId = INTERVENTION_ID,
): UniqueValueCommand => ({
  type: 'ClaimUniqueValue',
  scope: 'intervention-name',
  holderId,
  currentHolder,
  today: TODAY,
  now,
});
const later = (ms: number) => new Date(NOW.getTime() + ms);

describe('unique values (an open insats’s name within its association)', () => {
  it('claims a free value', () =>
    spec
      .given([])
      .when(claim('absent'))
      .then([claimed(INTERVENTION_ID)]));

  it('refuses a value held by an open insats with a 409 code that names it', () =>
    spec
      .given([claimed(OTHER)])
      .when(claim('holding'))
      .thenFails(
        'intervention_name_taken',
        'Förbundet har redan en öppen insats med samma namn (name), I-0000000002: välj ett annat namn, eller avsluta den insatsen först. Skickades registreringen två gånger är insatsen redan registrerad.',
      ));

  it('records nothing more when the same holder claims again (a retried request)', () =>
    spec
      .given([claimed(INTERVENTION_ID)])
      .when(claim('holding'))
      .then([]));

  it('frees the value when its holder is closed or past its planned end', () =>
    spec
      .given([claimed(OTHER)])
      .when(claim('released'))
      .then([claimed(INTERVENTION_ID)]));

  it('keeps a claim whose holder is still being registered', () =>
    spec
      .given([claimed(OTHER)])
      .when(claim('absent', later(ABANDONED_CLAIM_MS)))
      .thenFails('intervention_name_taken'));

  it('lets a claim lapse whose holder never came to exist', () =>
    spec
      .given([claimed(OTHER)])
      .when(claim('absent', later(ABANDONED_CLAIM_MS + 1)))
      .then([
        {
          ...claimed(INTERVENTION_ID),
          data: {
            ...claimed(INTERVENTION_ID).data,
            claimedAt: later(ABANDONED_CLAIM_MS + 1).toISOString(),
          },
        },
      ]));

  it('keeps each value, scoped, in a stream of its own named by a hash, not by the value', () => {
    const a = uniqueValueStream('intervention-name', 'F-0000000001/samcoach');
    expect(a).toMatch(/^unique-intervention-name-[0-9a-f]{64}$/);
    expect(uniqueValueStream('intervention-name', 'F-0000000001/samcoach')).toBe(a);
    expect(uniqueValueStream('intervention-name', 'F-0000000002/samcoach')).not.toBe(a);
    // The name existing logs hold (computed with node:crypto): the claim must be found again.
    expect(uniqueValueStream('user-email', 'karin@example.se')).toBe(
      'unique-user-email-246ad3e1b2be4569a6d29880c1c8575dc6ff0bd4b484effdbec66f742e68534f',
    );
  });

  it('an insats holds its name until it is closed or its planned end has passed', () => {
    expect(holdsItsName({ status: 'unregistered' }, TODAY)).toBe('absent');
    expect(holdsItsName(intervention, TODAY)).toBe('holding');
    expect(holdsItsName({ ...intervention, endsOn: undefined }, '2030-01-01')).toBe('holding');
    expect(holdsItsName(intervention, '2026-12-31')).toBe('holding');
    expect(holdsItsName(intervention, '2027-01-01')).toBe('released');
    expect(holdsItsName({ ...intervention, closedOn: '2026-06-01' }, TODAY)).toBe('released');
  });
});
