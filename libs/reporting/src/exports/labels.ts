import { completenessFacts, GENDER_COLUMN_LABELS } from '@stegvis/domain';
import type { ColumnKey, SuppressionMark } from './sheet.types';

/**
 * The exports' own texts: sheet names, headings, row texts and explanations. Every label of a
 * code (parties, outcomes, age groups, goal kinds and statuses, …) is the domain vocabulary's
 * (libs/domain: vocabulary.ts, report-vocabulary.ts, goals.ts), read from there.
 */

/**
 * The header each column key has in the CSV's single long table. A worksheet may name the
 * same column more precisely ("Åldersgrupp" instead of "Rad").
 */
export const CSV_COLUMN_LABELS = {
  insats: 'Insats',
  row: 'Rad',
  detail: 'Delrad',
  woman: GENDER_COLUMN_LABELS.woman,
  man: GENDER_COLUMN_LABELS.man,
  other: GENDER_COLUMN_LABELS.other,
  total: 'Totalt',
  // Gender first, so that "Andel kvinnor" is not read as the share of women.
  shareWoman: 'Kvinnor, andel',
  shareMan: 'Män, andel',
  shareOther: 'Annat, andel',
  share: 'Totalt, andel',
  goalId: 'Mål-id',
  kind: 'Typ',
  target: 'Målnivå',
  value: 'Värde',
  numerator: 'Täljare',
  denominator: 'Nämnare',
  status: 'Status',
  current: 'I år',
  previous: 'Året innan',
  change: 'Förändring',
  text: 'Text',
} as const satisfies Record<ColumnKey, string>;

/** The CSV's first column: which table a row belongs to. */
export const CSV_TABLE_LABEL = 'Tabell';

/** What a withheld number reads in a publication (DESIGN §4). */
export const SUPPRESSION_MARKS = {
  small: '<5',
  masked: '..',
} as const satisfies Record<SuppressionMark, string>;

/** The report's own level in the Insats column of an association report. */
export const WHOLE_ASSOCIATION = 'Hela förbundet';

export const SHEET_NAMES = {
  about: 'Om rapporten',
  participants: 'Deltagare',
  ageGroups: 'Åldersgrupper',
  referringParty: 'Aktualiserande part',
  incomeSourceAtStart: 'Försörjning vid start',
  incomeSourceAtExit: 'Försörjning vid avslut',
  outcomes: 'Avslutsorsaker',
  daysInIntervention: 'Tid i insatsen',
  waitingDays: 'Väntetid',
  satisfaction: 'Nöjdhet',
  progression: 'Progression',
  progressionByDimension: 'Progression per område',
  ongoingProgression: 'Progression, pågående',
  assignments: 'Uppdrag',
  followUp: 'Uppföljning efter avslut',
  employmentStatus: 'Sysselsättning före och efter',
  incomeSourceChange: 'Försörjning före–efter',
  educationLevel: 'Utbildningsnivå',
  supportDurationBefore: 'Offentlig försörjning före',
  attendance: 'Besöksantal',
  completeness: 'Datakvalitet',
  goals: 'Måluppfyllelse',
  finsam: 'Uppföljning Finsam',
  previous: 'Jämfört med året innan',
} as const;
export type SheetKey = keyof typeof SHEET_NAMES;

