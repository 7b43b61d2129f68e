import type {
  CorrectEnrolmentBody,
  EnrolParticipantBody,
  ExitParticipantBody,
  RecordFollowUpBody,
  RecordSatisfactionBody,
  RecordSelfAssessmentBody,
  RegisterInterventionBody,
} from '../commands';
import type { Goal } from '../goals';
import type { AssignmentAim, Outcome, ProgressionRule, ReferringParty } from '../vocabulary';

/** What a förbund would call a goal under each rule (the names a board member reads). */
export const PROGRESSION_GOAL_NAMES: Record<ProgressionRule, string> = {
  anyImproved: 'Förflyttning i något område',
  anyImprovedNoneWorse: 'Förflyttning utan försämring',
  sumImproved: 'Förflyttning i summan',
  eachDimension: 'Förflyttning i varje område',
};

/*
 * Two years of v1.1 outcomes as staff would register them, in the request bodies of the write
 * API, with the figures they imply worked out by hand. Report tests fold them into events
 * (libs/reporting); HTTP end-to-end tests post the same bodies and compare the same figures.
 */

/** One participant's milestones, in the order they are registered. */
export type PlannedParticipant = {
  readonly enrol: EnrolParticipantBody;
  readonly assessments?: readonly RecordSelfAssessmentBody[];
  readonly satisfaction?: RecordSatisfactionBody;
  readonly exit?: ExitParticipantBody;
  /** Registered after the exit (a follow-up may be dated in the next year). */
  readonly followUps?: readonly RecordFollowUpBody[];
  readonly corrections?: readonly CorrectEnrolmentBody[];
};

export type PlannedInsats = {
  readonly register: RegisterInterventionBody;
  readonly goals: { readonly year: number; readonly goals: readonly Goal[] };
  readonly participants: readonly PlannedParticipant[];
};

const enrolment = (
  enrolledOn: string,
  gender: EnrolParticipantBody['gender'],
  referringParty: ReferringParty,
  extra: Partial<EnrolParticipantBody> = {},
): EnrolParticipantBody => ({
  enrolledOn,
  gender,
  birthYear: 1985,
  referringParty,
  incomeSource: 'sickness_benefit',
  educationLevel: 'upper_secondary',
  supportDurationBefore: '1_2y',
  ...extra,
});

const exitOn = (
  exitedOn: string,
  outcome: Outcome,
  extra: Partial<ExitParticipantBody> = {},
): ExitParticipantBody => ({
  exitedOn,
  outcome,
  incomeSource: outcome === 'work' ? 'salary' : outcome === 'studies' ? 'student_aid' : 'unknown',
  planHandedOver: true,
  ...extra,
});

/**
 * SamCoach (Sollefteå, årsredovisning 2024): 15 cases ended in 2024, every one with an uppdrag.
 * 13 reached the uppdrag's aim: "87 % har nått uppdragets uppsatta mål" (13 / 15 = 0,8667).
 * 8 had the aim egen försörjning, 6 of them ended in work or studies: "75 % av aktuella
 * ärenden har nått målet" (6 / 8), against the goal 70 %. Among all 15 ended, 8 ended in work
 * or studies (8 / 15 = 0,5333): the denominator is what differs.
 */
