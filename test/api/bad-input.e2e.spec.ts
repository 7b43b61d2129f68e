/**
 * "Every kind of bad body gets a 4xx problem+json and writes nothing" (DESIGN §5), proven over
 * HTTP against every write endpoint. Cases are generated from tables: the shape of the body, each
 * required field missing, unknown fields, wrong types, impossible dates, out-of-range values,
 * malformed path parameters and headers, and the domain rules (422) and unknown resources (404).
 * For each one the answer must be RFC 9457 problem+json with the right status and stable code,
 * and the whole event log must be unchanged afterwards.
 */
import * as domain from '@stegvis/domain';
import { domainErrors, type DomainErrorCode } from '@stegvis/domain';
import { randomUUID } from 'node:crypto';
import type { Response } from 'supertest';
import { startApi, type Api } from '../support/api-harness';
import { bearer, createTenant, enrol, enrolment, ORG_NUMBERS, type Tenant } from '../support/world';

// ---------------------------------------------------------------------------------------------
// Types of the case tables
// ---------------------------------------------------------------------------------------------

type Body = Readonly<Record<string, unknown>>;

type Payload =
  | { readonly kind: 'json'; readonly value: unknown }
  | { readonly kind: 'raw'; readonly contentType: string; readonly text: string }
  | { readonly kind: 'none' };

type Expected = {
  readonly status: number | readonly number[];
  readonly code: string | readonly string[];
  /** A path `errors` must name: `body.x` is named by `body.x` or by a deeper `body.x.y`. */
  readonly errorPath?: string;
  /** Only the exact path counts (for `body` itself, which every deeper path would match). */
  readonly exactPath?: boolean;
  /** Paths that must all be named. */
  readonly errorPaths?: readonly string[];
  readonly errorCode?: string;
  /** A submitted value that must not appear anywhere in the answer. */
  readonly secret?: string;
};

type Variant = {
  readonly title: string;
  readonly path?: () => string;
  readonly token?: () => string | undefined;
  readonly headers?: Readonly<Record<string, string>>;
  /** Builds the request body from the endpoint's valid body; default: the valid body as JSON. */
  readonly payload?: (valid: Body) => Payload;
  readonly expected: Expected;
};

type ParamSpec = {
  readonly name: string;
  readonly bad: readonly string[];
  readonly path: (value: string) => string;
};

type Endpoint = {
  readonly name: string;
  readonly method: 'post' | 'put' | 'delete';
  readonly path: () => string;
  readonly token: () => string;
  /** A valid body, known before the world exists: cases are generated from its fields. */
  readonly sample: Body;
  /** The valid body sent at run time, when it needs ids made in `beforeAll`. */
  readonly valid?: () => Body;
  readonly required: readonly string[];
  readonly params: readonly ParamSpec[];
  /** Field-specific invalid values (400). */
  readonly fields: readonly Variant[];
  /** Domain rule violations (422) and unknown resources (404). */
  readonly rules: readonly Variant[];
};

type World = {
  readonly tenant: Tenant;
  readonly admin: string;
  /** A chief whose token names an association that was never registered. */
  readonly ghostChief: string;
  /** An association whose members are only FK and AF. */
  readonly limitedAssociationId: string;
  readonly limitedChief: string;
  /** Structural intervention that the generic close cases aim at. */
  readonly closableId: string;
  /** Structural intervention closed on 2025-06-30. */
  readonly closedId: string;
  /** Individual intervention that ends on 2025-06-30. */
  readonly endedId: string;
  /** Active, enrolled 2025-03-03; a retracted step (03-15), satisfaction (04-01), assessment (04-15). */
  readonly subject: string;
  readonly enrolmentEventId: string;
  readonly retractedEventId: string;
  readonly retractionEventId: string;
  /** The satisfaction answer: the target of the valid retraction body. */
  readonly retractableEventId: string;
  /** Exited on 2025-06-01. */
  readonly exited: string;
  readonly exitEventId: string;
  /** Active: the target of the generic exit cases. */
  readonly exitTarget: string;
  /** Active: the target of the generic erasure cases. */
  readonly eraseTarget: string;
  readonly erased: string;
};

// ---------------------------------------------------------------------------------------------
// Constants and small builders
// ---------------------------------------------------------------------------------------------

const JSON_TYPE = 'application/json';
const NO_ASSOCIATION = 'F-0000000000';
const NO_INTERVENTION = 'I-0000000000';
const NO_PARTICIPANT = 'D-0000000000';
const USED_IDEMPOTENCY_KEY = 'bad-input-satisfaction-1';
const NOT_FOUND_CODES: ReadonlySet<DomainErrorCode> = new Set([
  'association_not_found',
  'intervention_not_found',
  'participant_not_found',
]);

/** Two days ahead: in the future in Sweden whatever the time of day in UTC. */
const FUTURE = new Date(Date.now() + 2 * 86_400_000).toISOString().slice(0, 10);

const IMPOSSIBLE_DATES = [
  '2025-02-30',
  '2025-02-29',
  '2025-13-01',
  '2025-00-10',
  '3 mars 2025',
  '2025-03-10T10:00:00Z',
  '2025-3-10',
  '20250310',
  '10/03/2025',
  '',
] as const;

const BAD_PARTICIPANT_IDS = ['D-123', 'd-7k3qx9mw2a', 'D-7K3QX9MW2U', 'I-7K3QX9MW2A'] as const;
const BAD_INTERVENTION_IDS = ['I-123', 'i-7k3qx9mw2a', 'F-7K3QX9MW2A'] as const;
const BAD_ASSOCIATION_IDS = ['F-1', 'f-7k3qx9mw2a', 'I-7K3QX9MW2A'] as const;
/** Not a year 2000–2100 written plainly; Number() reads the last three as 2025. */
const BAD_YEARS = ['20x5', '1999', '2101', '2025.5', '-2025', '0x7E9', '2.025e3', '+2025'] as const;

/** Issue 9, item 20: what would travel unseen into CSV files and pages. */
const UNREADABLE_NAMES = [
  'Sam\u202ECoach', // right-to-left override
  '\u2067Navet\u2069', // right-to-left isolate
  '\u200B\u200B\u200B', // zero-width spaces only
  '\u3164\u3164', // Hangul fillers only
  'Förbund\u0000et', // NUL
  'Rad\nbrytning', // newline
  'Sam\tCoach', // a tab
] as const;

const BAD_IDEMPOTENCY_KEYS = ['has space', 'slash/in/key', 'x'.repeat(201), '', 'nyckel-åäö'];
const BAD_IF_MATCH = ['abc', '"-1"', '1.5', '', 'W/"abc"', '"1", "2"', '9'.repeat(16)];

const json = (value: unknown): Payload => ({ kind: 'json', value });
const raw = (contentType: string, text: string): Payload => ({ kind: 'raw', contentType, text });
const patched =
  (patch: Body) =>
  (valid: Body): Payload =>
    json({ ...valid, ...patch });

function omit(body: Body, field: string): Body {
  const { [field]: _omitted, ...rest } = body;
  return rest;
}

/** The valid body with one more key, written as JSON text (so `__proto__` is a plain key). */
function withExtraKey(valid: Body, key: string, value: unknown): Payload {
  const text = JSON.stringify(valid);
  return raw(JSON_TYPE, `${text.slice(0, -1)},${JSON.stringify(key)}:${JSON.stringify(value)}}`);
}

