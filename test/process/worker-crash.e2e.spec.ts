import { DEFAULT_LADDER, STEGVIS_5 } from '@stegvis/domain';
import { SqliteEventStore, type NewEvent } from '@stegvis/event-store';
import {
  MemoryReadModelStore,
  RedisReadModelStore,
  type ReadModelStore,
} from '@stegvis/read-models';
import { randomUUID } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PROJECTION, rebuildReadModels } from '@stegvis/read-side';
import { collections, readModelTags } from '@stegvis/reporting';
import { waitFor } from '../support/wait-for';
import { startWorkerProcess, stop } from '../support/process';

const REDIS_URL = process.env.TEST_REDIS_URL ?? 'redis://127.0.0.1:6379';
const ASSOCIATION = 'F-0000000CRA';
const INTERVENTIONS = ['I-000000CRA1', 'I-000000CRA2'];
const PARTICIPANTS = 2_500;

const meta = () => ({
  actor: 'seed',
  correlationId: 'seed',
  recordedAt: '2025-06-01T10:00:00.000Z',
});
const event = (type: string, data: Record<string, unknown>): NewEvent => ({
  id: randomUUID(),
  type,
  data,
  metadata: meta(),
});

/** A realistic log: an association, two interventions, and participants with a year of milestones. */
async function seed(store: SqliteEventStore): Promise<void> {
  await store.append(
    `association-${ASSOCIATION}`,
    [
      event('AssociationRegistered', {
        associationId: ASSOCIATION,
        name: 'Krocktest',
        orgNumber: '222000-1974',
        parties: ['FK', 'AF'],
        occurredOn: '2025-01-01',
      }),
    ],
    'no_stream',
  );
  for (const interventionId of INTERVENTIONS) {
    await store.append(
      `intervention-${interventionId}`,
      [
        event('InterventionRegistered', {
          interventionId,
          associationId: ASSOCIATION,
          name: 'Insats',
          kind: 'individual',
          parties: ['FK', 'AF'],
          startsOn: '2025-01-01',
          instrument: STEGVIS_5,
          ladder: DEFAULT_LADDER,
          occurredOn: '2025-01-01',
        }),
      ],
      'no_stream',
    );
  }
  for (let i = 0; i < PARTICIPANTS; i++) {
    const participantId = `D-${String(i).padStart(10, '0')}`;
    const interventionId = INTERVENTIONS[i % 2];
    const satisfaction = event('SatisfactionRecorded', {
      participantId,
      score: 1 + (i % 5),
      answeredOn: '2025-05-01',
      occurredOn: '2025-05-01',
    });
    const events = [
      event('ParticipantEnrolled', {
        participantId,
        interventionId,
        associationId: ASSOCIATION,
        enrolledOn: '2025-02-01',
        gender: i % 3 === 0 ? 'man' : 'woman',
        birthYear: 1970 + (i % 30),
        referringParty: 'FK',
        incomeSourceAtStart: 'sickness_benefit',
        educationLevel: 'unknown',
        supportDurationBefore: 'unknown',
        occurredOn: '2025-02-01',
      }),
      event('SelfAssessmentRecorded', {
        participantId,
        instrument: 'stegvis-5',
        phase: 'start',
        assessedOn: '2025-02-02',
        scores: { wellbeing: 1 + (i % 10) },
        occurredOn: '2025-02-02',
      }),
      event('ProgressionStepRecorded', {
        participantId,
        level: 2,
        stepOn: '2025-03-01',
        occurredOn: '2025-03-01',
      }),
      event('ProgressionStepRecorded', {
        participantId,
        level: 3,
        stepOn: '2025-04-01',
        occurredOn: '2025-04-01',
      }),
      satisfaction,
      ...(i % 4 === 0
        ? [
            event('EntryRetracted', {
              participantId,
              retractedEventId: satisfaction.id,
              reason: 'wrong_value',
              occurredOn: '2025-05-02',
            }),
          ]
        : []),
      event('SelfAssessmentRecorded', {
        participantId,
        instrument: 'stegvis-5',
        phase: 'exit',
        assessedOn: '2025-05-30',
        scores: { wellbeing: 2 + (i % 9) },
        occurredOn: '2025-05-30',
      }),
      event('ParticipantExited', {
        participantId,
        exitedOn: '2025-05-31',
        outcome: i % 2 ? 'work' : 'studies',
        incomeSourceAtExit: 'salary',
        planHandedOver: true,
        occurredOn: '2025-05-31',
      }),
    ];
    await store.append(`participant-${participantId}`, events, 'no_stream');
  }
}

async function readModelsOf(store: ReadModelStore) {
  const generation = await store.active();
  const byId = (docs: readonly Record<string, unknown>[], key: string) =>
    [...docs].sort((a, b) => String(a[key]).localeCompare(String(b[key])));
  return {
    checkpoint: await generation.checkpoint(PROJECTION),
    associations: byId(
      await generation.all(collections.associations, readModelTags.everyAssociation),
      'associationId',
    ),
    interventions: byId(
      await generation.all(collections.interventions, readModelTags.association(ASSOCIATION)),
      'interventionId',
    ),
    participants: byId(
      await generation.all(collections.participants, readModelTags.association(ASSOCIATION)),
      'participantId',
    ),
  };
}

describe('the worker killed with SIGKILL while projecting', () => {
  const dataDir = mkdtempSync(join(tmpdir(), 'stegvis-crash-'));
  const prefix = `stegvis-crash-${randomUUID().slice(0, 8)}`;
  const readModels = new RedisReadModelStore({ url: REDIS_URL, prefix: `${prefix}:rm` });
  const env = {
    DATA_DIR: dataDir,
    REDIS_URL,
    REDIS_PREFIX: prefix,
    PROJECTION_LEASE_MS: '1000',
    LOG_LEVEL: 'silent',
  };

  afterAll(async () => {
    for (const generation of [await readModels.active()])
      await readModels.drop(generation.id).catch(() => undefined);
    await readModels.close();
    rmSync(dataDir, { recursive: true, force: true });
  });

  it('ends with read models equal to a fresh rebuild, neither losing nor double-counting', async () => {
    const store = SqliteEventStore.open(join(dataDir, 'events.db'));
    await seed(store);
    const head = await store.headPosition();
    const checkpoint = async () =>
      (await readModels.active().then((g) => g.checkpoint(PROJECTION))) ?? 0n;

    let killedMidway = 0;
    for (let round = 0; round < 4; round++) {
      const before = await checkpoint();
      const worker = await startWorkerProcess(env, 60_000);
      // Let it make progress, then kill it at a random moment.
      await waitFor(async () => (await checkpoint()) > before || before === head, {
        timeoutMs: 30_000,
        message: 'worker progress',
      });
      await new Promise<void>((resolve) => setImmediate(resolve));
      await stop(worker.child, 'SIGKILL');
      if ((await checkpoint()) < (head ?? 0n)) killedMidway += 1;
    }
    expect(killedMidway).toBeGreaterThanOrEqual(1);

    const worker = await startWorkerProcess(env, 60_000);
    await waitFor(async () => (await checkpoint()) === head, {
      timeoutMs: 60_000,
      message: 'catch-up after the crashes',
    });
    expect(await stop(worker.child, 'SIGTERM')).toBe(0);

    const fresh = new MemoryReadModelStore();
    await rebuildReadModels(store, fresh);
    const expected = await readModelsOf(fresh);
    const actual = await readModelsOf(readModels);
    expect(actual.participants).toHaveLength(PARTICIPANTS);
    expect(actual).toEqual(expected);
    await store.close();
  }, 120_000); // several processes start in turn: slow on a loaded machine
});
