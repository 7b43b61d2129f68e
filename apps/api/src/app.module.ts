import { Module, type DynamicModule } from '@nestjs/common';
import { APP_FILTER, APP_GUARD, APP_INTERCEPTOR } from '@nestjs/core';
import { CqrsModule } from '@nestjs/cqrs';
import { JwtModule } from '@nestjs/jwt';
import { TerminusModule } from '@nestjs/terminus';
import { APP_CONFIG, type AppConfig } from '@stegvis/config';
import { EventStoreModule } from '@stegvis/event-store';
import { LoggerModule } from 'nestjs-pino';
import { AuthGuard } from './auth/auth.guard';
import { AssociationsController } from './controllers/associations.controller';
import { InterventionsController } from './controllers/interventions.controller';
import { ParticipantsController } from './controllers/participants.controller';
import { HealthController } from './health/health.controller';
import { ProblemDetailsFilter } from './http/problem-details.filter';
import { RevisionETagInterceptor } from './http/revision-etag.interceptor';
import { GetParticipantHandler } from './read/participant-history';
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
        {
          module: ConfigHolder,
          global: true,
          providers: [{ provide: APP_CONFIG, useValue: config }],
          exports: [APP_CONFIG],
        },
        LoggerModule.forRoot({
          pinoHttp: {
            level: config.logLevel,
            // Bodies are never logged; the token is the only secret in a request line's headers.
            redact: ['req.headers.authorization', 'req.headers.cookie'],
            autoLogging: { ignore: (req) => req.url?.startsWith('/health') ?? false },
          },
        }),
        EventStoreModule,
        CqrsModule.forRoot(),
        JwtModule.register({}),
        TerminusModule,
      ],
      controllers: [
        AssociationsController,
        InterventionsController,
        ParticipantsController,
        HealthController,
      ],
      providers: [
        { provide: APP_GUARD, useClass: AuthGuard },
        { provide: APP_FILTER, useClass: ProblemDetailsFilter },
        { provide: APP_INTERCEPTOR, useClass: RevisionETagInterceptor },
        StreamWriter,
        RegisterAssociationHandler,
        ChangeAssociationHandler,
        RegisterInterventionHandler,
        ChangeInterventionHandler,
        EnrolParticipantHandler,
        ChangeParticipantHandler,
        EraseParticipantHandler,
        GetParticipantHandler,
      ],
    };
  }
}

class ConfigHolder {}
