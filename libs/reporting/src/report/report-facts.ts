import { addMonths, FOLLOW_UP_MONTHS, type IsoDate } from '@stegvis/domain';
import type { InterventionSummary } from '../projections/interventions.projection';
import {
  followUpsOf,
  type FollowUp,
  type ParticipantSummary,
} from '../projections/participants.projection';
import {
  ladderChange,
  latestSatisfaction,
  selfAssessmentChange,
  type LadderChange,
  type SelfAssessmentChange,
} from './participant-facts';
import { daysBetween } from './period';

/** What the tables need of one participant, whatever the period: see ReportFacts. */
export type ParticipantFacts = {
  /** The latest satisfaction answer (1–5), if any. */
  readonly satisfaction: number | undefined;
  /** First start against last exit assessment on the intervention's instrument. */
  readonly change: SelfAssessmentChange;
  readonly ladder: LadderChange;
  /** Whole days from enrolment to exit; null while participating. */
  readonly daysInIntervention: number | null;
  /** Whole days from the aktualisering to enrolment; null without one. */
  readonly waitingDays: number | null;
  /** Per mark of FOLLOW_UP_MONTHS, in its order: the day it comes (null while participating). */
  readonly followUpDueOn: readonly (IsoDate | null)[];
  /** Per mark of FOLLOW_UP_MONTHS, in its order: the follow-up recorded for it. */
  readonly followUps: readonly (FollowUp | undefined)[];
};

type Known = {
  /** The instrument the facts were worked out on. */
  readonly instrument: string | undefined;
  readonly facts: ParticipantFacts;
  /** Ongoing changes by the last day counted. */
  readonly ongoing: Map<IsoDate, SelfAssessmentChange>;
};

/** Facts by participant document; a changed participant is a new document (see ReportMemo). */
export type FactsStore = WeakMap<ParticipantSummary, Known>;

/** Ongoing changes kept per participant: the days counted of a few periods, not every day. */
const ONGOING_KEPT = 8;

/**
 * The facts of a report's participants, each worked out once and shared by every table that
 * needs it: the association's, each intervention's, and those of the year before (`previous`).
 * Computed per table instead, the same dates and assessments were gone through four times or
 * more per participant.
 */
export class ReportFacts {
  private readonly instruments: ReadonlyMap<string, string>;

  /**
   * `interventions`: the association's, whose instruments progression compares on; `known`:
   * facts worked out before, kept by a ReportMemo between reports.
   */
  constructor(
    interventions: readonly InterventionSummary[],
    private readonly known: FactsStore = new WeakMap(),
  ) {
    this.instruments = new Map(interventions.map((i) => [i.interventionId, i.instrument.key]));
  }

  /** The self-assessment instrument of the participant's intervention. */
  instrumentOf(p: ParticipantSummary): string | undefined {
    return this.instruments.get(p.interventionId);
  }

  of(p: ParticipantSummary): ParticipantFacts {
    return this.knownOf(p).facts;
  }

  /**
   * An ongoing participant's progression so far: the first start assessment against the last
   * follow-up assessment dated up to `through` (the period's last counted day).
   */
  ongoingChange(p: ParticipantSummary, through: IsoDate): SelfAssessmentChange {
    const { ongoing } = this.knownOf(p);
    let change = ongoing.get(through);
    if (change === undefined) {
      change = selfAssessmentChange(p, this.instrumentOf(p), undefined, {
        until: 'followup',
        through,
      });
      if (ongoing.size >= ONGOING_KEPT) ongoing.clear();
      ongoing.set(through, change);
    }
    return change;
  }

  private knownOf(p: ParticipantSummary): Known {
    const instrument = this.instrumentOf(p);
    let known = this.known.get(p);
    if (known === undefined || known.instrument !== instrument) {
      known = { instrument, facts: this.work(p), ongoing: new Map() };
      this.known.set(p, known);
    }
    return known;
  }

  private work(p: ParticipantSummary): ParticipantFacts {
    const exitedOn = p.exit?.exitedOn;
    const recorded = followUpsOf(p);
    return {
      satisfaction: latestSatisfaction(p),
      change: selfAssessmentChange(p, this.instrumentOf(p)),
      ladder: ladderChange(p),
      daysInIntervention: exitedOn === undefined ? null : daysBetween(p.enrolledOn, exitedOn),
      waitingDays: p.referredOn === undefined ? null : daysBetween(p.referredOn, p.enrolledOn),
      followUpDueOn: FOLLOW_UP_MONTHS.map((m) =>
        exitedOn === undefined ? null : addMonths(exitedOn, m),
      ),
      followUps: FOLLOW_UP_MONTHS.map((m) => recorded.find((f) => f.monthsAfterExit === m)),
    };
  }
}
