import { readFileSync } from 'node:fs';

/** One line of the results table. */
export type Row = {
  readonly part: string;
  readonly metric: string;
  readonly value: number;
  readonly unit: string;
  /** What the value is compared with, measured in the same run. */
  readonly baseline?: { readonly label: string; readonly value: number; readonly unit: string };
  /**
   * Cost relative to the baseline: time per unit of work measured ÷ time per unit of work of the
   * baseline (so 4 means "four times as expensive as the baseline"; lower is better).
   */
  readonly ratio?: number;
  readonly target?: string;
  /** Whether the absolute target (and, where DESIGN names one, the ratio target) is met. */
  readonly met?: boolean;
  /** Everything else measured, for results/latest.json. */
  readonly details?: unknown;
};

export const now = (): number => performance.now();

export async function timed<T>(work: () => Promise<T>): Promise<{ result: T; ms: number }> {
  const start = now();
  const result = await work();
  return { result, ms: now() - start };
}

export function perSecond(count: number, ms: number): number {
  return ms > 0 ? (count * 1000) / ms : 0;
}

/** Nearest-rank percentile of unsorted samples (p in 0–100). */
export function percentile(samples: readonly number[], p: number): number {
  if (samples.length === 0) return Number.NaN;
  const sorted = Float64Array.from(samples).sort();
  const rank = Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1));
  return sorted[rank] ?? Number.NaN;
}

export function summary(samples: readonly number[]) {
  return {
    count: samples.length,
    p50: percentile(samples, 50),
    p90: percentile(samples, 90),
    p95: percentile(samples, 95),
    p99: percentile(samples, 99),
    max: samples.reduce((a, b) => Math.max(a, b), 0),
  };
}

/** CPU time (ms) a process has used so far, all its threads, from /proc (Linux); else undefined. */
export function processCpuMs(pid: number | undefined): number | undefined {
  if (pid === undefined) return undefined;
  try {
    // Fields after the command name: utime and stime are the 12th and 13th, in clock ticks
    // (USER_HZ, 100 on Linux).
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    const ticks = Number(fields[11]) + Number(fields[12]);
    return Number.isFinite(ticks) ? ticks * 10 : undefined;
  } catch {
    return undefined;
  }
}

export function fmt(value: number | undefined, digits = 0): string {
  if (value === undefined || Number.isNaN(value)) return '–';
  return value.toLocaleString('en-US', {
    minimumFractionDigits: digits,
    maximumFractionDigits: digits,
  });
}

/** A number with precision that suits its size (for the table). */
export function auto(value: number | undefined): string {
  if (value === undefined || Number.isNaN(value)) return '–';
  const abs = Math.abs(value);
  return fmt(value, abs >= 100 ? 0 : abs >= 10 ? 1 : 2);
}

export function table(rows: readonly Row[]): string {
  const header = ['part', 'metric', 'value', 'baseline', '× baseline', 'target', 'ok'];
  const lines = rows.map((r) => [
    r.part,
    r.metric,
    `${auto(r.value)} ${r.unit}`,
    r.baseline ? `${auto(r.baseline.value)} ${r.baseline.unit} (${r.baseline.label})` : '',
    r.ratio === undefined ? '' : `${auto(r.ratio)}×`,
    r.target ?? '',
    r.met === undefined ? '' : r.met ? 'yes' : 'NO',
  ]);
  const widths = header.map((h, i) => Math.max(h.length, ...lines.map((l) => l[i]?.length ?? 0)));
  const render = (cells: readonly string[]) =>
    cells
      .map((c, i) => c.padEnd(widths[i] ?? 0))
      .join('  ')
      .trimEnd();
  return [render(header), render(widths.map((w) => '-'.repeat(w))), ...lines.map(render)].join(
    '\n',
  );
}

export function log(message: string): void {
  process.stdout.write(`[bench ${new Date().toISOString().slice(11, 19)}] ${message}\n`);
}

function cpuTimes(): { idle: number; total: number } | undefined {
  try {
    const fields = readFileSync('/proc/stat', 'utf8').split('\n')[0]?.trim().split(/\s+/).slice(1);
    const values = (fields ?? []).map(Number);
    // idle + iowait count as idle.
    return { idle: (values[3] ?? 0) + (values[4] ?? 0), total: values.reduce((a, b) => a + b, 0) };
  } catch {
    return undefined;
  }
}

/** Share of the machine's CPU time that was idle over the next `ms` (Linux; 1 elsewhere). */
export async function idleShare(ms = 1000): Promise<number> {
  const before = cpuTimes();
  await new Promise((r) => setTimeout(r, ms));
  const after = cpuTimes();
  if (!before || !after || after.total === before.total) return 1;
  return (after.idle - before.idle) / (after.total - before.total);
}

/**
 * On a shared machine, waits (at most `maxSeconds`) until other processes leave at least
 * `wanted` of the CPU idle for a few seconds in a row. Returns the idle share last seen.
 */
export async function waitForQuiet(maxSeconds: number, wanted = 0.9): Promise<number> {
  const deadline = now() + maxSeconds * 1000;
  let quiet = 0;
  let idle = await idleShare();
  while (now() < deadline && quiet < 3) {
    quiet = idle >= wanted ? quiet + 1 : 0;
    if (quiet < 3) idle = await idleShare();
  }
  return idle;
}

/**
 * The fastest of `runs` runs (`ms` is each run's time): baselines are taken at their best, so
 * a hiccup of the machine during the baseline cannot flatter the ratio.
 */
export async function best<T extends { ms: number }>(
  runs: number,
  run: () => Promise<T>,
): Promise<T> {
  let fastest = await run();
  for (let i = 1; i < runs; i++) {
    const next = await run();
    if (next.ms < fastest.ms) fastest = next;
  }
  return fastest;
}
