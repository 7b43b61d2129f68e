/**
 * Creates a user with a password from a shell (DESIGN §7), for scripts, tests and a first admin
 * without a browser. The password is read from stdin, so it is never in the shell's history or
 * the process list; the user id is printed on stdout.
 *   printf '%s' "$LOSENORD" | npm run user -- create --role admin --email E --password-stdin
 *   … create --role chief --email E --association F-… --name "Namn" --password-stdin
 */
import { parseArgs } from 'node:util';
import { createUserWithPassword } from '../src/accounts/create-user';
import { UserAccounts } from '../src/accounts/user-accounts';
import { loadConfig } from '../../../libs/config/src';
import { DisplayName, Email, NewPassword, Role } from '../../../libs/domain/src';
import { createEventStore } from '../../../libs/event-store/src/create-event-store';

class UsageError extends Error {}

const USAGE =
  'Exempel: printf \'%s\' "$LOSENORD" | npm run user -- create --role admin --email namn@kommun.se --password-stdin ' +
  '(chief, board, staff även --association F-…; staff --interventions I-…,I-…; --name "Namn").';

function parseCommandLine() {
  try {
    return parseArgs({
      allowPositionals: true,
      options: {
        role: { type: 'string' },
        email: { type: 'string' },
        name: { type: 'string' },
        association: { type: 'string' },
        interventions: { type: 'string', default: '' },
        'password-stdin': { type: 'boolean', default: false },
      },
    });
  } catch {
    throw new UsageError(`Okänt eller ofullständigt val. ${USAGE}`);
  }
}

async function readStdin(): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of process.stdin) chunks.push(chunk as Buffer);
  // One trailing newline is how `echo` ends a line, not part of the password.
  return Buffer.concat(chunks)
    .toString('utf8')
    .replace(/\r?\n$/, '');
}

function parsed<T>(
  schema: {
    safeParse(
      v: unknown,
    ): { success: true; data: T } | { success: false; error: { issues: { message: string }[] } };
  },
  value: unknown,
  what: string,
): T {
  const result = schema.safeParse(value);
  if (!result.success)
    throw new UsageError(`${what}: ${result.error.issues[0]?.message ?? 'ogiltigt'}`);
  return result.data;
}

async function main(): Promise<void> {
  const { values, positionals } = parseCommandLine();
  if (positionals[0] !== 'create') throw new UsageError(`Ange vad som ska göras: create. ${USAGE}`);
  if (!values['password-stdin']) {
    throw new UsageError(`Lösenordet läses från standard in: ange --password-stdin. ${USAGE}`);
  }
  const role = parsed(Role, values.role, '--role (admin, chief, board eller staff)');
  const email = parsed(Email, values.email, '--email');
  const name = parsed(DisplayName, values.name ?? email.split('@')[0], '--name');
  const password = parsed(NewPassword, await readStdin(), 'Lösenordet');
  const associationId = role === 'admin' ? undefined : values.association;
  if (role !== 'admin' && associationId === undefined) {
    throw new UsageError(`Rollen ${role} kräver --association <förbunds-id>. ${USAGE}`);
  }
  const config = loadConfig();
  const store = createEventStore(config);
  try {
    const userId = await createUserWithPassword(
      new UserAccounts(store),
      {
        email,
        name,
        role,
        associationId,
        interventionIds: values.interventions.split(',').filter(Boolean),
        password,
      },
      { actor: 'npm run user', now: new Date() },
    );
    process.stderr.write(`Användaren ${email} (${role}) är skapad och kan logga in.\n`);
    process.stdout.write(`${userId}\n`);
  } finally {
    await store.close();
  }
}

main().catch((error: unknown) => {
  const known =
    error instanceof UsageError ||
    (error instanceof Error && ['ConfigError', 'DomainError', 'Problem'].includes(error.name));
  const message = known
    ? error.message
    : `Kunde inte skapa användaren: ${error instanceof Error ? error.name : 'okänt fel'}`;
  process.stderr.write(`${message}\n`);
  process.exit(error instanceof UsageError ? 2 : 1);
});
