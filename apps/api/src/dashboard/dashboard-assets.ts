import { createHash } from 'node:crypto';
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';

/** A file the dashboard serves: its bytes, media type and a strong validator. */
export type Asset = { readonly body: Buffer; readonly type: string; readonly etag: string };

type AssetSource = { readonly type: string; readonly path: () => string | undefined };

const JS = 'text/javascript; charset=utf-8';

/** The page's own files, in the assets folder next to this module. */
const PAGE_FILES: Readonly<Record<string, string>> = {
  'index.html': 'text/html; charset=utf-8',
  'dashboard.css': 'text/css; charset=utf-8',
  'favicon.svg': 'image/svg+xml',
  // The page's ES modules: app.js and everything it imports, directly or through another module.
  'app.js': JS,
  'api.js': JS,
  'charts.js': JS,
  'dom.js': JS,
  'exit-tables.js': JS,
  'figures.js': JS,
  'format.js': JS,
  'goals.js': JS,
  'interventions.js': JS,
  'loading.js': JS,
  'messages.js': JS,
  'render.js': JS,
  'report-charts.js': JS,
  'selection.js': JS,
  'session.js': JS,
  'state.js': JS,
  'token.js': JS,
  'view.js': JS,
};

/**
 * Every file the dashboard may serve, by the name used in its URL. Nothing outside this list is
 * ever read, so a path like `/assets/..%2fpackage.json` cannot reach the file system.
 */
const SOURCES: ReadonlyMap<string, AssetSource> = new Map<string, AssetSource>([
  ...Object.entries(PAGE_FILES).map(([file, type]): [string, AssetSource] => [
    file,
    {
      type,
      path: () => {
        const folder = assetDirectory();
        return folder === undefined ? undefined : join(folder, file);
      },
    },
  ]),
  // chart.js exports no subpath for its UMD build, so find it next to the package's main file.
  [
    'chart.umd.js',
    { type: JS, path: () => join(dirname(require.resolve('chart.js')), 'chart.umd.js') },
  ],
]);

let directory: string | null | undefined;

/**
 * The folder with the page's files. `nest build` compiles TypeScript only and copies no other
 * files, so when running from dist/ the sources' folder is found by walking up to the checkout.
 */
function assetDirectory(): string | undefined {
  if (directory !== undefined) return directory ?? undefined;
  const candidates = [join(__dirname, 'assets')];
  for (let dir = __dirname; ; dir = dirname(dir)) {
    candidates.push(join(dir, 'apps', 'api', 'src', 'dashboard', 'assets'));
    if (dirname(dir) === dir) break;
  }
  directory = candidates.find((candidate) => existsSync(join(candidate, 'index.html'))) ?? null;
  return directory ?? undefined;
}

const cache = new Map<string, Asset>();

/** The named asset, read once and kept in memory; undefined if it is not on the allow-list. */
export function loadAsset(name: string): Asset | undefined {
  const cached = cache.get(name);
  if (cached) return cached;
  const source = SOURCES.get(name);
  if (!source) return undefined;
  const path = source.path();
  if (path === undefined || !existsSync(path)) return undefined;
  let body = readFileSync(path);
  if (name === 'chart.umd.js') {
    // The source map is not served; drop the comment pointing at it.
    body = Buffer.from(body.toString('utf8').replace(/\n\/\/# sourceMappingURL=\S+\s*$/, '\n'));
  }
  const etag = `"${createHash('sha256').update(body).digest('base64url').slice(0, 27)}"`;
  const asset = { body, type: source.type, etag };
  cache.set(name, asset);
  return asset;
}

/** Names that may be requested under /assets/ (the page itself is served at /). */
export const ASSET_NAMES: readonly string[] = [...SOURCES.keys()].filter(
  (name) => name !== 'index.html',
);

/**
 * Headers of every dashboard response. The page runs only its own scripts and styles (no inline
 * code, no third parties) and talks only to this origin.
 */
export const SECURITY_HEADERS: Readonly<Record<string, string>> = {
  'Content-Security-Policy': [
    "default-src 'none'",
    "script-src 'self'",
    "style-src 'self'",
    "img-src 'self'",
    "connect-src 'self'",
    "base-uri 'none'",
    "form-action 'self'",
    "frame-ancestors 'none'",
  ].join('; '),
  'X-Content-Type-Options': 'nosniff',
  'X-Frame-Options': 'DENY',
  'Referrer-Policy': 'no-referrer',
  'Cross-Origin-Opener-Policy': 'same-origin',
  'Cross-Origin-Resource-Policy': 'same-origin',
  'Permissions-Policy': 'camera=(), microphone=(), geolocation=(), interest-cohort=()',
  'Cache-Control': 'no-cache',
};