/** application/x-www-form-urlencoded, nested the way `qs` (extended) reads it back. */
function formEncode(body: Body): string {
  const params = new URLSearchParams();
  const add = (key: string, value: unknown): void => {
    if (Array.isArray(value)) value.forEach((item, i) => add(`${key}[${i}]`, item));
    else if (typeof value === 'object' && value !== null)
      for (const [k, v] of Object.entries(value)) add(`${key}[${k}]`, v);
    else params.append(key, String(value));
  };
  for (const [key, value] of Object.entries(body)) add(key, value);
  return params.toString();
}

function show(value: unknown): string {
  if (value === undefined) return '(missing)';
  const text = JSON.stringify(value);
  return text.length > 40 ? `${text.slice(0, 37)}…` : text;
}

const invalid = (path: string, extra: Partial<Expected> = {}): Expected => ({
  status: 400,
  code: 'validation_failed',
  errorPath: path,
  ...extra,
});

const refusal = (code: DomainErrorCode): Expected => ({
  status: NOT_FOUND_CODES.has(code) ? 404 : 422,
  code,
});

/** Every code and Swedish label a refusal of a coded field lists as allowed. */
const ALLOWED_WORDS: readonly string[] = Object.values(domain as Record<string, unknown>)
  .filter(
    (v): v is { labels: Record<string, string> } =>
      typeof v === 'object' && v !== null && 'labels' in v,
  )
  .flatMap((v) => Object.entries(v.labels).flat());

/**
 * One 400 case per value of one body field; string values must not be echoed back (unless the
 * value is itself a code or label that the answer lists among the allowed ones).
 */
function bad(field: string, values: readonly unknown[], path = `body.${field}`): Variant[] {
  const listedAsAllowed = (value: string) =>
    ALLOWED_WORDS.some((word) => word.includes(value.trim()));
  return values.map((value) => ({
    title: `${field} = ${show(value)}`,
    payload: patched({ [field]: value }),
    expected: invalid(
      path,
      typeof value === 'string' && value.length >= 6 && !listedAsAllowed(value)
        ? { secret: value }
        : {},
    ),
  }));
}

/** A 422/404 case: the body is valid, the request breaks a rule of the domain. */
function rule(
  title: string,
  code: DomainErrorCode,
  options: Omit<Variant, 'title' | 'expected'> = {},
): Variant {
  return { title: `${title} → ${code}`, ...options, expected: refusal(code) };
}

// ---------------------------------------------------------------------------------------------
// The world, made once
// ---------------------------------------------------------------------------------------------

let api: Api;
let w: World;

async function write(
  method: 'post' | 'delete',
  path: string,
  token: string,
  body: Body,
  status: number,
  headers: Record<string, string> = {},
): Promise<{ eventIds: string[] } & Record<string, unknown>> {
  const res = await api.http[method](path).set(bearer(token)).set(headers).send(body);
  expect(res.status).toBe(status);
  return res.body as { eventIds: string[] } & Record<string, unknown>;
}

async function registerIntervention(tenant: Tenant, body: Body): Promise<string> {
  const path = `/v1/associations/${tenant.associationId}/interventions`;
  return (await write('post', path, tenant.chief, body, 201)).interventionId as string;
}

beforeAll(async () => {
  api = await startApi();
  const tenant = await createTenant(api, 0);
  const { staff, chief } = tenant;
  const admin = api.token('admin');

  const limited = await write(
    'post',
    '/v1/associations',
    admin,
    { name: 'Samordningsförbundet Väster', orgNumber: ORG_NUMBERS[1], parties: ['FK', 'AF'] },
    201,
  );
  const limitedAssociationId = limited.associationId as string;

  const structural = { kind: 'structural', parties: ['REGION'], startsOn: '2025-01-01' };
  const closableId = await registerIntervention(tenant, { name: 'Stresskurs', ...structural });
  const closedId = await registerIntervention(tenant, { name: 'Psykeveckan 2025', ...structural });
  await write(
    'post',
    `/v1/interventions/${closedId}/close`,
    chief,
    { closedOn: '2025-06-30' },
    201,
  );
  const endedId = await registerIntervention(tenant, {
    name: 'SamCoach vår',
    kind: 'individual',
    parties: ['FK', 'AF'],
    startsOn: '2025-01-01',
    endsOn: '2025-06-30',
  });

  const subject = await enrol(api, tenant);
  const participant = (pid: string, what: string) => `/v1/participants/${pid}/${what}`;
  const step = await write(
    'post',
    participant(subject, 'progression-steps'),
    staff,
    { level: 2, stepOn: '2025-03-15' },
    201,
  );
  const retractedEventId = step.eventIds[0] as string;
  const retraction = await write(
    'post',
    participant(subject, 'retractions'),
    staff,
    { eventId: retractedEventId, reason: 'wrong_value' },
    201,
  );
  const satisfaction = await write(
    'post',
    participant(subject, 'satisfaction'),
    staff,
    { score: 5, answeredOn: '2025-04-01' },
    201,
    { 'Idempotency-Key': USED_IDEMPOTENCY_KEY },
  );
  await write(
    'post',
    participant(subject, 'self-assessments'),
    staff,
    { instrument: 'stegvis-5', phase: 'start', assessedOn: '2025-04-15', scores: { wellbeing: 4 } },
    201,
  );
  const history = await api.http.get(`/v1/participants/${subject}`).set(bearer(staff)).expect(200);

  const exited = await enrol(api, tenant);
  const exit = await write(
    'post',
    participant(exited, 'exit'),
    staff,
    {
      exitedOn: '2025-06-01',
      outcome: 'studies',
      incomeSource: 'student_aid',
      planHandedOver: true,
    },
    201,
  );

  const erased = await enrol(api, tenant);
  await write('delete', `/v1/participants/${erased}`, chief, { reason: 'consent_withdrawn' }, 204);

  w = {
    tenant,
    admin,
    ghostChief: api.token('chief', NO_ASSOCIATION, [], 'ghost-chief'),
    limitedAssociationId,
    limitedChief: api.token('chief', limitedAssociationId, [], 'chief-limited'),
    closableId,
    closedId,
    endedId,
    subject,
    enrolmentEventId: history.body.events[0].id as string,
    retractedEventId,
    retractionEventId: retraction.eventIds[0] as string,
    retractableEventId: satisfaction.eventIds[0] as string,
    exited,
    exitEventId: exit.eventIds[0] as string,
    exitTarget: await enrol(api, tenant),
    eraseTarget: await enrol(api, tenant),
    erased,
  };
});

afterAll(() => api.close());

// ---------------------------------------------------------------------------------------------
// Goals: shared by both goal endpoints
// ---------------------------------------------------------------------------------------------

const satisfactionGoal = {
  id: 'nojda',
  label: 'Nöjda deltagare',
  kind: 'satisfactionShare',
  target: 0.8,
};
const itemGoal = {
  id: 'stod',
  label: 'Får det stöd jag behöver',
  kind: 'itemShare',
  instrument: 'stegvis-5',
  item: 'wellbeing',
  atLeast: 7,
  phase: 'exit',
  target: 0.9,
};

function badGoal(title: string, goal: Body, path: string, extra: Partial<Expected> = {}): Variant {
  return {
    title: `goal ${title}`,
    payload: () => json({ goals: [goal] }),
    expected: invalid(path, extra),
  };
}

