import type { Counts } from '../report/report.schema';
import { TEXTS } from './labels';
import { cellId, COUNT_COLUMNS } from './ids';
import { countColumns, keyColumns, SheetBuilder, type Scope } from './sheet-builder';
import {
  figure,
  ratio,
  text,
  type ReportRow,
  type ReportSheet,
  type TextCell,
} from './sheet.types';

/** A share per count column, hidden with its numerator or denominator. */
export function shareCells(
  scope: Scope,
  numerator: string,
  denominator: string,
  of: Counts,
  n: Counts,
) {
  return Object.fromEntries(
    COUNT_COLUMNS.map((c) => [
      c,
      figure('share', ratio(n[c], of[c]), {
        base: of[c],
        dependsOn: [cellId(scope.key, numerator, c), cellId(scope.key, denominator, c)],
      }),
    ]),
  ) as ReportRow;
}

type Part = { readonly path: string; readonly counts: Counts; readonly label: string };

/** Three rows: a count, the part of it that something holds for, and that part's share. */
export function partAndShareRows(
  b: SheetBuilder,
  scope: Scope,
  row: TextCell,
  whole: Part,
  part: Part,
  shareLabel: string,
): void {
  b.countsRow(scope, whole.path, whole.counts, { row, detail: text(whole.label) });
  b.countsRow(scope, part.path, part.counts, { row, detail: text(part.label) });
  b.row({
    insats: text(scope.name),
    row,
    detail: text(shareLabel),
    ...shareCells(scope, part.path, whole.path, whole.counts, part.counts),
  });
}

/** Bedömda, positiv förändring and its share, for the progression pair at `path`. */
export function progressionRows(
  b: SheetBuilder,
  scope: Scope,
  row: TextCell,
  path: string,
  pair: { readonly assessed: Counts; readonly positive: Counts },
): void {
  partAndShareRows(
    b,
    scope,
    row,
    { path: `${path}.assessed`, counts: pair.assessed, label: TEXTS.progressionAssessed },
    { path: `${path}.positive`, counts: pair.positive, label: TEXTS.progressionPositive },
    TEXTS.progressionShare,
  );
}

export function satisfactionSheet(scopes: readonly Scope[]): ReportSheet {
  const b = new SheetBuilder(
    'satisfaction',
    [...keyColumns(TEXTS.measureHeader), ...countColumns],
    scopes,
  );
  for (const scope of scopes) {
    const { answered, satisfied } = scope.tables.satisfaction;
    b.countsRow(scope, 'satisfaction.answered', answered, {
      row: text(TEXTS.satisfactionAnswered),
    });
    b.countsRow(scope, 'satisfaction.satisfied', satisfied, {
      row: text(TEXTS.satisfactionSatisfied),
    });
    b.row({
      insats: text(scope.name),
      row: text(TEXTS.satisfactionShare),
      ...shareCells(scope, 'satisfaction.satisfied', 'satisfaction.answered', answered, satisfied),
    });
  }
  return b.build();
}

/** The progression groups of a scope: all items together, each item, the ladder. */
export function progressionGroups(scope: Scope): { path: string; label: string }[] {
  return [
    { path: 'progression', label: TEXTS.progressionOverall },
    ...Object.keys(scope.tables.progression.byItem).map((item) => ({
      path: `progression.byItem.${item}`,
      label: scope.itemLabel(item),
    })),
    { path: 'progression.ladder', label: TEXTS.progressionLadder },
  ];
}

export function progressionSheet(scopes: readonly Scope[]): ReportSheet {
  const b = new SheetBuilder(
    'progression',
    [...keyColumns(TEXTS.progressionAreaHeader, TEXTS.measureHeader), ...countColumns],
    scopes,
  );
  for (const scope of scopes) {
    const { progression } = scope.tables;
    for (const group of progressionGroups(scope)) {
      const pair =
        group.path === 'progression'
          ? progression
          : group.path === 'progression.ladder'
            ? progression.ladder
            : progression.byItem[group.path.slice('progression.byItem.'.length)]!;
      progressionRows(b, scope, text(group.label), group.path, pair);
    }
  }
  return b.build();
}
