import {
  NAVET_INDICATORS,
  STEGVIS_5,
  assignmentAims,
  followUpStatuses,
  incomeSources,
  type Goal,
  type IncomeSource,
} from '@stegvis/domain';
import type {
  Counts,
  GoalResult,
  InterventionReport,
  Report,
  ReportTables,
} from '../../report/report.schema';
import { instrumentsOfInsats } from '../../report/report-instruments';

/** Counts by gender; the total is their sum. */
export function c(woman: number, man: number, other: number): Counts {
  return { woman, man, other, total: woman + man + other };
}

const ZERO = c(0, 0, 0);

function zeros<K extends string>(keys: readonly K[]): Record<K, Counts> {
  return Object.fromEntries(keys.map((k) => [k, ZERO])) as Record<K, Counts>;
}

/** A goal's result as the report carries it: its figures beside its definition. */
function result(
  definition: Goal,
  figures: Pick<GoalResult, 'target' | 'value' | 'numerator' | 'denominator' | 'status'>,
): GoalResult {
  const { id, label, kind } = definition;
  return { id, label, kind, ...figures, definition };
}

const NO_DIMENSIONS = { assessed: ZERO, positive: ZERO, byDimension: {} };
const NO_WAITING = { mean: null, median: null, counted: 0 };
const NO_FOLLOW_UP = { due: ZERO, followedUp: ZERO, status: zeros(followUpStatuses.keys) };

function incomeTable(values: Partial<Record<IncomeSource, Counts>>): Record<IncomeSource, Counts> {
  return { ...zeros(incomeSources.keys), ...values };
}

/**
 * Resurslotsen, an individual intervention, with small hand-chosen numbers that add up as the
 * report's do: 11 active at the start + 14 enrolled = 25 in the year = 13 exited + 12 active at
 * the end; every demographic table adds up to 25 (14 women, 9 men, 2 other), every exit table
 * to 13 (7, 5, 1).
 */