const GOAL_FIELD_CASES: readonly Variant[] = [
  badGoal('with an unknown kind', { ...satisfactionGoal, kind: 'happiness' }, 'body.goals.0.kind'),
  badGoal('without a kind', omit(satisfactionGoal, 'kind'), 'body.goals.0.kind'),
  badGoal('without a target', omit(satisfactionGoal, 'target'), 'body.goals.0.target'),
  badGoal('with a share above 1', { ...satisfactionGoal, target: 1.5 }, 'body.goals.0.target'),
  badGoal('with a negative share', { ...satisfactionGoal, target: -0.1 }, 'body.goals.0.target'),
  badGoal('with a percentage', { ...satisfactionGoal, target: 80 }, 'body.goals.0.target'),
  badGoal('with a share as text', { ...satisfactionGoal, target: '0.8' }, 'body.goals.0.target'),
  badGoal('without an id', omit(satisfactionGoal, 'id'), 'body.goals.0.id'),
  badGoal('with a capitalised id', { ...satisfactionGoal, id: 'Nöjda' }, 'body.goals.0.id'),
  badGoal('with an empty label', { ...satisfactionGoal, label: '   ' }, 'body.goals.0.label'),
  badGoal(
    'with a tab in its label',
    { ...satisfactionGoal, label: 'Nöjda\tdeltagare' },
    'body.goals.0.label',
  ),
  badGoal(
    'with a label of zero-width spaces',
    { ...satisfactionGoal, label: '\u200B\u200B' },
    'body.goals.0.label',
  ),
  badGoal(
    'with an unknown field',
    { ...satisfactionGoal, comment: 'Anna Svensson drar ned snittet' },
    'body.goals.0',
    { exactPath: true, errorCode: 'unrecognized_keys', secret: 'Anna Svensson' },
  ),
  badGoal(
    'outcomeShare without outcomes',
    { id: 'egen', label: 'Egen försörjning', kind: 'outcomeShare', outcomes: [], target: 0.4 },
    'body.goals.0.outcomes',
  ),
  badGoal(
    'outcomeShare with an unknown outcome',
    {
      id: 'egen',
      label: 'Egen försörjning',
      kind: 'outcomeShare',
      outcomes: ['fired'],
      target: 0.4,
    },
    'body.goals.0.outcomes.0',
  ),
  badGoal(
    'participantCount with a negative minimum',
    { id: 'antal', label: 'Antal', kind: 'participantCount', min: -1 },
    'body.goals.0.min',
  ),
  badGoal(
    'participantCount with a fractional minimum',
    { id: 'antal', label: 'Antal', kind: 'participantCount', min: 2.5 },
    'body.goals.0.min',
  ),
  badGoal(
    'genderBalance with a deviation above 1',
    { id: 'jamn', label: 'Jämn fördelning', kind: 'genderBalance', maxDeviation: 2 },
    'body.goals.0.maxDeviation',
  ),
  badGoal(
    'positiveProgressShare with an unknown source',
    {
      id: 'steg',
      label: 'Stegförflyttning',
      kind: 'positiveProgressShare',
      source: 'gut',
      target: 0.5,
    },
    'body.goals.0.source',
  ),
  badGoal('itemShare without an item', omit(itemGoal, 'item'), 'body.goals.0.item'),
  badGoal(
    'itemShare with an unknown phase',
    { ...itemGoal, phase: 'middle' },
    'body.goals.0.phase',
  ),
  badGoal(
    'itemShare with a fractional atLeast',
    { ...itemGoal, atLeast: 6.5 },
    'body.goals.0.atLeast',
  ),
  {
    title: 'goals = ["nojda"] (a goal that is not an object)',
    payload: () => json({ goals: ['nojda'] }),
    expected: invalid('body.goals.0'),
  },
  {
    title: '51 goals',
    payload: () =>
      json({ goals: Array.from({ length: 51 }, (_, i) => ({ ...satisfactionGoal, id: `g${i}` })) }),
    expected: invalid('body.goals'),
  },
];

// ---------------------------------------------------------------------------------------------
// The write endpoints of DESIGN §5
// ---------------------------------------------------------------------------------------------

const participantPath = (what: string) => (pid: string) => `/v1/participants/${pid}/${what}`;
const participantParams = (what: string): ParamSpec[] => [
  { name: 'pid', bad: BAD_PARTICIPANT_IDS, path: participantPath(what) },
];
/** Dated facts about a participant: the same four rules for each. */
function participantDateRules(what: string, dateField: string): Variant[] {
  const at = (pid: () => string) => () => participantPath(what)(pid());
  return [
    rule(`${dateField} in the future`, 'date_in_future', {
      payload: patched({ [dateField]: FUTURE }),
    }),
    rule(`${dateField} before the enrolment`, 'date_before_enrolment', {
      payload: patched({ [dateField]: '2025-03-02' }),
    }),
    rule(`${dateField} after the exit`, 'date_after_exit', {
      path: at(() => w.exited),
      payload: patched({ [dateField]: '2025-06-02' }),
    }),
    rule('an erased participant', 'participant_erased', { path: at(() => w.erased) }),
    rule('a participant that does not exist', 'participant_not_found', {
      path: () => participantPath(what)(NO_PARTICIPANT),
    }),
  ];
}

