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
