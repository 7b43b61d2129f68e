// What the page tells the user when something stops it from showing a report.

import * as format from './format.js';

export const MESSAGES = {
  invalidToken: 'Ogiltig eller utgången token. Logga in med en ny token.',
  wrongRole: (role) =>
    `Instrumentpanelen är till för förbundschef och styrelse. Din token gäller ${
      format.ROLE_LABELS[role] ? `rollen ${format.ROLE_LABELS[role]}` : 'en annan roll'
    }.`,
  noAssociation: 'Din token anger inget samordningsförbund. Be om en ny token.',
  forbidden:
    'Du saknar behörighet att läsa det här förbundets rapporter. Kontrollera att din token gäller rätt förbund.',
  notFound: 'Det finns ingen rapport att visa: förbundet eller insatsen finns inte.',
  network: 'Kunde inte nå Stegvis. Kontrollera nätverksanslutningen och försök igen.',
  server: (status, detail) =>
    detail
      ? `Rapporten kunde inte hämtas: ${detail}`
      : `Rapporten kunde inte hämtas (fel ${status}).`,
  empty: 'Inga deltagare registrerade för perioden.',
  notBegun: (year) => `År ${year} har inte börjat ännu. Uppföljningen visas när året har börjat.`,
  staleIntervention: (year) =>
    `Insatsen i länken finns inte bland förbundets insatser ${year}. Här visas hela förbundet.`,
};

/** The message for a failed API call (a 401 is handled by signing out instead). */
export function messageFor(error) {
  if (error.kind === 'network') return MESSAGES.network;
  switch (error.status) {
    case 403:
      return MESSAGES.forbidden;
    case 404:
      return MESSAGES.notFound;
    default:
      return MESSAGES.server(error.status, error.detail);
  }
}
