import { readFileSync } from 'node:fs';
import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core';
import { signToken } from '@stegvis/credentials';
import { startApi, type Api } from '../support/api-harness';
import { bearer, createTenant, enrolment, type Tenant } from '../support/world';

/**
 * The dashboard (DESIGN §5, `GET /`) in a real browser against a real API: what the styrelse and
 * the förbundschef see must be what staff registered.
 */
jest.setTimeout(90_000);

const YEAR = 2025;
const CHROMIUM_ARGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

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

beforeAll(async () => {
  api = await startApi();
  await api.app.listen(0, '127.0.0.1');
  baseUrl = (await api.app.getUrl()).replace('[::1]', '127.0.0.1');
  t = await createTenant(api, 0);

  await api.http
    .put(`/v1/interventions/${t.interventionId}/goals/${YEAR}`)
    .set(bearer(t.chief))
    .send({ goals: GOALS })
    .expect(200);
  let position = '0';
  const write = async (path: string, body: object) => {
    const res = await api.http.post(path).set(bearer(t.staff)).send(body).expect(201);
    position = res.body.position as string;
    return res.body as Record<string, unknown>;
  };
  await write(`/v1/interventions/${t.structuralId}/attendance`, ATTENDANCE);
  for (const person of PEOPLE) {
    const { participantId } = await write(`/v1/interventions/${t.interventionId}/participants`, {
      ...enrolment,
      gender: person.gender,
      enrolledOn: person.enrolledOn,
    });
    if (person.exit === null) continue;
    const [exitedOn, outcome, planHandedOver] = person.exit;
    await write(`/v1/participants/${participantId as string}/satisfaction`, {
      score: person.score,
      answeredOn: exitedOn,
    });
    await write(`/v1/participants/${participantId as string}/exit`, {
      exitedOn,
      outcome,
      incomeSource: 'salary',
      planHandedOver,
    });
  }
  // Read your writes: the page reads after the read models have reached the last write.
  await api.http
    .get(`/v1/associations/${t.associationId}/reports/${YEAR}?minPosition=${position}`)
    .set(bearer(t.chief))
    .expect(200);

  browser = await chromium.launch({ executablePath: '/usr/bin/chromium', args: CHROMIUM_ARGS });
});

afterAll(async () => {
  await browser?.close();
  await api?.close();
});

type Session = { context: BrowserContext; page: Page; errors: string[] };
const sessions: Session[] = [];
afterEach(async () => {
  for (const session of sessions.splice(0)) await session.context.close();
});

/** A fresh browser session on the dashboard, recording every console error and page error. */
async function open({
  width = 1280,
  height = 900,
  hash = '',
}: { width?: number; height?: number; hash?: string } = {}): Promise<Session> {
  const context = await browser.newContext({
    viewport: { width, height },
    locale: 'sv-SE',
    acceptDownloads: true,
  });
  const page = await context.newPage();
  const errors: string[] = [];
  page.on('console', (message) => {
    if (message.type() === 'error') errors.push(message.text());
  });
  page.on('pageerror', (error) => errors.push(`pageerror: ${error.message}`));
  await page.goto(`${baseUrl}/${hash}`);
  const session = { context, page, errors };
  sessions.push(session);
  return session;
}

async function signIn(page: Page, token: string): Promise<void> {
  await page.getByLabel('Din token (JWT)').fill(token);
  await page.getByRole('button', { name: 'Logga in' }).click();
}

/** Waits until the page says the year's report is loaded (no fixed sleeps). */
async function reportLoaded(page: Page, year: number): Promise<void> {
  await page
    .getByRole('status')
    .filter({ hasText: `Rapporten för ${year} är hämtad.` })
    .waitFor({ timeout: 15_000 });
}

async function chooseYear(page: Page, year: number): Promise<void> {
  await page.getByLabel('År', { exact: true }).selectOption(String(year));
  await reportLoaded(page, year);
}

/** Text as a person reads it: no-break and narrow spaces as plain spaces. */
const text = async (page: Page, selector: string) =>
  ((await page.locator(selector).first().textContent()) ?? '')
    .replace(/[\u00a0\u202f]/g, ' ')
    .replace(/\s+/g, ' ')
    .trim();

const figure = (page: Page, key: string) => text(page, `[data-figure="${key}"] .figure__value`);

/** How many items the page keeps in sessionStorage (the test's tsconfig has no DOM types). */
const storedItems = (page: Page): Promise<number> => page.evaluate('sessionStorage.length');

async function rowCells(page: Page, selector: string): Promise<string[]> {
  const cells = await page.locator(`${selector} > *`).allTextContents();
  return cells.map((cell) => cell.replace(/[\u00a0\u202f]/g, ' ').trim());
}

