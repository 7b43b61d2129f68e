import type { IncomingMessage, ServerResponse } from 'node:http';
import { randomUUID } from 'node:crypto';
import { LoggerModule } from 'nestjs-pino';
import pino, { type DestinationStream, type Logger } from 'pino';
import { ConfigError, type AppConfig } from './app-config';
import { errorSummary } from './error-summary';

export type LogLevel = AppConfig['logLevel'];

/** A caller's request id is kept when it is short and plain: it lands in logs and a header. */
const REQUEST_ID = /^[A-Za-z0-9._:-]{1,128}$/;

let root: Logger | undefined;

/**
 * The process's one logger: every line it writes, from boot to shutdown, is a JSON object on
 * stdout (what log collectors parse), or a readable line when stdout is a terminal (a person
 * running `npm start`). The level is the configured one once the configuration is known; errors
 * before that (a bad configuration) are logged at the default level.
 */
export function processLogger(level?: LogLevel): Logger {
  root ??= pino(
    {
      level: level ?? 'info',
      timestamp: pino.stdTimeFunctions.isoTime,
      // An Error is logged as its summary (kind, code, message without quoted input); what our
      // code logs under `err` is such a summary already and is kept as it is.
      serializers: { err: (err: unknown) => (err instanceof Error ? errorSummary(err) : err) },
    },
    destination(),
  );
  if (level !== undefined) root.level = level;
  return root;
}

function destination(): DestinationStream {
  if (!process.stdout.isTTY) return pino.destination({ fd: 1, sync: true });
  // Required here only: production (no terminal) never loads it.
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const pretty = require('pino-pretty') as typeof import('pino-pretty');
  return pretty.build({ sync: true, ignore: 'pid,hostname', translateTime: 'SYS:HH:MM:ss' });
}

/**
 * Logs that the process is up and where (the start banner), as an info line written whatever
 * LOG_LEVEL is: the one line an operator and the tests that start processes always need.
 */
export function announce(fields: Record<string, unknown>, message: string): void {
  processLogger().child({}, { level: 'info' }).info(fields, message);
}

/**
 * Logs what kept the process from starting and exits with 1: a bad setting in its own Swedish
 * words, anything else (a port in use, a store that cannot be opened) by its summary.
 */
export function exitOnBootError(error: unknown): never {
  const err = errorSummary(error);
  processLogger().fatal(
    { err },
    error instanceof ConfigError
      ? error.message
      : `Stegvis kunde inte starta: ${err.type}: ${err.message}. Rätta felet och starta igen.`,
  );
  process.exit(1);
}

/**
 * Logs the errors a connection reports outside any call (Redis unreachable while BullMQ keeps
 * reconnecting): the first one, then at most one every 30 s while they repeat, with a count.
 */
export function connectionErrorLog(context: string): (error: Error) => void {
  const everyMs = 30_000;
  let last: { message: string; at: number } | undefined;
  let repeated = 0;
  return (error) => {
    const now = Date.now();
    if (last?.message === error.message && now - last.at < everyMs) {
      repeated += 1;
      return;
    }
    processLogger().error({ context, err: errorSummary(error), repeated }, 'Connection failed');
    last = { message: error.message, at: now };
    repeated = 0;
  };
}

/**
 * The request id: the caller's `X-Request-Id` when it is a plain token (so one id follows a
 * request through a proxy and the API), otherwise a fresh UUID; sent back in the same header.
 */
export function requestId(req: IncomingMessage, res: ServerResponse): string {
  const sent = req.headers['x-request-id'];
  const id = typeof sent === 'string' && REQUEST_ID.test(sent) ? sent : randomUUID();
  res.setHeader('X-Request-Id', id);
  return id;
}

/**
 * The path a request log shows: without the query string, whose values (`?access_token=…`, or
 * whatever a caller puts there) are not the API's to keep.
 */
export function loggedPath(url: string): string {
  const query = url.indexOf('?');
  return query === -1 ? url : url.slice(0, query);
}

/**
 * Structured JSON logs. A request is logged as its id, method, path and status only: no
 * headers (tokens, cookies, staff's addresses and browsers), no query string, no bodies; ids in
 * paths are pseudonyms, so a log line can never name a person.
 */
export const loggingModule = (config: AppConfig) =>
  LoggerModule.forRoot({
    pinoHttp: {
      logger: processLogger(config.logLevel),
      genReqId: requestId,
      // The serializers below get the raw request and response, and errors keep the root
      // logger's summary (pino-http would otherwise wrap them in its standard ones first).
      wrapSerializers: false,
      serializers: {
        req: (req: IncomingMessage & { id?: unknown; originalUrl?: string }) => ({
          id: req.id,
          method: req.method,
          url: loggedPath(req.originalUrl ?? req.url ?? ''),
        }),
        res: (res: ServerResponse) => ({ statusCode: res.statusCode }),
      },
      autoLogging: { ignore: (req) => req.url?.startsWith('/health') ?? false },
    },
  });
