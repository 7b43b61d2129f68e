/**
 * Mints a token for local use, signed with the secret the server uses: AUTH_SECRET, or the
 * development secret in DATA_DIR (the same rules, through libs/config). Says on stderr which one
 * it used (never the secret itself), and refuses an association or intervention that the
 * configured event store does not hold.
 *   npm run token -- --role chief --association F-XXXXXXXXXX
 *   npm run token -- --role staff --association F-… --interventions I-…,I-…
 *   npm run token -- --role admin [--hours 8]
 */
import { parseArgs } from 'node:util';
import { signToken } from '../libs/credentials/src/development-token';
import { loadConfig, MAX_DEVELOPMENT_TOKEN_HOURS, type AppConfig } from '../libs/config/src';
import { AssociationId, InterventionId, Role, streamNames } from '../libs/domain/src';
import { createEventStore } from '../libs/event-store/src/create-event-store';
import type { EventStore } from '../libs/event-store/src/event-store.port';

/** A mistake in how the command was called: its message says what to write instead. */
class UsageError extends Error {}

const USAGE =
  'Exempel: npm run token -- --role chief --association F-XXXXXXXXXX ' +
  '(roller: admin, chief, board, staff; staff även --interventions I-…,I-…; --hours 1–168).';

function parseCommandLine() {
  try {
    return parseArgs({
      options: {
        role: { type: 'string', default: 'admin' },
        association: { type: 'string' },
        interventions: { type: 'string', default: '' },
        sub: { type: 'string', default: 'lokal-anvandare' },
        hours: { type: 'string', default: '8' },
      },
    }).values;
  } catch {
    throw new UsageError(`Okänt eller ofullständigt val. ${USAGE}`);
  }
}

function lifetimeSeconds(hours: string): number {
  const value = Number(hours.replace(',', '.'));
  if (hours.trim() === '' || !Number.isFinite(value) || value <= 0) {
    throw new UsageError(
      `--hours ska vara ett antal timmar större än 0, t.ex. --hours 8 (fick "${hours}").`,
    );
  }
  if (value > MAX_DEVELOPMENT_TOKEN_HOURS) {
    throw new UsageError(
      `--hours får vara högst ${MAX_DEVELOPMENT_TOKEN_HOURS} (7 dygn): API:t tar inte emot ` +
        'utvecklingstoken som gäller längre. Skapa en personlig API-token för längre åtkomst.',
    );
  }
  return Math.max(60, Math.round(value * 3600));
}

/** The association and interventions must exist, the interventions in that association. */
async function checkTenancy(
  store: EventStore,
  associationId: string,
  interventionIds: readonly string[],
): Promise<void> {
  const association = await store.readStream(streamNames.association(associationId));
  if (association.length === 0) {
    throw new UsageError(
      `Förbundet ${associationId} finns inte i händelselagret. Kontrollera id:t, eller att ` +
        'DATA_DIR/EVENTSTORE_URL är desamma som serverns.',
    );
  }
  for (const interventionId of interventionIds) {
    const [registered] = await store.readStream(streamNames.intervention(interventionId));
    if (registered?.data.associationId !== associationId) {
      throw new UsageError(
        `Insatsen ${interventionId} finns inte i förbundet ${associationId}. Ange insatser som hör till förbundet.`,
      );
    }
  }
}

function secretSource(config: AppConfig): string {
  return config.auth.generated
    ? `Token signerad med utvecklingsnyckeln i ${config.dataDir}/dev-auth-secret ` +
        '(AUTH_SECRET saknas): servern måste köras med samma DATA_DIR och utan AUTH_SECRET.'
    : 'Token signerad med AUTH_SECRET från miljön: servern måste ha samma AUTH_SECRET.';
}

async function main(): Promise<void> {
  const values = parseCommandLine();
  const role = Role.safeParse(values.role);
  if (!role.success) {
    throw new UsageError(`Okänd roll "${values.role}": välj admin, chief, board eller staff.`);
  }
  const expiresInSeconds = lifetimeSeconds(values.hours);
  const associationId = role.data === 'admin' ? undefined : values.association;
  if (role.data !== 'admin' && !associationId) {
    throw new UsageError(`Rollen ${role.data} kräver --association <förbunds-id>. ${USAGE}`);
  }
  if (associationId !== undefined && !AssociationId.safeParse(associationId).success) {
    throw new UsageError(`"${associationId}" är inget förbunds-id: det ser ut som F-XXXXXXXXXX.`);
  }
  const interventionIds = values.interventions.split(',').filter(Boolean);
  const badIntervention = interventionIds.find((id) => !InterventionId.safeParse(id).success);
  if (badIntervention !== undefined) {
    throw new UsageError(`"${badIntervention}" är inget insats-id: det ser ut som I-XXXXXXXXXX.`);
  }

  const config = loadConfig();
  if (associationId !== undefined) {
    const store = createEventStore(config);
    try {
      await checkTenancy(store, associationId, interventionIds);
    } finally {
      await store.close();
    }
  }
  const token = signToken(config.auth, {
    sub: values.sub,
    role: role.data,
    associationId,
    interventionIds,
    expiresInSeconds,
  });
  process.stderr.write(`${secretSource(config)}\n`);
  process.stdout.write(`${token}\n`);
}

main().catch((error: unknown) => {
  // Our own messages are sentences for the person at the terminal; anything else is summarised
  // without a stack trace (a store that cannot be reached, a configuration error).
  const message =
    error instanceof UsageError || (error instanceof Error && error.name === 'ConfigError')
      ? error.message
      : `Kunde inte skapa en token: ${error instanceof Error ? error.message : String(error)}`;
  process.stderr.write(`${message}\n`);
  process.exit(error instanceof UsageError ? 2 : 1);
});
