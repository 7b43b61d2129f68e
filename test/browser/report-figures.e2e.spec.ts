import { readFileSync } from 'node:fs';
import type { Browser, Locator, Page } from 'playwright-core';
import type { Api } from '../support/api-harness';
import { bearer, createTenant, enrolment, type Tenant } from '../support/world';
import {
  heading,
  readable,
  signInWithToken,
  tabsPerTest,
  type Tab,
  webUnderTest,
} from './web-browser';

/**
 * /rapport in real headless Chromium against the real API: what the styrelse and the
 * förbundschef read must be what staff registered, counted here from a small known year.
 */
jest.setTimeout(120_000);

const YEAR = 2025;

/** Registered in 2025: 5 women and 3 men; 6 exits; a structural insats with head counts. */
const PEOPLE = [
  { gender: 'woman', enrolledOn: '2025-02-03', exit: ['2025-06-13', 'work', true], score: 5 },
  { gender: 'woman', enrolledOn: '2025-02-10', exit: ['2025-08-29', 'work', true], score: 4 },
  { gender: 'woman', enrolledOn: '2025-03-03', exit: ['2025-09-30', 'studies', false], score: 4 },
  { gender: 'woman', enrolledOn: '2025-03-17', exit: ['2025-10-15', 'health', true], score: 5 },
  { gender: 'woman', enrolledOn: '2025-04-01', exit: null, score: null },
  { gender: 'man', enrolledOn: '2025-02-24', exit: ['2025-07-04', 'work', true], score: 4 },
  { gender: 'man', enrolledOn: '2025-05-05', exit: ['2025-11-28', 'dropped_out', false], score: 2 },
  { gender: 'man', enrolledOn: '2025-09-01', exit: null, score: null },
] as const;
const ATTENDANCE = { occurredOn: '2025-10-08', women: 12, men: 7, other: 1 };

const GOALS = [
  // 5 of 6 exited who answered are nöjda (4–5): 83,3 % ≥ 80 %.
  { id: 'nojda', label: 'Nöjda deltagare', kind: 'satisfactionShare', target: 0.8 },
  // 4 of 6 exited to work or studies: 66,7 % ≥ 50 %.
  {
    id: 'arbete-studier',
    label: 'Till arbete eller studier',
    kind: 'outcomeShare',
    outcomes: ['work', 'studies'],
    target: 0.5,
  },
  // 4 of 6 exited with a plan: 66,7 % < 90 %.
  { id: 'plan', label: 'Planering vid avslut', kind: 'planAtExitShare', target: 0.9 },
  // Nobody has a start and an exit self-assessment: no basis.
  {
    id: 'framsteg',
    label: 'Positiv förflyttning',
    kind: 'positiveProgressShare',
    source: 'selfAssessment',
    target: 0.6,
  },
];

let api: Api;
let t: Tenant;
let browser: Browser;
let baseUrl: string;

/** Writes as staff and reads the year back once the read models have every write. */
async function register(tenant: Tenant, year: number, writes: [string, object][]): Promise<void> {
  let position = '0';
  const ids: string[] = [];
  for (const [path, body] of writes) {
    const res = await api.http
      .post(path.replace('{pid}', ids.at(-1) ?? ''))
      .set(bearer(tenant.staff))
      .send(body)
      .expect(201);
    position = res.body.position as string;
    if (typeof res.body.participantId === 'string') ids.push(res.body.participantId);
  }
  await api.http
    .get(`/v1/associations/${tenant.associationId}/reports/${year}?minPosition=${position}`)
    .set(bearer(tenant.chief))
    .expect(200);
}

const web = webUnderTest();

beforeAll(async () => {
  ({ api, baseUrl, browser } = web);
  t = await createTenant(api, 0);
  await api.http
    .put(`/v1/interventions/${t.interventionId}/goals/${YEAR}`)
    .set(bearer(t.chief))
    .send({ goals: GOALS })
    .expect(200);
  const writes: [string, object][] = [
    [`/v1/interventions/${t.structuralId}/attendance`, ATTENDANCE],
  ];
  for (const person of PEOPLE) {
    writes.push([
      `/v1/interventions/${t.interventionId}/participants`,
      { ...enrolment, gender: person.gender, enrolledOn: person.enrolledOn },
    ]);
    if (person.exit === null) continue;
    const [exitedOn, outcome, planHandedOver] = person.exit;
    writes.push(
      ['/v1/participants/{pid}/satisfaction', { score: person.score, answeredOn: exitedOn }],
      [
        '/v1/participants/{pid}/exit',
        { exitedOn, outcome, incomeSource: 'salary', planHandedOver },
      ],
    );
  }
  await register(t, YEAR, writes);
});

const tab = tabsPerTest(() => browser);

