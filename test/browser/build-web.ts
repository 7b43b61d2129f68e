import { execFileSync } from 'node:child_process';
import { join } from 'node:path';

/**
 * Jest's global setup: builds the web application (apps/web → dist/web) once before any test,
 * so the browser tests of a fresh clone run against the current sources.
 */
export default function buildWeb(): void {
  execFileSync('npm', ['run', '--silent', 'build:web'], {
    cwd: join(__dirname, '..', '..'),
    // Jest sets NODE_ENV=test, which would make Vite bundle React's development build.
    env: { ...process.env, NODE_ENV: 'production' },
    stdio: ['ignore', 'ignore', 'inherit'],
  });
}
