import type { Browser, Page } from 'playwright-core';
import type { Api } from '../support/api-harness';
import { bearer, createTenant, enrolment, type Tenant } from '../support/world';
import {
  heading,
  readable,
  screenshotPath,
  signInWithToken,
  tabsPerTest,
  type Tab,
  webUnderTest,
} from './web-browser';

/**
 * The pages' labels are the served ones, in real headless Chromium against the real API on
 * SQLite: a code's label as GET /v1/vocabulary answers it (changed here on its way to the
 * page), and a self-assessment area's name as the förbund's own instrument gives it.
 */
jest.setTimeout(150_000);

const REPORT_YEAR = 2025;
const THIS_YEAR = new Date().getFullYear();

/** The förbund's own questionnaire: its items are known only from the insats that uses it. */
const NAVIGATOR = {
  key: 'navigator',
  label: 'Navigatorns skattning',
  items: [
    { key: 'vet-vad', label: 'Jag vet vad jag vill', min: 1, max: 5 },
    { key: 'orkar', label: 'Jag orkar en arbetsdag', min: 1, max: 5 },
  ],
};

let api: Api;
let tenant: Tenant;
let chief: string;
let staff: string;
let browser: Browser;
let baseUrl: string;

async function post(token: string, path: string, body: object): Promise<Record<string, string>> {
  const res = await api.http.post(path).set(bearer(token)).send(body);
  if (res.status !== 201) throw new Error(`${path}: ${res.status} ${JSON.stringify(res.body)}`);
  return res.body as Record<string, string>;
}

/** Navigatorn, measured with the förbund's own questionnaire: one participant, higher at exit in one area. */
async function registerNavigator(): Promise<void> {
  const { interventionId } = await post(
    chief,
    `/v1/associations/${tenant.associationId}/interventions`,
    {
      name: 'Navigatorn',
      kind: 'individual',
      parties: ['AF', 'MUNICIPALITY'],
      startsOn: '2025-01-01',
      instruments: [NAVIGATOR],
    },
  );
  const navigatorStaff = api.token('staff', tenant.associationId, [interventionId!], 'Ali');
  const { participantId } = await post(
    navigatorStaff,
    `/v1/interventions/${interventionId}/participants`,
    enrolment,
  );
  const at = `/v1/participants/${participantId}`;
  const assessed = (phase: string, assessedOn: string, scores: Record<string, number>) =>
    post(navigatorStaff, `${at}/self-assessments`, {
      instrument: NAVIGATOR.key,
      phase,
      assessedOn,
      scores,
    });
  await assessed('start', '2025-03-03', { 'vet-vad': 2, orkar: 3 });
  await assessed('exit', '2025-09-01', { 'vet-vad': 4, orkar: 3 });
  await post(navigatorStaff, `${at}/exit`, {
    exitedOn: '2025-09-01',
    outcome: 'work',
    incomeSource: 'salary',
    planHandedOver: true,
  });
  // This year's goals of the förbund: one on an item of the own questionnaire.
  await api.http
    .put(`/v1/associations/${tenant.associationId}/goals/${THIS_YEAR}`)
    .set(bearer(chief))
    .send({
      goals: [
        {
          id: 'vet-vad',
          label: 'Vet vad de vill',
          kind: 'itemShare',
          instrument: NAVIGATOR.key,
          item: 'vet-vad',
          atLeast: 4,
          phase: 'exit',
          target: 0.5,
        },
      ],
    })
    .expect(200);
  // Read your writes: the pages read once the read models have reached the last write.
  const head = String(await api.store.headPosition());
  await api.http
    .get(`/v1/associations/${tenant.associationId}/reports/${REPORT_YEAR}?minPosition=${head}`)
    .set(bearer(tenant.board))
    .expect(200);
}

const web = webUnderTest();

beforeAll(async () => {
  ({ api, baseUrl, browser } = web);
  tenant = await createTenant(api, 0);
  chief = api.token('chief', tenant.associationId, [], 'Karin Lind');
  staff = api.token('staff', tenant.associationId, [tenant.interventionId], 'Ali Hassan');
  await registerNavigator();
});

const newTab = tabsPerTest(() => browser);

/** A fresh tab at `path`, signed in with `token`; `before` runs before the first request. */
async function signedIn(
  path: string,
  token: string,
  before?: (page: Page) => Promise<unknown>,
): Promise<Tab> {
  const tab = await newTab();
  await before?.(tab.page);
  await tab.page.goto(`${baseUrl}${path}`);
  await signInWithToken(tab.page, token);
  return tab;
}

