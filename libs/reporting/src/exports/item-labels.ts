import type { Report } from '../report/report.schema';

/** What an item key in the tables reads as on one level of the report. */
export type ItemLabel = (item: string) => string;

/**
 * The item labels of one level of the report, from the report's `instruments` (the read model's,
 * so a förbund's own instrument is named as it was registered): the instrument progression
 * compares in the insats, or, on the association's level, in every insats. That level counts
 * an item key of two insatser in one row, so when their labels differ the row names each with
 * its instrument. A key no instrument names reads as itself.
 */
export function itemLabelsOf(
  report: Pick<Report, 'instruments'>,
  interventionId: string | undefined,
): ItemLabel {
  // item key → label → the instruments giving the key that label
  const labels = new Map<string, Map<string, Set<string>>>();
  for (const instrument of report.instruments) {
    if (!instrument.progression) continue;
    if (interventionId !== undefined && instrument.interventionId !== interventionId) continue;
    for (const item of instrument.items) {
      const byLabel = labels.get(item.key) ?? new Map<string, Set<string>>();
      labels.set(item.key, byLabel);
      const instruments = byLabel.get(item.label) ?? new Set<string>();
      byLabel.set(item.label, instruments.add(instrument.label));
    }
  }
  return (item) => {
    const byLabel = [...(labels.get(item) ?? [])];
    if (byLabel.length === 0) return item;
    if (byLabel.length === 1) return byLabel[0]![0];
    return byLabel
      .map(([label, instruments]) => `${label} (${[...instruments].join(', ')})`)
      .join(' / ');
  };
}
