import type { StegvisEvent } from '@stegvis/domain';
import { ASSOCIATION_ID, INTERVENTION_ID } from '../../../domain/src/testing/fixtures';
import { AssociationEvents } from './association-events';
import { applyEvents, touchedDocuments } from './apply-events';
import { projections } from './index';
import type { ProjectedEvent } from './projection';

/** The claim of an insats's name (issue 9, item 28) lives in the log beside the facts reports use. */
describe('claims of unique values', () => {
  const claim: ProjectedEvent = {
    type: 'UniqueValueClaimed',
    data: {
      scope: 'intervention-name',
      holderId: INTERVENTION_ID,
      claimedAt: '2026-01-01T00:00:00.000Z',
      occurredOn: '2026-01-01',
    },
    id: '00000000-0000-4000-8000-000000000001',
    position: 1n,
    recordedAt: '2026-01-01T00:00:00.000Z',
  } satisfies StegvisEvent & Omit<ProjectedEvent, keyof StegvisEvent>;

  it('touch no read model', () => {
    expect(touchedDocuments(projections, [claim])).toEqual([]);
    expect(applyEvents(projections, new Map(), [claim])).toEqual([]);
  });

  it('belong to no association’s events (as-of reports replay without them)', () => {
    const events = new AssociationEvents(ASSOCIATION_ID, { interventionIds: [INTERVENTION_ID] });
    expect(events.accepts(claim)).toBe(false);
  });
});
