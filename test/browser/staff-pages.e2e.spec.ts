import type { Browser, Page } from 'playwright-core';
import { startApi, type Api } from '../support/api-harness';
import { bearer, createTenant, type Tenant } from '../support/world';
import {
  heading,
  launch,
  openTab,
  readable,
  screenshotPath,
  seriousViolations,
  signInWithToken,
  type Tab,
} from './web-browser';

/**
 * The staff pages (/deltagare, /deltagare/ny, /deltagare/:pid; DESIGN §8) in real headless
 * Chromium against the real API on SQLite, found by their Swedish labels and roles.
 */
jest.setTimeout(120_000);

let api: Api;
let tenant: Tenant;
let browser: Browser;
let baseUrl: string;
/** Staff of the individual insats only: the form chooses it for them. */
let staff: string;

beforeAll(async () => {
  api = await startApi();
  await api.app.listen(0, '127.0.0.1');
  baseUrl = (await api.app.getUrl()).replace('[::1]', '127.0.0.1');
  tenant = await createTenant(api, 0);
  staff = api.token('staff', tenant.associationId, [tenant.interventionId], 'Ali Hassan');
  browser = await launch();
});

afterAll(async () => {
  await browser?.close();
  await api?.close();
});

const tabs: Tab[] = [];
afterEach(async () => {
  for (const tab of tabs.splice(0)) await tab.context.close();
});

async function signedIn(path: string, viewport?: { width: number; height: number }) {
  const opened = await openTab(browser, viewport);
  tabs.push(opened);
  await opened.context.grantPermissions(['clipboard-read', 'clipboard-write'], {
    origin: baseUrl,
  });
  await opened.page.goto(`${baseUrl}${path}`);
  await signInWithToken(opened.page, staff);
  return opened;
}

const THIS_YEAR = new Date().getFullYear();

/** Fills the enrolment form as a person does, by its labels. */
async function fillEnrolment(page: Page, birthYear: string) {
  await page.getByRole('radio', { name: 'Kvinna', exact: true }).check();
  await page.getByLabel('Födelseår', { exact: true }).fill(birthYear);
  await page.getByLabel('Aktualiserande part', { exact: true }).selectOption({
    label: 'Försäkringskassan',
  });
  await page.getByLabel('Försörjning vid inskrivning', { exact: true }).selectOption({
    label: 'Sjukpenning',
  });
  await page.getByLabel('Utbildningsnivå', { exact: true }).selectOption({
    label: 'Gymnasial utbildning',
  });
  await page
    .getByLabel('Tid med offentlig försörjning före insatsen', { exact: true })
    .selectOption({
      label: '2–5 år',
    });
}

const pseudonymOnPage = async (page: Page) =>
  readable(await page.locator('#pseudonym').textContent());

