import { SqliteEventStore } from '@stegvis/event-store';
import { MemoryReadModelStore } from '@stegvis/read-models';
import { rebuildReadModels } from '@stegvis/read-side';
import {
  computeReport,
  type AssociationSummary,
  type InterventionSummary,
  type ParticipantSummary,
} from '@stegvis/reporting';
import { randomUUID } from 'node:crypto';
import { rmSync } from 'node:fs';
import { join } from 'node:path';
import { AUTH_SECRET, spawnApi, tempDir, token, type ApiProcess } from './lib/api-process';
import { waitFor200, type HttpClient } from './lib/http';
import { log, now, summary, type Row } from './lib/measure';
import type { BenchOptions } from './lib/options';
import { readModelsOf } from './report';
import { runUser } from '../test/support/process';
import { writeSyntheticLog } from '../test/support/synthetic-log';

/**
 * Part 5: the answer time of every staff and board page (DESIGN §8: under 300 ms on the embedded
 * default) with BENCH_PAGE_PARTICIPANTS (5,000) participants in one association's embedded
 * store: SQLite, the projection and read models in the API's memory. A page's time is that of
 * the API requests it makes, sent as the web app sends them (in turn where one needs the answer
 * of another, together where not); the browser's own rendering is not part of it. Pages are
 * measured in rounds, each page once per round, so a busy moment of a shared machine falls on
 * all pages alike; the baseline (GET /health/live, the HTTP round trip floor) is one of them.
 */

const TARGET_MS = 300;
const PAGE_SIZE = 50;
const SIGN_INS = 20;
const PASSWORD = 'ett långt lösenord för mätningen';

type Page = { readonly name: string; readonly requests: string; load(): Promise<void> };

async function ok(client: HttpClient, ...args: Parameters<HttpClient['send']>) {
  const reply = await client.send(...args);
  if (reply.status < 200 || reply.status > 299) {
    throw new Error(`${args[0]} ${args[1]}: ${reply.status} ${reply.body.slice(0, 300)}`);
  }
  return JSON.parse(reply.body || 'null') as Record<string, unknown>;
}