/** /rapport for `year` (and `insats`), signed in with the token on /logga-in as a person does. */
async function report(
  token: string,
  year: number,
  viewport?: { width: number; height: number },
  insats?: string,
): Promise<Tab> {
  const opened = await tab(viewport);
  const query = new URLSearchParams({ ar: String(year), ...(insats ? { insats } : {}) });
  await opened.page.goto(`${baseUrl}/rapport?${query.toString()}`);
  await signInWithToken(opened.page, token);
  await reportLoaded(opened.page, year);
  return opened;
}

const reportLoaded = (page: Page, year: number) =>
  page
    .getByRole('status')
    .filter({ hasText: `Rapporten för ${year} är hämtad.` })
    .waitFor();

const figure = async (page: Page, key: string) =>
  readable(await page.locator(`[data-figure="${key}"] .figure__value`).textContent());

/** A goal's row in the goal table (a wide screen), its header and cells as a person reads them. */
async function goalRow(page: Page, label: string): Promise<string[]> {
  const found = page
    .getByRole('row')
    .filter({ has: page.getByRole('rowheader', { name: new RegExp(`^${label}`) }) });
  return (await found.locator('th, td').allTextContents()).map(readable);
}

/** The cells of the row a table names `header`, as a person reads them. */
async function row(table: Locator, header: string): Promise<string[]> {
  const found = table
    .getByRole('row')
    .filter({ has: table.page().getByRole('rowheader', { name: header, exact: true }) });
  return (await found.locator('th, td').allTextContents()).map(readable);
}

const table = (page: Page, caption: string | RegExp) => page.getByRole('table', { name: caption });

it('shows the förbundschef what was registered, in Swedish, with charts and no console errors', async () => {
  const { page, errors } = await report(t.chief, YEAR);
  await heading(page, `Samordningsförbundet Norr: uppföljning ${YEAR}`).waitFor();
  expect(readable(await page.locator('.report-meta').textContent())).toMatch(
    /^Period 1 januari 2025 – 31 december 2025 · Uppdaterad \d\d:\d\d$/,
  );

  expect(await figure(page, 'total')).toBe('8');
  expect(await figure(page, 'enrolled')).toBe('8');
  expect(await figure(page, 'exited')).toBe('6');
  expect(await figure(page, 'activeAtEnd')).toBe('2');
  expect(readable(await page.locator('[data-figure="activeAtEnd"] dt').textContent())).toBe(
    'Aktiva vid årets slut',
  );
  expect(await figure(page, 'womenShare')).toBe('62,5 %');
  expect(await figure(page, 'satisfied')).toBe('83,3 %');
  expect(await figure(page, 'attendance')).toBe('20');

  // Each goal: value against target, its basis and the status in words.
  // The year before has no participants: each goal says there is nothing to compare with.
  const nothingBefore = ['–', 'inget att jämföra med'];
  expect(await goalRow(page, 'Nöjda deltagare')).toEqual([
    'Nöjda deltagareAndel nöjda deltagare',
    '✓Uppfyllt',
    '83,3 %',
    'minst 80 %',
    '5 av 6 avslutade som svarat',
    ...nothingBefore,
  ]);
  expect(await goalRow(page, 'Planering vid avslut')).toEqual([
    'Planering vid avslutAndel med plan vid avslut',
    '✗Ej uppfyllt',
    '66,7 %',
    'minst 90 %',
    '4 av 6 avslutade',
    ...nothingBefore,
  ]);
  expect((await goalRow(page, 'Till arbete eller studier')).slice(1, 3)).toEqual([
    '✓Uppfyllt',
    '66,7 %',
  ]);
  expect((await goalRow(page, 'Positiv förflyttning'))[1]).toMatch(/^\?Otillräckligt underlag/);
  expect(readable(await page.getByTestId('goal-summary').textContent())).toBe(
    '2 av 4 mål uppfyllda, 1 ej uppfyllt, 1 med för litet underlag',
  );

  // Per insats: gender split, exits, satisfaction, goals met; the structural one by head count.
  const insatser = table(page, `Deltagare per insats och kön ${YEAR}`);
  expect(await row(insatser, 'Resurslotsen')).toEqual([
    'Resurslotsen',
    'Individinriktad',
    '5',
    '3',
    '0',
    '8',
    '6',
    '5 av 6',
    '2 av 41 för litet underlag',
  ]);
  expect(await row(insatser, 'Psykeveckan')).toEqual([
    'Psykeveckan',
    'Strukturinriktad *',
    '12',
    '7',
    '1',
    '20',
    '–',
    '–',
    '–',
  ]);

  // Charts are drawn (canvas sized by Chart.js) and have their figures as tables too.
  for (const id of ['chart-outcomes', 'chart-referrers', 'chart-ages', 'chart-interventions']) {
    const canvas = page.locator(`#${id} canvas`);
    const size =
      Number(await canvas.getAttribute('width')) * Number(await canvas.getAttribute('height'));
    expect([id, size > 0]).toEqual([id, true]);
  }
  const outcomes = page.locator('#chart-outcomes');
  await outcomes.getByText('Visa siffrorna som tabell').click();
  expect(await row(outcomes, 'Arbete (även subventionerat)')).toEqual([
    'Arbete (även subventionerat)',
    '2',
    '1',
    '0',
    '3',
  ]);

  // SUS: employment before (income source at enrolment) and after (exit outcome).
  const employment = table(page, /^Sysselsättning före och efter/);
  expect(await row(employment, 'Förvärvsarbete')).toEqual([
    'Förvärvsarbete',
    '0',
    '0 %',
    '3',
    '50 %',
  ]);
  expect(await row(employment, 'Övriga')).toEqual(['Övriga', '6', '100 %', '2', '33,3 %']);
  expect(await row(table(page, /^Hur komplett underlaget är/), 'Svar på nöjdhetsfrågan')).toEqual([
    'Svar på nöjdhetsfrågan',
    '6',
    '100 %',
  ]);
  expect(await page.locator('main').textContent()).not.toMatch(/undefined|NaN/);

  // The selection and the session survive a reload (the year is in the address).
  await page.reload();
  await reportLoaded(page, YEAR);
  expect(await figure(page, 'total')).toBe('8');

  // One insats: its own title, and no table of the insatser.
  await page.getByLabel('Insats', { exact: true }).selectOption({ label: 'Resurslotsen' });
  await heading(page, `Resurslotsen: uppföljning ${YEAR}`).waitFor();
  await reportLoaded(page, YEAR);
  expect(await figure(page, 'total')).toBe('8');
  expect(await insatser.count()).toBe(0);

  // A year without participants.
  await page.getByLabel('År', { exact: true }).selectOption(String(YEAR - 3));
  await heading(page, `Samordningsförbundet Norr: uppföljning ${YEAR - 3}`).waitFor();
  await page.getByText('Inga deltagare registrerade för perioden.').waitFor();
  expect(await page.locator('[data-figure]').count()).toBe(0);
  expect(errors).toEqual([]);
});

