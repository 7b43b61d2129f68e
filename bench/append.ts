import { SqliteEventStore, type StoredEvent } from '@stegvis/event-store';
import { rmSync } from 'node:fs';
import { join } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { spawnApi, tempDir, token, type ApiProcess } from './lib/api-process';
import type { HttpClient, Reply } from './lib/http';
import { best, log, now, perSecond, processCpuMs, summary, type Row } from './lib/measure';
import type { BenchOptions } from './lib/options';

/**
 * Part 1: commands through the HTTP API on the embedded store (SQLite, read models in memory,
 * the projection runner in the same process), the server in its own process.
 */

type Command = { method: string; path: string; body: unknown; participant?: Participant };
type Participant = { id?: string; step: number };

const SCORES = {
  self_esteem: 4,
  wellbeing: 5,
  social_ability: 4,
  employability: 3,
  future_hope: 6,
};
/** One participant's life as the staff record it: seven commands, each one event. */
const LIFECYCLE: ((pid: string) => Omit<Command, 'participant'>)[] = [
  (p) => ({
    method: 'POST',
    path: `/v1/participants/${p}/self-assessments`,
    body: { instrument: 'stegvis-5', phase: 'start', assessedOn: '2025-02-03', scores: SCORES },
  }),
  (p) => ({
    method: 'POST',
    path: `/v1/participants/${p}/progression-steps`,
    body: { level: 2, stepOn: '2025-03-03' },
  }),
  (p) => ({
    method: 'POST',
    path: `/v1/participants/${p}/satisfaction`,
    body: { score: 4, answeredOn: '2025-04-01' },
  }),
  (p) => ({
    method: 'POST',
    path: `/v1/participants/${p}/progression-steps`,
    body: { level: 4, stepOn: '2025-05-05' },
  }),
  (p) => ({
    method: 'POST',
    path: `/v1/participants/${p}/self-assessments`,
    body: { instrument: 'stegvis-5', phase: 'exit', assessedOn: '2025-06-02', scores: SCORES },
  }),
  (p) => ({
    method: 'POST',
    path: `/v1/participants/${p}/exit`,
    body: { exitedOn: '2025-06-02', outcome: 'work', incomeSource: 'salary', planHandedOver: true },
  }),
];

/** Hands out the next command of an idle participant, enrolling a new one when none is idle. */
class Workload {
  private readonly idle: Participant[] = [];
  errors = 0;
  firstError: string | undefined;

  constructor(
    private readonly client: HttpClient,
    private readonly interventionId: string,
    private readonly staff: string,
  ) {}

  next(): Command {
    const participant = this.idle.pop();
    if (participant?.id === undefined) {
      const body = {
        enrolledOn: '2025-02-03',
        gender: 'woman',
        birthYear: 1990,
        referringParty: 'FK',
        incomeSource: 'sickness_benefit',
        educationLevel: 'upper_secondary',
        supportDurationBefore: '1_2y',
      };
      return {
        method: 'POST',
        path: `/v1/interventions/${this.interventionId}/participants`,
        body,
        participant: { step: 0 },
      };
    }
    return {
      ...(LIFECYCLE[participant.step] as (p: string) => Command)(participant.id),
      participant,
    };
  }

  /** Sends one command; true when it succeeded. */
  async run(command: Command): Promise<boolean> {
    let reply: Reply;
    try {
      reply = await this.client.send(command.method, command.path, this.staff, command.body);
    } catch (error) {
      this.fail(String(error));
      return false;
    }
    if (reply.status !== 201) {
      this.fail(`${reply.status} ${command.path}: ${reply.body.slice(0, 300)}`);
      return false;
    }
    const p = command.participant;
    if (p) {
      if (p.id === undefined)
        p.id = (JSON.parse(reply.body) as { participantId: string }).participantId;
      else p.step += 1;
      if (p.step < LIFECYCLE.length) this.idle.push(p);
    }
    return true;
  }

