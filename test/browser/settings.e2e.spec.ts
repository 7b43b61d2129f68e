import type { Browser, Locator, Page } from 'playwright-core';
import type { Api } from '../support/api-harness';
import { bearer, createTenant, type Tenant } from '../support/world';
import {
  heading,
  openTab,
  readable,
  screenshotPath,
  seriousViolations,
  signInWithToken,
  type Tab,
  webUnderTest,
} from './web-browser';

/**
 * /installningar (DESIGN §8) in real headless Chromium against the real API on SQLite: the
 * chief registers an insats with the förbund's own questionnaire and sets the year's goals; a
 * board member then sees the goal list change on /rapport. Found by Swedish labels and roles.
 */
jest.setTimeout(150_000);

const YEAR = new Date().getFullYear();

let api: Api;
let tenant: Tenant;
let chief: string;
let browser: Browser;
let baseUrl: string;

const web = webUnderTest();

beforeAll(async () => {
  ({ api, baseUrl, browser } = web);
  tenant = await createTenant(api, 0);
  chief = api.token('chief', tenant.associationId, [], 'Karin Lind');
  // Last year's goals, for "Kopiera förra årets mål".
  await api.http
    .put(`/v1/associations/${tenant.associationId}/goals/${YEAR - 1}`)
    .set(bearer(chief))
    .send({
      goals: [{ id: 'plan', label: 'Planering vid avslut', kind: 'planAtExitShare', target: 0.9 }],
    })
    .expect(200);
});

const tabs: Tab[] = [];
// The tabs stay open across tests (signed-in people) and close with the browser.
async function signedIn(path: string, token: string): Promise<Tab> {
  const opened = await openTab(browser);
  tabs.push(opened);
  await opened.page.goto(`${baseUrl}${path}`);
  await signInWithToken(opened.page, token);
  return opened;
}

const label = (page: Page, name: string) => page.getByLabel(name, { exact: true });
const button = (within: Page | Locator, name: string) =>
  within.getByRole('button', { name, exact: true });
const notice = (page: Page, text: string) =>
  page.getByRole('status').filter({ hasText: text }).waitFor();

/** The goal cards of the förbund (or of one insats) on /rapport, by their names. */
async function reportGoals(page: Page, subject = 'Hela förbundet'): Promise<string[]> {
  const group = page.getByRole('region', { name: `Mål för ${subject}` });
  return (await group.locator('.goal__label').allTextContents()).map(readable);
}

let board: Tab;

