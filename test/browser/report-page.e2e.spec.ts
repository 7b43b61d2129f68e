import type { Browser, Page } from 'playwright-core';
import type { PlannedInsats } from '../../libs/domain/src/testing/outcome-years';
import {
  PROGRESSION_GOAL_NAMES,
  resurslotsen2025,
} from '../../libs/domain/src/testing/outcome-years';
import type { ProgressionRule } from '../../libs/domain/src';
import type { Api } from '../support/api-harness';
import { registerPlannedInsats, type RegisteredInsats } from '../support/register-outcome-year';
import { bearer } from '../support/world';
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
 * /rapport (DESIGN §8) for a board member, in real headless Chromium against the real API on
 * SQLite: two consecutive years of Resurslotsen, this year beside the last in words (ökat /
 * minskat), the goals per self-assessment area, and the tables of DESIGN §4 v1.1, each figure
 * worked out by hand below.
 */
jest.setTimeout(150_000);

const YEAR = 2025;

/**
 * Resurslotsen 2025 (libs/domain's worked example) with uppdrag: of the six ended, three had
 * egen försörjning (two reached it), two arbetsförmåga (one), one samordnat stöd (reached).
 */
function withAssignments(plan: PlannedInsats): PlannedInsats {
  const aims = [
    ['self_sufficiency', true],
    ['self_sufficiency', true],
    ['self_sufficiency', false],
    ['work_ability', true],
    ['work_ability', false],
    ['coordinated_support', true],
    ['self_sufficiency', undefined],
  ] as const;
  return {
    ...plan,
    participants: plan.participants.map((p, i) => {
      const [aim, reached] = aims[i]!;
      return {
        ...p,
        enrol: { ...p.enrol, assignment: { aim } },
        ...(p.exit ? { exit: { ...p.exit, assignmentGoalReached: reached } } : {}),
      };
    }),
  };
}

const AREAS = ['self_esteem', 'wellbeing', 'social_ability', 'employability', 'future_hope'];
const scores = (changes: Record<string, number> = {}) =>
  Object.fromEntries(AREAS.map((area) => [area, 5 + (changes[area] ?? 0)]));

/**
 * 2024, the year before: five enrolled on the 10th of January–May (referred on the 1st: nine
 * days' wait), ended on the 20th of June–October (161–163 days: median 163), all nöjda (5/5).
 * Higher at exit: p1 in självkänsla and anställningsbarhet, p2 in anställningsbarhet, p5 in
 * anställningsbarhet and framtidshopp; p3 the same; p4 lower in mående. So 3 of 5 rose
 * (60 %, under every rule but eachDimension); the weakest areas (mående, social förmåga) rose
 * for nobody: 0 %, as in 2025. Six months after: p1 in work, p2 ill (1 of 2, 50 %).
 */
const YEAR_BEFORE = [
  { gender: 'woman', changes: { self_esteem: 1, employability: 1 }, followUp: 'work' },
  { gender: 'woman', changes: { employability: 1 }, followUp: 'health' },
  { gender: 'man', changes: {} },
  { gender: 'man', changes: { wellbeing: -1 } },
  { gender: 'woman', changes: { employability: 1, future_hope: 1 } },
] as const;

async function registerYearBefore(api: Api, insats: RegisteredInsats): Promise<void> {
  const post = async (path: string, body: object) => {
    const res = await api.http.post(path).set(bearer(insats.chief)).send(body);
    if (res.status !== 201) throw new Error(`${path}: ${res.status} ${JSON.stringify(res.body)}`);
    return res.body as { participantId: string };
  };
  for (const [i, p] of YEAR_BEFORE.entries()) {
    const enrolledOn = `2024-0${1 + i}-10`;
    const exitedOn = `2024-${String(6 + i).padStart(2, '0')}-20`;
    const { participantId } = await post(
      `/v1/interventions/${insats.interventionId}/participants`,
      {
        enrolledOn,
        referredOn: `2024-0${1 + i}-01`,
        gender: p.gender,
        birthYear: 1990,
        referringParty: 'FK',
        incomeSource: 'sickness_benefit',
        educationLevel: 'upper_secondary',
        supportDurationBefore: '1_2y',
      },
    );
    const at = `/v1/participants/${participantId}`;
    const assessed = (phase: string, assessedOn: string, changes: Record<string, number>) =>
      post(`${at}/self-assessments`, {
        instrument: 'stegvis-5',
        phase,
        assessedOn,
        scores: scores(changes),
      });
    await assessed('start', enrolledOn, {});
    await assessed('exit', exitedOn, p.changes);
    await post(`${at}/satisfaction`, { score: 5, answeredOn: exitedOn });
    await post(`${at}/exit`, {
      exitedOn,
      outcome: 'other_support',
      incomeSource: 'unknown',
      planHandedOver: true,
    });
    if ('followUp' in p) {
      const month = 12 + i; // six months after June and July: December and January
      await post(`${at}/follow-ups`, {
        monthsAfterExit: 6,
        followedUpOn: month <= 12 ? '2024-12-22' : '2025-01-22',
        status: p.followUp,
        incomeSource: p.followUp === 'work' ? 'salary' : 'unknown',
      });
    }
  }
}

