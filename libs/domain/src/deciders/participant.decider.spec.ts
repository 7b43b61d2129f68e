import { participantDecider, type ParticipantCommand } from './participant.decider';
import type { EnrolParticipantBody } from '../commands';
import { deciderSpec, eventId } from '../testing/decider-spec';
import {
  enrolled,
  exited,
  intervention,
  PARTICIPANT_ID,
  satisfaction,
  TODAY,
} from '../testing/fixtures';

const spec = deciderSpec(participantDecider);
const context = { intervention, today: TODAY };

const enrolBody: EnrolParticipantBody = {
  enrolledOn: '2026-02-01',
  gender: 'woman',
  birthYear: 1990,
  referringParty: 'FK',
  incomeSource: 'sickness_benefit',
  educationLevel: 'upper_secondary',
  supportDurationBefore: '2_5y',
};
const enrol = (body: Partial<EnrolParticipantBody> = {}, ctx = context): ParticipantCommand => ({
  type: 'EnrolParticipant',
  participantId: PARTICIPANT_ID,
  body: { ...enrolBody, ...body },
  ...ctx,
});
const assess = (
  body: Partial<Extract<ParticipantCommand, { type: 'RecordSelfAssessment' }>['body']> = {},
) =>
  ({
    type: 'RecordSelfAssessment',
    body: {
      instrument: 'stegvis-5',
      phase: 'start',
      assessedOn: '2026-02-03',
      scores: { self_esteem: 4 },
      ...body,
    },
    ...context,
  }) as const;
const answer = (answeredOn: string, score = 4): ParticipantCommand => ({
  type: 'RecordSatisfaction',
  body: { score, answeredOn },
  ...context,
});
const exit = (exitedOn: string): ParticipantCommand => ({
  type: 'ExitParticipant',
  body: { exitedOn, outcome: 'work', incomeSource: 'salary', planHandedOver: true },
  ...context,
});
const retract = (n: number): ParticipantCommand => ({
  type: 'RetractEntry',
  body: { eventId: eventId(n), reason: 'wrong_value' },
  ...context,
});

