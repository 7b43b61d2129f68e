import { year2026 } from './testing/year-2026';
import { c, zero } from './testing/counts';
import { EventLog } from './testing/event-log';
import type { Counts, GoalResult, Report } from './report.schema';

function intervention(report: Report, name: string) {
  const found = report.interventions.find((i) => i.name === name);
  if (found === undefined) throw new Error(`no ${name}`);
  return found;
}

/** A goal's figures, without the definition and per-dimension shares it also carries. */
function figures(goals: readonly GoalResult[]) {
  return goals.map(({ definition: _d, dimensions: _x, ...rest }) => rest);
}

function goal(goals: readonly GoalResult[], id: string) {
  return goals.find((g) => g.id === id);
}

describe('the yearly report of a hand-computed year', () => {
  const { log } = year2026();
  const report = log.report(2026);
  const a = intervention(report, 'Resurslotsen');
  const b = intervention(report, 'Navet');

  it('covers the calendar year and names the association and its checkpoint', () => {
    expect(report.period).toEqual({ from: '2026-01-01', to: '2026-12-31' });
    expect(report.associationName).toBe('Samordningsförbundet Test');
    expect(report.checkpoint).toBe(String(log.events.length));
    expect(report.interventions.map((i) => i.name)).toEqual([
      'Navet',
      'Psykeveckan',
      'Resurslotsen',
    ]);
  });

  it('counts participants by the dates of the facts: previous-year enrolment, next-year exit, erased nowhere', () => {
    expect(a.participants).toEqual({
      activeAtStart: c(1, 0), // a1
      enrolled: c(4, 2, 1), // a2–a7 and a11; a9 starts 2027, a10 erased
      exited: c(4, 2), // a1, a2, a3, a4, a7, a11; a5 exits 2027
      activeAtEnd: c(1, 0, 1), // a5, a6
      total: c(5, 2, 1),
    });
    expect(b.participants).toEqual({
      activeAtStart: c(1, 0),
      enrolled: c(2, 2, 1),
      exited: c(1, 1),
      activeAtEnd: c(2, 1, 1),
      total: c(3, 2, 1),
    });
    expect(report.participants.total).toEqual(c(8, 4, 2));
  });

  it('groups ages at enrolment and counts referring parties, income, education and support time', () => {
    expect(a.ageGroups).toMatchObject({
      '16-19': c(0, 0, 1),
      '25-29': c(0, 1),
      '30-39': c(3, 0),
      '40-49': c(1, 0),
      '50-59': c(0, 1),
      '65+': c(1, 0),
      '20-24': zero,
      '60-64': zero,
      'under-16': zero,
    });
    expect(a.referringParty).toEqual({
      FK: c(3, 0),
      AF: c(0, 1),
      MUNICIPALITY: c(0, 1),
      REGION: c(0, 0, 1),
      SELF: c(1, 0),
      OTHER: c(1, 0),
    });
    expect(a.incomeSourceAtStart).toMatchObject({
      sickness_benefit: c(3, 0),
      unemployment_support: c(0, 1),
      social_assistance: c(0, 1),
      activity_compensation: c(1, 0),
      none: c(0, 0, 1),
      salary: c(1, 0),
      student_aid: zero,
    });
    expect(a.educationLevel).toEqual({
      compulsory: c(0, 1),
      upper_secondary: c(5, 0),
      post_secondary: c(0, 1),
      unknown: c(0, 0, 1),
    });
    expect(a.supportDurationBefore).toEqual({
      none: c(0, 0, 1),
      under_1y: c(0, 1),
      '1_2y': c(5, 0),
      '2_5y': zero,
      over_5y: c(0, 1),
      unknown: zero,
    });
  });

  it('counts exit tables over the participants exited in the period', () => {
    expect(a.incomeSourceAtExit).toMatchObject({
      salary: c(2, 0),
      student_aid: c(0, 1),
      social_assistance: c(1, 0),
      unknown: c(0, 1),
      sickness_benefit: c(1, 0),
      none: zero,
    });
    expect(a.outcomes).toEqual({
      work: c(2, 0),
      studies: c(0, 1),
      job_seeking: c(0, 1),
      other_support: c(1, 0),
      health: zero,
      moved: zero,
      dropped_out: c(1, 0),
      other: zero,
    });
    expect(a.daysInIntervention).toEqual({
      mean: 186.7, // (151 + 166 + 241 + 228 + 182 + 152) / 6
      median: 174, // (166 + 182) / 2
      byGender: {
        woman: { mean: 181.5, median: 167 },
        man: { mean: 197, median: 197 },
        other: { mean: null, median: null },
      },
    });
  });

  it('takes the latest satisfaction answer, ignoring a retracted one', () => {
    expect(a.satisfaction).toEqual({ answered: c(3, 2), satisfied: c(2, 2) });
  });

  it('compares start and exit on the intervention’s own instrument, item by item, and on the ladder', () => {
    expect(a.progression.assessed).toEqual(c(2, 2));
    expect(a.progression.positive).toEqual(c(1, 1));
    expect(a.progression.byItem['self_esteem']).toEqual({ assessed: c(2, 1), positive: c(1, 0) });
    expect(a.progression.byItem['employability']).toEqual({
      assessed: c(2, 2),
      positive: c(1, 1),
    });
    expect(a.progression.ladder).toEqual({ assessed: c(2, 0), positive: c(1, 0) });
    // Navet's own items, not stegvis-5's, in the instrument's order.
    expect(Object.keys(b.progression.byItem)).toEqual(['support', 'ready']);
    expect(Object.keys(a.progression.byItem)).toEqual([
      'self_esteem',
      'wellbeing',
      'social_ability',
      'employability',
      'future_hope',
    ]);
    expect(b.progression.byItem['ready']).toEqual({ assessed: c(1, 1), positive: c(1, 0) });
    expect(b.progression.positive).toEqual(c(1, 1));
  });

  it('gives the SUS tables: employment before and after, and income source before → after', () => {
    expect(a.employmentStatus.before).toEqual({
      work: c(1, 0),
      studies: zero,
      job_seeking: c(0, 1),
      other: c(3, 1),
    });
    expect(a.employmentStatus.after).toEqual({
      work: c(2, 0),
      studies: c(0, 1),
      job_seeking: c(0, 1),
      other: c(2, 0),
    });
    const change = a.incomeSourceChange;
    expect(change.sickness_benefit.salary).toEqual(c(1, 0));
    expect(change.sickness_benefit.social_assistance).toEqual(c(1, 0));
    expect(change.sickness_benefit.sickness_benefit).toEqual(c(1, 0));
    expect(change.unemployment_support.student_aid).toEqual(c(0, 1));
    expect(change.social_assistance.unknown).toEqual(c(0, 1));
    expect(change.salary.salary).toEqual(c(1, 0));
    const cells = Object.values(change).flatMap((row) => Object.values(row));
    expect(cells.reduce((sum, cell) => sum + cell.total, 0)).toBe(6);
  });

  it('states how complete the follow-up data is', () => {
    expect(a.completeness).toEqual({
      exited: 6,
      startAndExitAssessment: { count: 4, share: 0.6667 },
      satisfactionAnswer: { count: 5, share: 0.8333 },
      ladderSteps: { count: 2, share: 0.3333 },
      incomeSourceAtExitKnown: { count: 5, share: 0.8333 },
    });
  });

  it('sums head counts of the period for structural interventions', () => {
    expect(intervention(report, 'Psykeveckan').attendance).toEqual(c(30, 12, 1));
    expect(report.attendance).toEqual(c(30, 12, 1));
    expect(a.attendance).toEqual(zero);
  });

  it('evaluates every kind of intervention goal', () => {
    expect(figures(a.goals)).toEqual([
      {
        id: 'nojda',
        label: 'Nöjda deltagare',
        kind: 'satisfactionShare',
        target: 0.85,
        value: 0.8,
        numerator: 4,
        denominator: 5,
        status: 'not_met',
      },
      {
        id: 'arbete-studier',
        label: 'Arbete eller studier',
        kind: 'outcomeShare',
        target: 0.35,
        value: 0.5,
        numerator: 3,
        denominator: 6,
        status: 'met',
      },
      {
        id: 'stegforflyttning',
        label: 'Stegförflyttning',
        kind: 'positiveProgressShare',
        target: 0.33,
        value: 0.5,
        numerator: 2,
        denominator: 4,
        status: 'insufficient_data',
      },
      {
        id: 'trappa',
        label: 'Steg på trappan',
        kind: 'positiveProgressShare',
        target: 0.5,
        value: 0.5,
        numerator: 1,
        denominator: 2,
        status: 'insufficient_data',
      },
      {
        id: 'antal',
        label: 'Minst 10 deltagare',
        kind: 'participantCount',
        target: 10,
        value: 8,
        numerator: 8,
        denominator: null,
        status: 'not_met',
      },
      {
        id: 'jamstalldhet',
        label: 'Jämställd',
        kind: 'genderBalance',
        target: 0.2,
        value: 0.375,
        numerator: 3,
        denominator: 8,
        status: 'not_met',
      },
      {
        id: 'plan',
        label: 'Plan vid avslut',
        kind: 'planAtExitShare',
        target: 0.8,
        value: 0.6667,
        numerator: 4,
        denominator: 6,
        status: 'not_met',
      },
    ]);
    expect(figures(b.goals)).toEqual([
      // Latest follow-up answer within 2026; b5's only answer is retracted.
      {
        id: 'stod',
        label: 'Får det stöd jag behöver',
        kind: 'itemShare',
        target: 0.9,
        value: 1,
        numerator: 5,
        denominator: 5,
        status: 'met',
      },
      // Only the `ready` dimension: b2 improved on `support` but not on `ready`.
      {
        id: 'redo',
        label: 'Mer redo',
        kind: 'positiveProgressShare',
        target: 0.6,
        value: 0.5,
        numerator: 1,
        denominator: 2,
        status: 'insufficient_data',
      },
    ]);
  });

  it('carries each goal’s definition as the chief set it', () => {
    expect(report.goals.map((g) => g.definition)).toEqual([
      { id: 'antal', label: 'Minst 12 deltagare', kind: 'participantCount', min: 12 },
      {
        id: 'egen-forsorjning',
        label: 'Egen försörjning',
        kind: 'outcomeShare',
        outcomes: ['work', 'studies', 'job_seeking'],
        target: 0.35,
      },
    ]);
  });

  it('evaluates the association’s goals over all its interventions', () => {
    expect(figures(report.goals)).toEqual([
      {
        id: 'antal',
        label: 'Minst 12 deltagare',
        kind: 'participantCount',
        target: 12,
        value: 14,
        numerator: 14,
        denominator: null,
        status: 'met',
      },
      {
        id: 'egen-forsorjning',
        label: 'Egen försörjning',
        kind: 'outcomeShare',
        target: 0.35,
        value: 0.625,
        numerator: 5,
        denominator: 8,
        status: 'met',
      },
    ]);
  });

  it('adds up: the association is the sum of its interventions in every count table', () => {
    const sum = (pick: (r: Report['interventions'][number]) => Counts) =>
      report.interventions
        .map(pick)
        .reduce((acc, x) => c(acc.woman + x.woman, acc.man + x.man, acc.other + x.other), zero);
    expect(report.participants.exited).toEqual(sum((i) => i.participants.exited));
    expect(report.outcomes.work).toEqual(sum((i) => i.outcomes.work));
    expect(report.satisfaction.answered).toEqual(sum((i) => i.satisfaction.answered));
    expect(report.progression.assessed).toEqual(sum((i) => i.progression.assessed));
  });
});

