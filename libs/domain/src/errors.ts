import { capitalised, fieldName } from './shared/fields';
import { listed, swedishNumber } from './shared/messages';

/**
 * Domain rule violations. `code` is stable (scripts rely on it); the message is Swedish, shown
 * to staff as the problem+json `detail`, and names the field, item, range or date concerned and
 * what to do. Parameters are what the decider knows (the enrolment date, the scale of an item,
 * today), never a value the caller typed as free text, and never anything about the person.
 */

/** A refusal with parameters: `summary` says what the code means, `detail` the case at hand. */
const withDetail = <P>(summary: string, detail: (params: P) => string) => ({ summary, detail });

/** A date field of the command, named as the request names it: "inskrivningsdatumet (enrolledOn)". */
type DateField = { readonly field: string };
const field = (key: string) => capitalised(fieldName([key]));

const refusals = {
  association_not_found: 'Samordningsförbundet finns inte.',
  association_already_registered: 'Samordningsförbundet är redan registrerat.',
  intervention_not_found: 'Insatsen finns inte.',
  intervention_already_registered: 'Insatsen är redan registrerad.',
  intervention_too_few_parties:
    'En individinriktad insats måste finansieras eller bemannas av minst två parter: ange minst två parter (parties).',
  intervention_party_not_member: withDetail(
    'En av insatsens parter är inte medlem i samordningsförbundet.',
    (p: { outsiders: readonly string[]; members: readonly string[] }) =>
      `${listed(p.outsiders, 'och')} är inte ${p.outsiders.length > 1 ? 'medlemmar' : 'medlem'} i samordningsförbundet: ange bara förbundets medlemmar (${listed(p.members)}) som parter (parties).`,
  ),
  intervention_ends_before_start:
    'Insatsens slutdatum (endsOn) ligger före startdatumet (startsOn): ange ett slutdatum samma dag som startdatumet eller senare.',
  intervention_already_closed: withDetail(
    'Insatsen är redan avslutad.',
    (p: { closedOn: string }) => `Insatsen är redan avslutad ${p.closedOn}.`,
  ),
  intervention_not_open: withDetail(
    'Insatsen är inte öppen på det angivna datumet.',
    (p: DateField & { startsOn: string; lastOpenDate?: string | undefined }) =>
      p.lastOpenDate === undefined
        ? `${field(p.field)} ligger utanför insatsens öppna tid: ange ett datum från och med ${p.startsOn}.`
        : `${field(p.field)} ligger utanför insatsens öppna tid ${p.startsOn}–${p.lastOpenDate}: ange ett datum från och med ${p.startsOn} till och med ${p.lastOpenDate}.`,
  ),
  intervention_is_structural:
    'Insatsen är strukturinriktad och har inga enskilda deltagare; registrera antal deltagare i stället.',
  intervention_is_individual:
    'Insatsen är individinriktad; antal deltagare registreras för strukturinriktade insatser och volymaktiviteter.',
  intervention_name_taken: withDetail(
    'Förbundet har redan en öppen insats med samma namn.',
    (p: { interventionId: string }) =>
      `Förbundet har redan en öppen insats med samma namn (name), ${p.interventionId}: välj ett annat namn, eller avsluta den insatsen först. Skickades registreringen två gånger är insatsen redan registrerad.`,
  ),
  date_in_future: withDetail(
    'Datumet ligger i framtiden.',
    (p: DateField & { today: string }) =>
      `${field(p.field)} ligger i framtiden: ange ett datum till och med i dag, ${p.today}.`,
  ),
  date_before_intervention_start: withDetail(
    'Datumet ligger före insatsens start.',
    (p: DateField & { startsOn: string }) =>
      `${field(p.field)} ligger före insatsens start ${p.startsOn}: ange ett datum från och med ${p.startsOn}.`,
  ),
  date_before_enrolment: withDetail(
    'Datumet ligger före deltagarens inskrivning.',
    (p: DateField & { enrolledOn: string }) =>
      `${field(p.field)} ligger före deltagarens inskrivning ${p.enrolledOn}: ange ett datum från och med ${p.enrolledOn}.`,
  ),
  date_after_exit: withDetail(
    'Datumet ligger efter deltagarens avslut.',
    (p: DateField & { exitedOn: string }) =>
      `${field(p.field)} ligger efter deltagarens avslut ${p.exitedOn}: ange ett datum till och med ${p.exitedOn}, eller makulera avslutet först om det var fel.`,
  ),
  exit_before_recorded_entries: withDetail(
    'Avslutsdatumet ligger före en redan registrerad uppgift om deltagaren.',
    (p: { latest: string }) =>
      `Avslutsdatumet (exitedOn) ligger före en redan registrerad uppgift om deltagaren, daterad ${p.latest}: ange ett avslutsdatum från och med ${p.latest}, eller makulera den uppgiften först.`,
  ),
  participant_already_enrolled: 'Deltagaren är redan inskriven.',
  participant_not_found: 'Deltagaren finns inte.',
  participant_already_exited: withDetail(
    'Deltagaren är redan avslutad.',
    (p: { exitedOn: string }) =>
      `Deltagaren är redan avslutad ${p.exitedOn}: makulera det avslutet först om det ska ändras.`,
  ),
  participant_erased: 'Deltagaren är raderad och kan inte ta emot fler uppgifter.',
  participant_age_out_of_range: withDetail(
    'Födelseåret ger en ålder vid inskrivning utanför 16–100 år.',
    (p: { earliest: number; latest: number }) =>
      `Födelseåret (birthYear) ger en ålder vid inskrivningen utanför 16–100 år: ange ett födelseår mellan ${p.earliest} och ${p.latest}.`,
  ),
  participant_not_in_association: 'Deltagaren tillhör inte samordningsförbundet.',
  participant_fact_limit_reached: withDetail(
    'Deltagaren har nått gränsen för antalet registrerade uppgifter.',
    (p: { limit: number }) =>
      `Deltagaren har nått gränsen på ${swedishNumber(p.limit)} registrerade uppgifter och kan inte ta emot fler. En deltagare har normalt några tiotal: kontrollera om samma uppgift registreras om och om igen.`,
  ),
  instrument_unknown: withDetail(
    'Självskattningsformuläret finns inte.',
    (p: { builtIn: readonly string[] }) =>
      `Självskattningsformuläret (instrument) finns inte: ange ett inbyggt formulär (${listed(p.builtIn)}) eller ett eget formulär med key, label och items.`,
  ),
  instrument_not_used: withDetail(
    'Insatsen använder inte det angivna självskattningsformuläret.',
    (p: { instruments: readonly string[] }) =>
      p.instruments.length === 1
        ? `Insatsen använder inte det angivna självskattningsformuläret (instrument): ange ${p.instruments[0]}, insatsens formulär.`
        : `Insatsen använder inte det angivna självskattningsformuläret (instrument): ange ett av insatsens formulär, ${listed(p.instruments)}.`,
  ),
  instrument_already_used: withDetail(
    'Insatsen använder redan formuläret.',
    (p: { instrument: string }) =>
      `Insatsen använder redan formuläret ${p.instrument} (instruments): ange bara formulär som insatsen inte redan använder.`,
  ),
  instruments_not_unique: withDetail(
    'Samma formulär anges två gånger.',
    (p: { first: number; second: number }) =>
      `Formulär ${p.first + 1} och formulär ${p.second + 1} har samma nyckel (instruments.${p.second}): ange varje formulär en gång.`,
  ),
  instrument_item_unknown: withDetail(
    'Formuläret saknar en eller flera av de angivna frågorna.',
    (p: { instrument: string; items: readonly string[] }) =>
      `Formuläret ${p.instrument} saknar en eller flera av de angivna frågorna (scores): ange bara dess frågor, ${listed(p.items)}.`,
  ),
  score_out_of_range: withDetail(
    'Ett eller flera värden ligger utanför formulärets skala.',
    (p: { item: string; min: number; max: number }) =>
      `Värdet för frågan ${p.item} (scores.${p.item}) ligger utanför formulärets skala: ange ett heltal mellan ${p.min} och ${p.max}.`,
  ),
  ladder_level_unknown: withDetail(
    'Nivån finns inte på insatsens stegtrappa.',
    (p: { levels: number }) =>
      `Nivån (level) finns inte på insatsens stegtrappa: ange en nivå mellan 1 och ${p.levels}.`,
  ),
  referral_after_enrolment: withDetail(
    'Aktualiseringsdatumet ligger efter inskrivningen.',
    (p: { enrolledOn: string }) =>
      `Aktualiseringsdatumet (referredOn) ligger efter inskrivningsdatumet ${p.enrolledOn}: ange ett datum till och med ${p.enrolledOn}.`,
  ),
  assignment_missing:
    'Deltagaren har inget uppdrag, så uppgiften om uppdragets mål nåddes (assignmentGoalReached) kan inte anges: rätta inskrivningen med ett uppdrag (assignment) först, eller utelämna uppgiften.',
  participant_not_exited:
    'Deltagaren är inte avslutad: en uppföljning efter avslut registreras först när deltagaren har avslutats.',
  follow_up_before_mark: withDetail(
    'Uppföljningen görs före sitt tillfälle efter avslutet.',
    (p: { months: number; exitedOn: string; earliest: string }) =>
      `Uppföljningen ${p.months} månader efter avslut kan göras tidigast ${p.earliest}, eftersom deltagaren avslutades ${p.exitedOn}: ange ett datum (followedUpOn) från och med ${p.earliest}.`,
  ),
  follow_up_already_recorded: withDetail(
    'Uppföljningen vid det tillfället är redan registrerad.',
    (p: { months: number }) =>
      `Uppföljningen ${p.months} månader efter avslut är redan registrerad: makulera den först om den ska ändras.`,
  ),
  exit_has_follow_ups:
    'Avslutet har uppföljningar efter avslut: makulera uppföljningarna först om avslutet ska makuleras.',
  retraction_target_is_correction:
    'En rättelse av inskrivningen kan inte makuleras: rätta uppgiften en gång till i stället.',
  retraction_target_not_found:
    'Uppgiften som ska makuleras (eventId) finns inte hos deltagaren: ange id:t för en uppgift i deltagarens historik.',
  retraction_target_already_retracted: 'Uppgiften (eventId) är redan makulerad.',
  retraction_target_not_retractable:
    'Inskrivningen och makuleringar kan inte makuleras; radera deltagaren i stället om inskrivningen var fel.',
  goal_ids_not_unique: withDetail(
    'Varje mål måste ha ett unikt id.',
    (p: { first: number; second: number }) =>
      `Mål ${p.first + 1} och mål ${p.second + 1} har samma id (goals.${p.second}.id): ge varje mål ett eget id.`,
  ),
  goal_item_unknown: withDetail(
    'Ett mål hänvisar till en fråga som inte finns i insatsens formulär.',
    (p: { goal: number; instrument: string; items: readonly string[] }) =>
      `Mål ${p.goal + 1} (goals.${p.goal}) hänvisar till en fråga som inte finns i insatsens formulär ${p.instrument}: ange formuläret ${p.instrument} och en av dess frågor, ${listed(p.items)}.`,
  ),
  // Accounts (users/). Sign-in answers never tell whether an address exists: one code for all.
  sign_in_failed:
    'E-postadressen eller lösenordet stämmer inte, eller så är kontot tillfälligt låst efter för många försök. Kontrollera uppgifterna och försök igen om en stund.',
  sign_in_totp_required: 'Ange engångskoden från din autentiseringsapp.',
  sign_in_totp_enrolment_required:
    'Din roll kräver tvåstegsverifiering. Lägg till Stegvis i en autentiseringsapp och ange den första koden.',
  invitation_invalid:
    'Länken är ogiltig, har redan använts eller har gått ut. Be den som bjöd in dig om en ny länk.',
  user_not_found: 'Användaren finns inte.',
  user_already_exists: 'Användaren finns redan.',
  user_email_taken: 'E-postadressen används redan av ett annat konto. Ange en annan adress.',
  user_invite_not_allowed:
    'Du får inte bjuda in någon med den rollen hit: administratören bjuder in förbundschefer, förbundschefen handläggare och styrelseledamöter i sitt eget förbund.',
  user_change_not_allowed:
    'Du får inte ändra den här användaren: förbundschefen hanterar handläggare och styrelseledamöter i sitt eget förbund, administratören förbundschefer.',
  user_only_self: 'Bara kontots ägare kan göra det här. Logga in som den användaren.',
  user_association_mismatch:
    'En administratör hör inte till något förbund; alla andra roller hör till precis ett.',
  user_interventions_required: 'En handläggare måste arbeta i minst en insats. Välj insatserna.',
  user_interventions_only_for_staff:
    'Bara handläggare knyts till insatser. Ändra rollen till handläggare först.',
  user_intervention_not_in_association: 'En av insatserna hör till ett annat samordningsförbund.',
  user_deactivated: 'Kontot är inaktiverat.',
  user_not_activated:
    'Kontot är inte aktiverat än. Använd inbjudningslänken, eller be om en ny länk.',
  user_current_password_incorrect: 'Det nuvarande lösenordet stämmer inte. Skriv det igen.',
  totp_not_for_role: 'Tvåstegsverifiering finns för förbundschefer och administratörer.',
  totp_already_enabled:
    'Tvåstegsverifiering är redan påslagen. Stäng av den först om du vill byta app.',
  totp_not_enabled: 'Tvåstegsverifiering är inte påslagen.',
  totp_code_invalid:
    'Engångskoden stämmer inte eller har redan använts. Ange koden som appen visar just nu.',
  totp_required_for_role:
    'Tvåstegsverifiering krävs för din roll och kan inte stängas av. Be administratören om hjälp om du har tappat bort appen.',
  api_token_not_found: 'API-nyckeln finns inte.',
  api_token_exists: 'Det finns redan en API-nyckel med det id:t. Skapa nyckeln en gång till.',
  api_token_limit: 'Du har redan 20 giltiga API-nycklar. Återkalla en innan du skapar en ny.',
  api_token_lifetime: 'En API-nyckel gäller i 1–365 dagar. Ange ett antal dagar inom det.',
} as const;

