import type { Schemas } from '../../api/client';
import type { Choice } from '../../forms/fields';

export type Insats = Schemas['AssociationReadsListInterventionsAnswer']['items'][number];

/** The association's insatser as boxes to check, closed ones said to be closed. */
export const insatsChoices = (insatser: readonly Insats[]): Choice[] =>
  insatser.map((i) => ({
    value: i.interventionId,
    label: i.status === 'closed' ? `${i.name} (avslutad)` : i.name,
  }));

/** "Navet, Resurslotsen": a member of staff's insatser by name, an unknown id as itself. */
export const insatsNames = (ids: readonly string[], insatser: readonly Insats[]): string =>
  ids
    .map((id) => insatser.find((i) => i.interventionId === id)?.name ?? id)
    .sort((x, y) => x.localeCompare(y, 'sv'))
    .join(', ');