  private fail(message: string): void {
    this.errors += 1;
    this.firstError ??= message;
  }
}

/** `concurrency` clients each sending the next command as soon as the previous answer came. */
async function closedLoop(workload: Workload, concurrency: number, ms: number) {
  const latencies: number[] = [];
  let ok = 0;
  const end = now() + ms;
  const start = now();
  await Promise.all(
    Array.from({ length: concurrency }, async () => {
      while (now() < end) {
        const sent = now();
        if (await workload.run(workload.next())) {
          ok += 1;
          latencies.push(now() - sent);
        }
      }
    }),
  );
  return { ok, ms: now() - start, latency: summary(latencies) };
}

/**
 * Requests sent on a fixed schedule whatever the answers (open loop), latency counted from the
 * scheduled time, so a slow answer cannot hide the requests that would have queued behind it.
 */
async function openLoop(rate: number, ms: number, send: () => Promise<boolean>) {
  const latencies: number[] = [];
  /** [seconds into the run, latency ms] of answers slower than 25 ms: do they come in bursts? */
  const slow: [number, number][] = [];
  const total = Math.round((rate * ms) / 1000);
  const interval = 1000 / rate;
  const inflight: Promise<void>[] = [];
  let ok = 0;
  const start = now() + 5;
  for (let i = 0; i < total; i++) {
    const due = start + i * interval;
    const wait = due - now();
    if (wait >= 1) await sleep(Math.floor(wait));
    inflight.push(
      send().then((success) => {
        if (success) ok += 1;
        const latency = now() - due;
        latencies.push(latency);
        if (latency > 25) slow.push([Math.round(due - start) / 1000, Math.round(latency)]);
      }),
    );
  }
  await Promise.all(inflight);
  return { ok, total, latency: summary(latencies), slow: slow.slice(0, 50) };
}

async function readLog(file: string): Promise<StoredEvent[]> {
  const store = SqliteEventStore.open(file);
  const events: StoredEvent[] = [];
  for (;;) {
    const page = await store.readAll({ after: events.at(-1)?.position, limit: 1000 });
    if (page.length === 0) break;
    events.push(...page);
  }
  await store.close();
  return events;
}

/**
 * Baselines: the same events appended in-process to a fresh SQLite file, one append per command
 * with its expected revision; optionally with the stream reads the write path does first.
 */
async function rawAppends(events: readonly StoredEvent[], dir: string, withReads: boolean) {
  const file = join(dir, `baseline-${withReads ? 'reads' : 'append'}.db`);
  for (const suffix of ['', '-wal', '-shm']) rmSync(`${file}${suffix}`, { force: true });
  const store = SqliteEventStore.open(file);
  const intervention = events.find((e) => e.streamName.startsWith('intervention-'))?.streamName;
  const start = now();
  for (const e of events) {
    if (withReads) {
      await store.readStream(e.streamName);
      if (intervention && e.streamName.startsWith('participant-')) {
        await store.readStream(intervention);
      }
    }
    const event = { id: e.id, type: e.type, data: e.data, metadata: e.metadata };
    await store.append(e.streamName, [event], e.revision === 0 ? 'no_stream' : e.revision - 1);
  }
  const ms = now() - start;
  await store.close();
  return { ms, perSecond: perSecond(events.length, ms) };
}