let api: Api;
let insats: RegisteredInsats;
let browser: Browser;
let baseUrl: string;

const web = webUnderTest();

beforeAll(async () => {
  ({ api, baseUrl, browser } = web);
  insats = await registerPlannedInsats(api, withAssignments(resurslotsen2025()), 0);
  await registerYearBefore(api, insats);
  // Read your writes: the page reads once the read models have reached the last write.
  const head = String(await api.store.headPosition());
  await api.http
    .get(`/v1/associations/${insats.associationId}/reports/${YEAR}?minPosition=${head}`)
    .set(bearer(insats.board))
    .expect(200);
});

const tabs: Tab[] = [];
afterEach(async () => {
  for (const tab of tabs.splice(0)) await tab.context.close();
});

/** A board member's tab on /rapport for YEAR, signed in through /logga-in; `before` runs first. */
async function reportTab(
  viewport?: { width: number; height: number },
  before?: (page: Page) => Promise<unknown>,
  year = YEAR,
): Promise<Tab & { vocabularyRequests: string[] }> {
  const tab = await openTab(browser, viewport);
  tabs.push(tab);
  const vocabularyRequests: string[] = [];
  tab.page.on('request', (request) => {
    if (new URL(request.url()).pathname === '/v1/vocabulary')
      vocabularyRequests.push(request.url());
  });
  await before?.(tab.page);
  await tab.page.goto(`${baseUrl}/rapport?ar=${year}`);
  // A board member by name, as the screenshots show the header.
  await signInWithToken(tab.page, web.api.token('board', insats.associationId, [], 'Eva Lind'));
  return { ...tab, vocabularyRequests };
}

const reportLoaded = (page: Page, year = YEAR) =>
  page
    .getByRole('status')
    .filter({ hasText: `Rapporten för ${year} är hämtad.` })
    .waitFor();

const escape = (text: string) => text.replace(/[()]/g, '\\$&');

/** A goal's row in the goal table, by the goal's name, as its cells read. */
async function goalRow(page: Page, label: string): Promise<string[]> {
  const row = page
    .getByRole('row')
    .filter({ has: page.getByRole('rowheader', { name: new RegExp(`^${escape(label)}`) }) });
  return (await row.getByRole('cell').allTextContents()).map(readable);
}

/** A table's body rows, each as its header and cells read. */
async function rowsOf(page: Page, table: string): Promise<string[][]> {
  const rows = page.getByRole('table', { name: table }).locator('tbody tr');
  const texts: string[][] = [];
  for (const row of await rows.all()) {
    texts.push((await row.locator('th, td').allTextContents()).map(readable));
  }
  return texts;
}

const progression = (rule: ProgressionRule) => PROGRESSION_GOAL_NAMES[rule];

