import { InterventionEvent } from '@stegvis/domain';
import { ASSOCIATION_ID, INTERVENTION_ID } from '../../../domain/src/testing/fixtures';
import { AssociationEvents } from './association-events';
import type { ProjectedEvent } from './projection';

/*
 * What the API's report cache and the as-of replay take of the log for one association: every
 * kind of intervention event about one of its insatser, and none about another förbund's.
 */
// Only what the filter reads: the kind and the insats it is about.
const event = (type: string, interventionId: string) =>
  ({
    type,
    data: { interventionId, associationId: ASSOCIATION_ID, occurredOn: '2026-01-01' },
    id: '00000000-0000-4000-8000-000000000001',
    position: 1n,
    recordedAt: '2026-01-01T00:00:00.000Z',
  }) as unknown as ProjectedEvent;

// Every kind the domain has, so a kind added later is not silently dropped from reports.
const KINDS = InterventionEvent.options
  .map((option) => option.shape.type.value)
  .filter((type) => type !== 'InterventionRegistered');

describe('one association’s events', () => {
  const events = () =>
    new AssociationEvents(ASSOCIATION_ID, { interventionIds: [INTERVENTION_ID] });

  it.each(KINDS)('takes %s about one of its insatser', (type) => {
    expect(events().accepts(event(type, INTERVENTION_ID))).toBe(true);
  });

  it.each(KINDS)('leaves %s about another förbund’s insats', (type) => {
    expect(events().accepts(event(type, 'I-0000000099'))).toBe(false);
  });
});