describe('a report for one intervention or another period', () => {
  const { log, a } = year2026();

  it('?interventionId gives that intervention’s tables and goals', () => {
    const report = log.report(2026, { interventionId: a.interventionId });
    expect(report.interventionId).toBe(a.interventionId);
    expect(report.interventionName).toBe('Resurslotsen');
    expect(report.interventionKind).toBe('individual');
    expect(report.interventions).toEqual([]);
    expect(report.participants.total).toEqual(c(5, 2, 1));
    expect(report.goals.map((g) => g.id)).toContain('nojda');
  });

  it('a half year counts by the facts’ dates within it, with that year’s goals', () => {
    const report = log.report(2026, {
      interventionId: a.interventionId,
      period: { from: '2026-01-01', to: '2026-06-30' },
    });
    expect(report.participants).toEqual({
      activeAtStart: c(1, 0), // a1
      enrolled: c(3, 2, 1), // a2, a3, a4, a5, a6, a7
      exited: c(1, 1), // a1, a2
      activeAtEnd: c(3, 1, 1),
      total: c(4, 2, 1),
    });
    expect(goal(report.goals, 'arbete-studier')).toMatchObject({ numerator: 2, denominator: 2 });
  });

  it('a year without goals evaluates none, and the next year sees who is still active', () => {
    const report = log.report(2027, { interventionId: a.interventionId });
    expect(report.goals).toEqual([]);
    expect(report.participants.activeAtStart).toEqual(c(1, 0, 1)); // a5, a6
    expect(report.participants.enrolled).toEqual(c(1, 0)); // a9
    expect(report.participants.exited).toEqual(c(1, 0)); // a5
  });
});

