import {
  employmentStatuses,
  incomeSources,
  outcomes,
  type IncomeSource,
  type Outcome,
} from '@stegvis/domain';
import { EMPLOYMENT_STATUSES, type EmploymentStatus } from '../report/report.schema';
import { TEXTS } from './labels';
import { cellId, COUNT_COLUMNS, GENDERS } from './ids';
import { categorySheet, countColumns, keyColumns, SheetBuilder, type Scope } from './sheet-builder';
import { figure, text, type Cell, type ReportSheet } from './sheet.types';

export function incomeSourceAtExitSheet(scopes: readonly Scope[]): ReportSheet {
  return categorySheet(
    scopes,
    'incomeSourceAtExit',
    TEXTS.incomeSourceHeader,
    incomeSources.labels,
    (t) => t.incomeSourceAtExit,
    'participants.exited',
  );
}

export function outcomesSheet(scopes: readonly Scope[]): ReportSheet {
  return categorySheet(
    scopes,
    'outcomes',
    TEXTS.outcomeHeader,
    outcomes.labels,
    (t) => t.outcomes,
    'participants.exited',
  );
}

export function daysSheet(scopes: readonly Scope[]): ReportSheet {
  const b = new SheetBuilder(
    'daysInIntervention',
    [...keyColumns(TEXTS.measureHeader), ...countColumns],
    scopes,
  );
  for (const scope of scopes) {
    const days = scope.tables.daysInIntervention;
    const exited = scope.tables.participants.exited;
    for (const stat of ['mean', 'median'] as const) {
      const cells: Record<string, Cell> = {};
      for (const g of GENDERS) {
        cells[g] = figure('days', days.byGender[g][stat], { base: exited[g] });
      }
      cells.total = figure('days', days[stat], { base: exited.total });
      b.row({
        insats: text(scope.name),
        row: text(stat === 'mean' ? TEXTS.daysMean : TEXTS.daysMedian),
        ...cells,
      });
    }
  }
  return b.build();
}

/** How the report groups income sources and outcomes into SUS statuses (checked by the data). */
const STATUS_BEFORE: Readonly<Record<IncomeSource, EmploymentStatus>> = {
  salary: 'work',
  student_aid: 'studies',
  unemployment_support: 'job_seeking',
  sickness_benefit: 'other',
  activity_compensation: 'other',
  sickness_compensation: 'other',
  social_assistance: 'other',
  none: 'other',
  other: 'other',
  unknown: 'other',
};
const STATUS_AFTER: Readonly<Record<Outcome, EmploymentStatus>> = {
  work: 'work',
  studies: 'studies',
  job_seeking: 'job_seeking',
  other_support: 'other',
  health: 'other',
  moved: 'other',
  dropped_out: 'other',
  other: 'other',
};

export function employmentSheet(scopes: readonly Scope[]): ReportSheet {
  const b = new SheetBuilder(
    'employmentStatus',
    [...keyColumns(TEXTS.employmentWhenHeader, TEXTS.employmentStatusHeader), ...countColumns],
    scopes,
  );
  for (const scope of scopes) {
    const { before, after } = scope.tables.employmentStatus;
    for (const [when, table, label] of [
      ['before', before, TEXTS.employmentBefore],
      ['after', after, TEXTS.employmentAfter],
    ] as const) {
      for (const status of EMPLOYMENT_STATUSES) {
        b.countsRow(scope, `employmentStatus.${when}.${status}`, table[status], {
          row: text(label),
          detail: text(employmentStatuses.labels[status]),
        });
      }
      b.partition(
        scope,
        EMPLOYMENT_STATUSES.map((s) => `employmentStatus.${when}.${s}`),
        'participants.exited',
      );
    }
    // Status after is the outcome grouped; before is the income source at start grouped, whose
    // exited participants the cross table counts.
    for (const status of EMPLOYMENT_STATUSES) {
      const outcomesOf = outcomes.keys.filter((o) => STATUS_AFTER[o] === status);
      const sourcesOf = incomeSources.keys.filter((s) => STATUS_BEFORE[s] === status);
      for (const c of COUNT_COLUMNS) {
        b.line({
          members: outcomesOf.map((o) => cellId(scope.key, `outcomes.${o}`, c)),
          total: cellId(scope.key, `employmentStatus.after.${status}`, c),
        });
        b.line({
          members: sourcesOf.flatMap((s) =>
            incomeSources.keys.map((e) => cellId(scope.key, `incomeSourceChange.${s}.${e}`, c)),
          ),
          total: cellId(scope.key, `employmentStatus.before.${status}`, c),
        });
      }
    }
  }
  return b.build();
}

export function incomeChangeSheet(scopes: readonly Scope[]): ReportSheet {
  const b = new SheetBuilder(
    'incomeSourceChange',
    [...keyColumns(TEXTS.changeFromHeader, TEXTS.changeToHeader), ...countColumns],
    scopes,
  );
  const sources = incomeSources.keys;
  const path = (from: IncomeSource, to: IncomeSource) => `incomeSourceChange.${from}.${to}`;
  for (const scope of scopes) {
    const change = scope.tables.incomeSourceChange;
    for (const from of sources) {
      for (const to of sources) {
        b.countsRow(scope, path(from, to), change[from][to], {
          row: text(incomeSources.labels[from]),
          detail: text(incomeSources.labels[to]),
        });
      }
    }
    b.partition(
      scope,
      sources.flatMap((from) => sources.map((to) => path(from, to))),
      'participants.exited',
    );
    for (const to of sources) {
      b.partition(
        scope,
        sources.map((from) => path(from, to)),
        `incomeSourceAtExit.${to}`,
      );
    }
  }
  return b.build();
}
