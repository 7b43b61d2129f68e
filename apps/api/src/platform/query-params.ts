import {
  Injectable,
  Query,
  SetMetadata,
  type CallHandler,
  type ExecutionContext,
  type NestInterceptor,
  type PipeTransform,
} from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import type { Request } from 'express';
import type { Observable } from 'rxjs';
import { z } from 'zod';
import { validationFailed } from './problem';
import { documentedQuery } from './openapi.decorators';
import { problemErrors } from './zod-validation';

export const PageLimit = z
  .string()
  .regex(/^\d{1,3}$/, 'limit ska vara ett heltal 1–500.')
  .transform(Number)
  .pipe(z.number().int().min(1).max(500))
  .optional()
  .transform((limit) => limit ?? 100);

/** A global log position as written by a write's answer (`position`). */
export const MinPosition = z
  .string()
  .regex(/^\d{1,20}$/, 'minPosition ska vara en position ur ett tidigare svar.')
  .transform((p) => BigInt(p))
  .optional();

type QuerySchema = z.ZodObject;

const QUERY_SCHEMA = 'stegvis:query-schema';

/**
 * A parameter name is shown back only when it looks like one: `?19890101-1234` must not put a
 * personnummer into the answer.
 */
const SHOWABLE = /^[A-Za-z][A-Za-z0-9_]{0,39}$/;

type QueryError = { path: string; message: string; code: string };

function unknownParameter(name: string, allowed: readonly string[]): QueryError {
  const showable = SHOWABLE.test(name);
  const what = showable ? `Parametern ${name}` : 'En parameter i adressen';
  const remedy =
    allowed.length === 0
      ? 'Adressen tar inga parametrar: ta bort den.'
      : `Ta bort den; tillåtna parametrar är ${allowed.join(', ')}.`;
  return {
    path: showable ? `query.${name}` : 'query',
    message: `${what} finns inte här. ${remedy}`,
    code: 'unrecognized_keys',
  };
}

/** Parses the whole query string with the route's schema; any other parameter is refused. */
class QueryPipe implements PipeTransform<unknown, unknown> {
  private readonly strict: QuerySchema;
  private readonly allowed: readonly string[];

  constructor(schema: QuerySchema) {
    this.strict = schema.strict();
    this.allowed = Object.keys(schema.shape).sort();
  }

  transform(value: unknown): unknown {
    const result = this.strict.safeParse(value ?? {});
    if (result.success) return result.data;
    throw validationFailed(
      result.error.issues.flatMap((issue) =>
        issue.code === 'unrecognized_keys'
          ? issue.keys.map((key) => unknownParameter(key, this.allowed))
          : problemErrors([issue], 'query'),
      ),
    );
  }
}

/**
 * The route's query string, validated by one zod object (strict: an unknown parameter is a 400
 * naming it, as an unknown body field is) and documented in OpenAPI from the same schema. A route
 * without it takes no parameters at all (see UnknownQueryInterceptor).
 */
export function ZodQueries(schema: QuerySchema): ParameterDecorator {
  return (target, key, index) => {
    if (key === undefined) throw new Error('ZodQueries is for a route handler’s parameter');
    const descriptor = Object.getOwnPropertyDescriptor(target, key);
    if (descriptor === undefined) throw new Error(`no method ${String(key)}`);
    SetMetadata(QUERY_SCHEMA, schema)(target, key, descriptor);
    documentedQuery(schema)(target, key, descriptor);
    Query(new QueryPipe(schema))(target, key, index);
  };
}

/** Refuses any query parameter on a route that declares none with ZodQueries. */
@Injectable()
export class UnknownQueryInterceptor implements NestInterceptor {
  constructor(private readonly reflector: Reflector) {}

  intercept(context: ExecutionContext, next: CallHandler): Observable<unknown> {
    const declared =
      this.reflector.get<QuerySchema | undefined>(QUERY_SCHEMA, context.getHandler()) !== undefined;
    if (!declared) {
      const names = Object.keys(context.switchToHttp().getRequest<Request>().query);
      if (names.length > 0) throw validationFailed(names.map((n) => unknownParameter(n, [])));
    }
    return next.handle();
  }
}
