import { readFileSync } from 'node:fs';
import type { Browser, Page } from 'playwright-core';
import type { Api } from '../support/api-harness';
import { registerYear, type RegisteredYear } from '../support/register-plan';
import { planYear } from '../support/year-plan';
import { ORG_NUMBERS } from '../support/world';
import { waitFor } from '../support/wait-for';
import {
  heading,
  openTab,
  readable,
  screenshotPath,
  seriousViolations,
  type Tab,
  webUnderTest,
} from './web-browser';

/**
 * DESIGN §7 and §8 as people meet them, in real headless Chromium against the real API: the
 * first admin from the printed address, invitations passed on by hand, sign-in with e-mail and
 * password, each role's pages, deactivation and the lock after ten wrong passwords.
 */
jest.setTimeout(180_000);

const YEAR = 2025;
const PASSWORDS = {
  admin: 'administratörens långa lösenord',
  chief: 'förbundschefens långa lösenord',
  staff: 'handläggarens långa lösenord',
  board: 'styrelseledamotens långa lösenord',
};

let api: Api;
let year: RegisteredYear;
let browser: Browser;
let baseUrl: string;
const tabs: Tab[] = [];

const web = webUnderTest();

beforeAll(async () => {
  ({ api, baseUrl, browser } = web);
  year = await registerYear(api, planYear());
});
// The tabs stay open across tests (signed-in people) and close with the browser.
async function tab(): Promise<Tab> {
  const opened = await openTab(browser);
  tabs.push(opened);
  return opened;
}

const nav = (page: Page) =>
  page.getByRole('navigation', { name: 'Huvudmeny' }).getByRole('link').allTextContents();

/** The invitation link the users page shows after "Bjud in", to pass on. */
async function invite(
  page: Page,
  person: { email: string; name: string; role?: string; insatser?: readonly string[] },
): Promise<string> {
  await page.getByLabel('E-post', { exact: true }).fill(person.email);
  await page.getByLabel('Namn', { exact: true }).fill(person.name);
  if (person.role)
    await page.getByLabel('Roll', { exact: true }).selectOption({ label: person.role });
  const boxes = page.getByRole('group', { name: 'Insatser', exact: true });
  for (const insats of person.insatser ?? []) {
    await boxes.getByLabel(insats, { exact: true }).check();
  }
  await page.getByRole('button', { name: 'Bjud in', exact: true }).click();
  const link = page.getByLabel('Inbjudningslänk', { exact: true });
  await page.getByRole('cell', { name: person.email, exact: true }).waitFor();
  return link.inputValue();
}

/** Opens the link in a browser of its own, chooses the password, and lands signed in. */
async function accept(link: string, password: string): Promise<Tab> {
  const opened = await tab();
  await opened.page.goto(link);
  await heading(opened.page, 'Välj lösenord').waitFor();
  await opened.page.getByLabel('Lösenord', { exact: true }).fill(password);
  await opened.page.getByLabel('Upprepa lösenordet', { exact: true }).fill(password);
  await opened.page.getByRole('button', { name: 'Spara och logga in' }).click();
  return opened;
}

async function signIn(page: Page, email: string, password: string): Promise<void> {
  await page.getByLabel('E-post', { exact: true }).fill(email);
  await page.getByLabel('Lösenord', { exact: true }).fill(password);
  await page.getByRole('button', { name: 'Logga in', exact: true }).click();
}

let adminTab: Tab;
let chiefTab: Tab;
let staffTab: Tab;
let staffLink: string;
let boardLink: string;

it('the first admin is set up from the printed address and invites a chief', async () => {
  const address = api.takeSetupAddress();
  expect(address).toMatch(/^\/konfigurera\?kod=/);
  adminTab = await tab();
  const { page, errors } = adminTab;
  await page.goto(`${baseUrl}${address ?? ''}`);
  await heading(page, 'Skapa administratören').waitFor();
  expect(await seriousViolations(page)).toEqual([]);
  await page.getByLabel('Namn', { exact: true }).fill('Ada Admin');
  await page.getByLabel('E-post', { exact: true }).fill('admin@stegvis.se');
  await page.getByLabel('Lösenord', { exact: true }).fill(PASSWORDS.admin);
  await page.getByRole('button', { name: 'Skapa administratören' }).click();
  await heading(page, 'Inställningar').waitFor();
  expect(await nav(page)).toEqual(['Inställningar', 'Användare', 'Konto']);

  await page
    .getByRole('navigation', { name: 'Huvudmeny' })
    .getByRole('link', { name: 'Användare' })
    .click();
  await heading(page, 'Användare').waitFor();
  await page.getByLabel('Förbundets id', { exact: true }).fill(year.tenant.associationId);
  await page.getByRole('button', { name: 'Visa förbundet' }).click();
  const link = await invite(page, { email: 'karin@norr.se', name: 'Karin Berg' });
  expect(link).toMatch(new RegExp(`^${baseUrl}/inbjudan\\?kod=U-`));
  expect(await seriousViolations(page)).toEqual([]);
  expect(errors).toEqual([]);

  chiefTab = await accept(link, PASSWORDS.chief);
  await heading(chiefTab.page, /uppföljning/).waitFor();
  expect(new URL(chiefTab.page.url()).pathname).toBe('/rapport');
  expect(readable(await chiefTab.page.locator('.session__who').textContent())).toBe(
    'Karin Berg (förbundschef)',
  );
});