const ENDPOINTS: readonly Endpoint[] = [
  {
    name: 'POST /v1/associations',
    method: 'post',
    path: () => '/v1/associations',
    token: () => w.admin,
    sample: { name: 'Samordningsförbundet Test', orgNumber: ORG_NUMBERS[0], parties: ['FK', 'AF'] },
    required: ['name', 'orgNumber', 'parties'],
    params: [],
    fields: [
      ...bad('name', ['x', ' a ', 'x'.repeat(121), ...UNREADABLE_NAMES]),
      ...bad('orgNumber', [
        '811218-9876', // a personnummer (with a valid check digit)
        '8112189876',
        '19811218-9876',
        '222000-1975', // a bad check digit
        '22200-01974',
        '222000_1974',
      ]),
      ...bad('parties', [[], ['FK', 'FK'], ['NAV'], ['fk'], ['SELF'], [null]]),
    ],
    rules: [],
  },
  {
    name: 'POST /v1/associations/:aid/interventions',
    method: 'post',
    path: () => `/v1/associations/${w.tenant.associationId}/interventions`,
    token: () => w.tenant.chief,
    sample: {
      name: 'Navet',
      kind: 'individual',
      parties: ['FK', 'AF'],
      startsOn: '2025-01-01',
      endsOn: '2025-12-31',
      instrument: 'stegvis-5',
    },
    required: ['name', 'kind', 'parties', 'startsOn'],
    params: [
      {
        name: 'aid',
        bad: BAD_ASSOCIATION_IDS,
        path: (aid) => `/v1/associations/${aid}/interventions`,
      },
    ],
    fields: [
      ...bad('name', ['x', '  ', ...UNREADABLE_NAMES]),
      ...bad('kind', ['mixed', 'Individual', 'individinriktad']),
      ...bad('parties', [[], ['FK', 'FK'], ['SELF'], ['Kommun']]),
      ...bad('instrument', [
        '',
        'x'.repeat(65),
        { key: 'egen' },
        { key: 'egen', label: 'Egen', items: [] },
        { key: 'egen', label: 'Egen', items: [{ key: 'a', label: 'A', min: 5, max: 1 }] },
        { key: 'Egen Enkät', label: 'Egen', items: [{ key: 'a', label: 'A', min: 1, max: 5 }] },
        { key: 'egen', label: 'Egen\u202E', items: [{ key: 'a', label: 'A', min: 1, max: 5 }] },
        { key: 'egen', label: 'Egen', items: [{ key: 'a', label: '\u200B', min: 1, max: 5 }] },
      ]),
      ...bad('ladder', [
        'stegvis-trappa',
        { key: 'kort', label: 'Kort', levels: [{ level: 1, label: 'Ett' }] },
        {
          key: 'bakvand',
          label: 'Bakvänd',
          levels: [
            { level: 2, label: 'Två' },
            { level: 1, label: 'Ett' },
          ],
        },
        {
          key: 'dold',
          label: 'Dold',
          levels: [
            { level: 1, label: 'Ett\u2066' },
            { level: 2, label: 'Två' },
          ],
        },
        {
          key: 'prat',
          label: 'Prat',
          levels: [
            { level: 1, label: 'Ett', comment: 'Anna Svensson' },
            { level: 2, label: 'Två' },
          ],
        },
      ]),
    ],
    rules: [
      rule('an individual intervention with one party', 'intervention_too_few_parties', {
        payload: patched({ parties: ['FK'] }),
      }),
      rule('a party that is not a member', 'intervention_party_not_member', {
        path: () => `/v1/associations/${w.limitedAssociationId}/interventions`,
        token: () => w.limitedChief,
        payload: patched({ parties: ['FK', 'REGION'] }),
      }),
      rule('an end before the start', 'intervention_ends_before_start', {
        payload: patched({ startsOn: '2025-06-01', endsOn: '2025-05-31' }),
      }),
      rule('an unknown built-in instrument', 'instrument_unknown', {
        payload: patched({ instrument: 'okand-enkat' }),
      }),
      rule('an association that does not exist', 'association_not_found', {
        path: () => `/v1/associations/${NO_ASSOCIATION}/interventions`,
        token: () => w.ghostChief,
      }),
    ],
  },
  {
    name: 'PUT /v1/interventions/:iid/goals/:year',
    method: 'put',
    path: () => `/v1/interventions/${w.tenant.interventionId}/goals/2025`,
    token: () => w.tenant.chief,
    sample: { goals: [satisfactionGoal] },
    required: ['goals'],
    params: [
      {
        name: 'iid',
        bad: BAD_INTERVENTION_IDS,
        path: (iid) => `/v1/interventions/${iid}/goals/2025`,
      },
      {
        name: 'year',
        bad: BAD_YEARS,
        path: (year) => `/v1/interventions/${w.tenant.interventionId}/goals/${year}`,
      },
    ],
    fields: GOAL_FIELD_CASES,
    rules: [
      rule('two goals with the same id', 'goal_ids_not_unique', {
        payload: () => json({ goals: [satisfactionGoal, { ...satisfactionGoal, target: 0.5 }] }),
      }),
      rule('an itemShare on an item the instrument lacks', 'goal_item_unknown', {
        payload: () => json({ goals: [{ ...itemGoal, item: 'happiness' }] }),
      }),
      rule('an itemShare on an instrument the intervention does not use', 'goal_item_unknown', {
        payload: () =>
          json({
            goals: [{ ...itemGoal, instrument: 'navet-indikatorer', item: 'support_needed' }],
          }),
      }),
      rule('a positiveProgressShare on an unknown dimension', 'goal_item_unknown', {
        payload: () =>
          json({
            goals: [
              {
                id: 'steg',
                label: 'Stegförflyttning',
                kind: 'positiveProgressShare',
                source: 'selfAssessment',
                dimensions: ['happiness'],
                target: 0.5,
              },
            ],
          }),
      }),
      rule('an intervention that does not exist', 'intervention_not_found', {
        path: () => `/v1/interventions/${NO_INTERVENTION}/goals/2025`,
      }),
    ],
  },
  {
    name: 'PUT /v1/associations/:aid/goals/:year',
    method: 'put',
    path: () => `/v1/associations/${w.tenant.associationId}/goals/2025`,
    token: () => w.tenant.chief,
    sample: { goals: [satisfactionGoal] },
    required: ['goals'],
    params: [
      {
        name: 'aid',
        bad: BAD_ASSOCIATION_IDS,
        path: (aid) => `/v1/associations/${aid}/goals/2025`,
      },
      {
        name: 'year',
        bad: BAD_YEARS,
        path: (year) => `/v1/associations/${w.tenant.associationId}/goals/${year}`,
      },
    ],
    fields: GOAL_FIELD_CASES,
    rules: [
      rule('two goals with the same id', 'goal_ids_not_unique', {
        payload: () => json({ goals: [satisfactionGoal, { ...satisfactionGoal, target: 0.5 }] }),
      }),
      rule('an association that does not exist', 'association_not_found', {
        path: () => `/v1/associations/${NO_ASSOCIATION}/goals/2025`,
        token: () => w.ghostChief,
      }),
    ],
  },
  {
    name: 'POST /v1/interventions/:iid/close',
    method: 'post',
    path: () => `/v1/interventions/${w.closableId}/close`,
    token: () => w.tenant.chief,
    sample: { closedOn: '2025-06-30' },
    required: ['closedOn'],
    params: [
      { name: 'iid', bad: BAD_INTERVENTION_IDS, path: (iid) => `/v1/interventions/${iid}/close` },
    ],
    fields: [],
    rules: [
      rule('a closing date in the future', 'date_in_future', {
        path: () => `/v1/interventions/${w.tenant.interventionId}/close`,
        payload: patched({ closedOn: FUTURE }),
      }),
      rule('a closing date before the start', 'date_before_intervention_start', {
        path: () => `/v1/interventions/${w.tenant.interventionId}/close`,
        payload: patched({ closedOn: '2024-12-31' }),
      }),
      rule('a second closing', 'intervention_already_closed', {
        path: () => `/v1/interventions/${w.closedId}/close`,
      }),
      rule('an intervention that does not exist', 'intervention_not_found', {
        path: () => `/v1/interventions/${NO_INTERVENTION}/close`,
      }),
    ],
  },
  {
    name: 'POST /v1/interventions/:iid/attendance',
    method: 'post',
    path: () => `/v1/interventions/${w.tenant.structuralId}/attendance`,
    token: () => w.tenant.staff,
    sample: { occurredOn: '2025-04-10', women: 3, men: 2, other: 1 },
    required: ['occurredOn', 'women', 'men', 'other'],
    params: [
      {
        name: 'iid',
        bad: BAD_INTERVENTION_IDS,
        path: (iid) => `/v1/interventions/${iid}/attendance`,
      },
    ],
    fields: [
      ...bad('women', [-1, 1.5, 100_001, 1e21]),
      ...bad('men', [-3]),
      ...bad('other', [0.5]),
      {
        title: 'no one at all (0 + 0 + 0)',
        payload: patched({ women: 0, men: 0, other: 0 }),
        expected: invalid('body', { exactPath: true }),
      },
    ],
    rules: [
      rule('attendance on an individual intervention', 'intervention_is_individual', {
        path: () => `/v1/interventions/${w.tenant.interventionId}/attendance`,
      }),
      rule('a date in the future', 'date_in_future', { payload: patched({ occurredOn: FUTURE }) }),
      rule('a date before the start', 'date_before_intervention_start', {
        payload: patched({ occurredOn: '2024-12-31' }),
      }),
      rule('a date after the closing', 'intervention_not_open', {
        path: () => `/v1/interventions/${w.closedId}/attendance`,
        token: () => w.tenant.chief,
        payload: patched({ occurredOn: '2025-07-15' }),
      }),
      rule('an intervention that does not exist', 'intervention_not_found', {
        path: () => `/v1/interventions/${NO_INTERVENTION}/attendance`,
      }),
    ],
  },
  {
    name: 'POST /v1/interventions/:iid/participants',
    method: 'post',
    path: () => `/v1/interventions/${w.tenant.interventionId}/participants`,
    token: () => w.tenant.staff,
    sample: enrolment,
    required: Object.keys(enrolment),
    params: [
      {
        name: 'iid',
        bad: BAD_INTERVENTION_IDS,
        path: (iid) => `/v1/interventions/${iid}/participants`,
      },
    ],
    fields: [
      ...bad('gender', ['female', 'W', 'kvinna', 'WOMAN']),
      ...bad('birthYear', [1800, 1899, 2101, 1989.5, -1989]),
      ...bad('referringParty', ['NAV', 'self', 'Försäkringskassan']),
      ...bad('incomeSource', ['lön', 'salary ', 'sjukpenning']),
      ...bad('educationLevel', ['phd', 'gymnasium']),
      ...bad('supportDurationBefore', ['3y', 'over_10y', '2-5y']),
    ],
    rules: [
      rule('an enrolment in the future', 'date_in_future', {
        payload: patched({ enrolledOn: FUTURE }),
      }),
      rule('an enrolment before the intervention starts', 'date_before_intervention_start', {
        payload: patched({ enrolledOn: '2024-12-31' }),
      }),
      rule('an enrolment after the intervention ended', 'intervention_not_open', {
        path: () => `/v1/interventions/${w.endedId}/participants`,
        token: () => w.tenant.chief,
        payload: patched({ enrolledOn: '2025-07-01' }),
      }),
      rule('a participant in a structural intervention', 'intervention_is_structural', {
        path: () => `/v1/interventions/${w.tenant.structuralId}/participants`,
      }),
      rule('a 10-year-old', 'participant_age_out_of_range', {
        payload: patched({ birthYear: 2015 }),
      }),
      rule('a 15-year-old', 'participant_age_out_of_range', {
        payload: patched({ birthYear: 2010 }),
      }),
      rule('a 105-year-old', 'participant_age_out_of_range', {
        payload: patched({ birthYear: 1920 }),
      }),
      rule('an intervention that does not exist', 'intervention_not_found', {
        path: () => `/v1/interventions/${NO_INTERVENTION}/participants`,
      }),
    ],
  },
  {
    name: 'POST /v1/participants/:pid/self-assessments',
    method: 'post',
    path: () => participantPath('self-assessments')(w.subject),
    token: () => w.tenant.staff,
    sample: {
      instrument: 'stegvis-5',
      phase: 'followup',
      assessedOn: '2025-04-20',
      scores: { self_esteem: 4, wellbeing: 6 },
    },
    required: ['instrument', 'phase', 'assessedOn', 'scores'],
    params: participantParams('self-assessments'),
    fields: [
      ...bad('phase', ['middle', 'Start', 'uppföljning']),
      ...bad('instrument', ['', 'x'.repeat(65)]),
      ...bad('scores', [{}, [4, 6]]),
      ...bad(
        'scores',
        [{ self_esteem: '4' }, { self_esteem: 4.5 }, { self_esteem: null }],
        'body.scores.self_esteem',
      ),
      ...bad('scores', [{ self_esteem: 1e21 }], 'body.scores.self_esteem'),
      ...bad('scores', [{ '': 4 }], 'body.scores'),
    ],
    rules: [
      rule('a score of 0 on a 1–10 scale', 'score_out_of_range', {
        payload: patched({ scores: { self_esteem: 0 } }),
      }),
      rule('a score of 11 on a 1–10 scale', 'score_out_of_range', {
        payload: patched({ scores: { self_esteem: 4, wellbeing: 11 } }),
      }),
      rule('a negative score', 'score_out_of_range', {
        payload: patched({ scores: { self_esteem: -3 } }),
      }),
      rule('an item the instrument lacks', 'instrument_item_unknown', {
        payload: patched({ scores: { self_esteem: 4, happiness: 5 } }),
      }),
      rule('a personnummer smuggled in as an item', 'instrument_item_unknown', {
        payload: patched({ scores: { self_esteem: 4, personnummer: 198901011234 } }),
      }),
      rule('an instrument the intervention does not use', 'instrument_not_used', {
        payload: patched({ instrument: 'navet-indikatorer', scores: { influence: 3 } }),
      }),
      rule('an instrument that does not exist', 'instrument_not_used', {
        payload: patched({ instrument: 'okand-enkat' }),
      }),
      ...participantDateRules('self-assessments', 'assessedOn'),
    ],
  },
  {
    name: 'POST /v1/participants/:pid/progression-steps',
    method: 'post',
    path: () => participantPath('progression-steps')(w.subject),
    token: () => w.tenant.staff,
    sample: { level: 3, stepOn: '2025-04-20' },
    required: ['level', 'stepOn'],
    params: participantParams('progression-steps'),
    fields: [...bad('level', [0, -1, 2.5, 1e21])],
    rules: [
      rule('level 7 on the 6-level ladder', 'ladder_level_unknown', {
        payload: patched({ level: 7 }),
      }),
      rule('level 100', 'ladder_level_unknown', { payload: patched({ level: 100 }) }),
      ...participantDateRules('progression-steps', 'stepOn'),
    ],
  },
  {
    name: 'POST /v1/participants/:pid/satisfaction',
    method: 'post',
    path: () => participantPath('satisfaction')(w.subject),
    token: () => w.tenant.staff,
    sample: { score: 4, answeredOn: '2025-04-20' },
    required: ['score', 'answeredOn'],
    params: participantParams('satisfaction'),
    fields: [
      ...bad('score', [0, 6, 4.5, -1, 10]),
      {
        title: 'a used Idempotency-Key with a bad body (not the replayed answer)',
        headers: { 'Idempotency-Key': USED_IDEMPOTENCY_KEY },
        payload: patched({ score: 9 }),
        expected: invalid('body.score'),
      },
    ],
    rules: participantDateRules('satisfaction', 'answeredOn'),
  },
  {
    name: 'POST /v1/participants/:pid/exit',
    method: 'post',
    path: () => participantPath('exit')(w.exitTarget),
    token: () => w.tenant.staff,
    sample: {
      exitedOn: '2025-05-30',
      outcome: 'work',
      incomeSource: 'salary',
      planHandedOver: true,
    },
    required: ['exitedOn', 'outcome', 'incomeSource', 'planHandedOver'],
    params: participantParams('exit'),
    fields: [
      ...bad('outcome', ['fired', 'Arbete', 'WORK']),
      ...bad('incomeSource', ['lön', 'wages']),
      ...bad('planHandedOver', ['ja', 'yes', 0, 'false']),
    ],
    rules: [
      rule('a second exit', 'participant_already_exited', {
        path: () => participantPath('exit')(w.exited),
        payload: patched({ exitedOn: '2025-06-10' }),
      }),
      rule('an exit before a recorded entry', 'exit_before_recorded_entries', {
        path: () => participantPath('exit')(w.subject),
        payload: patched({ exitedOn: '2025-04-10' }),
      }),
      rule('an exit in the future', 'date_in_future', { payload: patched({ exitedOn: FUTURE }) }),
      rule('an exit before the enrolment', 'date_before_enrolment', {
        payload: patched({ exitedOn: '2025-03-01' }),
      }),
      rule('an erased participant', 'participant_erased', {
        path: () => participantPath('exit')(w.erased),
      }),
      rule('a participant that does not exist', 'participant_not_found', {
        path: () => participantPath('exit')(NO_PARTICIPANT),
      }),
    ],
  },
  {
    name: 'POST /v1/participants/:pid/retractions',
    method: 'post',
    path: () => participantPath('retractions')(w.subject),
    token: () => w.tenant.staff,
    sample: { eventId: '00000000-0000-4000-8000-000000000000', reason: 'entered_in_error' },
    valid: () => ({ eventId: w.retractableEventId, reason: 'entered_in_error' }),
    required: ['eventId', 'reason'],
    params: participantParams('retractions'),
    fields: [
      ...bad('eventId', ['abc', 'D-7K3QX9MW2A', '{6f1d0c2e-2b7a-4c1e-9f5a-3d2b1c0a9e8f}', '']),
      ...bad('reason', [
        'Deltagaren Anna Svensson bad oss ta bort det',
        'other',
        'Felregistrering',
        '',
      ]),
    ],
    rules: [
      rule('an event id that does not exist', 'retraction_target_not_found', {
        payload: () => json({ eventId: randomUUID(), reason: 'entered_in_error' }),
      }),
      rule("another participant's event", 'retraction_target_not_found', {
        payload: () => json({ eventId: w.exitEventId, reason: 'wrong_participant' }),
      }),
      rule('the enrolment', 'retraction_target_not_retractable', {
        payload: () => json({ eventId: w.enrolmentEventId, reason: 'entered_in_error' }),
      }),
      rule('a retraction', 'retraction_target_not_retractable', {
        payload: () => json({ eventId: w.retractionEventId, reason: 'entered_in_error' }),
      }),
      rule('an entry already retracted', 'retraction_target_already_retracted', {
        payload: () => json({ eventId: w.retractedEventId, reason: 'duplicate' }),
      }),
      rule('an erased participant', 'participant_erased', {
        path: () => participantPath('retractions')(w.erased),
      }),
      rule('a participant that does not exist', 'participant_not_found', {
        path: () => participantPath('retractions')(NO_PARTICIPANT),
      }),
    ],
  },
  {
    name: 'DELETE /v1/participants/:pid',
    method: 'delete',
    path: () => `/v1/participants/${w.eraseTarget}`,
    token: () => w.tenant.chief,
    sample: { reason: 'consent_withdrawn' },
    required: ['reason'],
    params: [{ name: 'pid', bad: BAD_PARTICIPANT_IDS, path: (pid) => `/v1/participants/${pid}` }],
    fields: [
      ...bad('reason', [
        'Anna Svensson 19890101-1234 har återkallat sitt samtycke',
        'Samtycket återkallat',
        'revoked',
      ]),
    ],
    rules: [
      rule('a participant that does not exist', 'participant_not_found', {
        path: () => `/v1/participants/${NO_PARTICIPANT}`,
      }),
    ],
  },
];

