/**
 * Issue 9, item 26: what a person reads when a request is refused, word for word over HTTP. A
 * 400 names the field and what is allowed; a 422 names the item, range or date concerned.
 */
import { startApi, type Api } from '../support/api-harness';
import { bearer, createTenant, enrol, enrolment, type Tenant } from '../support/world';

let api: Api;
let t: Tenant;
let pid: string;
let exitedPid: string;

beforeAll(async () => {
  api = await startApi();
  t = await createTenant(api, 0);
  pid = await enrol(api, t);
  exitedPid = await enrol(api, t);
  await api.http
    .post(`/v1/participants/${exitedPid}/exit`)
    .set(bearer(t.staff))
    .send({ exitedOn: '2025-06-01', outcome: 'work', incomeSource: 'salary', planHandedOver: true })
    .expect(201);
});
afterAll(() => api.close());

type Case = {
  readonly title: string;
  readonly method?: 'post' | 'put' | 'get';
  readonly path: () => string;
  readonly token?: () => string;
  readonly body?: object;
  /** 400: the one error expected, at its path; else the 422 detail. */
  readonly error?: { readonly path: string; readonly message: string };
  readonly refusal?: { readonly code: string; readonly detail: string };
};

const goals = () => `/v1/interventions/${t.interventionId}/goals/2025`;
const facts =
  (what: string, who = () => pid) =>
  () =>
    `/v1/participants/${who()}/${what}`;
const goal = { id: 'nojda', label: 'Nöjda', kind: 'satisfactionShare', target: 0.85 };

