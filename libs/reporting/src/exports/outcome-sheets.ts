import { assignmentAims, followUpMarks, followUpStatuses } from '@stegvis/domain';
import type { DimensionCounts } from '../report/report.schema';
import { FOLLOW_UP_MARKS } from '../report/report.schema';
import { partAndShareRows, progressionRows } from './assessment-sheets';
import { CSV_COLUMN_LABELS, TEXTS } from './labels';
import { cellId } from './ids';
import {
  countColumns,
  keyColumns,
  SheetBuilder,
  withParticipants,
  type Scope,
} from './sheet-builder';
import { count, figure, text, type Cell, type ReportRow, type ReportSheet } from './sheet.types';

/*
 * The v1.1 tables (DESIGN §4): waiting time, progression per dimension (exited and ongoing),
 * uppdrag, follow-up after exit, and the year before beside this one.
 */

export function waitingDaysSheet(scopes: readonly Scope[]): ReportSheet {
  const b = new SheetBuilder(
    'waitingDays',
    [...keyColumns(TEXTS.measureHeader), ...countColumns],
    scopes,
  );
  for (const scope of scopes) {
    const { mean, median, counted } = scope.tables.waitingDays;
    const countedId = cellId(scope.key, 'waitingDays.counted', 'total');
    b.row({
      insats: text(scope.name),
      row: text(TEXTS.waitingCounted),
      total: count(countedId, counted),
    });
    for (const [label, value] of [
      [TEXTS.waitingMean, mean],
      [TEXTS.waitingMedian, median],
    ] as const) {
      b.row({
        insats: text(scope.name),
        row: text(label),
        total: figure('days', value, { base: counted, dependsOn: [countedId] }),
      });
    }
  }
  return b.build();
}

type DimensionKey = keyof DimensionCounts;

/**
 * Rows of one dimension table: per item, assessed and how the answers moved. `pathOf` names
 * each count: the exited's assessed and improved are the progression table's per-item counts
 * under another name, so they get that table's ids and are hidden alike in a publication.
 */
function dimensionRows(
  b: SheetBuilder,
  scope: Scope,
  byDimension: Readonly<Record<string, DimensionCounts>>,
  pathOf: (item: string, key: DimensionKey) => string,
): void {
  for (const [item, counts] of Object.entries(byDimension)) {
    const row = text(scope.itemLabel(item));
    b.countsRow(scope, pathOf(item, 'assessed'), counts.assessed, {
      row,
      detail: text(TEXTS.progressionAssessed),
    });
    for (const [key, label] of [
      ['improved', TEXTS.dimensionImproved],
      ['unchanged', TEXTS.dimensionUnchanged],
      ['worse', TEXTS.dimensionWorse],
    ] as const) {
      b.countsRow(scope, pathOf(item, key), counts[key], { row, detail: text(label) });
    }
    b.partition(
      scope,
      (['improved', 'unchanged', 'worse'] as const).map((key) => pathOf(item, key)),
      pathOf(item, 'assessed'),
    );
  }
}

const DIMENSION_COLUMNS = [
  ...keyColumns(TEXTS.progressionAreaHeader, TEXTS.measureHeader),
  ...countColumns,
];

export function progressionByDimensionSheet(scopes: readonly Scope[]): ReportSheet {
  const b = new SheetBuilder('progressionByDimension', DIMENSION_COLUMNS, scopes);
  for (const scope of scopes) {
    dimensionRows(b, scope, scope.tables.progression.byDimension, (item, key) => {
      if (key === 'assessed') return `progression.byItem.${item}.assessed`;
      if (key === 'improved') return `progression.byItem.${item}.positive`;
      return `progression.byDimension.${item}.${key}`;
    });
  }
  return b.build();
}

export function ongoingProgressionSheet(scopes: readonly Scope[]): ReportSheet {
  const b = new SheetBuilder('ongoingProgression', DIMENSION_COLUMNS, scopes);
  for (const scope of scopes) {
    const { ongoing } = scope.tables.progression;
    progressionRows(b, scope, text(TEXTS.progressionOverall), 'progression.ongoing', ongoing);
    dimensionRows(
      b,
      scope,
      ongoing.byDimension,
      (item, key) => `progression.ongoing.byDimension.${item}.${key}`,
    );
  }
  return b.build();
}

export function assignmentsSheet(scopes: readonly Scope[]): ReportSheet {
  const b = new SheetBuilder(
    'assignments',
    [...keyColumns(TEXTS.assignmentHeader, TEXTS.measureHeader), ...countColumns],
    scopes,
  );
  for (const scope of scopes) {
    for (const aim of assignmentAims.keys) {
      const { exited, reached } = scope.tables.assignments[aim];
      const path = `assignments.${aim}`;
      partAndShareRows(
        b,
        scope,
        text(assignmentAims.labels[aim]),
        { path: `${path}.exited`, counts: exited, label: TEXTS.assignmentExited },
        { path: `${path}.reached`, counts: reached, label: TEXTS.assignmentReached },
        TEXTS.assignmentShare,
      );
    }
  }
  return b.build();
}

