import { useCallback, useRef } from 'react';

/**
 * A fresh Idempotency-Key: 128 random bits as hex. `getRandomValues` rather than `randomUUID`,
 * which browsers offer only on https and localhost.
 */
export function newIdempotencyKey(): string {
  const bytes = crypto.getRandomValues(new Uint8Array(16));
  return Array.from(bytes, (b) => b.toString(16).padStart(2, '0')).join('');
}

/**
 * The Idempotency-Key of a form's submissions: the same for the same body, so a double click or
 * a retry after a lost answer writes once (the server answers the first write again), and new
 * for a new body. `renew` forgets the keys, for when the same body is meant to be written again
 * (another participant with the same answers, a fact re-entered after its retraction).
 */
export function useIdempotencyKey(): {
  readonly keyFor: (body: unknown) => string;
  readonly renew: () => void;
} {
  const keys = useRef(new Map<string, string>());
  const keyFor = useCallback((body: unknown) => {
    const serialised = JSON.stringify(body);
    const known = keys.current.get(serialised);
    if (known !== undefined) return known;
    const key = newIdempotencyKey();
    keys.current.set(serialised, key);
    return key;
  }, []);
  const renew = useCallback(() => keys.current.clear(), []);
  return { keyFor, renew };
}
