import type { AssociationSummary } from '../projections/associations.projection';
import type { InterventionSummary } from '../projections/interventions.projection';
import type { ParticipantSummary } from '../projections/participants.projection';
import { emptyFactsStore, ReportFacts } from './report-facts';
import { activeDuring, exitedIn } from './period';
import type { CurrentTables } from './report-tables';
import type { Period } from './report.schema';

/** Beyond this many kept tables, the oldest go first (a client walking through periods). */
const MAX_TABLES = 128;

/** Everything a level's tables are computed from, by identity. */
type Inputs = {
  /** The association or intervention whose goals (and kind) the tables judge. */
  readonly owner: AssociationSummary | InterventionSummary;
  readonly interventions: readonly InterventionSummary[];
  /** The participants the period concerns, in the order they were given. */
  readonly participants: readonly ParticipantSummary[];
  readonly today: string;
};

/**
 * Tables (and participants' facts) kept between the reports of one association's state, so a
 * report after a change computes only the tables the change reaches. An enrolment today leaves
 * the year before as it was, and the other interventions too.
 *
 * A level's tables are a pure function of the period, the day, the owner's goals, the
 * interventions and the participants the period concerns; they are reused while all of those
 * are the same documents as last time. Read-model documents are never changed in place (a
 * projection makes a new document for every change), so the same object means the same content.
 * Without a memo passed in, computeReport makes one per report: the facts are then still shared
 * by all its tables.
 */
export class ReportMemo {
  private readonly tables = new Map<string, { inputs: Inputs; tables: CurrentTables }>();
  private readonly known = emptyFactsStore();

  /** The facts of a report on `interventions`, sharing what earlier reports worked out. */
  facts(interventions: readonly InterventionSummary[]): ReportFacts {
    return new ReportFacts(interventions, this.known);
  }

  /**
   * The tables of `of.level` (the association, or an intervention's id) for `of.period`: kept
   * ones when their inputs are unchanged, else `compute` on the participants the period concerns.
   */
  tablesOf(
    of: { level: string; year: number; period: Period; begun: boolean },
    inputs: Inputs,
    compute: (participants: readonly ParticipantSummary[]) => CurrentTables,
  ): CurrentTables {
    // Who neither participated in the period nor exited in it has no part in any table.
    const { level, year, period, begun } = of;
    const participants = inputs.participants.filter(
      (p) => activeDuring(p, period) || exitedIn(p, period),
    );
    const concerned = { ...inputs, participants };
    const key = JSON.stringify([level, year, period.from, period.to, begun]);
    const kept = this.tables.get(key);
    if (kept !== undefined && sameInputs(kept.inputs, concerned)) return kept.tables;
    const tables = compute(participants);
    this.tables.delete(key);
    this.tables.set(key, { inputs: concerned, tables });
    for (const oldest of this.tables.keys()) {
      if (this.tables.size <= MAX_TABLES) break;
      this.tables.delete(oldest);
    }
    return tables;
  }
}

function sameInputs(a: Inputs, b: Inputs): boolean {
  return (
    a.owner === b.owner &&
    a.today === b.today &&
    sameElements(a.interventions, b.interventions) &&
    sameElements(a.participants, b.participants)
  );
}

function sameElements<T>(a: readonly T[], b: readonly T[]): boolean {
  if (a.length !== b.length) return false;
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) return false;
  return true;
}
