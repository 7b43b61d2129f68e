import { startApi, type Api } from '../support/api-harness';
import { bearer, createTenant, enrol } from '../support/world';

let api: Api;
beforeAll(async () => (api = await startApi()));
afterAll(() => api.close());

it('registers a tenant and enrols a participant', async () => {
  const tenant = await createTenant(api, 0);
  const pid = await enrol(api, tenant);
  const res = await api.http.get(`/v1/participants/${pid}`).set(bearer(tenant.staff)).expect(200);
  expect(res.body.events).toHaveLength(1);
});
