import { applyDecorators } from '@nestjs/common';
import {
  ApiBody,
  ApiExtraModels,
  ApiHeader,
  ApiOperation,
  ApiParam,
  ApiQuery,
  ApiResponse,
  type ApiResponseOptions,
} from '@nestjs/swagger';
import { z } from 'zod';
import { dtoOf } from './openapi/schema-dto';
import './openapi/schema-names';
import { problemAnswer } from './openapi/problem-answer';

/*
 * The OpenAPI description of a route, each piece derived from the zod schema the route itself
 * parses or answers with. What every route has (the 401/403 of a protected route, the 400 of one
 * that takes input, its security) the document adds by itself (openapi/api-document.ts).
 */

type Decorator = (target: object, key: string | symbol, descriptor: PropertyDescriptor) => void;

/** The name a route's unnamed schema gets: `ParticipantsRecordSelfAssessmentAnswer`. */
export function routeSchemaName(target: object, key: string | symbol, role: string): string {
  const controller = target.constructor.name.replace(/Controller$/, '');
  const method = String(key);
  return `${controller}${method.charAt(0).toUpperCase()}${method.slice(1)}${role}`;
}

/** What the route does, in Swedish (Swagger UI's line per route, the client's doc comment). */
export const Summary = (summary: string, description?: string) =>
  ApiOperation({ summary, ...(description === undefined ? {} : { description }) });

const etag = {
  ETag: {
    description: 'Strömmens revision, att skicka tillbaka i If-Match',
    schema: { type: 'string' },
  },
};

/**
 * Response headers for `status`, added to those another decorator of the route documented
 * (@nestjs/swagger merges a status's entries shallowly, so one `headers` would replace the other).
 */
export function ResponseHeaders(
  status: number,
  headers: Readonly<Record<string, { description: string; schema: { type: string } }>>,
): Decorator {
  return (target, key, descriptor) => {
    const handler: unknown = descriptor.value;
    if (typeof handler !== 'function') throw new Error('ResponseHeaders is for a route handler');
    const responses: unknown = Reflect.getMetadata('swagger/apiResponse', handler);
    const known = (responses as Record<number, ApiResponseOptions> | undefined)?.[status];
    // The known entry again, as @nestjs/swagger's merge would otherwise clear its type.
    ApiResponse({
      ...known,
      status,
      description: '',
      headers: { ...(known !== undefined && 'headers' in known ? known.headers : {}), ...headers },
    })(target, key, descriptor);
  };
}

function carriesRevision(schema: z.ZodType): boolean {
  return schema instanceof z.ZodObject && 'revision' in schema.shape;
}

/**
 * The route's success answer: its status and the schema of its body. The compiler checks that the
 * handler answers what the schema says; an answer with a `revision` is documented with its ETag.
 */
export function Answer<S extends z.ZodType>(
  schema: S,
  options: { status?: number; description?: string } = {},
) {
  return (
    target: object,
    key: string | symbol,
    descriptor: { value?: (...args: never[]) => z.input<S> | Promise<z.input<S>> },
  ): void => {
    const status = options.status ?? 200;
    ApiResponse({
      status,
      description: options.description ?? '',
      type: dtoOf(schema, routeSchemaName(target, key, 'Answer')),
    })(target, key, descriptor);
    if (carriesRevision(schema)) ResponseHeaders(status, etag)(target, key, descriptor);
  };
}

/**
 * A success answer that is JSON described by `schema` or a file in one of `mediaTypes`, as the
 * request asks (a report as JSON, `.csv` or `.xlsx`).
 */
export function AnswerOrFile(
  schema: z.ZodType,
  mediaTypes: readonly string[],
  description: string,
): Decorator {
  return (target, key, descriptor) => {
    const dto = dtoOf(schema, routeSchemaName(target, key, 'Answer'));
    ApiExtraModels(dto)(target, key, descriptor);
    ApiResponse({
      status: 200,
      description,
      content: {
        'application/json': { schema: { $ref: `#/components/schemas/${dto.name}` } },
        ...fileContent(mediaTypes),
      },
    })(target, key, descriptor);
  };
}

const fileContent = (mediaTypes: readonly string[]) =>
  Object.fromEntries(
    mediaTypes.map((type) => [type, { schema: { type: 'string', format: 'binary' } }]),
  );

