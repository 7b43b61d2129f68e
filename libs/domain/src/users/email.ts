import { z } from 'zod';

/**
 * A staff member's e-mail address, the sign-in name. Stored as typed but trimmed, NFC-normalised
 * and lower-cased, so `Anna.Berg@Kommun.se` and `anna.berg@kommun.se` are one account (mail
 * servers of Swedish public bodies do not distinguish case either). ASCII addresses only: an
 * internationalised domain is written in its xn-- form, which keeps look-alike letters out of
 * sign-in names.
 */
export const Email = z
  .string()
  .trim()
  .normalize('NFC')
  .toLowerCase()
  .max(254, 'E-postadressen får vara högst 254 tecken lång.')
  .pipe(z.email('Ange en giltig e-postadress, till exempel namn@kommun.se.'));
export type Email = z.infer<typeof Email>;
