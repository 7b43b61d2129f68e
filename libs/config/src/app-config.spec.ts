import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ConfigError, loadConfig } from './app-config';

describe('loadConfig', () => {
  const dataDir = mkdtempSync(join(tmpdir(), 'stegvis-config-'));
  afterAll(() => rmSync(dataDir, { recursive: true, force: true }));

  it('refuses production without AUTH_SECRET, in Swedish, saying what to set', () => {
    for (const secret of [undefined, '']) {
      const load = () =>
        loadConfig({ NODE_ENV: 'production', DATA_DIR: dataDir, AUTH_SECRET: secret });
      expect(load).toThrow(ConfigError);
      expect(load).toThrow(/AUTH_SECRET saknas: i produktion \(NODE_ENV=production\) måste/);
    }
  });

  it('takes AUTH_SECRET in production, and makes a development secret elsewhere', () => {
    const secret = 's'.repeat(32);
    expect(loadConfig({ NODE_ENV: 'production', AUTH_SECRET: secret }).auth).toMatchObject({
      secret,
      generated: false,
    });
    expect(loadConfig({ DATA_DIR: dataDir }).auth.generated).toBe(true);
    expect(loadConfig({ NODE_ENV: 'development', DATA_DIR: dataDir }).auth.generated).toBe(true);
  });

  it('has a port of its own for the worker', () => {
    expect(loadConfig({ DATA_DIR: dataDir }).workerPort).toBe(3001);
    expect(loadConfig({ DATA_DIR: dataDir, WORKER_PORT: '0' }).workerPort).toBe(0);
    expect(() => loadConfig({ DATA_DIR: dataDir, WORKER_PORT: 'x' })).toThrow(/WORKER_PORT/);
  });
});