it('shows each goal beside the year before, ökat or minskat in words, and the goals per area', async () => {
  const { page, errors, vocabularyRequests } = await reportTab();
  await reportLoaded(page);
  await heading(page, `Samordningsförbundet Resurslotsen: uppföljning ${YEAR}`).waitFor();
  expect(await page.locator('main h2').first().textContent()).toBe(`Mål ${YEAR}`);
  expect(readable(await page.getByTestId('goal-summary').textContent())).toBe(
    '4 av 6 mål uppfyllda, 2 ej uppfyllda',
  );

  // [status, utfall, målnivå, underlag, 2024, jämfört med 2024], from the worked example.
  expect(await goalRow(page, progression('anyImproved'))).toEqual([
    '✓Uppfyllt',
    '100 %',
    'minst 33 %',
    '6 av 6 avslutade med skattning vid start och avslut',
    '60 %3 av 5',
    '↑ ökat',
  ]);
  expect((await goalRow(page, progression('anyImprovedNoneWorse'))).slice(1, 6)).toEqual([
    '83,3 %',
    'minst 33 %',
    '5 av 6 avslutade med skattning vid start och avslut',
    '60 %3 av 5',
    '↑ ökat',
  ]);
  expect((await goalRow(page, progression('eachDimension'))).slice(1, 6)).toEqual([
    '0 %',
    'minst 33 %',
    '0 av 6 avslutade med skattning vid start och avslut',
    '0 %0 av 5',
    '→ oförändrat',
  ]);
  expect((await goalRow(page, 'Minst 85 % nöjda')).slice(0, 6)).toEqual([
    '✗Ej uppfyllt',
    '83,3 %',
    'minst 85 %',
    '5 av 6 avslutade som svarat',
    '100 %5 av 5',
    '↓ minskat',
  ]);
  expect(
    (await goalRow(page, 'Arbete eller studier sex månader efter avslut')).slice(1, 6),
  ).toEqual(['60 %', 'minst 50 %', '3 av 5 följda upp efter avslut', '50 %1 av 2', '↑ ökat']);

  // The goal judged per area shows every area's assessed / higher / same / lower, openly.
  expect(await rowsOf(page, `${progression('eachDimension')}: område för område`)).toEqual([
    ['Självkänsla', '6', '2', '4', '0', '33,3 %', 'Uppfyllt'],
    ['Mående', '6', '2', '4', '0', '33,3 %', 'Uppfyllt'],
    ['Social förmåga', '6', '1', '5', '0', '16,7 %', 'Ej uppfyllt'],
    ['Anställningsbarhet', '6', '1', '5', '0', '16,7 %', 'Ej uppfyllt'],
    ['Framtidshopp', '6', '0', '5', '1', '0 %', 'Ej uppfyllt'],
  ]);

  // Key figures beside 2024: 7 against 5 participants, 4 of 7 women against 3 of 5, …
  const figure = async (key: string) =>
    readable(await page.locator(`[data-figure="${key}"] .figure__before`).textContent());
  expect(await figure('total')).toBe('2024: 5 ↑ ökat');
  expect(await figure('exited')).toBe('2024: 5 ↑ ökat');
  expect(await figure('activeAtEnd')).toBe('2024: 0 ↑ ökat');
  expect(await figure('womenShare')).toBe('2024: 60 % ↓ minskat');
  expect(await figure('satisfied')).toBe('2024: 100 % ↓ minskat');
  expect(await figure('progress')).toBe('2024: 60 % ↑ ökat');
  expect(await figure('days')).toBe('2024: 163 dagar ↓ minskat');
  expect(await figure('waiting')).toBe('2024: 9 dagar ↑ ökat');

  // The labels come from GET /v1/vocabulary, asked once for the session.
  expect(vocabularyRequests).toHaveLength(1);
  expect(await page.locator('main').textContent()).not.toMatch(/undefined|NaN|dimension/);
  expect(await seriousViolations(page)).toEqual([]);
  expect(errors).toEqual([]);
  // The report's first screens, down to the end of the insatser (the whole page is long).
  const bottom = Number(
    await page.evaluate(
      "(() => { const s = document.getElementById('interventions-heading')?.closest('section'); return s ? s.getBoundingClientRect().bottom + window.scrollY + 16 : 2700; })()",
    ),
  );
  await page.screenshot({
    path: screenshotPath('rapport.png'),
    fullPage: true,
    clip: { x: 0, y: 0, width: 1366, height: Math.ceil(bottom) },
  });
});

it('shows Uppdrag, Uppföljning efter avslut, Väntetid and the ongoing beside the ended', async () => {
  const { page, errors } = await reportTab();
  await reportLoaded(page);
  await page.getByRole('heading', { level: 2, name: 'Uppdrag' }).waitFor();
  expect(
    await rowsOf(page, `Avslutade ${YEAR} efter uppdrag: hur många som nådde uppdragets mål`),
  ).toEqual([
    ['Egen försörjning (arbete, studier)', '3', '2', '66,7 %'],
    ['Förbättrad arbets- eller funktionsförmåga', '2', '1', '50 %'],
    ['Samordnat stöd mellan parterna', '1', '1', '100 %'],
  ]);

  // Six ended on the 25th of April–September 2025; five followed up six months after.
  await page.getByRole('heading', { level: 2, name: 'Uppföljning efter avslut' }).waitFor();
  const today = new Date().toISOString().slice(0, 10);
  const due = (months: number) =>
    String(
      [4, 5, 6, 7, 8, 9].filter((month) => {
        const at = new Date(Date.UTC(2025, month - 1 + months, 25)).toISOString().slice(0, 10);
        return at <= today;
      }).length,
    );
  expect(
    await rowsOf(
      page,
      `Deltagare som avslutades ${YEAR}, följda upp 3, 6 och 12 månader efter avslutet`,
    ),
  ).toEqual([
    ['Tidpunkten har passerats', due(3), due(6), due(12)],
    ['Följda upp', '0', '5', '0'],
    ['Sysselsättning vid uppföljningen'],
    ['Arbete (även subventionerat)', '–', '2 av 5', '–'],
    ['Studier', '–', '1 av 5', '–'],
    ['Aktualiserad hos Arbetsförmedlingen', '–', '1 av 5', '–'],
    ['Ohälsa', '–', '1 av 5', '–'],
  ]);

  // Referral to enrolment: 26, 31, 56, 83, 113, 142 and 172 days.
  await page.getByRole('heading', { level: 2, name: 'Väntetid' }).waitFor();
  expect(
    await rowsOf(
      page,
      `Dagar från aktualisering till inskrivning, för deltagare inskrivna ${YEAR}`,
    ),
  ).toEqual([
    ['Hela förbundet', '7', '89', '83'],
    ['Resurslotsen', '7', '89', '83'],
  ]);

  // The one ongoing: from start to the December follow-up, higher in anställningsbarhet only.
  await page.getByRole('heading', { level: 2, name: 'Pågående deltagares förflyttning' }).waitFor();
  const ongoing = await rowsOf(
    page,
    'Pågående deltagare (från start till senaste uppföljning) bredvid de avslutade (från start till avslut)',
  );
  expect(ongoing[0]).toEqual(['Högre i minst ett område', '6 av 6', '100 %', '1 av 1', '100 %']);
  expect(ongoing).toContainEqual(['Anställningsbarhet', '1 av 6', '16,7 %', '1 av 1', '100 %']);
  expect(ongoing).toContainEqual(['Mående', '2 av 6', '33,3 %', '0 av 1', '0 %']);
  expect(errors).toEqual([]);
});

