import {
  enrolled,
  exited,
  interventionRegistered,
  satisfaction,
  PARTICIPANT_ID,
  INTERVENTION_ID,
} from '../../../domain/src/testing/fixtures';
import type { StegvisEvent } from '@stegvis/domain';
import { applyEvents, documentKey, touchedDocuments } from './apply-events';
import { projections } from './index';
import type { ProjectedEvent } from './projection';

let position = 0n;
const at = (
  event: StegvisEvent,
  id = `00000000-0000-4000-8000-${String(++position).padStart(12, '0')}`,
): ProjectedEvent => ({
  ...event,
  id,
  position: ++position,
  recordedAt: '2026-01-01T00:00:00.000Z',
});

function project(events: ProjectedEvent[], loaded = new Map<string, unknown>()) {
  const results = applyEvents(projections, loaded, events);
  return new Map(results.map((r) => [documentKey(r.collection, r.id), r]));
}

describe('participants projection', () => {
  it('summarises a participant, with retracted entries removed', () => {
    const wrong = at(satisfaction('2026-04-01', 1));
    const exit = at(exited('2026-05-31'));
    const docs = project([
      at(enrolled),
      wrong,
      at({
        type: 'EntryRetracted',
        data: {
          participantId: PARTICIPANT_ID,
          retractedEventId: wrong.id,
          reason: 'wrong_value',
          occurredOn: '2026-04-02',
        },
      }),
      at(satisfaction('2026-04-02', 5)),
      exit,
    ]);
    const result = docs.get(documentKey('participants', PARTICIPANT_ID));
    expect(result?.tags).toEqual([`intervention:${INTERVENTION_ID}`, 'association:F-0000000001']);
    expect(result?.doc).toMatchObject({
      participantId: PARTICIPANT_ID,
      gender: 'woman',
      incomeSourceAtStart: 'sickness_benefit',
      enrolledOn: '2026-02-01',
      satisfaction: [{ score: 5, answeredOn: '2026-04-02' }],
      exit: { eventId: exit.id, exitedOn: '2026-05-31', outcome: 'work', planHandedOver: true },
      position: exit.position.toString(),
    });
  });

  it('a retracted exit makes the participant active again', () => {
    const exit = at(exited());
    const docs = project([
      at(enrolled),
      exit,
      at({
        type: 'EntryRetracted',
        data: {
          participantId: PARTICIPANT_ID,
          retractedEventId: exit.id,
          reason: 'wrong_date',
          occurredOn: '2026-06-01',
        },
      }),
    ]);
    expect(docs.get(documentKey('participants', PARTICIPANT_ID))?.doc).toMatchObject({
      exit: null,
    });
  });

  it('an erased participant is removed, also when loaded from an earlier batch', () => {
    const first = project([at(enrolled)]);
    const loaded = new Map([
      [
        documentKey('participants', PARTICIPANT_ID),
        first.get(documentKey('participants', PARTICIPANT_ID))?.doc,
      ],
    ]);
    const erased = at({
      type: 'ParticipantErased',
      data: {
        associationId: 'F-0000000001',
        participantId: PARTICIPANT_ID,
        interventionId: INTERVENTION_ID,
        reason: 'consent_withdrawn',
        occurredOn: '2026-06-01',
      },
    });
    const result = project([erased], loaded).get(documentKey('participants', PARTICIPANT_ID));
    expect(result).toEqual({
      collection: 'participants',
      id: PARTICIPANT_ID,
      doc: undefined,
      tags: [],
    });
  });

  it('ignores events for a participant it never saw enrolled', () => {
    expect(
      project([at(satisfaction('2026-04-01'))]).get(documentKey('participants', PARTICIPANT_ID))
        ?.doc,
    ).toBeUndefined();
  });
});

describe('interventions projection', () => {
  it('keeps the latest goals per year, closing and head counts', () => {
    const goals = (target: number) => [
      { id: 'nojda', label: 'Nöjda', kind: 'satisfactionShare' as const, target },
    ];
    const docs = project([
      at(interventionRegistered),
      at({
        type: 'InterventionGoalsSet',
        data: {
          interventionId: INTERVENTION_ID,
          year: 2026,
          goals: goals(0.8),
          occurredOn: '2026-01-02',
        },
      }),
      at({
        type: 'InterventionGoalsSet',
        data: {
          interventionId: INTERVENTION_ID,
          year: 2027,
          goals: goals(0.9),
          occurredOn: '2026-01-02',
        },
      }),
      at({
        type: 'InterventionGoalsSet',
        data: {
          interventionId: INTERVENTION_ID,
          year: 2026,
          goals: goals(0.85),
          occurredOn: '2026-02-01',
        },
      }),
      at({
        type: 'AttendanceRecorded',
        data: {
          interventionId: INTERVENTION_ID,
          occurredOn: '2026-03-01',
          women: 3,
          men: 2,
          other: 0,
        },
      }),
      at({
        type: 'InterventionClosed',
        data: { interventionId: INTERVENTION_ID, closedOn: '2026-06-01', occurredOn: '2026-06-01' },
      }),
    ]);
    expect(docs.get(documentKey('interventions', INTERVENTION_ID))?.doc).toMatchObject({
      name: 'Resurslotsen',
      kind: 'individual',
      endsOn: '2026-12-31',
      closedOn: '2026-06-01',
      goals: { 2026: goals(0.85), 2027: goals(0.9) },
      attendance: [{ occurredOn: '2026-03-01', women: 3, men: 2, other: 0 }],
    });
  });
});

describe('applyEvents', () => {
  it('names each touched document once, and folds its events in order', () => {
    const events = [at(enrolled), at(satisfaction('2026-03-01')), at(satisfaction('2026-03-02'))];
    expect(touchedDocuments(projections, events)).toEqual([
      { collection: 'participants', id: PARTICIPANT_ID },
    ]);
    const results = applyEvents(projections, new Map(), events);
    expect(results).toHaveLength(1);
    expect((results[0]?.doc as { satisfaction: unknown[] }).satisfaction).toHaveLength(2);
  });
});
