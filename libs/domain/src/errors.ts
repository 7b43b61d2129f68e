/**
 * Domain rule violations. `code` is stable (scripts rely on it); `message` is Swedish and is
 * shown to staff as the problem+json `detail`. Messages never contain participant data.
 */
export const domainErrors = {
  association_not_found: 'Samordningsförbundet finns inte.',
  association_already_registered: 'Samordningsförbundet är redan registrerat.',
  intervention_not_found: 'Insatsen finns inte.',
  intervention_already_registered: 'Insatsen är redan registrerad.',
  intervention_too_few_parties:
    'En individinriktad insats måste finansieras eller bemannas av minst två parter.',
  intervention_party_not_member: 'En av insatsens parter är inte medlem i samordningsförbundet.',
  intervention_ends_before_start: 'Insatsens slutdatum ligger före startdatumet.',
  intervention_already_closed: 'Insatsen är redan avslutad.',
  intervention_not_open: 'Insatsen är inte öppen på det angivna datumet.',
  intervention_is_structural:
    'Insatsen är strukturinriktad och har inga enskilda deltagare; registrera antal deltagare i stället.',
  intervention_is_individual:
    'Insatsen är individinriktad; antal deltagare registreras för strukturinriktade insatser och volymaktiviteter.',
  date_in_future: 'Datumet ligger i framtiden.',
  date_before_intervention_start: 'Datumet ligger före insatsens start.',
  date_before_enrolment: 'Datumet ligger före deltagarens inskrivning.',
  date_after_exit: 'Datumet ligger efter deltagarens avslut.',
  exit_before_recorded_entries:
    'Avslutsdatumet ligger före en redan registrerad uppgift om deltagaren.',
  participant_already_enrolled: 'Deltagaren är redan inskriven.',
  participant_not_found: 'Deltagaren finns inte.',
  participant_already_exited: 'Deltagaren är redan avslutad.',
  participant_erased: 'Deltagaren är raderad och kan inte ta emot fler uppgifter.',
  participant_age_out_of_range: 'Födelseåret ger en ålder vid inskrivning utanför 16–100 år.',
  participant_not_in_association: 'Deltagaren tillhör inte samordningsförbundet.',
  instrument_unknown: 'Självskattningsformuläret finns inte.',
  instrument_not_used: 'Insatsen använder inte det angivna självskattningsformuläret.',
  instrument_item_unknown: 'Formuläret saknar en eller flera av de angivna frågorna.',
  score_out_of_range: 'Ett eller flera värden ligger utanför formulärets skala.',
  ladder_level_unknown: 'Nivån finns inte på insatsens stegtrappa.',
  retraction_target_not_found: 'Uppgiften som ska makuleras finns inte hos deltagaren.',
  retraction_target_already_retracted: 'Uppgiften är redan makulerad.',
  retraction_target_not_retractable:
    'Inskrivningen och makuleringar kan inte makuleras; radera deltagaren i stället om inskrivningen var fel.',
  goal_ids_not_unique: 'Varje mål måste ha ett unikt id.',
  goal_item_unknown: 'Ett mål hänvisar till en fråga som inte finns i insatsens formulär.',
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

export type DomainErrorCode = keyof typeof domainErrors;

export class DomainError extends Error {
  override readonly name = 'DomainError';
  constructor(readonly code: DomainErrorCode) {
    super(domainErrors[code]);
  }
}

export function ensure(condition: unknown, code: DomainErrorCode): asserts condition {
  if (!condition) throw new DomainError(code);
}
