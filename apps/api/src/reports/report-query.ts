import { Inject } from '@nestjs/common';
import { Query, QueryHandler, type IQueryHandler } from '@nestjs/cqrs';
import { EVENT_STORE, type EventStore } from '@stegvis/event-store';
import { reportAsOf, ReportCache } from '@stegvis/read-side';
import type { Report, ReportRequest } from '@stegvis/reporting';
import type { Actor } from '../platform/actor';
import { Metrics } from '../operations/metrics';
import { access } from '../platform/access';
import { ReadModelReader } from '../platform/read-model-reader';

export class GetReport extends Query<Report> {
  constructor(
    readonly request: ReportRequest,
    readonly actor: Actor,
    readonly options: { readonly minPosition?: bigint; readonly asOf?: Date },
  ) {
    super();
  }
}

/**
 * A report from the read models (waiting for `minPosition` when given), or, with `asOf`, replayed
 * from the events recorded up to that moment.
 */
@QueryHandler(GetReport)
export class GetReportHandler implements IQueryHandler<GetReport> {
  constructor(
    private readonly reader: ReadModelReader,
    @Inject(EVENT_STORE) private readonly store: EventStore,
    private readonly metrics: Metrics,
    private readonly cache: ReportCache,
  ) {}

  async execute({ request, actor, options }: GetReport): Promise<Report> {
    access.readReports(actor, request.associationId);
    if (options.asOf !== undefined) {
      const timer = this.metrics.reportSeconds.startTimer({ source: 'as_of' });
      return reportAsOf(this.store, request, options.asOf).finally(() => timer());
    }
    const { generation, checkpoint } = await this.reader.at(options.minPosition);
    const timer = this.metrics.reportSeconds.startTimer({ source: 'read_models' });
    return this.cache.report(generation, checkpoint, request).finally(() => timer());
  }
}
