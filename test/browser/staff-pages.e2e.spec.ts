import type { Page } from 'playwright-core';
import type { Api } from '../support/api-harness';
import { bearer, type Tenant } from '../support/world';
import {
  dateInWords,
  fillEnrolment,
  openForm,
  pseudonymOnPage,
  rowInList,
  saved,
  staffWorld,
  today,
} from './staff-steps';
import { heading, readable, screenshotPath, seriousViolations } from './web-browser';

/**
 * The staff pages (/deltagare, /deltagare/ny, /deltagare/:pid; DESIGN §8) in real headless
 * Chromium against the real API on SQLite, found by their Swedish labels and roles.
 */
jest.setTimeout(120_000);

const world = staffWorld();
const { signedIn } = world;
let api: Api;
let tenant: Tenant;
let staff: string;
beforeAll(() => {
  ({ api, tenant, staff } = world);
});

const THIS_YEAR = new Date().getFullYear();

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
    await page.getByText('Födelseåret ska vara ett heltal mellan 1900 och 2100.').waitFor();
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
    expect(await focused()).toBe('Uppdrag');
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

async function history(pid: string): Promise<{ type: string; retracted: boolean }[]> {
  const res = await api.http.get(`/v1/participants/${pid}`).set(bearer(staff)).expect(200);
  return res.body.events;
}

const SCORES = {
  start: {
    Självkänsla: '3',
    Mående: '4',
    'Social förmåga': '5',
    Anställningsbarhet: '2',
    Framtidshopp: '4',
  },
  exit: {
    Självkänsla: '6',
    Mående: '7',
    'Social förmåga': '6',
    Anställningsbarhet: '5',
    Framtidshopp: '8',
  },
};

async function fillScores(page: Page, scores: Record<string, string>) {
  for (const [label, value] of Object.entries(scores)) {
    await page.getByLabel(label, { exact: true }).fill(value);
  }
}

