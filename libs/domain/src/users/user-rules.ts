import { DomainError, ensure } from '../errors';
import { DAY_MS, MINUTE_MS } from '../shared/instants';
import type { AccountActor, FoundInterventions } from './user-commands';
import type { Role } from './user-values';

export const INVITATION_VALID_MS = 7 * DAY_MS;
export const LOCK_AFTER_FAILURES = 10;
export const LOCK_MS = 15 * MINUTE_MS;
/** Bounds what a user's state holds, so folding a stream stays linear however many tokens came and went. */
export const MAX_API_TOKENS = 20;
export const MAX_API_TOKEN_DAYS = 365;
export const TOTP_ROLES: ReadonlySet<Role> = new Set<Role>(['chief', 'admin']);

type Placed = { readonly role: Role; readonly associationId: string | undefined };

/**
 * The one relation behind inviting, re-issuing links, deactivating and deleting: an admin manages
 * chiefs (of any association); a chief manages staff and board members of its own association.
 * Nobody manages admins (they are created from the shell or the setup page).
 */
export function manages(actor: AccountActor, target: Placed): boolean {
  if (actor.role === 'admin') return target.role === 'chief';
  return (
    actor.role === 'chief' &&
    actor.associationId !== undefined &&
    actor.associationId === target.associationId &&
    (target.role === 'staff' || target.role === 'board')
  );
}

export function ensureRoleShape({ role, associationId }: Placed): void {
  ensure((role === 'admin') === (associationId === undefined), 'user_association_mismatch');
}

/**
 * Staff work in at least one intervention of their own association; other roles in none.
 * Returns the ids without repeats, in the order given.
 */
export function checkedInterventions(
  { role, associationId }: Placed,
  requested: readonly string[],
  found: FoundInterventions,
): string[] {
  const ids = [...new Set(requested)];
  if (role !== 'staff') {
    ensure(ids.length === 0, 'user_interventions_only_for_staff');
    return ids;
  }
  ensure(ids.length > 0, 'user_interventions_required');
  const owner = new Map(found.map((i) => [i.interventionId, i.associationId]));
  for (const id of ids) {
    const of = owner.get(id);
    if (of === undefined) throw new DomainError('intervention_not_found');
    ensure(of === associationId, 'user_intervention_not_in_association');
  }
  return ids;
}
