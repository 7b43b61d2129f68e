import type { RequestHandler } from 'express';
import helmet, { type HelmetOptions } from 'helmet';

/** Headers every answer shares, whatever it is (helmet's defaults, tightened). */
const common: HelmetOptions = {
  frameguard: { action: 'deny' },
  referrerPolicy: { policy: 'no-referrer' },
  // Not includeSubDomains: Stegvis may share a domain with services it knows nothing of.
  strictTransportSecurity: { maxAge: 31_536_000, includeSubDomains: false },
};

/** An API answer is data, never a page: nothing in it may run, load or be framed. */
const api = helmet({
  ...common,
  contentSecurityPolicy: {
    useDefaults: false,
    directives: {
      defaultSrc: ["'none'"],
      baseUri: ["'none'"],
      formAction: ["'none'"],
      frameAncestors: ["'none'"],
    },
  },
});

/**
 * Swagger UI at /docs: its own scripts and styles only. Its page carries inline styles (a
 * `<style>` block, style attributes in its icons) and its stylesheet data: images; no inline
 * script and no eval, and it reads the document from this origin.
 */
const docs = helmet({
  ...common,
  contentSecurityPolicy: {
    useDefaults: false,
    directives: {
      defaultSrc: ["'self'"],
      scriptSrc: ["'self'"],
      styleSrc: ["'self'", "'unsafe-inline'"],
      imgSrc: ["'self'", 'data:'],
      connectSrc: ["'self'"],
      objectSrc: ["'none'"],
      baseUri: ["'none'"],
      formAction: ["'self'"],
      frameAncestors: ["'none'"],
    },
  },
});

const isDocs = (path: string) => path === '/docs' || path.startsWith('/docs/');

/**
 * Secure headers on every answer (issue 9 item 18). Answers are not cached either (histories,
 * lists and reports carry one user's view of personal follow-up data), unless a route says
 * otherwise: the web application's page revalidates and its hashed files are kept, Swagger UI's
 * files are public.
 */
export const secureHeaders: RequestHandler = (req, res, next) => {
  if (isDocs(req.path)) {
    docs(req, res, next);
    return;
  }
  res.setHeader('Cache-Control', 'no-store');
  api(req, res, next);
};
