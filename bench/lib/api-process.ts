import { mkdirSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { signToken } from '@stegvis/credentials';
import type { Role } from '@stegvis/domain';
import { startApiProcess, stop, type Started } from '../../test/support/process';
import { HttpClient } from './http';

export const AUTH_SECRET = 'bench-secret-that-is-at-least-32-characters';
const AUTH = { secret: AUTH_SECRET, generated: false, issuer: 'stegvis', audience: 'stegvis-api' };

export const token = (
  role: Role,
  associationId?: string,
  interventionIds: string[] = [],
  sub = `bench-${role}`,
): string => signToken(AUTH, { sub, role, associationId, interventionIds });

export const tempDir = (name: string): string =>
  mkdtempSync(join(tmpdir(), `stegvis-bench-${name}-`));

export type ApiProcess = {
  readonly started: Started;
  readonly client: HttpClient;
  readonly pid: number | undefined;
  close(): Promise<void>;
};

/**
 * The API entry point as its own process (test/support/process.ts), as `npm start` runs it but
 * transpiled by swc at load. On 2 cores this gives the single-threaded server one core and the
 * load generator the other, instead of both competing for one event loop.
 */
export async function spawnApi(
  env: Record<string, string>,
  options: { timeoutMs?: number; sockets?: number } = {},
): Promise<ApiProcess> {
  // BENCH_PROFILE_DIR=dir: each API process writes a V8 CPU profile there when it exits.
  const profile = process.env.BENCH_PROFILE_DIR;
  if (profile) mkdirSync(profile, { recursive: true });
  const started = await startApiProcess(
    {
      PORT: '0',
      AUTH_SECRET,
      LOG_LEVEL: 'silent',
      ...(profile ? { NODE_OPTIONS: `-r ${join(__dirname, 'profile-hook.js')}` } : {}),
      ...env,
    },
    options.timeoutMs ?? 60_000,
  );
  const client = new HttpClient(started.url, options.sockets ?? 64);
  return {
    started,
    client,
    pid: started.child.pid,
    async close() {
      client.close();
      await stop(started.child);
    },
  };
}
