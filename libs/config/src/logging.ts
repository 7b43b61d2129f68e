import { LoggerModule } from 'nestjs-pino';
import type { AppConfig } from './app-config';

/**
 * Structured JSON logs. A request is logged as its id, method, path and status only: no
 * headers (tokens, cookies, staff's addresses and browsers), no bodies; ids in paths are
 * pseudonyms, so a log line can never name a person.
 */
export const loggingModule = (config: AppConfig) =>
  LoggerModule.forRoot({
    pinoHttp: {
      level: config.logLevel,
      serializers: {
        req: (req: { id: unknown; method: string; url: string }) => ({
          id: req.id,
          method: req.method,
          url: req.url,
        }),
        res: (res: { statusCode: number }) => ({ statusCode: res.statusCode }),
      },
      autoLogging: { ignore: (req) => req.url?.startsWith('/health') ?? false },
    },
  });