type Served = Record<string, { code: string; label: string }[]>;

/** Changes, on its way to the page, the label of `code` in the served `list`. */
const relabelled =
  (changes: readonly [list: string, code: string, label: string][]) => (page: Page) =>
    page.route('**/v1/vocabulary', async (route) => {
      const response = await route.fetch();
      const vocabulary = (await response.json()) as Served;
      for (const [list, code, label] of changes) {
        vocabulary[list] = vocabulary[list]!.map((entry) =>
          entry.code === code ? { ...entry, label } : entry,
        );
      }
      await route.fulfill({ response, json: vocabulary });
    });

describe('labels of codes', () => {
  it('are the served ones on /deltagare/ny', async () => {
    const { page, errors } = await signedIn(
      '/deltagare/ny',
      staff,
      relabelled([
        ['genders', 'woman', 'Kvinna (ur kodlistan)'],
        ['referringParties', 'FK', 'Försäkringskassan (ur kodlistan)'],
      ]),
    );
    await heading(page, 'Skriv in deltagare').waitFor();
    await page.getByRole('radio', { name: 'Kvinna (ur kodlistan)', exact: true }).check();
    expect(await page.getByRole('radio', { name: 'Kvinna', exact: true }).count()).toBe(0);
    const party = page.getByLabel('Aktualiserande part', { exact: true });
    await party.selectOption({ label: 'Försäkringskassan (ur kodlistan)' });
    expect(await party.inputValue()).toBe('FK');
    expect(errors).toEqual([]);
  });

  it('are the served ones in the goal form on /installningar', async () => {
    const { page, errors } = await signedIn(
      '/installningar',
      chief,
      relabelled([
        ['goalKinds', 'outcomeShare', 'Avslutade till vissa orsaker (ur kodlistan)'],
        ['outcomes', 'work', 'Arbete (ur kodlistan)'],
      ]),
    );
    await heading(page, 'Inställningar').waitFor();
    await page
      .getByLabel('Typ av mål', { exact: true })
      .selectOption({ label: 'Avslutade till vissa orsaker (ur kodlistan)' });
    await page.getByRole('checkbox', { name: 'Arbete (ur kodlistan)', exact: true }).check();
    expect(errors).toEqual([]);
  });
});

describe("a förbund's own questionnaire", () => {
  it("names the areas on /rapport by the questionnaire's items", async () => {
    const { page, errors } = await signedIn(`/rapport?ar=${REPORT_YEAR}`, tenant.board);
    await page
      .getByRole('status')
      .filter({ hasText: `Rapporten för ${REPORT_YEAR} är hämtad.` })
      .waitFor();
    const rows = page
      .getByRole('table', { name: /hur de skattade sig vid avslutet, per område$/ })
      .locator('tbody tr');
    const texts: string[][] = [];
    for (const row of await rows.all()) {
      texts.push((await row.locator('th, td').allTextContents()).map(readable));
    }
    // Beside Resurslotsen's Stegvis-5 areas (nobody assessed), in the insatser's order: Navigatorn's own.
    const own = ['Jag vet vad jag vill', 'Jag orkar en arbetsdag'];
    expect(texts.filter(([area]) => own.includes(area ?? ''))).toEqual([
      ['Jag vet vad jag vill', '1', '1', '0', '0', '100 %'],
      ['Jag orkar en arbetsdag', '1', '0', '1', '0', '0 %'],
    ]);
    expect(texts.map(([area]) => area)).not.toContain('vet-vad');
    await page.locator('#progression-heading').scrollIntoViewIfNeeded();
    await page.screenshot({ path: screenshotPath('rapport-eget-formular.png') });
    expect(errors).toEqual([]);
  });

  it("explains a goal on one of its items by the item's label on /installningar", async () => {
    const { page, errors } = await signedIn('/installningar', chief);
    await heading(page, 'Inställningar').waitFor();
    const row = page
      .getByRole('row')
      .filter({ has: page.getByRole('rowheader', { name: 'Vet vad de vill' }) });
    expect(readable(await row.getByRole('cell').first().textContent())).toBe(
      'Andel som svarat minst 4 på "Jag vet vad jag vill" vid avslut',
    );
    expect(errors).toEqual([]);
  });
});
