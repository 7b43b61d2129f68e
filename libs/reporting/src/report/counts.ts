import type { Gender } from '@stegvis/domain';
import type { Counts } from './report.schema';

export function emptyCounts(): Counts {
  return { woman: 0, man: 0, other: 0, total: 0 };
}

/** Counts of `people` by gender. */
export function countGenders(people: readonly { readonly gender: Gender }[]): Counts {
  const counts = emptyCounts();
  for (const person of people) {
    counts[person.gender] += 1;
    counts.total += 1;
  }
  return counts;
}

/** One Counts per key (every key present, zero when nobody has it). */
export function countByKey<T extends { readonly gender: Gender }, K extends string>(
  people: readonly T[],
  keys: readonly K[],
  keyOf: (person: T) => K,
): Record<K, Counts> {
  const table = Object.fromEntries(keys.map((key) => [key, emptyCounts()])) as Record<K, Counts>;
  for (const person of people) {
    const counts = table[keyOf(person)];
    counts[person.gender] += 1;
    counts.total += 1;
  }
  return table;
}
