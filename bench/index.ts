/**
 * `npm run bench`: measures each target of DESIGN §6 against a baseline measured in the same run
 * and prints one table; everything measured goes to bench/results/latest.json.
 * Selection and sizes come from the environment: see lib/options.ts and docs/benchmarks.md.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { cpus, loadavg, totalmem } from 'node:os';
import { join } from 'node:path';
import { format } from 'prettier';
import { benchAppend } from './append';
import { benchColdStart } from './cold-start';
import { benchReplay } from './replay';
import { benchPages } from './pages';
import { benchReport } from './report';
import { idleShare, log, table, waitForQuiet, type Row } from './lib/measure';
import { readOptions, type Part, type BenchOptions } from './lib/options';

const RUNNERS: Record<Part, (options: BenchOptions) => Promise<Row[]>> = {
  append: benchAppend,
  replay: benchReplay,
  coldstart: benchColdStart,
  report: benchReport,
  pages: benchPages,
};

async function main(): Promise<void> {
  const options = readOptions();
  const machine = {
    cpus: cpus().length,
    cpuModel: cpus()[0]?.model ?? 'unknown',
    memoryGb: Math.round(totalmem() / 2 ** 30),
    node: process.version,
    platform: `${process.platform}-${process.arch}`,
  };
  log(`options ${JSON.stringify(options)}`);
  log(`machine ${JSON.stringify(machine)}`);
  const rows: Row[] = [];
  const failures: string[] = [];
  // Other processes on the machine skew absolute figures (ratios less so): recorded per part.
  const load: Record<string, number[]> = {}; // 1, 5, 15 min load average, idle share before
  for (const part of options.parts) {
    const idle =
      options.waitQuietSeconds > 0
        ? await waitForQuiet(options.waitQuietSeconds)
        : await idleShare();
    load[part] = [...loadavg(), idle];
    const average = loadavg().map((l) => l.toFixed(2));
    log(`${part}: load average ${average.join(' ')}, CPU idle ${Math.round(idle * 100)} %`);
    const started = performance.now();
    try {
      rows.push(...(await RUNNERS[part](options)));
    } catch (error) {
      failures.push(
        `${part}: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`,
      );
      log(`${part} failed: ${String(error)}`);
    }
    log(`${part} took ${((performance.now() - started) / 1000).toFixed(1)} s`);
  }
  process.stdout.write(`\n${table(rows)}\n\n`);
  const dir = join(__dirname, 'results');
  mkdirSync(dir, { recursive: true });
  const file = join(dir, 'latest.json');
  const results = { date: new Date().toISOString(), machine, options, load, rows, failures };
  const json = JSON.stringify(results, (_, v: unknown) =>
    typeof v === 'bigint' ? v.toString() : v,
  );
  // Formatted as Prettier would, so `npm run lint` (prettier --check .) accepts the file.
  writeFileSync(file, await format(json, { parser: 'json' }));
  log(`wrote ${file}`);
  if (failures.length > 0) {
    process.stderr.write(`${failures.join('\n')}\n`);
    process.exitCode = 1;
  }
}

void main();
