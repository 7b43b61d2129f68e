export type WaitOptions = {
  /** Give up after this long. */
  readonly timeoutMs?: number;
  readonly intervalMs?: number;
  readonly message?: string;
};

/**
 * Reads `read` until `accept` holds for what it returned, and returns that value; fails after a
 * deadline with the last value seen, which usually explains why. Tests synchronise on observable
 * state this way instead of sleeping for a guessed duration.
 */
export async function eventually<T>(
  read: () => T | Promise<T>,
  accept: (value: T) => boolean,
  options: WaitOptions = {},
): Promise<T> {
  const timeoutMs = options.timeoutMs ?? 5000;
  const intervalMs = options.intervalMs ?? 5;
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await read();
    if (accept(value)) return value;
    if (Date.now() >= deadline) {
      throw new Error(
        `timed out after ${timeoutMs} ms waiting for ${options.message ?? 'a condition'}; ` +
          `last value: ${show(value)}`,
      );
    }
    await new Promise((resolve) => setTimeout(resolve, intervalMs));
  }
}

/** One deadline-bounded poll for every suite (the event store's). */
export { waitFor } from '../../../event-store/src/testing/wait-for';

/** A promise with its resolve exposed, for processors that wait until the test lets them go. */
export type Gate = {
  readonly promise: Promise<void>;
  readonly open: () => void;
};

export function gate(): Gate {
  let open: () => void = () => undefined;
  const promise = new Promise<void>((resolve) => {
    open = resolve;
  });
  return { promise, open };
}

function show(value: unknown): string {
  try {
    return JSON.stringify(value) ?? String(value);
  } catch {
    return String(value);
  }
}
