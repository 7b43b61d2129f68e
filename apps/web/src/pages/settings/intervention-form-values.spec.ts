// The web app's types are the browser's; its pure specs run under Jest.
/// <reference types="jest" />
import { STEGVIS_5 } from '@stegvis/domain';
import {
  blankIntervention,
  interventionForm,
  NEW_INSTRUMENT,
  ownInstruments,
  type InterventionValues,
} from './intervention-form-values';

const own = {
  key: 'navigator',
  label: 'Navigatorns skattning',
  items: [{ key: 'vet-vad', label: 'Jag vet vad jag vill', min: 1, max: 5 }],
};
const given = (values: Partial<InterventionValues>): InterventionValues => ({
  ...blankIntervention(),
  name: 'Navigatorn',
  parties: ['AF'],
  startsOn: '2026-01-01',
  ...values,
});

describe('the insats registration form', () => {
  it('given the defaults, then the body leaves the questionnaire and the ladder out', () => {
    const result = interventionForm([]).safeParse(given({}));
    expect(result.success && result.data).toEqual({
      name: 'Navigatorn',
      kind: 'individual',
      parties: ['AF'],
      startsOn: '2026-01-01',
    });
  });

  it('given a new questionnaire, then its typed ranges become numbers in the body', () => {
    const result = interventionForm([]).safeParse(
      given({
        instrumentChoice: NEW_INSTRUMENT,
        instrument: {
          key: 'navigator',
          label: 'Navigatorns skattning',
          items: [{ key: 'vet-vad', label: 'Jag vet vad jag vill', min: '1', max: '5' }],
        },
      }),
    );
    expect(result.success && result.data.instrument).toEqual(own);
  });

  it('given a scale whose top is not above its bottom, then it is refused at that item', () => {
    const result = interventionForm([]).safeParse(
      given({
        instrumentChoice: NEW_INSTRUMENT,
        instrument: {
          key: 'navigator',
          label: 'Navigatorns skattning',
          items: [{ key: 'vet-vad', label: 'Jag vet vad jag vill', min: '5', max: '5' }],
        },
      }),
    );
    expect(result.success ? [] : result.error.issues.map((i) => i.path)).toEqual([
      ['instrument', 'items', 0, 'max'],
    ]);
  });

  it('given the förbund’s own questionnaire chosen, then the whole questionnaire is sent', () => {
    const result = interventionForm([own]).safeParse(given({ instrumentChoice: 'eget:navigator' }));
    expect(result.success && result.data.instrument).toEqual(own);
  });

  it('given an own ladder, then its steps are numbered in order', () => {
    const result = interventionForm([]).safeParse(
      given({
        ladderChoice: 'egen',
        ladder: {
          key: 'trappa',
          label: 'Trappan',
          levels: [{ label: 'Långt' }, { label: 'Nära' }],
        },
      }),
    );
    expect(result.success && result.data.ladder?.levels).toEqual([
      { level: 1, label: 'Långt' },
      { level: 2, label: 'Nära' },
    ]);
  });

  it('given a structural insats, then no questionnaire or ladder is sent', () => {
    const result = interventionForm([]).safeParse(
      given({ kind: 'structural', instrumentChoice: 'navet-indikatorer', ladderChoice: 'egen' }),
    );
    expect(result.success && result.data).not.toHaveProperty('instrument');
    expect(result.success && result.data).not.toHaveProperty('ladder');
  });

  it('given no party ticked, then it says to tick one', () => {
    const result = interventionForm([]).safeParse(given({ parties: [] }));
    expect(result.success ? [] : result.error.issues.map((i) => i.message)).toEqual([
      'Kryssa i minst en part som står bakom insatsen.',
    ]);
  });

  it('offers as the förbund’s own only the questionnaires that are not built in', () => {
    expect(ownInstruments([{ instruments: [STEGVIS_5, own] }, { instruments: [own] }])).toEqual([
      own,
    ]);
  });
});
