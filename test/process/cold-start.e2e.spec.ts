import { SqliteEventStore } from '@stegvis/event-store';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { shapeForEvents, writeSyntheticLog } from '../support/synthetic-log';
import { waitFor } from '../support/wait-for';
import { startApiProcess, stop, type Started } from '../support/process';

/*
 * The embedded process rebuilds its read models from the log at boot. While it does, it must
 * still answer: a liveness probe that timed out during a long catch-up would have the process
 * killed and restarted forever.
 */
describe('cold start of the embedded mode on a long log', () => {
  const dataDir = mkdtempSync(join(tmpdir(), 'stegvis-cold-'));
  let running: Started | undefined;
  afterAll(async () => {
    if (running) await stop(running.child, 'SIGKILL');
    rmSync(dataDir, { recursive: true, force: true });
  });

  it('answers liveness while it catches up, and becomes ready once caught up', async () => {
    const store = SqliteEventStore.open(join(dataDir, 'events.db'));
    const { events } = await writeSyntheticLog(store, shapeForEvents(120_000));
    await store.close();

    running = await startApiProcess({ DATA_DIR: dataDir, PORT: '0', AUTH_SECRET: 'c'.repeat(32) });
    const url = running.url;
    const status = async (path: string) => (await fetch(`${url}${path}`)).status;

    let liveWhileCatchingUp = false;
    await waitFor(
      async () => {
        const ready = await status('/health/ready');
        if (ready !== 200) liveWhileCatchingUp ||= (await status('/health/live')) === 200;
        return ready === 200;
      },
      { timeoutMs: 60_000, intervalMs: 10, message: `ready after catching up ${events} events` },
    );
    expect(liveWhileCatchingUp).toBe(true);
  }, 120_000);
});