describe('participantCount by kind of insats', () => {
  function structuralYear() {
    const log = new EventLog();
    log.associationGoals(2026, [
      { id: 'antal', label: 'Minst 2 deltagare', kind: 'participantCount', min: 2 },
    ]);
    const structural = log.intervention({ name: 'Psykeveckan', kind: 'structural' });
    structural.goals(2026, [
      { id: 'besok', label: 'Minst 40 närvarande', kind: 'participantCount', min: 40 },
      { id: 'manga', label: 'Minst 50 närvarande', kind: 'participantCount', min: 50 },
    ]);
    structural.attendance('2025-12-01', 5, 5, 0); // the year before: not counted
    structural.attendance('2026-03-10', 30, 12, 1);
    structural.attendance('2027-01-15', 9, 9, 9); // the year after: not counted
    const individual = log.intervention({ name: 'Resurslotsen' });
    individual.goals(2026, [
      { id: 'antal', label: 'Minst 2 deltagare', kind: 'participantCount', min: 2 },
    ]);
    individual.enrol({ on: '2026-02-01', gender: 'woman' });
    individual.enrol({ on: '2026-03-01', gender: 'man' });
    return { log, structural };
  }

  it('counts the head counts recorded in the period on a structural insats', () => {
    const { log, structural } = structuralYear();
    const report = log.report(2026);
    const psykeveckan = intervention(report, 'Psykeveckan');
    expect(psykeveckan.attendance.total).toBe(43);
    expect(figures(psykeveckan.goals)).toEqual([
      {
        id: 'besok',
        label: 'Minst 40 närvarande',
        kind: 'participantCount',
        target: 40,
        value: 43,
        numerator: 43,
        denominator: null,
        status: 'met',
      },
      expect.objectContaining({ id: 'manga', value: 43, status: 'not_met' }),
    ]);
    // The same in the insats's own report.
    const own = log.report(2026, { interventionId: structural.interventionId });
    expect(own.goals.map((g) => [g.id, g.value, g.status])).toEqual([
      ['besok', 43, 'met'],
      ['manga', 43, 'not_met'],
    ]);
  });

  it('counts participants on an individual insats and for the association, never head counts', () => {
    const report = structuralYear().log.report(2026);
    // Head counts are visits, not people: 2 participants, not 2 + 43.
    expect(report.goals).toEqual([expect.objectContaining({ id: 'antal', value: 2 })]);
    expect(intervention(report, 'Resurslotsen').goals).toEqual([
      expect.objectContaining({ id: 'antal', value: 2, status: 'met' }),
    ]);
  });
});

