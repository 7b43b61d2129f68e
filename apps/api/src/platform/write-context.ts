import { createParamDecorator, type ExecutionContext } from '@nestjs/common';
import { randomUUID } from 'node:crypto';
import type { WriteExpectation } from '@stegvis/event-store';
import type { Actor } from './actor';
import type { AuthenticatedRequest } from './auth.decorators';
import { validationFailed } from './problem';

/** What every command carries besides its body: who, which retry, which revision, which request. */
export type WriteContext = {
  readonly actor: Actor;
  /** Scoped to the caller, so two users' keys can never collide. */
  readonly idempotencyKey: string | undefined;
  /** From If-Match: the stream revision the client last saw, or `*`: the stream must exist. */
  readonly expectedRevision: WriteExpectation | undefined;
  readonly correlationId: string;
  readonly now: Date;
};

const KEY = /^[A-Za-z0-9._:-]{1,200}$/;
const REVISION = /^(?:W\/)?"?(\d{1,15})"?$/;
const CORRELATION = /^[A-Za-z0-9._:-]{1,100}$/;

export function writeContextOf(request: AuthenticatedRequest): WriteContext {
  const header = (name: string) => {
    const value = request.headers[name];
    return Array.isArray(value) ? value[0] : value;
  };
  const key = header('idempotency-key');
  if (key !== undefined && !KEY.test(key)) {
    throw validationFailed([
      {
        path: 'headers.idempotency-key',
        code: 'invalid_format',
        message: 'Idempotency-Key får vara 1–200 tecken: A–Z, a–z, 0–9, . _ : -',
      },
    ]);
  }
  const ifMatch = header('if-match')?.trim();
  const revision =
    ifMatch === undefined ? undefined : ifMatch === '*' ? '*' : REVISION.exec(ifMatch)?.[1];
  if (ifMatch !== undefined && revision === undefined) {
    throw validationFailed([
      {
        path: 'headers.if-match',
        code: 'invalid_format',
        message: 'If-Match ska vara en revision, t.ex. "3", eller * (uppgifterna ska finnas).',
      },
    ]);
  }
  const correlation = header('x-correlation-id');
  const { actor } = request;
  return {
    actor,
    idempotencyKey:
      key === undefined ? undefined : `${actor.sub}|${request.method}|${request.path}|${key}`,
    expectedRevision:
      revision === undefined ? undefined : revision === '*' ? 'stream_exists' : Number(revision),
    correlationId:
      correlation !== undefined && CORRELATION.test(correlation) ? correlation : randomUUID(),
    now: new Date(),
  };
}

export const Write = createParamDecorator((_: unknown, ctx: ExecutionContext) =>
  writeContextOf(ctx.switchToHttp().getRequest<AuthenticatedRequest>()),
);
