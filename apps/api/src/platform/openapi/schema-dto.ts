import { createZodDto } from 'nestjs-zod';
import { z } from 'zod';

/** What @nestjs/swagger reads a schema from: a class whose OpenAPI metadata nestjs-zod derives. */
export type SchemaDto = ReturnType<typeof createZodDto<z.ZodType>>;

const dtos = new WeakMap<z.ZodType, SchemaDto>();
const rootNames = new WeakMap<z.ZodType, string>();

/*
 * Schemas get the names they are exported under: pass them in shorthand
 * (`nameParts({ Gender })`) so a name cannot drift from its schema. Each named schema is one
 * entry of `components.schemas`.
 */

/**
 * Names schemas used inside others (code lists, a goal): zod's registry gives them an id, so
 * every use becomes a reference. Not for a whole body or answer: with zod 4.6, a schema whose
 * root has an id renders as a bare `$ref`, which nestjs-zod 5.5 does not unwrap.
 */
export function nameParts(schemas: Readonly<Record<string, z.ZodType>>): void {
  for (const [id, schema] of Object.entries(schemas)) {
    z.globalRegistry.add(schema, { ...z.globalRegistry.get(schema), id });
  }
}

/** Names whole bodies and answers: the class @nestjs/swagger documents them through. */
export function nameWholes(schemas: Readonly<Record<string, z.ZodType>>): void {
  for (const [name, schema] of Object.entries(schemas)) rootNames.set(schema, name);
}

/**
 * The class @nestjs/swagger documents `schema` through, one per schema. A schema without a name
 * of its own (nameWholes) is named `fallbackName`, which the route derives from where it is used.
 */
export function dtoOf(schema: z.ZodType, fallbackName: string): SchemaDto {
  const known = dtos.get(schema);
  if (known !== undefined) return known;
  const dto = withNullablesAsAnyOf(createZodDto(schema));
  Object.defineProperty(dto, 'name', { value: rootNames.get(schema) ?? fallbackName });
  dtos.set(schema, dto);
  return dto;
}

type PropertyMetadata = Record<string, unknown> & { type?: unknown };
type MetadataFactory = () => Record<string, PropertyMetadata>;

/**
 * zod renders a nullable string as `type: ['string', 'null']`; @nestjs/swagger reads a `type`
 * array as "an array of", so `email: string | null` came out as `string[]`. As `anyOf` (the form
 * zod uses for richer nullables) with an empty type, nestjs-zod's cleanup renders it right.
 */
function withNullablesAsAnyOf(dto: SchemaDto): SchemaDto {
  const holder = dto as unknown as { _OPENAPI_METADATA_FACTORY: MetadataFactory };
  const factory = holder._OPENAPI_METADATA_FACTORY.bind(dto);
  holder._OPENAPI_METADATA_FACTORY = () => {
    const properties = factory();
    for (const [key, property] of Object.entries(properties)) {
      const types = property.type;
      if (!Array.isArray(types) || !types.includes('null')) continue;
      const others = types.filter((t) => t !== 'null');
      const { type: _type, ...rest } = property;
      properties[key] = {
        ...rest,
        type: '',
        anyOf: [...others.map((t) => ({ type: t as string })), { type: 'null' }],
      };
    }
    return properties;
  };
  return dto;
}
