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

  it('asks for a second factor of chiefs and admins only when AUTH_REQUIRE_TOTP=true', () => {
    expect(loadConfig({ DATA_DIR: dataDir }).auth.requireTotp).toBe(false);
    expect(loadConfig({ DATA_DIR: dataDir, AUTH_REQUIRE_TOTP: 'true' }).auth.requireTotp).toBe(
      true,
    );
    expect(() => loadConfig({ DATA_DIR: dataDir, AUTH_REQUIRE_TOTP: 'ja' })).toThrow(
      /AUTH_REQUIRE_TOTP/,
    );
  });

  it('takes the three OIDC settings together or not at all', () => {
    expect(loadConfig({ DATA_DIR: dataDir }).oidc).toBeUndefined();
    const oidc = {
      OIDC_ISSUER: 'https://login.kommun.se',
      OIDC_CLIENT_ID: 'stegvis',
      OIDC_CLIENT_SECRET: 'hemligt',
    };
    expect(loadConfig({ DATA_DIR: dataDir, ...oidc }).oidc).toEqual({
      issuer: 'https://login.kommun.se',
      clientId: 'stegvis',
      clientSecret: 'hemligt',
    });
    expect(() => loadConfig({ DATA_DIR: dataDir, OIDC_ISSUER: oidc.OIDC_ISSUER })).toThrow(
      /OIDC_ISSUER, OIDC_CLIENT_ID och OIDC_CLIENT_SECRET anges tillsammans/,
    );
  });
});
