/**
 * Runs the EventStore contract suite against a live KurrentDB / EventStoreDB server
 * (files named *.esdb.ts), which `npm test` leaves out:
 *
 *   EVENTSTORE_URL='kurrentdb://localhost:2113?tls=false' npm run test:eventstoredb
 *
 * (`npm test` runs the same contract suite against the KurrentDB test double.)
 */
const base = require('./jest.config.js');

/** @type {import('jest').Config} */
module.exports = {
  ...base,
  roots: ['<rootDir>/libs'],
  testRegex: '\\.esdb\\.ts$',
  // One server, shared: run the files one after another.
  maxWorkers: 1,
};