describe('/deltagare/:pid', () => {
  it("records a participant's whole year, warns before mistakes and takes one back", async () => {
    const { page, errors } = await signedIn('/deltagare/ny');
    const loads: string[] = [];
    const requests: string[] = [];
    page.on('framenavigated', (frame) => {
      if (frame === page.mainFrame()) loads.push(frame.url());
    });
    page.on('request', (request) => {
      if (new URL(request.url()).pathname.startsWith('/v1/')) requests.push(request.url());
    });

    await heading(page, 'Skriv in deltagare').waitFor();
    await fillEnrolment(page, '1985');
    await page.getByRole('button', { name: 'Skriv in', exact: true }).click();
    await heading(page, 'Deltagaren är inskriven').waitFor();
    const pid = await pseudonymOnPage(page);
    await page.getByRole('link', { name: 'Gå till deltagaren' }).click();
    await heading(page, `Deltagare ${pid}`).waitFor();

    // The start assessment: one input per item of the insats's instrument, with its scale.
    await openForm(page, 'Självskattning');
    expect(await page.getByRole('radio', { name: 'Start', exact: true }).isChecked()).toBe(true);
    const wellbeing = page.getByLabel('Mående', { exact: true });
    expect(await wellbeing.getAttribute('min')).toBe('1');
    expect(await wellbeing.getAttribute('max')).toBe('10');
    await fillScores(page, SCORES.start);
    await page.getByRole('button', { name: 'Spara självskattningen' }).click();
    await saved(page, 'Självskattningen är sparad.');

    // Two steps on the ladder, by its Swedish labels.
    for (const level of [
      '2. Stabiliserande och motiverande insatser',
      '4. Arbetsträning eller praktik',
    ]) {
      await openForm(page, 'Steg på stegen');
      await page.getByRole('radio', { name: level, exact: true }).check();
      await page.getByRole('button', { name: 'Spara steget' }).click();
      await saved(page, 'Steget på stegen är sparat.');
    }

    // The exit assessment: a missing item is warned about before anything is sent.
    await openForm(page, 'Självskattning');
    expect(await page.getByRole('radio', { name: 'Avslut', exact: true }).isChecked()).toBe(true);
    const { Framtidshopp: hope, ...fourOfFive } = SCORES.exit;
    await fillScores(page, fourOfFive);
    await page.getByRole('button', { name: 'Spara självskattningen' }).click();
    await page
      .getByRole('alert')
      .filter({ hasText: '1 av 5 frågor saknar svar (Framtidshopp)' })
      .waitFor();
    expect(await page.getByRole('button', { name: 'Spara ändå' }).isVisible()).toBe(true);
    await page.getByLabel('Framtidshopp', { exact: true }).fill(hope);
    await page.getByRole('button', { name: 'Spara ändå' }).click();
    await saved(page, 'Självskattningen är sparad.');

    // Satisfaction; a second answer is warned about, saved anyway, then taken back.
    await openForm(page, 'Nöjdhet');
    await page.getByRole('radio', { name: '4 – Ganska nöjd' }).check();
    await page.getByRole('button', { name: 'Spara svaret' }).click();
    await saved(page, 'Nöjdheten är sparad.');
    await openForm(page, 'Nöjdhet');
    await page.getByRole('radio', { name: '2 – Ganska missnöjd' }).check();
    await page.getByRole('button', { name: 'Spara svaret' }).click();
    await page
      .getByRole('alert')
      .filter({ hasText: 'Deltagaren har redan svarat på nöjdhetsfrågan' })
      .waitFor();
    await page.getByRole('button', { name: 'Spara ändå' }).click();
    await saved(page, 'Nöjdheten är sparad.');

    await openForm(page, 'Ta tillbaka');
    await page
      .getByLabel('Uppgift', { exact: true })
      .selectOption({ label: `${today()} Nöjdhet: 2 – Ganska missnöjd` });
    await page.getByRole('radio', { name: 'Dubblettregistrering' }).check();
    await page.getByRole('button', { name: 'Ta tillbaka uppgiften' }).click();
    await saved(page, 'Uppgiften är tagen tillbaka.');

    // The exit.
    await openForm(page, 'Avslut');
    await page
      .getByLabel('Avslutsorsak', { exact: true })
      .selectOption({ label: 'Arbete (även subventionerat)' });
    await page.getByLabel('Försörjning vid avslut', { exact: true }).selectOption({ label: 'Lön' });
    await page.getByLabel('Planen lämnades över', { exact: true }).check();
    await page.getByRole('button', { name: 'Spara avslutet' }).click();
    await saved(page, 'Avslutet är sparat.');
    expect(readable(await page.locator('.facts-inline').textContent())).toContain('Avslutad');

    // The timeline: the retracted answer struck through, with its reason.
    const journey = page.getByRole('list', { name: 'Deltagarens historik' });
    const retracted = journey.locator('.timeline__entry--retracted');
    expect(await retracted.count()).toBe(1);
    expect(readable(await retracted.textContent())).toContain('Nöjdhet: 2 – Ganska missnöjd');
    expect(readable(await retracted.textContent())).toContain(
      'Togs tillbaka: Dubblettregistrering',
    );
    expect(
      await page.evaluate(
        "getComputedStyle(document.querySelector('.timeline__entry--retracted .timeline__what')).textDecorationLine",
      ),
    ).toBe('line-through');
    expect(await journey.getByRole('listitem').count()).toBe(9);

    // The spider chart of start against the latest, and its table.
    await page.locator('#spindel canvas').waitFor();
    await page.getByText('Visa skattningarna som tabell').click();
    const table = page.locator('#spindel table');
    expect(
      await table.locator('tr', { hasText: 'Framtidshopp' }).locator('th, td').allTextContents(),
    ).toEqual(['Framtidshopp (1–10)', '4', '8']);
    expect(await seriousViolations(page)).toEqual([]);
    await openForm(page, 'Självskattning');
    expect(await seriousViolations(page)).toEqual([]);
    await page.screenshot({ path: screenshotPath('deltagare-pid.png'), fullPage: true });

    const types = (await history(pid)).map(
      (e) => `${e.type}${e.retracted ? ' (tillbakatagen)' : ''}`,
    );
    expect(types).toEqual([
      'ParticipantEnrolled',
      'SelfAssessmentRecorded',
      'ProgressionStepRecorded',
      'ProgressionStepRecorded',
      'SelfAssessmentRecorded',
      'SatisfactionRecorded',
      'SatisfactionRecorded (tillbakatagen)',
      'EntryRetracted',
      'ParticipantExited',
    ]);
    // What one participant's year takes: page loads (the sign-in and the rest client-side) and API requests.
    console.log(
      `En deltagares år i webbläsaren: ${loads.length} sidladdningar, ${requests.length} anrop till API:t`,
    );
    expect(loads.length).toBeLessThanOrEqual(2);

    // The list shows the participant as exited, with nothing missing.
    const row = await rowInList(page, pid);
    expect(await row.locator('th, td').allTextContents()).toEqual([
      pid,
      'Resurslotsen',
      dateInWords(today()),
      `Avslutad ${dateInWords(today())}`,
      'Inget',
    ]);
    expect(errors.filter((e) => !e.includes('422'))).toEqual([]);
  });

  it('writes a double-clicked submit once', async () => {
    const pid = await enrolByApi();
    const { page } = await signedIn(`/deltagare/${pid}`);
    await heading(page, `Deltagare ${pid}`).waitFor();
    await openForm(page, 'Steg på stegen');
    await page.getByRole('radio', { name: '3. Arbetsförberedande insatser' }).check();
    await page.getByRole('button', { name: 'Spara steget' }).dblclick();
    await saved(page, 'Steget på stegen är sparat.');
    const steps = (await history(pid)).filter((e) => e.type === 'ProgressionStepRecorded');
    expect(steps).toHaveLength(1);
  });

  it('shows what someone else changed meanwhile, and saves when sent again', async () => {
    const pid = await enrolByApi();
    const { page } = await signedIn(`/deltagare/${pid}`);
    await heading(page, `Deltagare ${pid}`).waitFor();
    await openForm(page, 'Nöjdhet');
    await page.getByRole('radio', { name: '5 – Mycket nöjd' }).check();
    // A colleague records a step while this page is open.
    await api.http
      .post(`/v1/participants/${pid}/progression-steps`)
      .set(bearer(staff))
      .send({ level: 3, stepOn: today() })
      .expect(201);
    await page.getByRole('button', { name: 'Spara svaret' }).click();
    const conflict = page
      .getByRole('alert')
      .filter({ hasText: 'Någon annan har ändrat deltagaren' });
    await conflict.waitFor();
    expect(readable(await conflict.textContent())).toContain('Steg på stegen: nivå 3');
    // The page shows the colleague's step now; the form keeps its answer to send again.
    expect(await page.getByRole('radio', { name: '5 – Mycket nöjd' }).isChecked()).toBe(true);
    await page.getByRole('button', { name: 'Spara svaret' }).click();
    await saved(page, 'Nöjdheten är sparad.');
    const types = (await history(pid)).map((e) => e.type);
    expect(types).toEqual([
      'ParticipantEnrolled',
      'ProgressionStepRecorded',
      'SatisfactionRecorded',
    ]);
  });
});

