import {
  BUILT_IN_INSTRUMENTS,
  educationLevels,
  incomeSources,
  outcomes,
  referringParties,
  supportDurations,
  type IncomeSource,
  type InterventionKind,
  type Outcome,
} from '@stegvis/domain';
import {
  EMPLOYMENT_STATUSES,
  type Counts,
  type EmploymentStatus,
  type GoalResult,
  type Report,
  type ReportTables,
} from '../report/report.types';
import {
  ABOUT_TEXTS,
  AGE_GROUP_LABELS,
  EMPLOYMENT_STATUS_LABELS,
  GENDER_COLUMN_LABELS,
  GOAL_KIND_LABELS,
  GOAL_STATUS_LABELS,
  SHEET_DESCRIPTIONS,
  SHEET_NAMES,
  TEXTS,
  WHOLE_ASSOCIATION,
  type SheetKey,
} from './labels';
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
  figure,
  ratio,
  text,
  type Cell,
  type ReportColumn,
  type ReportRow,
  type ReportSheet,
  type SumLine,
} from './sheet.types';

/** One level of the report: the report's own (association or intervention), or an intervention. */
type Scope = {
  readonly key: string;
  readonly name: string;
  readonly tables: ReportTables;
  /** Undefined for the report's own level. */
  readonly kind?: InterventionKind;
};

/**
 * The levels a participant table shows: the report's own, then the interventions that have
 * participants. A structural intervention has none by definition; rows of structural zeros
 * would say nothing and, shown as "<5" in a publication, would force hiding the neighbouring
 * intervention's counts (the association's row is their sum).
 */
function withParticipants(scopes: readonly Scope[]): Scope[] {
  return scopes.filter(
    (s) => s.kind === undefined || s.kind === 'individual' || s.tables.participants.total.total > 0,
  );
}

/** The levels the head-count table shows: likewise, interventions that record head counts. */
function withAttendance(scopes: readonly Scope[]): Scope[] {
  return scopes.filter(
    (s) => s.kind === undefined || s.kind === 'structural' || s.tables.attendance.total > 0,
  );
}

const countColumns: readonly ReportColumn[] = [
  ...GENDERS.map((g) => ({ key: g, header: GENDER_COLUMN_LABELS[g] })),
  { key: 'total', header: TEXTS.total },
];

function keyColumns(row: string, detail?: string): ReportColumn[] {
  return [
    { key: 'insats', header: TEXTS.insats },
    { key: 'row', header: row },
    ...(detail === undefined ? [] : [{ key: 'detail' as const, header: detail }]),
  ];
}

