import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';

/**
 * The OpenAPI document is complete enough for a generated client to drive the API without a
 * hand-written type (DESIGN §5). It is read as committed: generated-client.spec.ts fails when
 * that copy differs from what the API serves.
 */
const ROOT = join(__dirname, '..', '..');
const DOCUMENT = join(ROOT, 'apps/web/src/api/openapi.json');
const document = JSON.parse(readFileSync(DOCUMENT, 'utf8'));

type Operation = {
  summary?: string;
  security?: Record<string, string[]>[];
  requestBody?: { content: Record<string, { schema?: unknown }> };
  responses: Record<string, { content?: Record<string, { schema?: unknown }> }>;
  parameters?: { in: string; name: string; schema?: unknown }[];
};

const operations: [string, Operation][] = Object.entries(
  document.paths as Record<string, Record<string, Operation>>,
).flatMap(([path, item]) =>
  Object.entries(item).map(([method, op]): [string, Operation] => [
    `${method.toUpperCase()} ${path}`,
    op,
  ]),
);
const PUBLIC = [
  'GET /health/live',
  'GET /health/ready',
  'GET /metrics',
  'POST /v1/auth/login',
  'POST /v1/auth/invitations/accept',
  'GET /v1/auth/setup',
  'POST /v1/auth/setup',
  'GET /v1/auth/session',
  'GET /v1/auth/oidc',
  'GET /v1/auth/oidc/start',
  'GET /v1/auth/oidc/callback',
];
/** Terminus answers its own 503 (the failing checks), not problem+json. */
const HEALTH = /^GET \/health\//;
const SWEDISH = /[åäöÅÄÖ]|\b(en|ett|och|av|för|med|till|som|om|den|inte|mina|nya)\b/i;

it('has every route of the API', () => {
  expect(operations.length).toBeGreaterThan(40);
});

it('gives every operation a Swedish summary', () => {
  const without = operations.filter(([, op]) => !SWEDISH.test(op.summary ?? ''));
  expect(without.map(([name]) => name)).toEqual([]);
});

it('describes every success answer with a schema (a 204 has no body)', () => {
  const undescribed = operations.flatMap(([name, op]) =>
    Object.entries(op.responses)
      .filter(([status]) => /^2\d\d$/.test(status) && status !== '204')
      .filter(([, answer]) => {
        const media = Object.values(answer.content ?? {});
        return media.length === 0 || media.some((m) => m.schema === undefined);
      })
      .map(([status]) => `${name} ${status}`),
  );
  expect(undescribed).toEqual([]);
});

it('answers every error as problem+json with the named Problem schema', () => {
  const other = operations
    .filter(([name]) => !HEALTH.test(name))
    .flatMap(([name, op]) =>
      Object.entries(op.responses)
        .filter(([status]) => /^[45]\d\d$/.test(status))
        .filter(
          ([, answer]) =>
            JSON.stringify(answer.content) !==
            JSON.stringify({
              'application/problem+json': { schema: { $ref: '#/components/schemas/Problem' } },
            }),
        )
        .map(([status]) => `${name} ${status}`),
    );
  expect(other).toEqual([]);
  expect(Object.keys(document.components.schemas.Problem.properties)).toEqual(
    expect.arrayContaining(['type', 'title', 'status', 'detail', 'code', 'errors']),
  );
});

it('sets security on every operation: none on public routes, bearer or session elsewhere', () => {
  for (const [name, op] of operations) {
    if (PUBLIC.includes(name)) expect([name, op.security]).toEqual([name, []]);
    else expect([name, op.security]).toEqual([name, [{ bearer: [] }, { session: [] }]]);
  }
  expect(Object.keys(document.components.securitySchemes).sort()).toEqual(['bearer', 'session']);
  expect(document.components.securitySchemes.session).toMatchObject({ in: 'cookie' });
});

it('documents path parameters with their patterns, and the problems a bad one gets', () => {
  const participant = document.paths['/v1/participants/{pid}'].get as Operation;
  expect(participant.parameters).toContainEqual(
    expect.objectContaining({
      in: 'path',
      name: 'pid',
      schema: expect.objectContaining({ pattern: expect.any(String) }),
    }),
  );
  expect(Object.keys(participant.responses)).toEqual(
    expect.arrayContaining(['200', '400', '401', '403', '404']),
  );
});

it('documents the write headers: Idempotency-Key and If-Match in, Location and ETag out', () => {
  const enrol = document.paths['/v1/interventions/{iid}/participants'].post;
  const headers = (enrol.parameters as { in: string; name: string }[])
    .filter((p) => p.in === 'header')
    .map((p) => p.name);
  expect(headers).toEqual(expect.arrayContaining(['Idempotency-Key', 'If-Match']));
  expect(Object.keys(enrol.responses['201'].headers)).toEqual(['Location', 'ETag']);
  expect(enrol.responses['201'].content['application/json'].schema).toEqual({
    $ref: '#/components/schemas/EnrolledParticipantAnswer',
  });
  expect(enrol.requestBody.content['application/json'].schema).toEqual({
    $ref: '#/components/schemas/EnrolParticipantBody',
  });
});

it('names the schemas bodies, answers and code lists share', () => {
  expect(Object.keys(document.components.schemas)).toEqual(
    expect.arrayContaining([
      'WriteAnswer',
      'Report',
      'InterventionView',
      'Gender',
      'Goal',
      'Problem',
    ]),
  );
  expect(document.components.schemas.EnrolParticipantBody.properties.gender).toEqual({
    $ref: '#/components/schemas/Gender',
  });
});

it('documents a nullable field as nullable, not as an array', () => {
  const me = document.components.schemas.AuthMeAnswer;
  expect(me.properties.email).toEqual({ anyOf: [{ type: 'string' }, { type: 'null' }] });
  expect(me.properties.interventionIds).toMatchObject({ type: 'array' });
});

it('passes Redocly’s recommended lint', () => {
  const run = spawnSync(
    process.execPath,
    [join(ROOT, 'node_modules/@redocly/cli/bin/cli.js'), 'lint', DOCUMENT, '--format=summary'],
    {
      cwd: ROOT,
      encoding: 'utf8',
      timeout: 60_000,
      env: { ...process.env, REDOCLY_TELEMETRY: 'off' },
    },
  );
  expect(run.stdout + run.stderr).not.toMatch(/^error /m);
  expect(run.status).toBe(0);
}, 90_000);
