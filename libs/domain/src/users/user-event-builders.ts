import { swedishDate } from '../shared/dates';
import type { IsoInstant } from '../shared/instants';
import type { UserEvent } from './user-events';

type Data<T extends UserEvent['type']> = Omit<
  Extract<UserEvent, { type: T }>['data'],
  'occurredOn'
>;

/** A user event dated by the Swedish calendar at `now`, as every event's `occurredOn` is. */
export function userEvent<T extends UserEvent['type']>(
  type: T,
  now: IsoInstant,
  data: Data<T>,
): Extract<UserEvent, { type: T }> {
  // TypeScript cannot see that a type and its own data make that union member; the signature can.
  const event = { type, data: { ...data, occurredOn: swedishDate(new Date(now)) } };
  return event as unknown as Extract<UserEvent, { type: T }>;
}
