// The web app's types are the browser's; its pure specs run under Jest.
/// <reference types="jest" />
import { goalForm, keyFromLabel, shareOf, blankGoal, type GoalValues } from './goal-form-values';

const given = (values: Partial<GoalValues>): GoalValues => ({ ...blankGoal(), ...values });
const issuesOf = (result: ReturnType<ReturnType<typeof goalForm>['safeParse']>) =>
  result.success ? [] : result.error.issues.map((i) => ({ path: i.path, message: i.message }));

describe('the goal form', () => {
  it('reads a target typed in percent as the share the domain stores', () => {
    expect(shareOf('80')).toBe(0.8);
    expect(shareOf('87,5')).toBe(0.875);
    expect(shareOf('85 %')).toBe(0.85);
    expect([shareOf('120'), shareOf('0,85x'), shareOf('')]).toEqual([
      undefined,
      undefined,
      undefined,
    ]);
  });

  it('makes a key from the name when the chief leaves it out', () => {
    expect(keyFromLabel('Nöjda deltagare')).toBe('nojda-deltagare');
    expect(keyFromLabel('  Till arbete/studier!  ')).toBe('till-arbete-studier');
  });

  it('given an outcome goal with an uppdrag, when sent, then it is the domain’s goal', () => {
    const result = goalForm([]).safeParse(
      given({
        kind: 'outcomeShare',
        label: 'Egen försörjning',
        outcomes: ['work', 'studies'],
        aims: ['self_sufficiency'],
        target: '70',
      }),
    );
    expect(result.success && result.data).toEqual({
      id: 'egen-forsorjning',
      label: 'Egen försörjning',
      kind: 'outcomeShare',
      outcomes: ['work', 'studies'],
      among: { aims: ['self_sufficiency'] },
      target: 0.7,
    });
  });

  it('given a target over 100 %, then it is refused at the target in Swedish', () => {
    const result = goalForm([]).safeParse(
      given({ kind: 'satisfactionShare', label: 'Nöjda', target: '120' }),
    );
    expect(issuesOf(result)).toEqual([
      {
        path: ['target'],
        message: 'Skriv målet i procent, ett tal mellan 0 och 100, till exempel 80.',
      },
    ]);
  });

  it('given no outcome ticked, then the domain’s refusal is shown at the outcomes', () => {
    const result = goalForm([]).safeParse(
      given({ kind: 'outcomeShare', label: 'Arbete', outcomes: [], target: '50' }),
    );
    expect(issuesOf(result).map((i) => i.path)).toEqual([['outcomes']]);
  });

  it('given a follow-up goal, then its statuses and months reach the domain’s fields', () => {
    const result = goalForm([]).safeParse(
      given({
        kind: 'followUpShare',
        label: 'Arbete efter ett halvår',
        monthsAfterExit: '6',
        statuses: [],
        target: '40',
      }),
    );
    expect(issuesOf(result).map((i) => i.path)).toEqual([['statuses']]);
  });

  it('given a key the year already has, then it is refused at the key', () => {
    const result = goalForm(['nojda']).safeParse(
      given({ kind: 'satisfactionShare', label: 'Nöjda', id: 'nojda', target: '80' }),
    );
    expect(issuesOf(result)).toEqual([
      {
        path: ['id'],
        message: 'Årets mål har redan ett mål med nyckeln nojda. Skriv en annan nyckel.',
      },
    ]);
  });

  it('given gender balance in percentage points, then it is the share of the domain', () => {
    const result = goalForm([]).safeParse(
      given({ kind: 'genderBalance', label: 'Jämn fördelning', maxDeviation: '20' }),
    );
    expect(result.success && result.data).toMatchObject({ maxDeviation: 0.2 });
  });
});
