import request from 'supertest';
import { startApi, type Api } from '../support/api-harness';
import { ORG_NUMBERS } from '../support/world';

/**
 * DESIGN §7 end to end over HTTP, on the real SQLite store and sessions in DATA_DIR/auth.db:
 * the first admin, invitations, sign-in with cookie and CSRF token, roles that change, users
 * deactivated, personal API tokens, the lock after ten failures, and no secret in any answer.
 */
let api: Api;
/** Every answer body of the run, to look for secrets in at the end. */
const bodies: string[] = [];
/** Every secret the run handled: none may appear in an answer where it was not handed out. */
const secrets: string[] = [];

type Agent = ReturnType<typeof request.agent> & { csrf?: string };

const agent = (): Agent => request.agent(api.app.getHttpServer());
const keep = <T extends { text: string; headers: Record<string, unknown> }>(res: T): T => {
  bodies.push(res.text);
  return res;
};
const codeOf = (invitationUrl: string) => new URL(invitationUrl).searchParams.get('kod') ?? '';

async function signIn(email: string, password: string): Promise<Agent> {
  const browser = agent();
  const res = keep(await browser.post('/v1/auth/login').send({ email, password }).expect(200));
  browser.csrf = res.body.csrfToken as string;
  return browser;
}

const post = (browser: Agent, path: string, body: object = {}) =>
  browser
    .post(path)
    .set('X-CSRF-Token', browser.csrf ?? '')
    .send(body);

const ADMIN = { email: 'admin@forbundet.se', password: 'ett långt administratörslösenord' };
const CHIEF = { email: 'Chef@Forbundet.se', password: 'förbundschefens långa lösenord' };
const STAFF = { email: 'handlaggare@kommun.se', password: 'handläggarens långa lösenord' };
const BOARD = { email: 'styrelsen@region.se', password: 'styrelseledamotens lösenord' };
secrets.push(ADMIN.password, CHIEF.password, STAFF.password, BOARD.password);

let admin: Agent;
let chief: Agent;
let staff: Agent;
let board: Agent;
let associationId: string;
let interventionId: string;
let staffId: string;
let boardId: string;

beforeAll(async () => {
  api = await startApi();
});
afterAll(() => api.close());

describe('the first admin', () => {
  it('is set up once from the address start-up prints, and signed in', async () => {
    const address = api.takeSetupAddress() ?? '';
    expect(address).toMatch(/^\/konfigurera\?kod=[A-Za-z0-9_-]{43}$/);
    const code = address.split('kod=')[1] ?? '';
    secrets.push(code);
    expect((await api.http.get('/v1/auth/setup').expect(200)).body).toEqual({ available: true });

    const browser = agent();
    const res = keep(
      await browser
        .post('/v1/auth/setup')
        .send({ code, email: ADMIN.email, name: 'Ada Admin', password: ADMIN.password })
        .expect(200),
    );
    expect(res.body.user).toMatchObject({ role: 'admin', email: ADMIN.email, associationId: null });
    browser.csrf = res.body.csrfToken as string;
    admin = browser;

    const again = keep(
      await api.http
        .post('/v1/auth/setup')
        .send({ code, email: 'other@forbundet.se', name: 'Eve', password: ADMIN.password })
        .expect(422),
    );
    expect(again.body.code).toBe('setup_unavailable');
    expect((await api.http.get('/v1/auth/setup').expect(200)).body).toEqual({ available: false });
  });
});

describe('the session cookie', () => {
  it('is HttpOnly and SameSite=Strict, and Secure behind https', async () => {
    const res = await api.http.post('/v1/auth/login').send(ADMIN).expect(200);
    const cookie = String(res.headers['set-cookie']);
    expect(cookie).toMatch(/^stegvis_session=[A-Za-z0-9_-]{43};/);
    expect(cookie).toMatch(/; HttpOnly/);
    expect(cookie).toMatch(/; SameSite=Strict/);
    expect(cookie).not.toMatch(/; Secure/);
    expect(res.body.csrfToken).toMatch(/^[A-Za-z0-9_-]{43}$/);

    const https = await api.http
      .post('/v1/auth/login')
      .set('X-Forwarded-Proto', 'https')
      .send(ADMIN)
      .expect(200);
    expect(String(https.headers['set-cookie'])).toMatch(/; Secure/);
  });

  it('a change with the cookie but without its X-CSRF-Token is refused and writes nothing', async () => {
    const before = (await api.allEvents()).length;
    const body = {
      name: 'Samordningsförbundet Väst',
      orgNumber: ORG_NUMBERS[0],
      parties: ['FK', 'AF'],
    };
    for (const token of [undefined, 'fel-token']) {
      const call = admin.post('/v1/associations');
      const res = keep(
        await (token ? call.set('X-CSRF-Token', token) : call).send(body).expect(403),
      );
      expect(res.headers['content-type']).toMatch(/^application\/problem\+json/);
      expect(res.body).toMatchObject({ code: 'csrf_token_invalid', status: 403 });
      expect(res.body.detail).toMatch(/X-CSRF-Token/);
    }
    expect((await api.allEvents()).length).toBe(before);

    const made = keep(await post(admin, '/v1/associations', body).expect(201));
    associationId = made.body.associationId as string;
  });

  it('GET /v1/auth/me says who is signed in; without a session it is 401', async () => {
    const me = await admin.get('/v1/auth/me').expect(200);
    expect(me.body).toMatchObject({ email: ADMIN.email, name: 'Ada Admin', role: 'admin' });
    const res = keep(await api.http.get('/v1/auth/me').expect(401));
    expect(res.body.code).toBe('unauthenticated');
  });
});

