import { Query, QueryHandler, type IQueryHandler } from '@nestjs/cqrs';
import {
  collections,
  instrumentsOf,
  readModelTags,
  type InterventionSummary,
} from '@stegvis/reporting';
import { z } from 'zod';
import type { Actor } from '../platform/actor';
import { forbidden } from '../platform/problem';
import { ReadModelReader } from '../platform/read-model-reader';
import { interventionView, InterventionView } from '../interventions/intervention-view';

/** GET /v1/associations/:aid/interventions: each as GET /v1/interventions/:iid answers it. */
export const InterventionList = z.object({
  items: z.array(InterventionView),
  /** Position of the last event reflected in this answer. */
  checkpoint: z.string().nullable(),
});
export type InterventionList = z.infer<typeof InterventionList>;

export class ListInterventions extends Query<InterventionList> {
  constructor(
    readonly associationId: string,
    readonly actor: Actor,
    readonly today: string,
    readonly minPosition: bigint | undefined,
  ) {
    super();
  }
}

/** Chief and board see every insats of their association; staff only those they work in. */
function listsFor(actor: Actor, associationId: string): (interventionId: string) => boolean {
  if (actor.associationId !== associationId) throw forbidden();
  if (actor.role === 'chief' || actor.role === 'board') return () => true;
  if (actor.role === 'staff') return (id) => actor.interventionIds.has(id);
  throw forbidden();
}

@QueryHandler(ListInterventions)
export class ListInterventionsHandler implements IQueryHandler<ListInterventions> {
  constructor(private readonly reader: ReadModelReader) {}

  async execute({
    associationId,
    actor,
    today,
    minPosition,
  }: ListInterventions): Promise<InterventionList> {
    const visible = listsFor(actor, associationId);
    const { generation, checkpoint } = await this.reader.at(minPosition);
    const docs = await generation.all(
      collections.interventions,
      readModelTags.association(associationId),
    );
    const items = (docs as unknown as InterventionSummary[])
      .filter((i) => visible(i.interventionId))
      .map((i) =>
        interventionView(
          {
            ...i,
            status: 'registered',
            endsOn: i.endsOn ?? undefined,
            closedOn: i.closedOn ?? undefined,
            instruments: instrumentsOf(i),
          },
          today,
        ),
      )
      .sort((a, b) => a.name.localeCompare(b.name, 'sv') || a.startsOn.localeCompare(b.startsOn));
    return { items, checkpoint: checkpoint?.toString() ?? null };
  }
}