class SheetBuilder {
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

function scopesOf(report: Report): Scope[] {
  const own =
    report.interventionId === undefined
      ? WHOLE_ASSOCIATION
      : (report.interventionName ?? report.interventionId);
  return [
    { key: OWN_SCOPE, name: own, tables: report },
    ...report.interventions.map((i) => ({
      key: interventionScope(i.interventionId),
      name: i.name,
      tables: i,
      kind: i.kind,
    })),
  ];
}

const PARTICIPANT_ROWS = ['activeAtStart', 'enrolled', 'exited', 'activeAtEnd', 'total'] as const;

function participantsSheet(scopes: readonly Scope[]): ReportSheet {
  const b = new SheetBuilder(
    'participants',
    [...keyColumns(TEXTS.participantsHeader), ...countColumns],
    scopes,
  );
  for (const scope of scopes) {
    for (const field of PARTICIPANT_ROWS) {
      b.countsRow(scope, `participants.${field}`, scope.tables.participants[field], {
        row: text(TEXTS.participantRows[field]),
      });
    }
    // Active at start + enrolled = total in the period = exited + active at the end.
    b.partition(
      scope,
      ['participants.activeAtStart', 'participants.enrolled'],
      'participants.total',
    );
    b.partition(scope, ['participants.exited', 'participants.activeAtEnd'], 'participants.total');
  }
  return b.build();
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
function categorySheet<K extends string>(
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

function daysSheet(scopes: readonly Scope[]): ReportSheet {
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

/** A share per count column, hidden with its numerator or denominator. */
function shareCells(scope: Scope, numerator: string, denominator: string, of: Counts, n: Counts) {
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

function satisfactionSheet(scopes: readonly Scope[]): ReportSheet {
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

const ITEM_LABELS: ReadonlyMap<string, string> = new Map(
  Object.values(BUILT_IN_INSTRUMENTS)
    .flatMap((instrument) => instrument.items)
    .reverse()
    .map((item) => [item.key, item.label]),
);

/** The progression groups of a scope: all items together, each item, the ladder. */
function progressionGroups(tables: ReportTables): { path: string; label: string }[] {
  return [
    { path: 'progression', label: TEXTS.progressionOverall },
    ...Object.keys(tables.progression.byItem).map((item) => ({
      path: `progression.byItem.${item}`,
      label: ITEM_LABELS.get(item) ?? item,
    })),
    { path: 'progression.ladder', label: TEXTS.progressionLadder },
  ];
}

function progressionSheet(scopes: readonly Scope[]): ReportSheet {
  const b = new SheetBuilder(
    'progression',
    [...keyColumns(TEXTS.progressionAreaHeader, TEXTS.measureHeader), ...countColumns],
    scopes,
  );
  for (const scope of scopes) {
    const { progression } = scope.tables;
    for (const group of progressionGroups(scope.tables)) {
      const pair =
        group.path === 'progression'
          ? progression
          : group.path === 'progression.ladder'
            ? progression.ladder
            : progression.byItem[group.path.slice('progression.byItem.'.length)]!;
      const row = text(group.label);
      b.countsRow(scope, `${group.path}.assessed`, pair.assessed, {
        row,
        detail: text(TEXTS.progressionAssessed),
      });
      b.countsRow(scope, `${group.path}.positive`, pair.positive, {
        row,
        detail: text(TEXTS.progressionPositive),
      });
      b.row({
        insats: text(scope.name),
        row,
        detail: text(TEXTS.progressionShare),
        ...shareCells(
          scope,
          `${group.path}.positive`,
          `${group.path}.assessed`,
          pair.assessed,
          pair.positive,
        ),
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

function employmentSheet(scopes: readonly Scope[]): ReportSheet {
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
          detail: text(EMPLOYMENT_STATUS_LABELS[status]),
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

function incomeChangeSheet(scopes: readonly Scope[]): ReportSheet {
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

function attendanceSheet(scopes: readonly Scope[]): ReportSheet {
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

function completenessSheet(scopes: readonly Scope[]): ReportSheet {
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
      return [equal(numeratorId, 'participants.total')];
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
      return progressionGroups(scope.tables).flatMap((g) => [
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
    case 'itemShare':
      return [];
  }
}

function goalsSheet(scopes: readonly Scope[]): ReportSheet {
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
        kind: text(GOAL_KIND_LABELS[goal.kind]),
        target: figure(format, goal.target),
        value: figure(format, goal.value, { base, dependsOn }),
        numerator,
        ...(goal.denominator === null
          ? {}
          : { denominator: count(denominatorId, goal.denominator) }),
        status: text(GOAL_STATUS_LABELS[goal.status]),
      });
      for (const line of goalLines(scope, goal, numeratorId, denominatorId)) b.line(line);
    });
  }
  return b.build();
}

/**
 * The "Om rapporten" sheet: whose report, which period, how fresh, how the tables count, and
 * what each of `described` holds.
 */
export function aboutSheet(
  report: Report,
  described: readonly ReportSheet[],
  options: { populations?: boolean } = {},
): ReportSheet {
  const rows: ReportRow[] = [];
  const add = (key: string, value: string) => rows.push({ row: text(key), text: text(value) });
  add(ABOUT_TEXTS.association, report.associationName);
  if (report.interventionId !== undefined) {
    add(ABOUT_TEXTS.intervention, report.interventionName ?? report.interventionId);
  }
  add(ABOUT_TEXTS.year, String(report.year));
  add(ABOUT_TEXTS.period, `${report.period.from} – ${report.period.to}`);
  add(
    ABOUT_TEXTS.checkpoint,
    report.checkpoint === null
      ? ABOUT_TEXTS.noCheckpoint
      : ABOUT_TEXTS.checkpointValue(report.checkpoint),
  );
  if (report.asOf !== undefined) add(ABOUT_TEXTS.asOf, ABOUT_TEXTS.asOfValue(report.asOf));
  if (options.populations ?? true) {
    add(
      ABOUT_TEXTS.levels,
      report.interventionId === undefined ? ABOUT_TEXTS.levelsValue : ABOUT_TEXTS.singleLevelValue,
    );
    add(ABOUT_TEXTS.populations, ABOUT_TEXTS.populationsValue);
  }
  add(ABOUT_TEXTS.genders, ABOUT_TEXTS.gendersValue);
  for (const sheet of described) {
    if (sheet.description !== undefined) add(ABOUT_TEXTS.table(sheet.name), sheet.description);
  }
  return {
    key: 'about',
    name: SHEET_NAMES.about,
    columns: [
      { key: 'row', header: TEXTS.aboutKeyHeader },
      { key: 'text', header: TEXTS.aboutValueHeader },
    ],
    rows,
    lines: [],
  };
}

/**
 * Every table of the report as a sheet, "Om rapporten" first. Each table has the report's own
 * level first ("Hela förbundet", or the intervention's name), then each intervention.
 */
export function reportSheets(report: Report): ReportSheet[] {
  const all = scopesOf(report);
  const scopes = withParticipants(all);
  const tables: ReportSheet[] = [
    participantsSheet(scopes),
    categorySheet(
      scopes,
      'ageGroups',
      TEXTS.ageGroupHeader,
      AGE_GROUP_LABELS,
      (t) => t.ageGroups,
      'participants.total',
    ),
    categorySheet(
      scopes,
      'referringParty',
      TEXTS.referringPartyHeader,
      referringParties.labels,
      (t) => t.referringParty,
      'participants.total',
    ),
    categorySheet(
      scopes,
      'incomeSourceAtStart',
      TEXTS.incomeSourceHeader,
      incomeSources.labels,
      (t) => t.incomeSourceAtStart,
      'participants.total',
    ),
    categorySheet(
      scopes,
      'incomeSourceAtExit',
      TEXTS.incomeSourceHeader,
      incomeSources.labels,
      (t) => t.incomeSourceAtExit,
      'participants.exited',
    ),
    categorySheet(
      scopes,
      'outcomes',
      TEXTS.outcomeHeader,
      outcomes.labels,
      (t) => t.outcomes,
      'participants.exited',
    ),
    daysSheet(scopes),
    satisfactionSheet(scopes),
    progressionSheet(scopes),
    employmentSheet(scopes),
    incomeChangeSheet(scopes),
    categorySheet(
      scopes,
      'educationLevel',
      TEXTS.educationLevelHeader,
      educationLevels.labels,
      (t) => t.educationLevel,
      'participants.total',
    ),
    categorySheet(
      scopes,
      'supportDurationBefore',
      TEXTS.supportDurationHeader,
      supportDurations.labels,
      (t) => t.supportDurationBefore,
      'participants.total',
    ),
    attendanceSheet(withAttendance(all)),
    completenessSheet(scopes),
    goalsSheet(all),
  ];
  return [aboutSheet(report, tables), ...tables];
}
