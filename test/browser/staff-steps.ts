import type { Browser, Page } from 'playwright-core';
import type { Api } from '../support/api-harness';
import { createTenant, type Tenant } from '../support/world';
import { heading, openTab, readable, signInWithToken, type Tab, webUnderTest } from './web-browser';

/*
 * What the staff pages' browser tests do as a person does it, by the pages' Swedish labels
 * and roles (staff-pages and staff-outcomes share them).
 */

/** Fills the enrolment form's required fields. */
export async function fillEnrolment(page: Page, birthYear: string) {
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

export const pseudonymOnPage = async (page: Page) =>
  readable(await page.locator('#pseudonym').textContent());

/** Opens one of the participant page's forms by its button. */
export const openForm = (page: Page, name: string) =>
  page.getByRole('button', { name, exact: true }).click();

/** Waits for the page to say the form's fact is saved. */
export const saved = (page: Page, text: string) =>
  page.getByRole('status').filter({ hasText: text }).waitFor();

/** Goes to /deltagare by the main menu and searches for `pid`: its row in the list. */
export async function rowInList(page: Page, pid: string) {
  await page
    .getByRole('navigation', { name: 'Huvudmeny' })
    .getByRole('link', { name: 'Deltagare' })
    .click();
  await heading(page, 'Deltagare').waitFor();
  await page.getByLabel('Sök pseudonym', { exact: true }).fill(pid);
  await page.getByRole('status').filter({ hasText: 'Visar 1 av 1 deltagare.' }).waitFor();
  return page.getByRole('row').filter({ has: page.getByRole('link', { name: pid }) });
}

/** Today in Sweden, `YYYY-MM-DD`. */
export const today = (): string => daysAgo(0);

/** The Swedish date `days` before today, `YYYY-MM-DD`. */
export function daysAgo(days: number): string {
  return new Intl.DateTimeFormat('sv-SE', { timeZone: 'Europe/Stockholm' }).format(
    new Date(Date.now() - days * 86_400_000),
  );
}

/** "1 december 2026", as the pages write a date. */
export function dateInWords(iso: string): string {
  return readable(
    new Intl.DateTimeFormat('sv-SE', { dateStyle: 'long', timeZone: 'UTC' }).format(
      new Date(`${iso}T00:00:00Z`),
    ),
  );
}

export type StaffWorld = {
  readonly api: Api;
  readonly tenant: Tenant;
  /** Staff of the individual insats only: the enrolment form chooses it for them. */
  readonly staff: string;
  /** A fresh tab at `path`, signed in with `token` (the staff member's unless told). */
  readonly signedIn: (
    path: string,
    viewport?: { width: number; height: number },
    token?: string,
  ) => Promise<Tab>;
};

/**
 * The API on SQLite listening on a port, one förbund, and headless Chromium, for the tests of
 * a file: set up before them, each test's tabs closed after it, all stopped after the last.
 * The fields are read once the file's beforeAll hooks have run.
 */
export function staffWorld(): StaffWorld {
  const web = webUnderTest();
  let api: Api;
  let tenant: Tenant;
  let staff: string;
  let browser: Browser;
  let baseUrl: string;
  const tabs: Tab[] = [];

  beforeAll(async () => {
    ({ api, baseUrl, browser } = web);
    tenant = await createTenant(api, 0);
    staff = api.token('staff', tenant.associationId, [tenant.interventionId], 'Ali Hassan');
  });
  afterEach(async () => {
    for (const tab of tabs.splice(0)) await tab.context.close();
  });

  const signedIn = async (
    path: string,
    viewport?: { width: number; height: number },
    token: string = staff,
  ): Promise<Tab> => {
    const opened = await openTab(browser, viewport);
    tabs.push(opened);
    await opened.context.grantPermissions(['clipboard-read', 'clipboard-write'], {
      origin: baseUrl,
    });
    await opened.page.goto(`${baseUrl}${path}`);
    await signInWithToken(opened.page, token);
    return opened;
  };
  return {
    get api() {
      return api;
    },
    get tenant() {
      return tenant;
    },
    get staff() {
      return staff;
    },
    signedIn,
  };
}
