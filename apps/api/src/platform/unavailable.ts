import { RETRY_AFTER_SECONDS } from '@stegvis/operations';
import { Problem } from './problem';

/**
 * How ioredis (read models) and BullMQ (jobs, through its ioredis connections) fail while Redis
 * cannot be reached: the connection is refused or closed, a command waited out its timeout or
 * its retry, or the queue refuses to buffer commands while offline. ioredis raises plain Errors
 * for most of these, so their messages are what identifies them.
 */
const REDIS_UNREACHABLE = [
  /^Connection is closed\.?$/,
  /^Command timed out$/,
  /^Reached the max retries per request limit/,
  /^Stream isn't writeable and enableOfflineQueue options is false$/,
  /\bECONNREFUSED\b|\bECONNRESET\b|\bETIMEDOUT\b|\bEHOSTUNREACH\b/,
];

/** True when the error (or what caused it) says a service Stegvis needs cannot be reached now. */
export function isUnavailable(error: unknown): boolean {
  for (let e = error, depth = 0; e instanceof Error && depth < 5; e = e.cause, depth++) {
    if (e.name === 'MaxRetriesPerRequestError') return true;
    if (REDIS_UNREACHABLE.some((pattern) => pattern.test(e.message))) return true;
  }
  return false;
}

export { RETRY_AFTER_SECONDS };

export const serviceUnavailable = () =>
  new Problem(
    503,
    'service_unavailable',
    'Stegvis når inte en tjänst som behövs för detta just nu. Försök igen om några sekunder ' +
      '(Retry-After säger hur många); en skrivning kan göras om med samma Idempotency-Key.',
  );
