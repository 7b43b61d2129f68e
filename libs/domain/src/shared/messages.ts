import { z } from 'zod';
import { capitalised, fieldName } from './fields';

/**
 * Swedish validation messages: each one a sentence that names the field and says what is
 * allowed, e.g. "Födelseåret (birthYear) ska vara ett heltal mellan 1900 och 2100." A message
 * never repeats what was sent: it may be personal data.
 *
 * `swedishValidation` is installed with `z.config` by libs/config (both processes load their
 * configuration first) and by tests; a schema whose rule the generic wording cannot say gives
 * its own with `allowing(...)`.
 */

type Issue = z.core.$ZodRawIssue;

/** "X ska vara <allowed>." or, when the field is absent, "X saknas: ange <allowed>." */
export function sentence(issue: Pick<Issue, 'path' | 'input'>, allowed: string): string {
  const field = capitalised(fieldName(issue.path ?? []));
  return issue.input === undefined
    ? `${field} saknas: ange ${allowed}.`
    : `${field} ska vara ${allowed}.`;
}

/**
 * A schema's own error: its field named from the path, what it allows said by the schema. (A
 * rule added in a refinement of the same schema keeps its own wording: see `refusedAt`.)
 */
export const allowing =
  (allowed: string) =>
  (issue: Issue): string =>
    ruleOf(issue) ?? sentence(issue, allowed);

/** A schema's own error worded around its field, given in lower case: "Kontrollsiffran i <field> …". */
export const named =
  (say: (field: string) => string) =>
  (issue: Pick<Issue, 'path'>): string =>
    say(fieldName(issue.path ?? []));

/** An object schema's own error when it is not an object at all; other issues keep their wording. */
export const objectOf = (fields: string) => (issue: Issue) =>
  issue.code === 'invalid_type' ? sentence(issue, `ett objekt med ${fields}`) : undefined;

/**
 * A custom issue for `ctx.addIssue` in a superRefine: `rule` is the predicate ("ska vara större
 * än …"). The field is named when the issue is finalised, with its full path in the request.
 */
export function refusedAt(path: PropertyKey[], rule: string) {
  return { code: 'custom' as const, path, params: { rule } };
}

/** A number the way a Swede reads it: 100 000, 0,85. */
export const swedishNumber = (n: number | bigint): string =>
  // Grouped from five digits on, as Swedish style has it: 2100, 100 000.
  n.toLocaleString('sv-SE', { useGrouping: n >= 10_000 || n <= -10_000 });

/** "a, b eller c". */
export function listed(items: readonly string[], conjunction = 'eller'): string {
  if (items.length <= 1) return items.join('');
  return `${items.slice(0, -1).join(', ')} ${conjunction} ${items.at(-1)}`;
}

export const DATE_ALLOWED = 'ett datum skrivet ÅÅÅÅ-MM-DD, t.ex. 2026-03-15';

function numberAllowed(schema: z.ZodNumber): string {
  const kind = schema.isInt ? 'ett heltal' : 'ett tal';
  const bounded = (n: number | null) =>
    n !== null && Number.isFinite(n) && Math.abs(n) < Number.MAX_SAFE_INTEGER ? n : undefined;
  const min = bounded(schema.minValue);
  const max = bounded(schema.maxValue);
  if (min !== undefined && max !== undefined)
    return `${kind} mellan ${swedishNumber(min)} och ${swedishNumber(max)}`;
  if (min !== undefined) return `${kind} som är ${swedishNumber(min)} eller större`;
  if (max !== undefined) return `${kind} som är ${swedishNumber(max)} eller mindre`;
  return kind;
}

function stringAllowed(schema: z.ZodString): string {
  const { minLength: min, maxLength: max } = schema;
  if (min !== null && max !== null) return `en text på ${min}–${max} tecken`;
  if (min !== null) return `en text på minst ${min} tecken`;
  if (max !== null) return `en text på högst ${max} tecken`;
  return 'en text';
}

const TYPES: Readonly<Record<string, string>> = {
  string: 'en text',
  number: 'ett tal',
  int: 'ett heltal',
  boolean: 'true eller false',
  array: 'en lista',
  object: 'ett objekt',
  record: 'ett objekt',
};

