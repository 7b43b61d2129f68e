import type { RegisterInterventionBody } from '../commands';
import type { Goal } from '../goals';
import { DEFAULT_LADDER, NAVET_INDICATORS, STEGVIS_5 } from '../instruments';
import type { AssociationEvent } from '../events';
import { fold, type Recorded } from '../shared/decider';
import { deciderSpec, eventId } from '../testing/decider-spec';
import { foldingCostGrowth } from '../testing/linear-folding';
import {
  ASSOCIATION_ID,
  association,
  INTERVENTION_ID,
  interventionRegistered,
  TODAY,
} from '../testing/fixtures';
import { associationDecider, type AssociationState } from './association.decider';
import { interventionDecider, type InterventionCommand } from './intervention.decider';

const spec = deciderSpec(interventionDecider);
const body: RegisterInterventionBody = {
  name: 'Resurslotsen',
  kind: 'individual',
  parties: ['FK', 'MUNICIPALITY'],
  startsOn: '2026-01-01',
  endsOn: '2026-12-31',
};
const register = (
  b: Partial<RegisterInterventionBody> = {},
  a: AssociationState = association,
): InterventionCommand => ({
  type: 'RegisterIntervention',
  interventionId: INTERVENTION_ID,
  body: { ...body, ...b },
  association: a,
  today: TODAY,
});
const structural = {
  ...interventionRegistered,
  data: { ...interventionRegistered.data, kind: 'structural' as const },
};