export const RESURSLOTSEN_TABLES: ReportTables = {
  participants: {
    activeAtStart: c(6, 4, 1),
    enrolled: c(8, 5, 1),
    exited: c(7, 5, 1),
    activeAtEnd: c(7, 4, 1),
    total: c(14, 9, 2),
  },
  ageGroups: {
    'under-16': ZERO,
    '16-19': c(1, 0, 0),
    '20-24': c(3, 2, 1),
    '25-29': c(4, 2, 0),
    '30-39': c(3, 3, 1),
    '40-49': c(2, 1, 0),
    '50-59': c(1, 1, 0),
    '60-64': ZERO,
    '65+': ZERO,
  },
  referringParty: {
    FK: c(5, 3, 0),
    AF: c(4, 2, 1),
    MUNICIPALITY: c(3, 2, 1),
    REGION: c(1, 1, 0),
    SELF: c(1, 1, 0),
    OTHER: ZERO,
  },
  incomeSourceAtStart: incomeTable({
    sickness_benefit: c(4, 2, 0),
    activity_compensation: c(3, 2, 1),
    social_assistance: c(5, 3, 1),
    unemployment_support: c(2, 2, 0),
  }),
  incomeSourceAtExit: incomeTable({
    salary: c(3, 2, 0),
    student_aid: c(1, 1, 0),
    unemployment_support: c(1, 1, 0),
    sickness_benefit: c(1, 0, 1),
    social_assistance: c(1, 1, 0),
  }),
  outcomes: {
    work: c(3, 2, 0),
    studies: c(1, 1, 0),
    job_seeking: c(1, 1, 0),
    other_support: c(1, 0, 1),
    health: c(1, 0, 0),
    moved: ZERO,
    dropped_out: c(0, 1, 0),
    other: ZERO,
  },
  daysInIntervention: {
    mean: 212.5,
    median: 190,
    byGender: {
      woman: { mean: 230.4, median: 200 },
      man: { mean: 180.2, median: 175 },
      other: { mean: 150, median: 150 },
    },
  },
  satisfaction: { answered: c(6, 4, 1), satisfied: c(5, 3, 1) },
  progression: {
    assessed: c(6, 4, 0),
    positive: c(5, 2, 0),
    byDimension: {
      self_esteem: {
        assessed: c(6, 4, 0),
        improved: c(4, 2, 0),
        unchanged: c(1, 1, 0),
        worse: c(1, 1, 0),
      },
      employability: {
        assessed: c(6, 4, 0),
        improved: c(3, 1, 0),
        unchanged: c(2, 2, 0),
        worse: c(1, 1, 0),
      },
    },
    byItem: {
      self_esteem: { assessed: c(6, 4, 0), positive: c(4, 2, 0) },
      employability: { assessed: c(6, 4, 0), positive: c(3, 1, 0) },
    },
    ladder: { assessed: c(7, 5, 1), positive: c(6, 3, 1) },
    ongoing: {
      assessed: c(3, 2, 0),
      positive: c(2, 1, 0),
      byDimension: {
        self_esteem: {
          assessed: c(3, 2, 0),
          improved: c(2, 1, 0),
          unchanged: c(1, 1, 0),
          worse: ZERO,
        },
      },
    },
  },
  // 12 of the 14 enrolled had a referral date; 11 of the 13 exited an uppdrag.
  waitingDays: { mean: 24.5, median: 21, counted: 12 },
  assignments: {
    ...Object.fromEntries(assignmentAims.keys.map((aim) => [aim, { exited: ZERO, reached: ZERO }])),
    self_sufficiency: { exited: c(4, 3, 0), reached: c(3, 2, 0) },
    work_ability: { exited: c(2, 1, 1), reached: c(2, 1, 0) },
  } as ReportTables['assignments'],
  followUp: {
    '3': {
      due: c(5, 4, 1),
      followedUp: c(4, 3, 1),
      status: {
        ...zeros(followUpStatuses.keys),
        work: c(2, 1, 0),
        studies: c(1, 0, 0),
        job_seeking: c(0, 1, 0),
        unknown: c(1, 1, 1),
      },
    },
    '6': {
      due: c(3, 2, 0),
      followedUp: c(2, 1, 0),
      status: { ...zeros(followUpStatuses.keys), work: c(1, 1, 0), unknown: c(1, 0, 0) },
    },
    '12': NO_FOLLOW_UP,
  },
  employmentStatus: {
    before: { work: ZERO, studies: ZERO, job_seeking: c(1, 1, 0), other: c(6, 4, 1) },
    after: { work: c(3, 2, 0), studies: c(1, 1, 0), job_seeking: c(1, 1, 0), other: c(2, 1, 1) },
  },
  incomeSourceChange: {
    ...Object.fromEntries(incomeSources.keys.map((s) => [s, incomeTable({})])),
    sickness_benefit: incomeTable({ salary: c(1, 1, 0), sickness_benefit: c(1, 0, 1) }),
    activity_compensation: incomeTable({ student_aid: c(1, 1, 0) }),
    social_assistance: incomeTable({ salary: c(2, 1, 0), social_assistance: c(1, 1, 0) }),
    unemployment_support: incomeTable({ unemployment_support: c(1, 1, 0) }),
  } as Record<IncomeSource, Record<IncomeSource, Counts>>,
  educationLevel: {
    compulsory: c(5, 4, 1),
    upper_secondary: c(7, 4, 1),
    post_secondary: c(2, 1, 0),
    unknown: ZERO,
  },
  supportDurationBefore: {
    none: c(1, 1, 0),
    under_1y: c(3, 2, 0),
    '1_2y': c(4, 2, 1),
    '2_5y': c(4, 3, 1),
    over_5y: c(2, 1, 0),
    unknown: ZERO,
  },
  attendance: ZERO,
  completeness: {
    exited: 13,
    startAndExitAssessment: { count: 10, share: 0.7692 },
    satisfactionAnswer: { count: 11, share: 0.8462 },
    ladderSteps: { count: 13, share: 1 },
    incomeSourceAtExitKnown: { count: 13, share: 1 },
  },
  goals: [
    result(
      { id: 'nojda', label: 'Minst 80 % nöjda deltagare', kind: 'satisfactionShare', target: 0.8 },
      { target: 0.8, value: 0.8182, numerator: 9, denominator: 11, status: 'met' },
    ),
    result(
      {
        id: 'egen-forsorjning',
        label: 'Egen försörjning efter avslut',
        kind: 'outcomeShare',
        outcomes: ['work', 'studies'],
        target: 0.4,
      },
      { target: 0.4, value: 0.5385, numerator: 7, denominator: 13, status: 'met' },
    ),
    result(
      { id: 'deltagare', label: 'Minst 20 deltagare', kind: 'participantCount', min: 20 },
      { target: 20, value: 25, numerator: 25, denominator: null, status: 'met' },
    ),
  ],
  previous: {
    period: { from: '2023-01-01', to: '2023-12-31' },
    participants: {
      activeAtStart: c(5, 4, 0),
      enrolled: c(7, 6, 1),
      exited: c(6, 5, 0),
      activeAtEnd: c(6, 5, 1),
      total: c(12, 10, 1),
    },
    daysInIntervention: { mean: 230, median: 201 },
    waitingDays: { mean: 31, median: 28, counted: 10 },
    satisfaction: { answered: c(5, 4, 0), satisfied: c(4, 3, 0) },
    progression: { assessed: c(4, 4, 0), positive: c(3, 2, 0) },
    goals: [
      { id: 'nojda', value: 0.7778, numerator: 7, denominator: 9, status: 'not_met' },
      { id: 'egen-forsorjning', value: 0.4545, numerator: 5, denominator: 11, status: 'met' },
      { id: 'deltagare', value: 23, numerator: 23, denominator: null, status: 'met' },
    ],
  },
};