// ---------------------------------------------------------------------------------------------
// Case generators
// ---------------------------------------------------------------------------------------------

const MALFORMED_JSON: readonly { label: string; text: (valid: Body) => string }[] = [
  { label: 'truncated', text: (valid) => JSON.stringify(valid).slice(0, -1) },
  { label: 'a trailing comma', text: (valid) => `${JSON.stringify(valid).slice(0, -1)},}` },
  { label: 'single quotes', text: (valid) => JSON.stringify(valid).replaceAll('"', "'") },
];

function shapeVariants(e: Endpoint): Variant[] {
  const everyRequiredField = { errorPaths: e.required.map((f) => `body.${f}`) };
  const notJson: Expected = {
    status: [400, 415],
    code: ['validation_failed', 'unsupported_media_type'],
  };
  return [
    ...MALFORMED_JSON.map(({ label, text }) => ({
      title: `malformed JSON: ${label}`,
      payload: (valid: Body) => raw(JSON_TYPE, text(valid)),
      expected: { status: 400, code: 'malformed_json' },
    })),
    ...['"text"', 'null', '42'].map((text) => ({
      title: `a JSON ${text === 'null' ? 'null' : text === '42' ? 'number' : 'string'} instead of an object`,
      payload: () => raw(JSON_TYPE, text),
      // The strict JSON parser refuses top-level scalars as malformed; either code is stable.
      expected: { status: 400, code: ['malformed_json', 'validation_failed'] },
    })),
    {
      title: 'an empty JSON array',
      payload: () => json([]),
      expected: invalid('body', { exactPath: true, errorCode: 'invalid_type' }),
    },
    {
      title: 'the valid body wrapped in an array',
      payload: (valid) => json([valid]),
      expected: invalid('body', { exactPath: true, errorCode: 'invalid_type' }),
    },
    {
      title: 'no body at all',
      payload: () => ({ kind: 'none' }),
      expected: invalid('body', { exactPath: true }),
    },
    {
      title: 'an empty body declared as JSON',
      payload: () => raw(JSON_TYPE, ''),
      // Read as `{}` (each field missing) or, without a Content-Length, as no body at all.
      expected: invalid('body'),
    },
    {
      title: 'an empty object names every required field',
      payload: () => json({}),
      expected: invalid(`body.${e.required[0]}`, everyRequiredField),
    },
    {
      title: 'valid JSON sent as text/plain',
      payload: (valid) => raw('text/plain', JSON.stringify(valid)),
      expected: notJson,
    },
    {
      title: 'valid JSON sent as application/xml',
      payload: (valid) => raw('application/xml', JSON.stringify(valid)),
      expected: notJson,
    },
    {
      title: 'JSON in latin1',
      payload: (valid) => raw('application/json; charset=latin1', JSON.stringify(valid)),
      expected: { status: 415, code: 'unsupported_encoding' },
    },
    {
      title: 'a body over 100 kB',
      payload: (valid) => json({ ...valid, padding: 'x'.repeat(150_000) }),
      expected: { status: 413, code: 'payload_too_large' },
    },
    {
      title: 'arrays nested 20 000 deep',
      payload: () => raw(JSON_TYPE, `${'['.repeat(20_000)}${']'.repeat(20_000)}`),
      expected: invalid('body', { exactPath: true }),
    },
  ];
}

