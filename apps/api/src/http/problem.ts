/**
 * An error a client should see as RFC 9457 problem+json: a status, a stable machine `code` and a
 * Swedish `detail`. Domain rule violations (DomainError) and store conflicts are mapped to this
 * shape in one place, the ProblemDetailsFilter.
 */
export class Problem extends Error {
  override readonly name = 'Problem';
  constructor(
    readonly status: number,
    readonly code: string,
    readonly detail: string,
    readonly extensions: Readonly<Record<string, unknown>> = {},
  ) {
    super(detail);
  }
}

export const unauthenticated = () =>
  new Problem(
    401,
    'unauthenticated',
    'Inloggning krävs: skicka en giltig token i Authorization-huvudet.',
  );

export const forbidden = () =>
  new Problem(403, 'forbidden', 'Din roll eller ditt förbund ger inte behörighet till detta.');

export const validationFailed = (
  errors: readonly { path: string; message: string; code: string }[],
) =>
  new Problem(400, 'validation_failed', 'Begäran innehåller ogiltiga eller okända uppgifter.', {
    errors,
  });

export const exportNotFound = () =>
  new Problem(404, 'export_not_found', 'Det finns ingen sådan export för ditt förbund.');

export const exportNotReady = () =>
  new Problem(
    409,
    'export_not_ready',
    'Exporten är inte klar än: följ dess status och försök igen.',
  );

export const exportFailed = (reason: string) =>
  new Problem(409, 'export_failed', `Exporten misslyckades: ${reason}`);