it('downloads the shown report as CSV and Excel files', async () => {
  const { page, errors } = await report(t.chief, YEAR);
  const [csv] = await Promise.all([
    page.waitForEvent('download'),
    page.getByRole('button', { name: 'Ladda ned CSV' }).click(),
  ]);
  expect(csv.suggestedFilename()).toBe(`stegvis-rapport-${t.associationId}-${YEAR}.csv`);
  expect(readFileSync(await csv.path(), 'utf8')).toContain('Resurslotsen');
  await page.getByRole('status').filter({ hasText: 'CSV-filen är nedladdad.' }).waitFor();

  const [xlsx] = await Promise.all([
    page.waitForEvent('download'),
    page.getByRole('button', { name: 'Ladda ned Excel' }).click(),
  ]);
  expect(xlsx.suggestedFilename()).toBe(`stegvis-rapport-${t.associationId}-${YEAR}.xlsx`);
  // An .xlsx file is a zip archive.
  expect(
    readFileSync(await xlsx.path())
      .subarray(0, 2)
      .toString('latin1'),
  ).toBe('PK');
  expect(errors).toEqual([]);
});

it('shows the styrelse the same report', async () => {
  const { page, errors } = await report(t.board, YEAR);
  expect(await figure(page, 'total')).toBe('8');
  expect(await figure(page, 'womenShare')).toBe('62,5 %');
  expect((await goalRow(page, 'Planering vid avslut'))[1]).toBe('✗Ej uppfyllt');
  expect(errors).toEqual([]);
});

it('shows the goals and the insatser as whole tables on a wide screen (1366 px)', async () => {
  const { page, errors } = await report(t.chief, YEAR, { width: 1366, height: 900 });
  // The goal table's columns side by side: status to the right of the goal's name.
  const [name, status] = await Promise.all(
    ['Mål', 'Status'].map((column) =>
      page.getByRole('columnheader', { name: column, exact: true }).first().boundingBox(),
    ),
  );
  expect(name && status && status.y === name.y && status.x > name.x).toBe(true);
  const insatser = table(page, `Deltagare per insats och kön ${YEAR}`);
  expect(await insatser.isVisible()).toBe(true);
  // The table fits: its region does not scroll sideways, nor does the page.
  const region = page.getByRole('region', { name: `Deltagare per insats och kön ${YEAR}` });
  expect(
    await region.evaluate(
      (el: { scrollWidth: number; clientWidth: number }) => el.scrollWidth - el.clientWidth,
    ),
  ).toBe(0);
  expect(
    await page.evaluate(
      'document.documentElement.scrollWidth - document.documentElement.clientWidth',
    ),
  ).toBe(0);
  expect(errors).toEqual([]);
});

