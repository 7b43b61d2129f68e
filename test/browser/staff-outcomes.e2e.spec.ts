import type { Page } from 'playwright-core';
import { bearer } from '../support/world';
import {
  daysAgo,
  fillEnrolment,
  openForm,
  pseudonymOnPage,
  rowInList,
  saved,
  staffWorld,
} from './staff-steps';
import { heading, readable, screenshotPath, seriousViolations } from './web-browser';

/**
 * The v1.1 parts of the staff pages (DESIGN §3, §8): an uppdrag and an Aktualiseringsdatum at
 * enrolment, a correction of the enrolment, the uppdrag's goal at exit and a follow-up after
 * it, in real headless Chromium against the real API on SQLite, by Swedish labels and roles.
 */
jest.setTimeout(120_000);

const world = staffWorld();

type Entry = { type: string; data: Record<string, unknown> };
async function history(pid: string): Promise<Entry[]> {
  const res = await world.api.http
    .get(`/v1/participants/${pid}`)
    .set(bearer(world.staff))
    .expect(200);
  return res.body.events;
}

/** What the list at /deltagare says is missing for `pid`, found by its pseudonym. */
const missingInList = async (page: Page, pid: string): Promise<string> =>
  readable(await (await rowInList(page, pid)).locator('td').last().textContent());

/** The participant page's fact list: "Åldersgrupp" → "25–29 år". */
const fact = async (page: Page, term: string) =>
  readable(
    await page.locator('.facts-inline div').filter({ hasText: term }).locator('dd').textContent(),
  );