const FORMATS: Readonly<Record<string, string>> = {
  date: DATE_ALLOWED,
  datetime: 'en tidpunkt med tidszon, t.ex. 2026-11-22T10:00:00Z',
  uuid: 'ett id i formen 0b7e3c9a-5d21-4f8e-9a6b-2c4d8e1f3a57',
};

const codes = (values: readonly unknown[]) => listed(values.map(String));

/** What the owning schema allows, as far as the issue and the schema tell. */
function allowedBy(issue: Issue): string {
  const { schema } = issue;
  if (schema instanceof z.ZodNumber) return numberAllowed(schema);
  if (schema instanceof z.ZodString && issue.code !== 'invalid_format')
    return stringAllowed(schema);
  if (schema instanceof z.ZodEnum) return `en av koderna ${codes(schema.options)}`;
  switch (issue.code) {
    case 'invalid_type':
      return TYPES[issue.expected] ?? 'ett giltigt värde';
    case 'invalid_value':
      return issue.values.length === 1
        ? `värdet ${String(issue.values[0])}`
        : `ett av värdena ${codes(issue.values)}`;
    case 'invalid_format':
      return FORMATS[issue.format] ?? 'skrivet så som API-dokumentationen anger';
    case 'too_small':
    case 'too_big':
      return sizeAllowed(issue);
    case 'invalid_union':
      return 'options' in issue && Array.isArray(issue['options'])
        ? `en av ${codes(issue['options'] as unknown[])}`
        : 'ett giltigt värde';
    case 'not_multiple_of':
      return `en multipel av ${swedishNumber(issue.divisor)}`;
    default:
      return 'ett giltigt värde';
  }
}

function sizeAllowed(issue: Extract<Issue, { code: 'too_small' | 'too_big' }>): string {
  const small = issue.code === 'too_small';
  const bound = swedishNumber(small ? issue.minimum : issue.maximum);
  const limit = small ? 'minst' : 'högst';
  switch (issue.origin) {
    case 'array':
    case 'set':
      return `en lista med ${limit} ${bound} ${bound === '1' ? 'post' : 'poster'}`;
    case 'string':
      return `en text på ${limit} ${bound} tecken`;
    default:
      return `${limit} ${bound}`;
  }
}

/** "Begäran innehåller fält som inte finns: …" — the unknown names are not repeated. */
function unknownKeys(issue: Issue): string {
  const where = issue.path?.length ? capitalised(fieldName(issue.path)) : 'Begäran';
  const known = issue.inst instanceof z.ZodObject ? Object.keys(issue.inst.shape) : [];
  const allowed = known.length > 0 ? ` Tillåtna fält är ${listed(known, 'och')}.` : '';
  return `${where} innehåller fält som inte finns: ta bort dem.${allowed}`;
}

/** The sentence of a custom issue made with `refusedAt`, naming the field at its full path. */
function ruleOf(issue: Issue): string | undefined {
  if (issue.code !== 'custom') return undefined;
  const rule = (issue.params as { rule?: unknown } | undefined)?.rule;
  return typeof rule === 'string'
    ? `${capitalised(fieldName(issue.path ?? []))} ${rule}.`
    : undefined;
}

/** The global error map: every issue a schema does not word itself. */
export const swedishIssueMessage: z.core.$ZodErrorMap = (issue) => {
  if (issue.code === 'unrecognized_keys') return unknownKeys(issue);
  if (issue.code === 'invalid_union' && 'discriminator' in issue) {
    const input = issue.input as Record<string, unknown> | undefined;
    const key = String(issue['discriminator']);
    return sentence({ path: issue.path, input: input?.[key] }, allowedBy(issue));
  }
  if (issue.code === 'custom') {
    return ruleOf(issue) ?? `${capitalised(fieldName(issue.path ?? []))} är inte giltigt.`;
  }
  return sentence(issue, allowedBy(issue));
};

/** What `z.config` is given (libs/config, tests): Swedish for every issue. */
export const swedishValidation = { customError: swedishIssueMessage } as const;
