import { fetchReport } from '../../api/reports';
import type { Me } from '../../session/session';
import { fetchIntervention, type Intervention } from './participant-api';

/**
 * The insatser the signed-in person works in: a staff member's from the session, a chief's
 * from the association's report of this year (the API has no list of insatser yet, DESIGN §5
 * v1.1). Read once per visit: every staff page needs them, and they seldom change.
 */
const cache = new Map<string, Promise<readonly Intervention[]>>();

async function load(me: Me): Promise<readonly Intervention[]> {
  const ids =
    me.role === 'chief' && me.associationId !== null
      ? (
          await fetchReport({
            associationId: me.associationId,
            year: new Date().getFullYear(),
            interventionId: '',
          })
        ).interventions.map((i) => i.interventionId)
      : me.interventionIds;
  const interventions = await Promise.all(ids.map((id) => fetchIntervention(id)));
  return interventions.sort((a, b) => a.name.localeCompare(b.name, 'sv'));
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