describe('intervention decider', () => {
  describe('registration', () => {
    it('registers with the default instrument and ladder', () =>
      spec
        .given([])
        .when(register())
        .then([
          {
            type: 'InterventionRegistered',
            data: {
              interventionId: INTERVENTION_ID,
              associationId: ASSOCIATION_ID,
              name: 'Resurslotsen',
              kind: 'individual',
              parties: ['FK', 'MUNICIPALITY'],
              startsOn: '2026-01-01',
              endsOn: '2026-12-31',
              instrument: STEGVIS_5,
              ladder: DEFAULT_LADDER,
              occurredOn: TODAY,
            },
          },
        ]));

    it('resolves a built-in instrument by key and keeps an own instrument whole', () => {
      const [byKey] = interventionDecider.decide(register({ instrument: 'navet-indikatorer' }), {
        status: 'unregistered',
      });
      expect(byKey?.type === 'InterventionRegistered' && byKey.data.instrument).toEqual(
        NAVET_INDICATORS,
      );
      const own = {
        key: 'bip',
        label: 'BIP',
        items: [{ key: 'mobility', label: 'Rörlighet', min: 1, max: 4 }],
      };
      const [owned] = interventionDecider.decide(register({ instrument: own }), {
        status: 'unregistered',
      });
      expect(owned?.type === 'InterventionRegistered' && owned.data.instrument).toEqual(own);
    });

    it('refuses an unknown instrument key', () =>
      spec
        .given([])
        .when(register({ instrument: 'okänt' }))
        .thenFails(
          'instrument_unknown',
          'Självskattningsformuläret (instrument) finns inte: ange ett inbyggt formulär (stegvis-5 eller navet-indikatorer) eller ett eget formulär med key, label och items.',
        ));

    it('needs at least two parties for an individual intervention, one for a structural', () => {
      spec
        .given([])
        .when(register({ parties: ['FK'] }))
        .thenFails('intervention_too_few_parties');
      expect(
        interventionDecider.decide(register({ parties: ['FK'], kind: 'structural' }), {
          status: 'unregistered',
        }),
      ).toHaveLength(1);
    });

    it('refuses a party that is not a member of the association', () =>
      spec
        .given([])
        .when(register({ parties: ['FK', 'REGION'] }))
        .thenFails(
          'intervention_party_not_member',
          'REGION är inte medlem i samordningsförbundet: ange bara förbundets medlemmar (FK, AF eller MUNICIPALITY) som parter (parties).',
        ));

    it('refuses an end before the start', () =>
      spec
        .given([])
        .when(register({ endsOn: '2025-12-31' }))
        .thenFails('intervention_ends_before_start'));

    it('refuses an unregistered association and a second registration', () => {
      spec
        .given([])
        .when(register({}, { status: 'unregistered' }))
        .thenFails('association_not_found');
      spec
        .given([interventionRegistered])
        .when(register())
        .thenFails('intervention_already_registered');
    });
  });

  describe('goals', () => {
    const setGoals = (goals: Goal[]): InterventionCommand => ({
      type: 'SetInterventionGoals',
      year: 2026,
      goals,
      today: TODAY,
    });
    const nojda: Goal = {
      id: 'nojda',
      label: 'Nöjda deltagare',
      kind: 'satisfactionShare',
      target: 0.85,
    };

    it('sets the goals of a year', () =>
      spec
        .given([interventionRegistered])
        .when(setGoals([nojda]))
        .then([
          {
            type: 'InterventionGoalsSet',
            data: {
              interventionId: INTERVENTION_ID,
              year: 2026,
              goals: [nojda],
              occurredOn: TODAY,
            },
          },
        ]));

    it('refuses duplicate goal ids', () =>
      spec
        .given([interventionRegistered])
        .when(setGoals([nojda, nojda]))
        .thenFails('goal_ids_not_unique'));

    it('refuses goals on items the intervention does not ask', () => {
      const item = (instrument: string, itemKey: string): Goal => ({
        id: 'stod',
        label: 'Får stöd',
        kind: 'itemShare',
        instrument,
        item: itemKey,
        atLeast: 4,
        phase: 'exit',
        target: 0.9,
      });
      spec
        .given([interventionRegistered])
        .when(setGoals([nojda, item('navet-indikatorer', 'support_needed')]))
        .thenFails(
          'goal_item_unknown',
          'Mål 2 (goals.1) hänvisar till en fråga som inte finns i insatsens formulär stegvis-5: ange formuläret stegvis-5 och en av dess frågor, self_esteem, wellbeing, social_ability, employability eller future_hope.',
        );
      spec
        .given([interventionRegistered])
        .when(setGoals([item('stegvis-5', 'support_needed')]))
        .thenFails('goal_item_unknown');
      const progress: Goal = {
        id: 'steg',
        label: 'Steg',
        kind: 'positiveProgressShare',
        source: 'selfAssessment',
        dimensions: ['shoe_size'],
        target: 0.33,
      };
      spec
        .given([interventionRegistered])
        .when(setGoals([progress]))
        .thenFails('goal_item_unknown');
      expect(
        interventionDecider.decide(
          setGoals([item('stegvis-5', 'wellbeing')]),
          interventionDecider.evolve(
            { status: 'unregistered' },
            { ...interventionRegistered, id: 'x' },
          ),
        ),
      ).toHaveLength(1);
    });

    it('refuses goals for an unknown intervention', () =>
      spec
        .given([])
        .when(setGoals([nojda]))
        .thenFails('intervention_not_found'));
  });

  describe('closing', () => {
    const close = (closedOn: string): InterventionCommand => ({
      type: 'CloseIntervention',
      body: { closedOn },
      today: TODAY,
    });
    const closed = {
      type: 'InterventionClosed' as const,
      data: { interventionId: INTERVENTION_ID, closedOn: '2026-06-01', occurredOn: '2026-06-01' },
    };

    it('closes once, not in the future, not before the start', () => {
      spec.given([interventionRegistered]).when(close('2026-06-01')).then([closed]);
      spec
        .given([interventionRegistered, closed])
        .when(close('2026-06-02'))
        .thenFails('intervention_already_closed', 'Insatsen är redan avslutad 2026-06-01.');
      spec
        .given([interventionRegistered])
        .when(close('2026-06-16'))
        .thenFails(
          'date_in_future',
          'Datumet då insatsen avslutades (closedOn) ligger i framtiden: ange ett datum till och med i dag, 2026-06-15.',
        );
      spec
        .given([interventionRegistered])
        .when(close('2025-12-31'))
        .thenFails(
          'date_before_intervention_start',
          'Datumet då insatsen avslutades (closedOn) ligger före insatsens start 2026-01-01: ange ett datum från och med 2026-01-01.',
        );
    });
  });

  describe('attendance', () => {
    const attend = (occurredOn: string): InterventionCommand => ({
      type: 'RecordAttendance',
      body: { occurredOn, women: 12, men: 5, other: 0 },
      today: TODAY,
    });

    it('records head counts for a structural intervention', () =>
      spec
        .given([structural])
        .when(attend('2026-03-10'))
        .then([
          {
            type: 'AttendanceRecorded',
            data: {
              interventionId: INTERVENTION_ID,
              occurredOn: '2026-03-10',
              women: 12,
              men: 5,
              other: 0,
            },
          },
        ]));

    it('refuses head counts for an individual intervention', () =>
      spec
        .given([interventionRegistered])
        .when(attend('2026-03-10'))
        .thenFails('intervention_is_individual'));

    it('refuses dates in the future, before the start and after closing', () => {
      spec.given([structural]).when(attend('2026-06-16')).thenFails('date_in_future');
      spec
        .given([structural])
        .when(attend('2025-12-01'))
        .thenFails('date_before_intervention_start');
      const closed = {
        type: 'InterventionClosed' as const,
        data: { interventionId: INTERVENTION_ID, closedOn: '2026-03-01', occurredOn: '2026-03-01' },
      };
      spec
        .given([structural, closed])
        .when(attend('2026-03-10'))
        .thenFails(
          'intervention_not_open',
          'Datumet (occurredOn) ligger utanför insatsens öppna tid 2026-01-01–2026-03-01: ange ett datum från och med 2026-01-01 till och med 2026-03-01.',
        );
    });
  });
});

