import type { INestApplication } from '@nestjs/common';
import { DocumentBuilder, SwaggerModule, type OpenAPIObject } from '@nestjs/swagger';
import { cleanupOpenApiDoc } from 'nestjs-zod';
import { z } from 'zod';
import { CSRF_HEADER, SESSION_COOKIE } from '../personal-credentials';
import { PUBLIC_EXTENSION } from '../auth.decorators';
import { Problem, problemAnswer } from './problem-answer';

type Operation = NonNullable<OpenAPIObject['paths'][string]['get']>;
type Responses = Operation['responses'];
type Parameter = Exclude<NonNullable<Operation['parameters']>[number], { $ref: string }>;

const SIGNED_IN: Record<string, string[]>[] = [{ bearer: [] }, { session: [] }];

const TAGS: readonly { name: string; description: string }[] = [
  { name: 'Samordningsförbund', description: 'Förbund, deras mål och vem som gjorde vad' },
  { name: 'Insatser', description: 'Insatser, deras mål, närvaro och deltagarlistor' },
  {
    name: 'Deltagare',
    description: 'Det som händer en deltagare, från inskrivning till uppföljning',
  },
  { name: 'Rapporter', description: 'Årsrapporter med måluppfyllelse, som JSON eller fil' },
  { name: 'Exporter', description: 'Årsstatistik som fil, gjord av ett bakgrundsjobb' },
  {
    name: 'Konto',
    description: 'Inloggning, sessioner, lösenord, tvåstegsverifiering, API-nycklar',
  },
  { name: 'Användare', description: 'Förbundets användare: inbjudningar, roller, inaktivering' },
  { name: 'Drift', description: 'Hälsa, mätvärden och ombyggnad av läsmodeller' },
];

/**
 * The OpenAPI document the API serves at /docs-json: what @nestjs/swagger reads from the routes'
 * decorators, the zod schemas as nestjs-zod renders them, and what every route has in common.
 */
export function apiDocument(app: INestApplication): OpenAPIObject {
  const builder = new DocumentBuilder()
    .setTitle('Stegvis API')
    .setDescription(
      'Uppföljning av insatser för samordningsförbund. Fel besvaras som problem+json (RFC 9457).',
    )
    .setVersion('1')
    .setOpenAPIVersion('3.1.0')
    .setLicense('Ej licensierad för spridning', 'https://stegvis.se/licens')
    .addServer('/', 'Den server som visar dokumentet')
    .addBearerAuth(
      {
        type: 'http',
        scheme: 'bearer',
        description: 'En personlig API-nyckel eller en JWT signerad med AUTH_SECRET',
      },
      'bearer',
    )
    .addCookieAuth(
      SESSION_COOKIE,
      {
        type: 'apiKey',
        in: 'cookie',
        description: `Webbläsarens session; ändrande anrop skickar även ${CSRF_HEADER}`,
      },
      'session',
    );
  for (const tag of TAGS) builder.addTag(tag.name, tag.description);
  return completed(cleanupOpenApiDoc(SwaggerModule.createDocument(app, builder.build())));
}

/** What every operation has, added where its decorators did not say it. */
function completed(document: OpenAPIObject): OpenAPIObject {
  for (const item of Object.values(document.paths)) {
    for (const method of ['get', 'put', 'post', 'delete', 'patch'] as const) {
      const operation = item[method];
      if (operation !== undefined) complete(operation);
    }
  }
  const { $schema: _dialect, ...problem } = z.toJSONSchema(Problem, { target: 'draft-2020-12' });
  spellOutRecords(document);
  document.components = {
    ...document.components,
    schemas: { ...document.components?.schemas, Problem: problem as never },
  };
  return document;
}

function complete(operation: Operation): void {
  const isPublic = Reflect.get(operation, PUBLIC_EXTENSION) === true;
  Reflect.deleteProperty(operation, PUBLIC_EXTENSION);
  operation.security = isPublic ? [] : SIGNED_IN;
  const parameters = (operation.parameters ?? []).filter(
    (parameter): parameter is Parameter => 'in' in parameter,
  );
  const takesInput =
    operation.requestBody !== undefined || parameters.some((p) => p.in !== 'header');
  const responses: Responses = { ...operation.responses };
  if (takesInput) addProblem(responses, 400);
  if (!isPublic) addProblem(responses, 401);
  if (!isPublic) addProblem(responses, 403);
  if (parameters.some((p) => p.in === 'path')) addProblem(responses, 404);
  for (const [status, response] of Object.entries(responses)) {
    if (response !== undefined && 'description' in response && response.description === '') {
      response.description = DESCRIPTIONS[status] ?? 'Svar';
    }
  }
  operation.responses = sortedByStatus(responses);
}

const DESCRIPTIONS: Readonly<Record<string, string>> = {
  200: 'Svar',
  201: 'Sparat',
  202: 'Jobbet är beställt',
  204: 'Klart',
  400: 'Ogiltig begäran: errors säger vilket fält och vad som gäller',
  401: 'Inte inloggad',
  403: 'Saknar behörighet',
  404: 'Finns inte',
};

function addProblem(responses: Responses, status: number): void {
  responses[status] ??= { description: DESCRIPTIONS[status] ?? 'Fel', ...problemAnswer };
}

function sortedByStatus(responses: Responses): Responses {
  return Object.fromEntries(Object.entries(responses).sort(([a], [b]) => a.localeCompare(b)));
}

/**
 * A zod record keyed by an enum has every key (zod 4 checks them all), which JSON Schema says as
 * `propertyNames` and `required`; naming each key as a property too lets a client generator type
 * every one of them, and Redocly see that each required key is defined.
 */
function spellOutRecords(document: OpenAPIObject): void {
  const named: Readonly<Record<string, unknown>> = document.components?.schemas ?? {};
  const enumOf = (schema: unknown): string[] | undefined => {
    if (typeof schema !== 'object' || schema === null) return undefined;
    if ('$ref' in schema && typeof schema.$ref === 'string') {
      return enumOf(named[schema.$ref.replace('#/components/schemas/', '')]);
    }
    if (!('enum' in schema)) return undefined;
    const values = schema.enum;
    return Array.isArray(values) && values.every((v) => typeof v === 'string') ? values : undefined;
  };
  const visit = (node: unknown): void => {
    if (typeof node !== 'object' || node === null) return;
    for (const value of Object.values(node)) visit(value);
    if (!('propertyNames' in node) || !('additionalProperties' in node) || 'properties' in node) {
      return;
    }
    const keys = enumOf(node.propertyNames);
    if (keys === undefined || typeof node.additionalProperties !== 'object') return;
    Object.assign(node, {
      properties: Object.fromEntries(keys.map((key) => [key, node.additionalProperties])),
      additionalProperties: false,
    });
  };
  visit(document);
}
