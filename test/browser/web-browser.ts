import { mkdirSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core';
import { startApi, type Api } from '../support/api-harness';

/**
 * Debian's Chromium, headless, with nothing reaching out to the network, in Swedish as a
 * Swedish user's browser is: its own controls (a date field reads ÅÅÅÅ-MM-DD) follow the UI
 * language. Debian ships only the en-US language pack (chromium-l10n has the others), so
 * `--lang` alone falls back to English; the Blink feature makes the controls follow the page's
 * `lang="sv"` instead.
 */
export const CHROMIUM_ARGS = [
  '--lang=sv-SE',
  '--enable-blink-features=LangAttributeAwareFormControlUI',
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

export const launch = (): Promise<Browser> =>
  chromium.launch({ executablePath: '/usr/bin/chromium', args: CHROMIUM_ARGS });

/** The API of a spec file and its browser; read the fields once the file's beforeAll has run. */
export type WebUnderTest = {
  readonly api: Api;
  readonly browser: Browser;
  /** Where the API listens, e.g. http://127.0.0.1:41234 */
  readonly baseUrl: string;
};

/**
 * For a spec's top level: the API on SQLite listening on a free port and headless Chromium,
 * started together before the file's tests (before the file's own beforeAll hooks, which may
 * register data) and stopped after them.
 */
export function webUnderTest(): WebUnderTest {
  let started: WebUnderTest | undefined;
  beforeAll(async () => {
    const [apiStart, browserStart] = await Promise.allSettled([startApi(), launch()]);
    if (apiStart.status === 'rejected' || browserStart.status === 'rejected') {
      // Nothing left running to keep jest from exiting.
      if (apiStart.status === 'fulfilled') await apiStart.value.close();
      if (browserStart.status === 'fulfilled') await browserStart.value.close();
      throw apiStart.status === 'rejected'
        ? apiStart.reason
        : (browserStart as PromiseRejectedResult).reason;
    }
    const [api, browser] = [apiStart.value, browserStart.value];
    await api.app.listen(0, '127.0.0.1');
    const baseUrl = (await api.app.getUrl()).replace('[::1]', '127.0.0.1');
    started = { api, browser, baseUrl };
  });
  afterAll(async () => {
    await started?.browser.close();
    await started?.api.close();
  });
  const field = <K extends keyof WebUnderTest>(key: K): WebUnderTest[K] => {
    if (started === undefined) throw new Error('webUnderTest() is read before its beforeAll ran');
    return started[key];
  };
  return {
    get api() {
      return field('api');
    },
    get browser() {
      return field('browser');
    },
    get baseUrl() {
      return field('baseUrl');
    },
  };
}

export type Tab = {
  readonly context: BrowserContext;
  readonly page: Page;
  readonly errors: string[];
};

/** A fresh browser session (its own sessionStorage), recording console and page errors. */
export async function openTab(
  browser: Browser,
  viewport: { width: number; height: number } = { width: 1366, height: 900 },
): Promise<Tab> {
  const context = await browser.newContext({ viewport, locale: 'sv-SE', acceptDownloads: true });
  const page = await context.newPage();
  const errors: string[] = [];
  page.on('console', (message) => {
    if (message.type() === 'error') errors.push(message.text());
  });
  page.on('pageerror', (error) => errors.push(`pageerror: ${error.message}`));
  return { context, page, errors };
}

/**
 * For a spec's top level: opens fresh tabs in the browser (launched in its beforeAll), each
 * closed after the test that opened it.
 */
export function tabsPerTest(
  browser: () => Browser,
): (viewport?: { width: number; height: number }) => Promise<Tab> {
  const opened: Tab[] = [];
  afterEach(async () => {
    for (const tab of opened.splice(0)) await tab.context.close();
  });
  return async (viewport) => {
    const tab = await openTab(browser(), viewport);
    opened.push(tab);
    return tab;
  };
}

/** Signs in on /logga-in with a token, as a developer pastes it (a JWT or a personal API token). */
export async function signInWithToken(page: Page, token: string): Promise<void> {
  const field = page.getByLabel('Token', { exact: true });
  // The token form is folded away below the real sign-in; open it as a person would.
  if (!(await field.isVisible())) {
    await page.getByText('Logga in med en API-token (för skript och utvecklare)').click();
  }
  await field.fill(token);
  await page.getByRole('button', { name: 'Logga in med token', exact: true }).click();
}

/** The page's main heading (h1) with this name, once shown. */
export const heading = (page: Page, name: string | RegExp) =>
  page.getByRole('heading', { level: 1, name });

/** Text as a person reads it: no-break and narrow spaces as plain spaces, collapsed. */
export const readable = (text: string | null): string =>
  (text ?? '')
    .replace(/[\u00a0\u202f]/g, ' ')
    .replace(/\s+/g, ' ')
    .trim();

const AXE = readFileSync(require.resolve('axe-core/axe.min.js'), 'utf8');

/**
 * The serious and critical accessibility violations axe-core finds on the page as it is now.
 * axe is evaluated through the DevTools protocol, which the page's CSP does not govern.
 */
export async function seriousViolations(page: Page): Promise<string[]> {
  await page.evaluate(AXE);
  const found: { id: string; impact: string; targets: string[] }[] = await page.evaluate(`
    axe.run(document, { resultTypes: ['violations'] }).then((result) =>
      result.violations.map((v) => ({
        id: v.id,
        impact: v.impact,
        targets: v.nodes.map((n) => n.target.join(' ')),
      })),
    )`);
  return found
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .map((v) => `${v.impact} ${v.id}: ${v.targets.join(', ')}`);
}

/**
 * Where screenshots go: docs/screenshots when STEGVIS_SCREENSHOTS names it (npm run
 * screenshots), a temporary folder otherwise, so a test run never changes the checkout.
 */
export function screenshotPath(name: string): string {
  const folder = process.env.STEGVIS_SCREENSHOTS ?? join(tmpdir(), 'stegvis-screenshots');
  mkdirSync(folder, { recursive: true });
  return join(folder, name);
}