export function followUpSheet(scopes: readonly Scope[]): ReportSheet {
  const b = new SheetBuilder(
    'followUp',
    [...keyColumns(TEXTS.followUpMarkHeader, TEXTS.measureHeader), ...countColumns],
    scopes,
  );
  for (const scope of scopes) {
    for (const mark of FOLLOW_UP_MARKS) {
      const { due, followedUp, status } = scope.tables.followUp[mark];
      const row = text(followUpMarks.labels[Number(mark) as 3 | 6 | 12]);
      const path = `followUp.${mark}`;
      b.countsRow(scope, `${path}.due`, due, { row, detail: text(TEXTS.followUpDue) });
      b.countsRow(scope, `${path}.followedUp`, followedUp, {
        row,
        detail: text(TEXTS.followUpDone),
      });
      for (const s of followUpStatuses.keys) {
        b.countsRow(scope, `${path}.status.${s}`, status[s], {
          row,
          detail: text(TEXTS.followUpStatus(followUpStatuses.labels[s])),
        });
      }
      b.partition(
        scope,
        followUpStatuses.keys.map((s) => `${path}.status.${s}`),
        `${path}.followedUp`,
      );
    }
  }
  return b.build();
}

/**
 * This year's key figures beside the same period's a year earlier. The change column is filled
 * from the cells as finally shown (`describeChanges`), so a publication never says which way a
 * withheld number moved.
 */
export function previousSheet(scopes: readonly Scope[]): ReportSheet {
  const b = new SheetBuilder(
    'previous',
    [
      { key: 'insats', header: TEXTS.insats },
      { key: 'row', header: TEXTS.previousMeasureHeader },
      { key: 'current', header: CSV_COLUMN_LABELS.current },
      { key: 'previous', header: CSV_COLUMN_LABELS.previous },
      { key: 'change', header: CSV_COLUMN_LABELS.change },
    ],
    scopes,
  );
  // As in the participant tables: a structural insats's zeros would only force hiding more.
  const withPeople = new Set(withParticipants(scopes).map((s) => s.key));
  for (const scope of scopes) {
    const { tables } = scope;
    const { previous } = tables;
    const add = (label: string, current: Cell, before: Cell) =>
      b.row({ insats: text(scope.name), row: text(label), current, previous: before });
    const counted = (path: PreviousRow, now: number, then: number) =>
      add(
        TEXTS.previousRows[path],
        count(cellId(scope.key, path, 'total'), now),
        count(cellId(scope.key, `previous.${path}`, 'total'), then),
      );
    const participantRows = () => {
      for (const key of ['activeAtStart', 'enrolled', 'exited', 'activeAtEnd', 'total'] as const) {
        counted(
          `participants.${key}`,
          tables.participants[key].total,
          previous.participants[key].total,
        );
      }
      for (const members of [
        ['activeAtStart', 'enrolled'],
        ['exited', 'activeAtEnd'],
      ]) {
        b.line({
          members: members.map((k) => cellId(scope.key, `previous.participants.${k}`, 'total')),
          total: cellId(scope.key, 'previous.participants.total', 'total'),
        });
      }
      for (const stat of ['mean', 'median'] as const) {
        add(
          TEXTS.previousRows[`daysInIntervention.${stat}`],
          figure('days', tables.daysInIntervention[stat], {
            base: tables.participants.exited.total,
          }),
          figure('days', previous.daysInIntervention[stat], {
            base: previous.participants.exited.total,
          }),
        );
      }
      for (const stat of ['mean', 'median'] as const) {
        add(
          TEXTS.previousRows[`waitingDays.${stat}`],
          figure('days', tables.waitingDays[stat], { base: tables.waitingDays.counted }),
          figure('days', previous.waitingDays[stat], { base: previous.waitingDays.counted }),
        );
      }
      for (const key of ['answered', 'satisfied'] as const) {
        counted(
          `satisfaction.${key}`,
          tables.satisfaction[key].total,
          previous.satisfaction[key].total,
        );
      }
      for (const key of ['assessed', 'positive'] as const) {
        counted(
          `progression.${key}`,
          tables.progression[key].total,
          previous.progression[key].total,
        );
      }
    };
    if (withPeople.has(scope.key)) participantRows();
    tables.goals.forEach((goal, index) => {
      const then = previous.goals.find((g) => g.id === goal.id);
      const format = goal.kind === 'participantCount' ? 'count' : 'share';
      const numeratorId = `${scope.key}|goals.${index}|numerator`;
      const denominatorId = `${scope.key}|goals.${index}|denominator`;
      add(
        TEXTS.previousGoal(goal.label),
        figure(format, goal.value, {
          base: goal.denominator ?? goal.numerator,
          dependsOn: goal.denominator === null ? [numeratorId] : [numeratorId, denominatorId],
        }),
        figure(format, then?.value ?? null, {
          base: then === undefined ? 0 : (then.denominator ?? then.numerator),
        }),
      );
    });
  }
  return b.build();
}

type PreviousRow = keyof typeof TEXTS.previousRows;

function numberOf(cell: Cell | undefined): number | undefined {
  if (cell?.kind === 'count') return cell.value;
  if (cell?.kind === 'figure' && cell.value !== null) return cell.value;
  return undefined;
}

/** Ökat / minskat / oförändrat where both years' numbers are shown. */
export function describeChanges(sheet: ReportSheet): ReportSheet {
  if (sheet.key !== 'previous') return sheet;
  const rows = sheet.rows.map((row): ReportRow => {
    const now = numberOf(row.current);
    const then = numberOf(row.previous);
    if (now === undefined || then === undefined) return row;
    const { up, down, same } = TEXTS.changes;
    return { ...row, change: text(now > then ? up : now < then ? down : same) };
  });
  return { ...sheet, rows };
}
