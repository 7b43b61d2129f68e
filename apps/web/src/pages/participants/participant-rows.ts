import { missingEntryLabel, participantStatusLabel } from '../../labels';
import type { ListItem, Search } from './participant-api';

/*
 * The rows of /deltagare: what each participant still lacks, and the page's filters as the
 * query of GET /v1/participants (the server filters, sorts by last change and pages). Pure.
 */

/** What staff still have to record: a start assessment always; at exit its assessment and answer. */
export function missingOf(row: ListItem): string[] {
  const missing: string[] = [];
  if (!row.hasStartAssessment) missing.push('startskattning');
  if (row.status === 'exited') {
    if (!row.hasExitAssessment) missing.push('slutskattning');
    if (!row.hasSatisfaction) missing.push('nöjdhetssvar');
  }
  if (row.followUpsDue.length > 0) {
    missing.push(`uppföljning väntar (${monthsText(row.followUpsDue)} efter avslut)`);
  }
  return missing;
}

/** "3 månader", "3 och 6 månader". */
const monthsText = (months: readonly number[]) =>
  `${months.slice(0, -1).join(', ')}${months.length > 1 ? ' och ' : ''}${months.at(-1)} månader`;

/** "Startskattning, uppföljning väntar (3 månader efter avslut)", or "Inget". */
export const missingText = (row: ListItem): string => {
  const text = missingOf(row).join(', ');
  return text === '' ? 'Inget' : text.replace(/^./, (c) => c.toUpperCase());
};

const STATUSES = ['active', 'exited'] as const;
export type StatusFilter = '' | (typeof STATUSES)[number];

const MISSING = ['startAssessment', 'exitAssessment', 'satisfaction', 'followUp'] as const;
export type MissingFilter = '' | (typeof MISSING)[number];

type FilterChoice<V> = { readonly value: V; readonly label: string };

/** The status filter's choices, labelled as GET /v1/vocabulary labels them. */
export const statusFilters = (): FilterChoice<StatusFilter>[] => [
  { value: '', label: 'Alla' },
  ...STATUSES.map((value) => ({ value, label: participantStatusLabel(value) })),
];

/** The "Saknas" filter's choices, labelled as GET /v1/vocabulary labels them. */
export const missingFilters = (): FilterChoice<MissingFilter>[] => [
  { value: '', label: 'Visa alla' },
  ...MISSING.map((value) => ({ value, label: missingEntryLabel(value) })),
];

export type Filters = {
  readonly interventionId: string;
  readonly status: StatusFilter;
  readonly missing: MissingFilter;
  readonly search: string;
};

/** The filters as the list's query: an empty control filters nothing. */
export function searchOf(filters: Filters, page: { after?: string; limit: number }): Search {
  // "D" and "D-" are how every pseudonym begins: while they are typed, nothing is searched yet.
  const search = /^d-?$/i.test(filters.search.trim()) ? '' : filters.search.trim();
  return {
    limit: String(page.limit),
    ...(page.after === undefined ? {} : { after: page.after }),
    ...(filters.interventionId === '' ? {} : { interventionId: filters.interventionId }),
    ...(filters.status === '' ? {} : { status: filters.status }),
    ...(filters.missing === '' ? {} : { missing: filters.missing }),
    ...(search === '' ? {} : { q: search }),
  };
}

/** A whole pseudonym, as typed or pasted: the page can open it even if it is not listed. */
export const wholePseudonym = (search: string): string | undefined => {
  const candidate = search.trim().toUpperCase();
  return /^D-[0-9A-HJKMNP-TV-Z]{10}$/.test(candidate) ? candidate : undefined;
};
