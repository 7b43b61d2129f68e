import {
  Catch,
  HttpException,
  Logger,
  type ArgumentsHost,
  type ExceptionFilter,
} from '@nestjs/common';
import { DomainError, type DomainErrorCode } from '@stegvis/domain';
import {
  InvalidAppendError,
  StreamDeletedError,
  WrongExpectedRevisionError,
} from '@stegvis/event-store';
import type { Request, Response } from 'express';
import { allowedMethods, methodNotAllowed } from './allowed-methods';
import { Problem } from './problem';
import { isUnavailable, RETRY_AFTER_SECONDS, serviceUnavailable } from './unavailable';

const NOT_FOUND: ReadonlySet<DomainErrorCode> = new Set([
  'association_not_found',
  'intervention_not_found',
  'participant_not_found',
  'user_not_found',
  'api_token_not_found',
]);

const TITLES: Readonly<Record<number, string>> = {
  400: 'Ogiltig begäran',
  401: 'Inte inloggad',
  403: 'Saknar behörighet',
  404: 'Finns inte',
  405: 'Metoden stöds inte',
  409: 'Krock med en samtidig ändring',
  413: 'För stor begäran',
  415: 'Fel innehållstyp',
  429: 'För många försök',
  422: 'Bryter mot en regel',
  503: 'Inte tillgänglig just nu',
  500: 'Internt fel',
};

/** A 409 has more than one cause: each says which in its title. */
const TITLES_BY_CODE: Readonly<Record<string, string>> = {
  concurrent_write: 'Krock med en samtidig ändring',
  intervention_name_taken: 'Namnet används redan',
  export_not_ready: 'Exporten är inte klar',
  export_failed: 'Exporten misslyckades',
};

/** Every error leaves the API as RFC 9457 problem+json with a Swedish detail and a stable code. */
@Catch()
export class ProblemDetailsFilter implements ExceptionFilter {
  private readonly logger = new Logger(ProblemDetailsFilter.name);

  catch(exception: unknown, host: ArgumentsHost): void {
    const http = host.switchToHttp();
    const request = http.getRequest<Request>();
    const response = http.getResponse<Response>();
    const problem = this.toProblem(exception, request);
    if (problem.status === 500) {
      // Log the type and stack only: messages of unknown errors may echo input.
      const error = exception instanceof Error ? exception : undefined;
      this.logger.error({ err: { type: error?.name, stack: error?.stack } }, 'Unhandled error');
    }
    // As readiness does: the client may come back once the dependency does.
    if (problem.status === 503) response.setHeader('Retry-After', String(RETRY_AFTER_SECONDS));
    response
      .status(problem.status)
      .set(problem.headers)
      .type('application/problem+json')
      .json({
        type: `https://stegvis.se/problems/${problem.code}`,
        title: TITLES_BY_CODE[problem.code] ?? TITLES[problem.status] ?? 'Fel',
        status: problem.status,
        detail: problem.detail,
        code: problem.code,
        // The path only: a query string may carry what must not be echoed (a personnummer, say).
        instance: request.path,
        ...problem.extensions,
      });
  }

  private toProblem(exception: unknown, request: Request): Problem {
    if (exception instanceof Problem) return exception;
    if (exception instanceof DomainError) {
      return new Problem(
        NOT_FOUND.has(exception.code) ? 404 : 422,
        exception.code,
        exception.message,
      );
    }
    if (exception instanceof WrongExpectedRevisionError) {
      return new Problem(
        409,
        'concurrent_write',
        exception.expected === 'stream_exists'
          ? 'If-Match: * kräver att uppgifterna redan finns. Skicka utan If-Match för att skapa nya.'
          : 'Uppgifterna har ändrats sedan du läste dem. Läs in dem på nytt och försök igen.',
        { currentRevision: exception.actual ?? null },
      );
    }
    if (exception instanceof StreamDeletedError) {
      return new Problem(
        422,
        'participant_erased',
        'Deltagaren är raderad och kan inte ta emot fler uppgifter.',
      );
    }
    if (exception instanceof InvalidAppendError) {
      // Stegvis's own fault (see the error), logged as every 500 is; unlike other internal
      // errors, repeating the request cannot help, so the answer does not suggest it.
      return new Problem(
        500,
        'invalid_append',
        'Stegvis kunde inte spara uppgifterna på grund av ett fel i Stegvis, inte i begäran. ' +
          'Ett nytt försök ger samma svar: kontakta den som förvaltar Stegvis.',
      );
    }
    if (isUnavailable(exception)) return serviceUnavailable();
    return fromHttpLayer(exception, request);
  }
}

/** Errors raised before our code runs: unknown routes, Nest's own exceptions. */
function fromHttpLayer(exception: unknown, request: Request): Problem {
  if (exception instanceof HttpException) {
    const status = exception.getStatus();
    if (status === 404) {
      // A known path asked with a method it lacks: 405, not 404. A route's own 404 keeps its method.
      const allowed = allowedMethods(request.app, request.path);
      if (allowed.length > 0 && !allowed.includes(request.method)) {
        return methodNotAllowed(request.method, allowed);
      }
      return new Problem(404, 'not_found', 'Det finns ingen sådan adress i API:t.');
    }
    if (status < 500) return new Problem(status, 'bad_request', 'Begäran kunde inte behandlas.');
  }
  return new Problem(
    500,
    'internal_error',
    'Ett oväntat fel inträffade. Försök igen med samma Idempotency-Key.',
  );
}
