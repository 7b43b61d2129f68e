/** What `npm run bench` runs, from the environment (see docs/benchmarks.md). */
export const PARTS = ['append', 'replay', 'coldstart', 'report', 'pages'] as const;
export type Part = (typeof PARTS)[number];

export type BenchOptions = {
  readonly parts: readonly Part[];
  /** Fraction of DESIGN §6's sizes for cold start (1 M events) and the national report (2 M). */
  readonly scale: number;
  readonly replayEvents: number;
  readonly appendSeconds: number;
  readonly concurrency: number;
  readonly rate: number;
  readonly redisUrl: string;
  /** Before each part, wait up to this long for other processes to leave the CPU idle. */
  readonly waitQuietSeconds: number;
  /** Participants in the embedded store for `pages` (DESIGN §8: every page under 300 ms). */
  readonly pageParticipants: number;
  /** Measured rounds of `pages` (each round loads every page once). */
  readonly pageRounds: number;
};

function number(name: string, fallback: number): number {
  const raw = process.env[name];
  if (raw === undefined || raw === '') return fallback;
  const value = Number(raw);
  if (!Number.isFinite(value) || value <= 0) throw new Error(`${name} must be a positive number`);
  return value;
}

export function readOptions(): BenchOptions {
  const only = (process.env.BENCH_ONLY ?? '')
    .split(',')
    .map((p) => p.trim())
    .filter(Boolean);
  const unknown = only.filter((p) => !(PARTS as readonly string[]).includes(p));
  if (unknown.length > 0) {
    throw new Error(
      `BENCH_ONLY: unknown part(s) ${unknown.join(', ')}; known: ${PARTS.join(', ')}`,
    );
  }
  return {
    parts: only.length > 0 ? (only as Part[]) : PARTS,
    scale: number('BENCH_SCALE', 0.25),
    replayEvents: Math.round(number('BENCH_REPLAY_EVENTS', 200_000)),
    appendSeconds: number('BENCH_APPEND_SECONDS', 10),
    concurrency: Math.round(number('BENCH_CONCURRENCY', 16)),
    rate: number('BENCH_RATE', 300),
    redisUrl: process.env.BENCH_REDIS_URL ?? 'redis://127.0.0.1:6379',
    pageParticipants: Math.round(number('BENCH_PAGE_PARTICIPANTS', 5000)),
    pageRounds: Math.round(number('BENCH_PAGE_ROUNDS', 100)),
    waitQuietSeconds: process.env.BENCH_WAIT_QUIET ? number('BENCH_WAIT_QUIET', 0) : 0,
  };
}