/** Psykeveckan, a structural intervention: head counts only, no participants. */
export const PSYKEVECKAN_TABLES: ReportTables = {
  participants: {
    activeAtStart: ZERO,
    enrolled: ZERO,
    exited: ZERO,
    activeAtEnd: ZERO,
    total: ZERO,
  },
  ageGroups: zerosLike('ageGroups'),
  referringParty: zerosLike('referringParty'),
  incomeSourceAtStart: incomeTable({}),
  incomeSourceAtExit: incomeTable({}),
  outcomes: zerosLike('outcomes'),
  daysInIntervention: {
    mean: null,
    median: null,
    byGender: {
      woman: { mean: null, median: null },
      man: { mean: null, median: null },
      other: { mean: null, median: null },
    },
  },
  waitingDays: NO_WAITING,
  satisfaction: { answered: ZERO, satisfied: ZERO },
  progression: {
    ...NO_DIMENSIONS,
    byItem: {},
    ladder: { assessed: ZERO, positive: ZERO },
    ongoing: NO_DIMENSIONS,
  },
  assignments: Object.fromEntries(
    assignmentAims.keys.map((aim) => [aim, { exited: ZERO, reached: ZERO }]),
  ) as ReportTables['assignments'],
  followUp: { '3': NO_FOLLOW_UP, '6': NO_FOLLOW_UP, '12': NO_FOLLOW_UP },
  employmentStatus: {
    before: { work: ZERO, studies: ZERO, job_seeking: ZERO, other: ZERO },
    after: { work: ZERO, studies: ZERO, job_seeking: ZERO, other: ZERO },
  },
  incomeSourceChange: Object.fromEntries(
    incomeSources.keys.map((s) => [s, incomeTable({})]),
  ) as Record<IncomeSource, Record<IncomeSource, Counts>>,
  educationLevel: zerosLike('educationLevel'),
  supportDurationBefore: zerosLike('supportDurationBefore'),
  attendance: c(40, 25, 3),
  completeness: {
    exited: 0,
    startAndExitAssessment: { count: 0, share: null },
    satisfactionAnswer: { count: 0, share: null },
    ladderSteps: { count: 0, share: null },
    incomeSourceAtExitKnown: { count: 0, share: null },
  },
  goals: [
    result(
      { id: 'besokare', label: 'Minst 50 besökare', kind: 'participantCount', min: 50 },
      { target: 50, value: 68, numerator: 68, denominator: null, status: 'met' },
    ),
  ],
  previous: {
    period: { from: '2023-01-01', to: '2023-12-31' },
    participants: {
      activeAtStart: ZERO,
      enrolled: ZERO,
      exited: ZERO,
      activeAtEnd: ZERO,
      total: ZERO,
    },
    daysInIntervention: { mean: null, median: null },
    waitingDays: NO_WAITING,
    satisfaction: { answered: ZERO, satisfied: ZERO },
    progression: { assessed: ZERO, positive: ZERO },
    goals: [{ id: 'besokare', value: 55, numerator: 55, denominator: null, status: 'met' }],
  },
};

