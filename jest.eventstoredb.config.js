/**
 * Runs the EventStore contract suite against a live KurrentDB / EventStoreDB server
 * (files named *.esdb.ts), which `npm test` leaves out:
 *
 *   EVENTSTORE_URL='kurrentdb://localhost:2113?tls=false' npx jest -c jest.eventstoredb.config.js
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
