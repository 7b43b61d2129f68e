import { randomUUID } from 'node:crypto';
import Redis from 'ioredis';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import request from 'supertest';
import { startApi, type Api } from '../support/api-harness';
import { deleteRedisKeys, TEST_REDIS_URL } from '../support/redis';

/**
 * DESIGN §7: with REDIS_URL, sessions live in Redis and work across API replicas. Two API
 * processes' worth of application on one event store and one Redis prefix: a session begun on
 * one is honoured by the other, and ended on the other it is over on both.
 */
const prefix = `t-${randomUUID()}`;
const dataDir = mkdtempSync(join(tmpdir(), 'stegvis-replicas-'));
let a: Api;
let b: Api;

beforeAll(async () => {
  const env = { DATA_DIR: dataDir, REDIS_URL: TEST_REDIS_URL, REDIS_PREFIX: prefix };
  a = await startApi(env);
  b = await startApi(env);
});
afterAll(async () => {
  await a?.close();
  await b?.close();
  rmSync(dataDir, { recursive: true, force: true });
  await deleteRedisKeys(prefix);
});

it('a session begun on one replica works on the other, and ends on both', async () => {
  const code = (a.takeSetupAddress() ?? '').split('kod=')[1];
  const started = await request(a.app.getHttpServer())
    .post('/v1/auth/setup')
    .send({ code, email: 'admin@replik.se', name: 'Ada Admin', password: 'ett långt lösenord här' })
    .expect(200);
  const cookie = String(started.headers['set-cookie']).split(';')[0] ?? '';
  const csrf = started.body.csrfToken as string;

  // In Redis under the prefix, not in the shared DATA_DIR's auth.db.
  const redis = new Redis(TEST_REDIS_URL);
  try {
    expect(await redis.keys(`${prefix}:auth:session:*`)).toHaveLength(1);
  } finally {
    await redis.quit();
  }
  expect(existsSync(join(dataDir, 'auth.db'))).toBe(false);

  const onB = await request(b.app.getHttpServer())
    .get('/v1/auth/me')
    .set('Cookie', cookie)
    .expect(200);
  expect(onB.body.email).toBe('admin@replik.se');
  await request(b.app.getHttpServer())
    .post('/v1/auth/logout')
    .set('Cookie', cookie)
    .set('X-CSRF-Token', csrf)
    .expect(204);
  await request(a.app.getHttpServer()).get('/v1/auth/me').set('Cookie', cookie).expect(401);
});
