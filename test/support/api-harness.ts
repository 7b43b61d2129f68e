import type { INestApplication } from '@nestjs/common';
import { loadConfig, type AppConfig } from '@stegvis/config';
import type { Role } from '@stegvis/domain';
import { EVENT_STORE, type EventStore, type StoredEvent } from '@stegvis/event-store';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import request from 'supertest';
import { createApi, takeSetupAddress } from '../../apps/api/src/bootstrap';
import { signToken } from '@stegvis/credentials';

export type Api = {
  readonly app: INestApplication;
  readonly config: AppConfig;
  readonly store: EventStore;
  readonly http: ReturnType<typeof request>;
  token(role: Role, associationId?: string, interventionIds?: string[], sub?: string): string;
  /** Every event in the log, in order. */
  allEvents(): Promise<StoredEvent[]>;
  /** The first admin's one-time setup address (`/konfigurera?kod=…`), once. */
  takeSetupAddress(): string | undefined;
  close(): Promise<void>;
};

/** A real API on the real SQLite store in a fresh temporary DATA_DIR, served over HTTP; `env` adds settings. */
export async function startApi(env: Readonly<Record<string, string>> = {}): Promise<Api> {
  const dataDir = mkdtempSync(join(tmpdir(), 'stegvis-e2e-'));
  const config = loadConfig({
    DATA_DIR: dataDir,
    PORT: '0',
    AUTH_SECRET: 'e2e-secret-that-is-at-least-32-chars-long',
    LOG_LEVEL: 'silent',
    ...env,
  });
  const app = await createApi(config, { logs: false });
  await app.init();
  const store = app.get<EventStore>(EVENT_STORE);
  return {
    app,
    config,
    store,
    http: request(app.getHttpServer()),
    takeSetupAddress: () => takeSetupAddress(app),
    token: (role, associationId, interventionIds = [], sub = `${role}-user`) =>
      signToken(config.auth, { sub, role, associationId, interventionIds }),
    async allEvents() {
      const events: StoredEvent[] = [];
      for (;;) {
        const page = await store.readAll({ after: events.at(-1)?.position, limit: 1000 });
        if (page.length === 0) return events;
        events.push(...page);
      }
    },
    async close() {
      await app.close();
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}
