import {
  addMonths,
  ageGroups,
  FOLLOW_UP_MONTHS,
  yearOf,
  type CorrectableEnrolmentFields,
  type FollowUpMonths,
  type IsoDate,
} from '@stegvis/domain';
import { date } from '../../format';
import {
  ageGroupLabel,
  assignmentAimLabel,
  educationLabel,
  genderLabel,
  incomeSourceLabel,
  referringPartyLabel,
  supportDurationLabel,
} from '../../labels';
import type { Fact } from './journey';

/*
 * The enrolment as it stands after its corrections, what each correction changed, and the
 * follow-ups after exit that are due. Pure.
 */

type Enrolled = Extract<Fact, { type: 'ParticipantEnrolled' }>;
export type Enrolment = Enrolled['data'];
export type CorrectableField = keyof CorrectableEnrolmentFields;

const dateText = (value: unknown) => (typeof value === 'string' ? date(value) : 'inget');

/** Each correctable field: its label in the forms, and its value as a person reads it. */
export const ENROLMENT_FIELDS: readonly {
  readonly key: CorrectableField;
  readonly label: string;
  readonly text: (value: unknown) => string;
}[] = [
  { key: 'gender', label: 'Kön', text: (v) => genderLabel(String(v)) },
  { key: 'birthYear', label: 'Födelseår', text: (v) => String(v) },
  {
    key: 'referringParty',
    label: 'Aktualiserande part',
    text: (v) => referringPartyLabel(String(v)),
  },
  {
    key: 'incomeSourceAtStart',
    label: 'Försörjning vid inskrivning',
    text: (v) => incomeSourceLabel(String(v)),
  },
  { key: 'educationLevel', label: 'Utbildningsnivå', text: (v) => educationLabel(String(v)) },
  {
    key: 'supportDurationBefore',
    label: 'Tid med offentlig försörjning före insatsen',
    text: (v) => supportDurationLabel(String(v)),
  },
  { key: 'referredOn', label: 'Aktualiseringsdatum', text: dateText },
  {
    key: 'assignment',
    label: 'Uppdrag',
    text: (v) =>
      typeof v === 'object' && v !== null && 'aim' in v
        ? assignmentAimLabel(String(v.aim))
        : 'inget',
  },
];

const enrolmentOf = (facts: readonly Fact[]) =>
  facts.find((f): f is Enrolled => f.type === 'ParticipantEnrolled');

const corrections = (facts: readonly Fact[]) =>
  facts.filter(
    (f): f is Extract<Fact, { type: 'EnrolmentCorrected' }> =>
      f.type === 'EnrolmentCorrected' && !f.retracted,
  );

/** The enrolment with every correction applied in order: the latest value of a field counts. */
export function currentEnrolment(facts: readonly Fact[]): Enrolment | undefined {
  const enrolled = enrolmentOf(facts);
  if (!enrolled) return undefined;
  return corrections(facts).reduce<Enrolment>(
    (current, c) => ({ ...current, ...c.data.fields }),
    enrolled.data,
  );
}

/** What each correction changed, from → to: "Födelseår: 1985 → 1990", by the correction's id. */
export function correctionChanges(facts: readonly Fact[]): ReadonlyMap<string, string> {
  const enrolled = enrolmentOf(facts);
  const changes = new Map<string, string>();
  if (!enrolled) return changes;
  let current: Enrolment = enrolled.data;
  for (const c of corrections(facts)) {
    const said = ENROLMENT_FIELDS.filter((field) => field.key in c.data.fields).map(
      (field) =>
        `${field.label}: ${field.text(current[field.key])} → ${field.text(c.data.fields[field.key])}`,
    );
    changes.set(c.id, said.join('; '));
    current = { ...current, ...c.data.fields };
  }
  return changes;
}

const bounds = (key: string): readonly [number, number] => {
  if (key.startsWith('under-')) return [0, Number(key.slice('under-'.length)) - 1];
  if (key.endsWith('+')) return [Number(key.slice(0, -1)), Number.POSITIVE_INFINITY];
  const [from = 0, to = 0] = key.split('-').map(Number);
  return [from, to];
};

/** The age group at enrolment, as the reports count it ("25–29 år"). */
export function ageGroupAt(enrolment: Enrolment): string {
  const age = yearOf(enrolment.enrolledOn) - enrolment.birthYear;
  const key = ageGroups.keys.find((k) => {
    const [from, to] = bounds(k);
    return age >= from && age <= to;
  });
  return key === undefined ? `${age} år` : ageGroupLabel(key);
}

export type FollowUps = {
  /** The marks that have come and have no follow-up yet. */
  readonly due: readonly FollowUpMonths[];
  /** The first mark still to come, and the day it comes. */
  readonly next?: { readonly months: FollowUpMonths; readonly on: IsoDate };
};

/** The follow-ups after `exitedOn`, given the facts recorded and today's date. */
export function followUps(facts: readonly Fact[], exitedOn: IsoDate, today: IsoDate): FollowUps {
  const recorded = new Set(
    facts.flatMap((f) =>
      f.type === 'FollowUpRecorded' && !f.retracted ? [f.data.monthsAfterExit] : [],
    ),
  );
  const open = FOLLOW_UP_MONTHS.filter((months) => !recorded.has(months));
  const due = open.filter((months) => addMonths(exitedOn, months) <= today);
  const coming = open.find((months) => addMonths(exitedOn, months) > today);
  return {
    due,
    ...(coming === undefined ? {} : { next: { months: coming, on: addMonths(exitedOn, coming) } }),
  };
}
