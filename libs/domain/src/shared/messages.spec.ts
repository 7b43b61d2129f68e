import { z } from 'zod';
import {
  EnrolParticipantBody,
  RecordAttendanceBody,
  RecordSatisfactionBody,
  RecordSelfAssessmentBody,
  RegisterAssociationBody,
  RegisterInterventionBody,
  SetGoalsBody,
} from '../commands';
import { GoalYear } from '../goals';
import { ParticipantId } from '../events';
import { enrolmentBody } from '../testing/fixtures';
import { swedishValidation } from './messages';

/**
 * Every message a person can get from a body is a Swedish sentence that names the field and says
 * what is allowed (issue 9, item 26): the table gives input → the exact message.
 */
beforeAll(() => z.config(swedishValidation));

const enrolment = enrolmentBody;
const goal = { id: 'nojda', label: 'Nöjda', kind: 'satisfactionShare', target: 0.85 };
const intervention = {
  name: 'Navet',
  kind: 'individual',
  parties: ['FK', 'AF'],
  startsOn: '2026-01-01',
};

type Case = readonly [
  title: string,
  schema: z.ZodType,
  input: unknown,
  path: string,
  message: string,
];

const CASES: readonly Case[] = [
  [
    'a number written as text',
    EnrolParticipantBody,
    { ...enrolment, birthYear: '1988' },
    'birthYear',
    'Födelseåret (birthYear) ska vara ett heltal mellan 1900 och 2100.',
  ],
  [
    'a fraction where an integer belongs',
    RecordSatisfactionBody,
    { score: 4.5, answeredOn: '2026-03-01' },
    'score',
    'Nöjdheten (score) ska vara ett heltal mellan 1 och 5.',
  ],
  [
    'a missing field',
    EnrolParticipantBody,
    { ...enrolment, gender: undefined },
    'gender',
    'Könet (gender) saknas: ange en av koderna woman (Kvinna), man (Man) eller other (Annat/vill ej ange).',
  ],
  [
    'an impossible date',
    EnrolParticipantBody,
    { ...enrolment, enrolledOn: '2026-02-30' },
    'enrolledOn',
    'Inskrivningsdatumet (enrolledOn) ska vara ett datum skrivet ÅÅÅÅ-MM-DD, t.ex. 2026-03-15.',
  ],
  [
    'a percentage where a share belongs',
    SetGoalsBody,
    { goals: [{ ...goal, target: 85 }] },
    'goals.0.target',
    'Målvärdet i mål 1 (goals.0.target) ska vara en andel mellan 0 och 1, t.ex. 0,85 för 85 % (i JSON 0.85).',
  ],
  [
    'an unknown goal kind',
    SetGoalsBody,
    { goals: [goal, { ...goal, id: 'tur', kind: 'luck' }] },
    'goals.1.kind',
    'Måltypen i mål 2 (goals.1.kind) ska vara en av koderna outcomeShare (Andel avslutade med vissa avslutsorsaker), satisfactionShare (Andel nöjda deltagare), positiveProgressShare (Andel med positiv förflyttning), participantCount (Antal deltagare), genderBalance (Jämn könsfördelning), planAtExitShare (Andel med plan vid avslut), itemShare (Andel med visst svar på en fråga), assignmentGoalShare (Andel avslutade som nått uppdragets mål) eller followUpShare (Andel med viss sysselsättning vid uppföljning efter avslut).',
  ],
  [
    'a malformed pseudonym, without showing a pattern',
    z.object({ pid: ParticipantId }),
    { pid: 'D-123' },
    'pid',
    'Deltagarens id (pid) ska vara ett deltagar-id som D-4HX9QK2WMP: D- och tio tecken (0–9 och A–Z utom I, L, O och U).',
  ],
  [
    'a year with too few digits',
    z.object({ year: GoalYear }),
    { year: '202' },
    'year',
    'Året (year) ska vara ett år mellan 2000 och 2100 skrivet med fyra siffror, t.ex. 2026.',
  ],
  [
    'a head count over the limit',
    RecordAttendanceBody,
    { occurredOn: '2026-03-01', women: 100_001, men: 0, other: 0 },
    'women',
    'Antalet kvinnor (women) ska vara ett heltal mellan 0 och 100\u00a0000.',
  ],
  [
    'no one at all',
    RecordAttendanceBody,
    { occurredOn: '2026-03-01', women: 0, men: 0, other: 0 },
    '',
    'Antalet kvinnor, män och övriga (women, men, other) är alla 0: ange hur många som deltog.',
  ],
  [
    'a party named twice',
    RegisterAssociationBody,
    { name: 'Förbundet', orgNumber: '222000-1974', parties: ['FK', 'AF', 'FK'] },
    'parties.2',
    'Part 3 (parties.2) är samma som part 1: ange varje part en gång.',
  ],
  [
    'a personnummer for an organisationsnummer',
    RegisterAssociationBody,
    { name: 'Förbundet', orgNumber: '811218-9876', parties: ['FK'] },
    'orgNumber',
    'Organisationsnumret (orgNumber) är inte ett organisationsnummer: ett sådant har 2 eller högre som tredje siffra (ett personnummer har 0 eller 1 där). Ange förbundets organisationsnummer.',
  ],
  [
    'an unknown field, not repeated',
    EnrolParticipantBody,
    { ...enrolment, personnummer: '19880101-1234' },
    '',
    'Begäran innehåller fält som inte finns: ta bort dem. Tillåtna fält är enrolledOn, gender, birthYear, referringParty, incomeSource, educationLevel, supportDurationBefore, referredOn och assignment.',
  ],
  [
    'a score that is not an integer, without repeating the key',
    RecordSelfAssessmentBody,
    {
      instrument: 'stegvis-5',
      phase: 'start',
      assessedOn: '2026-03-01',
      scores: { wellbeing: '7' },
    },
    'scores.wellbeing',
    'Ett av värdena (scores) ska vara ett heltal på formulärets skala.',
  ],
  [
    'a key of scores that is no item key, without repeating it',
    RecordSelfAssessmentBody,
    { instrument: 'stegvis-5', phase: 'start', assessedOn: '2026-03-01', scores: { 'Sven S': 4 } },
    'scores.Sven S',
    'Nycklarna i värdena (scores) ska vara frågornas nycklar, t.ex. wellbeing.',
  ],
  [
    'a scale whose maximum is not above its minimum',
    RegisterInterventionBody,
    {
      ...intervention,
      instrument: { key: 'egen', label: 'Egen', items: [{ key: 'a', label: 'A', min: 5, max: 1 }] },
    },
    'instrument.items.0.max',
    'Skalans högsta värde i fråga 1 (instrument.items.0.max) ska vara större än skalans lägsta värde (min).',
  ],
  [
    'an own questionnaire without its label and items',
    RegisterInterventionBody,
    { ...intervention, instrument: { key: 'egen' } },
    'instrument',
    'Självskattningsformuläret (instrument) är inte giltigt. Namnet (label) saknas: ange en text på 1–200 tecken. Frågorna (items) saknas: ange en lista med 1–50 frågor, var och en med key, label, min och max.',
  ],
  [
    'a ladder numbered out of order',
    RegisterInterventionBody,
    {
      ...intervention,
      ladder: {
        key: 'kort',
        label: 'Kort',
        levels: [
          { level: 1, label: 'Ett' },
          { level: 3, label: 'Tre' },
        ],
      },
    },
    'ladder.levels.1.level',
    'Numret i nivå 2 (ladder.levels.1.level) ska vara 2: nivåerna numreras 1, 2, 3, … i ordning.',
  ],
];

describe('Swedish validation messages name the field and what is allowed', () => {
  it.each(CASES)('%s', (_title, schema, input, path, message) => {
    const result = schema.safeParse(input);
    expect(
      result.error?.issues.map((i) => ({ path: i.path.join('.'), message: i.message })),
    ).toEqual([{ path, message }]);
  });

  it('never repeat a submitted value', () => {
    const secret = 'Sven Svensson 19880101-1234';
    const bodies: readonly [z.ZodType, unknown][] = [
      [EnrolParticipantBody, { ...enrolment, gender: secret, [secret]: 1 }],
      [SetGoalsBody, { goals: [{ ...goal, kind: secret, target: secret }] }],
      [
        RecordSelfAssessmentBody,
        { instrument: secret, phase: secret, assessedOn: secret, scores: { [secret]: secret } },
      ],
      [
        RegisterInterventionBody,
        { ...intervention, instrument: { key: secret, label: secret, items: secret } },
      ],
    ];
    for (const [schema, input] of bodies) {
      const messages = schema.safeParse(input).error?.issues.map((i) => i.message) ?? [];
      expect(messages.length).toBeGreaterThan(0);
      for (const message of messages) expect(message).not.toMatch(/Sven|19880101/);
    }
  });
});