it('says there is nothing to compare with when the year before had no participants', async () => {
  // 2024 against 2023, before Resurslotsen's first participant.
  const { page, errors } = await reportTab(undefined, undefined, YEAR - 1);
  await reportLoaded(page, YEAR - 1);
  await page
    .getByText(
      'Inga deltagare är registrerade för samma period 2023, så det finns inget att jämföra med.',
    )
    .waitFor();
  expect(readable(await page.locator('[data-figure="total"] .figure__value').textContent())).toBe(
    '5',
  );
  expect(await page.locator('.figure__before').count()).toBe(0);
  expect(await page.getByText('ökat').count()).toBe(0);
  expect(errors).toEqual([]);
});

it('takes the labels of codes from GET /v1/vocabulary, and says so when it cannot be had', async () => {
  let failures = 1;
  const { page, errors, vocabularyRequests } = await reportTab(undefined, (p) =>
    p.route('**/v1/vocabulary', async (route) => {
      if (failures > 0) {
        failures -= 1;
        await route.fulfill({ status: 503, contentType: 'application/problem+json', body: '{}' });
        return;
      }
      // The served vocabulary with one label changed: the page must show the changed one.
      const response = await route.fetch();
      const vocabulary = (await response.json()) as Record<
        string,
        { code: string; label: string }[]
      >;
      vocabulary['assignmentAims'] = vocabulary['assignmentAims']!.map((entry) =>
        entry.code === 'work_ability' ? { ...entry, label: 'Arbetsförmåga (ur kodlistan)' } : entry,
      );
      await route.fulfill({ response, json: vocabulary });
    }),
  );
  await heading(page, 'Något gick fel').waitFor();
  await page.getByRole('button', { name: 'Försök igen' }).click();
  await reportLoaded(page);
  expect(
    await page.getByRole('rowheader', { name: 'Arbetsförmåga (ur kodlistan)' }).isVisible(),
  ).toBe(true);
  expect(vocabularyRequests).toHaveLength(2);
  // Another page of the session: no new request.
  await page
    .getByRole('navigation', { name: 'Huvudmeny' })
    .getByRole('link', { name: 'Konto' })
    .click();
  await heading(page, 'Konto').waitFor();
  expect(vocabularyRequests).toHaveLength(2);
  expect(errors.filter((e) => !/status of 503/.test(e))).toEqual([]);
});

it('shows the goals as cards on a phone with last year beside, the page no wider than the screen', async () => {
  const { page, errors } = await reportTab({ width: 390, height: 844 });
  await reportLoaded(page);
  expect(await page.evaluate('document.documentElement.scrollWidth')).toBeLessThanOrEqual(390);
  const card = page
    .getByRole('listitem')
    .filter({ has: page.getByRole('heading', { name: 'Minst 85 % nöjda', exact: true }) });
  expect(readable(await card.textContent())).toContain('2024100 % (5 av 5) ↓ minskat');
  expect(await page.getByRole('table', { name: /^Mål och utfall för/ }).count()).toBe(0);
  await page.evaluate("document.getElementById('goals-heading').scrollIntoView()");
  await page.screenshot({ path: screenshotPath('rapport-mobil.png') });
  expect(await seriousViolations(page)).toEqual([]);
  expect(errors).toEqual([]);
});
