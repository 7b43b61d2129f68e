import { ParticipantEvent } from '@stegvis/domain';
import type { HistoryEntry, Instrument, Intervention, ParticipantHistory } from './participant-api';
import { date } from '../../format';
import {
  assignmentAimLabel,
  followUpStatusLabel,
  genderLabel,
  incomeSourceLabel,
  outcomeLabel,
  phaseLabel,
  referringPartyLabel,
  retractionReasonLabel,
} from '../../labels';
import { SATISFACTION_CHOICES } from './choices';
import { correctionChanges } from './enrolment';

/*
 * A participant's journey read from the history: what each entry says in Swedish, which facts
 * still stand (retracted ones do not), and what usually is a mistake to record next. Pure.
 */

export type Fact = ParticipantEvent & { readonly id: string; readonly retracted: boolean };

/** The history's entries as domain events (an entry of a newer kind is left out). */
export function factsOf(history: ParticipantHistory): Fact[] {
  return history.events.flatMap((entry) => {
    const parsed = ParticipantEvent.safeParse({ type: entry.type, data: entry.data });
    return parsed.success ? [{ ...parsed.data, id: entry.id, retracted: entry.retracted }] : [];
  });
}

const standing = (facts: readonly Fact[]) => facts.filter((f) => !f.retracted);

export type Assessment = Extract<Fact, { type: 'SelfAssessmentRecorded' }>;

export const assessments = (facts: readonly Fact[]): Assessment[] =>
  standing(facts).filter((f): f is Assessment => f.type === 'SelfAssessmentRecorded');

export const satisfactionAnswers = (facts: readonly Fact[]) =>
  standing(facts).filter(
    (f): f is Extract<Fact, { type: 'SatisfactionRecorded' }> => f.type === 'SatisfactionRecorded',
  );

export const standingExit = (facts: readonly Fact[]) =>
  standing(facts).find(
    (f): f is Extract<Fact, { type: 'ParticipantExited' }> => f.type === 'ParticipantExited',
  );

/** Entries that are corrected by a new entry of their own kind, never taken back. */
const NOT_RETRACTABLE = new Set(['ParticipantEnrolled', 'EnrolmentCorrected', 'EntryRetracted']);

/**
 * What may be taken back: every standing entry but the enrolment, its corrections and
 * retractions; and not the exit while a follow-up after it stands (the server refuses that:
 * take the follow-ups back first).
 */
export const retractable = (facts: readonly Fact[]) => {
  const followedUp = standing(facts).some((f) => f.type === 'FollowUpRecorded');
  return standing(facts).filter(
    (f) => !NOT_RETRACTABLE.has(f.type) && !(followedUp && f.type === 'ParticipantExited'),
  );
};

const satisfactionText = (score: number) =>
  SATISFACTION_CHOICES.find((c) => c.value === String(score))?.label ?? String(score);

const levelText = (intervention: Intervention, level: number) =>
  intervention.ladder.levels.find((l) => l.level === level)?.label;

export const instrumentOf = (intervention: Intervention, key: string): Instrument | undefined =>
  intervention.instruments.find((i) => i.key === key);

/** "Självkänsla 5, Mående 7" in the instrument's order. */
function scoresText(intervention: Intervention, fact: Assessment): string {
  const instrument = instrumentOf(intervention, fact.data.instrument);
  const keys = instrument?.items.map((i) => i.key) ?? Object.keys(fact.data.scores);
  return keys
    .filter((key) => fact.data.scores[key] !== undefined)
    .map((key) => {
      const label = instrument?.items.find((i) => i.key === key)?.label ?? key;
      return `${label} ${String(fact.data.scores[key])}`;
    })
    .join(', ');
}

export type Described = { readonly what: string; readonly detail?: string };

/** What describing an entry needs of the others: the entries by id, what corrections changed. */
type Context = {
  readonly byId: ReadonlyMap<string, Fact>;
  readonly corrections: ReadonlyMap<string, string>;
};

const contextOf = (facts: readonly Fact[]): Context => ({
  byId: new Map(facts.map((f) => [f.id, f])),
  corrections: correctionChanges(facts),
});

const goalReachedText = (reached: boolean | undefined) =>
  reached === undefined ? '' : reached ? ' Uppdragets mål nåddes.' : ' Uppdragets mål nåddes inte.';

/** What an entry says, as staff would say it. */
export function describe(fact: Fact, intervention: Intervention, context: Context): Described {
  switch (fact.type) {
    case 'ParticipantEnrolled': {
      const d = fact.data;
      const referred = d.referredOn ? ` Aktualiserad ${date(d.referredOn)}.` : '';
      const assignment = d.assignment ? ` Uppdrag: ${assignmentAimLabel(d.assignment.aim)}.` : '';
      return {
        what: 'Inskriven',
        detail: `${genderLabel(d.gender)}, född ${d.birthYear}. Aktualiserande part: ${referringPartyLabel(d.referringParty)}. Försörjning: ${incomeSourceLabel(d.incomeSourceAtStart)}.${referred}${assignment}`,
      };
    }
    case 'SelfAssessmentRecorded':
      return {
        what: `Självskattning, ${phaseLabel(fact.data.phase).toLowerCase()}`,
        detail: scoresText(intervention, fact),
      };
    case 'ProgressionStepRecorded': {
      const label = levelText(intervention, fact.data.level);
      return {
        what: `Steg på stegen: nivå ${fact.data.level}`,
        ...(label ? { detail: label } : {}),
      };
    }
    case 'SatisfactionRecorded':
      return { what: `Nöjdhet: ${satisfactionText(fact.data.score)}` };
    case 'ParticipantExited':
      return {
        what: `Avslut: ${outcomeLabel(fact.data.outcome)}`,
        detail: `Försörjning vid avslut: ${incomeSourceLabel(fact.data.incomeSourceAtExit)}. ${fact.data.planHandedOver ? 'Planen lämnades över.' : 'Planen lämnades inte över.'}${goalReachedText(fact.data.assignmentGoalReached)}`,
      };
    case 'FollowUpRecorded':
      return {
        what: `Uppföljning ${fact.data.monthsAfterExit} månader efter avslut: ${followUpStatusLabel(fact.data.status)}`,
        detail: `Försörjning: ${incomeSourceLabel(fact.data.incomeSource)}.`,
      };
    case 'EnrolmentCorrected': {
      const changed = context.corrections.get(fact.id);
      return { what: 'Rättade inskrivningen', ...(changed ? { detail: `${changed}.` } : {}) };
    }
    case 'EntryRetracted': {
      const target = context.byId.get(fact.data.retractedEventId);
      const what = target ? describe(target, intervention, context).what : 'en uppgift';
      return {
        what: 'Tog tillbaka en uppgift',
        detail: `${what} (${retractionReasonLabel(fact.data.reason)})`,
      };
    }
  }
}

