/**
 * The EventStore contract suite against a live KurrentDB / EventStoreDB server. Not part of
 * `npm test` (its name does not end in .spec.ts; `npm test` runs the same suite against the
 * KurrentDB test double, kurrentdb-event-store.spec.ts); run it with
 *
 *   EVENTSTORE_URL='kurrentdb://localhost:2113?tls=false' npm run test:eventstoredb
 *
 * The suite writes only to streams with random names and never assumes an empty log, so any
 * disposable server will do (see docs/production.md for a one-line `docker run`).
 */
import { describeEventStoreContract } from '../testing/event-store.contract';
import { KurrentDbEventStore } from './kurrentdb-event-store';

const url = process.env.EVENTSTORE_URL;
if (url === undefined || url.trim() === '') {
  throw new Error(
    'EVENTSTORE_URL is not set. Start a server and run e.g. ' +
      "EVENTSTORE_URL='kurrentdb://localhost:2113?tls=false' npm run test:eventstoredb",
  );
}
const connectionString = url;

describeEventStoreContract('KurrentDB', async () => {
  const store = new KurrentDbEventStore(connectionString);
  return { store, dispose: () => store.close() };
});