/** One sentence per table: what it counts (listed on the "Om rapporten" sheet). */
export const SHEET_DESCRIPTIONS: Readonly<Record<Exclude<SheetKey, 'about'>, string>> = {
  participants:
    'Deltagare som var aktiva vid periodens start, skrevs in, avslutades, var aktiva vid ' +
    'periodens slut och totalt under perioden (aktiva vid start + nya = avslutade + aktiva vid slut).',
  ageGroups: 'Deltagare under perioden efter ålder vid inskrivningen.',
  referringParty: 'Deltagare under perioden efter vem som aktualiserade dem.',
  incomeSourceAtStart: 'Deltagare under perioden efter försörjning vid inskrivningen.',
  incomeSourceAtExit: 'Avslutade deltagare efter försörjning vid avslutet.',
  outcomes: 'Avslutade deltagare efter avslutsorsak.',
  daysInIntervention: 'Avslutade deltagares tid i insatsen, från inskrivning till avslut, i dagar.',
  waitingDays:
    'Dagar från aktualiseringen till inskrivningen, för deltagare som skrevs in under perioden ' +
    'och har ett aktualiseringsdatum (antalet står på raden Med aktualiseringsdatum).',
  progressionByDimension:
    'Avslutade deltagare med självskattning vid både start och avslut, per område: bedömda, ' +
    'och av dem de som skattade sig högre, lika eller lägre vid avslutet. Ett område som ingen ' +
    'besvarat står med noll.',
  ongoingProgression:
    'Deltagare som fortfarande var aktiva vid periodens slut, från självskattningen vid start ' +
    'till den senaste vid uppföljning under perioden: bedömda, positiv förändring i minst ett ' +
    'område, och per område högre, lika eller lägre.',
  assignments:
    'Avslutade deltagare efter uppdrag (vad insatsen skulle hjälpa personen att nå), och de av ' +
    'dem som enligt handläggaren nådde uppdragets mål.',
  followUp:
    'Deltagare som avslutades under perioden, per uppföljningstillfälle (3, 6 och 12 månader ' +
    'efter avslutet): de vars tillfälle har inträffat, de som följts upp (även om uppföljningen ' +
    'gjordes året efter) och vad de då gjorde.',
  previous:
    'Samma nyckeltal för samma period ett år tidigare, med årets mål bedömda på det året, och ' +
    'om värdet har ökat, minskat eller är oförändrat.',
  satisfaction:
    'Avslutade deltagare som besvarat nöjdhetsfrågan (1–5) och de som var nöjda (senaste svaret 4 eller 5).',
  progression:
    'Avslutade deltagare med självskattning både vid start och avslut (bedömda) och de som ' +
    'skattade sig högre vid avslutet i minst ett område (positiv förändring); per område; och ' +
    'på stegtrappan (minst två steg, positiv när det sista steget är högre än det första).',
  employmentStatus:
    'Avslutade deltagare efter sysselsättning före (från försörjning vid start) och efter ' +
    '(från avslutsorsak) insatsen, grupperat som i SUS.',
  incomeSourceChange: 'Avslutade deltagare efter försörjning vid start och försörjning vid avslut.',
  educationLevel: 'Deltagare under perioden efter utbildningsnivå.',
  supportDurationBefore:
    'Deltagare under perioden efter tid med offentlig försörjning före insatsen.',
  attendance:
    'Antal besökare som registrerats under perioden (strukturinriktade insatser och ' +
    'volymaktiviteter); besök, inte unika personer.',
  completeness: 'Hur fullständiga uppgifterna är: andel av de avslutade för vilka uppgiften finns.',
  goals:
    'Årets mål med målnivå, utfall, täljare och nämnare. Under 5 i nämnaren går målet inte att ' +
    'bedöma. Mål om antal deltagare räknar deltagare under perioden; för en strukturinriktad ' +
    'insats räknar de besöksantalet, och för hela förbundet bara deltagare (besök är inte personer).',
  finsam:
    'Det förbundet rapporterar till Uppföljning Finsam: per insats dess typ och antal ' +
    'deltagare efter kön (individinriktade: deltagare under perioden; strukturinriktade: besöksantal).',
};

/** Row labels and the headers of the key columns, per table. */
export const TEXTS = {
  insats: 'Insats',
  participantRows: {
    activeAtStart: 'Aktiva vid periodens start',
    enrolled: 'Nya (inskrivna)',
    exited: 'Avslutade',
    activeAtEnd: 'Aktiva vid periodens slut',
    total: 'Totalt under perioden',
  },
  participantsHeader: 'Deltagare',
  ageGroupHeader: 'Åldersgrupp',
  referringPartyHeader: 'Aktualiserande part',
  incomeSourceHeader: 'Försörjning',
  outcomeHeader: 'Avslutsorsak',
  educationLevelHeader: 'Utbildningsnivå',
  supportDurationHeader: 'Tid med offentlig försörjning före insatsen',
  measureHeader: 'Mått',
  daysMean: 'Medelvärde (dagar)',
  daysMedian: 'Median (dagar)',
  satisfactionAnswered: 'Svarat',
  satisfactionSatisfied: 'Nöjda (4–5)',
  satisfactionShare: 'Andel nöjda',
  progressionAreaHeader: 'Område',
  progressionOverall: 'Självskattning, minst ett område',
  progressionLadder: 'Stegtrappa',
  progressionAssessed: 'Bedömda',
  progressionPositive: 'Positiv förändring',
  progressionShare: 'Andel positiv förändring',
  waitingMean: 'Medelvärde (dagar)',
  waitingMedian: 'Median (dagar)',
  waitingCounted: 'Med aktualiseringsdatum',
  dimensionImproved: 'Högre',
  dimensionUnchanged: 'Lika',
  dimensionWorse: 'Lägre',
  assignmentHeader: 'Uppdrag',
  assignmentExited: 'Avslutade med uppdraget',
  assignmentReached: 'Nådde uppdragets mål',
  assignmentShare: 'Andel som nådde målet',
  followUpMarkHeader: 'Uppföljning',
  followUpDue: 'Tillfället har inträffat',
  followUpDone: 'Följda upp',
  followUpStatus: (status: string) => `Sysselsättning: ${status}`,
  previousMeasureHeader: 'Nyckeltal',
  /** The key figures compared with the year before, by their path in the report. */
  previousRows: {
    'participants.activeAtStart': 'Aktiva vid periodens start',
    'participants.enrolled': 'Nya (inskrivna)',
    'participants.exited': 'Avslutade',
    'participants.activeAtEnd': 'Aktiva vid periodens slut',
    'participants.total': 'Totalt under perioden',
    'daysInIntervention.mean': 'Tid i insatsen, medelvärde (dagar)',
    'daysInIntervention.median': 'Tid i insatsen, median (dagar)',
    'waitingDays.mean': 'Väntetid, medelvärde (dagar)',
    'waitingDays.median': 'Väntetid, median (dagar)',
    'satisfaction.answered': 'Nöjdhet: svarat',
    'satisfaction.satisfied': 'Nöjdhet: nöjda (4–5)',
    'progression.assessed': 'Progression: bedömda',
    'progression.positive': 'Progression: positiv förändring',
  },
  previousGoal: (label: string) => `Mål: ${label}`,
  changes: { up: 'Ökat', down: 'Minskat', same: 'Oförändrat' },
  employmentWhenHeader: 'Tidpunkt',
  employmentStatusHeader: 'Sysselsättning',
  employmentBefore: 'Före insatsen',
  employmentAfter: 'Efter insatsen',
  changeFromHeader: 'Försörjning vid start',
  changeToHeader: 'Försörjning vid avslut',
  attendanceRow: 'Besökare',
  completenessHeader: 'Uppgift',
  completenessCount: 'Antal',
  completenessShare: 'Andel av avslutade',
  completenessRows: completenessFacts.labels,
  goalId: 'Mål-id',
  goalLabel: 'Mål',
  goalKind: 'Typ',
  goalTarget: 'Målnivå',
  goalValue: 'Värde',
  goalNumerator: 'Täljare',
  goalDenominator: 'Nämnare',
  goalStatus: 'Status',
  finsamKind: 'Typ',
  aboutKeyHeader: 'Uppgift',
  aboutValueHeader: 'Värde',
  total: 'Totalt',
} as const;

