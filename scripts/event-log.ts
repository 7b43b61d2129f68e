/**
 * Exports or imports the portable event log (format: libs/event-store/src/portable/event-log-file.ts).
 *
 *   node -r @swc-node/register scripts/event-log.ts export [--association F-…] [--out file.ndjson]
 *   node -r @swc-node/register scripts/event-log.ts import --in file.ndjson
 *
 * In the production image (no dev dependencies): `node dist/tools/scripts/event-log.js …`.
 * The store comes from the environment like the application's: EVENTSTORE_URL selects
 * KurrentDB / EventStoreDB, otherwise the SQLite file DATA_DIR/events.db (DATA_DIR: ./data).
 * Operators run it (like docs/production.md, its messages are in English).
 */
import {
  createReadStream,
  createWriteStream,
  existsSync,
  mkdirSync,
  renameSync,
  rmSync,
} from 'node:fs';
import { join } from 'node:path';
import { finished } from 'node:stream/promises';
import { parseArgs } from 'node:util';
import type { EventStore } from '../libs/event-store/src/event-store.port';
import { KurrentDbEventStore } from '../libs/event-store/src/kurrentdb/kurrentdb-event-store';
import {
  EventLogError,
  exportEventLog,
  importEventLog,
} from '../libs/event-store/src/portable/event-log-file';
import { SqliteEventStore } from '../libs/event-store/src/sqlite/sqlite-event-store';

const USAGE = `Usage:
  event-log export [--association F-…] [--out file.ndjson]   (no --out: to standard output)
  event-log import --in file.ndjson                          (--in -: from standard input)

The event store is EVENTSTORE_URL when it is set, otherwise the SQLite file
DATA_DIR/events.db (DATA_DIR defaults to ./data).
`;

class UsageError extends Error {}

function openStore(mode: 'export' | 'import'): { store: EventStore; description: string } {
  const url = process.env.EVENTSTORE_URL;
  if (url !== undefined && url.trim() !== '') {
    return { store: new KurrentDbEventStore(url), description: 'KurrentDB (EVENTSTORE_URL)' };
  }
  const dataDir = process.env.DATA_DIR ?? './data';
  const file = join(dataDir, 'events.db');
  if (mode === 'export' && !existsSync(file)) {
    // Opening a missing file would create an empty store and export nothing without a word.
    throw new UsageError(`No event log at ${file}. Is DATA_DIR right?`);
  }
  if (mode === 'import') mkdirSync(dataDir, { recursive: true });
  return { store: SqliteEventStore.open(file), description: `SQLite (${file})` };
}

async function runExport(association: string | undefined, outFile: string | undefined) {
  const { store, description } = openStore('export');
  try {
    if (outFile === undefined) {
      const { events } = await exportEventLog(store, process.stdout, {
        associationId: association,
      });
      process.stderr.write(`Exported ${events} events from ${description}.\n`);
      return;
    }
    // Written under a temporary name and renamed when complete, so a file with the final name
    // is always a whole export.
    const partial = `${outFile}.partial`;
    const out = createWriteStream(partial, { flags: 'wx' });
    try {
      const { events } = await exportEventLog(store, out, { associationId: association });
      out.end();
      await finished(out);
      renameSync(partial, outFile);
      process.stderr.write(`Exported ${events} events from ${description} to ${outFile}.\n`);
    } catch (error) {
      out.destroy();
      rmSync(partial, { force: true });
      throw error;
    }
  } finally {
    await store.close();
  }
}

async function runImport(inFile: string) {
  if (inFile !== '-' && !existsSync(inFile)) throw new UsageError(`No such file: ${inFile}`);
  const { store, description } = openStore('import');
  try {
    const input = inFile === '-' ? process.stdin : createReadStream(inFile);
    const { events } = await importEventLog(store, input);
    process.stderr.write(`Imported ${events} events into ${description}.\n`);
  } finally {
    await store.close();
  }
}

async function main(argv: string[]): Promise<void> {
  const { values, positionals } = parseArgs({
    args: argv,
    allowPositionals: true,
    options: {
      association: { type: 'string' },
      out: { type: 'string' },
      in: { type: 'string' },
      help: { type: 'boolean', short: 'h' },
    },
  });
  const [command, ...rest] = positionals;
  if (values.help === true) {
    process.stdout.write(USAGE);
    return;
  }
  if (rest.length > 0) throw new UsageError(`Unexpected argument: ${rest.join(' ')}`);
  switch (command) {
    case 'export':
      if (values.in !== undefined) throw new UsageError('--in belongs to import.');
      return runExport(values.association, values.out);
    case 'import':
      if (values.in === undefined) throw new UsageError('import needs --in <file>.');
      if (values.out !== undefined || values.association !== undefined) {
        throw new UsageError('import takes only --in: the whole file is imported.');
      }
      return runImport(values.in);
    default:
      throw new UsageError(
        command === undefined ? 'Say export or import.' : `Unknown command: ${command}`,
      );
  }
}

main(process.argv.slice(2)).then(
  () => undefined,
  (error: unknown) => {
    if (error instanceof UsageError || (error instanceof TypeError && 'code' in error)) {
      // parseArgs reports unknown options as a TypeError with an ERR_PARSE_ARGS_* code.
      process.stderr.write(`${error.message}\n\n${USAGE}`);
      process.exitCode = 2;
    } else if (error instanceof EventLogError) {
      process.stderr.write(`Import failed: ${error.message}\n`);
      process.exitCode = 1;
    } else {
      process.stderr.write(`Failed: ${error instanceof Error ? error.message : String(error)}\n`);
      process.exitCode = 1;
    }
  },
);