/** Waits until the API's projection has applied the whole log (lag metric 0). */
async function caughtUp(client: HttpClient, timeoutMs: number): Promise<void> {
  const deadline = now() + timeoutMs;
  while (now() < deadline) {
    const metrics = await client.send('GET', '/metrics');
    if (/^stegvis_projection_lag_events 0$/m.test(metrics.body)) return;
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error(`projection not caught up within ${timeoutMs} ms`);
}

const enrolment = () => ({
  enrolledOn: new Date().toISOString().slice(0, 10),
  gender: 'woman',
  birthYear: 1990,
  referringParty: 'FK',
  incomeSource: 'sickness_benefit',
  educationLevel: 'upper_secondary',
  supportDurationBefore: '1_2y',
});

export async function benchPages(options: BenchOptions): Promise<Row[]> {
  const dir = tempDir('pages');
  const year = new Date().getUTCFullYear();
  let api: ApiProcess | undefined;
  try {
    log(`pages: writing ${options.pageParticipants} participants in one association`);
    const store = SqliteEventStore.open(join(dir, 'events.db'));
    const written = await writeSyntheticLog(store, {
      associations: 1,
      interventionsPerAssociation: 4,
      participants: options.pageParticipants,
    });
    const aid = written.associationIds[0] as string;
    // The first intervention of the association is individual (the last one is structural).
    const iid = written.interventionIds[0] as string;
    // What /rapport computes, without HTTP or the API's cache: the report from the association's
    // read models, in the bench process (a memory read-model store built by the worker's rebuild).
    const memory = new MemoryReadModelStore();
    await rebuildReadModels(store, memory);
    const models = await readModelsOf(await memory.active(), aid);
    const compute = () =>
      computeReport({
        association: models.association as unknown as AssociationSummary,
        interventions: models.interventions as unknown as InterventionSummary[],
        participants: models.participants as unknown as ParticipantSummary[],
        year,
        checkpoint: undefined,
      });
    await store.close();
    // The chief who signs in, made as an operator makes one (`npm run user -- create`).
    const email = 'chef@bench.example';
    const user = await runUser(
      ['create', '--role', 'chief', '--email', email, '--association', aid, '--password-stdin'],
      { DATA_DIR: dir, AUTH_SECRET, LOG_LEVEL: 'silent' },
      PASSWORD,
    );
    if (user.code !== 0) throw new Error(`npm run user: ${user.code} ${user.stderr}`);

    log(`pages: ${written.events} events; starting the API on the embedded store`);
    api = await spawnApi({ DATA_DIR: dir }, { timeoutMs: 120_000 });
    const client = api.client;
    await waitFor200(client, '/health/ready', 120_000);
    await caughtUp(client, 120_000);

    const staff = token('staff', aid, [iid]);
    const chief = token('chief', aid);
    const board = token('board', aid);
    const first = await ok(client, 'GET', `/v1/participants?limit=${PAGE_SIZE}`, chief);
    const items = first['items'] as { participantId: string }[];
    const pids = items.map((i) => i.participantId);
    const next = String(first['next']);
    const prefix = (pids[0] as string).slice(0, 4); // "D-" and two characters: ≈ 1/1000 match
    log(`pages: ${String(first['total'])} participants listed; measuring`);

    let turn = 0;
    const pid = () => pids[turn++ % pids.length] as string;
    const pages: Page[] = [
      {
        name: 'baseline',
        requests: 'GET /health/live',
        load: async () => void (await ok(client, 'GET', '/health/live')),
      },
      {
        name: '/deltagare (staff, one insats)',
        requests: `GET /v1/participants?limit=${PAGE_SIZE}`,
        load: async () =>
          void (await ok(client, 'GET', `/v1/participants?limit=${PAGE_SIZE}`, staff)),
      },
      {
        name: '/deltagare (chief, all)',
        requests: `GET /v1/participants?limit=${PAGE_SIZE}`,
        load: async () =>
          void (await ok(client, 'GET', `/v1/participants?limit=${PAGE_SIZE}`, chief)),
      },
      {
        name: '/deltagare next page',
        requests: `GET /v1/participants?after=…`,
        load: async () =>
          void (await ok(
            client,
            'GET',
            `/v1/participants?limit=${PAGE_SIZE}&after=${next}`,
            chief,
          )),
      },
      {
        name: '/deltagare filtered',
        requests: 'GET /v1/participants?interventionId&status=active&missing=satisfaction',
        load: async () =>
          void (await ok(
            client,
            'GET',
            `/v1/participants?limit=${PAGE_SIZE}&interventionId=${iid}&status=active&missing=satisfaction`,
            chief,
          )),
      },
      {
        name: '/deltagare search',
        requests: `GET /v1/participants?q=${prefix}`,
        load: async () =>
          void (await ok(client, 'GET', `/v1/participants?limit=${PAGE_SIZE}&q=${prefix}`, chief)),
      },
      {
        name: '/deltagare (list per insats)',
        requests: `GET /v1/interventions/:iid/participants?limit=${PAGE_SIZE}`,
        load: async () =>
          void (await ok(
            client,
            'GET',
            `/v1/interventions/${iid}/participants?limit=${PAGE_SIZE}`,
            staff,
          )),
      },
      {
        name: '/deltagare/:pid',
        requests: 'GET /v1/participants/:pid, then GET /v1/interventions/:iid',
        load: async () => {
          const history = await ok(client, 'GET', `/v1/participants/${pid()}`, chief);
          await ok(client, 'GET', `/v1/interventions/${String(history['interventionId'])}`, chief);
        },
      },
      {
        name: '/deltagare/ny (form)',
        requests: 'GET /v1/interventions/:iid',
        load: async () => void (await ok(client, 'GET', `/v1/interventions/${iid}`, staff)),
      },
      {
        name: '/deltagare/ny (Skriv in)',
        requests: 'POST /v1/interventions/:iid/participants',
        load: async () =>
          void (await ok(
            client,
            'POST',
            `/v1/interventions/${iid}/participants`,
            staff,
            enrolment(),
            { 'idempotency-key': randomUUID() },
          )),
      },
      {
        name: '/rapport',
        requests: `GET /v1/associations/:aid/reports/${year}`,
        load: async () =>
          void (await ok(client, 'GET', `/v1/associations/${aid}/reports/${year}`, board)),
      },
      {
        // The API keeps computed reports until the association changes (libs/read-side
        // report-cache.ts); the enrolment above changed it, this read comes right after.
        name: '/rapport (unchanged since)',
        requests: `GET /v1/associations/:aid/reports/${year} again`,
        load: async () =>
          void (await ok(client, 'GET', `/v1/associations/${aid}/reports/${year}`, board)),
      },
      {
        name: 'computeReport in-process',
        requests: 'no HTTP, no cache: computeReport on the read models in the bench process',
        load: async () => void compute(),
      },
      {
        name: '/installningar',
        requests: `GET /v1/associations/:aid, …/interventions, …/goals/${year} together`,
        load: async () =>
          void (await Promise.all([
            ok(client, 'GET', `/v1/associations/${aid}`, chief),
            ok(client, 'GET', `/v1/associations/${aid}/interventions`, chief),
            ok(client, 'GET', `/v1/associations/${aid}/goals/${year}`, chief),
          ])),
      },
      {
        name: 'vocabulary',
        requests: 'GET /v1/vocabulary',
        load: async () => void (await ok(client, 'GET', '/v1/vocabulary', staff)),
      },
    ];

    const samples = new Map(pages.map((p) => [p.name, [] as number[]]));
    const round = async (record: boolean) => {
      for (const page of pages) {
        const start = now();
        await page.load();
        if (record) samples.get(page.name)?.push(now() - start);
      }
    };
    for (let i = 0; i < 10; i++) await round(false);
    for (let i = 0; i < options.pageRounds; i++) await round(true);

    // argon2id is slow on purpose (DESIGN §7): measured on its own, after the pages.
    log(`pages: POST /v1/auth/login ${SIGN_INS} times`);
    const signIns: number[] = [];
    for (let i = 0; i < SIGN_INS + 2; i++) {
      const start = now();
      await ok(client, 'POST', '/v1/auth/login', undefined, { email, password: PASSWORD });
      if (i >= 2) signIns.push(now() - start);
    }

    const base = summary(samples.get('baseline') ?? []);
    const measured = pages.map((p) => ({ ...p, ...summary(samples.get(p.name) ?? []) }));
    const signIn = { name: 'sign-in', requests: 'POST /v1/auth/login', ...summary(signIns) };
    const details = {
      participants: written.participants,
      events: written.events,
      rounds: options.pageRounds,
      pages: [...measured, signIn].map(({ name, requests, count, p50, p95, p99, max }) => ({
        name,
        requests,
        count,
        p50,
        p95,
        p99,
        max,
      })),
    };
    log(`pages: ${JSON.stringify(details)}`);
    const row = (p: (typeof measured)[number] | typeof signIn, target: boolean): Row => ({
      part: 'pages',
      metric: `${p.name}: p50 ${p.p50.toFixed(1)}, p95 ${p.p95.toFixed(1)} ms (${p.requests})`,
      value: p.p99,
      unit: 'ms p99',
      baseline: { label: 'p99 GET /health/live', value: base.p99, unit: 'ms' },
      ratio: p.p99 / base.p99,
      ...(target ? { target: `< ${TARGET_MS} ms`, met: p.p99 < TARGET_MS } : {}),
    });
    return [
      ...measured.map((p, i) => ({
        ...row(p, p.name !== 'baseline' && !p.name.includes('in-process')),
        ...(i === 0 ? { details } : {}),
      })),
      row(signIn, true),
    ];
  } finally {
    await api?.close();
    rmSync(dir, { recursive: true, force: true });
  }
}
