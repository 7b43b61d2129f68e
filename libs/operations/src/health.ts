import { applyDecorators, ServiceUnavailableException } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiServiceUnavailableResponse } from '@nestjs/swagger';
import type { HealthCheckResult, HealthIndicatorService } from '@nestjs/terminus';
import type { EventStore } from '@stegvis/event-store';
import type { ReadModelStore } from '@stegvis/read-models';
import type { Response } from 'express';
import { projectionLag } from '@stegvis/read-side';

/** How long a load balancer or client should wait before asking a process that is not ready again. */
export const RETRY_AFTER_SECONDS = 5;

/**
 * One shape for both answers of a health check: terminus' body (`status` "ok" or "error", `info`,
 * `error`, `details` per dependency), with 200 or 503 and, on 503, `Retry-After`. Probes and
 * dashboards read the same fields whichever way it went.
 */
export async function healthAnswer(
  check: Promise<HealthCheckResult>,
  response: Response,
): Promise<HealthCheckResult> {
  try {
    return await check;
  } catch (error) {
    if (!(error instanceof ServiceUnavailableException)) throw error;
    response.status(503).setHeader('Retry-After', String(RETRY_AFTER_SECONDS));
    return error.getResponse() as HealthCheckResult;
  }
}

const indicatorSchema = {
  type: 'object',
  additionalProperties: {
    type: 'object',
    required: ['status'],
    properties: { status: { type: 'string', enum: ['up', 'down'] } },
    additionalProperties: true,
  },
};

const healthSchema = (status: 'ok' | 'error') => ({
  type: 'object',
  required: ['status', 'info', 'error', 'details'],
  properties: {
    status: { type: 'string', enum: [status] },
    info: indicatorSchema,
    error: indicatorSchema,
    details: indicatorSchema,
  },
});

/** OpenAPI: both answers of a readiness check, in the one shape `healthAnswer` gives them. */
export const ApiHealthAnswers = (summary: string) =>
  applyDecorators(
    ApiOperation({ summary }),
    ApiOkResponse({ description: 'Redo: varje beroende svarar.', schema: healthSchema('ok') }),
    ApiServiceUnavailableResponse({
      description:
        'Inte redo: samma form, med status "error" och det som inte svarar under error. ' +
        `Retry-After säger om hur många sekunder det är värt att fråga igen.`,
      headers: { 'Retry-After': { schema: { type: 'integer', example: RETRY_AFTER_SECONDS } } },
      schema: healthSchema('error'),
    }),
  );

export function eventStoreHealth(indicators: HealthIndicatorService, store: EventStore) {
  const indicator = indicators.check('eventStore');
  return store.headPosition().then(
    (head) => indicator.up({ head: head?.toString() ?? null }),
    () => indicator.down({ message: 'Händelselagret svarar inte.' }),
  );
}

/**
 * Down while the read models are unreachable, or (with `maxLagEvents`) at least that far behind
 * the log: an API answering from them would show stale figures. A worker catching up is doing its
 * job, so its check has no such limit.
 */
export async function readModelsHealth(
  indicators: HealthIndicatorService,
  readModels: ReadModelStore,
  store: EventStore,
  maxLagEvents?: number,
) {
  const indicator = indicators.check('readModels');
  try {
    const { checkpoint, behind } = await projectionLag(readModels, store);
    const details = { checkpoint: checkpoint?.toString() ?? null, behind };
    if (maxLagEvents !== undefined && behind >= maxLagEvents) {
      return indicator.down({
        ...details,
        message: 'Läsmodellerna ligger långt efter händelseloggen.',
      });
    }
    return indicator.up(details);
  } catch {
    return indicator.down({ message: 'Läsmodellerna svarar inte.' });
  }
}