describe('/deltagare/ny', () => {
  it('enrols with defaults, refuses at the field, and shows the pseudonym to copy', async () => {
    const { page, errors } = await signedIn('/deltagare/ny');
    await heading(page, 'Skriv in deltagare').waitFor();
    // The only insats is chosen, the date is today's.
    const insats = page.getByLabel('Insats', { exact: true });
    expect(await insats.locator('option:checked').textContent()).toBe('Resurslotsen');
    const today = new Intl.DateTimeFormat('sv-SE', { timeZone: 'Europe/Stockholm' }).format(
      new Date(),
    );
    expect(await page.getByLabel('Inskrivningsdatum', { exact: true }).inputValue()).toBe(today);

    // Nothing chosen: each field says what to do, in Swedish, and nothing is sent.
    await page.getByRole('button', { name: 'Skriv in', exact: true }).click();
    await page.getByText('Välj kön.').waitFor();
    expect(await page.getByText('Välj aktualiserande part.').isVisible()).toBe(true);

    // The domain's schema refuses a birth year out of range with its own sentence …
    await fillEnrolment(page, '1800');
    await page.getByRole('button', { name: 'Skriv in', exact: true }).click();
    const birthYear = page.getByLabel('Födelseår', { exact: true });
    await page
      .getByText('Födelseåret (birthYear) ska vara ett heltal mellan 1900 och 2100.')
      .waitFor();
    expect(await birthYear.getAttribute('aria-invalid')).toBe('true');

    // … and the server's rule (an age outside 16–100) is shown at the field it names.
    await birthYear.fill(String(THIS_YEAR - 5));
    await page.getByRole('button', { name: 'Skriv in', exact: true }).click();
    await page.getByText(/ger en ålder vid inskrivningen utanför 16–100 år/).waitFor();
    expect(await birthYear.getAttribute('aria-invalid')).toBe('true');
    expect(await page.evaluate('document.activeElement.name')).toBe('birthYear');

    await birthYear.fill('1989');
    expect(await seriousViolations(page)).toEqual([]);
    await page.getByRole('button', { name: 'Skriv in', exact: true }).click();
    await heading(page, 'Deltagaren är inskriven').waitFor();
    const pid = await pseudonymOnPage(page);
    expect(pid).toMatch(/^D-[0-9A-HJKMNP-TV-Z]{10}$/);
    expect(await page.getByText('Stegvis sparar aldrig vem deltagaren är.').isVisible()).toBe(true);
    await page.getByRole('button', { name: 'Kopiera pseudonymen' }).click();
    await page
      .getByRole('status')
      .filter({ hasText: `${pid} är kopierad.` })
      .waitFor();
    expect(await page.evaluate('navigator.clipboard.readText()')).toBe(pid);
    expect(await seriousViolations(page)).toEqual([]);

    // The participant is in the store as the form said.
    const res = await api.http.get(`/v1/participants/${pid}`).set(bearer(staff)).expect(200);
    expect(res.body.events[0].data).toMatchObject({
      enrolledOn: today,
      gender: 'woman',
      birthYear: 1989,
      referringParty: 'FK',
      incomeSourceAtStart: 'sickness_benefit',
      educationLevel: 'upper_secondary',
      supportDurationBefore: '2_5y',
    });
    expect(errors.filter((e) => !e.includes('422'))).toEqual([]);
  });

  it('can be filled and sent with the keyboard only', async () => {
    const { page } = await signedIn('/deltagare/ny');
    await heading(page, 'Skriv in deltagare').waitFor();
    // The focused control's name as a person hears it: its label, or a button's text.
    const focused = (): Promise<string> =>
      page.evaluate(
        "(document.activeElement.labels && document.activeElement.labels[0] ? document.activeElement.labels[0].textContent : document.activeElement.textContent) || ''",
      );
    // From the page's heading, Tab walks the fields in reading order.
    await heading(page, 'Skriv in deltagare').focus();
    const tabTo = async (label: string) => {
      for (let i = 0; i < 30 && (await focused()) !== label; i++) await page.keyboard.press('Tab');
      expect(await focused()).toBe(label);
    };
    await tabTo('Insats');
    await tabTo('Inskrivningsdatum');
    await tabTo('Kvinna');
    // Arrow keys move within the radio group, as in every radio group.
    await page.keyboard.press('ArrowDown');
    expect(await focused()).toBe('Man');
    await page.keyboard.press('Space');
    await page.keyboard.press('Tab');
    expect(await focused()).toBe('Födelseår');
    await page.keyboard.type('1990');
    const choose = async (label: string, presses: number) => {
      await tabTo(label);
      for (let i = 0; i < presses; i++) await page.keyboard.press('ArrowDown');
    };
    await choose('Aktualiserande part', 2); // Arbetsförmedlingen
    await choose('Försörjning vid inskrivning', 5); // A-kassa …
    await choose('Utbildningsnivå', 1); // Förgymnasial
    await choose('Tid med offentlig försörjning före insatsen', 2); // Mindre än 1 år
    await page.keyboard.press('Tab');
    expect(await focused()).toBe('Skriv in');
    await page.screenshot({ path: screenshotPath('deltagare-ny.png'), fullPage: true });
    await page.keyboard.press('Enter');
    await heading(page, 'Deltagaren är inskriven').waitFor();
    const pid = await pseudonymOnPage(page);
    const res = await api.http.get(`/v1/participants/${pid}`).set(bearer(staff)).expect(200);
    expect(res.body.events[0].data).toMatchObject({
      gender: 'man',
      birthYear: 1990,
      referringParty: 'AF',
      incomeSourceAtStart: 'unemployment_support',
      educationLevel: 'compulsory',
      supportDurationBefore: 'under_1y',
    });
  });
});