async function enrolByApi(): Promise<string> {
  const res = await api.http
    .post(`/v1/interventions/${tenant.interventionId}/participants`)
    .set(bearer(staff))
    .send({
      enrolledOn: today(),
      gender: 'other',
      birthYear: 1995,
      referringParty: 'SELF',
      incomeSource: 'social_assistance',
      educationLevel: 'compulsory',
      supportDurationBefore: 'over_5y',
    })
    .expect(201);
  return res.body.participantId as string;
}

/** How many participants GET /v1/participants finds with `query`. */
async function matching(query: string): Promise<number> {
  const res = await api.http.get(`/v1/participants?${query}`).set(bearer(staff)).expect(200);
  return res.body.total as number;
}

async function record(pid: string, path: string, body: Record<string, unknown>) {
  await api.http.post(`/v1/participants/${pid}/${path}`).set(bearer(staff)).send(body).expect(201);
}

describe('/deltagare', () => {
  it('lists my participants with status and what is missing, filters, searches and pages', async () => {
    // One exited with everything, one exited without a satisfaction answer, one just enrolled.
    const complete = await enrolByApi();
    const scores = {
      self_esteem: 5,
      wellbeing: 5,
      social_ability: 5,
      employability: 5,
      future_hope: 5,
    };
    for (const phase of ['start', 'exit']) {
      await record(complete, 'self-assessments', {
        instrument: 'stegvis-5',
        phase,
        assessedOn: today(),
        scores,
      });
    }
    await record(complete, 'satisfaction', { score: 5, answeredOn: today() });
    const exit = {
      exitedOn: today(),
      outcome: 'studies',
      incomeSource: 'student_aid',
      planHandedOver: true,
    };
    await record(complete, 'exit', exit);
    const unanswered = await enrolByApi();
    await record(unanswered, 'self-assessments', {
      instrument: 'stegvis-5',
      phase: 'start',
      assessedOn: today(),
      scores,
    });
    await record(unanswered, 'exit', exit);
    // Enough participants for more than one page.
    for (let i = 0; i < 50; i++) await enrolByApi();
    const fresh = await enrolByApi();
    const all = await api.http
      .get(`/v1/interventions/${tenant.interventionId}/participants?limit=500`)
      .set(bearer(staff))
      .expect(200);
    const total = (all.body.items as unknown[]).length;
    expect(total).toBeGreaterThan(50);

    const { page, errors } = await signedIn('/deltagare');
    await heading(page, 'Deltagare').waitFor();
    const summary = page.getByRole('status').filter({ hasText: 'deltagare.' });
    await summary.filter({ hasText: `Visar 50 av ${total} deltagare.` }).waitFor();
    await page.getByRole('button', { name: 'Visa fler' }).click();
    await summary.filter({ hasText: `Visar ${total} av ${total} deltagare.` }).waitFor();
    expect(await page.getByRole('button', { name: 'Visa fler' }).count()).toBe(0);
    // The most recently changed first: the one enrolled last.
    const firstRow = page.getByRole('row').nth(1);
    expect(await firstRow.getByRole('link').textContent()).toBe(fresh);
    expect(await seriousViolations(page)).toEqual([]);
    await page.evaluate('window.scrollTo(0, 0)');
    await page.screenshot({ path: screenshotPath('deltagare.png') });

    const cells = async (pid: string) =>
      page
        .getByRole('row')
        .filter({ has: page.getByRole('link', { name: pid, exact: true }) })
        .locator('td')
        .allTextContents();
    expect((await cells(complete)).slice(2)).toEqual([`Avslutad ${dateInWords(today())}`, 'Inget']);
    expect((await cells(unanswered)).slice(2)).toEqual([
      `Avslutad ${dateInWords(today())}`,
      'Slutskattning, nöjdhetssvar',
    ]);
    expect((await cells(fresh)).slice(2)).toEqual(['Pågår', 'Startskattning']);

    // Status "Avslutade": the exited ones only, as the server filters them.
    await page.getByLabel('Status', { exact: true }).selectOption({ label: 'Avslutad' });
    // (Other tests of this file exit participants of the same insats too.)
    const exited = await matching('status=exited');
    await summary.filter({ hasText: `Visar ${exited} av ${exited} deltagare.` }).waitFor();
    const links = page.getByRole('table').getByRole('link');
    expect(await links.allTextContents()).toEqual(expect.arrayContaining([complete, unanswered]));
    expect(await links.allTextContents()).not.toContain(fresh);
    // What is missing: the exited one without a satisfaction answer.
    await page
      .getByLabel('Saknas', { exact: true })
      .selectOption({ label: 'Svar om nöjdhet vid avslut saknas' });
    const unsatisfied = await matching('status=exited&missing=satisfaction');
    await summary
      .filter({ hasText: `Visar ${unsatisfied} av ${unsatisfied} deltagare.` })
      .waitFor();
    expect(await links.allTextContents()).toContain(unanswered);
    expect(await links.allTextContents()).not.toContain(complete);
    // Search by the beginning of a pseudonym, as typed; a personnummer is refused at the field.
    await page.getByLabel('Saknas', { exact: true }).selectOption({ label: 'Visa alla' });
    await page.getByLabel('Status', { exact: true }).selectOption({ label: 'Alla' });
    const search = page.getByLabel('Sök pseudonym', { exact: true });
    await search.fill('19890101-1234');
    await page.getByText('Stegvis känner aldrig till personnummer.', { exact: false }).waitFor();
    expect(await search.getAttribute('aria-invalid')).toBe('true');
    await search.fill(fresh.slice(2, 9).toLowerCase());
    await summary.filter({ hasText: 'Visar 1 av 1 deltagare.' }).waitFor();
    expect(await links.allTextContents()).toEqual([fresh]);
    await links.first().click();
    await heading(page, `Deltagare ${fresh}`).waitFor();
    // The refused search is the one failed request.
    expect(errors.filter((e) => !e.includes('400'))).toEqual([]);
  });

  it('reads well on a phone (390 px)', async () => {
    await enrolByApi();
    const { page } = await signedIn('/deltagare', { width: 390, height: 844 });
    await heading(page, 'Deltagare').waitFor();
    await page.getByRole('table').waitFor();
    // Nothing but the table's own scrolling region is wider than the screen.
    expect(await page.evaluate('document.documentElement.scrollWidth')).toBeLessThanOrEqual(390);
    expect(await seriousViolations(page)).toEqual([]);
    await page.screenshot({ path: screenshotPath('deltagare-mobil.png') });
  });
});

