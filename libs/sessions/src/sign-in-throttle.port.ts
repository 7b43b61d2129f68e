/**
 * The SignInThrottle port: failed sign-ins counted per subject (an address's key, a client
 * address) within a window, to slow repeated failures across API replicas. It only slows; the
 * lock after 10 failures is the user decider's. Subjects are stored as SHA-256, so no client
 * address or e-mail is kept. Adapters pass `testing/sign-in-throttle.contract.ts`.
 */
export interface SignInThrottle {
  /** Failures of each subject in its current window, in the order given. */
  failures(subjects: readonly string[]): Promise<number[]>;

  /** One more failure for each subject; a subject's window starts at its first failure. */
  recordFailure(subjects: readonly string[]): Promise<void>;

  /** After a successful sign-in: the e-mail's count starts again (a client address's does not). */
  clear(subject: string): Promise<void>;

  close(): Promise<void>;
}

export type ThrottleTiming = {
  readonly clock?: () => number;
  /** Default 15 minutes. */
  readonly windowMs?: number;
};

export const THROTTLE_WINDOW_MS = 15 * 60 * 1000;

export const SIGN_IN_THROTTLE = Symbol('SignInThrottle');
