import { Inject } from '@nestjs/common';
import { Query, QueryHandler, type IQueryHandler } from '@nestjs/cqrs';
import { AssociationRegistered, DomainError, Party, streamNames } from '@stegvis/domain';
import { EVENT_STORE, readSnapshot, type EventStore } from '@stegvis/event-store';
import { z } from 'zod';
import type { Actor } from '../platform/actor';
import { access } from '../platform/access';

/** The association as its chief and board read it (DESIGN §5 v1.1, GET /v1/associations/:aid). */
export const AssociationView = z.object({
  associationId: z.string(),
  name: z.string(),
  orgNumber: z.string(),
  parties: z.array(Party),
});
export type AssociationView = z.infer<typeof AssociationView>;

export class GetAssociation extends Query<AssociationView> {
  constructor(
    readonly associationId: string,
    readonly actor: Actor,
  ) {
    super();
  }
}

@QueryHandler(GetAssociation)
export class GetAssociationHandler implements IQueryHandler<GetAssociation> {
  constructor(@Inject(EVENT_STORE) private readonly store: EventStore) {}

  async execute({ associationId, actor }: GetAssociation): Promise<AssociationView> {
    // Tenancy first: the id alone decides it, so another association's existence is not revealed.
    access.readReports(actor, associationId);
    const snapshot = await readSnapshot(this.store, streamNames.association(associationId));
    const first = snapshot.events[0];
    const registered = AssociationRegistered.safeParse({ type: first?.type, data: first?.data });
    if (!registered.success) throw new DomainError('association_not_found');
    const { name, orgNumber, parties } = registered.data.data;
    return { associationId, name, orgNumber, parties };
  }
}
