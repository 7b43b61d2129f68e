// The web app's types are the browser's; its pure specs run under Jest.
/// <reference types="jest" />
import { ageGroups, assignmentAims, type ParticipantEvent } from '@stegvis/domain';
import { takeVocabulary, type Vocabulary } from '../../labels';
import { ageGroupAt, correctionChanges, currentEnrolment, followUps } from './enrolment';
import type { Fact } from './journey';

// The lists these texts need, as GET /v1/vocabulary serves them.
const served = (list: { keys: readonly string[]; labels: Readonly<Record<string, string>> }) =>
  list.keys.map((code) => ({ code, label: list.labels[code] ?? code }));
beforeAll(() =>
  takeVocabulary({
    ageGroups: served(ageGroups),
    assignmentAims: served(assignmentAims),
    followUpMarks: [],
  } as Partial<Vocabulary> as Vocabulary),
);

const PID = 'D-4HX9QK2WMP';
let ids = 0;
const fact = (event: ParticipantEvent, retracted = false): Fact => ({
  ...event,
  id: `e${++ids}`,
  retracted,
});

const enrolled = fact({
  type: 'ParticipantEnrolled',
  data: {
    participantId: PID,
    interventionId: 'I-4HX9QK2WMP',
    associationId: 'F-4HX9QK2WMP',
    enrolledOn: '2026-05-15',
    occurredOn: '2026-05-15',
    gender: 'woman',
    birthYear: 2001,
    referringParty: 'FK',
    incomeSourceAtStart: 'sickness_benefit',
    educationLevel: 'upper_secondary',
    supportDurationBefore: '2_5y',
  },
});
const corrected = (
  fields: Extract<ParticipantEvent, { type: 'EnrolmentCorrected' }>['data']['fields'],
) =>
  fact({
    type: 'EnrolmentCorrected',
    data: { participantId: PID, fields, occurredOn: '2026-12-01' },
  });
const followedUp = (months: 3 | 6 | 12, retracted = false) =>
  fact(
    {
      type: 'FollowUpRecorded',
      data: {
        participantId: PID,
        monthsAfterExit: months,
        followedUpOn: '2026-12-01',
        occurredOn: '2026-12-01',
        status: 'work',
        incomeSource: 'salary',
      },
    },
    retracted,
  );

describe('the enrolment as it stands', () => {
  it('takes the latest value of each corrected field, and says each change from → to', () => {
    const first = corrected({ birthYear: 2002 });
    const second = corrected({ birthYear: 2003, assignment: { aim: 'work_ability' } });
    const facts = [enrolled, first, second];
    expect(currentEnrolment(facts)).toMatchObject({
      birthYear: 2003,
      gender: 'woman',
      assignment: { aim: 'work_ability' },
    });
    const changes = correctionChanges(facts);
    expect(changes.get(first.id)).toBe('Födelseår: 2001 → 2002');
    expect(changes.get(second.id)).toBe(
      'Födelseår: 2002 → 2003; Uppdrag: inget → Förbättrad arbets- eller funktionsförmåga',
    );
  });

  it('puts the participant in the age group of the corrected birth year', () => {
    expect(ageGroupAt(currentEnrolment([enrolled])!)).toBe('25–29 år');
    expect(ageGroupAt(currentEnrolment([enrolled, corrected({ birthYear: 2002 })])!)).toBe(
      '20–24 år',
    );
    expect(ageGroupAt({ ...currentEnrolment([enrolled])!, birthYear: 1950 })).toBe(
      '65 år och äldre',
    );
  });
});

describe('the follow-ups after exit', () => {
  it('offers the marks that have come and are not recorded, and says when the next comes', () => {
    expect(followUps([enrolled], '2026-08-03', '2026-12-01')).toEqual({
      due: [3],
      next: { months: 6, on: '2027-02-03' },
    });
    expect(followUps([enrolled, followedUp(3)], '2026-08-03', '2026-12-01')).toEqual({
      due: [],
      next: { months: 6, on: '2027-02-03' },
    });
    // A follow-up taken back is due again.
    expect(followUps([enrolled, followedUp(3, true)], '2026-08-03', '2026-12-01').due).toEqual([3]);
    expect(
      followUps(
        [enrolled, followedUp(3), followedUp(6), followedUp(12)],
        '2025-01-10',
        '2026-12-01',
      ),
    ).toEqual({ due: [] });
  });
});
