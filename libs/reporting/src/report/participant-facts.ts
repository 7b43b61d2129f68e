import {
  addMonths,
  FOLLOW_UP_MONTHS,
  type AssessmentPhase,
  type FollowUpMonths,
  type IsoDate,
  type ProgressionRule,
} from '@stegvis/domain';
import { followUpsOf, type ParticipantSummary } from '../projections/participants.projection';

/*
 * What one participant contributes to a report. Several entries may share a date; the one
 * recorded later wins, which is why sorts here are stable and ties keep record order.
 */

type Assessment = ParticipantSummary['assessments'][number];

/** The latest satisfaction answer (1–5), if any. */
export function latestSatisfaction(p: ParticipantSummary): number | undefined {
  let latest: ParticipantSummary['satisfaction'][number] | undefined;
  for (const answer of p.satisfaction) {
    if (latest === undefined || answer.answeredOn >= latest.answeredOn) latest = answer;
  }
  return latest?.score;
}

function firstOf(assessments: readonly Assessment[]): Assessment | undefined {
  let first: Assessment | undefined;
  for (const a of assessments)
    if (first === undefined || a.assessedOn < first.assessedOn) first = a;
  return first;
}

function lastOf(assessments: readonly Assessment[]): Assessment | undefined {
  let last: Assessment | undefined;
  for (const a of assessments) if (last === undefined || a.assessedOn >= last.assessedOn) last = a;
  return last;
}

export type SelfAssessmentChange = {
  /** Items answered both at start and at the end compared (exit, or the latest follow-up). */
  readonly compared: readonly string[];
  /** Items scored higher at the end than at start. */
  readonly improved: readonly string[];
  /** Items scored lower at the end than at start. */
  readonly worse: readonly string[];
  /** The sum over the compared items rose. */
  readonly sumImproved: boolean;
};

const NOT_COMPARED: SelfAssessmentChange = {
  compared: [],
  improved: [],
  worse: [],
  sumImproved: false,
};

/**
 * First start assessment against the last exit assessment on `instrument` (or, with
 * `until: 'followup'`, the last follow-up assessment dated up to `through`: an ongoing
 * participant's progression so far), item by item, limited to `items` when given.
 */
export function selfAssessmentChange(
  p: ParticipantSummary,
  instrument: string | undefined,
  items?: readonly string[],
  { until, through }: { until: 'exit' | 'followup'; through?: IsoDate } = { until: 'exit' },
): SelfAssessmentChange {
  if (instrument === undefined) return NOT_COMPARED;
  const onInstrument = p.assessments.filter((a) => a.instrument === instrument);
  const start = firstOf(onInstrument.filter((a) => a.phase === 'start'));
  const end = lastOf(
    onInstrument.filter(
      (a) => a.phase === until && (through === undefined || a.assessedOn <= through),
    ),
  );
  if (start === undefined || end === undefined) return NOT_COMPARED;
  const compared = Object.keys(start.scores).filter(
    (item) => end.scores[item] !== undefined && (items === undefined || items.includes(item)),
  );
  const before = (item: string) => start.scores[item] ?? 0;
  const after = (item: string) => end.scores[item] ?? 0;
  const sum = (score: (item: string) => number) => compared.reduce((t, i) => t + score(i), 0);
  return {
    compared,
    improved: compared.filter((item) => after(item) > before(item)),
    worse: compared.filter((item) => after(item) < before(item)),
    sumImproved: sum(after) > sum(before),
  };
}

/** Whether a participant's change counts as positive under a rule judged per participant. */
export function positiveUnder(
  rule: Exclude<ProgressionRule, 'eachDimension'>,
  change: SelfAssessmentChange,
): boolean {
  switch (rule) {
    case 'anyImproved':
      return change.improved.length > 0;
    case 'anyImprovedNoneWorse':
      return change.improved.length > 0 && change.worse.length === 0;
    case 'sumImproved':
      return change.sumImproved;
  }
}

export type LadderChange = { readonly assessed: boolean; readonly positive: boolean };

/** First and last step on the ladder: comparable from two steps on. */
export function ladderChange(p: ParticipantSummary): LadderChange {
  if (p.steps.length < 2) return { assessed: false, positive: false };
  let first = p.steps[0]!;
  let last = p.steps[0]!;
  for (const step of p.steps) {
    if (step.stepOn < first.stepOn) first = step;
    if (step.stepOn >= last.stepOn) last = step;
  }
  return { assessed: true, positive: last.level > first.level };
}

/** The latest score of `item` in `phase` on `instrument`, answered within [from, to]. */
export function latestItemScore(
  p: ParticipantSummary,
  query: { instrument: string; item: string; phase: AssessmentPhase; from: IsoDate; to: IsoDate },
): number | undefined {
  const answered = p.assessments.filter(
    (a) =>
      a.instrument === query.instrument &&
      a.phase === query.phase &&
      a.assessedOn >= query.from &&
      a.assessedOn <= query.to &&
      a.scores[query.item] !== undefined,
  );
  return lastOf(answered)?.scores[query.item];
}

export function ageAt(p: ParticipantSummary, date: IsoDate): number {
  return Number(date.slice(0, 4)) - p.birthYear;
}

/**
 * The follow-ups an exited participant is due for on `today`: the marks (3, 6, 12 months after
 * exit) that have come and have no follow-up yet. What the staff list shows as to be done.
 */
export function followUpsDue(p: ParticipantSummary, today: IsoDate): FollowUpMonths[] {
  if (p.exit === null) return [];
  const { exitedOn } = p.exit;
  const done = new Set(followUpsOf(p).map((f) => f.monthsAfterExit));
  return FOLLOW_UP_MONTHS.filter((m) => !done.has(m) && addMonths(exitedOn, m) <= today);
}