const CASES: readonly Case[] = [
  {
    title: 'a year written as text',
    path: () => `/v1/interventions/${t.interventionId}/participants`,
    body: { ...enrolment, birthYear: '1989' },
    error: {
      path: 'body.birthYear',
      message: 'Födelseåret (birthYear) ska vara ett heltal mellan 1900 och 2100.',
    },
  },
  {
    title: 'a share written as a percentage',
    method: 'put',
    path: goals,
    token: () => t.chief,
    body: { goals: [{ ...goal, target: 85 }] },
    error: {
      path: 'body.goals.0.target',
      message:
        'Målvärdet i mål 1 (goals.0.target) ska vara en andel mellan 0 och 1, t.ex. 0,85 för 85 % (i JSON 0.85).',
    },
  },
  {
    title: 'an unknown goal kind',
    method: 'put',
    path: goals,
    token: () => t.chief,
    body: { goals: [{ ...goal, kind: 'luck' }] },
    error: {
      path: 'body.goals.0.kind',
      message:
        'Måltypen i mål 1 (goals.0.kind) ska vara en av koderna outcomeShare (Andel avslutade med vissa avslutsorsaker), satisfactionShare (Andel nöjda deltagare), positiveProgressShare (Andel med positiv förflyttning), participantCount (Antal deltagare), genderBalance (Jämn könsfördelning), planAtExitShare (Andel med plan vid avslut), itemShare (Andel med visst svar på en fråga), assignmentGoalShare (Andel avslutade som nått uppdragets mål) eller followUpShare (Andel med viss sysselsättning vid uppföljning efter avslut).',
    },
  },
  {
    title: 'an impossible date',
    path: facts('satisfaction'),
    body: { score: 4, answeredOn: '2025-02-30' },
    error: {
      path: 'body.answeredOn',
      message:
        'Datumet för svaret (answeredOn) ska vara ett datum skrivet ÅÅÅÅ-MM-DD, t.ex. 2026-03-15.',
    },
  },
  {
    title: 'a malformed pseudonym in the path, without a pattern',
    path: () => '/v1/participants/D-123/satisfaction',
    body: { score: 4, answeredOn: '2025-04-01' },
    error: {
      path: 'params.pid',
      message:
        'Deltagarens id (pid) ska vara ett deltagar-id som D-4HX9QK2WMP: D- och tio tecken (0–9 och A–Z utom I, L, O och U).',
    },
  },
  {
    title: 'a name with a bidi override',
    path: () => `/v1/associations/${t.associationId}/interventions`,
    token: () => t.chief,
    body: { name: 'Sam\u202ECoach', kind: 'structural', parties: ['FK'], startsOn: '2025-01-01' },
    error: {
      path: 'body.name',
      message:
        'Namnet (name) innehåller osynliga styrtecken (t.ex. radbrytning, tabb eller tecken som vänder textriktningen): skriv texten med vanliga tecken.',
    },
  },
  {
    title: 'a name of zero-width spaces only',
    path: () => `/v1/associations/${t.associationId}/interventions`,
    token: () => t.chief,
    body: {
      name: '\u200B\u200B\u200B',
      kind: 'structural',
      parties: ['FK'],
      startsOn: '2025-01-01',
    },
    error: {
      path: 'body.name',
      message:
        'Namnet (name) måste innehålla synliga tecken, inte bara blanksteg eller osynliga tecken.',
    },
  },
  {
    title: 'a date before the enrolment',
    path: facts('satisfaction'),
    body: { score: 4, answeredOn: '2025-03-02' },
    refusal: {
      code: 'date_before_enrolment',
      detail:
        'Datumet för svaret (answeredOn) ligger före deltagarens inskrivning 2025-03-03: ange ett datum från och med 2025-03-03.',
    },
  },
  {
    title: 'a date after the exit',
    path: facts('progression-steps', () => exitedPid),
    body: { level: 2, stepOn: '2025-06-02' },
    refusal: {
      code: 'date_after_exit',
      detail:
        'Datumet för stegförflyttningen (stepOn) ligger efter deltagarens avslut 2025-06-01: ange ett datum till och med 2025-06-01, eller makulera avslutet först om det var fel.',
    },
  },
  {
    title: 'a score outside the scale',
    path: facts('self-assessments'),
    body: {
      instrument: 'stegvis-5',
      phase: 'start',
      assessedOn: '2025-04-01',
      scores: { wellbeing: 11 },
    },
    refusal: {
      code: 'score_out_of_range',
      detail:
        'Värdet för frågan wellbeing (scores.wellbeing) ligger utanför formulärets skala: ange ett heltal mellan 1 och 10.',
    },
  },
  {
    title: 'a level not on the ladder',
    path: facts('progression-steps'),
    body: { level: 9, stepOn: '2025-04-01' },
    refusal: {
      code: 'ladder_level_unknown',
      detail: 'Nivån (level) finns inte på insatsens stegtrappa: ange en nivå mellan 1 och 6.',
    },
  },
  {
    title: 'an age outside 16–100',
    path: () => `/v1/interventions/${t.interventionId}/participants`,
    body: { ...enrolment, birthYear: 2012 },
    refusal: {
      code: 'participant_age_out_of_range',
      detail:
        'Födelseåret (birthYear) ger en ålder vid inskrivningen utanför 16–100 år: ange ett födelseår mellan 1925 och 2009.',
    },
  },
  {
    title: 'two goals with one id',
    method: 'put',
    path: goals,
    token: () => t.chief,
    body: { goals: [goal, { ...goal, label: 'Annat' }] },
    refusal: {
      code: 'goal_ids_not_unique',
      detail: 'Mål 1 och mål 2 har samma id (goals.1.id): ge varje mål ett eget id.',
    },
  },
];

describe('refusals say, in Swedish, which field, item, range or date and what to do', () => {
  it.each(CASES)('$title', async (c) => {
    const before = await api.allEvents();
    const res = await api.http[c.method ?? 'post'](c.path())
      .set(bearer((c.token ?? (() => t.staff))()))
      .send(c.body);
    expect(res.headers['content-type']).toMatch(/^application\/problem\+json/);
    if (c.error !== undefined) {
      expect({ status: res.status, code: res.body.code, errors: res.body.errors }).toEqual({
        status: 400,
        code: 'validation_failed',
        errors: [{ ...c.error, code: expect.any(String) }],
      });
    } else {
      expect({ status: res.status, code: res.body.code, detail: res.body.detail }).toEqual({
        status: 422,
        ...c.refusal,
      });
    }
    expect(await api.allEvents()).toEqual(before);
  });
});
