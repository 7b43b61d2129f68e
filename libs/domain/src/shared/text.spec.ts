import { z } from 'zod';
import { RegisterAssociationBody, RegisterInterventionBody, SetGoalsBody } from '../commands';
import { swedishValidation } from './messages';
import { comparisonKey, readableText } from './text';

/** Issue 9, item 20: what a person types is refused when it would travel unseen into files. */
beforeAll(() => z.config(swedishValidation));

const Name = z.strictObject({ name: readableText({ min: 2, max: 120 }) });
const messageOf = (value: unknown) => Name.safeParse({ name: value }).error?.issues[0]?.message;

const HIDDEN =
  'Namnet (name) innehåller osynliga styrtecken (t.ex. radbrytning, tabb eller tecken som vänder textriktningen): skriv texten med vanliga tecken.';
const INVISIBLE =
  'Namnet (name) måste innehålla synliga tecken, inte bara blanksteg eller osynliga tecken.';

describe('readable text', () => {
  it.each([
    ['a right-to-left override', 'Sam\u202ECoach'],
    ['a left-to-right embedding', '\u202ANavet'],
    ['a pop directional formatting', 'Navet\u202C'],
    ['a first strong isolate', 'Na\u2068vet'],
    ['a pop directional isolate', 'Navet\u2069x'],
    ['a right-to-left mark', 'Navet\u200F'],
    ['a tab', 'Sam\tCoach'],
    ['a newline', 'Sam\nCoach'],
    ['a NUL', 'Sam\u0000Coach'],
    ['a C1 control', 'Sam\u0085Coach'],
    ['a line separator', 'Sam\u2028Coach'],
    ['an unpaired surrogate', 'Sam\uD800Coach'],
  ])('refuses %s', (_title, value) => expect(messageOf(value)).toBe(HIDDEN));

  it.each([
    ['zero-width spaces', '\u200B\u200B\u200B'],
    ['word joiners and a BOM', '\u2060\u2060\uFEFF'],
    ['Hangul fillers', '\u3164\u3164'],
    ['the braille blank', '\u2800\u2800'],
  ])('refuses a name made only of %s', (_title, value) => expect(messageOf(value)).toBe(INVISIBLE));

  it('refuses blanks of every width, which trimming leaves empty', () =>
    expect(messageOf('\u2003\u2009\u00A0\u3000')).toBe(
      'Namnet (name) ska vara en text på 2–120 tecken.',
    ));

  it('normalises to NFC and trims', () => {
    expect(Name.parse({ name: '  Cafe\u0301 Stegvis ' }).name).toBe('Caf\u00E9 Stegvis');
  });

  it('accepts ordinary Swedish names, punctuation and emoji', () => {
    for (const name of ['Navet', 'SamCoach – Östra Göinge', 'Jobbspåret (16–29 år)', 'Må bra 🌱']) {
      expect(Name.parse({ name }).name).toBe(name);
    }
  });

  it('guards every free string a person types: names, labels of instruments, ladders and goals', () => {
    const override = 'x\u202Ey';
    const intervention = {
      name: 'Navet',
      kind: 'individual',
      parties: ['FK', 'AF'],
      startsOn: '2026-01-01',
    };
    const item = { key: 'a', label: 'A', min: 1, max: 5 };
    const level = (n: number) => ({ level: n, label: `Nivå ${n}` });
    const refusals: readonly [z.ZodType, unknown, string][] = [
      [
        RegisterAssociationBody,
        { name: override, orgNumber: '222000-1974', parties: ['FK'] },
        'name',
      ],
      [RegisterInterventionBody, { ...intervention, name: override }, 'name'],
      [
        RegisterInterventionBody,
        { ...intervention, instrument: { key: 'e', label: override, items: [item] } },
        'instrument.label',
      ],
      [
        RegisterInterventionBody,
        {
          ...intervention,
          instrument: { key: 'e', label: 'E', items: [{ ...item, label: override }] },
        },
        'instrument.items.0.label',
      ],
      [
        RegisterInterventionBody,
        { ...intervention, ladder: { key: 'l', label: override, levels: [level(1), level(2)] } },
        'ladder.label',
      ],
      [
        RegisterInterventionBody,
        {
          ...intervention,
          ladder: { key: 'l', label: 'L', levels: [level(1), { ...level(2), label: override }] },
        },
        'ladder.levels.1.label',
      ],
      [
        SetGoalsBody,
        { goals: [{ id: 'n', label: override, kind: 'satisfactionShare', target: 0.8 }] },
        'goals.0.label',
      ],
    ];
    for (const [schema, body, path] of refusals) {
      const issues = schema.safeParse(body).error?.issues ?? [];
      expect(issues.map((i) => [i.path.join('.'), i.message.includes(`(${path})`)])).toEqual([
        [path, true],
      ]);
    }
  });
});

describe('comparison key', () => {
  it('is equal for names that differ only in case, spacing, invisible characters or composition', () => {
    const same = ['SamCoach', '  samcoach ', 'SAMCOACH', 'Sam\u200BCoach'];
    expect(new Set(same.map(comparisonKey)).size).toBe(1);
    expect(comparisonKey('Sam  \u00A0 Coach')).toBe(comparisonKey('sam coach'));
    expect(comparisonKey('Cafe\u0301')).toBe(comparisonKey('CAF\u00C9'));
    expect(comparisonKey('Straße')).toBe(comparisonKey('STRASSE'));
  });

  it('tells different names apart', () => {
    expect(comparisonKey('SamCoach')).not.toBe(comparisonKey('SamCoach 2'));
    expect(comparisonKey('Åsa')).not.toBe(comparisonKey('Asa'));
  });
});
