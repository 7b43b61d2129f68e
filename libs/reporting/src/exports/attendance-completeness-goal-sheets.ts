import { assignmentAims, goalKinds, goalStatuses, outcomes, type Outcome } from '@stegvis/domain';
import { participantCountBasis } from '../report/goal-evaluation';
import type { GoalResult, ReportTables } from '../report/report.schema';
import { progressionGroups } from './assessment-sheets';
import { TEXTS } from './labels';
import { cellId } from './ids';
import { countColumns, keyColumns, SheetBuilder, type Scope } from './sheet-builder';
import { count, figure, text, type Cell, type ReportSheet, type SumLine } from './sheet.types';

export function attendanceSheet(scopes: readonly Scope[]): ReportSheet {
  const b = new SheetBuilder(
    'attendance',
    [...keyColumns(TEXTS.measureHeader), ...countColumns],
    scopes,
  );
  for (const scope of scopes) {
    b.countsRow(scope, 'attendance', scope.tables.attendance, { row: text(TEXTS.attendanceRow) });
  }
  return b.build();
}

const COMPLETENESS_FACTS = [
  'startAndExitAssessment',
  'satisfactionAnswer',
  'ladderSteps',
  'incomeSourceAtExitKnown',
] as const;

/** The table count each completeness count equals (checked by the data). */
const COMPLETENESS_EQUALS: Readonly<
  Record<Exclude<(typeof COMPLETENESS_FACTS)[number], 'incomeSourceAtExitKnown'>, string>
> = {
  startAndExitAssessment: 'progression.assessed',
  satisfactionAnswer: 'satisfaction.answered',
  ladderSteps: 'progression.ladder.assessed',
};

export function completenessSheet(scopes: readonly Scope[]): ReportSheet {
  const b = new SheetBuilder(
    'completeness',
    [
      ...keyColumns(TEXTS.completenessHeader),
      { key: 'total', header: TEXTS.completenessCount },
      { key: 'share', header: TEXTS.completenessShare },
    ],
    scopes,
  );
  for (const scope of scopes) {
    const { completeness } = scope.tables;
    const exitedId = cellId(scope.key, 'completeness.exited', 'total');
    const exitedInTable = cellId(scope.key, 'participants.exited', 'total');
    b.row({
      insats: text(scope.name),
      row: text(TEXTS.completenessRows.exited),
      total: count(exitedId, completeness.exited),
    });
    b.line({ members: [exitedId], total: exitedInTable });
    for (const fact of COMPLETENESS_FACTS) {
      const id = cellId(scope.key, `completeness.${fact}`, 'total');
      b.row({
        insats: text(scope.name),
        row: text(TEXTS.completenessRows[fact]),
        total: count(id, completeness[fact].count),
        share: figure('share', completeness[fact].share, {
          base: completeness.exited,
          dependsOn: [id, exitedId],
        }),
      });
      if (fact === 'incomeSourceAtExitKnown') {
        b.line({
          members: [id, cellId(scope.key, 'incomeSourceAtExit.unknown', 'total')],
          total: exitedInTable,
        });
      } else {
        b.line({ members: [id], total: cellId(scope.key, COMPLETENESS_EQUALS[fact], 'total') });
      }
    }
  }
  return b.build();
}

/** Every non-empty set of outcomes with a nonzero total whose totals add up to `sum`. */
function outcomeSetsSummingTo(tables: ReportTables, sum: number): Outcome[][] {
  const present = outcomes.keys.filter((o) => tables.outcomes[o].total > 0);
  const sets: Outcome[][] = [];
  for (let mask = 1; mask < 1 << present.length; mask++) {
    const set = present.filter((_, i) => (mask & (1 << i)) !== 0);
    if (set.reduce((s, o) => s + tables.outcomes[o].total, 0) === sum) sets.push(set);
  }
  return sets;
}

/**
 * Ties a goal's numerator and denominator to the table counts they equal, so hiding one hides
 * the other. The goal result does not say which outcomes or items it counts, so candidates are
 * offered and the data decides (an equality that does not hold is ignored; one that holds by
 * coincidence only hides a goal figure more).
 */
