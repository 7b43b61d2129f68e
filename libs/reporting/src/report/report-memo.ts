import type { AssociationSummary } from '../projections/associations.projection';
import type { InterventionSummary } from '../projections/interventions.projection';
import type { ParticipantSummary } from '../projections/participants.projection';
import { emptyFactsStore, ReportFacts } from './report-facts';
import { activeDuring, exitedIn } from './period';
import type { ExitedTables } from './exited-tables';
import type { CurrentTables, TablesInput } from './report-tables';
import type { Period } from './report.schema';

/** Beyond this many kept tables, the oldest go first (a client walking through periods). */
const MAX_TABLES = 128;

/** Everything a level's tables are computed from, by identity. */
type Inputs = {
  /** The association or intervention whose goals (and kind) the tables judge. */
  readonly owner: AssociationSummary | InterventionSummary | undefined;
  readonly interventions: readonly InterventionSummary[];
  /** The participants the period concerns, in the order they were given. */
  readonly participants: readonly ParticipantSummary[];
  readonly today: string;
};

/**
 * Tables (and participants' facts) kept between the reports of one association's state, so a
 * report after a change computes only the tables the change reaches. An enrolment today leaves
 * the year before as it was, the other interventions too, and the tables of those exited.
 *
 * A level's tables are a pure function of the period, the day, the owner's goals, the
 * interventions and the participants the period concerns; they are reused while all of those
 * are the same documents as last time. Read-model documents are never changed in place (a
 * projection makes a new document for every change), so the same object means the same content.
 * Without a memo passed in, computeReport makes one per report: the facts are then still shared
 * by all its tables.
 */
export class ReportMemo {
  private readonly tables = new Map<string, Kept<Inputs, CurrentTables>>();
  /** The tables of those exited (see ExitedTables), kept apart: fewer changes reach them. */
  private readonly exited = new Map<string, Kept<Inputs, ExitedTables>>();
  private readonly known = emptyFactsStore();

  /** The facts of a report on `interventions`, sharing what earlier reports worked out. */
  facts(interventions: readonly InterventionSummary[]): ReportFacts {
    return new ReportFacts(interventions, this.known);
  }

  /**
   * The tables of `of.level` (the association, or an intervention's id) for `of.period`: kept
   * ones when their inputs are unchanged, else `compute` on the participants the period concerns
   * (given a `keepExited` that keeps the tables of those exited likewise).
   */
  tablesOf(
    of: { level: string; year: number; period: Period; begun: boolean },
    inputs: Inputs,
    compute: (
      participants: readonly ParticipantSummary[],
      keepExited: NonNullable<TablesInput['keepExited']>,
    ) => CurrentTables,
  ): CurrentTables {
    // Who neither participated in the period nor exited in it has no part in any table.
    const { level, year, period, begun } = of;
    const participants = inputs.participants.filter(
      (p) => activeDuring(p, period) || exitedIn(p, period),
    );
    const keepExited: NonNullable<TablesInput['keepExited']> = (exited, computeExited) =>
      keep(
        this.exited,
        JSON.stringify([level, period.from, period.to]),
        // The owner's goals and kind are not in these tables.
        { ...inputs, owner: undefined, participants: exited },
        computeExited,
      );
    return keep(
      this.tables,
      JSON.stringify([level, year, period.from, period.to, begun]),
      { ...inputs, participants },
      () => compute(participants, keepExited),
    );
  }
}

type Kept<I, T> = { readonly inputs: I; readonly value: T };

/** The value kept under `key` if it was computed from the same inputs, else `compute`'s. */
function keep<T>(
  map: Map<string, Kept<Inputs, T>>,
  key: string,
  inputs: Inputs,
  compute: () => T,
): T {
  const kept = map.get(key);
  if (kept !== undefined && sameInputs(kept.inputs, inputs)) return kept.value;
  const value = compute();
  map.delete(key);
  map.set(key, { inputs, value });
  for (const oldest of map.keys()) {
    if (map.size <= MAX_TABLES) break;
    map.delete(oldest);
  }
  return value;
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
