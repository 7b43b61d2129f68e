import { LoggerModule } from 'nestjs-pino';
import type { AppConfig } from './app-config';

/**
 * Structured JSON logs. Request bodies are never logged and the token is redacted; ids in URLs
 * are pseudonyms, so a log line can never name a person.
 */
export const loggingModule = (config: AppConfig) =>
  LoggerModule.forRoot({
    pinoHttp: {
      level: config.logLevel,
      redact: ['req.headers.authorization', 'req.headers.cookie'],
      autoLogging: { ignore: (req) => req.url?.startsWith('/health') ?? false },
    },
  });
