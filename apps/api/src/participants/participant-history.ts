import { Query, QueryHandler, type IQueryHandler } from '@nestjs/cqrs';
import { DomainError, ParticipantEvent, streamNames } from '@stegvis/domain';
import type { StoredEvent } from '@stegvis/event-store';
import type { Actor } from '../platform/actor';
import { access } from '../platform/access';
import { StreamReader } from '../platform/stream-reader';

export type HistoryEntry = {
  readonly id: string;
  readonly type: string;
  readonly occurredOn: string;
  readonly recordedAt: string;
  readonly actor: string;
  readonly data: Readonly<Record<string, unknown>>;
  readonly retracted: boolean;
  /** Id of the EntryRetracted event that retracted this one. */
  readonly retractedBy?: string;
};

export type ParticipantHistory = {
  readonly participantId: string;
  readonly interventionId: string;
  readonly associationId: string;
  readonly status: 'active' | 'exited';
  readonly enrolledOn: string;
  readonly exitedOn: string | null;
  readonly revision: number;
  readonly events: HistoryEntry[];
};

/** The summary and the complete history of one participant, oldest first, retractions marked. */
export function participantHistory(stored: readonly StoredEvent[]): ParticipantHistory | undefined {
  const events = stored.map((s) => ({
    stored: s,
    event: ParticipantEvent.parse({ type: s.type, data: s.data }),
  }));
  const first = events[0]?.event;
  if (first?.type !== 'ParticipantEnrolled') return undefined;
  const retractedBy = new Map<string, string>();
  for (const { stored: s, event } of events) {
    if (event.type === 'EntryRetracted') retractedBy.set(event.data.retractedEventId, s.id);
  }
  const exit = events.find(
    (e) => e.event.type === 'ParticipantExited' && !retractedBy.has(e.stored.id),
  );
  return {
    participantId: first.data.participantId,
    interventionId: first.data.interventionId,
    associationId: first.data.associationId,
    status: exit ? 'exited' : 'active',
    enrolledOn: first.data.enrolledOn,
    exitedOn: exit ? exit.event.data.occurredOn : null,
    revision: stored.at(-1)?.revision ?? 0,
    events: events.map(({ stored: s, event }) => {
      const by = retractedBy.get(s.id);
      return {
        id: s.id,
        type: s.type,
        occurredOn: event.data.occurredOn,
        recordedAt: s.metadata.recordedAt,
        actor: s.metadata.actor,
        data: s.data,
        retracted: by !== undefined,
        ...(by === undefined ? {} : { retractedBy: by }),
      };
    }),
  };
}

export class GetParticipant extends Query<ParticipantHistory> {
  constructor(
    readonly participantId: string,
    readonly actor: Actor,
  ) {
    super();
  }
}

@QueryHandler(GetParticipant)
export class GetParticipantHandler implements IQueryHandler<GetParticipant> {
  constructor(private readonly reader: StreamReader) {}

  async execute({ participantId, actor }: GetParticipant): Promise<ParticipantHistory> {
    // An erased participant's stream is gone: it reads exactly like one that never existed.
    const { events } = await this.reader.read(streamNames.participant(participantId));
    const history = participantHistory(events);
    if (!history) throw new DomainError('participant_not_found');
    access.workWithParticipant(actor, history);
    return history;
  }
}