/** A path parameter checked by the route itself against `pattern`. */
export const PathParameter = (name: string, pattern: RegExp, description: string) =>
  ApiParam({ name, description, schema: { type: 'string', pattern: pattern.source } });

/** A success answer without a body (204). */
export const NoContent = (description: string) => ApiResponse({ status: 204, description });

/** The browser sent on elsewhere (303), to the address in `Location`. */
export const SeeOther = (description: string) =>
  ApiResponse({
    status: 303,
    description,
    headers: {
      Location: { description: 'Adressen webbläsaren går vidare till', schema: { type: 'string' } },
    },
  });

/** A success answer that is a file, in one of `mediaTypes`. */
export const FileAnswer = (description: string, mediaTypes: readonly string[], status = 200) =>
  ApiResponse({ status, description, content: fileContent(mediaTypes) });

const PROBLEM_DESCRIPTIONS: Readonly<Record<number, string>> = {
  400: 'Ogiltig begäran: errors säger vilket fält och vad som gäller',
  401: 'Inte inloggad',
  403: 'Saknar behörighet',
  404: 'Finns inte',
  409: 'Krock: en samtidig ändring (If-Match), ett jobb som inte är klart eller något som redan finns',
  413: 'För stor begäran',
  415: 'Fel innehållstyp',
  422: 'Bryter mot en domänregel',
  429: 'För många försök: vänta och försök igen',
  503: 'Inte tillgänglig just nu',
};

/** Error answers beyond those every route has: each a problem+json (RFC 9457). */
export const Problems = (...statuses: number[]) =>
  applyDecorators(
    ...statuses.map((status) =>
      ApiResponse({
        status,
        description: PROBLEM_DESCRIPTIONS[status] ?? 'Fel',
        ...problemAnswer,
      }),
    ),
  );

/** A route that retries safely with `Idempotency-Key` (a write, an ordered job). */
export const Idempotent = () =>
  ApiHeader({
    name: 'Idempotency-Key',
    required: false,
    description: 'Samma nyckel vid omförsök ger samma svar och skriver inget nytt.',
    schema: { type: 'string', maxLength: 200 },
  });

/**
 * OpenAPI for a write: the retry/concurrency headers and its problem answers. The body is
 * documented by the ZodBody that parses it; `body` documents it too, for a route that parses its
 * body otherwise.
 */
export const WriteEndpoint = (body?: z.ZodType): Decorator =>
  applyDecorators(
    ...(body === undefined ? [] : [documentedBody(body)]),
    Idempotent(),
    ApiHeader({
      name: 'If-Match',
      required: false,
      description:
        'Revisionen du senast läste (en annan revision ger 409), eller * (uppgifterna ska finnas).',
      schema: { type: 'string' },
    }),
    Problems(409, 422),
  );

const withBody = new WeakSet<object>();

/** The request body's schema in the document (ZodBody applies it), once per route. */
export function documentedBody(schema: z.ZodType): Decorator {
  return (target, key, descriptor) => {
    const handler = descriptor.value as object;
    if (withBody.has(handler)) return;
    withBody.add(handler);
    ApiBody({ type: dtoOf(schema, routeSchemaName(target, key, 'Body')) })(target, key, descriptor);
  };
}

/**
 * A parameter's schema, inline: a parameter cannot refer to a named schema (schema-names.ts) as
 * a body can. From the same zod schema that parses it.
 */
function parameterSchema(schema: z.ZodType): Record<string, unknown> {
  const { $schema: _dialect, ...rest } = z.toJSONSchema(schema, {
    io: 'input',
    unrepresentable: 'any',
    target: 'draft-2020-12',
    metadata: z.registry(),
  });
  return rest;
}

/** A path parameter's pattern and type in the document (ZodParam parses it). */
export const documentedPathParameter = (name: string, schema: z.ZodType): Decorator =>
  ApiParam({ name, required: true, schema: parameterSchema(schema) });

/** Each parameter of a route's query string in the document (ZodQueries parses them). */
export function documentedQuery(schema: z.ZodObject): Decorator {
  const documented = parameterSchema(schema) as {
    properties?: Record<string, Record<string, unknown>>;
    required?: string[];
  };
  return (target, key, descriptor) => {
    for (const [name, property] of Object.entries(documented.properties ?? {})) {
      ApiQuery({ name, required: documented.required?.includes(name) ?? false, schema: property })(
        target,
        key,
        descriptor,
      );
    }
  };
}
