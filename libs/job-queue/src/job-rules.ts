import { createHash, randomUUID } from 'node:crypto';
import type { EnqueueOptions } from './job-queue.port';

/**
 * Rules both adapters apply in the same way, so that code written against the embedded default
 * behaves identically on BullMQ.
 */

/** Longest `failedReason` kept: a reason is shown to users and must stay short. */
export const MAX_FAILED_REASON_LENGTH = 200;

/**
 * BullMQ refuses custom ids that are integers (they could clash with its own counter) and ids
 * containing ':' (its key separator). The in-process adapter refuses the same ids so that an id
 * scheme that works in development cannot break in production.
 */
export function assertValidJobId(jobId: string): void {
  if (jobId.length === 0) throw new Error('jobId must not be empty');
  if (/^-?\d+$/.test(jobId)) throw new Error(`jobId must not be an integer: "${jobId}"`);
  if (jobId.includes(':')) throw new Error(`jobId must not contain ':': "${jobId}"`);
}

/**
 * The id of a job enqueued with an idempotency key: a hash shaped as a UUID, so it looks like the
 * generated ids, is valid for BullMQ whatever the key holds (':' included) and cannot be read back
 * into the key (which names the user).
 */
export function jobIdOfKey(idempotencyKey: string): string {
  const hex = createHash('sha256').update(`job|${idempotencyKey}`).digest('hex');
  const variant = ((parseInt(hex.charAt(16), 16) & 0x3) | 0x8).toString(16);
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-5${hex.slice(13, 16)}-${variant}${hex.slice(17, 20)}-${hex.slice(20, 32)}`;
}

/** The id a job gets: the given one, one derived from the idempotency key, or a random UUID. */
export function jobIdOf(options: EnqueueOptions): string {
  if (options.jobId !== undefined && options.idempotencyKey !== undefined) {
    throw new Error('give jobId or idempotencyKey, not both');
  }
  if (options.jobId !== undefined) {
    assertValidJobId(options.jobId);
    return options.jobId;
  }
  if (options.idempotencyKey !== undefined) {
    if (options.idempotencyKey.length === 0) throw new Error('idempotencyKey must not be empty');
    return jobIdOfKey(options.idempotencyKey);
  }
  return randomUUID();
}

export function assertValidEnqueue(name: string, attempts: number | undefined): void {
  if (name.length === 0) throw new Error('job name must not be empty');
  if (attempts !== undefined && (!Number.isInteger(attempts) || attempts < 1)) {
    throw new Error(`attempts must be a positive integer, got ${attempts}`);
  }
}

/** Progress is a percentage; values outside 0–100 are clamped rather than stored as given. */
export function normaliseProgress(percent: number): number {
  if (!Number.isFinite(percent)) throw new RangeError(`progress must be a finite number`);
  return Math.min(100, Math.max(0, percent));
}

export function failedReasonOf(error: unknown): string {
  const message = error instanceof Error ? error.message : String(error);
  return truncate(message.length > 0 ? message : 'job failed without a message');
}

export function truncate(reason: string): string {
  return reason.length <= MAX_FAILED_REASON_LENGTH
    ? reason
    : `${reason.slice(0, MAX_FAILED_REASON_LENGTH - 1)}…`;
}

export function noProcessorReason(name: string): string {
  return truncate(`no processor registered for job name "${name}"`);
}
