import { Inject } from '@nestjs/common';
import { Query, QueryHandler, type IQueryHandler } from '@nestjs/cqrs';
import {
  AssociationGoalsSet,
  DomainError,
  Goal,
  InterventionGoalsSet,
  IsoDate,
  streamNames,
} from '@stegvis/domain';
import { EVENT_STORE, readSnapshot, type EventStore, type StoredEvent } from '@stegvis/event-store';
import { z } from 'zod';
import type { Actor } from '../platform/actor';
import { access } from '../platform/access';
import { readIntervention } from '../interventions/intervention-registration';

/** One setting of a year's goals, as the chief wrote it (the latest for a year is in force). */
const GoalSetting = z.object({
  eventId: z.string(),
  /** The day the goals were set. */
  setOn: IsoDate,
  recordedAt: z.string(),
  goals: z.array(Goal),
});

/** GET …/goals/:year: the goals in force for the year, and every setting of them, oldest first. */
export const GoalsInForce = z.object({
  year: z.number().int(),
  /** Empty when no goals have been set for the year. */
  goals: z.array(Goal),
  history: z.array(GoalSetting),
  /** The stream's revision: send it as If-Match with PUT to set goals only on what you read. */
  revision: z.number().int().nullable(),
});
export type GoalsInForce = z.infer<typeof GoalsInForce>;

export type GoalScope =
  | { readonly kind: 'association'; readonly associationId: string }
  | { readonly kind: 'intervention'; readonly interventionId: string };

export class GetGoals extends Query<GoalsInForce> {
  constructor(
    readonly scope: GoalScope,
    readonly year: number,
    readonly actor: Actor,
  ) {
    super();
  }
}

const GoalsSet = z.union([AssociationGoalsSet, InterventionGoalsSet]);

function settingsOf(events: readonly StoredEvent[], year: number): z.infer<typeof GoalSetting>[] {
  return events.flatMap((stored) => {
    const parsed = GoalsSet.safeParse({ type: stored.type, data: stored.data });
    if (!parsed.success || parsed.data.data.year !== year) return [];
    const { occurredOn, goals } = parsed.data.data;
    return [
      { eventId: stored.id, setOn: occurredOn, recordedAt: stored.metadata.recordedAt, goals },
    ];
  });
}

@QueryHandler(GetGoals)
export class GetGoalsHandler implements IQueryHandler<GetGoals> {
  constructor(@Inject(EVENT_STORE) private readonly store: EventStore) {}

  async execute({ scope, year, actor }: GetGoals): Promise<GoalsInForce> {
    const snapshot = await this.read(scope, actor);
    const history = settingsOf(snapshot.events, year);
    return {
      year,
      goals: history.at(-1)?.goals ?? [],
      history,
      revision: snapshot.revision ?? null,
    };
  }

  /** The stream the goals are set on, once the actor may read them (goals are aggregates). */
  private async read(scope: GoalScope, actor: Actor) {
    if (scope.kind === 'association') {
      access.readReports(actor, scope.associationId);
      const snapshot = await readSnapshot(this.store, streamNames.association(scope.associationId));
      if (snapshot.events.length === 0) throw new DomainError('association_not_found');
      return snapshot;
    }
    const { snapshot, registration } = await readIntervention(this.store, scope.interventionId);
    access.readReports(actor, registration.associationId);
    return snapshot;
  }
}