describe('what the report can know on the day it is made', () => {
  function running() {
    const log = new EventLog();
    const i = log.intervention({ name: 'Resurslotsen', startsOn: '2026-01-01' });
    const goals = [
      { id: 'antal', label: 'Minst 1 deltagare', kind: 'participantCount' as const, min: 1 },
      { id: 'nojda', label: 'Nöjda', kind: 'satisfactionShare' as const, target: 0.8 },
    ];
    i.goals(2026, goals).goals(2027, goals);
    i.enrol({ on: '2026-02-01', gender: 'woman' });
    i.enrol({ on: '2026-03-01', gender: 'man' }).exit('2026-05-01', 'work');
    return log;
  }

  it('counts a year that has not begun as nothing, and judges none of its goals', () => {
    const report = running().report(2027, { today: '2026-12-01' });
    expect(report.period).toEqual({ from: '2027-01-01', to: '2027-12-31' });
    expect(report.countedThrough).toBeNull();
    // The woman enrolled in 2026 is active today, but nobody knows yet whether she will be on
    // 1 January 2027: she is not counted as active at its start, at its end or in it.
    expect(report.participants).toEqual({
      activeAtStart: zero,
      enrolled: zero,
      exited: zero,
      activeAtEnd: zero,
      total: zero,
    });
    const [insats] = report.interventions;
    expect(insats?.participants.total).toEqual(zero);
    expect(insats?.goals.map((g) => [g.id, g.status])).toEqual([
      ['antal', 'insufficient_data'],
      ['nojda', 'insufficient_data'],
    ]);
  });

  it('counts the current year through today: active at its end means active today', () => {
    const report = running().report(2026, { today: '2026-12-01' });
    expect(report.period).toEqual({ from: '2026-01-01', to: '2026-12-31' });
    expect(report.countedThrough).toBe('2026-12-01');
    expect(report.participants.activeAtEnd).toEqual(c(1, 0));
    expect(report.participants.total).toEqual(c(1, 1));
    expect(goal(report.interventions[0]!.goals, 'antal')).toMatchObject({ status: 'met' });
  });

  it('counts a past year through its last day, and the next one once it has begun', () => {
    const log = running();
    expect(log.report(2026, { today: '2027-01-01' }).countedThrough).toBe('2026-12-31');
    const next = log.report(2027, { today: '2027-01-01' });
    expect(next.countedThrough).toBe('2027-01-01');
    expect(next.participants.activeAtStart).toEqual(c(1, 0));
  });

  it('takes the day of an as-of report as its today, in Swedish time', () => {
    const log = running();
    // 23:30 UTC on 31 December is already 1 January in Sweden.
    const report = log.report(2027, { asOf: '2026-12-31T23:30:00.000Z', today: undefined });
    expect(report.countedThrough).toBe('2027-01-01');
  });
});