it('serves the page with a strict Content-Security-Policy and only the listed files', async () => {
  const page = await api.http.get('/').expect(200);
  expect(page.headers['content-type']).toMatch(/^text\/html/);
  const csp = page.headers['content-security-policy'] as string;
  expect(csp).toContain("default-src 'none'");
  expect(csp).toContain("script-src 'self'");
  expect(csp).toContain("style-src 'self'");
  expect(csp).toContain("frame-ancestors 'none'");
  expect(csp).not.toContain('unsafe');
  expect(page.headers['x-content-type-options']).toBe('nosniff');
  expect(page.text).toContain('lang="sv"');
  // No inline scripts or styles: every <script> has a src, and there is no <style> or style="".
  expect(page.text).not.toMatch(/<script(?![^>]*\ssrc=)[^>]*>/);
  expect(page.text).not.toMatch(/<style|\sstyle=/);

  const chart = await api.http.get('/assets/chart.umd.js').expect(200);
  expect(chart.headers['content-type']).toMatch(/^text\/javascript/);
  expect(chart.text).toContain('window.Chart');
  const app = await api.http.get('/assets/app.js').expect(200);
  await api.http
    .get('/assets/app.js')
    .set('If-None-Match', app.headers.etag as string)
    .expect(304);

  for (const path of [
    '/assets/package.json',
    '/assets/..%2Fpackage.json',
    '/assets/..%2F..%2F..%2F..%2Fpackage.json',
    '/assets/dashboard.controller.ts',
    '/assets/chart.umd.js.map',
  ]) {
    const res = await api.http.get(path);
    expect([path, res.status]).toEqual([path, 404]);
  }
});

it('shows the förbundschef what was registered, in Swedish, with charts and no console errors', async () => {
  const { page, errors } = await open();
  await signIn(page, t.chief);
  // The current year by default.
  const currentYear = new Date().getFullYear();
  await reportLoaded(page, currentYear);
  expect(await page.getByLabel('År', { exact: true }).inputValue()).toBe(String(currentYear));
  expect(await text(page, '#session-who')).toBe('Inloggad som förbundschef');

  await chooseYear(page, YEAR);
  expect(await text(page, '#report-title')).toBe(`Samordningsförbundet Norr: uppföljning ${YEAR}`);
  expect(await text(page, '#report-meta')).toMatch(
    /Period 1 januari 2025 – 31 december 2025 · Uppdaterad: händelseloggen t\.o\.m\. nr [\d ]+/,
  );

  // Key figures.
  expect(await figure(page, 'total')).toBe('8');
  expect(await figure(page, 'enrolled')).toBe('8');
  expect(await figure(page, 'exited')).toBe('6');
  expect(await figure(page, 'activeAtEnd')).toBe('2');
  expect(await figure(page, 'womenShare')).toBe('62,5 %');
  expect(await figure(page, 'satisfied')).toBe('83,3 %');
  expect(await figure(page, 'attendance')).toBe('20');

  // Goal fulfilment: target, outcome, basis and status in words.
  expect(await rowCells(page, '#goals-table tr[data-goal="nojda"]')).toEqual([
    'Nöjda deltagareAndel nöjda deltagare',
    'Resurslotsen',
    'minst 80 %',
    '83,3 %',
    '5 av 6',
    '✓Uppfyllt',
  ]);
  expect(await text(page, '#goals-table tr[data-goal="arbete-studier"] .goal__status')).toBe(
    '✓Uppfyllt',
  );
  expect(await rowCells(page, '#goals-table tr[data-goal="plan"]')).toEqual([
    'Planering vid avslutAndel med planering vid avslut',
    'Resurslotsen',
    'minst 90 %',
    '66,7 %',
    '4 av 6',
    '✗Ej uppfyllt',
  ]);
  expect(await text(page, '#goals-table tr[data-goal="framsteg"] .goal__status')).toBe(
    '?Otillräckligt underlag',
  );
  expect(await page.locator('#goals-table caption').textContent()).toBeTruthy();

  // Per insats: gender split, exits, satisfaction, goals met; the structural one by head count.
  expect(
    await rowCells(page, `#interventions-table tr[data-intervention="${t.interventionId}"]`),
  ).toEqual(['Resurslotsen', 'Individinriktad', '5', '3', '0', '8', '6', '5 av 6', '2 av 4']);
  expect(
    await rowCells(page, `#interventions-table tr[data-intervention="${t.structuralId}"]`),
  ).toEqual(['Psykeveckan', 'Strukturinriktad *', '12', '7', '1', '20', '–', '–', '–']);

  // Charts are drawn (canvas sized by Chart.js) and have their figures as tables too.
  for (const id of ['chart-outcomes', 'chart-interventions', 'chart-ages']) {
    const canvas = page.locator(`#${id} canvas`);
    const size =
      Number(await canvas.getAttribute('width')) * Number(await canvas.getAttribute('height'));
    expect([id, size > 0]).toEqual([id, true]);
  }
  const workRow = await page
    .locator('#chart-outcomes tbody tr', { hasText: 'Arbete (även subventionerat)' })
    .allTextContents();
  expect(workRow[0]?.replace(/\s+/g, '')).toBe('Arbete(ävensubventionerat)2103');

  // SUS: employment before (income source at enrolment) and after (exit outcome).
  expect(await rowCells(page, '#employment-table tr[data-status="work"]')).toEqual([
    'Förvärvsarbete',
    '0',
    '0 %',
    '3',
    '50 %',
  ]);
  expect(await rowCells(page, '#employment-table tr[data-status="other"]')).toEqual([
    'Övriga',
    '6',
    '100 %',
    '2',
    '33,3 %',
  ]);

  // Data completeness.
  expect(await rowCells(page, '#completeness-table tbody tr:has-text("Svar om nöjdhet")')).toEqual([
    'Svar om nöjdhet',
    '6',
    '100 %',
  ]);

  await page.screenshot({ path: '/tmp/dashboard.png', fullPage: true });

  // The selection survives a reload (token in sessionStorage, year in the address).
  await page.reload();
  await reportLoaded(page, YEAR);
  expect(await figure(page, 'total')).toBe('8');

  // One insats.
  await page.getByLabel('Insats', { exact: true }).selectOption({ label: 'Resurslotsen' });
  await page
    .locator('#report-title', { hasText: `Resurslotsen: uppföljning ${YEAR}` })
    .waitFor({ timeout: 15_000 });
  await reportLoaded(page, YEAR);
  expect(await figure(page, 'total')).toBe('8');
  expect(await page.locator('#interventions-block').isHidden()).toBe(true);

  // A year without participants.
  await page.getByLabel('Insats', { exact: true }).selectOption('');
  await chooseYear(page, YEAR - 3);
  expect(await text(page, '#empty')).toBe('Inga deltagare registrerade för perioden.');
  expect(await page.locator('#report').isHidden()).toBe(true);

  expect(errors).toEqual([]);
});

