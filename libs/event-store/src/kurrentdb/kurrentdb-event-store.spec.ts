/**
 * The EventStore contract suite through the real KurrentDB client, over gRPC, against the
 * KurrentDB test double (test/support/kurrentdb-double), started here: what `npm test` can
 * check of the adapter without a server. `npm run test:eventstoredb` runs the same suite against
 * a real server.
 */
import { KurrentDbDouble } from '../../../../test/support/kurrentdb-double';
import { describeEventStoreContract } from '../testing/event-store.contract';
import { KurrentDbEventStore } from './kurrentdb-event-store';

let double: KurrentDbDouble;

beforeAll(async () => {
  double = await KurrentDbDouble.start();
});

afterAll(() => double.close());

describeEventStoreContract('KurrentDB through the real client against the double', async () => {
  // A short discovery interval only saves the Rust client's first-connection pause (500 ms).
  const store = new KurrentDbEventStore(double.connectionString({ discoveryInterval: '20' }));
  return { store, dispose: () => store.close() };
});