describe('invitations', () => {
  it('the admin invites a chief, who sets a password from the link and is signed in', async () => {
    const res = keep(
      await post(admin, `/v1/associations/${associationId}/users`, {
        email: CHIEF.email,
        name: 'Cecilia Chef',
        role: 'chief',
      }).expect(201),
    );
    expect(res.body.invitationUrl).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/inbjudan\?kod=U-/);
    expect(res.headers.location).toBe(`/v1/associations/${associationId}/users/${res.body.userId}`);
    const code = codeOf(res.body.invitationUrl as string);
    secrets.push(code);

    const browser = agent();
    const accepted = keep(
      await browser
        .post('/v1/auth/invitations/accept')
        .send({ code, password: CHIEF.password })
        .expect(200),
    );
    expect(accepted.body).toMatchObject({
      signedIn: true,
      user: { role: 'chief', associationId, email: 'chef@forbundet.se' },
    });
    browser.csrf = accepted.body.csrfToken as string;
    chief = browser;

    const twice = keep(
      await api.http
        .post('/v1/auth/invitations/accept')
        .send({ code, password: 'ett annat långt lösenord' })
        .expect(422),
    );
    expect(twice.body.code).toBe('invitation_invalid');
  });

  it('an address is one account: a second invitation for it is a conflict', async () => {
    const res = keep(
      await post(admin, `/v1/associations/${associationId}/users`, {
        email: 'chef@forbundet.se',
        name: 'Någon Annan',
        role: 'chief',
      }).expect(409),
    );
    expect(res.body.code).toBe('user_email_taken');
  });

  it('the chief invites staff and board; an admin may not invite staff', async () => {
    const made = keep(
      await post(chief, `/v1/associations/${associationId}/interventions`, {
        name: 'SamCoach',
        kind: 'individual',
        parties: ['FK', 'AF'],
        startsOn: '2025-01-01',
      }).expect(201),
    );
    interventionId = made.body.interventionId as string;

    const refused = keep(
      await post(admin, `/v1/associations/${associationId}/users`, {
        email: STAFF.email,
        name: 'Sam Staff',
        role: 'staff',
        interventionIds: [interventionId],
      }).expect(422),
    );
    expect(refused.body.code).toBe('user_invite_not_allowed');

    const invitedStaff = keep(
      await post(chief, `/v1/associations/${associationId}/users`, {
        email: STAFF.email,
        name: 'Sam Staff',
        role: 'staff',
        interventionIds: [interventionId],
      }).expect(201),
    );
    staffId = invitedStaff.body.userId as string;
    const invitedBoard = keep(
      await post(chief, `/v1/associations/${associationId}/users`, {
        email: BOARD.email,
        name: 'Bo Board',
        role: 'board',
      }).expect(201),
    );
    boardId = invitedBoard.body.userId as string;
    for (const [invited, password] of [
      [invitedStaff, STAFF.password],
      [invitedBoard, BOARD.password],
    ] as const) {
      const code = codeOf(invited.body.invitationUrl as string);
      secrets.push(code);
      keep(await api.http.post('/v1/auth/invitations/accept').send({ code, password }).expect(200));
    }

    const list = await chief.get(`/v1/associations/${associationId}/users`).expect(200);
    expect(
      list.body.users.map((u: { role: string; status: string }) => [u.role, u.status]),
    ).toEqual([
      ['chief', 'active'],
      ['staff', 'active'],
      ['board', 'active'],
    ]);
  });

  it('a new link resets a forgotten password and ends the old sessions', async () => {
    const old = await signIn(BOARD.email, BOARD.password);
    await old.get('/v1/auth/me').expect(200);
    const res = keep(
      await post(chief, `/v1/associations/${associationId}/users/${boardId}/invitation`).expect(
        201,
      ),
    );
    const code = codeOf(res.body.invitationUrl as string);
    secrets.push(code);
    keep(
      await api.http
        .post('/v1/auth/invitations/accept')
        .send({ code, password: BOARD.password })
        .expect(200),
    );
    keep(await old.get('/v1/auth/me').expect(401));
  });
});

