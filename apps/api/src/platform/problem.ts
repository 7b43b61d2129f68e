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
    /** Response headers the status calls for, e.g. `WWW-Authenticate` on a 401, `Allow` on a 405. */
    readonly headers: Readonly<Record<string, string>> = {},
  ) {
    super(detail);
  }
}

/**
 * RFC 6750 §3: the challenge names the scheme and realm; `invalid_token` only when a bearer token
 * was sent and refused. Which check refused it is never said (the same answer for every one).
 */
export const unauthenticated = (tokenRefused: boolean) =>
  new Problem(
    401,
    'unauthenticated',
    'Inloggning krävs: skicka en giltig token i Authorization-huvudet.',
    {},
    {
      'WWW-Authenticate': tokenRefused
        ? 'Bearer realm="stegvis", error="invalid_token"'
        : 'Bearer realm="stegvis"',
    },
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