describe('/installningar', () => {
  it('a board member sees no goals for the year before the chief sets them', async () => {
    board = await signedIn('/rapport', tenant.board);
    await heading(board.page, /uppföljning/).waitFor();
    await board.page.getByText(`Inga mål är satta för ${YEAR}.`).waitFor();
  });

  it('the chief registers an insats with the förbund’s own questionnaire', async () => {
    const { page, errors } = await signedIn('/installningar', chief);
    await heading(page, 'Inställningar').waitFor();
    expect(
      await page.getByRole('link', { name: 'Hantera användare och inbjudningar' }).count(),
    ).toBe(1);
    // The insatser of the förbund are listed.
    const list = page.getByRole('heading', { level: 3, name: /Resurslotsen/ });
    expect(await list.count()).toBe(1);

    await label(page, 'Namn').fill('Navigatorn');
    await page.getByRole('checkbox', { name: 'Kommun', exact: true }).check();
    await page.getByRole('checkbox', { name: 'Arbetsförmedlingen', exact: true }).check();
    await label(page, 'Formulär för självskattning').selectOption({
      label: 'Ett nytt eget formulär (bygg det nedan)',
    });
    await label(page, 'Formulärets namn').fill('Navigatorns skattning');
    await label(page, 'Formulärets nyckel').fill('navigator');
    await label(page, 'Frågans text').fill('Jag vet vad jag vill');
    await label(page, 'Frågans nyckel').fill('vet-vad');
    await label(page, 'Högsta värde').fill('5');
    await button(page, 'Lägg till en fråga').click();
    const second = page.getByRole('group', { name: 'Fråga 2' });
    await second.getByLabel('Frågans text', { exact: true }).fill('Jag orkar en arbetsdag');
    await second.getByLabel('Frågans nyckel', { exact: true }).fill('orkar');
    await second.getByLabel('Högsta värde', { exact: true }).fill('1');

    // The domain's own check of the questionnaire, at the field it is about.
    await button(page, 'Registrera insatsen').click();
    await page.getByText('ska vara större än skalans lägsta värde', { exact: false }).waitFor();
    const max = second.getByLabel('Högsta värde', { exact: true });
    expect(await max.getAttribute('aria-invalid')).toBe('true');
    await max.fill('5');
    expect(await seriousViolations(page)).toEqual([]);
    await button(page, 'Registrera insatsen').click();
    await notice(page, 'Navigatorn är registrerad.');
    await page.getByRole('heading', { level: 3, name: /Navigatorn/ }).waitFor();
    await page.getByText('Navigatorns skattning, 2 frågor').waitFor();

    // The insats is in the store as the form said.
    const res = await api.http
      .get(`/v1/associations/${tenant.associationId}/interventions`)
      .set(bearer(chief))
      .expect(200);
    const navigatorn = res.body.items.find((i: { name: string }) => i.name === 'Navigatorn');
    expect(navigatorn).toMatchObject({
      kind: 'individual',
      parties: ['AF', 'MUNICIPALITY'],
      status: 'open',
      instruments: [
        {
          key: 'navigator',
          label: 'Navigatorns skattning',
          items: [
            { key: 'vet-vad', label: 'Jag vet vad jag vill', min: 1, max: 5 },
            { key: 'orkar', label: 'Jag orkar en arbetsdag', min: 1, max: 5 },
          ],
        },
      ],
    });

    // The förbund's own questionnaire is offered for the next insats.
    expect(
      await label(page, 'Formulär för självskattning')
        .locator('option', { hasText: 'Navigatorns skattning (förbundets eget)' })
        .count(),
    ).toBe(1);

    // The förbund's own questionnaire, added to another insats beside its first.
    await page.getByText('Lägg till ett formulär i Resurslotsen', { exact: true }).click();
    const adding = page.getByRole('form', { name: 'Lägg till ett formulär i Resurslotsen' });
    await adding
      .getByLabel('Formulär att lägga till', { exact: true })
      .selectOption({ label: 'Navigatorns skattning' });
    await button(adding, 'Lägg till formuläret').click();
    await notice(page, 'Navigatorns skattning är tillagt i Resurslotsen.');
    const resurslotsen = await api.http
      .get(`/v1/interventions/${tenant.interventionId}`)
      .set(bearer(chief))
      .expect(200);
    expect(resurslotsen.body.instruments.map((i: { key: string }) => i.key)).toEqual([
      'stegvis-5',
      'navigator',
    ]);

    // Closing the structural insats: the server's refusal is shown at the date it is about.
    await page.getByText('Avsluta Psykeveckan', { exact: true }).click();
    const closing = page.getByRole('form', { name: 'Avsluta Psykeveckan' });
    const lastDay = closing.getByLabel('Sista dag', { exact: true });
    await lastDay.fill('2024-06-30');
    await button(closing, 'Avsluta insatsen').click();
    await page.getByText(/ligger före insatsens start 2025-01-01/).waitFor();
    expect(await lastDay.getAttribute('aria-invalid')).toBe('true');
    await lastDay.fill('2025-12-31');
    await button(closing, 'Avsluta insatsen').click();
    await notice(page, 'Psykeveckan är avslutad.');
    await page
      .getByText('Pågår till 31 december 2025')
      .or(page.getByText('Avslutad'))
      .first()
      .waitFor();
    expect(await page.getByText('Avsluta Psykeveckan', { exact: true }).count()).toBe(0);
    // The one refusal asked for above is the only thing the console reports.
    expect(errors.filter((e) => !e.includes('422'))).toEqual([]);
  });

  it('the chief sets the year’s goals, copies last year’s, and sees the history', async () => {
    const { page, errors } = await signedIn('/installningar', chief);
    await heading(page, 'Inställningar').waitFor();
    await page.getByText(`Förbundet har inga mål för ${YEAR} än.`).waitFor();

    const kind = label(page, 'Typ av mål');
    await kind.selectOption({ label: 'Andel avslutade med vissa avslutsorsaker' });
    await page.getByText('Andel av de avslutade som gått till det du kryssar i').waitFor();
    await label(page, 'Målets namn').fill('Till arbete eller studier');
    await page.getByRole('checkbox', { name: 'Arbete (även subventionerat)', exact: true }).check();
    await page.getByRole('checkbox', { name: 'Studier', exact: true }).check();
    await label(page, 'Målvärde (%)').fill('120');
    await button(page, 'Lägg till målet').click();
    await page
      .getByText('Skriv målet i procent, ett tal mellan 0 och 100, till exempel 80.')
      .waitFor();
    expect(await label(page, 'Målvärde (%)').getAttribute('aria-invalid')).toBe('true');
    await label(page, 'Målvärde (%)').fill('60');
    await button(page, 'Lägg till målet').click();
    await notice(page, `Målet Till arbete eller studier är tillagt för ${YEAR}.`);
    const row = page.getByRole('row', { name: /Till arbete eller studier/ });
    expect(readable(await row.innerText())).toContain(
      'Andel av de avslutade som gått till arbete (även subventionerat) eller studier minst 60 %',
    );

    await kind.selectOption({ label: 'Andel nöjda deltagare' });
    await label(page, 'Målets namn').fill('Nöjda deltagare');
    await label(page, 'Målvärde (%)').fill('85');
    await button(page, 'Lägg till målet').click();
    await notice(page, `Målet Nöjda deltagare är tillagt för ${YEAR}.`);

    await button(page, 'Kopiera förra årets mål').click();
    await notice(page, `1 mål kopierade från ${YEAR - 1}.`);
    await page.getByRole('row', { name: /Planering vid avslut/ }).waitFor();
    const history = page.locator('.goal-history li');
    expect(await history.count()).toBe(3);
    expect(readable(await history.first().textContent())).toContain(
      '3 mål: Till arbete eller studier, Nöjda deltagare, Planering vid avslut',
    );

    // In the store, as the form said (shares 0–1, the key made from the name).
    const res = await api.http
      .get(`/v1/associations/${tenant.associationId}/goals/${YEAR}`)
      .set(bearer(chief))
      .expect(200);
    expect(res.body.goals).toEqual([
      {
        id: 'till-arbete-eller-studier',
        label: 'Till arbete eller studier',
        kind: 'outcomeShare',
        outcomes: ['work', 'studies'],
        target: 0.6,
      },
      { id: 'nojda-deltagare', label: 'Nöjda deltagare', kind: 'satisfactionShare', target: 0.85 },
      { id: 'plan', label: 'Planering vid avslut', kind: 'planAtExitShare', target: 0.9 },
    ]);

    await page.getByRole('heading', { level: 1 }).scrollIntoViewIfNeeded();
    expect(await seriousViolations(page)).toEqual([]);
    await page.screenshot({ path: screenshotPath('installningar.png'), fullPage: true });
    // Readable on a phone: nothing wider than the screen.
    await page.setViewportSize({ width: 390, height: 844 });
    await page.screenshot({ path: screenshotPath('installningar-mobil.png'), fullPage: true });
    expect(await page.evaluate('document.documentElement.scrollWidth')).toBeLessThanOrEqual(390);
    expect(errors).toEqual([]);
  });

  it('the chief gives one insats a goal of its own, beside the förbund’s', async () => {
    const { page, errors } = await signedIn('/installningar', chief);
    await heading(page, 'Inställningar').waitFor();
    await page.getByRole('row', { name: /Planering vid avslut/ }).waitFor();

    await label(page, 'Målen gäller').selectOption({ label: 'Resurslotsen' });
    await page.getByText(`Resurslotsen har inga egna mål för ${YEAR} än.`).waitFor();
    // The förbund's goals are not offered as the insats's own.
    expect(await page.getByRole('row', { name: /Planering vid avslut/ }).count()).toBe(0);
    await label(page, 'Typ av mål').selectOption({ label: 'Antal deltagare' });
    await label(page, 'Målets namn').fill('Deltagare i Resurslotsen');
    await label(page, 'Minst antal deltagare').fill('40');
    await button(page, 'Lägg till målet').click();
    await notice(page, `Målet Deltagare i Resurslotsen är tillagt för ${YEAR}.`);
    await page.getByRole('row', { name: /Deltagare i Resurslotsen/ }).waitFor();

    const own = await api.http
      .get(`/v1/interventions/${tenant.interventionId}/goals/${YEAR}`)
      .set(bearer(chief))
      .expect(200);
    expect(own.body.goals).toEqual([
      {
        id: 'deltagare-i-resurslotsen',
        label: 'Deltagare i Resurslotsen',
        kind: 'participantCount',
        min: 40,
      },
    ]);
    // Back to the förbund: its three goals, untouched.
    await label(page, 'Målen gäller').selectOption({ label: 'Hela förbundet' });
    await page.getByRole('row', { name: /Planering vid avslut/ }).waitFor();
    expect(await page.getByRole('row', { name: /Deltagare i Resurslotsen/ }).count()).toBe(0);
    const association = await api.http
      .get(`/v1/associations/${tenant.associationId}/goals/${YEAR}`)
      .set(bearer(chief))
      .expect(200);
    expect(association.body.goals).toHaveLength(3);
    expect(errors).toEqual([]);
  });

  it('marks only the page the chief is on as current in the menu', async () => {
    const { page } = await signedIn('/installningar/anvandare', chief);
    const current = () =>
      page
        .getByRole('navigation', { name: 'Huvudmeny' })
        .locator('[aria-current="page"]')
        .allTextContents();
    await heading(page, 'Användare').waitFor();
    expect(await current()).toEqual(['Användare']);
    await page.getByRole('link', { name: 'Inställningar', exact: true }).click();
    await heading(page, 'Inställningar').waitFor();
    expect(await current()).toEqual(['Inställningar']);
  });

  it('the board member then sees the new goal list on /rapport', async () => {
    await board.page.reload();
    await board.page.getByRole('region', { name: 'Mål för Hela förbundet' }).waitFor();
    expect(await reportGoals(board.page)).toEqual([
      'Till arbete eller studier',
      'Nöjda deltagare',
      'Planering vid avslut',
    ]);
    expect(await reportGoals(board.page, 'Resurslotsen')).toEqual(['Deltagare i Resurslotsen']);
    expect(await seriousViolations(board.page)).toEqual([]);
    expect(board.errors).toEqual([]);
  });
});
