import type { ListItem } from './answers';
import type { Intervention } from './participant-api';

/*
 * The rows of /deltagare: each participant with its insats and what is missing, filtered and
 * sorted as the page's controls say. Pure.
 */

export type Row = ListItem & { readonly insats: Intervention };

export const MISSING_LABELS = {
  start: 'startskattning',
  exit: 'slutskattning',
  satisfaction: 'nöjdhetssvar',
} as const;
export type Missing = keyof typeof MISSING_LABELS;

/** What staff still have to record: a start assessment always; at exit its assessment and answer. */
export function missingOf(row: ListItem): Missing[] {
  const missing: Missing[] = [];
  if (row.hasStartAssessment === false) missing.push('start');
  if (row.status === 'exited') {
    if (row.hasExitAssessment === false) missing.push('exit');
    if (row.hasSatisfaction === false) missing.push('satisfaction');
  }
  return missing;
}

export const STATUS_FILTERS = [
  { value: '', label: 'Alla' },
  { value: 'active', label: 'Pågående' },
  { value: 'exited', label: 'Avslutade' },
  { value: 'missing', label: 'Något saknas' },
] as const;
export type StatusFilter = (typeof STATUS_FILTERS)[number]['value'];

export type Filters = {
  readonly interventionId: string;
  readonly status: StatusFilter;
  readonly search: string;
};

const lastChange = (row: ListItem): bigint => {
  try {
    return BigInt(row.lastChange ?? '0');
  } catch {
    return 0n;
  }
};

/** The rows the filters let through, the most recently changed first. */
export function shownRows(rows: readonly Row[], filters: Filters): Row[] {
  const search = filters.search.trim().toUpperCase();
  return rows
    .filter(
      (row) =>
        filters.interventionId === '' || row.insats.interventionId === filters.interventionId,
    )
    .filter((row) => {
      switch (filters.status) {
        case '':
          return true;
        case 'missing':
          return missingOf(row).length > 0;
        default:
          return row.status === filters.status;
      }
    })
    .filter((row) => search === '' || row.participantId.toUpperCase().includes(search))
    .sort((a, b) => {
      const byChange = lastChange(b) - lastChange(a);
      if (byChange !== 0n) return byChange > 0n ? 1 : -1;
      return b.enrolledOn.localeCompare(a.enrolledOn);
    });
}

/** A whole pseudonym, as typed or pasted: the page can open it even if it is not loaded. */
export const wholePseudonym = (search: string): string | undefined => {
  const candidate = search.trim().toUpperCase();
  return /^D-[0-9A-HJKMNP-TV-Z]{10}$/.test(candidate) ? candidate : undefined;
};