export function samCoach2024(): PlannedInsats {
  const ended: [AssignmentAim, Outcome, boolean, EnrolParticipantBody['gender'], ReferringParty][] =
    [
      ['self_sufficiency', 'work', true, 'woman', 'FK'],
      ['self_sufficiency', 'work', true, 'woman', 'FK'],
      ['self_sufficiency', 'work', true, 'man', 'AF'],
      ['self_sufficiency', 'work', true, 'woman', 'FK'],
      ['self_sufficiency', 'work', true, 'man', 'AF'],
      ['self_sufficiency', 'studies', true, 'woman', 'MUNICIPALITY'],
      ['self_sufficiency', 'job_seeking', false, 'woman', 'FK'],
      ['self_sufficiency', 'health', false, 'man', 'FK'],
      ['work_ability', 'work', true, 'woman', 'FK'],
      ['work_ability', 'work', true, 'man', 'REGION'],
      ['work_ability', 'other_support', true, 'woman', 'FK'],
      ['work_ability', 'other_support', true, 'woman', 'AF'],
      ['coordinated_support', 'other_support', true, 'man', 'FK'],
      ['coordinated_support', 'health', true, 'woman', 'AF'],
      ['job_seeking_readiness', 'job_seeking', true, 'man', 'MUNICIPALITY'],
    ];
  const participants: PlannedParticipant[] = ended.map(
    ([aim, outcome, reached, gender, party], i) => {
      const month = String(1 + (i % 9)).padStart(2, '0');
      return {
        enrol: enrolment(`2023-${month}-10`, gender, party, {
          referredOn: `2023-${month}-01`,
          assignment: { aim },
        }),
        exit: exitOn(`2024-${String(1 + (i % 12)).padStart(2, '0')}-20`, outcome, {
          assignmentGoalReached: reached,
        }),
      };
    },
  );
  // Still in the insats at the end of 2024: counted as participants, not among the ended.
  for (const [i, aim] of (['self_sufficiency', 'work_ability', 'other'] as const).entries()) {
    participants.push({
      enrol: enrolment(`2024-0${3 + i}-15`, i === 1 ? 'man' : 'woman', 'FK', {
        referredOn: `2024-0${1 + i}-15`,
        assignment: { aim },
      }),
    });
  }
  return {
    register: {
      name: 'SamCoach',
      kind: 'individual',
      parties: ['FK', 'AF', 'REGION', 'MUNICIPALITY'],
      startsOn: '2020-01-01',
    },
    goals: {
      year: 2024,
      goals: [
        {
          id: 'egen-forsorjning',
          label: '70 % av avslutade ärenden med uppdrag att nå egen försörjning ska vara uppfyllda',
          kind: 'outcomeShare',
          outcomes: ['work', 'studies'],
          among: { aims: ['self_sufficiency'] },
          target: 0.7,
        },
        {
          id: 'uppdragets-mal',
          label: '85 % av uppdragen ska ha nått måluppfyllelsen',
          kind: 'assignmentGoalShare',
          target: 0.85,
        },
        {
          id: 'arbete-studier-alla',
          label: 'Arbete eller studier bland alla avslutade',
          kind: 'outcomeShare',
          outcomes: ['work', 'studies'],
          target: 0.7,
        },
      ],
    },
    participants,
  };
}

/** What samCoach2024 comes out as, worked out above. */
export const SAMCOACH_2024 = {
  exited: 15,
  goals: {
    'egen-forsorjning': { numerator: 6, denominator: 8, value: 0.75, status: 'met' },
    'uppdragets-mal': { numerator: 13, denominator: 15, value: 0.8667, status: 'met' },
    'arbete-studier-alla': { numerator: 8, denominator: 15, value: 0.5333, status: 'not_met' },
  },
  /** Those still in the insats, enrolled in 2024: 60, 60 and 61 days from referral. */
  waitingDays: { mean: 60.3, median: 60, counted: 3 },
  assignments: {
    self_sufficiency: { exited: 8, reached: 6 },
    work_ability: { exited: 4, reached: 4 },
    coordinated_support: { exited: 2, reached: 2 },
    job_seeking_readiness: { exited: 1, reached: 1 },
    other: { exited: 0, reached: 0 },
  },
} as const;

const DIMENSIONS = [
  'self_esteem',
  'wellbeing',
  'social_ability',
  'employability',
  'future_hope',
] as const;
type Dimension = (typeof DIMENSIONS)[number];
const scores = (base: number, changes: Partial<Record<Dimension, number>> = {}) =>
  Object.fromEntries(DIMENSIONS.map((d) => [d, base + (changes[d] ?? 0)]));

/**
 * Resurslotsen (Örnsköldsvik) in 2025: "minst en tredjedel ska ha gjort positiva
 * stegförflyttningar inom områdena självkänsla, mående, social förmåga, anställningsbarhet och
 * framtidshopp". Six participants ended with a start and an exit self-assessment; each rose in
 * exactly one area, nobody in framtidshopp, and r5 fell two steps in it:
 *
 * | rule                 | positive        | share      | against 1/3 |
 * | anyImproved          | all 6           | 6/6 = 1    | met         |
 * | anyImprovedNoneWorse | all but r5      | 5/6        | met         |
 * | sumImproved          | all but r5      | 5/6        | met         |
 * | eachDimension        | framtidshopp 0/6 is the weakest area | 0 | not met |
 *
 * Per area (improved / unchanged / worse of 6): självkänsla 2/4/0, mående 2/4/0, social förmåga
 * 1/5/0, anställningsbarhet 1/5/0, framtidshopp 0/5/1.
 *
 * Follow-up after exit ("hur många kommer till arbete eller studier efter avslutad insats"):
 * five of the six were reached six months after their exit, the last two in 2026; three were in
 * work or studies then (3/5 = 0,6). One more participant is ongoing, assessed at start and at a
 * follow-up in December.
 */
