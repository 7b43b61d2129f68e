import {
  MAX_EVENTS_PER_PARTICIPANT,
  participantDecider,
  type ParticipantCommand,
  type ParticipantState,
} from './participant.decider';
import { fold, type Recorded } from '../shared/decider';
import type { ParticipantEvent } from '../events';
import { foldingCostGrowth } from '../testing/linear-folding';
import type { EnrolParticipantBody } from '../commands';
import { deciderSpec, eventId } from '../testing/decider-spec';
import {
  enrolled,
  enrolledBody,
  exited,
  intervention,
  PARTICIPANT_ID,
  satisfaction,
  TODAY,
} from '../testing/fixtures';

const spec = deciderSpec(participantDecider);
const context = { intervention, today: TODAY };

const enrolBody = enrolledBody;
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
        .thenFails(
          'date_in_future',
          'Inskrivningsdatumet (enrolledOn) ligger i framtiden: ange ett datum till och med i dag, 2026-06-15.',
        ));

    it('refuses an enrolment before the intervention starts', () =>
      spec
        .given([])
        .when(enrol({ enrolledOn: '2025-12-31' }))
        .thenFails(
          'date_before_intervention_start',
          'Inskrivningsdatumet (enrolledOn) ligger före insatsens start 2026-01-01: ange ett datum från och med 2026-01-01.',
        ));

    it('refuses an enrolment after the intervention was closed', () =>
      spec
        .given([])
        .when(
          enrol(
            { enrolledOn: '2026-04-01' },
            { ...context, intervention: { ...intervention, closedOn: '2026-03-31' } },
          ),
        )
        .thenFails(
          'intervention_not_open',
          'Inskrivningsdatumet (enrolledOn) ligger utanför insatsens öppna tid 2026-01-01–2026-03-31: ange ett datum från och med 2026-01-01 till och med 2026-03-31.',
        ));

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
        .thenFails(
          'participant_age_out_of_range',
          'Födelseåret (birthYear) ger en ålder vid inskrivningen utanför 16–100 år: ange ett födelseår mellan 1926 och 2010.',
        );
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
        .thenFails(
          'score_out_of_range',
          'Värdet för frågan self_esteem (scores.self_esteem) ligger utanför formulärets skala: ange ett heltal mellan 1 och 10.',
        );
      spec
        .given([enrolled])
        .when(assess({ scores: { self_esteem: 0 } }))
        .thenFails('score_out_of_range');
    });

    it('refuses an item the instrument does not have', () =>
      spec
        .given([enrolled])
        .when(assess({ scores: { shoe_size: 4 } }))
        .thenFails(
          'instrument_item_unknown',
          'Formuläret stegvis-5 saknar en eller flera av de angivna frågorna (scores): ange bara dess frågor, self_esteem, wellbeing, social_ability, employability eller future_hope.',
        ));

    it('refuses an instrument the intervention does not use', () =>
      spec
        .given([enrolled])
        .when(assess({ instrument: 'navet-indikatorer' }))
        .thenFails(
          'instrument_not_used',
          'Insatsen använder inte det angivna självskattningsformuläret (instrument): ange stegvis-5, insatsens formulär.',
        ));

    it('uses the intervention’s own instrument and range', () => {
      const instrument = {
        key: 'egen',
        label: 'Eget',
        items: [{ key: 'ready', label: 'Redo', min: 1, max: 5 }],
      };
      const own = { ...intervention, instrument, instruments: [instrument] };
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
      spec
        .given([enrolled])
        .when(answer('2026-01-31'))
        .thenFails(
          'date_before_enrolment',
          'Datumet för svaret (answeredOn) ligger före deltagarens inskrivning 2026-02-01: ange ett datum från och med 2026-02-01.',
        ));

    it('refuses a fact dated in the future', () =>
      spec.given([enrolled]).when(answer('2026-06-16')).thenFails('date_in_future'));

    it('refuses a fact dated after exit, accepts one on the exit date', () => {
      spec
        .given([enrolled, exited('2026-05-31')])
        .when(answer('2026-06-01'))
        .thenFails(
          'date_after_exit',
          'Datumet för svaret (answeredOn) ligger efter deltagarens avslut 2026-05-31: ange ett datum till och med 2026-05-31, eller makulera avslutet först om det var fel.',
        );
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
      spec
        .given([enrolled])
        .when(step(7))
        .thenFails(
          'ladder_level_unknown',
          'Nivån (level) finns inte på insatsens stegtrappa: ange en nivå mellan 1 och 6.',
        );
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
        .thenFails(
          'participant_already_exited',
          'Deltagaren är redan avslutad 2026-05-31: makulera det avslutet först om det ska ändras.',
        );
    });

    it('refuses an exit dated before a recorded fact', () =>
      spec
        .given([enrolled, satisfaction('2026-04-01')])
        .when(exit('2026-03-31'))
        .thenFails(
          'exit_before_recorded_entries',
          'Avslutsdatumet (exitedOn) ligger före en redan registrerad uppgift om deltagaren, daterad 2026-04-01: ange ett avslutsdatum från och med 2026-04-01, eller makulera den uppgiften först.',
        ));

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

  describe('long histories', () => {
    /** Enrolment, then `n - 1` satisfaction answers. */
    const historyOf = (n: number): Recorded<ParticipantEvent>[] => [
      { ...enrolled, id: eventId(1) },
      ...Array.from({ length: n - 1 }, (_, i) => ({
        ...satisfaction('2026-03-01'),
        id: eventId(i + 2),
      })),
    ];

    it('folds a history in time linear in its length (no copy of the history per event)', () => {
      // Copying the entries per event made an event at 4,000 cost ~7× one at 1,000 (4.3 s a fold).
      expect(foldingCostGrowth(participantDecider, historyOf)).toBeLessThan(3);
    }, 60_000);

    it('keeps every earlier state unchanged when a state is evolved twice (evolve stays pure)', () => {
      const base = fold(participantDecider, historyOf(3));
      const retraction = (target: number, id: number): Recorded<ParticipantEvent> => ({
        type: 'EntryRetracted',
        id: eventId(id),
        data: {
          participantId: PARTICIPANT_ID,
          retractedEventId: eventId(target),
          reason: 'duplicate',
          occurredOn: TODAY,
        },
      });
      const left = participantDecider.evolve(base, retraction(2, 10));
      const right = participantDecider.evolve(base, retraction(3, 11));
      const retract = (state: ParticipantState, n: number) => () =>
        participantDecider.decide(
          { type: 'RetractEntry', body: { eventId: eventId(n), reason: 'duplicate' }, ...context },
          state,
        );
      expect(retract(base, 2)()).toHaveLength(1);
      expect(retract(base, 3)()).toHaveLength(1);
      expect(retract(left, 2)).toThrow(
        expect.objectContaining({ code: 'retraction_target_already_retracted' }),
      );
      expect(retract(left, 3)()).toHaveLength(1);
      expect(retract(right, 3)).toThrow(
        expect.objectContaining({ code: 'retraction_target_already_retracted' }),
      );
      expect(retract(right, 2)()).toHaveLength(1);
      expect(retract(right, 10)).toThrow(
        expect.objectContaining({ code: 'retraction_target_not_found' }),
      );
    });

    it(`refuses any fact once a participant holds ${MAX_EVENTS_PER_PARTICIPANT} events`, () => {
      const full = historyOf(MAX_EVENTS_PER_PARTICIPANT);
      spec
        .given(full)
        .when(answer('2026-03-02'))
        .thenFails(
          'participant_fact_limit_reached',
          'Deltagaren har nått gränsen på 2000 registrerade uppgifter och kan inte ta emot fler. En deltagare har normalt några tiotal: kontrollera om samma uppgift registreras om och om igen.',
        );
      spec.given(full).when(exit('2026-03-02')).thenFails('participant_fact_limit_reached');
      spec
        .given(full.slice(0, -1))
        .when(answer('2026-03-02'))
        .then([satisfaction('2026-03-02')]);
    });
  });
});
