import { Body, Param, type PipeTransform } from '@nestjs/common';
import { ApiBody } from '@nestjs/swagger';
import { applyDecorators } from '@nestjs/common';
import { z } from 'zod';
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

/** OpenAPI description of a schema, derived from the same zod schema that validates it. */
export function jsonSchema(schema: z.ZodType): Record<string, unknown> {
  return z.toJSONSchema(schema, { io: 'input', unrepresentable: 'any', target: 'openapi-3.0' });
}

/** The request body, validated by `schema` and documented in OpenAPI from it. */
export const ZodBody = (schema: z.ZodType) => Body(new ZodPipe(schema, 'body'));

export const ApiZodBody = (schema: z.ZodType) =>
  applyDecorators(ApiBody({ schema: jsonSchema(schema) as never }));

export const ZodParam = (name: string, schema: z.ZodType) =>
  Param(name, new NamedZodPipe(schema, 'params', name));