it('the admin registers a förbund and invites its chief from the answer', async () => {
  const { page, errors } = adminTab;
  await page
    .getByRole('navigation', { name: 'Huvudmeny' })
    .getByRole('link', { name: 'Inställningar' })
    .click();
  const form = page.getByRole('form', { name: 'Registrera ett förbund' });
  await form.getByRole('button', { name: 'Registrera förbundet' }).click();
  // Nothing filled in: refused in the browser, said at the fields, nothing registered.
  await form
    .getByLabel('Namn', { exact: true })
    .and(page.locator('[aria-invalid="true"]'))
    .waitFor();
  expect(await form.getByRole('group', { name: 'Parter' }).getAttribute('aria-invalid')).toBe(
    'true',
  );
  await form.getByLabel('Namn', { exact: true }).fill('Samordningsförbundet Söder');
  await form.getByLabel('Organisationsnummer', { exact: true }).fill(ORG_NUMBERS[1]);
  await form.getByLabel('Arbetsförmedlingen', { exact: true }).check();
  await form.getByLabel('Region', { exact: true }).check();
  await form.getByRole('button', { name: 'Registrera förbundet' }).click();
  const registered = page.getByRole('status').filter({ hasText: 'är registrerat med id' });
  const said = readable(await registered.textContent());
  const id = /id (F-[0-9A-Z]+)/.exec(said)?.[1];
  expect(said).toContain('Samordningsförbundet Söder är registrerat med id F-');
  await page.screenshot({ path: screenshotPath('installningar-admin.png'), fullPage: true });
  expect(await seriousViolations(page)).toEqual([]);

  await registered.getByRole('link', { name: /Bjud in förbundschef/ }).click();
  await heading(page, 'Användare').waitFor();
  expect(await page.getByLabel('Förbundets id', { exact: true }).inputValue()).toBe(id);
  const link = await invite(page, { email: 'sara@soder.se', name: 'Sara Öst' });
  expect(link).toMatch(new RegExp(`^${baseUrl}/inbjudan\\?kod=U-`));
  const chiefs = (await api.allEvents()).filter(
    (e) => e.type === 'UserInvited' && e.data['associationId'] === id,
  );
  expect(chiefs).toHaveLength(1);
  expect(errors).toEqual([]);
});

it('the chief invites staff and a board member, who each see only their pages', async () => {
  const { page } = chiefTab;
  await page
    .getByRole('navigation', { name: 'Huvudmeny' })
    .getByRole('link', { name: 'Användare' })
    .click();
  await heading(page, 'Användare').waitFor();
  staffLink = await invite(page, {
    email: 'ali@norr.se',
    name: 'Ali Hassan',
    role: 'insatspersonal',
    insatser: ['Resurslotsen', 'Navet'],
  });
  expect(
    readable(
      await page
        .getByRole('row')
        .filter({ hasText: 'ali@norr.se' })
        .getByRole('cell')
        .nth(3)
        .textContent(),
    ),
  ).toBe('Navet, Resurslotsen');
  await page.screenshot({ path: screenshotPath('anvandare-forbundschef.png'), fullPage: true });
  boardLink = await invite(page, {
    email: 'eva@norr.se',
    name: 'Eva Lind',
    role: 'styrelseledamot',
  });
  expect(await seriousViolations(page)).toEqual([]);

  staffTab = await accept(staffLink, PASSWORDS.staff);
  await heading(staffTab.page, 'Deltagare').waitFor();
  expect(await nav(staffTab.page)).toEqual(['Deltagare', 'Konto']);
  await staffTab.page.goto(`${baseUrl}/rapport`);
  await heading(staffTab.page, 'Du har inte behörighet').waitFor();

  const boardTab = await accept(boardLink, PASSWORDS.board);
  await boardTab.page
    .getByRole('status')
    .filter({ hasText: `Rapporten för ${new Date().getFullYear()} är hämtad.` })
    .waitFor();
  expect(await nav(boardTab.page)).toEqual(['Rapport', 'Konto']);
  await boardTab.page.getByLabel('År', { exact: true }).selectOption(String(YEAR));
  await boardTab.page
    .getByRole('status')
    .filter({ hasText: `Rapporten för ${YEAR} är hämtad.` })
    .waitFor();
  expect(
    readable(
      await boardTab.page
        .getByText(/mål uppfyllda/)
        .first()
        .textContent(),
    ),
  ).toMatch(/\d+ av \d+ mål uppfyllda/);
  await boardTab.page.goto(`${baseUrl}/export`);
  await heading(boardTab.page, 'Du har inte behörighet').waitFor();
  expect(boardTab.errors.filter((e) => !/status of 403/.test(e))).toEqual([]);
});

