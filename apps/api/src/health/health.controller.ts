import { Controller, Get, Inject } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import { HealthCheck, HealthCheckService, HealthIndicatorService } from '@nestjs/terminus';
import { EVENT_STORE, type EventStore } from '@stegvis/event-store';
import { Public } from '../auth/auth.decorators';
import { MAX_LAG_EVENTS, ReadModelReader } from '../read/read-model-reader';

@ApiTags('Drift')
@Public()
@Controller('health')
export class HealthController {
  constructor(
    private readonly health: HealthCheckService,
    private readonly indicators: HealthIndicatorService,
    @Inject(EVENT_STORE) private readonly store: EventStore,
    private readonly reader: ReadModelReader,
  ) {}

  /** The process answers: restart it if not. */
  @Get('live')
  @HealthCheck()
  live() {
    return this.health.check([]);
  }

  /** The process can do its work: take it out of the load balancer if not. */
  @Get('ready')
  @HealthCheck()
  ready() {
    return this.health.check([() => this.eventStore(), () => this.readModels()]);
  }

  /** Down while the read models are unreachable or far behind (a rebuild at boot, say). */
  private async readModels() {
    const indicator = this.indicators.check('readModels');
    try {
      const { checkpoint, behind } = await this.reader.lag();
      const details = { checkpoint: checkpoint?.toString() ?? null, behind };
      if (behind >= MAX_LAG_EVENTS) {
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

  private async eventStore() {
    const indicator = this.indicators.check('eventStore');
    try {
      const head = await this.store.headPosition();
      return indicator.up({ head: head?.toString() ?? null });
    } catch {
      return indicator.down({ message: 'Händelselagret svarar inte.' });
    }
  }
}
