import { spawnSync } from 'node:child_process';
import { join } from 'node:path';

/**
 * `npm run lint` refuses a cast of an API call in the web application (DESIGN §5): the
 * generated client's types are the only ones the app calls the API with.
 */
const ROOT = join(__dirname, '..', '..');

/** ESLint as `npm run lint` runs it, on `text` as if it were `file`. */
async function problemsIn(file: string, text: string): Promise<string[]> {
  const run = spawnSync(
    process.execPath,
    ['node_modules/eslint/bin/eslint.js', '--stdin', '--stdin-filename', file, '--format', 'json'],
    { cwd: ROOT, input: text, encoding: 'utf8', timeout: 60_000 },
  );
  const [result] = JSON.parse(run.stdout) as {
    messages: { ruleId: string | null; message: string }[];
  }[];
  return (result?.messages ?? [])
    .filter((m) => m.ruleId === null || m.ruleId === 'no-restricted-syntax')
    .map((m) => `${m.ruleId ?? 'parse'}: ${m.message}`);
}

const CALL = `import { api, send } from './client';
type Job = { jobId: string };
export const start = async () => (await send(api.POST('/v1/admin/read-models/rebuild'))) as Job;
`;

it('refuses a cast of a client call in a page', async () => {
  const problems = await problemsIn(
    'apps/web/src/pages/report/goals.tsx',
    CALL.replace("'./client'", "'../../api/client'"),
  );
  expect(problems).toEqual([
    expect.stringMatching(/^no-restricted-syntax: Ingen typomvandling av ett API-anrop/),
  ]);
}, 60_000);

it('refuses any cast in the API layer, but not `as const`', async () => {
  const problems = await problemsIn(
    'apps/web/src/api/exports.ts',
    `${CALL}export const TYPES = ['csv'] as const;\n`,
  );
  expect(problems).toEqual([
    expect.stringMatching(/^no-restricted-syntax: Ingen typomvandling i API-lagret/),
  ]);
}, 60_000);

it('accepts the same call typed by the generated client', async () => {
  const problems = await problemsIn(
    'apps/web/src/api/exports.ts',
    `import { api, send } from './client';
export const start = async () => (await send(api.POST('/v1/admin/read-models/rebuild'))).jobId;
`,
  );
  expect(problems).toEqual([]);
}, 60_000);