it('staff and board sign in on /logga-in with "E-post" and "Lösenord", each to their own start page', async () => {
  for (const [email, password, start, menu] of [
    ['ali@norr.se', PASSWORDS.staff, 'Deltagare', ['Deltagare', 'Konto']],
    ['eva@norr.se', PASSWORDS.board, /uppföljning/, ['Rapport', 'Konto']],
  ] as const) {
    const { page, errors } = await tab();
    await page.goto(`${baseUrl}/logga-in`);
    await heading(page, 'Logga in').waitFor();
    await signIn(page, email, password);
    await heading(page, start).waitFor();
    expect(await nav(page)).toEqual(menu);
    expect(errors).toEqual([]);
  }
});

it('the chief starts a publication export and downloads it', async () => {
  const { page, errors } = chiefTab;
  await page.goto(`${baseUrl}/export`);
  await heading(page, 'Export').waitFor();
  await page.getByLabel('År', { exact: true }).selectOption(String(YEAR));
  await page.getByLabel('CSV', { exact: true }).check();
  await page.getByLabel('För publicering', { exact: true }).check();
  await page.getByRole('button', { name: 'Starta export' }).click();
  const job = page.getByRole('listitem').filter({ hasText: `CSV, ${YEAR}, för publicering` });
  await job.getByText('Klar', { exact: true }).waitFor({ timeout: 30_000 });
  const [download] = await Promise.all([
    page.waitForEvent('download'),
    job.getByRole('button', { name: /Ladda ned/ }).click(),
  ]);
  expect(readFileSync(await download.path(), 'utf8')).toContain('<5');
  expect(errors).toEqual([]);
});

it('a deactivated user is signed out at the next step', async () => {
  const { page } = chiefTab;
  await page.goto(`${baseUrl}/installningar/anvandare`);
  const deactivate = page.getByRole('button', { name: 'Inaktivera Ali Hassan' });
  // Asked once more, since it cannot be undone here; the question says what happens.
  const question = page.getByRole('group', { name: /^Inaktivera Ali Hassan\?/ });
  await deactivate.click();
  await question.getByText('kan inte logga in längre, och det går inte att ångra här').waitFor();
  // "Avbryt" changes nothing and gives the keyboard its place back.
  await question.getByRole('button', { name: 'Avbryt' }).click();
  await waitFor(() =>
    deactivate.evaluate((button) => button === button.ownerDocument.activeElement),
  );
  await deactivate.click();
  await question.getByRole('button', { name: 'Inaktivera', exact: true }).click();
  await page
    .getByRole('row')
    .filter({ hasText: 'ali@norr.se' })
    .getByRole('cell', { name: 'Inaktiverad' })
    .waitFor();

  await staffTab.page
    .getByRole('navigation', { name: 'Huvudmeny' })
    .getByRole('link', { name: 'Konto' })
    .click();
  await staffTab.page
    .getByText('Du har loggats ut: servern godtar inte längre din inloggning.')
    .waitFor();
  await heading(staffTab.page, 'Logga in').waitFor();
  await signIn(staffTab.page, 'ali@norr.se', PASSWORDS.staff);
  await staffTab.page
    .getByRole('alert')
    .filter({ hasText: 'E-postadressen eller lösenordet stämmer inte' })
    .waitFor();
});

it('ten wrong passwords lock the account: the right one is then refused too', async () => {
  const { page } = await tab();
  await page.goto(`${baseUrl}/logga-in`);
  await heading(page, 'Logga in').waitFor();
  const refusal = page
    .getByRole('alert')
    .filter({ hasText: 'E-postadressen eller lösenordet stämmer inte' });
  const failures = async () =>
    (await api.allEvents())
      .filter((e) => e.type === 'SignInFailed')
      .map((e) => String(e.data['reason']));
  const before = (await failures()).length;
  // Each attempt waits for the one before it to be answered (recorded), slowed as it is.
  const attempt = async (password: string, n: number) => {
    await signIn(page, 'eva@norr.se', password);
    await waitFor(async () => (await failures()).length === before + n, {
      timeoutMs: 20_000,
      intervalMs: 50,
      message: `sign-in attempt ${n} recorded`,
    });
    await refusal.waitFor();
    await page.getByRole('button', { name: 'Logga in', exact: true }).waitFor();
  };
  for (let i = 1; i <= 10; i++) await attempt(`fel lösenord nummer ${i}`, i);
  await attempt(PASSWORDS.board, 11);
  expect((await failures()).slice(before)).toEqual([
    ...Array<string>(10).fill('password'),
    'locked',
  ]);
  expect(await refusal.isVisible()).toBe(true);
  expect(new URL(page.url()).pathname).toBe('/logga-in');
});
