import { Query, QueryHandler, type IQueryHandler } from '@nestjs/cqrs';
import { collections, readModelTags, type ParticipantSummary } from '@stegvis/reporting';
import {
  participantListItem,
  type ParticipantListItem,
} from '../participants/participant-list-item';
import type { Actor } from '../platform/actor';
import { access } from '../platform/access';
import { StreamReader } from '../platform/stream-reader';
import { ReadModelReader } from '../platform/read-model-reader';

export type ParticipantList = {
  readonly items: ParticipantListItem[];
  /** Pass as `after` for the next page; null on the last page. */
  readonly next: string | null;
  /** Position of the last event reflected in this answer. */
  readonly checkpoint: string | null;
};

export class ListParticipants extends Query<ParticipantList> {
  constructor(
    readonly interventionId: string,
    readonly actor: Actor,
    readonly page: { after?: string; limit: number; minPosition?: bigint },
    readonly today: string,
  ) {
    super();
  }
}

@QueryHandler(ListParticipants)
export class ListParticipantsHandler implements IQueryHandler<ListParticipants> {
  constructor(
    private readonly streams: StreamReader,
    private readonly reader: ReadModelReader,
  ) {}

  async execute({
    interventionId,
    actor,
    page,
    today,
  }: ListParticipants): Promise<ParticipantList> {
    // Authorise against the event store: the intervention may be newer than the read models.
    access.workInIntervention(actor, await this.streams.loadIntervention(interventionId));
    const { generation, checkpoint } = await this.reader.at(page.minPosition);
    const rows = await generation.list(
      collections.participants,
      readModelTags.intervention(interventionId),
      {
        after: page.after,
        limit: page.limit + 1,
      },
    );
    const items = rows
      .slice(0, page.limit)
      .map(({ doc }) => participantListItem(doc as unknown as ParticipantSummary, today));
    return {
      items,
      next: rows.length > page.limit ? (items.at(-1)?.participantId ?? null) : null,
      checkpoint: checkpoint?.toString() ?? null,
    };
  }
}
