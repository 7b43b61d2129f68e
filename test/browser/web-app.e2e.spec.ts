import { readFileSync } from 'node:fs';
import type { Browser, Page } from 'playwright-core';
import { signToken } from '@stegvis/credentials';
import type { Api } from '../support/api-harness';
import { registerYear, type RegisteredYear } from '../support/register-plan';
import { bearer } from '../support/world';
import { planYear } from '../support/year-plan';
import {
  heading,
  readable,
  screenshotPath,
  seriousViolations,
  signInWithToken,
  tabsPerTest,
  webUnderTest,
} from './web-browser';

/**
 * The web application (apps/web, DESIGN §8) in real headless Chromium against the real API on
 * SQLite, found by its Swedish labels and roles as a person finds them.
 */
jest.setTimeout(120_000);

const YEAR = 2025;

let api: Api;
let year: RegisteredYear;
let browser: Browser;
let baseUrl: string;
let board: string;
let chief: string;
let staff: string;
/** The report the API serves for YEAR: what the page must show. */
let report: {
  goals: { status: string; label: string }[];
  interventions: { goals: { status: string; label: string }[] }[];
};

const web = webUnderTest();

beforeAll(async () => {
  ({ api, baseUrl, browser } = web);
  year = await registerYear(api, planYear());
  const t = year.tenant;
  board = api.token('board', t.associationId, [], 'Eva Lind');
  chief = api.token('chief', t.associationId, [], 'Karin Berg');
  staff = api.token('staff', t.associationId, [t.interventionId], 'Ali Hassan');
  // A goal nobody can be counted for yet (no answers from visitors): too small a basis.
  const goals = await api.http
    .put(`/v1/interventions/${t.structuralId}/goals/${YEAR}`)
    .set(bearer(chief))
    .send({
      goals: [{ id: 'nojda', label: 'Nöjda besökare', kind: 'satisfactionShare', target: 0.8 }],
    })
    .expect(200);
  // Read your writes: the pages read after the read models have reached the last write.
  const res = await api.http
    .get(
      `/v1/associations/${t.associationId}/reports/${YEAR}?minPosition=${goals.body.position as string}`,
    )
    .set(bearer(chief))
    .expect(200);
  report = res.body;
});

const tab = tabsPerTest(() => browser);

/** Opens an address of the app, signed in with the token (through /logga-in, as a person). */
async function signedIn(token: string, path: string, viewport?: { width: number; height: number }) {
  const opened = await tab(viewport);
  await opened.page.goto(`${baseUrl}${path}`);
  await signInWithToken(opened.page, token);
  return opened;
}

const reportLoaded = (page: Page, shown: number) =>
  page
    .getByRole('status')
    .filter({ hasText: `Rapporten för ${shown} är hämtad.` })
    .waitFor();

/** The summary the page must say, counted here from the served report's goals. */
function expectedSummary(): string {
  const goals = [...report.goals, ...report.interventions.flatMap((i) => i.goals)];
  const met = goals.filter((g) => g.status === 'met').length;
  const notMet = goals.filter((g) => g.status === 'not_met').length;
  const few = goals.filter((g) => g.status === 'insufficient_data').length;
  expect(met * notMet * few).toBeGreaterThan(0); // the plan has goals of every status
  return `${met} av ${goals.length} mål uppfyllda, ${notMet} ej ${notMet === 1 ? 'uppfyllt' : 'uppfyllda'}, ${few} med för litet underlag`;
}

/** A goal's row in the goal table (a wide screen), by the goal's name. */
const goalRow = (page: Page, label: string) =>
  page
    .getByRole('row')
    .filter({ has: page.getByRole('rowheader', { name: new RegExp(`^${label}`) }) });

