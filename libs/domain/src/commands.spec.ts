import { z } from 'zod';
import {
  EnrolParticipantBody,
  OrgNumber,
  RecordAttendanceBody,
  RegisterAssociationBody,
  RegisterInterventionBody,
  RetractEntryBody,
  SetGoalsBody,
} from './commands';
import { swedishValidation } from './shared/messages';
import { enrolmentBody } from './testing/fixtures';

describe('request bodies', () => {
  const enrol = enrolmentBody;

  it('accepts a complete enrolment', () =>
    expect(EnrolParticipantBody.parse(enrol)).toEqual(enrol));

  it('rejects unknown fields, so no name or personnummer can ride along', () => {
    const result = EnrolParticipantBody.safeParse({ ...enrol, personnummer: '19880101-1234' });
    expect(result.success).toBe(false);
    expect(result.error?.issues[0]?.code).toBe('unrecognized_keys');
  });

  it('rejects wrong types, missing fields, bad enums and impossible dates', () => {
    for (const bad of [
      { ...enrol, birthYear: '1988' },
      { ...enrol, gender: 'female' },
      { ...enrol, enrolledOn: '2026-02-30' },
      { ...enrol, enrolledOn: '1 feb 2026' },
      (({ gender: _g, ...rest }) => rest)(enrol),
      null,
      [],
    ]) {
      expect(EnrolParticipantBody.safeParse(bad).success).toBe(false);
    }
  });

  it('validates organisationsnummer and refuses a personnummer', () => {
    expect(OrgNumber.parse('222000-1974')).toBe('222000-1974');
    expect(OrgNumber.parse('2220001974')).toBe('222000-1974');
    expect(OrgNumber.safeParse('222000-1975').success).toBe(false);
    // A valid personnummer (month 01) is not an organisationsnummer.
    expect(OrgNumber.safeParse('811218-9876').success).toBe(false);
  });

  it('rejects duplicate parties', () =>
    expect(
      RegisterAssociationBody.safeParse({
        name: 'Förbundet',
        orgNumber: '222000-1974',
        parties: ['FK', 'FK'],
      }).success,
    ).toBe(false));

  it('accepts an own instrument and rejects a malformed one', () => {
    const base = {
      name: 'Navet',
      kind: 'individual',
      parties: ['FK', 'AF'],
      startsOn: '2026-01-01',
    };
    expect(
      RegisterInterventionBody.safeParse({ ...base, instrument: 'navet-indikatorer' }).success,
    ).toBe(true);
    expect(
      RegisterInterventionBody.safeParse({
        ...base,
        instrument: { key: 'x', label: 'X', items: [{ key: 'a', label: 'A', min: 5, max: 1 }] },
      }).success,
    ).toBe(false);
  });

  it('validates every goal kind by its discriminator', () => {
    const ok = SetGoalsBody.safeParse({
      goals: [
        {
          id: 'egen-forsorjning',
          label: 'Egen försörjning',
          kind: 'outcomeShare',
          outcomes: ['work', 'studies', 'job_seeking'],
          target: 0.35,
        },
        { id: 'nojda', label: 'Nöjda', kind: 'satisfactionShare', target: 0.85 },
        {
          id: 'steg',
          label: 'Stegförflyttning',
          kind: 'positiveProgressShare',
          source: 'ladder',
          target: 0.33,
        },
        { id: 'antal', label: 'Antal', kind: 'participantCount', min: 60 },
        { id: 'jamstallt', label: 'Jämställt', kind: 'genderBalance', maxDeviation: 0.2 },
        { id: 'plan', label: 'Planering', kind: 'planAtExitShare', target: 1 },
        {
          id: 'stod',
          label: 'Stöd',
          kind: 'itemShare',
          instrument: 'navet-indikatorer',
          item: 'support_needed',
          atLeast: 4,
          phase: 'exit',
          target: 0.9,
        },
      ],
    });
    expect(ok.success).toBe(true);
    expect(
      SetGoalsBody.safeParse({
        goals: [{ id: 'x', label: 'X', kind: 'satisfactionShare', target: 85 }],
      }).success,
    ).toBe(false);
    expect(
      SetGoalsBody.safeParse({ goals: [{ id: 'x', label: 'X', kind: 'luck', target: 0.5 }] })
        .success,
    ).toBe(false);
  });

  it('rejects free-text reasons and empty head counts', () => {
    expect(
      RetractEntryBody.safeParse({
        eventId: '00000000-0000-4000-8000-000000000001',
        reason: 'Anna ringde',
      }).success,
    ).toBe(false);
    expect(
      RecordAttendanceBody.safeParse({ occurredOn: '2026-01-01', women: 0, men: 0, other: 0 })
        .success,
    ).toBe(false);
  });

  it('speaks Swedish when configured the way the API configures zod', () => {
    z.config(swedishValidation);
    const result = EnrolParticipantBody.safeParse({ ...enrol, extra: 1 });
    expect(result.error?.issues[0]?.message).toMatch(/^Begäran innehåller fält som inte finns/);
  });
});
