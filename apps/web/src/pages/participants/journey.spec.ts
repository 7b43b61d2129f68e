// The web app's types are the browser's; its pure specs run under Jest.
/// <reference types="jest" />
import { enrolled, exited, PARTICIPANT_ID } from '../../../../../libs/domain/src/testing/fixtures';
import { retractable, type Fact } from './journey';

const fact = (event: Omit<Fact, 'id' | 'retracted'>, id: string, retracted = false): Fact =>
  ({ ...event, id, retracted }) as Fact;

const followUp = (id: string, retracted = false) =>
  fact(
    {
      type: 'FollowUpRecorded',
      data: {
        participantId: PARTICIPANT_ID,
        monthsAfterExit: 3,
        followedUpOn: '2026-09-01',
        status: 'work',
        incomeSource: 'salary',
        occurredOn: '2026-09-01',
      },
    },
    id,
    retracted,
  );

const ids = (facts: readonly Fact[]) => retractable(facts).map((f) => f.id);

describe('what "Ta tillbaka" offers', () => {
  const before = [fact(enrolled, 'e1'), fact(exited('2026-05-31'), 'e2')];

  it('offers the exit while nothing follows it, never the enrolment', () => {
    expect(ids(before)).toEqual(['e2']);
  });

  it('keeps the exit out while a follow-up after it stands, offering the follow-up', () => {
    expect(ids([...before, followUp('e3')])).toEqual(['e3']);
  });

  it('offers the exit again once the follow-up is taken back', () => {
    expect(ids([...before, followUp('e3', true)])).toEqual(['e2']);
  });
});
