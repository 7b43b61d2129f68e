import { z } from 'zod';
import { InterventionId } from '../events';
import { DisplayName } from './display-name';
import { Email } from './email';
import { MAX_API_TOKEN_DAYS } from './user-rules';
import { ApiTokenLabel, NewPassword, PresentedPassword, Role, SealedSecret } from './user-values';

/** Request bodies of the account routes (DESIGN §7), strict like the other write bodies. */

export const TotpCode = z.string().regex(/^\d{6}$/, 'Engångskoden är sex siffror från appen.');

const InterventionIds = z.array(InterventionId).max(500);

export const InviteUserBody = z.strictObject({
  email: Email,
  name: DisplayName,
  role: Role.exclude(['admin']),
  interventionIds: InterventionIds.optional(),
});
export type InviteUserBody = z.infer<typeof InviteUserBody>;

/** The code is checked by its hash, so only its length is bounded here. */
export const AcceptInvitationBody = z.strictObject({
  code: z.string().min(1).max(200),
  password: NewPassword,
});
export type AcceptInvitationBody = z.infer<typeof AcceptInvitationBody>;

export const SignInBody = z.strictObject({
  email: Email,
  password: PresentedPassword,
  totp: TotpCode.optional(),
  /** With `totp`, when the role must enrol while signing in: the sealed secret the API gave. */
  totpSecret: SealedSecret.optional(),
});
export type SignInBody = z.infer<typeof SignInBody>;

export const ChangePasswordBody = z.strictObject({
  currentPassword: PresentedPassword,
  newPassword: NewPassword,
});
export type ChangePasswordBody = z.infer<typeof ChangePasswordBody>;

export const ChangeUserBody = z
  .strictObject({
    role: Role.exclude(['admin']).optional(),
    interventionIds: InterventionIds.optional(),
    deactivated: z.literal(true).optional(),
  })
  .refine(
    (b) => Object.keys(b).length > 0,
    'Ange vad som ska ändras: roll, insatser eller inaktivering.',
  );
export type ChangeUserBody = z.infer<typeof ChangeUserBody>;

export const CreateApiTokenBody = z.strictObject({
  label: ApiTokenLabel,
  expiresInDays: z
    .number()
    .int()
    .min(1, 'En API-nyckel gäller i minst 1 dag.')
    .max(MAX_API_TOKEN_DAYS, `En API-nyckel gäller i högst ${MAX_API_TOKEN_DAYS} dagar.`),
});
export type CreateApiTokenBody = z.infer<typeof CreateApiTokenBody>;

/** The first admin, from the one-time address that start-up prints (`/konfigurera?kod=…`). */
export const SetupBody = z.strictObject({
  code: z.string().min(1).max(200),
  email: Email,
  name: DisplayName,
  password: NewPassword,
});
export type SetupBody = z.infer<typeof SetupBody>;

/** The first code of a new authenticator app, with the sealed secret the API gave for it. */
export const EnableTotpBody = z.strictObject({ totpSecret: SealedSecret, totp: TotpCode });
export type EnableTotpBody = z.infer<typeof EnableTotpBody>;

export const DisableTotpBody = z.strictObject({ totp: TotpCode });
export type DisableTotpBody = z.infer<typeof DisableTotpBody>;
