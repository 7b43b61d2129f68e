import type { RegisterInterventionBody } from '../commands';
import type { InterventionEvent } from '../events';
import type { Goal } from '../goals';
import { NAVET_INDICATORS, STEGVIS_5 } from '../instruments';
import { fold } from '../shared/decider';
import { deciderSpec } from '../testing/decider-spec';
import { association, INTERVENTION_ID, interventionRegistered, TODAY } from '../testing/fixtures';
import { interventionDecider, type InterventionCommand } from './intervention.decider';

/** v1.1: an insats may use several instruments (DESIGN §3). */
const spec = deciderSpec(interventionDecider);
const register = (b: Partial<RegisterInterventionBody>): InterventionCommand => ({
  type: 'RegisterIntervention',
  interventionId: INTERVENTION_ID,
  body: {
    name: 'Navet',
    kind: 'individual',
    parties: ['FK', 'MUNICIPALITY'],
    startsOn: '2026-01-01',
    ...b,
  },
  association,
  today: TODAY,
});
const add = (...instruments: string[]): InterventionCommand => ({
  type: 'ChangeInterventionInstruments',
  body: { instruments },
  today: TODAY,
});
const setGoals = (goals: Goal[]): InterventionCommand => ({
  type: 'SetInterventionGoals',
  year: 2026,
  goals,
  today: TODAY,
});
const supportGoal: Goal = {
  id: 'stod',
  label: 'Får det stöd de behöver',
  kind: 'itemShare',
  instrument: NAVET_INDICATORS.key,
  item: 'support_needed',
  atLeast: 4,
  phase: 'followup',
  target: 0.9,
};
const navetAdded: InterventionEvent = {
  type: 'InterventionInstrumentsChanged',
  data: { interventionId: INTERVENTION_ID, instruments: [NAVET_INDICATORS], occurredOn: TODAY },
};

describe('intervention decider: several instruments', () => {
  it('registers the first instrument as v1’s instrument and the others beside it', () => {
    const [event] = interventionDecider.decide(
      register({ instruments: ['stegvis-5', 'navet-indikatorer'] }),
      { status: 'unregistered' },
    );
    expect(event).toMatchObject({
      type: 'InterventionRegistered',
      data: { instrument: STEGVIS_5, instruments: [NAVET_INDICATORS] },
    });
  });

  it('writes a registration with one instrument exactly as v1 did (no instruments field)', () => {
    const [event] = interventionDecider.decide(register({ instruments: ['stegvis-5'] }), {
      status: 'unregistered',
    });
    expect(event?.data).not.toHaveProperty('instruments');
    expect(event?.data).toHaveProperty('instrument', STEGVIS_5);
  });

  it('replays a v1 registration as an insats using its one instrument', () => {
    const state = fold(interventionDecider, [{ id: 'e1', ...interventionRegistered }]);
    expect(state).toMatchObject({ instrument: STEGVIS_5, instruments: [STEGVIS_5] });
  });

  it('refuses the same instrument twice in a registration', () =>
    spec
      .given([])
      .when(register({ instruments: ['navet-indikatorer', 'navet-indikatorer'] }))
      .thenFails(
        'instruments_not_unique',
        'Formulär 1 och formulär 2 har samma nyckel (instruments.1): ange varje formulär en gång.',
      ));

  it('takes an instrument into use later', () =>
    spec.given([interventionRegistered]).when(add('navet-indikatorer')).then([navetAdded]));

  it('refuses to add an instrument the insats already uses', () =>
    spec
      .given([interventionRegistered, navetAdded])
      .when(add('navet-indikatorer'))
      .thenFails(
        'instrument_already_used',
        'Insatsen använder redan formuläret navet-indikatorer (instruments): ange bara formulär som insatsen inte redan använder.',
      ));

  it('refuses an unknown built-in instrument when adding', () =>
    spec.given([interventionRegistered]).when(add('okand')).thenFails('instrument_unknown'));

  it('accepts an itemShare goal on an added instrument, and refuses one before it is added', () => {
    spec
      .given([interventionRegistered])
      .when(setGoals([supportGoal]))
      .thenFails(
        'goal_item_unknown',
        'Mål 1 (goals.0) hänvisar till en fråga som inte finns i insatsens formulär stegvis-5: ange formuläret stegvis-5 och en av dess frågor, self_esteem, wellbeing, social_ability, employability eller future_hope.',
      );
    spec
      .given([interventionRegistered, navetAdded])
      .when(setGoals([supportGoal]))
      .then([
        {
          type: 'InterventionGoalsSet',
          data: {
            interventionId: INTERVENTION_ID,
            year: 2026,
            goals: [supportGoal],
            occurredOn: TODAY,
          },
        },
      ]);
  });

  it('keeps progression goals on the instrument progression compares', () =>
    spec
      .given([interventionRegistered, navetAdded])
      .when(
        setGoals([
          {
            id: 'progression',
            label: 'Progression',
            kind: 'positiveProgressShare',
            source: 'selfAssessment',
            dimensions: ['support_needed'],
            target: 0.5,
          },
        ]),
      )
      .thenFails('goal_item_unknown'));
});
