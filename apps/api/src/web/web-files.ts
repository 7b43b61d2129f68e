import { createHash } from 'node:crypto';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { dirname, extname, join } from 'node:path';

/** A built file of the web application: its bytes, media type and a strong validator. */
export type WebFile = { readonly body: Buffer; readonly type: string; readonly etag: string };

/** The built application: its page and the hashed files under /static/, by name. */
export type WebBuild = { readonly page: WebFile; readonly assets: ReadonlyMap<string, WebFile> };

const TYPES: Readonly<Record<string, string>> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.woff2': 'font/woff2',
};

/**
 * The folder `vite build` writes (dist/web at the checkout's root). The API runs from the
 * sources in tests and from dist/apps/api/… in production, so walk up until it is found.
 */
function buildDirectory(): string | undefined {
  for (let dir = __dirname; ; dir = dirname(dir)) {
    const candidate = join(dir, 'dist', 'web');
    if (existsSync(join(candidate, 'index.html'))) return candidate;
    if (dirname(dir) === dir) return undefined;
  }
}

function file(path: string): WebFile {
  const body = readFileSync(path);
  const etag = `"${createHash('sha256').update(body).digest('base64url').slice(0, 27)}"`;
  return { body, type: TYPES[extname(path)] ?? 'application/octet-stream', etag };
}

let loaded: WebBuild | null | undefined;

/**
 * The build, read once and kept in memory (`npm start` rebuilds and restarts together).
 * Only the files listed here are ever served, so no request path reaches the file system.
 */
export function webBuild(): WebBuild | undefined {
  if (loaded !== undefined) return loaded ?? undefined;
  const directory = buildDirectory();
  if (directory === undefined) {
    // Not cached: a build made after the API started is picked up on the next request.
    return undefined;
  }
  const staticDir = join(directory, 'static');
  const names = existsSync(staticDir) ? readdirSync(staticDir) : [];
  loaded = {
    page: file(join(directory, 'index.html')),
    assets: new Map(
      names
        .filter((name) => TYPES[extname(name)])
        .map((name) => [name, file(join(staticDir, name))]),
    ),
  };
  return loaded;
}
