import { execFile, spawn } from 'node:child_process';
import { randomInt } from 'node:crypto';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { load } from 'js-yaml';
import { waitFor } from '../support/wait-for';
import { logLines } from '../support/process';

const ROOT = join(__dirname, '..', '..');
const run = promisify(execFile);
const read = (file: string) => readFileSync(join(ROOT, file), 'utf8');

type Service = Record<string, unknown>;

/** Compose's `<<` merge keys (js-yaml reads them as plain keys): the service as compose sees it. */
function merged(value: unknown): Service {
  if (typeof value !== 'object' || value === null) return {};
  const { '<<': base, ...own } = value as Service;
  const bases = Array.isArray(base) ? base : base === undefined ? [] : [base];
  return Object.assign({}, ...bases.map(merged), own) as Service;
}

/** A command as compose or Docker runs it: an exec array, or a string for the shell. */
function argv(command: unknown): string[] {
  if (Array.isArray(command)) {
    const words = command.map(String);
    return words[0] === 'CMD' ? words.slice(1) : words[0] === 'CMD-SHELL' ? [] : words;
  }
  return typeof command === 'string' ? command.split(/\s+/).filter(Boolean) : [];
}

/** Every command the compose files run in Stegvis's own image (not KurrentDB's or Redis's). */
function composeCommands(file: string): string[][] {
  const services = (load(read(file)) as { services: Record<string, unknown> }).services;
  const mainFile = (load(read('docker-compose.yml')) as { services: Record<string, unknown> })
    .services;
  const ours = (name: string) => {
    const service = merged(mainFile[name]);
    return (
      service.build !== undefined ||
      (typeof service.image === 'string' && service.image.includes('STEGVIS_IMAGE'))
    );
  };
  return Object.entries(services)
    .filter(([name]) => ours(name))
    .flatMap(([, raw]) => {
      const service = merged(raw);
      const healthcheck = merged(service.healthcheck);
      return [argv(service.entrypoint), argv(service.command), argv(healthcheck.test)];
    })
    .filter((command) => command.length > 0);
}

/** The Dockerfile's CMD, ENTRYPOINT and HEALTHCHECK (exec form), with continuation lines joined. */
function dockerfileCommands(): string[][] {
  const lines = read('Dockerfile')
    .replace(/\\\n\s*/g, ' ')
    .split('\n');
  return lines
    .map((line) => /^(?:CMD|ENTRYPOINT|HEALTHCHECK .*?CMD)\s+(\[.*\])\s*$/.exec(line)?.[1])
    .filter((json): json is string => json !== undefined)
    .map((json) => JSON.parse(json) as string[]);
}

/** `COPY --from=build /app/<path>`: what the runtime stage takes from the build. */
function dockerfileCopiedFromBuild(): string[] {
  return [...read('Dockerfile').matchAll(/^COPY --from=build \/app\/(\S+) /gm)].map(
    (m) => m[1] ?? '',
  );
}

/** Every `node <file>` and `npm run <script>` the operations guide tells an operator to run. */
function guideCommands(): string[][] {
  const text = read('docs/production.md');
  const node = [...text.matchAll(/\bnode (dist\/\S+\.js)/g)].map((m) => ['node', m[1] ?? '']);
  const npm = [...text.matchAll(/\bnpm run ([\w:-]+)/g)].map((m) => ['npm', 'run', m[1] ?? '']);
  return [...node, ...npm];
}

/*
 * The image runs `npm run build` and then only what is in dist/: so build the same way here and
 * check that every program the compose files, the Dockerfile and docs/production.md start is in
 * the build, and that it loads (a missing module or path alias fails at once). There is no
 * Docker engine on these machines: the image itself is not built, its recipe is.
 */
