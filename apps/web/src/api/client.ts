import createClient from 'openapi-fetch';
import { sessionMiddleware } from '../session/session';
import { ApiError } from './errors';
import type { components, paths } from './schema';

/**
 * The only way the web application calls the API: a client generated from the OpenAPI
 * document (schema.d.ts, `npm run openapi`), with the session's credentials added to every
 * request.
 */
// JSON answers are typed; the file downloads (`parseAs: 'blob'`) read a Blob whatever the type.
export const api = createClient<paths, 'application/json'>({ baseUrl: '' });
api.use(sessionMiddleware);

export type Schemas = components['schemas'];

type Outcome<D> = { data?: D; error?: unknown; response: Response };

/**
 * Awaits a call of the client and answers its data; anything else (no answer, an error
 * status, an empty answer) becomes an ApiError the pages know how to show.
 */
export async function send<D>(call: Promise<Outcome<D>>): Promise<D> {
  return (await receive(call)).data;
}

/** As `send`, with the response too (for its headers). */
export async function receive<D>(
  call: Promise<Outcome<D>>,
): Promise<{ data: D; response: Response }> {
  const { data, error, response } = await settle(call);
  if (!response.ok) throw ApiError.fromResponse(response, error);
  if (data === undefined) throw ApiError.unreadable(response.status);
  return { data, response };
}

async function settle<T>(call: Promise<T>): Promise<T> {
  try {
    return await call;
  } catch (error) {
    // An aborted request is the page's own doing, not the server's.
    if (error instanceof DOMException && error.name === 'AbortError') throw error;
    throw ApiError.unreachable();
  }
}
