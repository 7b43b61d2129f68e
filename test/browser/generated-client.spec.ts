import { spawnSync } from 'node:child_process';
import { join } from 'node:path';

/**
 * The web application calls the API only through types generated from the OpenAPI document
 * (apps/web/src/api). When the API changes and they are not regenerated, this fails and says
 * what to run.
 */
it('has the OpenAPI document and the generated client types of the API as it is now', () => {
  const run = spawnSync(
    process.execPath,
    ['-r', '@swc-node/register', 'apps/api/scripts/openapi-client.ts', '--check'],
    { cwd: join(__dirname, '..', '..'), encoding: 'utf8', timeout: 60_000 },
  );
  expect(run.stderr).toBe('');
  expect(run.status).toBe(0);
}, 90_000);
