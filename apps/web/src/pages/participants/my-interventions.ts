import type { Me } from '../../session/session';
import { fetchInterventions, type Intervention } from './participant-api';

/**
 * The insatser the signed-in person works in (staff: their own; a chief: the association's),
 * in one call. Read once per visit: every staff page needs them, and they seldom change.
 */
const cache = new Map<string, Promise<readonly Intervention[]>>();

async function load(me: Me): Promise<readonly Intervention[]> {
  if (me.associationId === null) return [];
  const interventions = await fetchInterventions(me.associationId);
  return [...interventions].sort((a, b) => a.name.localeCompare(b.name, 'sv'));
}

export function myInterventions(me: Me): Promise<readonly Intervention[]> {
  const key = `${me.userId}|${me.role}|${me.interventionIds.join(',')}`;
  let loading = cache.get(key);
  if (loading === undefined) {
    loading = load(me);
    // A failed load is tried again on the next visit to a page, not remembered.
    loading.catch(() => cache.delete(key));
    cache.set(key, loading);
  }
  return loading;
}

/** The insatser that take individual participants and are open today. */
export const enrollable = (interventions: readonly Intervention[]) =>
  interventions.filter((i) => i.kind === 'individual' && i.status === 'open');
