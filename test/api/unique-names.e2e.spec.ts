/**
 * Issue 9, item 28: an association's open insatser have names of their own. A double-submit
 * (two simultaneous registrations of one name, no Idempotency-Key) gives one 201 and one 409.
 */
import { startApi, type Api } from '../support/api-harness';
import { bearer, createTenant, type Tenant } from '../support/world';

let api: Api;
let a: Tenant;
let b: Tenant;

beforeAll(async () => {
  api = await startApi();
  a = await createTenant(api, 0);
  b = await createTenant(api, 1);
});
afterAll(() => api.close());

const insats = (name: string) => ({
  name,
  kind: 'individual',
  parties: ['FK', 'AF'],
  startsOn: '2025-01-01',
});

function register(tenant: Tenant, body: object, headers: Record<string, string> = {}) {
  return api.http
    .post(`/v1/associations/${tenant.associationId}/interventions`)
    .set(bearer(tenant.chief))
    .set(headers)
    .send(body);
}

/**
 * Makes the first `count` reads of claim streams wait for each other, so that `count` requests
 * all read the name as free before any of them appends: the interleaving a double-submit can
 * take on a busy server, forced. The store underneath is the real one. Returns how many appends
 * the store refused as conflicting; restores the store when `done` is called.
 */
function readTogether(count: number) {
  const { store } = api;
  const read = store.readStream.bind(store);
  const append = store.append.bind(store);
  const waiting: (() => void)[] = [];
  const releaseAll = () => waiting.splice(0).forEach((release) => release());
  // A deadline, not a synchronisation: if fewer requests read a claim, nobody waits forever.
  const deadline = setTimeout(releaseAll, 5_000);
  let conflicts = 0;
  let held = 0;
  store.readStream = async (name) => {
    const events = await read(name);
    if (name.startsWith('unique-') && held < count) {
      held++;
      const together = new Promise<void>((resolve) => waiting.push(resolve));
      if (held === count) releaseAll();
      await together;
    }
    return events;
  };
  store.append = async (...args) => {
    try {
      return await append(...args);
    } catch (error) {
      conflicts++;
      throw error;
    }
  };
  return {
    conflicts: () => conflicts,
    done() {
      clearTimeout(deadline);
      store.readStream = read;
      store.append = append;
    },
  };
}

const registrations = async () =>
  (await api.allEvents()).filter((e) => e.type === 'InterventionRegistered').length;

describe('names of open insatser', () => {
  it('simultaneous registrations of one name: one 201, the others 409 intervention_name_taken', async () => {
    for (let round = 0; round < 10; round++) {
      const before = await registrations();
      // The same name as a double-submit and as people type it: case and spacing differ.
      const answers = await Promise.all(
        [`SamCoach ${round}`, `samcoach ${round}`, ` SAMCOACH  ${round} `].map((name) =>
          register(a, insats(name)),
        ),
      );
      const statuses = answers.map((r) => r.status).sort();
      expect({ round, statuses }).toEqual({ round, statuses: [201, 409, 409] });
      const created = answers.find((r) => r.status === 201)?.body.interventionId as string;
      for (const refused of answers.filter((r) => r.status === 409)) {
        expect(refused.headers['content-type']).toMatch(/^application\/problem\+json/);
        expect(refused.body).toMatchObject({
          status: 409,
          code: 'intervention_name_taken',
          detail: `Förbundet har redan en öppen insats med samma namn (name), ${created}: välj ett annat namn, eller avsluta den insatsen först. Skickades registreringen två gånger är insatsen redan registrerad.`,
        });
      }
      expect(await registrations()).toBe(before + 1);
    }
  });

  it('two registrations that both read the name as free: the store refuses the second claim', async () => {
    const before = await registrations();
    const together = readTogether(2);
    try {
      const answers = await Promise.all([
        register(a, insats('Lotsen')),
        register(a, insats('LOTSEN')),
      ]);
      expect(answers.map((r) => r.status).sort()).toEqual([201, 409]);
      // Both claims were decided on a free name; one append lost and its retry saw the winner.
      expect(together.conflicts()).toBe(1);
    } finally {
      together.done();
    }
    expect(await registrations()).toBe(before + 1);
  });

  it('compares names after NFC, trimming, case folding and collapsing white space', async () => {
    expect((await register(a, insats('Café Östra'))).status).toBe(201);
    for (const twin of [
      'CAFE\u0301 ÖSTRA',
      'café  östra',
      ' Café\u00A0Östra ',
      'Ca\u200Bfé Östra',
    ]) {
      const res = await register(a, insats(twin));
      expect({ twin, status: res.status, code: res.body.code }).toEqual({
        twin,
        status: 409,
        code: 'intervention_name_taken',
      });
    }
    expect((await register(a, insats('Café Östra 2'))).status).toBe(201);
  });

  it('frees the name when the insats is closed', async () => {
    const first = await register(a, insats('Navet')).expect(201);
    await register(a, insats('Navet')).expect(409);
    await api.http
      .post(`/v1/interventions/${first.body.interventionId}/close`)
      .set(bearer(a.chief))
      .send({ closedOn: '2025-06-30' })
      .expect(201);
    const second = await register(a, insats('navet')).expect(201);
    expect(second.body.interventionId).not.toBe(first.body.interventionId);
  });

  it('an insats whose planned end has passed does not hold its name', async () => {
    await register(a, { ...insats('Sommarjobb'), endsOn: '2025-08-31' }).expect(201);
    await register(a, insats('Sommarjobb')).expect(201);
  });

  it('another association may use the same name', async () => {
    await register(a, insats('Jobbspåret')).expect(201);
    await register(b, insats('Jobbspåret')).expect(201);
  });

  it('a retry with the same Idempotency-Key gets its first answer, not a 409', async () => {
    const key = { 'Idempotency-Key': 'unique-names-retry-1' };
    const first = await register(a, insats('Steget'), key).expect(201);
    const again = await register(a, insats('Steget'), key).expect(201);
    expect(again.body).toEqual(first.body);
  });

  it('a refused registration holds no name', async () => {
    const before = await api.allEvents();
    await register(a, { ...insats('Vägen'), parties: ['FK'] }).expect(422);
    await register(a, insats('Vägen'), { 'If-Match': '"3"' }).expect(409);
    expect(await api.allEvents()).toEqual(before);
    await register(a, insats('Vägen')).expect(201);
  });
});
