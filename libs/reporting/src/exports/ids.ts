/**
 * Ids of count cells: scope, the path of the Counts in the report JSON, and the column, e.g.
 * `insats:I-1|outcomes.work|woman`. The same quantity shown in two sheets under the same id
 * (a Finsam row and the report's table) is one number for publication suppression.
 */

export const GENDERS = ['woman', 'man', 'other'] as const;
export const COUNT_COLUMNS = [...GENDERS, 'total'] as const;
export type CountColumn = (typeof COUNT_COLUMNS)[number];

/** The report's own level: the association, or the one intervention it is for. */
export const OWN_SCOPE = 'report';

export function interventionScope(interventionId: string): string {
  return `insats:${interventionId}`;
}

export function cellId(scope: string, path: string, column: string): string {
  return `${scope}|${path}|${column}`;
}
