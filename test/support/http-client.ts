import type { AppConfig } from '@stegvis/config';
import { signToken } from '@stegvis/credentials';

/** An answer: JSON parsed, anything else (a CSV or XLSX file) as bytes. */
export type Answer = { status: number; body: Record<string, unknown> & Buffer };
export type Call = (token: string, method: string, path: string, body?: object) => Promise<Answer>;

/** Calls a started API process as a client with a token would. */
export function httpClient(url: string, headers: Readonly<Record<string, string>> = {}): Call {
  return async (token, method, path, body) => {
    const res = await fetch(`${url}${path}`, {
      method,
      headers: { Authorization: `Bearer ${token}`, 'Content-Type': 'application/json', ...headers },
      body: body ? JSON.stringify(body) : undefined,
    });
    const json = (res.headers.get('content-type') ?? '').includes('json');
    const parsed = json ? await res.json() : Buffer.from(await res.arrayBuffer());
    return { status: res.status, body: parsed as Answer['body'] };
  };
}

/** An association with one individual intervention (SamCoach), registered over HTTP. */
export async function registerOverHttp(
  call: Call,
  auth: AppConfig['auth'],
  name: string,
): Promise<{ admin: string; chief: string; associationId: string; interventionId: string }> {
  const admin = signToken(auth, { sub: 'admin', role: 'admin' });
  const association = await call(admin, 'POST', '/v1/associations', {
    name,
    orgNumber: '222000-1974',
    parties: ['FK', 'AF'],
  });
  const associationId = association.body.associationId as string;
  const chief = signToken(auth, { sub: 'chief', role: 'chief', associationId });
  const intervention = await call(
    chief,
    'POST',
    `/v1/associations/${associationId}/interventions`,
    {
      name: 'SamCoach',
      kind: 'individual',
      parties: ['FK', 'AF'],
      startsOn: '2025-01-01',
    },
  );
  return {
    admin,
    chief,
    associationId,
    interventionId: intervention.body.interventionId as string,
  };
}