function missingFieldVariants(e: Endpoint): Variant[] {
  return e.required.map((field) => ({
    title: `required field ${field} missing`,
    payload: (valid) => json(omit(valid, field)),
    // A missing enum is `invalid_value` to zod, a missing string `invalid_type`: the path is what counts.
    expected: invalid(`body.${field}`),
  }));
}

const INTRUDERS: readonly { key: string; value: unknown; secret?: string }[] = [
  { key: 'personnummer', value: '19890101-1234', secret: '19890101-1234' },
  { key: 'name', value: 'Anna Svensson', secret: 'Anna Svensson' },
  { key: 'comment', value: 'Mår dåligt efter skilsmässan', secret: 'skilsmässan' },
  { key: 'participantId', value: 'D-7K3QX9MW2A', secret: 'D-7K3QX9MW2A' },
  { key: 'id', value: '6f1d0c2e-2b7a-4c1e-9f5a-3d2b1c0a9e8f', secret: '6f1d0c2e-2b7a' },
  { key: '__proto__', value: { role: 'admin' } },
  { key: 'constructor', value: { prototype: { role: 'admin' } } },
];

function unknownFieldVariants(e: Endpoint): Variant[] {
  return INTRUDERS.map(({ key, value, secret }) => {
    // `name` is a real field of some bodies: smuggle in a Swedish `namn` there instead.
    const field = key in e.sample ? 'namn' : key;
    return {
      title: `unknown field ${field}`,
      payload: (valid: Body) => withExtraKey(valid, field, value),
      expected: invalid('body', {
        exactPath: true,
        errorCode: 'unrecognized_keys',
        ...(secret === undefined ? {} : { secret }),
      }),
    };
  });
}