it('lets a board member sign in and read the goal summary and the goal list first on /rapport', async () => {
  const { page, errors } = await tab();
  await page.goto(`${baseUrl}/rapport`);
  // Not signed in: to /logga-in, saying why, and back to /rapport afterwards.
  await heading(page, 'Logga in').waitFor();
  expect(new URL(page.url()).pathname).toBe('/logga-in');
  expect(await page.getByText('Logga in för att se sidan.').isVisible()).toBe(true);
  expect(await page.getByLabel('E-post', { exact: true }).isVisible()).toBe(true);
  expect(await page.getByLabel('Lösenord', { exact: true }).isVisible()).toBe(true);
  expect(await page.getByRole('button', { name: 'Logga in', exact: true }).isVisible()).toBe(true);
  expect(
    await page
      .getByText(
        'Har du glömt lösenordet? Be din förbundschef (eller administratören) om en ny länk.',
      )
      .isVisible(),
  ).toBe(true);
  // The token sign-in is folded away: a person signing in sees only what is for them.
  expect(await page.getByLabel('Token', { exact: true }).isVisible()).toBe(false);
  await page.screenshot({ path: screenshotPath('logga-in.png'), fullPage: true });
  await signInWithToken(page, board);
  await reportLoaded(page, new Date().getFullYear());
  expect(new URL(page.url()).pathname).toBe('/rapport');
  expect(readable(await page.locator('.session__who').textContent())).toBe(
    'Eva Lind (styrelseledamot)',
  );
  // The board's navigation: the report and the account, nothing else.
  const nav = page.getByRole('navigation', { name: 'Huvudmeny' });
  expect(await nav.getByRole('link').allTextContents()).toEqual(['Rapport', 'Konto']);

  await page.getByLabel('År', { exact: true }).selectOption(String(YEAR));
  await reportLoaded(page, YEAR);
  expect(new URL(page.url()).searchParams.get('ar')).toBe(String(YEAR));
  await heading(page, `Samordningsförbundet Norr: uppföljning ${YEAR}`).waitFor();

  // The goal list comes first: its heading is the first h2 of the report.
  expect(await page.locator('main h2').first().textContent()).toBe(`Mål ${YEAR}`);
  expect(readable(await page.getByTestId('goal-summary').textContent())).toBe(expectedSummary());

  // Value against target, numerator/denominator and the status in words.
  const served = report.interventions
    .flatMap((i) => i.goals)
    .find((g) => g.label === 'Plan vid avslut');
  const plan = goalRow(page, 'Plan vid avslut');
  const planText = readable(await plan.textContent());
  expect(planText).toContain('minst 80 %');
  expect(planText).toMatch(/\d+ av \d+ avslutade/);
  expect(planText).toContain(served?.status === 'met' ? 'Uppfyllt' : 'Ej uppfyllt');
  // A goal with too few in its basis is said so, not counted as a failure.
  const few = [...report.goals, ...report.interventions.flatMap((i) => i.goals)].find(
    (g) => g.status === 'insufficient_data',
  );
  const fewText = readable(await goalRow(page, few!.label).textContent());
  expect(fewText).toContain('Otillräckligt underlag');
  expect(fewText).toContain('Färre än 5 i underlaget');
  expect(fewText).not.toContain('Ej uppfyllt');

  // Key figures, the insatser, the referring-party chart (drawn, with its table).
  expect(
    readable(await page.locator('[data-figure="total"] .figure__value').textContent()),
  ).toMatch(/^\d+$/);
  await page.getByRole('table', { name: `Deltagare per insats och kön ${YEAR}` }).waitFor();
  const referrers = page.locator('#chart-referrers');
  const canvas = referrers.locator('canvas');
  expect(Number(await canvas.getAttribute('width'))).toBeGreaterThan(0);
  await referrers.getByText('Visa siffrorna som tabell').click();
  expect(await referrers.getByRole('rowheader', { name: 'Försäkringskassan' }).isVisible()).toBe(
    true,
  );
  // Progression per self-assessment area, with the areas' Swedish names.
  expect(await page.getByRole('rowheader', { name: 'Anställningsbarhet' }).isVisible()).toBe(true);
  // No jargon.
  expect(await page.locator('main').textContent()).not.toMatch(
    /händelselogg|[Cc]heckpoint|undefined|NaN/,
  );
  expect(await seriousViolations(page)).toEqual([]);
  expect(errors).toEqual([]);
});

it('leads a person from / to the sign-in page, and once signed in to their start page', async () => {
  const { page, errors } = await tab();
  await page.goto(`${baseUrl}/`);
  await heading(page, 'Logga in').waitFor();
  expect(new URL(page.url()).pathname).toBe('/logga-in');
  await signInWithToken(page, staff);
  await heading(page, 'Deltagare').waitFor();
  // Signed in, / is the role's start page: the staff's participants, the chief's report.
  await page.goto(`${baseUrl}/`);
  await heading(page, 'Deltagare').waitFor();
  expect(new URL(page.url()).pathname).toBe('/deltagare');
  const chiefTab = await signedIn(chief, '/');
  await reportLoaded(chiefTab.page, new Date().getFullYear());
  expect(new URL(chiefTab.page.url()).pathname).toBe('/rapport');
  expect(errors).toEqual([]);
  expect(chiefTab.errors).toEqual([]);
});

