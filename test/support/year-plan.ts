/**
 * A realistic year (2025) of one association, planned participant by participant, and the
 * figures that plan implies, counted directly from the plan: the e2e tests register the plan
 * through the HTTP API and compare the report with these counts.
 */

export type Gender = 'woman' | 'man' | 'other';
export type Planned = {
  readonly intervention: 'resurslotsen' | 'navet';
  readonly gender: Gender;
  readonly birthYear: number;
  readonly referringParty: 'FK' | 'AF' | 'MUNICIPALITY' | 'REGION' | 'SELF';
  readonly enrolledOn: string;
  /** Resurslotsen: stegvis-5 at start and exit; higher at exit means positive progression. */
  readonly improves: boolean;
  readonly satisfaction?: number;
  readonly exit?: { readonly on: string; readonly outcome: string; readonly plan: boolean };
};

/** Deterministic pseudo-random numbers (mulberry32), so the plan is the same on every run. */
function random(seed: number): () => number {
  let a = seed;
  return () => {
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const pad = (n: number) => String(n).padStart(2, '0');

export function planYear(seed = 2025): Planned[] {
  const next = random(seed);
  const pick = <T>(items: readonly T[]): T => items[Math.floor(next() * items.length)] as T;
  const date = (year: number, fromMonth: number, toMonth: number) =>
    `${year}-${pad(fromMonth + Math.floor(next() * (toMonth - fromMonth + 1)))}-${pad(1 + Math.floor(next() * 28))}`;
  const plan: Planned[] = [];
  for (let n = 0; n < 36; n += 1) {
    const intervention = n % 3 === 2 ? 'navet' : 'resurslotsen';
    // Navet started in 2024, so some of its participants are active when 2025 begins.
    const enrolledOn =
      intervention === 'navet' && n % 2 === 0 ? date(2024, 6, 12) : date(2025, 1, 10);
    const exitRoll = next();
    const sameYear = enrolledOn.startsWith('2025');
    const exitOn =
      exitRoll < 0.6
        ? date(2025, sameYear ? Number(enrolledOn.slice(5, 7)) : 1, 12)
        : exitRoll < 0.8
          ? date(2026, 1, 10)
          : undefined;
    const exit =
      exitOn === undefined || exitOn <= enrolledOn
        ? undefined
        : {
            on: exitOn,
            outcome: pick([
              'work',
              'work',
              'studies',
              'job_seeking',
              'other_support',
              'health',
              'dropped_out',
            ]),
            plan: next() < 0.7,
          };
    plan.push({
      intervention,
      gender: pick(['woman', 'woman', 'woman', 'man', 'man', 'other'] as const),
      birthYear: 1960 + Math.floor(next() * 45),
      referringParty: pick(['FK', 'FK', 'AF', 'MUNICIPALITY', 'REGION', 'SELF'] as const),
      enrolledOn,
      improves: next() < 0.5,
      ...(exit !== undefined && next() < 0.85 ? { satisfaction: 1 + Math.floor(next() * 5) } : {}),
      ...(exit === undefined ? {} : { exit }),
    });
  }
  return plan;
}

export type Tally = { woman: number; man: number; other: number; total: number };

export function tally(people: readonly Planned[]): Tally {
  const t = { woman: 0, man: 0, other: 0, total: people.length };
  for (const p of people) t[p.gender] += 1;
  return t;
}

const FROM = '2025-01-01';
const TO = '2025-12-31';
export const inYear = (p: Planned) =>
  p.enrolledOn <= TO && (p.exit === undefined || p.exit.on >= FROM);
export const exitedInYear = (p: Planned) =>
  p.exit !== undefined && p.exit.on >= FROM && p.exit.on <= TO;
export const enrolledInYear = (p: Planned) => p.enrolledOn >= FROM && p.enrolledOn <= TO;
