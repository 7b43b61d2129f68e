import {
  RESURSLOTSEN_2025,
  resurslotsen2025,
  SAMCOACH_2024,
  samCoach2024,
} from '../../libs/domain/src/testing/outcome-years';
import { startApi, type Api } from '../support/api-harness';
import { registerPlannedInsats, type RegisteredInsats } from '../support/register-outcome-year';
import { bearer } from '../support/world';

/*
 * Issue 13, done when: a SamCoach year with uppdrag and a Resurslotsen year with progression
 * rules, registered through the HTTP API on the real SQLite store and projected as the worker
 * does, give the figures worked out by hand in the plans (libs/domain/src/testing).
 */

type GoalResult = {
  id: string;
  kind: string;
  target: number;
  value: number | null;
  numerator: number;
  denominator: number;
  status: string;
};

let api: Api;
let samCoach: RegisteredInsats;
let resurslotsen: RegisteredInsats;

beforeAll(async () => {
  api = await startApi();
  samCoach = await registerPlannedInsats(api, samCoach2024(), 0);
  resurslotsen = await registerPlannedInsats(api, resurslotsen2025(), 1);
}, 60_000);
afterAll(() => api.close());

async function reportOf(insats: RegisteredInsats, year: number, token = insats.board) {
  const res = await api.http
    .get(
      `/v1/associations/${insats.associationId}/reports/${year}` +
        `?interventionId=${insats.interventionId}&minPosition=${insats.position}`,
    )
    .set(bearer(token))
    .expect(200);
  expect(BigInt(res.body.checkpoint as string)).toBeGreaterThanOrEqual(BigInt(insats.position));
  return res.body as Record<string, unknown> & { goals: GoalResult[] };
}

const goal = (goals: GoalResult[], id: string) => {
  const found = goals.find((g) => g.id === id);
  if (found === undefined) throw new Error(`no goal ${id} in ${JSON.stringify(goals)}`);
  return found;
};

/** The report's value to four decimals, as the plans write them. */
const rounded = (value: number | null) => (value === null ? null : Math.round(value * 1e4) / 1e4);

describe('SamCoach 2024: uppdrag', () => {
  it('"uppdragets mål" is 13 of 15 (87 %), against 85 %', async () => {
    const report = await reportOf(samCoach, 2024);
    const reached = goal(report.goals, 'uppdragets-mal');
    expect(reached).toMatchObject({
      kind: 'assignmentGoalShare',
      numerator: 13,
      denominator: 15,
      target: 0.85,
      status: 'met',
    });
    expect(Math.round((reached.value ?? 0) * 100)).toBe(87);
  });

  it('self-sufficiency among those with that aim is a share of that subset (6 of 8)', async () => {
    const report = await reportOf(samCoach, 2024);
    for (const id of ['egen-forsorjning', 'arbete-studier-alla'] as const) {
      const expected = SAMCOACH_2024.goals[id];
      const result = goal(report.goals, id);
      expect({ ...result, value: rounded(result.value) }).toMatchObject(expected);
    }
    // The same outcomes, counted among every ended case, give another share: the subset matters.
    expect(goal(report.goals, 'egen-forsorjning').denominator).toBeLessThan(
      goal(report.goals, 'arbete-studier-alla').denominator,
    );
  });

  it('reports the uppdrag per aim and the waiting time from referral', async () => {
    const report = await reportOf(samCoach, 2024, samCoach.chief);
    expect(report['participants']).toMatchObject({ exited: { total: SAMCOACH_2024.exited } });
    const assignments = report['assignments'] as Record<
      string,
      { exited: unknown; reached: unknown }
    >;
    for (const [aim, counts] of Object.entries(SAMCOACH_2024.assignments)) {
      expect({
        exited: totalOf(assignments[aim]?.exited),
        reached: totalOf(assignments[aim]?.reached),
      }).toEqual(counts);
    }
    expect(waitingOf(report)).toEqual(SAMCOACH_2024.waitingDays);
  });
});

describe('Resurslotsen 2025: progression rules', () => {
  it('eachDimension and anyImproved give different statuses for the same answers', async () => {
    const report = await reportOf(resurslotsen, 2025);
    const any = goal(report.goals, 'stegforflyttning');
    const each = goal(report.goals, 'stegforflyttning-varje-omrade');
    expect(any).toMatchObject(RESURSLOTSEN_2025.goals.stegforflyttning);
    expect(each).toMatchObject(RESURSLOTSEN_2025.goals['stegforflyttning-varje-omrade']);
    expect(any.status).toBe('met');
    expect(each.status).toBe('not_met');
  });

  it('every rule, satisfaction and the follow-up share come out as worked out by hand', async () => {
    const report = await reportOf(resurslotsen, 2025);
    for (const [id, expected] of Object.entries(RESURSLOTSEN_2025.goals)) {
      const result = goal(report.goals, id);
      expect({ ...result, value: rounded(result.value) }).toMatchObject({ id, ...expected });
    }
  });

  it('reports each dimension of the ended, and the waiting time from referral', async () => {
    const report = await reportOf(resurslotsen, 2025, resurslotsen.chief);
    const progression = report['progression'] as {
      byDimension: Record<string, Record<'improved' | 'unchanged' | 'worse', unknown>>;
    };
    for (const [dimension, [improved, unchanged, worse]] of Object.entries(
      RESURSLOTSEN_2025.byDimension,
    )) {
      const counts = progression.byDimension[dimension];
      expect([counts?.improved, counts?.unchanged, counts?.worse].map(totalOf)).toEqual([
        improved,
        unchanged,
        worse,
      ]);
    }
    expect(waitingOf(report)).toEqual(RESURSLOTSEN_2025.waitingDays);
  });
});

/** The waiting days to one decimal, as the plans write them. */
function waitingOf(report: Record<string, unknown>) {
  const { mean, median, counted } = report['waitingDays'] as {
    mean: number | null;
    median: number | null;
    counted: unknown;
  };
  const oneDecimal = (n: number | null) => (n === null ? null : Math.round(n * 10) / 10);
  return { mean: oneDecimal(mean), median: oneDecimal(median), counted: totalOf(counted) };
}

/** A count object's total, or a bare number as it is. */
function totalOf(count: unknown): unknown {
  return typeof count === 'object' && count !== null && 'total' in count ? count.total : count;
}