it('shows the goals as cards on a phone, each status in view, the page no wider than the screen', async () => {
  const { page, errors } = await signedIn(board, `/rapport?ar=${YEAR}`, {
    width: 390,
    height: 844,
  });
  await reportLoaded(page, YEAR);
  const width = await page.evaluate('document.documentElement.scrollWidth');
  expect(width).toBeLessThanOrEqual(390);
  const cards = page.locator('li.goal');
  const n = await cards.count();
  expect(n).toBeGreaterThan(3);
  for (let i = 0; i < n; i += 1) {
    const card = await cards.nth(i).boundingBox();
    const badge = await cards.nth(i).locator('.badge').boundingBox();
    expect(card && badge).toBeTruthy();
    // One card per row, and the status badge inside the screen and inside its card.
    expect(card!.width).toBeGreaterThan(300);
    expect(badge!.x).toBeGreaterThanOrEqual(card!.x);
    expect(badge!.x + badge!.width).toBeLessThanOrEqual(Math.min(390, card!.x + card!.width));
  }
  expect(await seriousViolations(page)).toEqual([]);
  expect(errors).toEqual([]);
});

it('lets a chief start an export, follow it and download the file', async () => {
  const { page, errors } = await signedIn(chief, '/export');
  await heading(page, 'Export').waitFor();
  const nav = page.getByRole('navigation', { name: 'Huvudmeny' });
  expect(await nav.getByRole('link').allTextContents()).toEqual([
    'Deltagare',
    'Rapport',
    'Export',
    'Inställningar',
    'Användare',
    'Konto',
  ]);
  await page.getByLabel('År', { exact: true }).selectOption(String(YEAR));
  await page.getByLabel('Insats', { exact: true }).selectOption({ label: 'Resurslotsen' });
  await page.getByLabel('CSV', { exact: true }).check();
  await page.getByLabel('För publicering', { exact: true }).check();
  // Every job the server starts for the page (a 202 names it), to see that a double click
  // starts one.
  const answers: Promise<string>[] = [];
  page.on('response', (response) => {
    const started = response.request().method() === 'POST' && response.status() === 202;
    if (started && new URL(response.url()).pathname.endsWith('/exports')) {
      answers.push(response.json().then((body: { jobId: string }) => body.jobId));
    }
  });
  // Two clicks faster than the page redraws (a double click on a slow phone): the page's own
  // guard against a second submit cannot see the first yet, so only the key keeps it one job.
  await page.getByRole('button', { name: 'Starta export' }).evaluate((button) => {
    button.click();
    button.click();
  });

  const job = page
    .getByRole('listitem')
    .filter({ hasText: `CSV, ${YEAR}, för publicering, Resurslotsen` });
  await job.first().getByText('Klar', { exact: true }).waitFor({ timeout: 30_000 });
  expect(answers.length).toBeGreaterThan(0);
  expect(new Set(await Promise.all(answers)).size).toBe(1);
  expect(await job.count()).toBe(1);
  expect(await page.getByRole('status').filter({ hasText: 'är klar att ladda ned' }).count()).toBe(
    1,
  );
  const [download] = await Promise.all([
    page.waitForEvent('download'),
    job.getByRole('button', { name: /Ladda ned/ }).click(),
  ]);
  expect(download.suggestedFilename()).toMatch(/\.csv$/);
  const csv = readFileSync(await download.path(), 'utf8');
  expect(csv).toContain('Resurslotsen');
  expect(csv).toContain('<5');
  await page.screenshot({ path: screenshotPath('export.png'), fullPage: true });

  // Earlier exports of this browser session stay listed.
  await page.reload();
  await job.getByText('Klar', { exact: true }).waitFor();
  expect(await seriousViolations(page)).toEqual([]);
  expect(errors).toEqual([]);
});

it('keeps a staff member out of /rapport with the 403 page', async () => {
  const { page, errors } = await signedIn(staff, '/logga-in');
  // The staff's start page, and no report in their navigation.
  await heading(page, 'Deltagare').waitFor();
  const nav = page.getByRole('navigation', { name: 'Huvudmeny' });
  expect(await nav.getByRole('link').allTextContents()).toEqual(['Deltagare', 'Konto']);
  await page.goto(`${baseUrl}/rapport`);
  await heading(page, 'Du har inte behörighet').waitFor();
  // Who the page is for, so the staff member knows whom to ask.
  expect(
    await page
      .getByText(
        'Sidan är till för styrelseledamot och förbundschef. Du är inloggad som insatspersonal.',
      )
      .isVisible(),
  ).toBe(true);
  expect(await page.title()).toBe('Du har inte behörighet – Stegvis');
  expect(await seriousViolations(page)).toEqual([]);
  expect(errors).toEqual([]);
});

