import { startApi, type Api } from '../support/api-harness';

/**
 * apps/api serves the built web application (dist/web, built by jest's global setup): its page
 * at the Swedish addresses of DESIGN §8 with a strict CSP, its hashed files for good, and
 * nothing of the API changes.
 */
let api: Api;
beforeAll(async () => {
  api = await startApi();
});
afterAll(async () => {
  await api?.close();
});

const HTML = { Accept: 'text/html,application/xhtml+xml,*/*;q=0.8' };

it('answers the pages of DESIGN §8 with the page, under a strict CSP and not cached', async () => {
  for (const path of [
    '/',
    '/logga-in',
    '/rapport',
    '/export',
    '/konto',
    '/deltagare',
    '/deltagare/ny',
    '/installningar',
  ]) {
    const res = await api.http.get(path).set(HTML);
    expect([path, res.status]).toEqual([path, 200]);
    expect(res.headers['content-type']).toMatch(/^text\/html/);
    expect(res.headers['cache-control']).toBe('no-cache');
    const csp = res.headers['content-security-policy'] as string;
    expect(csp).toContain("default-src 'none'");
    expect(csp).toContain("script-src 'self'");
    expect(csp).toContain("style-src 'self'");
    expect(csp).not.toContain('unsafe');
    expect(res.text).toContain('<html lang="sv">');
    // No inline scripts or styles: every <script> has a src, and there is no <style> or style="".
    expect(res.text).not.toMatch(/<script(?![^>]*\ssrc=)[^>]*>/);
    expect(res.text).not.toMatch(/<style|\sstyle=/);
  }
  const page = await api.http.get('/rapport').set(HTML);
  await api.http
    .get('/rapport')
    .set({ ...HTML, 'If-None-Match': page.headers.etag })
    .expect(304);
});

it('answers any other address a browser opens with the page and status 404', async () => {
  const res = await api.http.get('/finns-inte').set(HTML).expect(404);
  expect(res.headers['content-type']).toMatch(/^text\/html/);
  expect(res.text).toContain('<html lang="sv">');
});

it('serves the hashed files for good, and nothing that is not in the build', async () => {
  const page = await api.http.get('/rapport').set(HTML);
  const scripts = [...page.text.matchAll(/src="(\/static\/[^"]+\.js)"/g)].map((m) => m[1]);
  expect(scripts.length).toBeGreaterThan(0);
  const script = await api.http.get(scripts[0]!).expect(200);
  expect(script.headers['content-type']).toMatch(/^text\/javascript/);
  expect(script.headers['cache-control']).toBe('public, max-age=31536000, immutable');
  expect(script.headers['x-content-type-options']).toBe('nosniff');
  for (const path of [
    '/static/finns-inte.js',
    '/static/..%2F..%2Fpackage.json',
    '/static/../index.html',
    '/static/',
  ]) {
    const res = await api.http.get(path).set(HTML);
    expect([path, res.status]).toEqual([path, 404]);
    expect([path, res.headers['content-type']]).toEqual([
      path,
      expect.stringMatching(/problem\+json/),
    ]);
  }
});

it('leaves the API, its documentation, health and metrics as they were', async () => {
  const unknown = await api.http.get('/v1/finns-inte').set(HTML).expect(404);
  expect(unknown.headers['content-type']).toMatch(/^application\/problem\+json/);
  expect(unknown.body.code).toBeDefined();
  // Without Accept: text/html (a script), an unknown address stays a problem, not the page.
  const script = await api.http.get('/finns-inte').set('Accept', 'application/json').expect(404);
  expect(script.headers['content-type']).toMatch(/^application\/problem\+json/);
  const unauthenticated = await api.http.get('/v1/exports/abc').set(HTML).expect(401);
  expect(unauthenticated.headers['content-type']).toMatch(/^application\/problem\+json/);
  const docs = await api.http.get('/docs').set(HTML).expect(200);
  expect(docs.text).toContain('swagger');
  await api.http.get('/docs-json').expect(200);
  await api.http.get('/health/live').set(HTML).expect(200);
  await api.http.get('/metrics').set(HTML).expect(200);
});

it('answers / with the web application for a script too, and the old dashboard is gone', async () => {
  // DESIGN §5: `GET /` is the web application, whatever the client accepts or the link carries.
  const root = await api.http.get('/?utm_source=nyhetsbrev').set('Accept', '*/*').expect(200);
  expect(root.headers['content-type']).toMatch(/^text\/html/);
  expect(root.text).toContain('<html lang="sv">');
  expect(root.text).toMatch(/src="\/static\/[^"]+\.js"/);
  // Its files are not served: a script gets a problem, a browser the web app's 404 page.
  for (const path of ['/assets/app.js', '/assets/chart.umd.js', '/assets/dashboard.css']) {
    const script = await api.http.get(path).set('Accept', '*/*');
    expect([path, script.status, script.headers['content-type']]).toEqual([
      path,
      404,
      expect.stringMatching(/problem\+json/),
    ]);
    const browser = await api.http.get(path).set(HTML);
    expect([path, browser.status, browser.headers['content-type']]).toEqual([
      path,
      404,
      expect.stringMatching(/^text\/html/),
    ]);
  }
});
