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
