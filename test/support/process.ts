import { spawn, type ChildProcess } from 'node:child_process';
import { join } from 'node:path';

const ROOT = join(__dirname, '..', '..');

export type Started = { readonly child: ChildProcess; readonly url: string; output(): string };

/** A line of a process's log: every line it writes is one JSON object (pino). */
export type LogLine = { level: number; msg?: string; url?: string } & Record<string, unknown>;

/** The complete lines of the output, parsed; a line that is not JSON is returned as `msg`. */
export function logLines(output: string): LogLine[] {
  return output
    .split('\n')
    .slice(0, -1)
    .filter((line) => line !== '')
    .map((line) => {
      try {
        return JSON.parse(line) as LogLine;
      } catch {
        return { level: Number.NaN, msg: line, notJson: true };
      }
    });
}

/** Starts the API entry point as its own process, the way `npm start` runs it, and waits for its URL. */
export function startApiProcess(env: Record<string, string>, timeoutMs = 30_000): Promise<Started> {
  return startProcess('apps/api/src/main.ts', 'Stegvis körs på ', env, timeoutMs);
}

/** Starts the worker entry point and waits until it says it runs (and where its health is). */
export function startWorkerProcess(
  env: Record<string, string>,
  timeoutMs = 30_000,
): Promise<Started> {
  return startProcess(
    'apps/worker/src/main.ts',
    'Stegvis arbetsprocess körs',
    { WORKER_PORT: '0', ...env },
    timeoutMs,
  );
}

/** Spawns the entry point and waits for its banner: the log line starting with `banner`, and its `url`. */
function startProcess(
  entry: string,
  banner: string,
  env: Record<string, string>,
  timeoutMs: number,
): Promise<Started> {
  const child = spawn(process.execPath, ['-r', '@swc-node/register', entry], {
    cwd: ROOT,
    env: { ...process.env, LOG_LEVEL: 'silent', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  const collect = (chunk: Buffer) => (output += chunk.toString());
  child.stdout.on('data', collect);
  child.stderr.on('data', collect);
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => {
      child.kill('SIGKILL');
      reject(new Error(`${entry} did not start within ${timeoutMs} ms:\n${output}`));
    }, timeoutMs);
    const check = () => {
      const url = logLines(output).find((l) => l.msg?.startsWith(banner))?.url;
      if (!url) return;
      clearTimeout(timer);
      child.stdout.off('data', check);
      resolve({ child, url, output: () => output });
    };
    child.stdout.on('data', check);
    child.on('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`${entry} exited with ${code}:\n${output}`));
    });
  });
}

/** Runs the entry point to completion (for configurations that must refuse to start). */
export function runApiProcess(
  env: Record<string, string>,
): Promise<{ code: number | null; output: string }> {
  const child = spawn(process.execPath, ['-r', '@swc-node/register', 'apps/api/src/main.ts'], {
    cwd: ROOT,
    env: { ...process.env, ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  child.stdout.on('data', (c: Buffer) => (output += c.toString()));
  child.stderr.on('data', (c: Buffer) => (output += c.toString()));
  return new Promise((resolve) => child.on('exit', (code) => resolve({ code, output })));
}

export function stop(
  child: ChildProcess,
  signal: NodeJS.Signals = 'SIGTERM',
): Promise<number | null> {
  return new Promise((resolve) => {
    // A process killed by a signal has no exit code, only a signal code.
    if (child.exitCode !== null || child.signalCode !== null) return resolve(child.exitCode);
    child.once('exit', (code) => resolve(code));
    child.kill(signal);
  });
}

/** Runs `npm run token -- …` as a person would (the same command line), to completion. */
export function runToken(
  args: readonly string[],
  env: Record<string, string>,
): Promise<{ code: number | null; stdout: string; stderr: string }> {
  const child = spawn(process.execPath, ['-r', '@swc-node/register', 'scripts/token.ts', ...args], {
    cwd: ROOT,
    env: { ...process.env, ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let stdout = '';
  let stderr = '';
  child.stdout.on('data', (c: Buffer) => (stdout += c.toString()));
  child.stderr.on('data', (c: Buffer) => (stderr += c.toString()));
  return new Promise((resolve) => child.on('exit', (code) => resolve({ code, stdout, stderr })));
}

/** Runs `npm run user -- …` as a person would, with `stdin` (the password) piped in. */
export function runUser(
  args: readonly string[],
  env: Record<string, string>,
  stdin: string,
): Promise<{ code: number | null; stdout: string; stderr: string }> {
  const child = spawn(
    process.execPath,
    ['-r', '@swc-node/register', 'apps/api/scripts/user.ts', ...args],
    {
      cwd: ROOT,
      env: { ...process.env, ...env },
      stdio: ['pipe', 'pipe', 'pipe'],
    },
  );
  let stdout = '';
  let stderr = '';
  child.stdout.on('data', (c: Buffer) => (stdout += c.toString()));
  child.stderr.on('data', (c: Buffer) => (stderr += c.toString()));
  child.stdin.end(stdin);
  return new Promise((resolve) => child.on('exit', (code) => resolve({ code, stdout, stderr })));
}