function wrongTypes(value: unknown): unknown[] {
  if (typeof value === 'string') return [42, true, null];
  if (typeof value === 'number') return [String(value), true, null];
  if (typeof value === 'boolean') return [String(value), 1, null];
  if (Array.isArray(value)) return [JSON.stringify(value), { ...value }, null];
  return ['x', [], null];
}

function wrongTypeVariants(e: Endpoint): Variant[] {
  return Object.entries(e.sample).flatMap(([field, value]) =>
    wrongTypes(value).map((wrong) => ({
      title: `${field}: ${show(wrong)} instead of ${Array.isArray(value) ? 'an array' : typeof value}`,
      payload: patched({ [field]: wrong }),
      expected: invalid(`body.${field}`),
    })),
  );
}

function dateVariants(e: Endpoint): Variant[] {
  return Object.entries(e.sample)
    .filter(([, value]) => typeof value === 'string' && /^\d{4}-\d{2}-\d{2}$/.test(value))
    .flatMap(([field]) =>
      bad(field, IMPOSSIBLE_DATES).map((v) => ({ ...v, title: `date ${v.title}` })),
    );
}

function headerVariants(): Variant[] {
  return [
    ...BAD_IDEMPOTENCY_KEYS.map((key) => ({
      title: `Idempotency-Key ${show(key)}`,
      headers: { 'Idempotency-Key': key },
      expected: invalid('headers.idempotency-key'),
    })),
    ...BAD_IF_MATCH.map((revision) => ({
      title: `If-Match ${show(revision)}`,
      headers: { 'If-Match': revision },
      expected: invalid('headers.if-match'),
    })),
    {
      title: 'If-Match with a revision the stream does not have',
      headers: { 'If-Match': '"999"' },
      expected: { status: 409, code: 'concurrent_write' },
    },
    {
      title: 'no token',
      token: () => undefined,
      expected: { status: 401, code: 'unauthenticated' },
    },
    {
      title: 'a board token (reads only)',
      token: () => w.tenant.board,
      expected: { status: 403, code: 'forbidden' },
    },
  ].map((v) => ({ ...v, title: `header: ${v.title}` }));
}

function paramVariants(e: Endpoint): Variant[] {
  return e.params.flatMap((param) =>
    param.bad.map((value) => ({
      title: `path parameter ${param.name} = ${show(value)}`,
      path: () => param.path(encodeURIComponent(value)),
      expected: invalid('params'),
    })),
  );
}

/** Last: if the API wrongly accepts a form, it writes, and later cases must not depend on that. */
function formVariant(): Variant {
  return {
    title: 'the valid body sent as application/x-www-form-urlencoded',
    payload: (valid) => raw('application/x-www-form-urlencoded', formEncode(valid)),
    expected: { status: [400, 415], code: ['validation_failed', 'unsupported_media_type'] },
  };
}

function variantsOf(e: Endpoint): Variant[] {
  return [
    ...shapeVariants(e),
    ...missingFieldVariants(e),
    ...unknownFieldVariants(e),
    ...wrongTypeVariants(e),
    ...dateVariants(e),
    ...e.fields,
    ...headerVariants(),
    ...paramVariants(e),
    ...e.rules,
    formVariant(),
  ];
}

// ---------------------------------------------------------------------------------------------
// Sending and checking
// ---------------------------------------------------------------------------------------------

async function send(e: Endpoint, v: Variant): Promise<Response> {
  const valid = e.valid?.() ?? e.sample;
  const payload = v.payload?.(valid) ?? json(valid);
  const token = v.token ? v.token() : e.token();
  let test = api.http[e.method]((v.path ?? e.path)());
  if (token !== undefined) test = test.set(bearer(token));
  for (const [name, value] of Object.entries(v.headers ?? {})) test = test.set(name, value);
  switch (payload.kind) {
    case 'json':
      return test.set('Content-Type', JSON_TYPE).send(JSON.stringify(payload.value));
    case 'raw':
      return test.set('Content-Type', payload.contentType).send(payload.text);
    case 'none':
      return test;
  }
}

const oneOf = <T>(allowed: T | readonly T[]): readonly T[] =>
  Array.isArray(allowed) ? (allowed as readonly T[]) : [allowed as T];

function parse(res: Response): Record<string, unknown> {
  try {
    return JSON.parse(res.text) as Record<string, unknown>;
  } catch {
    return {};
  }
}

const SWEDISH_LETTER = /[åäöÅÄÖ]/;
const ENGLISH_WORD = /\b(the|is|not|invalid|error|failed|request|must|bad)\b/i;

function expectProblem(res: Response, expected: Expected): void {
  const problem = parse(res);
  // Status and code first and together; on a mismatch the answer itself is shown.
  const statusOk = oneOf(expected.status).includes(res.status);
  const codeOk = oneOf(expected.code).includes(problem.code as string);
  expect({
    status: statusOk ? 'as expected' : res.status,
    code: codeOk ? 'as expected' : problem.code,
    answer: statusOk && codeOk ? '' : res.text,
  }).toEqual({ status: 'as expected', code: 'as expected', answer: '' });
  expect(res.headers['content-type']).toMatch(/^application\/problem\+json(;|$)/);
  expect(problem).toEqual(
    expect.objectContaining({
      type: expect.any(String),
      title: expect.stringMatching(/\S/),
      status: res.status,
      detail: expect.stringMatching(/\S/),
      code: expect.stringMatching(/^[a-z_]+$/),
    }),
  );
  expect(() => new URL(problem.type as string)).not.toThrow();
  const code = problem.code as string;
  // Domain refusals are checked word for word against their table instead of by their letters.
  expectSwedishSentence(problem.detail as string, { detail: !(code in domainErrors) });
  // A refusal with particulars (which date, which range) starts from what its code means; the
  // exact sentences are in messages.e2e.spec.ts.
  if (code in domainErrors && !PARAMETERISED.has(code)) {
    expect(problem.detail).toBe(domainErrors[code as DomainErrorCode]);
  }
  if (code === 'validation_failed') {
    expect(problem.errors).toEqual(expect.any(Array));
    const errors = problem.errors as { path: unknown; message: unknown; code: unknown }[];
    expect(errors.length).toBeGreaterThan(0);
    for (const error of errors) {
      expect(error).toEqual({
        path: expect.stringMatching(/^(body|params|query|headers)\b/),
        message: expect.stringMatching(/\S/),
        code: expect.stringMatching(/\S/),
      });
      // Header messages are worded in apps/api/src/platform/write-context.ts.
      if (!(error.path as string).startsWith('headers.')) {
        expectSwedishSentence(error.message as string, { detail: false });
        expectNamesItsField(error as { path: string; message: string; code: string });
      }
    }
    const names = (path: string, error: (typeof errors)[number]) =>
      error.path === path ||
      (!expected.exactPath && typeof error.path === 'string' && error.path.startsWith(`${path}.`));
    for (const path of [
      ...(expected.errorPath === undefined ? [] : [expected.errorPath]),
      ...(expected.errorPaths ?? []),
    ]) {
      const naming = errors.filter((error) => names(path, error));
      expect({ path, named: naming.length > 0, errors }).toEqual({ path, named: true, errors });
      if (expected.errorCode !== undefined) {
        expect(naming.map((error) => error.code)).toContain(expected.errorCode);
      }
    }
  }
  if (expected.secret !== undefined) expect(res.text).not.toContain(expected.secret);
}