export async function benchAppend(options: BenchOptions): Promise<Row[]> {
  const dir = tempDir('append');
  const ms = options.appendSeconds * 1000;
  let api: ApiProcess | undefined;
  try {
    api = await spawnApi({ DATA_DIR: dir }, { sockets: options.concurrency + 16 });
    const { client } = api;
    const admin = token('admin');
    const association = await client.send('POST', '/v1/associations', admin, {
      name: 'Samordningsförbundet Bänk',
      orgNumber: '222000-1974',
      parties: ['FK', 'AF', 'MUNICIPALITY', 'REGION'],
    });
    const { associationId } = JSON.parse(association.body) as { associationId: string };
    const chief = token('chief', associationId);
    const intervention = await client.send(
      'POST',
      `/v1/associations/${associationId}/interventions`,
      chief,
      {
        name: 'Resurslotsen',
        kind: 'individual',
        parties: ['FK', 'MUNICIPALITY'],
        startsOn: '2025-01-01',
      },
    );
    const { interventionId } = JSON.parse(intervention.body) as { interventionId: string };
    const workload = new Workload(
      client,
      interventionId,
      token('staff', associationId, [interventionId]),
    );

    log(
      `append: warm-up, then ${options.concurrency} concurrent clients for ${options.appendSeconds} s`,
    );
    await closedLoop(workload, options.concurrency, Math.min(3000, ms));
    const cpuBefore = processCpuMs(api.pid);
    const clientCpu = process.cpuUsage();
    const closed = await closedLoop(workload, options.concurrency, ms);
    const serverCpuMs = (processCpuMs(api.pid) ?? Number.NaN) - (cpuBefore ?? Number.NaN);
    const clientUsage = process.cpuUsage(clientCpu);
    const clientCpuMs = (clientUsage.user + clientUsage.system) / 1000;
    const throughput = perSecond(closed.ok, closed.ms);

    log(`append: HTTP floor, GET /health/live at ${options.rate} rps`);
    const floor = await openLoop(
      options.rate,
      ms,
      async () => (await client.send('GET', '/health/live')).status === 200,
    );
    log(`append: open loop at ${options.rate} rps for ${options.appendSeconds} s`);
    const open = await openLoop(options.rate, ms, () => workload.run(workload.next()));
    if (workload.errors > 0)
      log(`append: ${workload.errors} failed commands, first: ${workload.firstError}`);

    await api.close();
    api = undefined;
    const events = await readLog(join(dir, 'events.db'));
    log(`append: baselines, the same ${events.length} events appended in-process`);
    const raw = (await best(3, () => rawAppends(events, dir, false))).perSecond;
    const withReads = (await best(3, () => rawAppends(events, dir, true))).perSecond;

    const details = {
      concurrency: options.concurrency,
      closedLoop: { commands: closed.ok, ms: closed.ms, latencyMs: closed.latency },
      serverCpuMsPerCommand: serverCpuMs / closed.ok,
      clientCpuMsPerCommand: clientCpuMs / closed.ok,
      openLoop: { rate: options.rate, ...open },
      healthLiveFloor: floor,
      errors: workload.errors,
      firstError: workload.firstError,
      baselineAppendsPerSecond: raw,
      baselineReadAndAppendPerSecond: withReads,
    };
    log(`append: ${JSON.stringify(details)}`);
    return [
      {
        part: 'append',
        metric: `commands/s, ${options.concurrency} clients`,
        value: throughput,
        unit: 'cmd/s',
        baseline: { label: 'raw SqliteEventStore.append', value: raw, unit: 'appends/s' },
        ratio: raw / throughput,
        target: '≥ 1,500 cmd/s',
        met: throughput >= 1500 && workload.errors === 0,
        details,
      },
      {
        part: 'append',
        metric: 'store work per command',
        value: withReads,
        unit: 'cmd/s',
        baseline: { label: 'raw append', value: raw, unit: 'appends/s' },
        ratio: raw / withReads,
      },
      {
        part: 'append',
        metric: 'server CPU per command',
        value: serverCpuMs / closed.ok,
        unit: 'ms',
      },
      {
        part: 'append',
        metric: `p99 latency at ${options.rate} rps`,
        value: open.latency.p99,
        unit: 'ms',
        baseline: {
          label: `GET /health/live p99 at ${options.rate} rps`,
          value: floor.latency.p99,
          unit: 'ms',
        },
        ratio: open.latency.p99 / floor.latency.p99,
        target: '< 25 ms',
        met: open.latency.p99 < 25 && open.ok === open.total,
      },
    ];
  } finally {
    await api?.close();
    rmSync(dir, { recursive: true, force: true });
  }
}
