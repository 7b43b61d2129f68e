import { Controller, Get, Header, Inject, Res } from '@nestjs/common';
import { HealthCheckService, HealthIndicatorService } from '@nestjs/terminus';
import { EVENT_STORE, type EventStore } from '@stegvis/event-store';
import {
  eventStoreHealth,
  healthAnswer,
  ProcessMetrics,
  readModelsHealth,
} from '@stegvis/operations';
import { READ_MODEL_STORE, type ReadModelStore } from '@stegvis/read-models';
import type { Response } from 'express';

/**
 * The worker's own port (WORKER_PORT): liveness and readiness for its container's health check,
 * and Prometheus metrics. Nothing else is served there.
 */
@Controller()
export class WorkerOpsController {
  constructor(
    private readonly health: HealthCheckService,
    private readonly indicators: HealthIndicatorService,
    @Inject(EVENT_STORE) private readonly store: EventStore,
    @Inject(READ_MODEL_STORE) private readonly readModels: ReadModelStore,
    private readonly metrics: ProcessMetrics,
  ) {}

  @Get('health/live')
  @Header('Cache-Control', 'no-store')
  live(@Res({ passthrough: true }) response: Response) {
    return healthAnswer(this.health.check([]), response);
  }

  /** Ready while it reaches the event store and Redis, however far behind it still is. */
  @Get('health/ready')
  @Header('Cache-Control', 'no-store')
  ready(@Res({ passthrough: true }) response: Response) {
    return healthAnswer(
      this.health.check([
        () => eventStoreHealth(this.indicators, this.store),
        () => readModelsHealth(this.indicators, this.readModels, this.store),
      ]),
      response,
    );
  }

  @Get('metrics')
  async scrape(@Res({ passthrough: true }) response: Response): Promise<string> {
    response.setHeader('Content-Type', this.metrics.registry.contentType);
    return this.metrics.registry.metrics();
  }
}
