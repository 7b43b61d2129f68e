import { Module, type OnModuleInit } from '@nestjs/common';
import { HttpAdapterHost } from '@nestjs/core';
import type { NextFunction, Request, Response } from 'express';
import { WEB_HEADERS } from './web-headers';
import { webBuild, type WebFile } from './web-files';

/**
 * The web application's pages (DESIGN §7–8), by their first path segment. `/` is one too: the
 * app sends a person on to their start page, or to /logga-in.
 */
const PAGES: ReadonlySet<string> = new Set([
  '',
  'logga-in',
  'rapport',
  'export',
  'konto',
  'deltagare',
  'installningar',
  'konfigurera',
  'inbjudan',
]);

/** The API's own addresses: never answered with the page, whatever the client accepts. */
const RESERVED: ReadonlySet<string> = new Set(['v1', 'health', 'metrics']);

/** Hashed file names change with their content, so a browser may keep them for good. */
const IMMUTABLE = 'public, max-age=31536000, immutable';

/**
 * Serves the built web application (apps/web, `vite build` → dist/web): its files under
 * /static/, its page at `/` (DESIGN §5: "GET / the web application", for a link or a script
 * alike) and at every other address a browser opens outside the API, so the app's own router
 * shows the page (or its 404 page, answered with status 404).
 *
 * The handler is added when the module initialises, which Nest does after it has registered
 * every controller's routes and before its not-found handler: it sees only requests no route
 * answered, so it can never shadow an API route, now or later.
 */
@Module({})
export class WebModule implements OnModuleInit {
  constructor(private readonly adapter: HttpAdapterHost) {}

  onModuleInit(): void {
    const express = this.adapter.httpAdapter.getInstance<{
      use(handler: (req: Request, res: Response, next: NextFunction) => void): void;
    }>();
    express.use(serveWeb);
  }
}

function serveWeb(request: Request, response: Response, next: NextFunction): void {
  if (request.method !== 'GET' && request.method !== 'HEAD') return next();
  const [, segment = '', ...rest] = request.path.split('/');
  if (segment === 'static') {
    const asset = rest.length === 1 ? webBuild()?.assets.get(rest[0] ?? '') : undefined;
    if (!asset) return next();
    send(asset, request, response, 200, IMMUTABLE);
    return;
  }
  const root = request.path === '/';
  const browsing = (request.headers.accept ?? '').includes('text/html');
  if (!root && (!browsing || RESERVED.has(segment) || segment.startsWith('docs'))) {
    return next();
  }
  const build = webBuild();
  if (!build) {
    response
      .status(503)
      .type('text/plain; charset=utf-8')
      .send('Webbapplikationen är inte byggd. Kör npm run build och starta om Stegvis.\n');
    return;
  }
  send(build.page, request, response, PAGES.has(segment) ? 200 : 404, 'no-cache');
}

function send(
  file: WebFile,
  request: Request,
  response: Response,
  status: number,
  cacheControl: string,
): void {
  response.set(WEB_HEADERS);
  response.set({ 'Cache-Control': cacheControl, ETag: file.etag });
  if (status === 200 && request.headers['if-none-match'] === file.etag) {
    response.status(304).end();
    return;
  }
  response.status(status).type(file.type).send(file.body);
}
