import { GENDER_COLUMN_LABELS, type InterventionKind } from '@stegvis/domain';
import type { Counts, Report, ReportTables } from '../report/report.schema';
import { SHEET_DESCRIPTIONS, SHEET_NAMES, TEXTS, WHOLE_ASSOCIATION, type SheetKey } from './labels';
import { itemLabelsOf, type ItemLabel } from './item-labels';
import {
  cellId,
  COUNT_COLUMNS,
  GENDERS,
  interventionScope,
  OWN_SCOPE,
  type CountColumn,
} from './ids';
import {
  count,
  text,
  type ReportColumn,
  type ReportRow,
  type ReportSheet,
  type SumLine,
} from './sheet.types';

/** One level of the report: the report's own (association or intervention), or an intervention. */
export type Scope = {
  readonly key: string;
  readonly name: string;
  readonly tables: ReportTables;
  /** The intervention's kind; undefined for an association's own level. */
  readonly kind?: InterventionKind;
  /** The label of an item key of this level's progression tables. */
  readonly itemLabel: ItemLabel;
};

export function scopesOf(report: Report): Scope[] {
  const own =
    report.interventionId === undefined
      ? WHOLE_ASSOCIATION
      : (report.interventionName ?? report.interventionId);
  return [
    {
      key: OWN_SCOPE,
      name: own,
      tables: report,
      kind: report.interventionKind,
      itemLabel: itemLabelsOf(report, report.interventionId),
    },
    ...report.interventions.map((i) => ({
      key: interventionScope(i.interventionId),
      name: i.name,
      tables: i,
      kind: i.kind,
      itemLabel: itemLabelsOf(report, i.interventionId),
    })),
  ];
}

/**
 * The levels a participant table shows: the report's own, then the interventions that have
 * participants. A structural intervention has none by definition; rows of structural zeros
 * would say nothing and, hidden as "<5" in a publication, would force hiding the neighbouring
 * intervention's counts (the association's row is their sum).
 */
export function withParticipants(scopes: readonly Scope[]): Scope[] {
  return scopes.filter(
    (s) => s.key === OWN_SCOPE || s.kind === 'individual' || s.tables.participants.total.total > 0,
  );
}

/** The levels the head-count table shows: likewise, interventions that record head counts. */
export function withAttendance(scopes: readonly Scope[]): Scope[] {
  return scopes.filter(
    (s) => s.key === OWN_SCOPE || s.kind === 'structural' || s.tables.attendance.total > 0,
  );
}

export const countColumns: readonly ReportColumn[] = [
  ...GENDERS.map((g) => ({ key: g, header: GENDER_COLUMN_LABELS[g] })),
  { key: 'total', header: TEXTS.total },
];

export function keyColumns(row: string, detail?: string): ReportColumn[] {
  return [
    { key: 'insats', header: TEXTS.insats },
    { key: 'row', header: row },
    ...(detail === undefined ? [] : [{ key: 'detail' as const, header: detail }]),
  ];
}

export class SheetBuilder {
  private readonly rows: ReportRow[] = [];
  private readonly lines: SumLine[] = [];

  constructor(
    private readonly key: Exclude<SheetKey, 'about'>,
    private readonly columns: readonly ReportColumn[],
    private readonly scopes: readonly Scope[],
    /** Whether the report level's counts are the sum of the interventions' (not for goals). */
    private readonly addsUpAcrossInsatser = true,
  ) {}

  row(row: ReportRow): void {
    this.rows.push(row);
  }

  /** A row of counts by gender, with its line woman + man + other = total. */
  countsRow(scope: Scope, path: string, counts: Counts, keys: ReportRow): void {
    const id = (c: CountColumn) => cellId(scope.key, path, c);
    const cells = Object.fromEntries(COUNT_COLUMNS.map((c) => [c, count(id(c), counts[c])]));
    this.rows.push({ insats: text(scope.name), ...keys, ...cells });
    this.lines.push({ members: GENDERS.map(id), total: id('total') });
  }

  /** Per count column: the counts at `paths` add up to the one at `population`. */
  partition(scope: Scope, paths: readonly string[], population: string): void {
    for (const c of COUNT_COLUMNS) {
      this.lines.push({
        members: paths.map((p) => cellId(scope.key, p, c)),
        total: cellId(scope.key, population, c),
      });
    }
  }

  line(line: SumLine): void {
    this.lines.push(line);
  }

  build(): ReportSheet {
    const lines = [...this.lines];
    const interventions = this.scopes.slice(1);
    if (this.addsUpAcrossInsatser && interventions.length > 0) {
      const ids = new Set(
        this.rows.flatMap((row) =>
          Object.values(row).flatMap((cell) => (cell?.kind === 'count' ? [cell.id] : [])),
        ),
      );
      const ownPrefix = `${OWN_SCOPE}|`;
      for (const id of ids) {
        if (!id.startsWith(ownPrefix)) continue;
        const rest = id.slice(ownPrefix.length);
        const members = interventions.map((s) => `${s.key}|${rest}`).filter((m) => ids.has(m));
        if (members.length > 0) lines.push({ members, total: id });
      }
    }
    return {
      key: this.key,
      name: SHEET_NAMES[this.key],
      description: SHEET_DESCRIPTIONS[this.key],
      columns: this.columns,
      rows: this.rows,
      lines,
    };
  }
}

type CategoryTableKey =
  | 'ageGroups'
  | 'referringParty'
  | 'incomeSourceAtStart'
  | 'incomeSourceAtExit'
  | 'outcomes'
  | 'educationLevel'
  | 'supportDurationBefore';

/** A table of categories that partition a population (participants of the period, or exited). */
export function categorySheet<K extends string>(
  scopes: readonly Scope[],
  key: CategoryTableKey,
  header: string,
  labels: Readonly<Record<K, string>>,
  table: (t: ReportTables) => Readonly<Record<K, Counts>>,
  population: 'participants.total' | 'participants.exited',
): ReportSheet {
  const b = new SheetBuilder(key, [...keyColumns(header), ...countColumns], scopes);
  const keys = Object.keys(labels) as K[];
  for (const scope of scopes) {
    const counts = table(scope.tables);
    for (const k of keys) {
      b.countsRow(scope, `${key}.${k}`, counts[k], { row: text(labels[k]) });
    }
    b.partition(
      scope,
      keys.map((k) => `${key}.${k}`),
      population,
    );
  }
  return b.build();
}