function goalLines(
  scope: Scope,
  goal: GoalResult,
  numeratorId: string,
  denominatorId: string,
): SumLine[] {
  const total = (path: string) => cellId(scope.key, path, 'total');
  const equal = (member: string, path: string): SumLine => ({
    members: [member],
    total: total(path),
  });
  switch (goal.kind) {
    case 'participantCount':
      return [
        equal(
          numeratorId,
          participantCountBasis(scope.kind) === 'attendance' ? 'attendance' : 'participants.total',
        ),
      ];
    case 'genderBalance':
      return [equal(denominatorId, 'participants.total')];
    case 'planAtExitShare':
      return [equal(denominatorId, 'participants.exited')];
    case 'satisfactionShare':
      return [
        equal(numeratorId, 'satisfaction.satisfied'),
        equal(denominatorId, 'satisfaction.answered'),
      ];
    case 'positiveProgressShare':
      return progressionGroups(scope).flatMap((g) => [
        equal(numeratorId, `${g.path}.positive`),
        equal(denominatorId, `${g.path}.assessed`),
      ]);
    case 'outcomeShare':
      return [
        equal(denominatorId, 'participants.exited'),
        ...outcomeSetsSummingTo(scope.tables, goal.numerator).map((set): SumLine => ({
          members: set.map((o) => total(`outcomes.${o}`)),
          total: numeratorId,
          prefer: 'total',
        })),
      ];
    case 'assignmentGoalShare': {
      const aims =
        (goal.definition.kind === 'assignmentGoalShare' ? goal.definition.aims : undefined) ??
        assignmentAims.keys;
      return [
        { members: aims.map((a) => total(`assignments.${a}.reached`)), total: numeratorId },
        { members: aims.map((a) => total(`assignments.${a}.exited`)), total: denominatorId },
      ];
    }
    case 'itemShare':
    case 'followUpShare':
      return [];
  }
}

export function goalsSheet(scopes: readonly Scope[]): ReportSheet {
  const b = new SheetBuilder(
    'goals',
    [
      { key: 'insats', header: TEXTS.insats },
      { key: 'goalId', header: TEXTS.goalId },
      { key: 'row', header: TEXTS.goalLabel },
      { key: 'kind', header: TEXTS.goalKind },
      { key: 'target', header: TEXTS.goalTarget },
      { key: 'value', header: TEXTS.goalValue },
      { key: 'numerator', header: TEXTS.goalNumerator },
      { key: 'denominator', header: TEXTS.goalDenominator },
      { key: 'status', header: TEXTS.goalStatus },
    ],
    scopes,
    false,
  );
  for (const scope of scopes) {
    scope.tables.goals.forEach((goal, index) => {
      const path = `goals.${index}`;
      const numeratorId = `${scope.key}|${path}|numerator`;
      const denominatorId = `${scope.key}|${path}|denominator`;
      const format = goal.kind === 'participantCount' ? 'count' : 'share';
      const base = goal.denominator ?? undefined;
      const dependsOn = goal.denominator === null ? [numeratorId] : [numeratorId, denominatorId];
      let numerator: Cell = count(numeratorId, goal.numerator);
      if (goal.kind === 'genderBalance') {
        // |women − men| is no number of people, but next to the table it gives both away.
        const genderIds = (['woman', 'man'] as const).map((g) =>
          cellId(scope.key, 'participants.total', g),
        );
        numerator = figure('count', goal.numerator, { base, dependsOn: genderIds });
        dependsOn.splice(0, 1, ...genderIds);
      }
      b.row({
        insats: text(scope.name),
        goalId: text(goal.id),
        row: text(goal.label),
        kind: text(goalKinds.labels[goal.kind]),
        target: figure(format, goal.target),
        value: figure(format, goal.value, { base, dependsOn }),
        numerator,
        ...(goal.denominator === null
          ? {}
          : { denominator: count(denominatorId, goal.denominator) }),
        status: text(goalStatuses.labels[goal.status]),
      });
      for (const line of goalLines(scope, goal, numeratorId, denominatorId)) b.line(line);
    });
  }
  return b.build();
}
