import { chromium, type Browser } from 'playwright-core';
import { startApi, type Api } from '../support/api-harness';

/**
 * Swagger UI at /docs under its own Content-Security-Policy (issue 9 item 18): it must still load
 * its scripts and styles and show every route, with no policy violation.
 */
jest.setTimeout(60_000);

let api: Api;
let browser: Browser;
let baseUrl: string;

beforeAll(async () => {
  api = await startApi();
  await api.app.listen(0, '127.0.0.1');
  baseUrl = (await api.app.getUrl()).replace('[::1]', '127.0.0.1');
  browser = await chromium.launch({
    executablePath: '/usr/bin/chromium',
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--no-first-run'],
  });
});

afterAll(async () => {
  await browser?.close();
  await api?.close();
});

it('shows the routes of the API with no CSP violation', async () => {
  const page = await browser.newPage();
  const problems: string[] = [];
  page.on('console', (message) => {
    if (message.type() === 'error') problems.push(message.text());
  });
  page.on('pageerror', (error) => problems.push(error.message));
  await page.goto(`${baseUrl}/docs`);
  await page.locator('.opblock').first().waitFor({ timeout: 20_000 });
  expect(await page.locator('.opblock').count()).toBeGreaterThan(15);
  await expect(page.locator('.info .title').innerText()).resolves.toMatch(/Stegvis API/);
  expect(problems).toEqual([]);
  await page.close();
});