describe('/deltagare/:pid on a phone', () => {
  it('reads well at 390 px, the spider chart included', async () => {
    const pid = await enrolByApi();
    const scores = (n: number) => ({
      self_esteem: n,
      wellbeing: n + 1,
      social_ability: n,
      employability: n + 2,
      future_hope: n + 1,
    });
    await record(pid, 'self-assessments', {
      instrument: 'stegvis-5',
      phase: 'start',
      assessedOn: today(),
      scores: scores(3),
    });
    await record(pid, 'self-assessments', {
      instrument: 'stegvis-5',
      phase: 'followup',
      assessedOn: today(),
      scores: scores(6),
    });
    const { page } = await signedIn(`/deltagare/${pid}`, { width: 390, height: 844 });
    await heading(page, `Deltagare ${pid}`).waitFor();
    await page.locator('#spindel canvas').waitFor();
    expect(await page.evaluate('document.documentElement.scrollWidth')).toBeLessThanOrEqual(390);
    expect(await seriousViolations(page)).toEqual([]);
    await page.screenshot({ path: screenshotPath('deltagare-pid-mobil.png'), fullPage: true });
  });
});

describe('/deltagare/narvaro', () => {
  it("records a structural insats's head counts and lists the year's", async () => {
    // Staff of both insatser: the list links to the head counts of the structural one.
    const { page, errors } = await signedIn('/deltagare', undefined, tenant.staff);
    await heading(page, 'Deltagare').waitFor();
    await page.getByRole('link', { name: /Registrera antal deltagare/ }).click();
    await heading(page, 'Antal deltagare').waitFor();
    const insats = page.getByLabel('Insats', { exact: true });
    expect(await insats.locator('option:checked').textContent()).toBe('Psykeveckan');
    // The year's list loads after the form.
    await page.getByText('Inget registrerat ännu i år.').waitFor();

    // All three 0: the domain's rule, at the field.
    for (const label of ['Kvinnor', 'Män', 'Annat/vill ej ange']) {
      await page.getByLabel(label, { exact: true }).fill('0');
    }
    await page.getByRole('button', { name: 'Spara antalet' }).click();
    await page.getByText(/är alla 0: ange hur många som deltog/).waitFor();

    await page.getByLabel('Kvinnor', { exact: true }).fill('12');
    await page.getByLabel('Män', { exact: true }).fill('8');
    await page.getByLabel('Annat/vill ej ange', { exact: true }).fill('1');
    await page.getByRole('button', { name: 'Spara antalet' }).dblclick();
    await page
      .getByRole('status')
      .filter({ hasText: `21 deltagare ${dateInWords(today())} är sparade.` })
      .waitFor();
    const table = page.getByRole('table', { name: /Antal deltagare/ });
    await table.waitFor();
    expect(await table.locator('tfoot td').allTextContents()).toEqual(['12', '8', '1', '21']);
    expect(await seriousViolations(page)).toEqual([]);
    // The double click wrote once.
    const res = await api.http
      .get(`/v1/interventions/${tenant.structuralId}/attendance`)
      .set(bearer(tenant.staff))
      .expect(200);
    expect(res.body.items).toHaveLength(1);
    expect(errors.filter((e) => !e.includes('400'))).toEqual([]);
  });
});