export const ABOUT_TEXTS = {
  association: 'Samordningsförbund',
  intervention: 'Insats',
  year: 'Rapportår',
  period: 'Period',
  counted: 'Räknat',
  countedRunning: (through: string) =>
    `Perioden pågår: uppgifterna gäller t.o.m. ${through}, och aktiva vid periodens slut är de ` +
    'som var aktiva den dagen.',
  countedNotBegun:
    'Perioden har inte börjat: inget är räknat ännu, och inget mål kan bedömas förrän den har börjat.',
  checkpoint: 'Kontrollpunkt',
  checkpointValue: (position: string) => `Händelser t.o.m. position ${position} i händelseloggen`,
  noCheckpoint: 'Inga händelser har registrerats ännu',
  asOf: 'Läge per',
  asOfValue: (asOf: string) => `Endast uppgifter registrerade senast ${asOf}`,
  levels: 'Insatsnivåer',
  levelsValue:
    'Först raderna för hela förbundet (alla insatser), därefter raderna för varje insats. ' +
    'Strukturinriktade insatser har inga deltagare och redovisas under Besöksantal och Måluppfyllelse.',
  singleLevelValue: 'Rapporten gäller en insats.',
  populations: 'Populationer',
  populationsValue:
    'Tabellerna om deltagarnas bakgrund (åldersgrupper, aktualiserande part, försörjning vid ' +
    'start, utbildningsnivå, offentlig försörjning före) räknar deltagare som varit aktiva någon ' +
    'gång under perioden (Totalt under perioden). Tabellerna om avslut (försörjning vid avslut, ' +
    'avslutsorsaker, sysselsättning före och efter, försörjning före–efter, tid i insatsen, ' +
    'nöjdhet, progression) räknar deltagare som avslutats under perioden.',
  genders: 'Kön',
  gendersValue: 'Kvinnor, män och annat/vill ej ange. Totalt är summan av de tre.',
  table: (name: string) => `Tabell: ${name}`,
  publication: 'Publicering',
  publicationValue:
    'Rapporten är gjord för publicering: uppgifter som skulle kunna peka ut enskilda personer ' +
    'visas inte. Där står i stället <5 eller .. (se nedan).',
  /** The two marks, each explained on a row of its own. */
  marks: {
    small: 'Antalet är mindre än 5 (0–4).',
    masked:
      'Uppgiften visas inte: ett antal på 5 eller fler som döljs för att ett mindre antal inte ' +
      'ska kunna räknas fram ur summor, eller ett medelvärde, en median eller en andel som bygger ' +
      'på färre än 5 personer eller på ett dolt antal.',
  } satisfies Record<SuppressionMark, string>,
} as const;
