import { Module, type DynamicModule } from '@nestjs/common';
import { APP_FILTER, APP_GUARD, APP_INTERCEPTOR } from '@nestjs/core';
import { CqrsModule } from '@nestjs/cqrs';
import { JwtModule } from '@nestjs/jwt';
import { TerminusModule } from '@nestjs/terminus';
import { APP_CONFIG, configModule, loggingModule, type AppConfig } from '@stegvis/config';
import { EVENT_STORE, EventStoreModule, type EventStore } from '@stegvis/event-store';
import { JobQueueModule } from '@stegvis/job-queue';
import { ProcessMetricsModule, WorkerModule } from '@stegvis/operations';
import { READ_MODEL_STORE, ReadModelsModule, type ReadModelStore } from '@stegvis/read-models';
import { ReportCache } from '@stegvis/read-side';
import { AuthGuard } from './platform/auth.guard';
import { AccountsModule } from './accounts/accounts.module';
import { WebModule } from './web/web.module';
import { AdminController } from './operations/admin.controller';
import { ExportsController } from './reports/exports.controller';
import { ReportsController } from './reports/reports.controller';
import { AssociationsController } from './associations/associations.controller';
import { InterventionsController } from './interventions/interventions.controller';
import { ParticipantsController } from './participants/participants.controller';
import { ParticipantSearchController } from './participants/participant-search.controller';
import { SearchParticipantsHandler } from './participants/participant-search';
import { VocabularyController } from './vocabulary/vocabulary.controller';
import { AssociationReadsController } from './associations/association-reads.controller';
import { GetAssociationHandler } from './associations/association-view';
import { ListInterventionsHandler } from './associations/association-interventions';
import { GetGoalsHandler } from './associations/goal-history';
import { HealthController } from './operations/health.controller';
import { CreatedLocationInterceptor } from './platform/created-location';
import { ProblemDetailsFilter } from './platform/problem-details.filter';
import { UnknownQueryInterceptor } from './platform/query-params';
import { RevisionETagInterceptor } from './platform/revision-etag.interceptor';
import { GetParticipantHandler } from './participants/participant-history';
import { ListParticipantsHandler } from './interventions/participant-list';
import { GetInterventionHandler } from './interventions/intervention-view';
import { ListAttendanceHandler } from './interventions/attendance-list';
import { GetReportHandler } from './reports/report-query';
import { ReadModelReader } from './platform/read-model-reader';
import { Metrics, MetricsController } from './operations/metrics';
import {
  ChangeAssociationHandler,
  RegisterAssociationHandler,
} from './associations/association.handlers';
import {
  ChangeInterventionHandler,
  RegisterInterventionHandler,
} from './interventions/intervention.handlers';
import {
  ChangeParticipantHandler,
  EnrolParticipantHandler,
  EraseParticipantHandler,
} from './participants/participant.handlers';
import { StreamReader } from './platform/stream-reader';
import { StreamWriter } from './platform/stream-writer';

/** The HTTP API: thin wiring around the deciders in libs/domain and the EventStore port. */
@Module({})
export class AppModule {
  static forConfig(config: AppConfig): DynamicModule {
    return {
      module: AppModule,
      imports: [
        configModule(config),
        loggingModule(config),
        EventStoreModule,
        ReadModelsModule,
        JobQueueModule,
        ProcessMetricsModule,
        // Without Redis, this process is the worker too (DESIGN §2: the embedded default).
        ...(config.redisUrl === undefined ? [WorkerModule] : []),
        CqrsModule.forRoot(),
        JwtModule.register({}),
        TerminusModule,
        AccountsModule,
        WebModule,
      ],
      controllers: [
        AssociationsController,
        InterventionsController,
        ParticipantsController,
        ParticipantSearchController,
        AssociationReadsController,
        VocabularyController,
        HealthController,
        MetricsController,
        AdminController,
        ReportsController,
        ExportsController,
      ],
      providers: [
        { provide: APP_GUARD, useClass: AuthGuard },
        { provide: APP_FILTER, useClass: ProblemDetailsFilter },
        { provide: APP_INTERCEPTOR, useClass: RevisionETagInterceptor },
        { provide: APP_INTERCEPTOR, useClass: CreatedLocationInterceptor },
        { provide: APP_INTERCEPTOR, useClass: UnknownQueryInterceptor },
        StreamReader,
        StreamWriter,
        RegisterAssociationHandler,
        ChangeAssociationHandler,
        RegisterInterventionHandler,
        ChangeInterventionHandler,
        EnrolParticipantHandler,
        ChangeParticipantHandler,
        EraseParticipantHandler,
        GetParticipantHandler,
        ListParticipantsHandler,
        GetInterventionHandler,
        ListAttendanceHandler,
        GetReportHandler,
        SearchParticipantsHandler,
        GetAssociationHandler,
        ListInterventionsHandler,
        GetGoalsHandler,
        {
          provide: ReportCache,
          inject: [EVENT_STORE, READ_MODEL_STORE, APP_CONFIG],
          useFactory: (store: EventStore, readModels: ReadModelStore, settings: AppConfig) =>
            new ReportCache(store, readModels, { capacity: settings.reportCacheAssociations }),
        },
        ReadModelReader,
        Metrics,
      ],
    };
  }
}
