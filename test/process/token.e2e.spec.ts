import { readFileSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { httpClient } from '../support/http-client';
import { runToken, startApiProcess, stop, type Started } from '../support/process';

/**
 * `npm run token` against a running server with its own DATA_DIR: the tokens it mints are the
 * ones that server accepts, it says which secret it signed with, and it refuses what cannot work.
 */
describe('npm run token', () => {
  const dataDir = mkdtempSync(join(tmpdir(), 'stegvis-token-'));
  // As an operator would run both: DATA_DIR set, no AUTH_SECRET, no other settings around.
  const env = { DATA_DIR: dataDir, AUTH_SECRET: '', EVENTSTORE_URL: '', NODE_ENV: '' };
  let running: Started | undefined;
  afterAll(async () => {
    if (running) await stop(running.child, 'SIGKILL');
    rmSync(dataDir, { recursive: true, force: true });
  });

  const token = async (...args: string[]) => {
    const result = await runToken(args, env);
    expect([result.code, result.stderr]).toEqual([0, expect.stringContaining(dataDir)]);
    return result.stdout.trim();
  };

  it('mints tokens the server accepts, for what exists, and refuses the rest clearly', async () => {
    running = await startApiProcess({ ...env, PORT: '0' });
    const call = httpClient(running.url);
    const admin = await token('--role', 'admin');
    const association = await call(admin, 'POST', '/v1/associations', {
      name: 'Tokenförbundet',
      orgNumber: '222000-1974',
      parties: ['FK', 'AF'],
    });
    expect(association.status).toBe(201);
    const aid = association.body.associationId as string;
    const chief = await token('--role', 'chief', '--association', aid, '--hours', '1');
    const intervention = await call(chief, 'POST', `/v1/associations/${aid}/interventions`, {
      name: 'SamCoach',
      kind: 'individual',
      parties: ['FK', 'AF'],
      startsOn: '2025-01-01',
    });
    expect(intervention.status).toBe(201);
    const iid = intervention.body.interventionId as string;
    const staff = await token('--role', 'staff', '--association', aid, '--interventions', iid);
    expect((await call(staff, 'GET', `/v1/interventions/${iid}/participants`)).status).toBe(200);

    // It names the secret it used, never the secret itself.
    const secret = readFileSync(join(dataDir, 'dev-auth-secret'), 'utf8').trim();
    const named = await runToken(['--role', 'admin'], env);
    expect(named.stderr).toMatch(/utvecklingsnyckeln i .*dev-auth-secret/);
    expect(named.stderr + named.stdout).not.toContain(secret);
    const given = await runToken(['--role', 'admin'], { ...env, AUTH_SECRET: 'g'.repeat(40) });
    expect([given.code, given.stderr]).toEqual([
      0,
      expect.stringMatching(/AUTH_SECRET från miljön/),
    ]);
    expect(given.stderr).not.toContain('g'.repeat(40));

    const refused: [string[], RegExp][] = [
      [['--role', 'chief', '--association', 'F-0000000000'], /Förbundet F-0000000000 finns inte/],
      [['--role', 'chief', '--association', 'nej'], /"nej" är inget förbunds-id/],
      [['--role', 'chief'], /Rollen chief kräver --association/],
      [
        ['--role', 'staff', '--association', aid, '--interventions', 'I-0000000000'],
        new RegExp(`Insatsen I-0000000000 finns inte i förbundet ${aid}`),
      ],
      [['--role', 'admin', '--hours', 'åtta'], /--hours ska vara ett antal timmar större än 0/],
      [['--role', 'admin', '--hours', '0'], /--hours ska vara ett antal timmar större än 0/],
      [['--role', 'admin', '--hours', '169'], /--hours får vara högst 168 \(7 dygn\)/],
      [['--role', 'kung'], /Okänd roll "kung"/],
      [['--rol', 'admin'], /Okänt eller ofullständigt val/],
    ];
    const results = await Promise.all(refused.map(([args]) => runToken(args, env)));
    for (const [i, [args, message]] of refused.entries()) {
      const result = results[i] ?? { code: null, stdout: '', stderr: '' };
      expect([args, result.code, result.stdout]).toEqual([args, 2, '']);
      expect(result.stderr).toMatch(message);
      expect(result.stderr).not.toMatch(/\n\s+at /); // no stack trace
    }
  }, 180_000);
});