type Refusals = typeof refusals;
export type DomainErrorCode = keyof Refusals;

/** The parameters a code's message needs: none for a fixed message. */
export type DomainErrorParams<C extends DomainErrorCode> = Refusals[C] extends {
  detail: (params: infer P) => string;
}
  ? [params: P]
  : [];

/** What each code means, one fixed sentence per code (the `detail` of a case adds its particulars). */
export const domainErrors = Object.fromEntries(
  Object.entries(refusals).map(([code, r]) => [code, typeof r === 'string' ? r : r.summary]),
) as Readonly<Record<DomainErrorCode, string>>;

function messageOf(code: DomainErrorCode, params: unknown): string {
  const refusal: string | { detail: (p: never) => string } = refusals[code];
  return typeof refusal === 'string' ? refusal : refusal.detail(params as never);
}

class DomainErrorClass extends Error {
  override readonly name = 'DomainError';
  constructor(
    readonly code: DomainErrorCode,
    params?: unknown,
  ) {
    super(messageOf(code, params));
  }
}

/**
 * A refused command: `new DomainError('date_in_future', { field, today })`. Typed per code, so a
 * code whose message names particulars cannot be thrown without them.
 */
export const DomainError: new <C extends DomainErrorCode>(
  code: C,
  ...params: DomainErrorParams<C>
) => DomainErrorClass = DomainErrorClass;
export type DomainError = DomainErrorClass;

export function ensure<C extends DomainErrorCode>(
  condition: unknown,
  code: C,
  ...params: DomainErrorParams<C>
): asserts condition {
  if (!condition) throw new DomainError(code, ...params);
}
