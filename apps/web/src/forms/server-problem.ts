import type { FieldValues, Path, UseFormReturn } from 'react-hook-form';
import { ApiError } from '../api/errors';
import { readableMessage } from './readable-message';

/** Where the API says a value came from; the rest of its `errors[].path` names the field. */
const LOCATIONS = ['body.', 'query.', 'params.'];

const fieldName = (path: string): string => {
  const location = LOCATIONS.find((prefix) => path.startsWith(prefix));
  return location ? path.slice(location.length) : path;
};

/**
 * The field a domain refusal is about, when its Swedish detail names one the way the domain
 * names fields: "Födelseåret (birthYear) ger en ålder …" is about `birthYear`.
 */
export function fieldNamedIn(detail: string | undefined, fields: ReadonlySet<string>) {
  for (const [, name] of (detail ?? '').matchAll(/\(([A-Za-z][A-Za-z0-9.]*)\)/g)) {
    if (name !== undefined && fields.has(name)) return name;
  }
  return undefined;
}

/** The message a form shows above its fields when the call failed as a whole. */
export function formMessage(error: unknown): string {
  if (!(error instanceof ApiError)) return 'Det gick inte att skicka. Försök igen.';
  switch (error.kind) {
    case 'unreachable':
      return 'Servern svarar inte. Kontrollera anslutningen och försök igen om en stund.';
    case 'forbidden':
      return readableMessage(error.detail ?? 'Du har inte behörighet att göra det här.');
    default:
      return readableMessage(
        error.detail ?? `Det gick inte att skicka (fel ${error.status}). Försök igen.`,
      );
  }
}

/**
 * Shows a failed call in the form: each of the server's `errors[]` beside the field it names
 * (focusing the first), and its `detail` above the fields.
 */
export function showServerProblem<T extends FieldValues>(
  form: UseFormReturn<T, unknown, unknown>,
  error: unknown,
  fields: readonly Path<T>[],
): void {
  const known = new Set<string>(fields);
  let focused = false;
  const elsewhere: string[] = [];
  let namedAtField = false;
  if (error instanceof ApiError) {
    for (const problem of error.fields) {
      const name = fieldName(problem.path);
      if (known.has(name)) {
        form.setError(
          name as Path<T>,
          { type: 'server', message: problem.message },
          { shouldFocus: !focused },
        );
        focused = true;
      } else {
        elsewhere.push(problem.message);
      }
    }
    // A domain rule (422) has no `errors[]`; its detail may still name the field it is about.
    const named = error.fields.length === 0 ? fieldNamedIn(error.detail, known) : undefined;
    if (named !== undefined && error.detail !== undefined) {
      namedAtField = true;
      form.setError(
        named as Path<T>,
        { type: 'server', message: error.detail },
        { shouldFocus: true },
      );
    }
  }
  const detail = namedAtField
    ? 'Uppgifterna sparades inte: se meddelandet vid fältet.'
    : formMessage(error);
  const message = readableMessage(
    elsewhere.length > 0 ? `${detail} ${elsewhere.join(' ')}` : detail,
  );
  form.setError('root.server', { type: 'server', message });
}
