import type { AssociationSummary } from '../projections/associations.projection';
import type { InterventionSummary } from '../projections/interventions.projection';
import type { ParticipantSummary } from '../projections/participants.projection';
import { swedishDate, type IsoDate } from '@stegvis/domain';
import { countedThrough, yearEarlier, yearPeriod } from './period';
import type { ReportFacts } from './report-facts';
import { ReportMemo } from './report-memo';
import { reportInstruments } from './report-instruments';
import { reportTables, type CurrentTables, type TablesInput } from './report-tables';
import type {
  InterventionReport,
  Period,
  PreviousYear,
  Report,
  ReportTables,
} from './report.schema';

export type ReportInput = {
  readonly association: AssociationSummary;
  /** The association's interventions. */
  readonly interventions: readonly InterventionSummary[];
  /** The association's participants (erased ones are already gone from the read models). */
  readonly participants: readonly ParticipantSummary[];
  /** The goal year: whose goals are evaluated. */
  readonly year: number;
  /** Defaults to the calendar year. */
  readonly period?: Period;
  /** A report for this intervention only. */
  readonly interventionId?: string;
  readonly checkpoint: bigint | undefined;
  readonly asOf?: string;
  /**
   * The Swedish date the report is made on, which decides how much of the period can be known
   * (see `countedThrough`). Defaults to the day of `asOf`, else to today.
   */
  readonly today?: IsoDate;
  /** Tables kept from earlier reports of the same association (see ReportMemo). */
  readonly memo?: ReportMemo;
};

const byName = new Intl.Collator('sv-SE');

/** Ran during the period, or has facts dated in it. */
function relevant(
  i: InterventionSummary,
  report: InterventionReport,
  { from, to }: Period,
): boolean {
  const ends = i.closedOn ?? i.endsOn;
  const overlaps = i.startsOn <= to && (ends === null || ends >= from);
  return overlaps || report.participants.total.total > 0 || report.attendance.total > 0;
}

/** The period as far as it can be counted, whether it has begun, and the day it is counted on. */
type Counted = {
  readonly period: Period;
  readonly begun: boolean;
  readonly today: IsoDate;
  readonly facts: ReportFacts;
  readonly year: number;
  readonly memo: ReportMemo;
};

/** The key figures of `tables`: what `previous` keeps of the year before. */
function keyFigures(period: Period, tables: CurrentTables): PreviousYear {
  const { participants, daysInIntervention, waitingDays, satisfaction, progression } = tables;
  const { byGender: _, ...days } = daysInIntervention;
  return {
    period,
    participants,
    daysInIntervention: days,
    waitingDays,
    satisfaction,
    progression: { assessed: progression.assessed, positive: progression.positive },
    goals: tables.goals.map(({ id, value, numerator, denominator, status }) => ({
      id,
      value,
      numerator,
      denominator,
      status,
    })),
  };
}

/**
 * The tables of the counted period, and beside them the same key figures for the same days a
 * year earlier, with this year's goals judged on that year (so the two can be compared).
 */
function tablesWithPrevious(
  owner: { level: string; doc: AssociationSummary | InterventionSummary },
  input: Omit<TablesInput, keyof Counted>,
  counted: Counted,
): ReportTables {
  const { memo, year, begun, today, facts } = counted;
  const { interventions, participants } = input;
  const inputs = { owner: owner.doc, interventions, participants, today };
  const tablesOf = (period: Period) =>
    memo.tablesOf({ level: owner.level, year, period, begun }, inputs, (participants, keepExited) =>
      reportTables({ ...input, participants, period, begun, today, facts, keepExited }),
    );
  const tables = tablesOf(counted.period);
  const period = { from: yearEarlier(counted.period.from), to: yearEarlier(counted.period.to) };
  return { ...tables, previous: keyFigures(period, tablesOf(period)) };
}

function interventionReport(
  intervention: InterventionSummary,
  /** The intervention's own participants. */
  participants: readonly ParticipantSummary[],
  year: number,
  counted: Counted,
): InterventionReport {
  const tables = tablesWithPrevious(
    { level: intervention.interventionId, doc: intervention },
    {
      participants,
      interventions: [intervention],
      goals: intervention.goals[String(year)] ?? [],
      kind: intervention.kind,
    },
    counted,
  );
  const { interventionId, name, kind, startsOn, endsOn, closedOn } = intervention;
  return { interventionId, name, kind, startsOn, endsOn, closedOn, ...tables };
}

/**
 * The yearly report (DESIGN §4) of an association, or of one of its interventions: a pure
 * function of the read models. The caller has checked that `interventionId`, when given,
 * belongs to the association.
 */
export function computeReport(input: ReportInput): Report {
  const { association, year, interventionId, checkpoint, asOf } = input;
  const period = input.period ?? yearPeriod(year);
  const today = input.today ?? swedishDate(asOf === undefined ? new Date() : new Date(asOf));
  const through = countedThrough(period, today);
  const memo = input.memo ?? new ReportMemo();
  const facts = memo.facts(input.interventions);
  const participants = facts.rowsOf(input.participants);
  // A running period is counted through today, one not begun not at all (see countedThrough).
  const counted: Counted = {
    period: { from: period.from, to: through ?? period.to },
    begun: through !== null,
    today,
    facts,
    year,
    memo,
  };
  const byIntervention = new Map<string, ParticipantSummary[]>();
  for (const p of participants) {
    const of = byIntervention.get(p.interventionId);
    if (of === undefined) byIntervention.set(p.interventionId, [p]);
    else of.push(p);
  }
  const participantsOf = (i: InterventionSummary) => byIntervention.get(i.interventionId) ?? [];
  const header = {
    associationId: association.associationId,
    associationName: association.name,
    year,
    period: { from: period.from, to: period.to },
    countedThrough: through,
    checkpoint: checkpoint === undefined ? null : checkpoint.toString(),
    ...(asOf === undefined ? {} : { asOf }),
  };

  if (interventionId !== undefined) {
    const intervention = input.interventions.find((i) => i.interventionId === interventionId);
    if (intervention === undefined) throw new Error(`Unknown intervention ${interventionId}`);
    const {
      name,
      kind,
      startsOn: _s,
      endsOn: _e,
      closedOn: _c,
      interventionId: _i,
      ...tables
    } = interventionReport(intervention, participantsOf(intervention), year, counted);
    return {
      ...header,
      interventionId,
      interventionName: name,
      interventionKind: kind,
      ...tables,
      interventions: [],
      instruments: reportInstruments([intervention]),
    };
  }

  const interventions = input.interventions
    .map((i) => ({
      summary: i,
      report: interventionReport(i, participantsOf(i), year, counted),
    }))
    .filter(({ summary, report }) => relevant(summary, report, period))
    .map(({ report }) => report)
    .sort(
      (a, b) => byName.compare(a.name, b.name) || a.interventionId.localeCompare(b.interventionId),
    );

  const tables = tablesWithPrevious(
    { level: 'association', doc: association },
    {
      participants,
      interventions: input.interventions,
      goals: association.goals[String(year)] ?? [],
    },
    counted,
  );
  return {
    ...header,
    ...tables,
    interventions,
    instruments: reportInstruments(input.interventions),
  };
}
