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

/** What is known of one participant document. */
export type Known = {
  readonly doc: ParticipantSummary;
  /** The instrument the facts were worked out on. */
  readonly instrument: string | undefined;
  /** The participant in the one shape all rows share (see `rowOf`). */
  readonly row: ParticipantSummary;
  readonly facts: ParticipantFacts;
  /** Ongoing changes by the last day counted. */
  readonly ongoing: Map<IsoDate, SelfAssessmentChange>;
};

/**
 * What is known of an association's participants, by id and by row (see `rowsOf`), kept between
 * reports by a ReportMemo. By id rather than by document: documents are frozen, and V8 finds a
 * frozen object in a map slowly; rows are not.
 */
export type FactsStore = {
  readonly byId: Map<string, Known>;
  readonly byRow: Map<ParticipantSummary, Known>;
};

export function emptyFactsStore(): FactsStore {
  return { byId: new Map(), byRow: new Map() };
}

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
   * what earlier reports knew.
   */
  constructor(
    interventions: readonly InterventionSummary[],
    private readonly known: FactsStore = emptyFactsStore(),
  ) {
    this.instruments = new Map(interventions.map((i) => [i.interventionId, i.instrument.key]));
  }

  /** The self-assessment instrument of the participant's intervention. */
  instrumentOf(p: ParticipantSummary): string | undefined {
    return this.instruments.get(p.interventionId);
  }

  /** The facts of a participant, given as its row (or its document). */
  of(p: ParticipantSummary): ParticipantFacts {
    return (this.known.byRow.get(p) ?? this.knownOf(p)).facts;
  }

  /**
   * The association's participants as rows: every field in the same order, present or not,
   * which is what the tables go through. Documents come in many shapes (optional fields,
   * projections spreading changes), and every property read of a table pass is then a slow
   * lookup among them; on rows of one shape the passes take half the time. A document that
   * stays the same keeps its row. Participants no longer among them (erased) are forgotten.
   */
  rowsOf(docs: readonly ParticipantSummary[]): ParticipantSummary[] {
    const rows = docs.map((doc) => this.knownOf(doc).row);
    const { byId, byRow } = this.known;
    if (byId.size > docs.length) {
      const current = new Set(docs.map((doc) => doc.participantId));
      for (const [id, gone] of byId) {
        if (current.has(id)) continue;
        byId.delete(id);
        byRow.delete(gone.row);
      }
    }
    return rows;
  }

  /**
   * An ongoing participant's progression so far: the first start assessment against the last
   * follow-up assessment dated up to `through` (the period's last counted day).
   */
  ongoingChange(p: ParticipantSummary, through: IsoDate): SelfAssessmentChange {
    const { ongoing } = this.known.byRow.get(p) ?? this.knownOf(p);
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

  private knownOf(doc: ParticipantSummary): Known {
    const instrument = this.instrumentOf(doc);
    const { byId, byRow } = this.known;
    const kept = byId.get(doc.participantId);
    if (kept !== undefined && kept.doc === doc && kept.instrument === instrument) return kept;
    if (kept !== undefined) byRow.delete(kept.row);
    const row = rowOf(doc);
    const known = { doc, instrument, row, facts: this.work(doc), ongoing: new Map() };
    byId.set(doc.participantId, known);
    byRow.set(row, known);
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

/** Every field of a participant summary, in one order: the shape of every row. */
const ROW: { readonly [K in keyof Required<ParticipantSummary>]: undefined } = {
  participantId: undefined,
  interventionId: undefined,
  associationId: undefined,
  gender: undefined,
  birthYear: undefined,
  referringParty: undefined,
  incomeSourceAtStart: undefined,
  educationLevel: undefined,
  supportDurationBefore: undefined,
  enrolledOn: undefined,
  referredOn: undefined,
  assignment: undefined,
  exit: undefined,
  assessments: undefined,
  steps: undefined,
  satisfaction: undefined,
  followUps: undefined,
  position: undefined,
};
const EXIT: { readonly [K in keyof Required<NonNullable<ParticipantSummary['exit']>>]: undefined } =
  {
    eventId: undefined,
    exitedOn: undefined,
    outcome: undefined,
    incomeSourceAtExit: undefined,
    planHandedOver: undefined,
    assignmentGoalReached: undefined,
  };

/** A copy with the fields in ROW's order (an absent one is undefined, as it reads). */
function rowOf(p: ParticipantSummary): ParticipantSummary {
  const exit = p.exit === null ? null : { ...EXIT, ...p.exit };
  return { ...ROW, ...p, exit };
}
