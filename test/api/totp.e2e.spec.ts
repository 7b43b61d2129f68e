import { Secret, TOTP } from 'otpauth';
import request from 'supertest';
import { startApi, type Api } from '../support/api-harness';
import { bearer, ORG_NUMBERS } from '../support/world';

/** DESIGN §7 second factor: chiefs and admins may turn TOTP on; AUTH_REQUIRE_TOTP makes it due. */
const codeAt = (secret: string, offsetSteps = 0) =>
  TOTP.generate({
    secret: Secret.fromBase32(secret),
    timestamp: Date.now() + offsetSteps * 30_000,
  });

async function chiefOf(api: Api, email: string, password: string) {
  const admin = api.token('admin');
  const association = await api.http
    .post('/v1/associations')
    .set(bearer(admin))
    .send({ name: `Förbund ${email}`, orgNumber: ORG_NUMBERS[0], parties: ['FK', 'AF'] })
    .expect(201);
  const invited = await api.http
    .post(`/v1/associations/${association.body.associationId}/users`)
    .set(bearer(admin))
    .send({ email, name: 'Cecilia Chef', role: 'chief' })
    .expect(201);
  const code = new URL(invited.body.invitationUrl as string).searchParams.get('kod');
  return api.http.post('/v1/auth/invitations/accept').send({ code, password }).expect(200);
}

describe('TOTP chosen by the user', () => {
  let api: Api;
  beforeAll(async () => {
    api = await startApi();
  });
  afterAll(() => api.close());

  it('is enrolled with the first code, then asked for at every sign-in, and a used code is refused', async () => {
    const credentials = { email: 'chef@totp.se', password: 'ett långt lösenord för chefen' };
    const accepted = await chiefOf(api, credentials.email, credentials.password);
    const browser = request.agent(api.app.getHttpServer());
    const signedIn = await browser.post('/v1/auth/login').send(credentials).expect(200);
    const csrf = signedIn.body.csrfToken as string;
    expect(accepted.body.user.totp).toBe(false);

    const enrolment = await browser
      .post('/v1/auth/totp/enrolment')
      .set('X-CSRF-Token', csrf)
      .expect(200);
    expect(enrolment.body.uri).toMatch(/^otpauth:\/\/totp\/Stegvis:chef%40totp\.se\?/);
    const secret = enrolment.body.secret as string;
    // Made once: a step boundary passing during the test does not change which steps they are.
    const [first, next] = [codeAt(secret), codeAt(secret, 1)];
    const wrong = await browser
      .post('/v1/auth/totp')
      .set('X-CSRF-Token', csrf)
      .send({
        totpSecret: enrolment.body.totpSecret,
        totp: first === '000000' ? '111111' : '000000',
      })
      .expect(422);
    expect(wrong.body.code).toBe('totp_code_invalid');
    await browser
      .post('/v1/auth/totp')
      .set('X-CSRF-Token', csrf)
      .send({ totpSecret: enrolment.body.totpSecret, totp: first })
      .expect(204);
    expect((await browser.get('/v1/auth/me').expect(200)).body.totp).toBe(true);

    const due = await api.http.post('/v1/auth/login').send(credentials).expect(401);
    expect(due.body).toMatchObject({ code: 'sign_in_totp_required', secondFactor: 'totp' });
    // The enrolment used this step: its code again is a failure like any other.
    const reused = await api.http
      .post('/v1/auth/login')
      .send({ ...credentials, totp: first })
      .expect(401);
    expect(reused.body.code).toBe('sign_in_failed');
    await api.http
      .post('/v1/auth/login')
      .send({ ...credentials, totp: next })
      .expect(200);
    // A wrong password with any code tells nothing about the second factor.
    const wrongPassword = await api.http
      .post('/v1/auth/login')
      .send({ ...credentials, password: 'fel lösenord helt och hållet' })
      .expect(401);
    expect(wrongPassword.body.code).toBe('sign_in_failed');
  });

  it('is not for staff or board', async () => {
    const staff = request.agent(api.app.getHttpServer());
    await staff
      .post('/v1/auth/totp/enrolment')
      .set(bearer(api.token('staff', 'F-0000000001')))
      .expect(403);
  });
});

describe('AUTH_REQUIRE_TOTP=true', () => {
  let api: Api;
  beforeAll(async () => {
    api = await startApi({ AUTH_REQUIRE_TOTP: 'true' });
  });
  afterAll(() => api.close());

  it('a chief without an app enrols while signing in, and only then gets a session', async () => {
    const credentials = { email: 'chef@krav.se', password: 'ett långt lösenord för chefen' };
    const accepted = await chiefOf(api, credentials.email, credentials.password);
    expect(accepted.body).toEqual({ signedIn: false, secondFactor: 'enrolment' });
    expect(accepted.headers['set-cookie']).toBeUndefined();

    const due = await api.http.post('/v1/auth/login').send(credentials).expect(401);
    expect(due.body).toMatchObject({
      code: 'sign_in_totp_enrolment_required',
      secondFactor: 'enrolment',
      totpEnrolment: { secret: expect.any(String), totpSecret: expect.stringMatching(/^v1\./) },
    });
    const { secret, totpSecret } = due.body.totpEnrolment as { secret: string; totpSecret: string };
    const res = await api.http
      .post('/v1/auth/login')
      .send({ ...credentials, totpSecret, totp: codeAt(secret) })
      .expect(200);
    expect(res.body.user).toMatchObject({ role: 'chief', totp: true });
  });
});