describe('an uppdrag, a correction, the goal at exit and a follow-up', () => {
  it('records them through the forms and shows them in the timeline and the list', async () => {
    const enrolledOn = daysAgo(200);
    const referredOn = daysAgo(215);
    // More than 3 months ago, less than 6: the 3-month follow-up is due, the 6-month one not.
    const exitedOn = daysAgo(120);
    const enrolYear = Number(enrolledOn.slice(0, 4));
    const { page, errors } = await world.signedIn('/deltagare/ny');
    await heading(page, 'Skriv in deltagare').waitFor();

    // An Aktualiseringsdatum after the Inskrivningsdatum is refused at the field it concerns.
    await page.getByLabel('Inskrivningsdatum', { exact: true }).fill(enrolledOn);
    await fillEnrolment(page, String(enrolYear - 25));
    const referred = page.getByLabel('Aktualiseringsdatum', { exact: true });
    await referred.fill(daysAgo(100));
    await page.getByLabel('Uppdrag', { exact: true }).selectOption({
      label: 'Egen försörjning (arbete, studier)',
    });
    await page.getByRole('button', { name: 'Skriv in', exact: true }).click();
    await page.getByText(/Aktualiseringsdatumet ligger efter/).waitFor();
    expect(await referred.getAttribute('aria-invalid')).toBe('true');
    await referred.fill(referredOn);
    await page.getByRole('button', { name: 'Skriv in', exact: true }).click();
    await heading(page, 'Deltagaren är inskriven').waitFor();
    const pid = await pseudonymOnPage(page);
    expect((await history(pid))[0]?.data).toMatchObject({
      enrolledOn,
      referredOn,
      birthYear: enrolYear - 25,
      assignment: { aim: 'self_sufficiency' },
    });
    await page.getByRole('link', { name: 'Gå till deltagaren' }).click();
    await heading(page, `Deltagare ${pid}`).waitFor();
    expect(await fact(page, 'Åldersgrupp')).toBe('25–29 år');
    expect(await fact(page, 'Uppdrag')).toBe('Egen försörjning (arbete, studier)');

    // The correction form shows the enrolment as it stands; nothing changed is said, not sent.
    await openForm(page, 'Rätta inskrivningen');
    const birthYear = page.getByLabel('Födelseår', { exact: true });
    expect(await birthYear.inputValue()).toBe(String(enrolYear - 25));
    expect(await page.getByLabel('Aktualiseringsdatum', { exact: true }).inputValue()).toBe(
      referredOn,
    );
    expect(
      await page.getByLabel('Uppdrag', { exact: true }).locator('option:checked').textContent(),
    ).toBe('Egen försörjning (arbete, studier)');
    await page.getByRole('button', { name: 'Spara rättelsen' }).click();
    await page.getByRole('alert').filter({ hasText: 'Du har inte ändrat något' }).waitFor();
    expect(await seriousViolations(page)).toEqual([]);
    // The domain's rule on the age at enrolment holds for a correction too, shown at the field.
    await birthYear.fill(String(enrolYear - 5));
    await page.getByRole('button', { name: 'Spara rättelsen' }).click();
    await page.getByText(/ger en ålder vid inskrivningen utanför 16–100 år/).waitFor();
    expect(await birthYear.getAttribute('aria-invalid')).toBe('true');
    await birthYear.fill(String(enrolYear - 24));
    await page.getByRole('button', { name: 'Spara rättelsen' }).click();
    await saved(page, 'Inskrivningen är rättad: födelseår.');
    // The age group follows the correction; the history keeps both years.
    expect(await fact(page, 'Åldersgrupp')).toBe('20–24 år');
    const journey = page.getByRole('list', { name: 'Deltagarens historik' });
    const correction = journey.getByRole('listitem').filter({ hasText: 'Rättade inskrivningen' });
    expect(readable(await correction.textContent())).toContain(
      `Födelseår: ${enrolYear - 25} → ${enrolYear - 24}`,
    );
    const entries = await history(pid);
    expect(entries[0]?.data.birthYear).toBe(enrolYear - 25);
    expect(entries.at(-1)).toMatchObject({
      type: 'EnrolmentCorrected',
      data: { fields: { birthYear: enrolYear - 24 } },
    });

    // The exit asks whether the uppdrag's goal was reached, and needs the answer.
    await openForm(page, 'Avslut');
    await page.getByLabel('Avslutsdatum', { exact: true }).fill(exitedOn);
    await page
      .getByLabel('Avslutsorsak', { exact: true })
      .selectOption({ label: 'Arbete (även subventionerat)' });
    await page.getByLabel('Försörjning vid avslut', { exact: true }).selectOption({ label: 'Lön' });
    await page.getByRole('button', { name: 'Spara avslutet' }).click();
    await page.getByText('Välj om uppdragets mål har nåtts.').waitFor();
    await page
      .getByRole('group', { name: 'Har uppdragets mål nåtts?' })
      .getByRole('radio', { name: 'Ja', exact: true })
      .check();
    await page.getByRole('button', { name: 'Spara avslutet' }).click();
    await saved(page, 'Avslutet är sparat.');
    expect((await history(pid)).at(-1)).toMatchObject({
      type: 'ParticipantExited',
      data: { exitedOn, outcome: 'work', assignmentGoalReached: true },
    });

    // The list says the 3-month follow-up is due.
    expect(await missingInList(page, pid)).toContain('uppföljning väntar (3 månader efter avslut)');
    await page.getByRole('link', { name: pid, exact: true }).click();
    await heading(page, `Deltagare ${pid}`).waitFor();

    // Only the mark that is due is offered.
    await openForm(page, 'Uppföljning efter avslut');
    const marks = page.getByRole('group', { name: 'Uppföljning' }).getByRole('radio');
    expect(await marks.count()).toBe(1);
    expect(await page.getByRole('radio', { name: '3 månader efter avslut' }).isChecked()).toBe(
      true,
    );
    await page
      .getByLabel('Vad gör personen nu?', { exact: true })
      .selectOption({ label: 'Arbete (även subventionerat)' });
    await page
      .getByLabel('Försörjning vid uppföljningen', { exact: true })
      .selectOption({ label: 'Lön' });
    expect(await seriousViolations(page)).toEqual([]);
    await page.screenshot({ path: screenshotPath('deltagare-uppfoljning.png'), fullPage: true });
    await page.getByRole('button', { name: 'Spara uppföljningen' }).click();
    await saved(page, 'Uppföljningen är sparad.');
    await journey
      .getByRole('listitem')
      .filter({ hasText: 'Uppföljning 3 månader efter avslut: Arbete (även subventionerat)' })
      .waitFor();
    await openForm(page, 'Uppföljning efter avslut');
    await page
      .getByText(/Ingen uppföljning väntar nu\. Uppföljningen 6 månader efter avslut/)
      .waitFor();
    expect((await history(pid)).at(-1)).toMatchObject({
      type: 'FollowUpRecorded',
      data: { monthsAfterExit: 3, status: 'work', incomeSource: 'salary' },
    });

    // Recorded: the list no longer says a follow-up is due.
    expect(await missingInList(page, pid)).not.toContain('uppföljning');
    expect(errors.filter((e) => !e.includes('422'))).toEqual([]);
  });
});

describe("the chief's /deltagare", () => {
  it("lists the association's participants in one search, with what is missing", async () => {
    const enrolled = await world.api.http
      .post(`/v1/interventions/${world.tenant.interventionId}/participants`)
      .set(bearer(world.staff))
      .send({
        enrolledOn: daysAgo(0),
        gender: 'man',
        birthYear: 1990,
        referringParty: 'AF',
        incomeSource: 'unemployment_support',
        educationLevel: 'compulsory',
        supportDurationBefore: 'under_1y',
      })
      .expect(201);
    const pid = enrolled.body.participantId as string;
    const { page, errors } = await world.signedIn('/deltagare', undefined, world.tenant.chief);
    const searches: string[] = [];
    page.on('request', (request) => {
      const { pathname } = new URL(request.url());
      if (pathname.endsWith('/participants')) searches.push(pathname);
    });
    await heading(page, 'Deltagare').waitFor();
    const row = await rowInList(page, pid);
    expect(readable(await row.locator('td').first().textContent())).toBe('Resurslotsen');
    expect(readable(await row.locator('td').last().textContent())).toBe('Startskattning');
    // The association-wide search, never a list per insats.
    expect(new Set(searches)).toEqual(new Set(['/v1/participants']));
    expect(errors).toEqual([]);
  });
});
