import { CorrectEnrolmentBody, EnrolParticipantBody } from '../commands';
import type { ParticipantEvent } from '../events';
import { NAVET_INDICATORS, STEGVIS_5 } from '../instruments';
import { addMonths } from '../shared/dates';
import { deciderSpec, eventId } from '../testing/decider-spec';
import {
  enrolled,
  enrolledBody,
  exited,
  intervention,
  PARTICIPANT_ID,
  TODAY,
} from '../testing/fixtures';
import { participantDecider, type ParticipantCommand } from './participant.decider';

/** The v1.1 rules of a participant's stream (DESIGN §3): uppdrag, follow-up, corrections. */
const spec = deciderSpec(participantDecider);
const context = { intervention, today: TODAY };

const enrolBody = enrolledBody;
const enrol = (body: Partial<EnrolParticipantBody>): ParticipantCommand => ({
  type: 'EnrolParticipant',
  participantId: PARTICIPANT_ID,
  body: { ...enrolBody, ...body },
  ...context,
});
const withAssignment: ParticipantEvent = {
  ...enrolled,
  data: { ...enrolled.data, referredOn: '2026-01-10', assignment: { aim: 'self_sufficiency' } },
};
const exit = (assignmentGoalReached?: boolean): ParticipantCommand => ({
  type: 'ExitParticipant',
  body: {
    exitedOn: '2026-02-28',
    outcome: 'work',
    incomeSource: 'salary',
    planHandedOver: true,
    ...(assignmentGoalReached === undefined ? {} : { assignmentGoalReached }),
  },
  ...context,
});
const followUp = (
  monthsAfterExit: 3 | 6 | 12,
  followedUpOn: string,
  today = TODAY,
): ParticipantCommand => ({
  type: 'RecordFollowUp',
  body: { monthsAfterExit, followedUpOn, status: 'work', incomeSource: 'salary' },
  intervention,
  today,
});
const followedUp = (monthsAfterExit: 3 | 6 | 12, followedUpOn: string): ParticipantEvent => ({
  type: 'FollowUpRecorded',
  data: {
    participantId: PARTICIPANT_ID,
    monthsAfterExit,
    followedUpOn,
    status: 'work',
    incomeSource: 'salary',
    occurredOn: followedUpOn,
  },
});
const correct = (fields: CorrectEnrolmentBody['fields']): ParticipantCommand => ({
  type: 'CorrectEnrolment',
  body: { fields },
  ...context,
});
const corrected = (fields: CorrectEnrolmentBody['fields']): ParticipantEvent => ({
  type: 'EnrolmentCorrected',
  data: { participantId: PARTICIPANT_ID, fields, occurredOn: TODAY },
});
const retract = (n: number): ParticipantCommand => ({
  type: 'RetractEntry',
  body: { eventId: eventId(n), reason: 'wrong_value' },
  ...context,
});
const erased = { status: 'erased' } as const;