export type TimelineEntry = Described & {
  readonly id: string;
  readonly occurredOn: string;
  readonly retracted: boolean;
  /** Why it was taken back, when it was. */
  readonly retractedBecause?: string;
};

/** The journey by date (entries of one date in the order they were recorded). */
export function timeline(history: ParticipantHistory, intervention: Intervention): TimelineEntry[] {
  const facts = factsOf(history);
  const context = contextOf(facts);
  const reasons = new Map(
    facts.flatMap((f) =>
      f.type === 'EntryRetracted' ? [[f.data.retractedEventId, f.data.reason] as const] : [],
    ),
  );
  return facts
    .map((fact, index) => ({ fact, index }))
    .sort(
      (a, b) => a.fact.data.occurredOn.localeCompare(b.fact.data.occurredOn) || a.index - b.index,
    )
    .map(({ fact }) => {
      const reason = reasons.get(fact.id);
      return {
        id: fact.id,
        occurredOn: fact.data.occurredOn,
        retracted: fact.retracted,
        ...describe(fact, intervention, context),
        ...(reason === undefined ? {} : { retractedBecause: retractionReasonLabel(reason) }),
      };
    });
}

/** The entries a retraction may name, described for a list of choices. */
export function retractableChoices(history: ParticipantHistory, intervention: Intervention) {
  const facts = factsOf(history);
  const context = contextOf(facts);
  return retractable(facts).map((fact) => {
    const { what, detail } = describe(fact, intervention, context);
    return {
      value: fact.id,
      label: `${fact.data.occurredOn} ${what}${detail ? ` – ${detail}` : ''}`,
    };
  });
}

/** Entries in `now` that were not in `before`: what someone else recorded meanwhile. */
export function changedSince(
  before: ParticipantHistory,
  now: ParticipantHistory,
  intervention: Intervention,
): string[] {
  const known = new Map(before.events.map((e: HistoryEntry) => [e.id, e]));
  const entries = timeline(now, intervention);
  return entries.flatMap((entry) => {
    const was = known.get(entry.id);
    if (was === undefined) return [`${entry.occurredOn} ${entry.what}`];
    if (!was.retracted && entry.retracted)
      return [`${entry.occurredOn} ${entry.what} togs tillbaka`];
    return [];
  });
}

/** The spider chart's two assessments: the start and the latest after it, of one instrument. */
export function startAndLatest(
  facts: readonly Fact[],
): { start: Assessment; latest: Assessment | undefined } | undefined {
  const all = assessments(facts);
  const start = all.find((a) => a.data.phase === 'start');
  if (!start) return undefined;
  const later = all.filter(
    (a) => a !== start && a.data.instrument === start.data.instrument && a.data.phase !== 'start',
  );
  const latest = later.reduce<Assessment | undefined>(
    (last, a) => (last === undefined || a.data.assessedOn >= last.data.assessedOn ? a : last),
    undefined,
  );
  return { start, latest };
}

// What usually is a mistake, said before it is recorded (the user may still go ahead).

export function assessmentWarning(
  facts: readonly Fact[],
  instrument: Instrument,
  phase: string,
  scores: Readonly<Record<string, number | undefined>>,
): string | undefined {
  const warnings: string[] = [];
  const start = assessments(facts).find(
    (a) => a.data.phase === 'start' && a.data.instrument === instrument.key,
  );
  if (phase === 'start' && start) {
    warnings.push(
      `Deltagaren har redan en startskattning (${start.data.assessedOn}). En andra startskattning är oftast ett misstag: välj Uppföljning eller Avslut, eller ta tillbaka den första.`,
    );
  }
  const missing = instrument.items.filter((item) => scores[item.key] === undefined);
  if (missing.length > 0) {
    warnings.push(
      `${missing.length} av ${instrument.items.length} frågor saknar svar (${missing.map((i) => i.label).join(', ')}). En skattning med frågor som saknas räknas inte i måluppföljningen av de frågorna.`,
    );
  }
  return warnings.length > 0 ? warnings.join(' ') : undefined;
}

export function satisfactionWarning(facts: readonly Fact[]): string | undefined {
  const earlier = satisfactionAnswers(facts)[0];
  if (!earlier) return undefined;
  return `Deltagaren har redan svarat på nöjdhetsfrågan (${earlier.data.answeredOn}: ${satisfactionText(earlier.data.score)}). Ett andra svar är oftast en dubblett.`;
}
