import type { UserAccounts } from './user-accounts';

/** The newest entries first; older ones are in the event log. */
const MAX_ENTRIES = 1000;

/**
 * Who did what to the accounts (DESIGN §5 audit): actor, time, event type and stream, never the
 * event's data (no address, hash or name). Read from the users' streams, so it never lags.
 */
export async function auditOf(accounts: UserAccounts, associationId: string | undefined) {
  const users = await accounts.directory(associationId);
  const perUser = await Promise.all(
    users.map(async (user) =>
      (await accounts.events(user.userId)).map((e) => ({
        at: e.metadata.recordedAt,
        actor: e.metadata.actor,
        type: e.type,
        userId: user.userId,
        stream: e.streamName,
      })),
    ),
  );
  return perUser
    .flat()
    .sort((a, b) => (a.at < b.at ? 1 : a.at > b.at ? -1 : 0))
    .slice(0, MAX_ENTRIES);
}