describe('participant decider, v1.1', () => {
  describe('uppdrag and referral at enrolment', () => {
    it('records the uppdrag and the referral date with the enrolment', () =>
      spec
        .given([])
        .when(enrol({ referredOn: '2026-01-10', assignment: { aim: 'self_sufficiency' } }))
        .then([withAssignment]));

    it('refuses a referral after the enrolment', () =>
      spec
        .given([])
        .when(enrol({ referredOn: '2026-02-02' }))
        .thenFails(
          'referral_after_enrolment',
          'Aktualiseringsdatumet (referredOn) ligger efter inskrivningsdatumet 2026-02-01: ange ett datum till och med 2026-02-01.',
        ));

    it('refuses an uppdrag aim that does not exist (before any decider sees it)', () => {
      const result = EnrolParticipantBody.safeParse({
        ...enrolBody,
        assignment: { aim: 'world_peace' },
      });
      expect(result.error?.issues.map((i) => i.message)).toEqual([
        'Uppdragets mål (assignment.aim) ska vara en av koderna self_sufficiency (Egen försörjning (arbete, studier)), work_ability (Förbättrad arbets- eller funktionsförmåga), job_seeking_readiness (Redo att aktualiseras hos Arbetsförmedlingen), coordinated_support (Samordnat stöd mellan parterna) eller other (Annat uppdrag).',
      ]);
    });
  });

  describe('uppdragets mål at exit', () => {
    it('records whether the uppdrag’s aim was reached', () =>
      spec
        .given([withAssignment])
        .when(exit(true))
        .then([
          {
            type: 'ParticipantExited',
            data: {
              participantId: PARTICIPANT_ID,
              exitedOn: '2026-02-28',
              outcome: 'work',
              incomeSourceAtExit: 'salary',
              planHandedOver: true,
              assignmentGoalReached: true,
              occurredOn: '2026-02-28',
            },
          },
        ]));

    it('refuses an uppdrag outcome for a participant without uppdrag', () =>
      spec.given([enrolled]).when(exit(false)).thenFails('assignment_missing'));

    it('accepts it once a correction has given the participant an uppdrag', () =>
      spec
        .given([enrolled, corrected({ assignment: { aim: 'work_ability' } })])
        .when(exit(false))
        .then([
          expect.objectContaining({
            type: 'ParticipantExited',
            data: expect.objectContaining({ assignmentGoalReached: false }),
          }),
        ]));
  });

  describe('follow-up after exit', () => {
    const exitedOn = '2026-02-28';
    const given = [enrolled, exited(exitedOn)];

    it('records a follow-up on the day of its mark, after the exit', () =>
      spec
        .given(given)
        .when(followUp(3, '2026-05-28'))
        .then([followedUp(3, '2026-05-28')]));

    it('refuses a follow-up before its mark', () =>
      spec
        .given(given)
        .when(followUp(3, '2026-05-27'))
        .thenFails(
          'follow_up_before_mark',
          'Uppföljningen 3 månader efter avslut kan göras tidigast 2026-05-28, eftersom deltagaren avslutades 2026-02-28: ange ett datum (followedUpOn) från och med 2026-05-28.',
        ));

    it('refuses a second follow-up at one mark, and takes the next mark', () => {
      const once = [...given, followedUp(3, '2026-06-01')];
      spec.given(once).when(followUp(3, '2026-06-10')).thenFails('follow_up_already_recorded');
      spec
        .given(once)
        .when(followUp(12, '2027-03-01', '2027-03-01'))
        .then([followedUp(12, '2027-03-01')]);
    });

    it('takes a mark again once its follow-up is retracted', () =>
      spec
        .given([...given, followedUp(3, '2026-06-01'), retractedEntry(3)])
        .when(followUp(3, '2026-06-10'))
        .then([followedUp(3, '2026-06-10')]));

    it('refuses a follow-up before the exit, and one dated in the future', () => {
      spec.given([enrolled]).when(followUp(3, '2026-05-28')).thenFails('participant_not_exited');
      spec.given(given).when(followUp(6, '2026-09-01')).thenFails('date_in_future');
    });

    it('keeps every other fact inside the participation', () =>
      spec
        .given(given)
        .when({
          type: 'RecordSatisfaction',
          body: { score: 5, answeredOn: '2026-05-28' },
          ...context,
        })
        .thenFails('date_after_exit'));

    it('refuses to retract an exit that has follow-ups', () =>
      spec
        .given([...given, followedUp(3, '2026-06-01')])
        .when(retract(2))
        .thenFails(
          'exit_has_follow_ups',
          'Avslutet har uppföljningar efter avslut: makulera uppföljningarna först om avslutet ska makuleras.',
        ));

    it('counts months to the end of a shorter month', () => {
      expect(addMonths('2026-11-30', 3)).toBe('2027-02-28');
      expect(addMonths('2026-08-31', 6)).toBe('2027-02-28');
      expect(addMonths('2026-02-28', 12)).toBe('2027-02-28');
      expect(addMonths('2027-12-15', 3)).toBe('2028-03-15');
    });
  });

  describe('enrolment corrections', () => {
    it('corrects enrolment fields, also after exit', () =>
      spec
        .given([enrolled, exited()])
        .when(correct({ birthYear: 1991, referringParty: 'AF' }))
        .then([corrected({ birthYear: 1991, referringParty: 'AF' })]));

    it('refuses a correction after erasure', () => {
      expect(() => participantDecider.decide(correct({ gender: 'man' }), erased)).toThrow(
        expect.objectContaining({ code: 'participant_erased' }),
      );
    });

    it('refuses a corrected birth year outside the age range, and a corrected referral after enrolment', () => {
      spec
        .given([enrolled])
        .when(correct({ birthYear: 2015 }))
        .thenFails('participant_age_out_of_range');
      spec
        .given([enrolled])
        .when(correct({ referredOn: '2026-03-01' }))
        .thenFails('referral_after_enrolment');
    });

    it('refuses to retract a correction: a correction is corrected again', () =>
      spec
        .given([enrolled, corrected({ gender: 'man' })])
        .when(retract(2))
        .thenFails('retraction_target_is_correction'));

    it('lets an exit dated before a correction through (a correction is dated when it is made)', () =>
      spec
        .given([enrolled, corrected({ gender: 'man' })])
        .when(exit())
        .then([expect.objectContaining({ type: 'ParticipantExited' })]));

    it('refuses a correction with nothing to correct', () => {
      const result = CorrectEnrolmentBody.safeParse({ fields: {} });
      expect(result.error?.issues.map((i) => i.message)).toEqual([
        'Uppgifterna att rätta (fields) måste innehålla minst en uppgift att rätta, t.ex. {"birthYear": 1988}.',
      ]);
    });

    it('names an unknown field as unknown, not as nothing to correct', () => {
      const result = CorrectEnrolmentBody.safeParse({ fields: { personnummer: 1 } });
      // The one issue is worded by the Swedish error map as "innehåller fält som inte finns".
      expect(result.error?.issues.map((i) => i.code)).toEqual(['unrecognized_keys']);
    });
  });

  describe('several instruments per insats', () => {
    const both = { ...intervention, instruments: [STEGVIS_5, NAVET_INDICATORS] };
    const assess = (instrument: string): ParticipantCommand => ({
      type: 'RecordSelfAssessment',
      body: {
        instrument,
        phase: 'followup',
        assessedOn: '2026-03-01',
        scores: instrument === STEGVIS_5.key ? { wellbeing: 5 } : { support_needed: 4 },
      },
      intervention: both,
      today: TODAY,
    });

    it('accepts an answer on each instrument the insats uses', () => {
      for (const instrument of [STEGVIS_5.key, NAVET_INDICATORS.key]) {
        spec
          .given([enrolled])
          .when(assess(instrument))
          .then([expect.objectContaining({ type: 'SelfAssessmentRecorded' })]);
      }
    });

    it('refuses an instrument the insats does not use, naming those it does', () =>
      spec
        .given([enrolled])
        .when(assess('bip-progression'))
        .thenFails(
          'instrument_not_used',
          'Insatsen använder inte det angivna självskattningsformuläret (instrument): ange ett av insatsens formulär, stegvis-5 eller navet-indikatorer.',
        ));
  });
});

function retractedEntry(n: number): ParticipantEvent {
  return {
    type: 'EntryRetracted',
    data: {
      participantId: PARTICIPANT_ID,
      retractedEventId: eventId(n),
      reason: 'wrong_date',
      occurredOn: TODAY,
    },
  };
}
