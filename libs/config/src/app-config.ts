import { randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { swedishValidation } from '@stegvis/domain';
import { z } from 'zod';

// Every validation message a person reads is Swedish: configuration errors at boot as well as
// problem details. Set here because both processes load their configuration first.
z.config({ ...z.locales.sv(), ...swedishValidation });

const EnvSchema = z.object({
  PORT: z.coerce.number().int().min(0).max(65535).default(3000),
  /** The worker process's own HTTP port, for its /health and /metrics. */
  WORKER_PORT: z.coerce.number().int().min(0).max(65535).default(3001),
  NODE_ENV: z.string().optional(),
  DATA_DIR: z.string().min(1).default('./data'),
  EVENTSTORE_URL: z
    .string()
    .regex(/^(esdb|kurrentdb|kurrent|kdb)(\+discover)?:\/\/.+/, {
      message: 'ska börja med esdb:// eller kurrentdb://',
    })
    .optional(),
  /** A KurrentDB user in `$ops` (or `$admins`) with which the worker scavenges after erasures. */
  EVENTSTORE_OPS_USERNAME: z.string().min(1).optional(),
  EVENTSTORE_OPS_PASSWORD: z.string().min(1).optional(),
  /** How long after an erasure the worker waits before scavenging, so nearby erasures share one. */
  ERASURE_SCAVENGE_DELAY_MINUTES: z.coerce.number().int().min(0).max(10_080).default(60),
  REDIS_URL: z
    .string()
    .regex(/^rediss?:\/\/.+/, { message: 'ska börja med redis:// eller rediss://' })
    .optional(),
  /** Namespaces every Redis key (read models and jobs), so deployments and tests can share a server. */
  REDIS_PREFIX: z
    .string()
    .regex(/^[A-Za-z0-9_-]{1,40}$/, {
      message: 'får bara innehålla A–Z, a–z, 0–9, _ och - (högst 40 tecken)',
    })
    .default('stegvis'),
  /** How long the projection lease lasts: a crashed worker's successor takes over within this. */
  PROJECTION_LEASE_MS: z.coerce.number().int().min(500).max(600_000).default(10_000),
  /** Associations whose read models the API keeps in memory for reports (≈ 4.3 MB of heap each at 2,500 participants, measured). */
  REPORT_CACHE_ASSOCIATIONS: z.coerce.number().int().min(0).max(1_000).default(16),
  AUTH_SECRET: z.string().min(32, { message: 'ska vara minst 32 tecken' }).optional(),
  AUTH_ISSUER: z.string().min(1).default('stegvis'),
  AUTH_AUDIENCE: z.string().min(1).default('stegvis-api'),
  /** Chiefs and admins must use an authenticator app (TOTP) to sign in. */
  AUTH_REQUIRE_TOTP: z.enum(['true', 'false']).default('false'),
  /** Single sign-on (optional): all three, or none. */
  OIDC_ISSUER: z
    .url({ message: 'ska vara en https-adress till identitetsleverantören' })
    .optional(),
  OIDC_CLIENT_ID: z.string().min(1).optional(),
  OIDC_CLIENT_SECRET: z.string().min(1).optional(),
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
});

export type AppConfig = {
  readonly port: number;
  readonly workerPort: number;
  readonly dataDir: string;
  readonly eventStoreUrl: string | undefined;
  /** Scavenging after erasures (KurrentDB only). */
  readonly scavenge: {
    readonly credentials: { readonly username: string; readonly password: string } | undefined;
    readonly delayMs: number;
  };
  readonly redisUrl: string | undefined;
  readonly redisPrefix: string;
  readonly projectionLeaseMs: number;
  readonly reportCacheAssociations: number;
  readonly auth: {
    readonly secret: string;
    /** True when no AUTH_SECRET was given and a development secret was made in DATA_DIR. */
    readonly generated: boolean;
    readonly issuer: string;
    readonly audience: string;
    readonly requireTotp: boolean;
  };
  /** Single sign-on with an OpenID provider; undefined when not configured. */
  readonly oidc:
    | { readonly issuer: string; readonly clientId: string; readonly clientSecret: string }
    | undefined;
  readonly logLevel: z.infer<typeof EnvSchema>['LOG_LEVEL'];
};

export const APP_CONFIG = Symbol('AppConfig');

/**
 * The longest a development token (`npm run token`, signed with AUTH_SECRET) may be valid: the
 * script refuses to mint longer ones and the API refuses longer ones. Lasting access is what
 * personal API tokens are for.
 */
export const MAX_DEVELOPMENT_TOKEN_HOURS = 7 * 24;

export class ConfigError extends Error {
  override readonly name = 'ConfigError';
}

/** Reads and validates the environment once at boot: a bad setting stops the process with a clear message. */
export function loadConfig(env: NodeJS.ProcessEnv = process.env): AppConfig {
  // An empty variable (as compose files often pass) means "not set".
  const present = Object.fromEntries(Object.entries(env).filter(([, value]) => value !== ''));
  const parsed = EnvSchema.safeParse(present);
  if (!parsed.success) {
    const problems = parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; ');
    throw new ConfigError(`Ogiltig konfiguration: ${problems}`);
  }
  const e = parsed.data;
  if ((e.EVENTSTORE_OPS_USERNAME === undefined) !== (e.EVENTSTORE_OPS_PASSWORD === undefined)) {
    throw new ConfigError(
      'Ogiltig konfiguration: EVENTSTORE_OPS_USERNAME och EVENTSTORE_OPS_PASSWORD anges tillsammans eller inte alls.',
    );
  }
  if (e.NODE_ENV === 'production' && e.AUTH_SECRET === undefined) {
    // A generated secret would differ per container and volume: every token would be refused
    // somewhere, and anyone who can read the data volume could sign tokens.
    throw new ConfigError(
      'AUTH_SECRET saknas: i produktion (NODE_ENV=production) måste AUTH_SECRET anges, ' +
        'minst 32 slumpmässiga tecken, t.ex. från `openssl rand -base64 48`. Stegvis startar inte utan den.',
    );
  }
  const oidcSet = [e.OIDC_ISSUER, e.OIDC_CLIENT_ID, e.OIDC_CLIENT_SECRET].filter(
    (v) => v !== undefined,
  ).length;
  if (oidcSet !== 0 && oidcSet !== 3) {
    throw new ConfigError(
      'Ogiltig konfiguration: OIDC_ISSUER, OIDC_CLIENT_ID och OIDC_CLIENT_SECRET anges tillsammans eller inte alls.',
    );
  }
  const dataDir = resolve(e.DATA_DIR);
  const secret = e.AUTH_SECRET ?? developmentSecret(dataDir);
  return {
    port: e.PORT,
    workerPort: e.WORKER_PORT,
    dataDir,
    eventStoreUrl: e.EVENTSTORE_URL,
    scavenge: {
      credentials:
        e.EVENTSTORE_OPS_USERNAME === undefined || e.EVENTSTORE_OPS_PASSWORD === undefined
          ? undefined
          : { username: e.EVENTSTORE_OPS_USERNAME, password: e.EVENTSTORE_OPS_PASSWORD },
      delayMs: e.ERASURE_SCAVENGE_DELAY_MINUTES * 60_000,
    },
    redisUrl: e.REDIS_URL,
    redisPrefix: e.REDIS_PREFIX,
    projectionLeaseMs: e.PROJECTION_LEASE_MS,
    reportCacheAssociations: e.REPORT_CACHE_ASSOCIATIONS,
    auth: {
      secret,
      generated: e.AUTH_SECRET === undefined,
      issuer: e.AUTH_ISSUER,
      audience: e.AUTH_AUDIENCE,
      requireTotp: e.AUTH_REQUIRE_TOTP === 'true',
    },
    oidc:
      e.OIDC_ISSUER === undefined ||
      e.OIDC_CLIENT_ID === undefined ||
      e.OIDC_CLIENT_SECRET === undefined
        ? undefined
        : { issuer: e.OIDC_ISSUER, clientId: e.OIDC_CLIENT_ID, clientSecret: e.OIDC_CLIENT_SECRET },
    logLevel: e.LOG_LEVEL,
  };
}

/**
 * Without AUTH_SECRET a random secret is kept in DATA_DIR, so local tokens survive a restart and
 * `npm run token` can sign with it. Production sets AUTH_SECRET.
 */
export function developmentSecret(dataDir: string): string {
  const file = join(dataDir, 'dev-auth-secret');
  if (existsSync(file)) return readFileSync(file, 'utf8').trim();
  mkdirSync(dataDir, { recursive: true });
  const secret = randomBytes(32).toString('base64url');
  writeFileSync(file, `${secret}\n`, { mode: 0o600 });
  return secret;
}