describe('participant decider', () => {
  describe('enrolment', () => {
    it('enrols into an open individual intervention', () =>
      spec.given([]).when(enrol()).then([enrolled]));

    it('refuses an enrolment dated in the future', () =>
      spec
        .given([])
        .when(enrol({ enrolledOn: '2026-06-16' }))
        .thenFails('date_in_future'));

    it('refuses an enrolment before the intervention starts', () =>
      spec
        .given([])
        .when(enrol({ enrolledOn: '2025-12-31' }))
        .thenFails('date_before_intervention_start'));

    it('refuses an enrolment after the intervention was closed', () =>
      spec
        .given([])
        .when(
          enrol(
            { enrolledOn: '2026-04-01' },
            { ...context, intervention: { ...intervention, closedOn: '2026-03-31' } },
          ),
        )
        .thenFails('intervention_not_open'));

    it('accepts an enrolment recorded late, dated before the intervention closed', () =>
      spec
        .given([])
        .when(enrol({}, { ...context, intervention: { ...intervention, closedOn: '2026-03-31' } }))
        .then([enrolled]));

    it('refuses an enrolment after the planned end', () =>
      spec
        .given([])
        .when(
          enrol(
            { enrolledOn: '2026-02-01' },
            { ...context, intervention: { ...intervention, endsOn: '2026-01-31' } },
          ),
        )
        .thenFails('intervention_not_open'));

    it('refuses participants in a structural intervention', () =>
      spec
        .given([])
        .when(enrol({}, { ...context, intervention: { ...intervention, kind: 'structural' } }))
        .thenFails('intervention_is_structural'));

    it('refuses an age outside 16–100 at enrolment', () => {
      spec
        .given([])
        .when(enrol({ birthYear: 2011 }))
        .thenFails('participant_age_out_of_range');
      spec
        .given([])
        .when(enrol({ birthYear: 1925 }))
        .thenFails('participant_age_out_of_range');
      spec
        .given([])
        .when(enrol({ birthYear: 2010 }))
        .then([{ ...enrolled, data: { ...enrolled.data, birthYear: 2010 } }]);
    });

    it('refuses enrolling the same participant twice', () =>
      spec.given([enrolled]).when(enrol()).thenFails('participant_already_enrolled'));
  });

  describe('milestones', () => {
    it('records a self-assessment on the intervention instrument', () =>
      spec
        .given([enrolled])
        .when(assess({ scores: { self_esteem: 1, future_hope: 10 } }))
        .then([
          {
            type: 'SelfAssessmentRecorded',
            data: {
              participantId: PARTICIPANT_ID,
              instrument: 'stegvis-5',
              phase: 'start',
              assessedOn: '2026-02-03',
              scores: { self_esteem: 1, future_hope: 10 },
              occurredOn: '2026-02-03',
            },
          },
        ]));

    it('refuses scores outside the instrument range', () => {
      spec
        .given([enrolled])
        .when(assess({ scores: { self_esteem: 11 } }))
        .thenFails('score_out_of_range');
      spec
        .given([enrolled])
        .when(assess({ scores: { self_esteem: 0 } }))
        .thenFails('score_out_of_range');
    });

    it('refuses an item the instrument does not have', () =>
      spec
        .given([enrolled])
        .when(assess({ scores: { shoe_size: 4 } }))
        .thenFails('instrument_item_unknown'));

    it('refuses an instrument the intervention does not use', () =>
      spec
        .given([enrolled])
        .when(assess({ instrument: 'navet-indikatorer' }))
        .thenFails('instrument_not_used'));

    it('uses the intervention’s own instrument and range', () => {
      const own = {
        ...intervention,
        instrument: {
          key: 'egen',
          label: 'Eget',
          items: [{ key: 'ready', label: 'Redo', min: 1, max: 5 }],
        },
      };
      const cmd = (score: number): ParticipantCommand => ({
        type: 'RecordSelfAssessment',
        body: {
          instrument: 'egen',
          phase: 'exit',
          assessedOn: '2026-03-01',
          scores: { ready: score },
        },
        intervention: own,
        today: TODAY,
      });
      spec.given([enrolled]).when(cmd(6)).thenFails('score_out_of_range');
      expect(
        participantDecider.decide(
          cmd(5),
          participantDecider.evolve({ status: 'new' }, { ...enrolled, id: eventId(1) }),
        ),
      ).toHaveLength(1);
    });

    it('refuses a fact dated before enrolment', () =>
      spec.given([enrolled]).when(answer('2026-01-31')).thenFails('date_before_enrolment'));

    it('refuses a fact dated in the future', () =>
      spec.given([enrolled]).when(answer('2026-06-16')).thenFails('date_in_future'));

    it('refuses a fact dated after exit, accepts one on the exit date', () => {
      spec
        .given([enrolled, exited('2026-05-31')])
        .when(answer('2026-06-01'))
        .thenFails('date_after_exit');
      spec
        .given([enrolled, exited('2026-05-31')])
        .when(answer('2026-05-31'))
        .then([satisfaction('2026-05-31')]);
    });

    it('refuses a step that is not on the ladder', () => {
      const step = (level: number): ParticipantCommand => ({
        type: 'RecordProgressionStep',
        body: { level, stepOn: '2026-03-01' },
        ...context,
      });
      spec.given([enrolled]).when(step(7)).thenFails('ladder_level_unknown');
      spec
        .given([enrolled])
        .when(step(6))
        .then([
          {
            type: 'ProgressionStepRecorded',
            data: {
              participantId: PARTICIPANT_ID,
              level: 6,
              stepOn: '2026-03-01',
              occurredOn: '2026-03-01',
            },
          },
        ]);
    });

    it('refuses anything for a participant that was never enrolled', () =>
      spec.given([]).when(answer('2026-03-01')).thenFails('participant_not_found'));

    it('refuses anything for an erased participant', () => {
      const erased = { status: 'erased' } as const;
      expect(() => participantDecider.decide(answer('2026-03-01'), erased)).toThrow(
        expect.objectContaining({ code: 'participant_erased' }),
      );
      expect(() => participantDecider.decide(retract(1), erased)).toThrow(
        expect.objectContaining({ code: 'participant_erased' }),
      );
    });
  });

  describe('exit', () => {
    it('exits once', () => {
      spec
        .given([enrolled])
        .when(exit('2026-05-31'))
        .then([exited('2026-05-31')]);
      spec
        .given([enrolled, exited()])
        .when(exit('2026-06-01'))
        .thenFails('participant_already_exited');
    });

    it('refuses an exit dated before a recorded fact', () =>
      spec
        .given([enrolled, satisfaction('2026-04-01')])
        .when(exit('2026-03-31'))
        .thenFails('exit_before_recorded_entries'));

    it('ignores retracted facts when dating the exit', () =>
      spec
        .given([
          enrolled,
          satisfaction('2026-04-01'),
          {
            type: 'EntryRetracted',
            data: {
              participantId: PARTICIPANT_ID,
              retractedEventId: eventId(2),
              reason: 'wrong_date',
              occurredOn: TODAY,
            },
          },
        ])
        .when(exit('2026-03-31'))
        .then([exited('2026-03-31')]));
  });

  describe('retraction', () => {
    const retracted = (n: number) => ({
      type: 'EntryRetracted' as const,
      data: {
        participantId: PARTICIPANT_ID,
        retractedEventId: eventId(n),
        reason: 'wrong_value' as const,
        occurredOn: TODAY,
      },
    });

    it('retracts a recorded fact, also after exit', () => {
      spec
        .given([enrolled, satisfaction('2026-03-01')])
        .when(retract(2))
        .then([retracted(2)]);
      spec
        .given([enrolled, satisfaction('2026-03-01'), exited()])
        .when(retract(2))
        .then([retracted(2)]);
    });

    it('refuses an unknown event, a second retraction, the enrolment and a retraction', () => {
      spec.given([enrolled]).when(retract(9)).thenFails('retraction_target_not_found');
      spec
        .given([enrolled, satisfaction('2026-03-01'), retracted(2)])
        .when(retract(2))
        .thenFails('retraction_target_already_retracted');
      spec.given([enrolled]).when(retract(1)).thenFails('retraction_target_not_retractable');
      spec
        .given([enrolled, satisfaction('2026-03-01'), retracted(2)])
        .when(retract(3))
        .thenFails('retraction_target_not_retractable');
    });

    it('a retracted exit makes the participant active again, so a corrected exit can follow', () =>
      spec
        .given([enrolled, exited('2026-05-31'), retracted(2)])
        .when(exit('2026-04-30'))
        .then([exited('2026-04-30')]));
  });
});
