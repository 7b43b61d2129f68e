import type { EventStore, GlobalPosition, StoredEvent } from '@stegvis/event-store';
import { setImmediate as nextTurn } from 'node:timers/promises';

/**
 * Larger pages replay faster (a participant's document is written once per page, however many
 * of its events the page holds); 2,000 keeps one Redis commit to a few milliseconds.
 */
export const LOG_PAGE_SIZE = 2_000;

/**
 * The global log after `after`, page by page in log order, until its end as it was when the
 * last page was read. Every loop that catches up on the log reads it through here. Between
 * pages the event loop gets a turn: the embedded stores answer synchronously, and a long replay
 * must not keep the process from serving requests meanwhile.
 */
export async function* logPages(
  store: EventStore,
  options: { readonly after?: GlobalPosition | undefined; readonly pageSize?: number } = {},
): AsyncGenerator<readonly StoredEvent[], void, undefined> {
  const limit = options.pageSize ?? LOG_PAGE_SIZE;
  let after = options.after;
  for (;;) {
    const page = await store.readAll({ after, limit });
    const last = page.at(-1);
    if (last === undefined) return;
    yield page;
    after = last.position;
    await nextTurn();
  }
}
