import { DomainError } from '@stegvis/domain';
import type { Actor } from './actor';
import { forbidden } from './problem';

/**
 * Tenancy rules of DESIGN §5, as pure checks. Roles are checked by the guard before a handler
 * runs; these checks need the resource, so handlers call them once it is loaded.
 */
export const access = {
  /** Chief of this association. */
  manageAssociation(actor: Actor, associationId: string): void {
    if (actor.role !== 'chief' || actor.associationId !== associationId) throw forbidden();
  },

  /** Chief or board of this association: aggregates only, never a participant. */
  readReports(actor: Actor, associationId: string): void {
    const reader = actor.role === 'chief' || actor.role === 'board';
    if (!reader || actor.associationId !== associationId) throw forbidden();
  },

  /**
   * `workInIntervention` for one participant. Outside the participant's association it is
   * unknown (404), exactly as a pseudonym that was never issued: a 403 there would tell another
   * förbund that the pseudonym exists.
   */
  workWithParticipant(actor: Actor, participant: InterventionRef): void {
    hideFromOtherAssociations(actor, participant.associationId);
    access.workInIntervention(actor, participant);
  },

  /** `manageAssociation` for one participant (erasure), unknown outside its association. */
  manageParticipant(actor: Actor, participant: { readonly associationId: string }): void {
    hideFromOtherAssociations(actor, participant.associationId);
    access.manageAssociation(actor, participant.associationId);
  },

  /** Chief of the intervention's association, or staff assigned to the intervention. */
  workInIntervention(actor: Actor, intervention: InterventionRef): void {
    if (!mayWorkInIntervention(actor, intervention)) throw forbidden();
  },
};

function hideFromOtherAssociations(actor: Actor, associationId: string): void {
  if (actor.associationId !== associationId) throw new DomainError('participant_not_found');
}

type InterventionRef = { readonly associationId: string; readonly interventionId: string };

/** The rule of `access.workInIntervention`, for callers that answer otherwise than 403. */
export function mayWorkInIntervention(actor: Actor, intervention: InterventionRef): boolean {
  if (actor.associationId !== intervention.associationId) return false;
  return (
    actor.role === 'chief' ||
    (actor.role === 'staff' && actor.interventionIds.has(intervention.interventionId))
  );
}
