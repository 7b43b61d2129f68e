import { webUnderTest } from './web-browser';

/**
 * Swagger UI at /docs under its own Content-Security-Policy (issue 9 item 18): it must still load
 * its scripts and styles and show every route, with no policy violation.
 */
jest.setTimeout(60_000);

const web = webUnderTest();

it('shows the routes of the API with no CSP violation', async () => {
  const page = await web.browser.newPage();
  const problems: string[] = [];
  page.on('console', (message) => {
    if (message.type() === 'error') problems.push(message.text());
  });
  page.on('pageerror', (error) => problems.push(error.message));
  await page.goto(`${web.baseUrl}/docs`);
  await page.locator('.opblock').first().waitFor({ timeout: 20_000 });
  expect(await page.locator('.opblock').count()).toBeGreaterThan(15);
  await expect(page.locator('.info .title').innerText()).resolves.toMatch(/Stegvis API/);
  expect(problems).toEqual([]);
  await page.close();
});
