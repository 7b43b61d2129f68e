import type { ParticipantWrite } from './participant-api';

/**
 * How a form records a fact on the participant: the page adds the Idempotency-Key (from the
 * form's `keyFor`) and If-Match, and answers a conflict. Resolves once the fact is recorded;
 * rejects with an ApiError the form shows.
 */
export type Recorder = (
  write: ParticipantWrite,
  keyFor: (body: unknown) => string,
  /** What the page says once it is recorded: "Steg på stegen är sparat." */
  saved: string,
) => Promise<void>;