export function resurslotsen2025(): PlannedInsats {
  const rises: [Dimension, Partial<Record<Dimension, number>>][] = [
    ['self_esteem', {}],
    ['wellbeing', {}],
    ['social_ability', {}],
    ['employability', {}],
    ['self_esteem', { future_hope: -2 }],
    ['wellbeing', {}],
  ];
  const followUpStatus: (Outcome | 'unknown' | undefined)[] = [
    'work',
    'studies',
    'job_seeking',
    'work',
    'health',
    undefined,
  ];
  const participants: PlannedParticipant[] = rises.map(([rises, other], i) => {
    const enrolledOn = `2025-0${1 + i}-05`;
    const exitedOn = `2025-0${4 + i}-25`;
    const status = followUpStatus[i];
    // Six months after an exit on the 25th of April–September: October 2025 to March 2026.
    const month = 10 + i;
    const followedUpOn =
      month <= 12 ? `2025-${month}-28` : `2026-${String(month - 12).padStart(2, '0')}-28`;
    return {
      enrol: enrolment(enrolledOn, i % 2 === 0 ? 'woman' : 'man', i < 3 ? 'FK' : 'AF', {
        referredOn: `2024-12-${String(10 + i).padStart(2, '0')}`,
      }),
      assessments: [
        { instrument: 'stegvis-5', phase: 'start', assessedOn: enrolledOn, scores: scores(5) },
        {
          instrument: 'stegvis-5',
          phase: 'exit',
          assessedOn: exitedOn,
          scores: scores(5, { [rises]: 1, ...other }),
        },
      ],
      satisfaction: { score: i === 4 ? 3 : 5, answeredOn: exitedOn },
      exit: exitOn(exitedOn, i < 2 ? 'work' : 'other_support'),
      ...(status === undefined
        ? {}
        : {
            followUps: [
              {
                monthsAfterExit: 6,
                followedUpOn,
                status,
                incomeSource: status === 'work' ? 'salary' : 'unknown',
              },
            ],
          }),
    };
  });
  participants.push({
    enrol: enrolment('2025-09-01', 'woman', 'MUNICIPALITY', { referredOn: '2025-08-01' }),
    assessments: [
      { instrument: 'stegvis-5', phase: 'start', assessedOn: '2025-09-01', scores: scores(4) },
      {
        instrument: 'stegvis-5',
        phase: 'followup',
        assessedOn: '2025-12-01',
        scores: scores(4, { employability: 2, wellbeing: -1 }),
      },
    ],
  });
  const progression = (id: string, rule: ProgressionRule) =>
    ({
      id,
      label: PROGRESSION_GOAL_NAMES[rule],
      kind: 'positiveProgressShare',
      source: 'selfAssessment',
      rule,
      target: 0.33,
    }) as Goal;
  return {
    register: {
      name: 'Resurslotsen',
      kind: 'individual',
      parties: ['FK', 'AF', 'REGION', 'MUNICIPALITY'],
      startsOn: '2024-01-01',
    },
    goals: {
      year: 2025,
      goals: [
        progression('stegforflyttning', 'anyImproved'),
        progression('stegforflyttning-inget-samre', 'anyImprovedNoneWorse'),
        progression('stegforflyttning-summa', 'sumImproved'),
        progression('stegforflyttning-varje-omrade', 'eachDimension'),
        { id: 'nojda', label: 'Minst 85 % nöjda', kind: 'satisfactionShare', target: 0.85 },
        {
          id: 'arbete-studier-efter',
          label: 'Arbete eller studier sex månader efter avslut',
          kind: 'followUpShare',
          monthsAfterExit: 6,
          outcomes: ['work', 'studies'],
          target: 0.5,
        },
      ],
    },
    participants,
  };
}

/** What resurslotsen2025 comes out as, worked out above. */
export const RESURSLOTSEN_2025 = {
  goals: {
    stegforflyttning: { numerator: 6, denominator: 6, value: 1, status: 'met' },
    'stegforflyttning-inget-samre': {
      numerator: 5,
      denominator: 6,
      value: 0.8333,
      status: 'met',
    },
    'stegforflyttning-summa': { numerator: 5, denominator: 6, value: 0.8333, status: 'met' },
    'stegforflyttning-varje-omrade': {
      numerator: 0,
      denominator: 6,
      value: 0,
      status: 'not_met',
    },
    nojda: { numerator: 5, denominator: 6, value: 0.8333, status: 'not_met' },
    'arbete-studier-efter': { numerator: 3, denominator: 5, value: 0.6, status: 'met' },
  },
  /** Referral to enrolment: 26, 31, 56, 83, 113, 142 and 172 days. */
  waitingDays: { mean: 89, median: 83, counted: 7 },
  /** improved / unchanged / worse per area, of the six ended. */
  byDimension: {
    self_esteem: [2, 4, 0],
    wellbeing: [2, 4, 0],
    social_ability: [1, 5, 0],
    employability: [1, 5, 0],
    future_hope: [0, 5, 1],
  },
} as const;
