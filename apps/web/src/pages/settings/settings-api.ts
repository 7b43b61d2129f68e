import type {
  ChangeInterventionInstrumentsBody,
  CloseInterventionBody,
  Goal,
  RegisterInterventionBody,
} from '@stegvis/domain';
import { api, send, sendUndescribed } from '../../api/client';
import type { paths } from '../../api/schema';

export type Association =
  paths['/v1/associations/{aid}']['get']['responses'][200]['content']['application/json'];
export type InterventionList =
  paths['/v1/associations/{aid}/interventions']['get']['responses'][200]['content']['application/json'];
export type Intervention = InterventionList['items'][number];
export type InstrumentView = Intervention['instruments'][number];
export type GoalsInForce =
  paths['/v1/associations/{aid}/goals/{year}']['get']['responses'][200]['content']['application/json'];
export type GoalSetting = GoalsInForce['history'][number];

const headers = (idempotencyKey: string) => ({ 'Idempotency-Key': idempotencyKey });

/** What the settings page shows: the förbund, its insatser, and the year's goals. */
export type Settings = {
  readonly association: Association;
  readonly interventions: readonly Intervention[];
  readonly goals: GoalsInForce;
};

export async function fetchSettings(
  aid: string,
  year: number,
  signal: AbortSignal,
): Promise<Settings> {
  const [association, interventions, goals] = await Promise.all([
    send(api.GET('/v1/associations/{aid}', { params: { path: { aid } }, signal })),
    send(api.GET('/v1/associations/{aid}/interventions', { params: { path: { aid } }, signal })),
    fetchGoals(aid, year, signal),
  ]);
  return { association, interventions: interventions.items, goals };
}

export const fetchGoals = (aid: string, year: number, signal?: AbortSignal) =>
  send(
    api.GET('/v1/associations/{aid}/goals/{year}', {
      params: { path: { aid, year: String(year) } },
      signal,
    }),
  );

export const registerIntervention = (aid: string, body: RegisterInterventionBody, key: string) =>
  sendUndescribed(
    api.POST('/v1/associations/{aid}/interventions', {
      params: { path: { aid } },
      body,
      headers: headers(key),
    }),
  );

export const closeIntervention = (iid: string, body: CloseInterventionBody, key: string) =>
  sendUndescribed(
    api.POST('/v1/interventions/{iid}/close', {
      params: { path: { iid } },
      body,
      headers: headers(key),
    }),
  );

export const addInstruments = (iid: string, body: ChangeInterventionInstrumentsBody, key: string) =>
  sendUndescribed(
    api.POST('/v1/interventions/{iid}/instruments', {
      params: { path: { iid } },
      body,
      headers: headers(key),
    }),
  );

export const setGoals = (aid: string, year: number, goals: readonly Goal[], key: string) =>
  sendUndescribed(
    api.PUT('/v1/associations/{aid}/goals/{year}', {
      params: { path: { aid, year: String(year) } },
      body: { goals: [...goals] },
      headers: headers(key),
    }),
  );
