import { NAVET_INDICATORS, type Goal } from '@stegvis/domain';
import {
  RESURSLOTSEN_2025,
  resurslotsen2025,
  SAMCOACH_2024,
  samCoach2024,
} from '../../../domain/src/testing/outcome-years';
import { c, zero } from './testing/counts';
import { EventLog } from './testing/event-log';
import { followUpsDue } from './participant-facts';
import { plannedLog } from './testing/planned';
import type { GoalResult } from './report.schema';

/** The v1.1 report (DESIGN §4): uppdrag, follow-up, waiting time, progression rules, previous. */

function figuresOf(goals: readonly GoalResult[]) {
  return Object.fromEntries(
    goals.map((g) => [
      g.id,
      { numerator: g.numerator, denominator: g.denominator, value: g.value, status: g.status },
    ]),
  );
}

const all = (score: number) => ({
  self_esteem: score,
  wellbeing: score,
  social_ability: score,
  employability: score,
  future_hope: score,
});

describe('SamCoach 2024: uppdrag', () => {
  const { log, insats } = plannedLog(samCoach2024());
  const report = log.report(2024, { interventionId: insats.interventionId });

  it('comes out as Sollefteå reports it: 13 of 15 reached the uppdrag’s aim, 6 of the 8 with egen försörjning as aim reached it', () => {
    expect(figuresOf(report.goals)).toEqual(SAMCOACH_2024.goals);
    expect(report.participants.exited.total).toBe(SAMCOACH_2024.exited);
  });

  it('tables exited and reached per aim, by gender', () => {
    expect(report.assignments.self_sufficiency).toEqual({
      exited: c(5, 3),
      reached: c(4, 2),
    });
    const totals = Object.fromEntries(
      Object.entries(report.assignments).map(([aim, row]) => [
        aim,
        { exited: row.exited.total, reached: row.reached.total },
      ]),
    );
    expect(totals).toEqual(SAMCOACH_2024.assignments);
  });

  it('measures waiting from the aktualisering to the enrolment over those enrolled in the year', () => {
    // 60, 60 and 61 days (2024 is a leap year); the 15 ended were enrolled in 2023.
    expect(report.waitingDays).toEqual(SAMCOACH_2024.waitingDays);
  });
});

describe('Resurslotsen 2025: progression rules and follow-up', () => {
  const { log, insats } = plannedLog(resurslotsen2025());
  const report = log.report(2025, { interventionId: insats.interventionId });

  it('judges the same answers differently by rule: anyImproved met, eachDimension not', () => {
    expect(figuresOf(report.goals)).toEqual(RESURSLOTSEN_2025.goals);
  });

  it('measures waiting per insats: 26, 31, 56, 83, 113, 142 and 172 days', () =>
    expect(report.waitingDays).toEqual(RESURSLOTSEN_2025.waitingDays));

  it('reports every dimension’s own share on each progression goal', () => {
    const each = report.goals.find((g) => g.id === 'stegforflyttning-varje-omrade');
    expect(each?.dimensions).toEqual([
      {
        item: 'self_esteem',
        assessed: 6,
        improved: 2,
        unchanged: 4,
        worse: 0,
        value: 0.3333,
        status: 'met',
      },
      {
        item: 'wellbeing',
        assessed: 6,
        improved: 2,
        unchanged: 4,
        worse: 0,
        value: 0.3333,
        status: 'met',
      },
      {
        item: 'social_ability',
        assessed: 6,
        improved: 1,
        unchanged: 5,
        worse: 0,
        value: 0.1667,
        status: 'not_met',
      },
      {
        item: 'employability',
        assessed: 6,
        improved: 1,
        unchanged: 5,
        worse: 0,
        value: 0.1667,
        status: 'not_met',
      },
      {
        item: 'future_hope',
        assessed: 6,
        improved: 0,
        unchanged: 5,
        worse: 1,
        value: 0,
        status: 'not_met',
      },
    ]);
    const any = report.goals.find((g) => g.id === 'stegforflyttning');
    expect(any?.dimensions).toEqual(each?.dimensions);
  });

  it('tables improved, unchanged and worse per dimension', () => {
    const table = Object.fromEntries(
      Object.entries(report.progression.byDimension).map(([item, row]) => [
        item,
        [row.improved.total, row.unchanged.total, row.worse.total],
      ]),
    );
    expect(table).toEqual(RESURSLOTSEN_2025.byDimension);
    expect(report.progression.byDimension.future_hope?.worse).toEqual(c(1, 0));
  });

  it('reports ongoing participants from start to their latest follow-up assessment, beside the exited', () => {
    expect(report.progression.ongoing.assessed).toEqual(c(1, 0));
    expect(report.progression.ongoing.positive).toEqual(c(1, 0));
    expect(report.progression.ongoing.byDimension.employability?.improved).toEqual(c(1, 0));
    expect(report.progression.ongoing.byDimension.wellbeing?.worse).toEqual(c(1, 0));
    expect(report.progression.assessed).toEqual(c(3, 3));
  });

  it('counts follow-ups of the year’s exits, also those made the next year', () => {
    expect(report.followUp['6']).toEqual({
      due: c(3, 3),
      followedUp: c(3, 2),
      status: expect.objectContaining({
        work: c(1, 1),
        studies: c(0, 1),
        job_seeking: c(1, 0),
        health: c(1, 0),
        unknown: zero,
      }),
    });
    expect(report.followUp['3'].followedUp).toEqual(zero);
    // The exits were in 2025: the 2026 report has nobody to follow up.
    expect(log.report(2026).followUp['6'].followedUp).toEqual(zero);
  });
});

