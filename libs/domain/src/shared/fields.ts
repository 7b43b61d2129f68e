/**
 * The Swedish name of every field a person can send (DESIGN §1's glossary), so that a message
 * names the field the way staff speak of it, followed by its place in the request:
 * "målvärdet i mål 2 (goals.1.target)". Validation messages and domain refusals both name
 * fields through here.
 */

/** Fields by key; `parent.key` where the same key means something else inside another field. */
const FIELDS: Readonly<Record<string, string>> = {
  // Associations and interventions
  name: 'namnet',
  orgNumber: 'organisationsnumret',
  parties: 'parterna',
  kind: 'insatsens typ',
  startsOn: 'insatsens startdatum',
  endsOn: 'insatsens slutdatum',
  instrument: 'självskattningsformuläret',
  instruments: 'formulären',
  // Bare, as an own questionnaire's or ladder's fields are named inside the message about it.
  key: 'nyckeln',
  label: 'namnet',
  items: 'frågorna',
  levels: 'nivåerna',
  'instrument.key': 'formulärets nyckel',
  'instrument.label': 'formulärets namn',
  'instrument.items': 'formulärets frågor',
  'items.key': 'nyckeln',
  'items.label': 'frågetexten',
  'items.min': 'skalans lägsta värde',
  'items.max': 'skalans högsta värde',
  ladder: 'stegtrappan',
  'ladder.key': 'stegtrappans nyckel',
  'ladder.label': 'stegtrappans namn',
  'ladder.levels': 'stegtrappans nivåer',
  'levels.level': 'numret',
  'levels.label': 'texten',
  closedOn: 'datumet då insatsen avslutades',
  occurredOn: 'datumet',
  women: 'antalet kvinnor',
  men: 'antalet män',
  other: 'antalet med annat kön eller ej angivet',
  // Goals
  goals: 'målen',
  'goals.id': 'målets id',
  'goals.label': 'målets namn',
  'goals.kind': 'måltypen',
  'goals.target': 'målvärdet',
  'goals.outcomes': 'avslutsorsakerna',
  'goals.source': 'källan',
  'goals.dimensions': 'områdena',
  'goals.min': 'lägsta antalet deltagare',
  'goals.maxDeviation': 'största tillåtna avvikelsen',
  'goals.instrument': 'formuläret',
  'goals.item': 'frågan',
  'goals.atLeast': 'lägsta svarsvärdet som räknas',
  'goals.phase': 'tillfället',
  'goals.rule': 'regeln för positiv förflyttning',
  'goals.among': 'urvalet',
  'goals.aims': 'uppdragen',
  'among.aims': 'uppdragen',
  'among.excludeOutcomes': 'avslutsorsakerna som inte räknas',
  'goals.monthsAfterExit': 'uppföljningstillfället',
  // Participants
  enrolledOn: 'inskrivningsdatumet',
  gender: 'könet',
  birthYear: 'födelseåret',
  referringParty: 'den aktualiserande parten',
  incomeSource: 'försörjningen',
  educationLevel: 'utbildningsnivån',
  supportDurationBefore: 'tiden med offentlig försörjning före insatsen',
  incomeSourceAtStart: 'försörjningen vid inskrivningen',
  referredOn: 'aktualiseringsdatumet',
  assignment: 'uppdraget',
  'assignment.aim': 'uppdragets mål',
  assignmentGoalReached: 'uppgiften om uppdragets mål nåddes',
  monthsAfterExit: 'uppföljningstillfället',
  followedUpOn: 'datumet för uppföljningen',
  status: 'sysselsättningen vid uppföljningen',
  fields: 'uppgifterna att rätta',
  phase: 'självskattningens tillfälle',
  assessedOn: 'datumet för självskattningen',
  scores: 'värdena',
  level: 'nivån på stegtrappan',
  stepOn: 'datumet för stegförflyttningen',
  score: 'nöjdheten',
  answeredOn: 'datumet för svaret',
  exitedOn: 'avslutsdatumet',
  outcome: 'avslutsorsaken',
  planHandedOver: 'uppgiften om planen lämnades över',
  eventId: 'uppgiftens id',
  reason: 'skälet',
  // Reports, exports, paths and queries
  year: 'året',
  format: 'formatet',
  publication: 'valet publicering',
  interventionId: 'insatsens id',
  from: 'periodens första dag',
  to: 'periodens sista dag',
  asOf: 'tidpunkten',
  aid: 'förbundets id',
  iid: 'insatsens id',
  pid: 'deltagarens id',
  after: 'deltagaren att fortsätta efter',
  limit: 'antalet per sida',
  minPosition: 'positionen',
};

/** What one element of a list field is called: "part 2 (parties.1)". */
const ELEMENTS: Readonly<Record<string, string>> = {
  parties: 'part',
  outcomes: 'avslutsorsak',
  dimensions: 'område',
  instruments: 'formulär',
  aims: 'uppdrag',
  excludeOutcomes: 'avslutsorsak',
  goals: 'mål',
  items: 'fråga',
  levels: 'nivå',
};

/** Maps whose keys the client chose: the key is never repeated back (it could be anything). */
const RECORDS: Readonly<Record<string, string>> = { scores: 'ett av värdena' };

type Segment = PropertyKey;

/**
 * The field at `path`, in Swedish, with its place in the request: "födelseåret (birthYear)",
 * "målvärdet i mål 2 (goals.1.target)", "part 2 (parties.1)". Lower case: it may start a
 * sentence or sit inside one (see `capitalised`).
 */
export function fieldName(path: readonly Segment[]): string {
  const record = path.findIndex(
    (s, i) => typeof s === 'string' && RECORDS[s] && i < path.length - 1,
  );
  if (record >= 0) {
    const at = path.slice(0, record + 1);
    return `${RECORDS[String(path[record])]} ${placeOf(at)}`;
  }
  const last = path.at(-1);
  if (last === undefined) return 'begäran';
  if (typeof last === 'number') {
    const list = String(path.at(-2));
    const element = ELEMENTS[list] ?? 'post';
    return `${element} ${last + 1} ${placeOf(path)}`;
  }
  const key = String(last);
  const parent = [...path.slice(0, -1)].reverse().find((s) => typeof s === 'string');
  const name = FIELDS[`${String(parent)}.${key}`] ?? FIELDS[key];
  if (name === undefined) return `fältet ${path.map(String).join('.')}`;
  return `${name}${within(path)} ${placeOf(path)}`;
}

/** " i mål 2" when the field sits in an element of a list, else "". */
function within(path: readonly Segment[]): string {
  const index = path.findLastIndex((s) => typeof s === 'number');
  if (index < 0) return '';
  const list = String(path[index - 1]);
  const element = ELEMENTS[list];
  return element === undefined ? '' : ` i ${element} ${Number(path[index]) + 1}`;
}

function placeOf(path: readonly Segment[]): string {
  return `(${path.map(String).join('.')})`;
}

export function capitalised(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}
