import { z } from 'zod';

/**
 * The problem+json body (RFC 9457) every API error carries. The OpenAPI document names the
 * media type without a schema, so it is read here, narrowly: only what the pages show.
 */
const ProblemBody = z.object({
  detail: z.string().optional(),
  code: z.string().optional(),
  errors: z
    .array(z.object({ path: z.string(), message: z.string() }))
    .optional()
    .catch(undefined),
  /** Sign-in that needs a new authenticator app (DESIGN §7): the secret to add to it. */
  totpEnrolment: z
    .object({ secret: z.string(), uri: z.string(), totpSecret: z.string() })
    .optional()
    .catch(undefined),
});

/** What a few problems carry beside their detail. */
export type ProblemExtras = {
  readonly totpEnrolment?: z.infer<typeof ProblemBody>['totpEnrolment'];
};

/** What went wrong with a call, in the terms the pages answer with. */
export type ApiErrorKind =
  'unreachable' | 'unauthenticated' | 'forbidden' | 'not_found' | 'problem' | 'unreadable';

/** One field the server refused: `path` as the API names it (`body.email`, `query.to`). */
export type FieldProblem = { readonly path: string; readonly message: string };

export class ApiError extends Error {
  constructor(
    readonly kind: ApiErrorKind,
    readonly status: number,
    /** The server's Swedish explanation, when it sent one. */
    readonly detail: string | undefined,
    readonly code: string | undefined,
    readonly fields: readonly FieldProblem[],
    readonly extra?: ProblemExtras,
  ) {
    super(detail ?? `${kind} ${status}`);
    this.name = 'ApiError';
  }

  /** The error for an answer that is not 2xx; `body` is what openapi-fetch parsed. */
  static fromResponse(response: Response, body: unknown): ApiError {
    const problem = ProblemBody.safeParse(body);
    const { detail, code, errors, totpEnrolment } = problem.success ? problem.data : {};
    return new ApiError(kindOf(response.status), response.status, detail, code, errors ?? [], {
      ...(totpEnrolment ? { totpEnrolment } : {}),
    });
  }

  static unreachable(): ApiError {
    return new ApiError('unreachable', 0, undefined, undefined, []);
  }

  static unreadable(status: number): ApiError {
    return new ApiError('unreadable', status, undefined, undefined, []);
  }
}

function kindOf(status: number): ApiErrorKind {
  switch (status) {
    case 401:
      return 'unauthenticated';
    case 403:
      return 'forbidden';
    case 404:
      return 'not_found';
    // A proxy in front of a stopped API answers these; the API itself does not.
    case 502:
    case 504:
      return 'unreachable';
    default:
      return 'problem';
  }
}