it('shows the 404 page for an unknown address, answered with status 404', async () => {
  const { page, errors } = await tab();
  const response = await page.goto(`${baseUrl}/finns-inte`);
  expect(response?.status()).toBe(404);
  await heading(page, 'Sidan finns inte').waitFor();
  expect(await page.getByRole('link', { name: 'Gå till inloggningen' }).isVisible()).toBe(true);
  expect(await page.locator('html').getAttribute('lang')).toBe('sv');
  expect(await seriousViolations(page)).toEqual([]);
  // The browser reports the 404 of the page itself; nothing else may fail.
  expect(errors.filter((e) => !/status of 404/.test(e))).toEqual([]);
});

it('says "Servern svarar inte" when the server goes away, and recovers when it is back', async () => {
  const { context, page, errors } = await signedIn(board, `/rapport?ar=${YEAR}`);
  await reportLoaded(page, YEAR);
  await context.setOffline(true);
  await page.getByLabel('År', { exact: true }).selectOption(String(YEAR - 1));
  await heading(page, 'Servern svarar inte').waitFor();
  expect(await seriousViolations(page)).toEqual([]);
  await context.setOffline(false);
  await page.getByRole('button', { name: 'Försök igen' }).click();
  await reportLoaded(page, YEAR - 1);
  expect(errors.filter((e) => !/ERR_INTERNET_DISCONNECTED/.test(e))).toEqual([]);
});

it('sends a session the API refuses back to /logga-in, saying so', async () => {
  const forged = signToken(
    { ...api.config.auth, secret: 'not-the-secret-but-at-least-32-characters' },
    { sub: 'intruder', role: 'board', associationId: year.tenant.associationId },
  );
  const { page, errors } = await signedIn(forged, '/rapport');
  await page.getByText('Du har loggats ut: servern godtar inte längre din inloggning.').waitFor();
  await heading(page, 'Logga in').waitFor();
  expect(await page.evaluate('sessionStorage.length')).toBe(0);
  expect(errors.filter((e) => !/status of 401/.test(e))).toEqual([]);
});

it('shows what is wrong beside the field, and moves focus to the new page after navigation', async () => {
  const { page, errors } = await tab();
  await page.goto(`${baseUrl}/logga-in`);
  await heading(page, 'Logga in').waitFor();
  // The skip link is the first stop of the keyboard.
  await page.keyboard.press('Tab');
  expect(await page.evaluate('document.activeElement.outerHTML')).toBe(
    '<a class="skip-link" href="#main">Hoppa till innehållet</a>',
  );
  await page.getByRole('button', { name: 'Logga in', exact: true }).click();
  const email = page.getByLabel('E-post', { exact: true });
  expect(await email.getAttribute('aria-invalid')).toBe('true');
  const described = (await email.getAttribute('aria-describedby')) ?? '';
  expect(readable(await page.locator(`[id="${described}"]`).textContent())).toBe(
    '⚠ Ange en giltig e-postadress, till exempel namn@kommun.se.',
  );
  await email.fill('karin@norr.se');
  await page.getByLabel('Lösenord', { exact: true }).fill('ett lösenord');
  await page.getByRole('button', { name: 'Logga in', exact: true }).click();
  // No such account: the one answer every failed sign-in gets.
  await page
    .getByRole('alert')
    .filter({ hasText: 'E-postadressen eller lösenordet stämmer inte' })
    .waitFor();
  expect(await seriousViolations(page)).toEqual([]);

  await signInWithToken(page, chief);
  await heading(page, /uppföljning/).waitFor();
  await page
    .getByRole('navigation', { name: 'Huvudmeny' })
    .getByRole('link', { name: 'Konto' })
    .click();
  await heading(page, 'Konto').waitFor();
  expect(await page.evaluate('document.activeElement.id')).toBe('sidrubrik');
  expect(await page.title()).toBe('Konto – Stegvis');
  expect(await seriousViolations(page)).toEqual([]);
  await page.getByRole('button', { name: 'Logga ut' }).first().click();
  await heading(page, 'Logga in').waitFor();
  expect(await page.evaluate('sessionStorage.length')).toBe(0);
  // The refused sign-in above is a 401, which the browser's console notes.
  expect(errors.filter((e) => !/status of 401/.test(e))).toEqual([]);
});
