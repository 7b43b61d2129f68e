import { randomUUID } from 'node:crypto';
import type { NewEvent } from '../event-store.port';

/** An event as Stegvis appends one, with a fresh id; tests override what they look at. */
export function newEvent(overrides: Partial<NewEvent> = {}): NewEvent {
  return {
    id: randomUUID(),
    type: 'ParticipantEnrolled',
    data: { participantId: 'D-7K3QX9MW2A', birthYear: 1990 },
    metadata: {
      recordedAt: '2025-03-01T09:00:00.000Z',
      actor: 'staff-1',
      correlationId: randomUUID(),
    },
    ...overrides,
  };
}
