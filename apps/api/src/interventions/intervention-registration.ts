import {
  DomainError,
  InterventionRegistered,
  streamNames,
  type InterventionEvent,
} from '@stegvis/domain';
import { readSnapshot, type EventStore, type StreamSnapshot } from '@stegvis/event-store';

type Registration = Extract<InterventionEvent, { type: 'InterventionRegistered' }>['data'];

/**
 * An insats's stream and its registration as written: enough for the tenancy checks of a read
 * (which association, which insats) without folding the whole stream.
 */
export async function readIntervention(
  store: EventStore,
  interventionId: string,
): Promise<{ snapshot: StreamSnapshot; registration: Registration }> {
  const snapshot = await readSnapshot(store, streamNames.intervention(interventionId));
  const first = snapshot.events[0];
  const registered = InterventionRegistered.safeParse({ type: first?.type, data: first?.data });
  if (!registered.success) throw new DomainError('intervention_not_found');
  return { snapshot, registration: registered.data.data };
}