describe('edge cases of the v1.1 figures', () => {
  it('nobody with the aim: no denominator, insufficient data, a table of zeros', () => {
    const log = new EventLog();
    const i = log.intervention({ name: 'SamCoach' }).goals(2026, [
      {
        id: 'samordnat',
        label: 'Samordnat stöd',
        kind: 'assignmentGoalShare',
        aims: ['coordinated_support'],
        target: 0.85,
      },
      {
        id: 'egen',
        label: 'Egen försörjning bland dem med det uppdraget',
        kind: 'outcomeShare',
        outcomes: ['work'],
        among: { aims: ['coordinated_support'] },
        target: 0.7,
      },
    ]);
    for (let n = 0; n < 6; n += 1) {
      i.enrol({ on: '2026-02-01', gender: 'woman', aim: 'self_sufficiency' }).exit(
        '2026-05-01',
        'work',
        'salary',
        true,
        true,
      );
    }
    const report = log.report(2026);
    expect(figuresOf(report.interventions[0]?.goals ?? [])).toEqual({
      samordnat: { numerator: 0, denominator: 0, value: null, status: 'insufficient_data' },
      egen: { numerator: 0, denominator: 0, value: null, status: 'insufficient_data' },
    });
    expect(report.assignments.coordinated_support).toEqual({ exited: zero, reached: zero });
    expect(report.assignments.self_sufficiency).toEqual({ exited: c(6, 0), reached: c(6, 0) });
  });

  it('leaves excluded outcomes out of the denominator', () => {
    const log = new EventLog();
    const i = log.intervention({ name: 'SamCoach' }).goals(2026, [
      {
        id: 'egen',
        label: 'Egen försörjning, flyttade oräknade',
        kind: 'outcomeShare',
        outcomes: ['work'],
        among: { excludeOutcomes: ['moved'] },
        target: 0.7,
      },
    ]);
    const outcomes = ['work', 'work', 'work', 'work', 'dropped_out', 'moved', 'moved'] as const;
    for (const outcome of outcomes) {
      i.enrol({ on: '2026-02-01', gender: 'man' }).exit('2026-05-01', outcome);
    }
    expect(figuresOf(log.report(2026).interventions[0]?.goals ?? [])).toEqual({
      egen: { numerator: 4, denominator: 5, value: 0.8, status: 'met' },
    });
  });

  it('a correction moves a participant between age groups and genders; the log keeps both', () => {
    const log = new EventLog();
    const i = log.intervention({ name: 'Resurslotsen' });
    const p = i.enrol({ on: '2026-03-01', gender: 'woman', birthYear: 2000 });
    const before = log.report(2026);
    expect(before.ageGroups['25-29']).toEqual(c(1, 0));
    p.correct({ birthYear: 2004 });
    p.correct({ gender: 'man' });
    const after = log.report(2026);
    expect(after.ageGroups['25-29']).toEqual(zero);
    expect(after.ageGroups['20-24']).toEqual(c(0, 1));
    expect(after.participants.total).toEqual(c(0, 1));
    const enrolled = log.events.find((e) => e.type === 'ParticipantEnrolled');
    expect(enrolled?.data).toMatchObject({ birthYear: 2000, gender: 'woman' });
  });

  it('a follow-up recorded in the next year counts for the year of the exit, and only once its mark has come is it due', () => {
    const log = new EventLog();
    const i = log.intervention({ name: 'Resurslotsen' }).goals(2026, [
      {
        id: 'efter',
        label: 'Arbete tre månader efter avslut',
        kind: 'followUpShare',
        monthsAfterExit: 3,
        outcomes: ['work'],
        target: 0.5,
      },
    ]);
    const late = i.enrol({ on: '2026-02-01', gender: 'woman' });
    late.exit('2026-11-15', 'job_seeking');
    const early = i.enrol({ on: '2026-02-01', gender: 'man' });
    early.exit('2026-03-31', 'work');
    early.followUp(3, '2026-06-30', 'work', 'salary');
    const retracted = early.followUp(6, '2026-10-01', 'work', 'salary');
    early.retract(retracted);

    const inDecember = log.report(2026, { today: '2026-12-31' });
    expect(inDecember.followUp['3']).toMatchObject({ due: c(0, 1), followedUp: c(0, 1) });
    expect(inDecember.followUp['6'].followedUp).toEqual(zero);

    late.followUp(3, '2027-02-20', 'work', 'salary');
    const inMarch = log.report(2026, { today: '2027-03-01' });
    expect(inMarch.followUp['3']).toMatchObject({
      due: c(1, 1),
      followedUp: c(1, 1),
      status: expect.objectContaining({ work: c(1, 1) }),
    });
    expect(inMarch.interventions[0]?.goals[0]).toMatchObject({ numerator: 2, denominator: 2 });
    expect(log.report(2027).followUp['3'].followedUp).toEqual(zero);
  });

  it('lists the follow-ups a participant is due for: marks that have come and are not recorded', () => {
    const log = new EventLog();
    const p = log.intervention({ name: 'Resurslotsen' }).enrol({ on: '2026-02-01', gender: 'man' });
    const summary = () => log.state().of(log.associationId).participants[0]!;
    expect(followUpsDue(summary(), '2026-12-31')).toEqual([]);
    p.exit('2026-03-31', 'work');
    expect(followUpsDue(summary(), '2026-06-29')).toEqual([]);
    expect(followUpsDue(summary(), '2026-06-30')).toEqual([3]);
    expect(followUpsDue(summary(), '2026-10-01')).toEqual([3, 6]);
    p.followUp(3, '2026-07-01', 'work', 'salary');
    expect(followUpsDue(summary(), '2027-03-31')).toEqual([6, 12]);
  });

  it('a dimension nobody answered: listed with zeros, and eachDimension cannot be judged', () => {
    const log = new EventLog();
    const goals: Goal[] = [
      {
        id: 'any',
        label: 'Någon förbättring',
        kind: 'positiveProgressShare',
        source: 'selfAssessment',
        target: 0.33,
      },
      {
        id: 'each',
        label: 'Varje område',
        kind: 'positiveProgressShare',
        source: 'selfAssessment',
        rule: 'eachDimension',
        target: 0.33,
      },
    ];
    const i = log.intervention({ name: 'Resurslotsen' }).goals(2026, goals);
    const { future_hope: _, ...fourAreas } = all(5);
    for (let n = 0; n < 5; n += 1) {
      const p = i.enrol({ on: '2026-02-01', gender: 'woman' });
      p.assess('start', '2026-02-01', fourAreas);
      p.assess('exit', '2026-05-01', { ...fourAreas, wellbeing: 6 });
      p.exit('2026-05-01', 'work');
    }
    const report = log.report(2026);
    expect(report.progression.byDimension.future_hope).toEqual({
      assessed: zero,
      improved: zero,
      unchanged: zero,
      worse: zero,
    });
    const [any, each] = report.interventions[0]?.goals ?? [];
    expect(any).toMatchObject({ numerator: 5, denominator: 5, status: 'met' });
    expect(each).toMatchObject({ value: null, denominator: 0, status: 'insufficient_data' });
    expect(each?.dimensions?.find((d) => d.item === 'future_hope')).toEqual({
      item: 'future_hope',
      assessed: 0,
      improved: 0,
      unchanged: 0,
      worse: 0,
      value: null,
      status: 'insufficient_data',
    });
  });

  it('judges an association’s eachDimension goal once per dimension over insatser sharing an instrument', () => {
    const log = new EventLog();
    log.associationGoals(2026, [
      {
        id: 'each',
        label: 'Varje område',
        kind: 'positiveProgressShare',
        source: 'selfAssessment',
        rule: 'eachDimension',
        target: 0.5,
      },
    ]);
    for (const name of ['Resurslotsen', 'Vidare Vy']) {
      const p = log.intervention({ name }).enrol({ on: '2026-02-01', gender: 'woman' });
      p.assess('start', '2026-02-01', all(5));
      p.assess('exit', '2026-05-01', all(6));
      p.exit('2026-05-01', 'work');
    }
    const [each] = log.report(2026).goals;
    expect(each?.dimensions?.map((d) => [d.item, d.assessed, d.improved])).toEqual(
      Object.keys(all(5)).map((item) => [item, 2, 2]),
    );
  });

  it('anyImprovedNoneWorse and sumImproved part ways when one area rises a little and another falls a lot', () => {
    const log = new EventLog();
    const rule = (id: string, r: 'anyImprovedNoneWorse' | 'sumImproved'): Goal => ({
      id,
      label: id,
      kind: 'positiveProgressShare',
      source: 'selfAssessment',
      rule: r,
      target: 0.5,
    });
    const i = log
      .intervention({ name: 'Resurslotsen' })
      .goals(2026, [rule('inget-samre', 'anyImprovedNoneWorse'), rule('summa', 'sumImproved')]);
    // Three rise 2 in one area and fall 1 in another (sum up, one worse); two rise in one.
    for (let n = 0; n < 5; n += 1) {
      const p = i.enrol({ on: '2026-02-01', gender: 'man' });
      p.assess('start', '2026-02-01', all(5));
      const exit =
        n < 3 ? { ...all(5), wellbeing: 7, future_hope: 4 } : { ...all(5), wellbeing: 6 };
      p.assess('exit', '2026-05-01', exit);
      p.exit('2026-05-01', 'work');
    }
    expect(figuresOf(log.report(2026).interventions[0]?.goals ?? [])).toEqual({
      'inget-samre': { numerator: 2, denominator: 5, value: 0.4, status: 'not_met' },
      summa: { numerator: 5, denominator: 5, value: 1, status: 'met' },
    });
  });

  it('asks an instrument taken into use later, and keeps progression on the compared one', () => {
    const log = new EventLog();
    const i = log
      .intervention({ name: 'Navet' })
      .instrumentsAdded([NAVET_INDICATORS])
      .goals(2026, [
        {
          id: 'stod',
          label: 'Får det stöd de behöver',
          kind: 'itemShare',
          instrument: NAVET_INDICATORS.key,
          item: 'support_needed',
          atLeast: 4,
          phase: 'followup',
          target: 0.9,
        },
      ]);
    for (let n = 0; n < 5; n += 1) {
      const p = i.enrol({ on: '2026-02-01', gender: 'woman' });
      p.assess('start', '2026-02-01', all(5));
      p.assess('followup', '2026-03-01', { support_needed: n < 4 ? 5 : 2 }, NAVET_INDICATORS.key);
    }
    const report = log.report(2026);
    expect(report.interventions[0]?.goals[0]).toMatchObject({ numerator: 4, denominator: 5 });
    expect(Object.keys(report.progression.byDimension)).toEqual(Object.keys(all(5)));
    const state = log.state().of(log.associationId);
    expect(state.interventions[0]?.instruments?.map((x) => x.key)).toEqual([
      'stegvis-5',
      NAVET_INDICATORS.key,
    ]);
  });

  it('sets the same key figures and goal values a year earlier beside the year’s own', () => {
    const log = new EventLog();
    const i = log.intervention({ name: 'Resurslotsen', startsOn: '2024-01-01' }).goals(2026, [
      {
        id: 'arbete',
        label: 'Arbete',
        kind: 'outcomeShare',
        outcomes: ['work'],
        target: 0.5,
      },
    ]);
    for (const outcome of ['work', 'work', 'health'] as const) {
      i.enrol({ on: '2025-02-01', gender: 'woman', referredOn: '2025-01-22' }).exit(
        '2025-06-01',
        outcome,
      );
    }
    i.enrol({ on: '2026-02-01', gender: 'man', referredOn: '2026-01-01' }).exit(
      '2026-06-01',
      'work',
    );
    const report = log.report(2026);
    expect(report.previous).toMatchObject({
      period: { from: '2025-01-01', to: '2025-12-31' },
      participants: { enrolled: c(3, 0), exited: c(3, 0) },
      waitingDays: { mean: 10, median: 10, counted: 3 },
    });
    expect(report.participants.exited).toEqual(c(0, 1));
    const resurslotsen = report.interventions[0];
    expect(resurslotsen?.goals[0]).toMatchObject({ numerator: 1, denominator: 1 });
    expect(resurslotsen?.previous).toMatchObject({
      participants: { exited: c(3, 0) },
      goals: [{ id: 'arbete', numerator: 2, denominator: 3, value: 0.6667 }],
    });
    // A period ending on a leap day is compared with the last day of February.
    const leap = log.report(2024, { period: { from: '2024-01-01', to: '2024-02-29' } });
    expect(leap.previous.period).toEqual({ from: '2023-01-01', to: '2023-02-28' });
  });
});
