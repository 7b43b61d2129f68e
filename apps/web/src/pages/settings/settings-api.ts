import type {
  ChangeInterventionInstrumentsBody,
  CloseInterventionBody,
  Goal,
  RegisterInterventionBody,
} from '@stegvis/domain';
import { api, send } from '../../api/client';
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

/**
 * Whose goals: the whole förbund's (DESIGN §4, the report's goal list) or one insats's own
 * (`PUT /v1/interventions/:iid/goals/:year`, evaluated in that insats's part of the report).
 */
export type GoalScope =
  | { readonly kind: 'association'; readonly aid: string }
  | { readonly kind: 'intervention'; readonly iid: string };

/** '' for the whole förbund, else an insats's id: the value of the "Målen gäller" choice. */
export const goalScope = (aid: string, goalsOf: string): GoalScope =>
  goalsOf === '' ? { kind: 'association', aid } : { kind: 'intervention', iid: goalsOf };

/** What the settings page shows: the förbund, its insatser, and the year's goals. */
export type Settings = {
  readonly association: Association;
  readonly interventions: readonly Intervention[];
  readonly goals: GoalsInForce;
  /** Which goals `goals` are: a page still showing older ones must not save over them. */
  readonly goalsFor: { readonly scope: GoalScope; readonly year: number };
};

export async function fetchSettings(
  aid: string,
  scope: GoalScope,
  year: number,
  signal: AbortSignal,
): Promise<Settings> {
  const [association, interventions, goals] = await Promise.all([
    send(api.GET('/v1/associations/{aid}', { params: { path: { aid } }, signal })),
    send(api.GET('/v1/associations/{aid}/interventions', { params: { path: { aid } }, signal })),
    fetchGoals(scope, year, signal),
  ]);
  return { association, interventions: interventions.items, goals, goalsFor: { scope, year } };
}

export const fetchGoals = (
  scope: GoalScope,
  year: number,
  signal?: AbortSignal,
): Promise<GoalsInForce> =>
  scope.kind === 'association'
    ? send(
        api.GET('/v1/associations/{aid}/goals/{year}', {
          params: { path: { aid: scope.aid, year: String(year) } },
          signal,
        }),
      )
    : send(
        api.GET('/v1/interventions/{iid}/goals/{year}', {
          params: { path: { iid: scope.iid, year: String(year) } },
          signal,
        }),
      );

export const registerIntervention = (aid: string, body: RegisterInterventionBody, key: string) =>
  send(
    api.POST('/v1/associations/{aid}/interventions', {
      params: { path: { aid } },
      body,
      headers: headers(key),
    }),
  );

export const closeIntervention = (iid: string, body: CloseInterventionBody, key: string) =>
  send(
    api.POST('/v1/interventions/{iid}/close', {
      params: { path: { iid } },
      body,
      headers: headers(key),
    }),
  );

export const addInstruments = (iid: string, body: ChangeInterventionInstrumentsBody, key: string) =>
  send(
    api.POST('/v1/interventions/{iid}/instruments', {
      params: { path: { iid } },
      body,
      headers: headers(key),
    }),
  );

export const setGoals = (scope: GoalScope, year: number, goals: readonly Goal[], key: string) =>
  scope.kind === 'association'
    ? send(
        api.PUT('/v1/associations/{aid}/goals/{year}', {
          params: { path: { aid: scope.aid, year: String(year) } },
          body: { goals: [...goals] },
          headers: headers(key),
        }),
      )
    : send(
        api.PUT('/v1/interventions/{iid}/goals/{year}', {
          params: { path: { iid: scope.iid, year: String(year) } },
          body: { goals: [...goals] },
          headers: headers(key),
        }),
      );