describe('association decider', () => {
  const aspec = deciderSpec(associationDecider);
  const registered = {
    type: 'AssociationRegistered' as const,
    data: {
      associationId: ASSOCIATION_ID,
      name: 'Test',
      orgNumber: '222000-0000',
      parties: ['FK' as const, 'AF' as const],
      occurredOn: TODAY,
    },
  };
  const participant = {
    participantId: 'D-0000000001',
    associationId: ASSOCIATION_ID,
    interventionId: INTERVENTION_ID,
  };
  const erase = (p = participant) => ({
    type: 'EraseParticipant' as const,
    body: { reason: 'consent_withdrawn' as const },
    participant: p,
    today: TODAY,
  });
  const erased = {
    type: 'ParticipantErased' as const,
    data: { ...participant, reason: 'consent_withdrawn' as const, occurredOn: TODAY },
  };

  it('registers once', () => {
    const cmd = {
      type: 'RegisterAssociation' as const,
      associationId: ASSOCIATION_ID,
      body: { name: 'Test', orgNumber: '222000-0000', parties: ['FK' as const, 'AF' as const] },
      today: TODAY,
    };
    aspec.given([]).when(cmd).then([registered]);
    aspec.given([registered]).when(cmd).thenFails('association_already_registered');
  });

  it('erases a participant of its own, once', () => {
    aspec.given([registered]).when(erase()).then([erased]);
    aspec.given([registered, erased]).when(erase()).then([]);
    aspec
      .given([registered])
      .when(erase({ ...participant, associationId: 'F-0000000002' }))
      .thenFails('participant_not_in_association');
    aspec.given([]).when(erase()).thenFails('association_not_found');
  });

  it('refuses duplicate goal ids', () => {
    const goal: Goal = { id: 'antal', label: 'Antal', kind: 'participantCount', min: 60 };
    aspec
      .given([registered])
      .when({ type: 'SetAssociationGoals', year: 2026, goals: [goal, goal], today: TODAY })
      .thenFails(
        'goal_ids_not_unique',
        'Mål 1 och mål 2 har samma id (goals.1.id): ge varje mål ett eget id.',
      );
  });

  it('folds a long history of erasures in time linear in its length (no set rebuilt per event)', () => {
    const historyOf = (n: number): Recorded<AssociationEvent>[] => [
      { ...registered, id: eventId(1) },
      ...Array.from({ length: n - 1 }, (_, i) => ({
        ...erased,
        id: eventId(i + 2),
        data: { ...erased.data, participantId: `D-${String(i).padStart(10, '0')}` },
      })),
    ];
    // Rebuilding the set per erasure made an erasure at 8,000 cost ~6× one at 1,000.
    expect(foldingCostGrowth(associationDecider, historyOf, { to: 8_000 })).toBeLessThan(3);
    const state = fold(associationDecider, historyOf(8_000));
    expect(state.status === 'registered' && state.erasedParticipants.has('D-0000007998')).toBe(
      true,
    );
  }, 60_000);
});