/** A zero table with the same categories as Resurslotsen's. */
function zerosLike<
  K extends
    'ageGroups' | 'referringParty' | 'outcomes' | 'educationLevel' | 'supportDurationBefore',
>(key: K): ReportTables[K] {
  return zeros(Object.keys(RESURSLOTSEN_TABLES[key])) as ReportTables[K];
}

export const RESURSLOTSEN: InterventionReport = {
  interventionId: 'I-RESURS',
  name: 'Resurslotsen',
  kind: 'individual',
  startsOn: '2023-01-01',
  endsOn: null,
  closedOn: null,
  ...RESURSLOTSEN_TABLES,
};

export const PSYKEVECKAN: InterventionReport = {
  interventionId: 'I-PSYKE',
  name: 'Psykeveckan',
  kind: 'structural',
  startsOn: '2024-10-01',
  endsOn: '2024-10-31',
  closedOn: null,
  ...PSYKEVECKAN_TABLES,
};

/**
 * An association report for 2024 with the two interventions. The association's participants are
 * Resurslotsen's (Psykeveckan has none), its head counts Psykeveckan's; it has goals of its own,
 * one with too small a denominator.
 */
export function reportFixture(overrides: Partial<Report> = {}): Report {
  return {
    associationId: 'A-EXEMPEL',
    associationName: 'Samordningsförbundet Exempel',
    year: 2024,
    period: { from: '2024-01-01', to: '2024-12-31' },
    countedThrough: '2024-12-31',
    checkpoint: '1234',
    ...RESURSLOTSEN_TABLES,
    attendance: PSYKEVECKAN_TABLES.attendance,
    goals: [
      result(
        {
          id: 'planer',
          label: 'Planering vid avslut för 90 %',
          kind: 'planAtExitShare',
          target: 0.9,
        },
        { target: 0.9, value: 0.9231, numerator: 12, denominator: 13, status: 'met' },
      ),
      result(
        {
          id: 'stod',
          label: '90 % får det stöd de behöver',
          kind: 'itemShare',
          instrument: 'navet-indikatorer',
          item: 'support_needed',
          atLeast: 4,
          phase: 'followup',
          target: 0.9,
        },
        { target: 0.9, value: 0.75, numerator: 3, denominator: 4, status: 'insufficient_data' },
      ),
    ],
    previous: {
      ...RESURSLOTSEN_TABLES.previous,
      goals: [
        { id: 'planer', value: 0.9091, numerator: 10, denominator: 11, status: 'met' },
        { id: 'stod', value: null, numerator: 0, denominator: 0, status: 'insufficient_data' },
      ],
    },
    interventions: [RESURSLOTSEN, PSYKEVECKAN],
    instruments: [
      ...instrumentsOfInsats(PSYKEVECKAN.interventionId, [STEGVIS_5]),
      ...instrumentsOfInsats(RESURSLOTSEN.interventionId, [STEGVIS_5, NAVET_INDICATORS]),
    ],
    ...overrides,
  };
}