it('says a year that has not begun has not begun, instead of showing anyone as active', async () => {
  const next = new Date().getFullYear() + 1;
  const { page, errors } = await report(t.chief, next);
  await page
    .getByText(`År ${next} har inte börjat ännu. Uppföljningen visas när året har börjat.`)
    .waitFor();
  expect(await page.locator('[data-figure]').count()).toBe(0);
  expect(await page.locator('li.goal').count()).toBe(0);
  expect(errors).toEqual([]);
});

/** The Swedish long date the page shows for an ISO date ("1 december 2026"). */
const swedishLongDate = (iso: string) =>
  readable(
    new Intl.DateTimeFormat('sv-SE', { dateStyle: 'long', timeZone: 'UTC' }).format(
      new Date(`${iso}T00:00:00Z`),
    ),
  );

it('shows who is active today, not at the end of a year that is still running', async () => {
  const current = new Date().getFullYear();
  const served = await api.http
    .get(`/v1/associations/${t.associationId}/reports/${current}`)
    .set(bearer(t.chief))
    .expect(200);
  const { countedThrough, period } = served.body as {
    countedThrough: string;
    period: { to: string };
  };
  const { page, errors } = await report(t.chief, current);
  // The two 2025 participants who have not exited (a woman and a man) are active today.
  expect(await figure(page, 'activeAtEnd')).toBe('2');
  const label = readable(await page.locator('[data-figure="activeAtEnd"] dt').textContent());
  const meta = readable(await page.locator('.report-meta').textContent());
  if (countedThrough === period.to) {
    // Run on 31 December: the year is counted to its end.
    expect(label).toBe('Aktiva vid årets slut');
  } else {
    expect(label).toBe(`Aktiva den ${swedishLongDate(countedThrough)}`);
    expect(meta).toContain(`(året pågår, uppgifter t.o.m. ${swedishLongDate(countedThrough)})`);
  }
  expect(errors).toEqual([]);
});

describe('a year without a structural insats, and links to an insats not in it', () => {
  let south: Tenant;
  beforeAll(async () => {
    // Söder's structural insats closed in January 2025, so 2026 has only Resurslotsen.
    south = await createTenant(api, 1);
    await api.http
      .post(`/v1/interventions/${south.structuralId}/close`)
      .set(bearer(south.chief))
      .send({ closedOn: '2025-01-31' })
      .expect(201);
    await register(south, 2026, [
      [
        `/v1/interventions/${south.interventionId}/participants`,
        { ...enrolment, enrolledOn: '2026-02-02' },
      ],
    ]);
  });

  it('prints nothing stray under "Insatserna" when no insats that year is structural', async () => {
    const { page, errors } = await report(south.chief, 2026);
    const insatser = table(page, 'Deltagare per insats och kön 2026');
    expect(await row(insatser, 'Resurslotsen')).toEqual([
      'Resurslotsen',
      'Individinriktad',
      '1',
      '0',
      '0',
      '1',
      '0',
      '–',
      '–',
    ]);
    expect(await insatser.getByRole('rowheader', { name: 'Psykeveckan' }).count()).toBe(0);
    const section = page.locator('section[aria-labelledby="interventions-heading"]');
    expect(await section.locator('.hint').count()).toBe(0);
    expect(await page.locator('body').innerText()).not.toMatch(/undefined|NaN/);
    expect(errors).toEqual([]);
  });

  it.each([
    ['an insats that does not exist', () => 'I-0000000000'],
    ['an insats that did not run that year', () => south.structuralId],
  ])('a link to %s shows the whole association, saying so', async (_, insats) => {
    const { page, errors } = await report(south.chief, 2026, undefined, insats());
    await page
      .getByText(
        'Insatsen i länken finns inte bland förbundets insatser 2026. Här visas hela förbundet.',
      )
      .waitFor();
    await heading(page, 'Samordningsförbundet Söder: uppföljning 2026').waitFor();
    expect(await page.getByLabel('Insats', { exact: true }).inputValue()).toBe('');
    expect(await figure(page, 'total')).toBe('1');
    // The downloads are of what is shown.
    const [csv] = await Promise.all([
      page.waitForEvent('download'),
      page.getByRole('button', { name: 'Ladda ned CSV' }).click(),
    ]);
    expect(csv.suggestedFilename()).toBe(`stegvis-rapport-${south.associationId}-2026.csv`);
    // Choosing an insats of the year shows it, and the note goes.
    await page.getByLabel('Insats', { exact: true }).selectOption({ label: 'Resurslotsen' });
    await heading(page, 'Resurslotsen: uppföljning 2026').waitFor();
    expect(await page.getByText('Insatsen i länken finns inte').count()).toBe(0);
    expect(errors).toEqual([]);
  });
});