it('downloads the CSV and Excel files with the token', async () => {
  const { page, errors } = await open();
  await signIn(page, t.chief);
  await reportLoaded(page, new Date().getFullYear());
  await chooseYear(page, YEAR);

  const [csv] = await Promise.all([
    page.waitForEvent('download'),
    page.getByRole('button', { name: 'Ladda ned CSV' }).click(),
  ]);
  expect(csv.suggestedFilename()).toBe(`stegvis-rapport-${t.associationId}-${YEAR}.csv`);
  const csvText = readFileSync(await csv.path(), 'utf8');
  expect(csvText.length).toBeGreaterThan(0);
  expect(csvText).toContain('Resurslotsen');

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

it('works for the styrelse, and "Logga ut" forgets the token', async () => {
  const { page, errors } = await open();
  await signIn(page, t.board);
  await reportLoaded(page, new Date().getFullYear());
  expect(await text(page, '#session-who')).toBe('Inloggad som styrelse');
  await chooseYear(page, YEAR);
  expect(await figure(page, 'total')).toBe('8');
  expect(await figure(page, 'womenShare')).toBe('62,5 %');
  expect(await text(page, '#goals-table tr[data-goal="plan"] .goal__status')).toBe('✗Ej uppfyllt');

  await page.getByRole('button', { name: 'Logga ut' }).click();
  await page.getByLabel('Din token (JWT)').waitFor();
  expect(await storedItems(page)).toBe(0);
  expect(await page.locator('#report-view').isHidden()).toBe(true);
  expect(errors).toEqual([]);
});

it('tells staff in Swedish that the dashboard is for förbundschef and styrelse', async () => {
  const { page, errors } = await open();
  await signIn(page, t.staff);
  const alert = page.getByRole('alert');
  await alert.filter({ hasText: 'förbundschef och styrelse' }).waitFor();
  expect(await text(page, '#alert')).toBe(
    'Instrumentpanelen är till för förbundschef och styrelse. Din token gäller rollen insatspersonal.',
  );
  expect(await page.locator('#report-view').isHidden()).toBe(true);
  expect(await storedItems(page)).toBe(0);
  expect(errors).toEqual([]);
});

it('says a token the API refuses is invalid or expired, and one that is not a JWT too', async () => {
  const { page, errors } = await open();
  // Well-formed, right claims, wrong key: only the API can tell.
  const forged = signToken(
    { ...api.config.auth, secret: 'not-the-secret-but-at-least-32-characters' },
    { sub: 'intruder', role: 'chief', associationId: t.associationId },
  );
  const refused = page.waitForResponse((res) => res.url().includes('/reports/'));
  await signIn(page, forged);
  expect((await refused).status()).toBe(401);
  await page.getByRole('alert').filter({ hasText: 'Ogiltig eller utgången token' }).waitFor();
  expect(await page.getByLabel('Din token (JWT)').isVisible()).toBe(true);
  expect(await storedItems(page)).toBe(0);

  await signIn(page, 'inte-en-token');
  expect(await text(page, '#alert')).toBe(
    'Ogiltig eller utgången token. Logga in med en ny token.',
  );
  // The browser reports the refused request itself; nothing else may fail.
  expect(errors.filter((e) => !/status of 401/.test(e))).toEqual([]);
});

it('says so in Swedish when the server cannot be reached', async () => {
  const { context, page, errors } = await open();
  await signIn(page, t.board);
  await reportLoaded(page, new Date().getFullYear());
  await context.setOffline(true);
  await page.getByRole('button', { name: 'Uppdatera' }).click();
  await page.getByRole('alert').filter({ hasText: 'Kunde inte nå Stegvis' }).waitFor();
  await context.setOffline(false);
  expect(errors.filter((e) => !/ERR_INTERNET_DISCONNECTED/.test(e))).toEqual([]);
});

/** The Swedish long date the dashboard shows for an ISO date ("1 december 2026"). */
const swedishLongDate = (iso: string) =>
  new Intl.DateTimeFormat('sv-SE', { dateStyle: 'long', timeZone: 'UTC' })
    .format(new Date(`${iso}T00:00:00Z`))
    .replace(/[\u00a0\u202f]/g, ' ');

describe('a year without a structural insats, stale links and years not yet over', () => {
  let south: Tenant;
  const SOUTH_YEAR = 2026;

  beforeAll(async () => {
    // Söder's structural insats closed in January 2025, so 2026 has only Resurslotsen.
    south = await createTenant(api, 1);
    await api.http
      .post(`/v1/interventions/${south.structuralId}/close`)
      .set(bearer(south.chief))
      .send({ closedOn: '2025-01-31' })
      .expect(201);
    const enrolled = await api.http
      .post(`/v1/interventions/${south.interventionId}/participants`)
      .set(bearer(south.staff))
      .send({ ...enrolment, enrolledOn: '2026-02-02' })
      .expect(201);
    await api.http
      .get(
        `/v1/associations/${south.associationId}/reports/${SOUTH_YEAR}?minPosition=${enrolled.body.position as string}`,
      )
      .set(bearer(south.chief))
      .expect(200);
  });

  it('prints nothing stray under "Insatserna" when no insats is structural', async () => {
    const { page, errors } = await open({ hash: `#ar=${SOUTH_YEAR}` });
    await signIn(page, south.chief);
    await reportLoaded(page, SOUTH_YEAR);
    expect(
      await rowCells(page, `#interventions-table tr[data-intervention="${south.interventionId}"]`),
    ).toEqual(['Resurslotsen', 'Individinriktad', '1', '0', '0', '1', '0', '–', '–']);
    expect(await text(page, '#interventions')).not.toContain('undefined');
    expect(await page.locator('#interventions .hint').count()).toBe(0);
    expect(await page.locator('body').innerText()).not.toContain('undefined');
    expect(errors).toEqual([]);
  });

  it.each([
    ['an insats that does not exist', () => 'I-0000000000'],
    ['an insats that did not run that year', () => south.structuralId],
  ])(
    'a link to %s shows the whole association with a note, and "Uppdatera" works',
    async (_, insats) => {
      const { page, errors } = await open({ hash: `#ar=${SOUTH_YEAR}&insats=${insats()}` });
      await signIn(page, south.chief);
      await reportLoaded(page, SOUTH_YEAR);
      expect(await text(page, '#note')).toBe(
        `Insatsen i länken finns inte bland förbundets insatser ${SOUTH_YEAR}. Här visas hela förbundet.`,
      );
      expect(await text(page, '#report-title')).toBe(
        `Samordningsförbundet Söder: uppföljning ${SOUTH_YEAR}`,
      );
      expect(await page.getByLabel('Insats', { exact: true }).inputValue()).toBe('');
      expect(new URL(page.url()).hash).toBe(`#ar=${SOUTH_YEAR}`);

      await page.getByRole('button', { name: 'Uppdatera' }).click();
      await page.locator('#note').waitFor({ state: 'hidden' });
      await reportLoaded(page, SOUTH_YEAR);
      expect(await page.locator('#alert').isHidden()).toBe(true);
      expect(await figure(page, 'total')).toBe('1');
      expect(errors.filter((e) => !/status of 404/.test(e))).toEqual([]);
    },
  );

  it('says a year that has not begun has not begun, instead of showing anyone as active', async () => {
    const next = new Date().getFullYear() + 1;
    const { page, errors } = await open({ hash: `#ar=${next}` });
    await signIn(page, t.chief);
    await reportLoaded(page, next);
    expect(await text(page, '#empty')).toBe(
      `År ${next} har inte börjat ännu. Uppföljningen visas när året har börjat.`,
    );
    expect(await page.locator('#report').isHidden()).toBe(true);
    expect(errors).toEqual([]);
  });

  it('shows who is active today, not at the end of a year that is still running', async () => {
    const current = new Date().getFullYear();
    const report = await api.http
      .get(`/v1/associations/${t.associationId}/reports/${current}`)
      .set(bearer(t.chief))
      .expect(200);
    const { countedThrough, period } = report.body as {
      countedThrough: string;
      period: { to: string };
    };
    const { page, errors } = await open({ hash: `#ar=${current}` });
    await signIn(page, t.chief);
    await reportLoaded(page, current);
    // The two 2025 participants who have not exited (a woman and a man) are active today.
    expect(await figure(page, 'activeAtEnd')).toBe('2');
    expect(await text(page, '[data-figure="activeAtEnd"] dt')).toBe(
      countedThrough === period.to
        ? 'Aktiva vid årets slut'
        : `Aktiva den ${swedishLongDate(countedThrough)}`,
    );
    if (countedThrough !== period.to) {
      expect(await text(page, '#report-meta')).toContain(
        `året pågår, uppgifter t.o.m. ${swedishLongDate(countedThrough)}`,
      );
    }
    expect(errors).toEqual([]);
  });
});

/** The förbundschef's 2025 report in a window `width` wide. */
async function reportAt(width: number, height: number): Promise<Session> {
  const session = await open({ width, height });
  await signIn(session.page, t.chief);
  await reportLoaded(session.page, new Date().getFullYear());
  await chooseYear(session.page, YEAR);
  return session;
}

/** The whole page and the goals, to look at (/tmp/dashboard-<width>*.png). */
async function screenshots(page: Page, width: number): Promise<void> {
  await page.screenshot({ path: `/tmp/dashboard-${width}.png`, fullPage: true });
  await page.locator('#goals').screenshot({ path: `/tmp/dashboard-${width}-goals.png` });
}

it('shows each goal as a card with its status in view on a phone (390 px)', async () => {
  const { page, errors } = await reportAt(390, 844);
  const cards = page.locator('#goals .goal-card');
  expect(await cards.count()).toBe(GOALS.length);
  for (const goal of GOALS) {
    const card = page.locator(`#goals .goal-card[data-goal="${goal.id}"]`);
    const status = card.locator('.goal__status');
    expect(await status.isVisible()).toBe(true);
    const box = await status.boundingBox();
    expect([goal.id, box !== null && box.x >= 0 && box.x + box.width <= 390]).toEqual([
      goal.id,
      true,
    ]);
  }
  const card = await page.locator('#goals .goal-card[data-goal="nojda"]').innerText();
  expect(card.replace(/[\u00a0\u202f]/g, ' ').replace(/\s+/g, ' ')).toBe(
    'Nöjda deltagare ✓ Uppfyllt Andel nöjda deltagare · Resurslotsen Utfall 83,3 % Mål minst 80 % Underlag 5 av 6',
  );
  // The page itself never scrolls sideways; the table is for wide screens only.
  const overflow: number = await page.evaluate(
    'document.documentElement.scrollWidth - document.documentElement.clientWidth',
  );
  expect(overflow).toBe(0);
  expect(await page.locator('#goals-table').isVisible()).toBe(false);
  await screenshots(page, 390);
  expect(errors).toEqual([]);
});

it('shows the goals as a table on a wide screen (1366 px)', async () => {
  const { page, errors } = await reportAt(1366, 900);
  expect(await page.locator('#goals-table').isVisible()).toBe(true);
  expect(await page.locator('#goals .goal-card').first().isVisible()).toBe(false);
  await screenshots(page, 1366);
  expect(errors).toEqual([]);
});
