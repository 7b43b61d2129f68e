import { useCallback, useEffect, useState } from 'react';

export type Loaded<T> =
  | { readonly status: 'loading'; readonly previous: T | undefined }
  | { readonly status: 'ready'; readonly data: T }
  | { readonly status: 'failed'; readonly error: unknown };

type Settled<T> =
  | { readonly request: string; readonly ok: true; readonly data: T }
  | {
      readonly request: string;
      readonly ok: false;
      readonly error: unknown;
    };

/**
 * Loads what a page shows whenever `key` changes (a newer load cancels an older one), and
 * offers `reload` for the "Försök igen" buttons. While a new load runs, the previous data is
 * kept so the page does not jump.
 */
export function useLoad<T>(
  key: string,
  load: (signal: AbortSignal) => Promise<T>,
): { readonly state: Loaded<T>; readonly reload: () => void } {
  const [attempt, setAttempt] = useState(0);
  const [settled, setSettled] = useState<Settled<T>>();
  const request = `${attempt}:${key}`;

  useEffect(() => {
    const controller = new AbortController();
    load(controller.signal).then(
      (data) => {
        if (!controller.signal.aborted) setSettled({ request, ok: true, data });
      },
      (error: unknown) => {
        if (!controller.signal.aborted) setSettled({ request, ok: false, error });
      },
    );
    return () => controller.abort();
    // `load` is recreated on every render; `request` says when what it loads changes.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [request]);

  const reload = useCallback(() => setAttempt((n) => n + 1), []);
  let state: Loaded<T>;
  if (settled?.request !== request) {
    state = { status: 'loading', previous: settled?.ok ? settled.data : undefined };
  } else {
    state = settled.ok
      ? { status: 'ready', data: settled.data }
      : { status: 'failed', error: settled.error };
  }
  return { state, reload };
}
