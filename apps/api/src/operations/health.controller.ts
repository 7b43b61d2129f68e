import { Controller, Get, Inject, Res } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import { HealthCheck, HealthCheckService, HealthIndicatorService } from '@nestjs/terminus';
import { EVENT_STORE, type EventStore } from '@stegvis/event-store';
import {
  ApiHealthAnswers,
  eventStoreHealth,
  healthAnswer,
  readModelsHealth,
} from '@stegvis/operations';
import { READ_MODEL_STORE, type ReadModelStore } from '@stegvis/read-models';
import { LAG_COUNTED_UP_TO } from '@stegvis/read-side';
import type { Response } from 'express';
import { Public } from '../platform/auth.decorators';

/** Readiness fails when the projection is this many events behind the log (or more). */
const MAX_LAG_EVENTS = LAG_COUNTED_UP_TO;

@ApiTags('Drift')
@Public()
@Controller('health')
export class HealthController {
  constructor(
    private readonly health: HealthCheckService,
    private readonly indicators: HealthIndicatorService,
    @Inject(EVENT_STORE) private readonly store: EventStore,
    @Inject(READ_MODEL_STORE) private readonly readModels: ReadModelStore,
  ) {}

  /** The process answers: restart it if not. */
  @Get('live')
  @HealthCheck({ noCache: true, swaggerDocumentation: false })
  @ApiHealthAnswers('Processen svarar (annars: starta om den)')
  live(@Res({ passthrough: true }) response: Response) {
    return healthAnswer(this.health.check([]), response);
  }

  /** The process can do its work: take it out of the load balancer if not. */
  @Get('ready')
  @HealthCheck({ noCache: true, swaggerDocumentation: false })
  @ApiHealthAnswers(
    'Redo: händelselagret och läsmodellerna svarar och läsmodellerna ligger mindre än ' +
      `${MAX_LAG_EVENTS} händelser efter`,
  )
  ready(@Res({ passthrough: true }) response: Response) {
    return healthAnswer(
      this.health.check([
        () => eventStoreHealth(this.indicators, this.store),
        () => readModelsHealth(this.indicators, this.readModels, this.store, MAX_LAG_EVENTS),
      ]),
      response,
    );
  }
}
