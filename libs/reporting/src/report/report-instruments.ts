import type { Instrument } from '@stegvis/domain';
import { instrumentsOf, type InterventionSummary } from '../projections/interventions.projection';
import type { ReportInstrument } from './report.schema';

/** The instruments one insats uses as the report lists them; the first is progression's. */
export function instrumentsOfInsats(
  interventionId: string,
  instruments: readonly Instrument[],
): ReportInstrument[] {
  return instruments.map(({ key, label, items }, index) => ({
    interventionId,
    key,
    label,
    progression: index === 0,
    items: items.map((item) => ({ key: item.key, label: item.label })),
  }));
}

/**
 * The instruments of `interventions`, ordered by insats id so that a report from the read models
 * and one replayed from the log (whose interventions may come in another order) are equal.
 */
export function reportInstruments(
  interventions: readonly InterventionSummary[],
): ReportInstrument[] {
  return [...interventions]
    .sort((a, b) => a.interventionId.localeCompare(b.interventionId))
    .flatMap((i) => instrumentsOfInsats(i.interventionId, instrumentsOf(i)));
}
