import { Goal } from './goals';

/** v1.1 goal kinds and options (DESIGN §4) parse as written, and refuse what is not defined. */
describe('v1.1 goals', () => {
  const base = { id: 'mal', label: 'Ett mål' };
  const parses = (goal: object) => Goal.safeParse({ ...base, ...goal });

  it('reads the SamCoach goals: uppdragets mål, and egen försörjning among those with that aim', () => {
    expect(parses({ kind: 'assignmentGoalShare', target: 0.85 }).success).toBe(true);
    expect(
      parses({
        kind: 'outcomeShare',
        outcomes: ['work', 'studies'],
        among: { aims: ['self_sufficiency'], excludeOutcomes: ['moved'] },
        target: 0.7,
      }).success,
    ).toBe(true);
  });

  it('reads a follow-up goal at a month mark, and refuses a mark that is not 3, 6 or 12', () => {
    const goal = { kind: 'followUpShare', outcomes: ['work', 'studies'], target: 0.3 };
    expect(parses({ ...goal, monthsAfterExit: 6 }).success).toBe(true);
    expect(parses({ ...goal, monthsAfterExit: 9 }).error?.issues[0]?.message).toBe(
      'Uppföljningstillfället (monthsAfterExit) ska vara antalet månader efter avslut: 3, 6 eller 12.',
    );
  });

  it('reads each progression rule and refuses another', () => {
    const goal = { kind: 'positiveProgressShare', source: 'selfAssessment', target: 0.33 };
    for (const rule of ['anyImproved', 'anyImprovedNoneWorse', 'sumImproved', 'eachDimension']) {
      expect(parses({ ...goal, rule }).success).toBe(true);
    }
    expect(parses({ ...goal, rule: 'mostImproved' }).success).toBe(false);
  });

  it('refuses an uppdrag aim that does not exist, in a goal', () =>
    expect(
      parses({ kind: 'assignmentGoalShare', aims: ['world_peace'], target: 0.85 }).success,
    ).toBe(false));

  it('keeps a v1 goal as it was', () =>
    expect(
      parses({ kind: 'positiveProgressShare', source: 'selfAssessment', target: 0.33 }).data,
    ).toEqual({
      ...base,
      kind: 'positiveProgressShare',
      source: 'selfAssessment',
      target: 0.33,
    }));
});