describe('edge cases', () => {
  it('nobody in the period: every goal has insufficient data and nothing is divided by zero', () => {
    const log = new EventLog();
    log.intervention({ name: 'Tom' }).goals(2026, [
      { id: 'nojda', label: 'Nöjda', kind: 'satisfactionShare', target: 0.85 },
      { id: 'jam', label: 'Jämställd', kind: 'genderBalance', maxDeviation: 0.2 },
      { id: 'antal', label: 'Antal', kind: 'participantCount', min: 1 },
    ]);
    const [report] = log.report(2026).interventions;
    expect(report?.goals).toEqual([
      expect.objectContaining({
        id: 'nojda',
        value: null,
        numerator: 0,
        denominator: 0,
        status: 'insufficient_data',
      }),
      expect.objectContaining({
        id: 'jam',
        value: null,
        denominator: 0,
        status: 'insufficient_data',
      }),
      expect.objectContaining({ id: 'antal', value: 0, status: 'not_met' }),
    ]);
    expect(report?.daysInIntervention).toMatchObject({ mean: null, median: null });
    expect(report?.completeness.startAndExitAssessment).toEqual({ count: 0, share: null });
  });

  it('exited participants who never answered leave satisfaction with no denominator', () => {
    const log = new EventLog();
    const i = log.intervention({ name: 'Tyst' });
    i.goals(2026, [{ id: 'nojda', label: 'Nöjda', kind: 'satisfactionShare', target: 0.85 }]);
    for (let n = 0; n < 6; n += 1)
      i.enrol({ on: '2026-02-01', gender: 'woman' }).exit('2026-05-01', 'work');
    const [report] = log.report(2026).interventions;
    expect(report?.satisfaction.answered).toEqual(zero);
    expect(report?.goals[0]).toMatchObject({
      value: null,
      denominator: 0,
      status: 'insufficient_data',
    });
  });

  it('a share exactly at the target is met; one answer fewer below five is insufficient', () => {
    const log = new EventLog();
    const i = log.intervention({ name: 'Gräns' });
    i.goals(2026, [{ id: 'nojda', label: 'Nöjda', kind: 'satisfactionShare', target: 0.8 }]);
    const scores = [5, 4, 4, 4, 1];
    const people = scores.map((score) => {
      const p = i.enrol({ on: '2026-02-01', gender: 'man' });
      const answer = p.satisfaction(score, '2026-04-01');
      p.exit('2026-05-01', 'work');
      return { p, answer };
    });
    expect(log.report(2026).interventions[0]?.goals[0]).toMatchObject({
      value: 0.8,
      status: 'met',
    });
    people[0]!.p.retract(people[0]!.answer);
    expect(log.report(2026).interventions[0]?.goals[0]).toMatchObject({
      numerator: 3,
      denominator: 4,
      status: 'insufficient_data',
    });
  });

  it('lists progression items in the instrument’s order, whatever order they were answered in', () => {
    const log = new EventLog();
    const p = log.intervention({ name: 'Ordning' }).enrol({ on: '2026-02-01', gender: 'woman' });
    p.assess('start', '2026-02-01', { future_hope: 2, self_esteem: 2 });
    p.assess('exit', '2026-03-01', { self_esteem: 3, future_hope: 3 });
    p.exit('2026-03-01', 'work');
    expect(Object.keys(log.report(2026).progression.byItem)).toEqual([
      'self_esteem',
      'future_hope',
    ]);
  });

  it('a retracted exit makes the participant active again', () => {
    const log = new EventLog();
    const p = log.intervention({ name: 'Ångra' }).enrol({ on: '2026-02-01', gender: 'woman' });
    const exit = p.exit('2026-03-01', 'work');
    p.retract(exit);
    const report = log.report(2026);
    expect(report.participants.exited).toEqual(zero);
    expect(report.participants.activeAtEnd).toEqual(c(1, 0));
  });

  it('an erased participant vanishes from every table and goal', () => {
    const log = new EventLog();
    const i = log.intervention({ name: 'Radera' });
    i.goals(2026, [{ id: 'antal', label: 'Antal', kind: 'participantCount', min: 1 }]);
    const p = i.enrol({ on: '2026-02-01', gender: 'woman', referringParty: 'AF' });
    p.satisfaction(5, '2026-02-02');
    p.exit('2026-03-01', 'work');
    p.erase();
    const report = log.report(2026);
    expect(report.participants.total).toEqual(zero);
    expect(report.referringParty.AF).toEqual(zero);
    expect(report.interventions[0]?.goals[0]).toMatchObject({ value: 0, status: 'not_met' });
    expect(JSON.stringify(report)).not.toContain(p.participantId);
  });
});
