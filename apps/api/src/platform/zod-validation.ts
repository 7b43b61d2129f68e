import { Body, Param, type PipeTransform } from '@nestjs/common';
import { z } from 'zod';
import { documentedBody, documentedPathParameter } from './openapi.decorators';
import { validationFailed } from './problem';

/**
 * Parses with a zod schema; failures become one 400 problem listing every issue, each with the
 * Swedish sentence the domain's messages give it (naming the field and what it allows).
 */
export class ZodPipe<S extends z.ZodType> implements PipeTransform<unknown, z.infer<S>> {
  constructor(
    private readonly schema: S,
    /** Where the value came from, as it is named in the problem's `errors[].path`. */
    private readonly location: string,
  ) {}

  transform(value: unknown): z.infer<S> {
    const result = this.schema.safeParse(value);
    if (result.success) return result.data;
    throw validationFailed(problemErrors(result.error.issues, this.location));
  }
}

/** zod issues as a problem's `errors`, each path prefixed with where the value came from. */
export function problemErrors(
  issues: readonly z.core.$ZodIssue[],
  location: string,
): { path: string; message: string; code: string }[] {
  return issues.map((issue) => ({
    path: [location, ...issue.path.map(String)].join('.'),
    message: issue.message,
    code: issue.code,
  }));
}

/**
 * One named value (a path parameter, a query parameter), parsed under its name so that messages
 * name it too: "Deltagarens id (pid) ska vara …", path `params.pid`.
 */
class NamedZodPipe<S extends z.ZodType> implements PipeTransform<unknown, z.infer<S>> {
  private readonly pipe: ZodPipe<z.ZodObject<Record<string, S>>>;

  constructor(
    schema: S,
    location: string,
    private readonly name: string,
  ) {
    this.pipe = new ZodPipe(z.object({ [name]: schema }), location);
  }

  transform(value: unknown): z.infer<S> {
    return this.pipe.transform({ [this.name]: value })[this.name] as z.infer<S>;
  }
}

/** Applies a method decorator from a parameter decorator (where the handler is known). */
function onHandler(
  decorate: (target: object, key: string | symbol, descriptor: PropertyDescriptor) => void,
): ParameterDecorator {
  return (target, key) => {
    if (key === undefined) throw new Error('a route handler’s parameter was expected');
    const descriptor = Object.getOwnPropertyDescriptor(target, key);
    if (descriptor === undefined) throw new Error(`no method ${String(key)}`);
    decorate(target, key, descriptor);
  };
}

function both(...decorators: ParameterDecorator[]): ParameterDecorator {
  return (target, key, index) => {
    for (const decorate of decorators) decorate(target, key, index);
  };
}

/** The request body, validated by `schema` and documented in OpenAPI from it. */
export const ZodBody = (schema: z.ZodType) =>
  both(Body(new ZodPipe(schema, 'body')), onHandler(documentedBody(schema)));

/** A path parameter, validated by `schema` and documented from it (pattern, type). */
export const ZodParam = (name: string, schema: z.ZodType) =>
  both(
    Param(name, new NamedZodPipe(schema, 'params', name)),
    onHandler(documentedPathParameter(name, schema)),
  );