describe('the built output the image ships', () => {
  const dataDir = mkdtempSync(join(tmpdir(), 'stegvis-built-'));
  afterAll(() => rmSync(dataDir, { recursive: true, force: true }));

  const commands = [
    ...composeCommands('docker-compose.yml'),
    ...composeCommands('docker-compose.cluster.yml'),
    ...dockerfileCommands(),
    ...guideCommands(),
  ];
  const programs = [
    ...new Set(commands.filter((c) => c[0] === 'node').map((c) => c[1] ?? '')),
  ].sort();
  const scripts = [...new Set(commands.filter((c) => c[0] === 'npm').map((c) => c[2] ?? ''))];

  beforeAll(async () => {
    // From nothing: what an earlier build left in dist/ must not count.
    rmSync(join(ROOT, 'dist'), { recursive: true, force: true });
    await run('npm', ['run', 'build'], { cwd: ROOT, maxBuffer: 16 * 1024 * 1024 });
  }, 600_000);

  it('finds the commands in the files (the api, the worker, the health check, event-log)', () => {
    expect(programs).toEqual(
      expect.arrayContaining([
        'dist/apps/api/main.js',
        'dist/apps/worker/main.js',
        'dist/apps/worker/healthcheck.js',
        'dist/tools/scripts/event-log.js',
      ]),
    );
    for (const command of commands) {
      // `node -e …` or any other interpreter would run code that no test here has seen.
      expect([command, ['node', 'npm'].includes(command[0] ?? '')]).toEqual([command, true]);
      if (command[0] === 'node') expect(command[1]).toMatch(/^dist\/.+\.js$/);
    }
  });

  it('holds every program they run, and each one loads', async () => {
    for (const program of programs)
      expect([program, existsSync(join(ROOT, program))]).toEqual([program, true]);
    for (const path of dockerfileCopiedFromBuild())
      expect([path, existsSync(join(ROOT, path))]).toEqual([path, true]);
    const declared = (JSON.parse(read('package.json')) as { scripts: Record<string, string> })
      .scripts;
    for (const script of scripts) expect([script, script in declared]).toEqual([script, true]);

    // Each entry point loads all its modules before reading the configuration: a bad setting
    // is then refused in its own words, proving that everything it imports is there.
    const entryPoints = programs.filter((p) => p.endsWith('/main.js'));
    for (const program of entryPoints) {
      const result = await runProgram(program, [], { PORT: 'x', WORKER_PORT: 'x' });
      const fatal = logLines(result.stdout).find((l) => l.level === 60);
      expect([program, result.code, fatal?.msg]).toEqual([
        program,
        1,
        expect.stringMatching(/^Ogiltig konfiguration: /),
      ]);
    }
    const eventLog = await runProgram('dist/tools/scripts/event-log.js', ['--help'], {});
    expect([eventLog.code, eventLog.stdout + eventLog.stderr]).toEqual([
      0,
      expect.stringMatching(/event-log export/),
    ]);
  }, 120_000);

  it('creates a user from a shell with the built user tool, the password from stdin', async () => {
    const userData = mkdtempSync(join(tmpdir(), 'stegvis-user-'));
    try {
      const created = await runProgram(
        'dist/apps/api/user.js',
        ['create', '--role', 'admin', '--email', 'admin@exempel.se', '--password-stdin'],
        { DATA_DIR: userData },
        'ett långt lösenord för testet',
      );
      expect([created.code, created.stdout.trim()]).toEqual([
        0,
        expect.stringMatching(/^U-\w{10}$/),
      ]);
      expect(created.stderr + created.stdout).not.toContain('ett långt lösenord');
    } finally {
      rmSync(userData, { recursive: true, force: true });
    }
  }, 60_000);

  it("the health check answers for the built API, as the image's HEALTHCHECK runs it", async () => {
    const port = String(randomInt(20_000, 40_000));
    const env = {
      PORT: port,
      WORKER_PORT: String(Number(port) + 1),
      DATA_DIR: dataDir,
      AUTH_SECRET: 'b'.repeat(40),
    };
    const healthcheck = dockerfileCommands().find((c) => c[1]?.includes('healthcheck')) ?? [];
    const check = () => runProgram(healthcheck[1] ?? '', [], env);
    expect((await check()).code).toBe(1); // nothing listens yet

    const api = spawn(process.execPath, ['dist/apps/api/main.js'], {
      cwd: ROOT,
      env: { ...process.env, LOG_LEVEL: 'warn', ...env },
      stdio: 'ignore',
    });
    try {
      await waitFor(async () => (await check()).code === 0, {
        timeoutMs: 60_000,
        intervalMs: 250,
        message: 'the built API healthy',
      });
    } finally {
      api.kill('SIGKILL');
    }
  }, 120_000);
});

function runProgram(
  program: string,
  args: readonly string[],
  env: Record<string, string>,
  stdin = '',
): Promise<{ code: number; stdout: string; stderr: string }> {
  const running = run(process.execPath, [program, ...args], {
    cwd: ROOT,
    env: { ...process.env, LOG_LEVEL: 'info', ...env },
  });
  running.child.stdin?.end(stdin);
  return running.then(
    ({ stdout, stderr }) => ({ code: 0, stdout, stderr }),
    (error: { code?: number; stdout?: string; stderr?: string }) => ({
      code: typeof error.code === 'number' ? error.code : -1,
      stdout: error.stdout ?? '',
      stderr: error.stderr ?? '',
    }),
  );
}