/** Codes whose detail names the case's particulars, so it differs from the code's summary. */
const PARAMETERISED: ReadonlySet<string> = new Set(
  Object.keys(domainErrors).filter((code) => {
    try {
      const error = new (domain.DomainError as new (code: string) => Error)(code);
      return error.message !== domainErrors[code as DomainErrorCode];
    } catch {
      return true; // its message needs parameters
    }
  }),
);

/** Swedish (an å, ä or ö where asked; no English), a sentence with its period. */
function expectSwedishSentence(text: string, { detail = true } = {}): void {
  if (detail) expect(text).toMatch(SWEDISH_LETTER);
  expect(text).toMatch(/^[A-ZÅÄÖ].*[.]$/s);
  expect(text).not.toMatch(ENGLISH_WORD);
}

/**
 * A message names its field with the field's place in the request, "(goals.0.target)", or a
 * place around it ("(scores)" for a key of scores); headers, unknown fields and the body as a
 * whole are named in words.
 */
function expectNamesItsField(error: { path: string; message: string; code: string }): void {
  const [location, ...segments] = error.path.split('.');
  if (location === 'headers' || error.code === 'unrecognized_keys' || segments.length === 0) {
    return;
  }
  const places = segments.map((_, i) => `(${segments.slice(0, i + 1).join('.')})`);
  expect({ message: error.message, names: places.some((p) => error.message.includes(p)) }).toEqual({
    message: error.message,
    names: true,
  });
}

async function expectRefusedWithoutWriting(e: Endpoint, v: Variant): Promise<void> {
  const before = await api.allEvents();
  const res = await send(e, v);
  const after = await api.allEvents();
  expectProblem(res, v.expected);
  expect(after).toEqual(before);
}

// ---------------------------------------------------------------------------------------------
// The suite
// ---------------------------------------------------------------------------------------------

it('the world is set up as the cases assume', async () => {
  const types = (await api.allEvents()).map((e) => e.type);
  expect(types.filter((t) => t === 'AssociationRegistered')).toHaveLength(2);
  expect(types.filter((t) => t === 'InterventionRegistered')).toHaveLength(5);
  expect(types).toEqual(
    expect.arrayContaining(['InterventionClosed', 'ParticipantErased', 'ParticipantExited']),
  );
  expect(types.filter((t) => t === 'EntryRetracted')).toHaveLength(1);
});

describe.each(ENDPOINTS.map((e) => [e.name, e] as const))('%s', (_name, endpoint) => {
  it.each(variantsOf(endpoint))('$title', (variant) =>
    expectRefusedWithoutWriting(endpoint, variant),
  );
});

describe('a malformed path parameter is named in errors', () => {
  const cases = ENDPOINTS.flatMap((e) =>
    e.params.map((param) => ({ title: `${e.name}: ${param.name}`, e, param })),
  );
  it.each(cases)('$title', ({ e, param }) =>
    expectRefusedWithoutWriting(e, {
      title: param.name,
      path: () => param.path(encodeURIComponent(param.bad[0] as string)),
      expected: invalid(`params.${param.name}`, { exactPath: true }),
    }),
  );
});

describe('routes that do not exist', () => {
  const routes: readonly {
    title: string;
    method: 'patch' | 'post';
    path: () => string;
    expected?: { status: number; code: string };
  }[] = [
    {
      // The path exists with another method: 405 (with Allow), not 404.
      title: 'PATCH a participant fact',
      method: 'patch',
      path: () => participantPath('satisfaction')(w.subject),
      expected: { status: 405, code: 'method_not_allowed' },
    },
    {
      title: 'POST an unknown fact',
      method: 'post',
      path: () => participantPath('comments')(w.subject),
    },
    {
      // GET /v1/participants is the staff list: the path exists, so POST is 405 (with Allow).
      title: 'POST to the participant collection',
      method: 'post',
      path: () => '/v1/participants',
      expected: { status: 405, code: 'method_not_allowed' },
    },
  ];
  it.each(routes)('$title', async ({ method, path, expected }) => {
    const before = await api.allEvents();
    const res = await api.http[method](path())
      .set(bearer(w.tenant.chief))
      .send({ comment: 'Anna Svensson' });
    expectProblem(res, {
      ...(expected ?? { status: 404, code: 'not_found' }),
      secret: 'Anna Svensson',
    });
    expect(await api.allEvents()).toEqual(before);
  });
});

/**
 * The control: each endpoint's valid body, as the cases send it, is accepted and writes. So every
 * case above is refused for the one thing it breaks. Last, and on fresh targets where the write
 * changes what the cases above rely on.
 */
describe('the valid bodies the cases start from are accepted', () => {
  const fresh: Readonly<Record<string, () => Promise<{ path: string; body?: Body }>>> = {
    'POST /v1/interventions/:iid/close': async () => {
      const iid = await registerIntervention(w.tenant, {
        name: 'Kontrollkurs',
        kind: 'structural',
        parties: ['REGION'],
        startsOn: '2025-01-01',
      });
      return { path: `/v1/interventions/${iid}/close` };
    },
    'POST /v1/participants/:pid/exit': async () => ({
      path: participantPath('exit')(await enrol(api, w.tenant)),
    }),
    'POST /v1/participants/:pid/retractions': async () => {
      const pid = await enrol(api, w.tenant);
      const answer = await write(
        'post',
        participantPath('satisfaction')(pid),
        w.tenant.staff,
        { score: 3, answeredOn: '2025-04-01' },
        201,
      );
      return {
        path: participantPath('retractions')(pid),
        body: { eventId: answer.eventIds[0], reason: 'entered_in_error' },
      };
    },
    'DELETE /v1/participants/:pid': async () => ({
      path: `/v1/participants/${await enrol(api, w.tenant)}`,
    }),
  };

  it.each(ENDPOINTS.map((e) => [e.name, e] as const))('%s', async (name, e) => {
    const target = await fresh[name]?.();
    const body = target?.body;
    const before = await api.allEvents();
    const res = await send(e, {
      title: 'control',
      ...(target === undefined ? {} : { path: () => target.path }),
      ...(body === undefined ? {} : { payload: () => json(body) }),
      expected: { status: 0, code: '' },
    });
    expect({ status: res.status, answer: res.status < 300 ? '' : res.text }).toEqual({
      status: e.method === 'delete' ? 204 : e.method === 'put' ? 200 : 201,
      answer: '',
    });
    expect(await api.allEvents()).not.toEqual(before);
  });
});