describe('roles and deactivation', () => {
  beforeAll(async () => {
    staff = await signIn(STAFF.email, STAFF.password);
    board = await signIn(BOARD.email, BOARD.password);
  });

  it('each role sees only what it may', async () => {
    await staff.get(`/v1/interventions/${interventionId}/participants`).expect(200);
    keep(await staff.get(`/v1/associations/${associationId}/reports/2025`).expect(403));
    await board.get(`/v1/associations/${associationId}/reports/2025`).expect(200);
    keep(await board.get(`/v1/interventions/${interventionId}/participants`).expect(403));
    keep(await staff.get(`/v1/associations/${associationId}/users`).expect(403));
  });

  it('a role change counts from the next request of a session already signed in', async () => {
    await post(chief, '/v1/auth/logout').expect(204);
    chief = await signIn(CHIEF.email, CHIEF.password);
    await chief
      .patch(`/v1/associations/${associationId}/users/${boardId}`)
      .set('X-CSRF-Token', chief.csrf ?? '')
      .send({ role: 'staff', interventionIds: [interventionId] })
      .expect(204);
    await board.get(`/v1/interventions/${interventionId}/participants`).expect(200);
    keep(await board.get(`/v1/associations/${associationId}/reports/2025`).expect(403));
    expect((await board.get('/v1/auth/me').expect(200)).body.role).toBe('staff');
  });

  it('a personal API token works as a bearer token until revoked', async () => {
    const made = keep(
      await post(staff, '/v1/auth/tokens', {
        label: 'Skript för uppföljning',
        expiresInDays: 30,
      }).expect(201),
    );
    const token = made.body.token as string;
    secrets.push(token);
    expect(token).toMatch(/^stv_U-[0-9A-Z]{10}_T-[0-9A-Z]{10}_[A-Za-z0-9_-]{43}$/);
    const me = await api.http
      .get('/v1/auth/me')
      .set('Authorization', `Bearer ${token}`)
      .expect(200);
    expect(me.body).toMatchObject({ userId: staffId, role: 'staff' });
    const listed = await staff.get('/v1/auth/tokens').expect(200);
    expect(listed.body.tokens).toEqual([
      expect.objectContaining({ tokenId: made.body.tokenId, label: 'Skript för uppföljning' }),
    ]);
    expect(JSON.stringify(listed.body)).not.toContain(token);

    await staff
      .delete(`/v1/auth/tokens/${made.body.tokenId}`)
      .set('X-CSRF-Token', staff.csrf ?? '')
      .expect(204);
    const refused = keep(
      await api.http.get('/v1/auth/me').set('Authorization', `Bearer ${token}`).expect(401),
    );
    expect(refused.headers['www-authenticate']).toMatch(/invalid_token/);
  });

  it('a deactivated user’s sessions and tokens stop at once', async () => {
    const made = keep(
      await post(staff, '/v1/auth/tokens', { label: 'Andra skriptet', expiresInDays: 7 }).expect(
        201,
      ),
    );
    const token = made.body.token as string;
    secrets.push(token);
    await api.http.get('/v1/auth/me').set('Authorization', `Bearer ${token}`).expect(200);
    await chief
      .patch(`/v1/associations/${associationId}/users/${staffId}`)
      .set('X-CSRF-Token', chief.csrf ?? '')
      .send({ deactivated: true })
      .expect(204);
    keep(await staff.get('/v1/auth/me').expect(401));
    keep(await api.http.get('/v1/auth/me').set('Authorization', `Bearer ${token}`).expect(401));
    const again = keep(await api.http.post('/v1/auth/login').send(STAFF).expect(401));
    expect(again.body.code).toBe('sign_in_failed');
  });
});

