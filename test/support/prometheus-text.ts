/**
 * A strict reader of the Prometheus text exposition format (version 0.0.4) with the naming rules
 * `promtool check metrics` applies. promtool itself is not on these machines (Debian's
 * `prometheus` package would install and start a whole Prometheus server for it), so the tests
 * check the same things here: what a scrape would refuse, and what the linter would flag.
 */

export type Sample = {
  readonly name: string;
  readonly labels: Readonly<Record<string, string>>;
  readonly value: number;
};

export type Family = {
  readonly name: string;
  readonly type: string;
  readonly help: string;
  readonly samples: Sample[];
};

const METRIC_NAME = /^[a-zA-Z_:][a-zA-Z0-9_:]*$/;
const LABEL_NAME = /^[a-zA-Z_][a-zA-Z0-9_]*$/;
const TYPES = new Set(['counter', 'gauge', 'histogram', 'summary', 'untyped']);
/** Units promtool wants in base form (seconds, bytes), as its linter lists them. */
const NON_BASE_UNITS =
  /_(milliseconds|microseconds|nanoseconds|minutes|hours|days|kilobytes|megabytes|gigabytes)(_|$)/;
const SAMPLE = /^([a-zA-Z_:][a-zA-Z0-9_:]*)(\{(.*)\})?\s+(\S+)(\s+-?\d+)?$/;

/** Parses the exposition and returns its families, or throws naming the first malformed line. */
export function parseExposition(text: string): Map<string, Family> {
  const families = new Map<string, Family>();
  const seenSeries = new Set<string>();
  if (!text.endsWith('\n')) throw new Error('the exposition must end with a newline');
  for (const [index, line] of text.slice(0, -1).split('\n').entries()) {
    const where = `line ${index + 1} (${line})`;
    if (line.startsWith('# HELP ') || line.startsWith('# TYPE ')) {
      const [, kind, name, ...rest] = line.split(' ');
      if (name === undefined || !METRIC_NAME.test(name)) throw new Error(`${where}: bad name`);
      const family = families.get(name) ?? { name, type: '', help: '', samples: [] };
      if (family.samples.length > 0) throw new Error(`${where}: comes after its samples`);
      const value = rest.join(' ');
      if (kind === 'TYPE') {
        if (family.type !== '') throw new Error(`${where}: second TYPE`);
        if (!TYPES.has(value)) throw new Error(`${where}: unknown type`);
        families.set(name, { ...family, type: value });
      } else {
        if (family.help !== '') throw new Error(`${where}: second HELP`);
        families.set(name, { ...family, help: value });
      }
      continue;
    }
    if (line.startsWith('#') || line === '') continue;
    const match = SAMPLE.exec(line);
    if (!match) throw new Error(`${where}: not a sample`);
    const [, name = '', , labelText = '', valueText = ''] = match;
    const labels = parseLabels(labelText, where);
    const value = parseValue(valueText, where);
    const family = families.get(familyOf(name, families));
    if (!family) throw new Error(`${where}: sample without TYPE`);
    const series = `${name}${JSON.stringify(Object.entries(labels).sort())}`;
    if (seenSeries.has(series)) throw new Error(`${where}: duplicate series`);
    seenSeries.add(series);
    family.samples.push({ name, labels, value });
  }
  return families;
}

/** What promtool's linter would say of the families (empty when it has nothing to say). */
export function lintProblems(families: ReadonlyMap<string, Family>): string[] {
  const problems: string[] = [];
  for (const family of families.values()) {
    const { name, type } = family;
    if (type === '') problems.push(`${name}: no TYPE`);
    if (family.help === '') problems.push(`${name}: no HELP`);
    if (type === 'counter' && !name.endsWith('_total')) {
      problems.push(`${name}: counter metrics should have "_total" suffix`);
    }
    if (type !== 'counter' && name.endsWith('_total')) {
      problems.push(`${name}: non-counter metrics should not have "_total" suffix`);
    }
    if (NON_BASE_UNITS.test(name)) problems.push(`${name}: use base units`);
    if (/[A-Z]/.test(name)) problems.push(`${name}: metric names should be written in snake_case`);
    for (const sample of family.samples) {
      for (const label of Object.keys(sample.labels)) {
        if (!LABEL_NAME.test(label) || label.startsWith('__')) {
          problems.push(`${name}: bad label name ${label}`);
        }
      }
    }
    if (type === 'histogram') problems.push(...histogramProblems(family));
  }
  return problems;
}

/** Buckets cumulative, ending in +Inf, which equals _count, for every label set. */
function histogramProblems(family: Family): string[] {
  const problems: string[] = [];
  const bySeries = new Map<string, { buckets: [number, number][]; count?: number }>();
  for (const sample of family.samples) {
    const { le, ...rest } = sample.labels;
    const key = JSON.stringify(Object.entries(rest).sort());
    const series = bySeries.get(key) ?? { buckets: [] };
    bySeries.set(key, series);
    if (sample.name === `${family.name}_bucket`) {
      if (le === undefined) problems.push(`${family.name}: bucket without le`);
      else series.buckets.push([le === '+Inf' ? Infinity : Number(le), sample.value]);
    } else if (sample.name === `${family.name}_count`) series.count = sample.value;
  }
  for (const [key, { buckets, count }] of bySeries) {
    const sorted = [...buckets].sort((a, b) => a[0] - b[0]);
    if (sorted.at(-1)?.[0] !== Infinity) problems.push(`${family.name}${key}: no +Inf bucket`);
    if (sorted.some(([, v], i) => i > 0 && v < (sorted[i - 1]?.[1] ?? 0))) {
      problems.push(`${family.name}${key}: buckets are not cumulative`);
    }
    if (count !== sorted.at(-1)?.[1]) problems.push(`${family.name}${key}: _count is not +Inf`);
  }
  return problems;
}

function familyOf(sampleName: string, families: ReadonlyMap<string, Family>): string {
  if (families.has(sampleName)) return sampleName;
  for (const suffix of ['_bucket', '_count', '_sum']) {
    const base = sampleName.slice(0, -suffix.length);
    if (
      sampleName.endsWith(suffix) &&
      ['histogram', 'summary'].includes(families.get(base)?.type ?? '')
    ) {
      return base;
    }
  }
  return sampleName;
}

function parseLabels(text: string, where: string): Record<string, string> {
  const labels: Record<string, string> = {};
  const pair = /\s*([a-zA-Z_][a-zA-Z0-9_]*)="((?:[^"\\\n]|\\[\\"n])*)"\s*(,|$)/y;
  let at = 0;
  while (at < text.length) {
    pair.lastIndex = at;
    const match = pair.exec(text);
    if (!match) throw new Error(`${where}: bad labels`);
    const [, name = '', value = ''] = match;
    if (name in labels) throw new Error(`${where}: label ${name} twice`);
    labels[name] = value.replace(/\\n/g, '\n').replace(/\\(["\\])/g, '$1');
    at = pair.lastIndex;
  }
  return labels;
}

function parseValue(text: string, where: string): number {
  if (text === '+Inf') return Infinity;
  if (text === '-Inf') return -Infinity;
  if (text === 'NaN') return Number.NaN;
  const value = Number(text);
  if (text === '' || Number.isNaN(value)) throw new Error(`${where}: bad value`);
  return value;
}
