import { Query, QueryHandler, type IQueryHandler } from '@nestjs/cqrs';
import {
  DomainError,
  Instrument,
  InterventionKind,
  interventionDecider,
  IsoDate,
  Ladder,
  lastOpenDate,
  Party,
  streamNames,
  type RegisteredIntervention,
} from '@stegvis/domain';
import { z } from 'zod';
import type { Actor } from '../platform/actor';
import { access } from '../platform/access';
import { stateOf, StreamReader } from '../platform/stream-reader';

/**
 * One intervention as its staff and chief read it (DESIGN §5 v1.1, GET /v1/interventions/:iid):
 * what the staff pages need to label their forms (the name, the instruments, the ladder).
 */
export const InterventionView = z.object({
  interventionId: z.string(),
  associationId: z.string(),
  name: z.string(),
  kind: InterventionKind,
  parties: z.array(Party),
  startsOn: IsoDate,
  endsOn: IsoDate.nullable(),
  closedOn: IsoDate.nullable(),
  /** The last date it takes new facts (its planned end or closing, if earlier); null: open-ended. */
  lastOpenDate: IsoDate.nullable(),
  status: z.enum(['open', 'closed']),
  /** Every instrument its assessments may name, the one progression compares first. */
  instruments: z.array(Instrument),
  ladder: Ladder,
});
export type InterventionView = z.infer<typeof InterventionView>;

export class GetIntervention extends Query<InterventionView> {
  constructor(
    readonly interventionId: string,
    readonly actor: Actor,
    readonly today: string,
  ) {
    super();
  }
}

/** What the view is made from: the decider's state, and the registration's name and parties. */
type InterventionFacts = RegisteredIntervention & {
  readonly name: string;
  readonly parties: readonly Party[];
};

/** One intervention as the API answers it; `today` decides whether it is still open. */
export function interventionView(facts: InterventionFacts, today: string): InterventionView {
  const last = lastOpenDate(facts) ?? null;
  return {
    interventionId: facts.interventionId,
    associationId: facts.associationId,
    name: facts.name,
    kind: facts.kind,
    parties: [...facts.parties],
    startsOn: facts.startsOn,
    endsOn: facts.endsOn ?? null,
    closedOn: facts.closedOn ?? null,
    lastOpenDate: last,
    status: last !== null && last < today ? 'closed' : 'open',
    instruments: [...facts.instruments],
    ladder: facts.ladder,
  };
}

@QueryHandler(GetIntervention)
export class GetInterventionHandler implements IQueryHandler<GetIntervention> {
  constructor(private readonly reader: StreamReader) {}

  async execute({ interventionId, actor, today }: GetIntervention): Promise<InterventionView> {
    const snapshot = await this.reader.read(streamNames.intervention(interventionId));
    const state = stateOf(interventionDecider, snapshot);
    if (state.status !== 'registered') throw new DomainError('intervention_not_found');
    access.workInIntervention(actor, state);
    // The name and parties are not decider state: they are read from the registration itself.
    const registered = snapshot.events[0]?.data as { name?: unknown; parties?: unknown };
    return interventionView(
      {
        ...state,
        name: typeof registered.name === 'string' ? registered.name : interventionId,
        parties: z.array(Party).catch([]).parse(registered.parties),
      },
      today,
    );
  }
}