describe('failed sign-ins', () => {
  it('ten wrong passwords in a row lock the account, answered as any failure', async () => {
    const wrong = { email: CHIEF.email, password: 'inte det rätta lösenordet' };
    const answers = [];
    for (let i = 0; i < 10; i++) {
      answers.push(keep(await api.http.post('/v1/auth/login').send(wrong).expect(401)).body);
    }
    const locked = keep(await api.http.post('/v1/auth/login').send(CHIEF).expect(401));
    const unknown = keep(
      await api.http
        .post('/v1/auth/login')
        .send({ email: 'ingen@finns.se', password: 'vad som helst' })
        .expect(401),
    );
    for (const body of [...answers, locked.body, unknown.body]) {
      expect(body).toEqual(answers[0]);
    }
    expect(answers[0]).toMatchObject({ code: 'sign_in_failed', status: 401 });

    const failures = (await api.allEvents()).filter(
      (e) => e.type === 'SignInFailed' && e.streamName.startsWith('user-'),
    );
    expect(failures.map((e) => e.data['reason']).slice(-11)).toEqual([
      ...Array<string>(10).fill('password'),
      'locked',
    ]);
  }, 90_000);

  it('the audit lists sign-ins, failures, invitations and role changes, without their data', async () => {
    const res = await chief.get(`/v1/associations/${associationId}/audit`).expect(200);
    const types = new Set(res.body.entries.map((e: { type: string }) => e.type));
    for (const type of [
      'SignedIn',
      'SignInFailed',
      'UserInvited',
      'RoleChanged',
      'UserDeactivated',
    ]) {
      expect(types).toContain(type);
    }
    expect(Object.keys(res.body.entries[0]).sort()).toEqual([
      'actor',
      'at',
      'stream',
      'type',
      'userId',
    ]);
    expect(JSON.stringify(res.body)).not.toMatch(/@|argon2/);
    await admin.get('/v1/audit').expect(200);
    keep(await chief.get('/v1/audit').expect(403));
  });

  it('no answer carried a password, a hash, or a code or token where it was not handed out', () => {
    const handedOut = (body: string) => /invitationUrl|"token":"stv_/.test(body);
    for (const body of bodies) {
      expect(body).not.toMatch(/\$argon2id\$/);
      for (const secret of secrets) {
        if (!handedOut(body)) expect(body).not.toContain(secret);
      }
      for (const password of [ADMIN, CHIEF, STAFF, BOARD].map((p) => p.password)) {
        expect(body).not.toContain(password);
      }
    }
    expect(bodies.length).toBeGreaterThan(20);
  });
});

describe('the OpenAPI document', () => {
  type Operation = {
    tags: string[];
    summary: string;
    requestBody?: { content: Record<string, { schema: unknown }> };
    responses: Record<string, { content?: unknown; headers?: Record<string, unknown> }>;
  };
  let paths: Record<string, Record<string, Operation>>;
  let tags: string[];
  beforeAll(async () => {
    const res = await request(api.app.getHttpServer()).get('/docs-json').expect(200);
    paths = res.body.paths;
    tags = (res.body.tags as { name: string }[]).map((tag) => tag.name);
  });
  const accountOperations = () =>
    Object.entries(paths)
      .filter(([path]) => /^\/v1\/(auth|audit)|\/users|\/audit$/.test(path))
      .flatMap(([path, item]) =>
        Object.entries(item).map(([method, op]) => ({ path, method, op })),
      );

  it('files every account route under a declared tag, with the body its route parses', () => {
    const found = accountOperations();
    expect(found.length).toBeGreaterThan(20);
    for (const { path, method, op } of found) {
      expect([path, method, op.tags.every((tag) => tags.includes(tag))]).toEqual([
        path,
        method,
        true,
      ]);
    }
    const invite = paths['/v1/associations/{aid}/users']!.post!;
    expect(invite.tags).toEqual(['Användare']);
    expect(invite.requestBody?.content['application/json']?.schema).toEqual({
      $ref: '#/components/schemas/InviteUserBody',
    });
    // The address already has an account (409), a role the inviter may not give (422).
    expect(Object.keys(invite.responses)).toEqual(expect.arrayContaining(['201', '409', '422']));
    expect(paths['/v1/auth/login']!.post!.requestBody?.content['application/json']?.schema).toEqual(
      { $ref: '#/components/schemas/SignInBody' },
    );
  });

  it('says what a 204 means and where a redirect goes', () => {
    const change = paths['/v1/associations/{aid}/users/{uid}']!.patch!;
    expect(change.responses['204']).toEqual({
      description: 'Ändringen gäller från användarens nästa anrop',
    });
    for (const path of ['/v1/auth/oidc/start', '/v1/auth/oidc/callback']) {
      const { responses } = paths[path]!.get!;
      // The code answers 303 (a GET after the redirect), and 404 when single sign-on is off.
      expect([path, Object.keys(responses).filter((s) => s < '400')]).toEqual([path, ['303']]);
      expect([path, responses['404']]).toEqual([path, expect.anything()]);
      expect([path, Object.keys(responses['303']!.headers ?? {})]).toEqual([path, ['Location']]);
    }
  });
});
