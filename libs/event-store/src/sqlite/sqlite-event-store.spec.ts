import Database from 'better-sqlite3';
import { randomUUID } from 'node:crypto';
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { NewEvent, StoredEvent } from '../event-store.port';
import { describeEventStoreContract } from '../testing/event-store.contract';
import { waitFor, withTimeout } from '../../../../test/support/wait-for';
import { SqliteEventStore } from './sqlite-event-store';

function tempDir(): string {
  return mkdtempSync(join(tmpdir(), 'stegvis-event-store-'));
}

describeEventStoreContract('SQLite file', async () => {
  const dir = tempDir();
  const store = SqliteEventStore.open(join(dir, 'events.db'));
  return {
    store,
    dispose: async () => {
      await store.close();
      rmSync(dir, { recursive: true, force: true });
    },
  };
});

describeEventStoreContract('SQLite in memory', async () => {
  const store = SqliteEventStore.open(':memory:');
  return { store, dispose: () => store.close() };
});

describe('SqliteEventStore', () => {
  let dir: string;
  let file: string;
  const opened: SqliteEventStore[] = [];

  const open = (): SqliteEventStore => {
    const store = SqliteEventStore.open(file);
    opened.push(store);
    return store;
  };

  beforeEach(() => {
    dir = tempDir();
    file = join(dir, 'events.db');
  });

  afterEach(async () => {
    await Promise.all(opened.splice(0).map((store) => store.close()));
    rmSync(dir, { recursive: true, force: true });
  });

  it('opens the file in WAL mode with the schema', () => {
    open();
    const db = new Database(file, { readonly: true });
    try {
      expect(db.pragma('journal_mode', { simple: true })).toBe('wal');
      const tables = db
        .prepare<[], string>("SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY name")
        .pluck()
        .all();
      expect(tables).toEqual(expect.arrayContaining(['events', 'streams']));
    } finally {
      db.close();
    }
  });

  it('keeps the events across close and reopen', async () => {
    const first = open();
    const events = [newEvent({ note: 'Första' }), newEvent({ note: 'Andra' })];
    const written = await first.append('participant-1', events, 'no_stream');
    await first.deleteStream('participant-2');
    await first.close();

    const reopened = open();

    const stored = await reopened.readStream('participant-1');
    expect(stored.map((event) => event.data)).toEqual([{ note: 'Första' }, { note: 'Andra' }]);
    expect(await reopened.headPosition()).toBe(written.position);
    expect(await reopened.isDeleted('participant-2')).toBe(true);
    expect((await reopened.append('participant-1', [newEvent()], 1)).revision).toBe(2);
    expect(await reopened.append('participant-1', events, 'no_stream')).toEqual(written);
  });

  it('lets two instances on the same file see each other, live and for concurrency', async () => {
    const reader = open();
    const writer = open();
    const controller = new AbortController();
    const received: StoredEvent[] = [];
    const following = (async () => {
      for await (const event of reader.follow({ signal: controller.signal })) received.push(event);
    })();

    await writer.append('participant-1', [newEvent(), newEvent()], 'no_stream');
    await waitFor(() => received.length >= 2, { message: "the other instance's appends" });
    await writer.append('participant-1', [newEvent()], 1);
    await waitFor(() => received.length >= 3, { message: 'a later append' });
    controller.abort();
    await withTimeout(following, 5000, 'follow did not end after abort');

    expect(received).toEqual(await writer.readStream('participant-1'));
    await expect(reader.append('participant-1', [newEvent()], 1)).rejects.toMatchObject({
      name: 'WrongExpectedRevisionError',
      actual: 2,
    });
    await reader.deleteStream('participant-1');
    await expect(writer.append('participant-1', [newEvent()], 'any')).rejects.toMatchObject({
      name: 'StreamDeletedError',
    });
  });

  it('removes the events of a deleted stream from the file', async () => {
    const store = open();
    const secret = `197001011234-${randomUUID()}`;
    const large = secret.repeat(500); // spills into overflow pages
    await store.append('participant-1', [newEvent({ personnummer: secret })], 'no_stream');
    await store.append('participant-1', [newEvent({ notes: large })], 0);
    await store.append('participant-2', [newEvent({ kept: 'still here' })], 'no_stream');

    await store.deleteStream('participant-1');

    const db = new Database(file, { readonly: true });
    try {
      const rows = db.prepare<[], { data: string }>('SELECT data FROM events').all();
      expect(rows).toEqual([{ data: JSON.stringify({ kept: 'still here' }) }]);
    } finally {
      db.close();
    }
    const filesContainingSecret = readdirSync(dir).filter((name) =>
      readFileSync(join(dir, name)).includes(secret),
    );
    expect(filesContainingSecret).toEqual([]);
  });

  it('reports the newest event still present as head, undefined when empty', async () => {
    const store = open();
    expect(await store.headPosition()).toBeUndefined();

    const kept = await store.append('stream-a', [newEvent()], 'no_stream');
    const newest = await store.append('stream-b', [newEvent()], 'no_stream');
    expect(await store.headPosition()).toBe(newest.position);

    await store.deleteStream('stream-b');
    expect(await store.headPosition()).toBe(kept.position);
  });

  it('refuses an id already used in another stream and writes nothing of the batch', async () => {
    const store = open();
    const taken = newEvent();
    await store.append('stream-a', [taken], 'no_stream');
    const fresh = newEvent();

    await expect(store.append('stream-b', [fresh, taken], 'any')).rejects.toThrow(
      /already used in another stream/,
    );

    expect(await store.readStream('stream-b')).toEqual([]);
    expect((await store.readAll({ limit: 10 })).map((event) => event.id)).toEqual([taken.id]);
  });

  it('refuses a retry that repeats only some of the stored ids', async () => {
    const store = open();
    const batch = [newEvent(), newEvent()];
    await store.append('stream-a', batch, 'no_stream');

    await expect(store.append('stream-a', [batch[1]!, newEvent()], 'any')).rejects.toThrow(
      /1 of 2 event ids are already stored/,
    );
    expect(await store.readStream('stream-a')).toHaveLength(2);
  });

  it('rolls back a batch that fails halfway through the inserts', async () => {
    const store = open();
    // The third event cannot be serialised (a BigInt), so the batch fails after the first
    // events were handled inside the transaction.
    const unserialisable = {
      ...newEvent(),
      data: { count: 1n } as unknown as Record<string, unknown>,
    };

    await expect(
      store.append('stream-a', [newEvent(), newEvent(), unserialisable], 'no_stream'),
    ).rejects.toThrow(TypeError);

    expect(await store.readStream('stream-a')).toEqual([]);
    expect(await store.headPosition()).toBeUndefined();
    // The store is still usable and starts the stream at revision 0.
    await expect(store.append('stream-a', [newEvent()], 'no_stream')).resolves.toMatchObject({
      revision: 0,
    });
  });

  it('tombstones a stream that never existed', async () => {
    const store = open();

    await store.deleteStream('never-written');

    expect(await store.isDeleted('never-written')).toBe(true);
    await expect(store.append('never-written', [newEvent()], 'no_stream')).rejects.toMatchObject({
      name: 'StreamDeletedError',
    });
  });

  it('rejects a negative or fractional readAll limit and returns nothing for zero', async () => {
    const store = open();
    await store.append('stream-a', [newEvent()], 'no_stream');

    await expect(store.readAll({ limit: -1 })).rejects.toThrow(RangeError);
    await expect(store.readAll({ limit: 1.5 })).rejects.toThrow(RangeError);
    expect(await store.readAll({ limit: 0 })).toEqual([]);
  });

  it('ends a waiting follower when the store is closed', async () => {
    const store = open();
    const controller = new AbortController();
    const received: StoredEvent[] = [];
    await store.append('stream-a', [newEvent()], 'no_stream');
    const following = (async () => {
      for await (const event of store.follow({ signal: controller.signal })) received.push(event);
    })();
    await waitFor(() => received.length >= 1, { message: 'the first event' });

    await store.close();
    await store.close();

    await expect(withTimeout(following, 5000, 'follow after close')).resolves.toBeUndefined();
    expect(received).toHaveLength(1);
  });

  it('wakes an in-process follower without waiting for the poll interval', async () => {
    const store = SqliteEventStore.open(file, { pollIntervalMs: 60_000 });
    opened.push(store);
    const controller = new AbortController();
    const received: StoredEvent[] = [];
    const following = (async () => {
      for await (const event of store.follow({ signal: controller.signal })) received.push(event);
    })();

    await store.append('stream-a', [newEvent()], 'no_stream');
    await waitFor(() => received.length >= 1, { timeoutMs: 2000, message: 'a woken follower' });
    controller.abort();
    await withTimeout(following, 2000, 'follow did not end after abort');

    expect(received[0]?.streamName).toBe('stream-a');
  });

  it('does not miss an append made by the consumer while it handles an event', async () => {
    const store = SqliteEventStore.open(file, { pollIntervalMs: 60_000 });
    opened.push(store);
    const controller = new AbortController();
    const received: StoredEvent[] = [];
    await store.append('stream-a', [newEvent()], 'no_stream');
    const following = (async () => {
      for await (const event of store.follow({ signal: controller.signal })) {
        received.push(event);
        // The follower is suspended in its yield here, not waiting, when this append notifies.
        if (event.revision === 0) await store.append('stream-a', [newEvent()], 0);
      }
    })();

    await waitFor(() => received.length >= 2, { timeoutMs: 2000, message: 'the reaction' });
    controller.abort();
    await withTimeout(following, 2000, 'follow did not end after abort');

    expect(received.map((event) => event.revision)).toEqual([0, 1]);
  });
});

function newEvent(data: Record<string, unknown> = {}): NewEvent {
  return {
    id: randomUUID(),
    type: 'TestEventRecorded',
    data,
    metadata: {
      recordedAt: new Date().toISOString(),
      actor: 'test-user',
      correlationId: randomUUID(),
    },
  };
}
