import { Module, type DynamicModule } from '@nestjs/common';
import { APP_FILTER, APP_GUARD, APP_INTERCEPTOR } from '@nestjs/core';
import { CqrsModule } from '@nestjs/cqrs';
import { JwtModule } from '@nestjs/jwt';
import { TerminusModule } from '@nestjs/terminus';
import { configModule, loggingModule, type AppConfig } from '@stegvis/config';
import { JobQueueModule } from '@stegvis/job-queue';
import { ReadModelsModule } from '@stegvis/read-models';
import { WorkerModule } from '../../worker/src/worker.module';
import { EventStoreModule } from '@stegvis/event-store';
import { AuthGuard } from './auth/auth.guard';
import { DashboardModule } from './dashboard/dashboard.module';
import { WebModule } from './web/web.module';
import { AdminController } from './controllers/admin.controller';
import { ExportsController } from './controllers/exports.controller';
import { ReportsController } from './controllers/reports.controller';
import { AssociationsController } from './controllers/associations.controller';
import { InterventionsController } from './controllers/interventions.controller';
import { ParticipantsController } from './controllers/participants.controller';
import { HealthController } from './health/health.controller';
import { CreatedLocationInterceptor } from './http/created-location';
import { ProblemDetailsFilter } from './http/problem-details.filter';
import { UnknownQueryInterceptor } from './http/query-params';
import { RevisionETagInterceptor } from './http/revision-etag.interceptor';
import { ListAttendanceHandler } from './read/attendance-list';
import { GetInterventionHandler } from './read/intervention-view';
import { GetParticipantHandler } from './read/participant-history';
import { ListParticipantsHandler } from './read/participant-list';
import { GetReportHandler } from './read/report-query';
import { ReportCache } from './read/report-cache';
import { ReadModelReader } from './read/read-model-reader';
import { Metrics, MetricsController } from './health/metrics';
import { ChangeAssociationHandler, RegisterAssociationHandler } from './write/association.handlers';
import {
  ChangeInterventionHandler,
  RegisterInterventionHandler,
} from './write/intervention.handlers';
import {
  ChangeParticipantHandler,
  EnrolParticipantHandler,
  EraseParticipantHandler,
} from './write/participant.handlers';
import { StreamWriter } from './write/stream-writer';

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
        // Without Redis, this process is the worker too (DESIGN §2: the embedded default).
        ...(config.redisUrl === undefined ? [WorkerModule] : []),
        CqrsModule.forRoot(),
        JwtModule.register({}),
        TerminusModule,
        DashboardModule,
        WebModule,
      ],
      controllers: [
        AssociationsController,
        InterventionsController,
        ParticipantsController,
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
        StreamWriter,
        RegisterAssociationHandler,
        ChangeAssociationHandler,
        RegisterInterventionHandler,
        ChangeInterventionHandler,
        EnrolParticipantHandler,
        ChangeParticipantHandler,
        EraseParticipantHandler,
        GetInterventionHandler,
        ListAttendanceHandler,
        GetParticipantHandler,
        ListParticipantsHandler,
        GetReportHandler,
        ReportCache,
        ReadModelReader,
        Metrics,
      ],
    };
  }
}
