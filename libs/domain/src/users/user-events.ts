import { z } from 'zod';
import { AssociationId, InterventionId } from '../events';
import { IsoDate } from '../shared/dates';
import { IsoInstant } from '../shared/instants';
import { DisplayName } from './display-name';
import { Email } from './email';
import {
  ApiTokenId,
  ApiTokenLabel,
  PasswordHash,
  Role,
  SealedSecret,
  SecretHash,
  UserId,
} from './user-values';

/**
 * The events of people's accounts (DESIGN §7). Staff, chiefs and board members are not
 * participants: their e-mail and display name live in their own stream, which is deleted when the
 * user is. Secrets never do: passwords as argon2id hashes, codes and tokens as SHA-256 hashes,
 * the TOTP secret encrypted.
 */

/** Same shape as events.ts's events (its helper is module-private): data with `occurredOn`. */
const event = <T extends string, S extends z.ZodRawShape>(type: T, shape: S) =>
  z.strictObject({
    type: z.literal(type),
    data: z.strictObject({ ...shape, occurredOn: IsoDate }),
  });

/** `sub` of whoever caused it: a user id, or a service account's name for JWT callers and the CLI. */
const Actor = z.string().min(1).max(200);

/** A single-use link's secret, as a hash, and when it stops working. */
export const Invitation = z.strictObject({ codeHash: SecretHash, expiresAt: IsoInstant });

export const UserInvited = event('UserInvited', {
  userId: UserId,
  email: Email,
  name: DisplayName,
  role: Role,
  /** Absent for admins only. */
  associationId: AssociationId.optional(),
  interventionIds: z.array(InterventionId),
  invitedBy: Actor,
  /** Absent when the user was created with a password (first admin, `npm run user -- create`). */
  invitation: Invitation.optional(),
});
/** A new link (password reset or a lost invitation): the previous one stops working. */
export const InvitationReissued = event('InvitationReissued', {
  userId: UserId,
  invitation: Invitation,
  issuedBy: Actor,
});
export const InvitationAccepted = event('InvitationAccepted', { userId: UserId });
export const PasswordChanged = event('PasswordChanged', {
  userId: UserId,
  passwordHash: PasswordHash,
});
export const RoleChanged = event('RoleChanged', {
  userId: UserId,
  role: Role,
  /** The interventions after the change: kept for staff, none for other roles. */
  interventionIds: z.array(InterventionId),
  changedBy: Actor,
});
export const InterventionsAssigned = event('InterventionsAssigned', {
  userId: UserId,
  /** The whole new set, not a difference. */
  interventionIds: z.array(InterventionId),
  assignedBy: Actor,
});
export const UserDeactivated = event('UserDeactivated', { userId: UserId, deactivatedBy: Actor });

export const SignInMethod = z.enum(['password', 'invitation', 'oidc']);
export const SignedIn = event('SignedIn', {
  userId: UserId,
  at: IsoInstant,
  method: SignInMethod,
  /** The TOTP time step that was used, so it cannot be used again. */
  totpStep: z.number().int().min(0).optional(),
});
/** Which check failed. `locked` and `deactivated` attempts are recorded but do not count toward a lock. */
export const SignInFailureReason = z.enum([
  'password',
  'totp',
  'totp_reused',
  'locked',
  'deactivated',
]);
export const SignInFailed = event('SignInFailed', {
  userId: UserId,
  at: IsoInstant,
  reason: SignInFailureReason,
});

export const TotpEnabled = event('TotpEnabled', {
  userId: UserId,
  secret: SealedSecret,
  /** The step of the code that confirmed the app: used, so not accepted again. */
  step: z.number().int().min(0),
});
export const TotpDisabled = event('TotpDisabled', { userId: UserId, disabledBy: Actor });

export const ApiTokenCreated = event('ApiTokenCreated', {
  userId: UserId,
  tokenId: ApiTokenId,
  tokenHash: SecretHash,
  label: ApiTokenLabel,
  at: IsoInstant,
  expiresAt: IsoInstant,
});
export const ApiTokenRevoked = event('ApiTokenRevoked', {
  userId: UserId,
  tokenId: ApiTokenId,
  revokedBy: Actor,
});

export const UserEvent = z.discriminatedUnion('type', [
  UserInvited,
  InvitationReissued,
  InvitationAccepted,
  PasswordChanged,
  RoleChanged,
  InterventionsAssigned,
  UserDeactivated,
  SignedIn,
  SignInFailed,
  TotpEnabled,
  TotpDisabled,
  ApiTokenCreated,
  ApiTokenRevoked,
]);
export type UserEvent = z.infer<typeof UserEvent>;

/**
 * The fact that a user was deleted, kept after the user's stream is (stream `accounts`), as
 * `ParticipantErased` is kept on the association's stream. Names no e-mail and no name.
 */
export const UserDeleted = event('UserDeleted', {
  userId: UserId,
  role: Role,
  associationId: AssociationId.optional(),
  deletedBy: Actor,
});
/**
 * That a user exists (stream `accounts`), written before the user's own stream: the directory
 * the user lists, the audit and the first start read, without a projection that could lag.
 * Names no e-mail and no name; the role is the one invited with (the user's stream has changes).
 */
export const UserRegistered = event('UserRegistered', {
  userId: UserId,
  associationId: AssociationId.optional(),
});
export const AccountsEvent = z.discriminatedUnion('type', [UserRegistered, UserDeleted]);
export type AccountsEvent = z.infer<typeof AccountsEvent>;

export const accountStreams = {
  user: (userId: string) => `user-${userId}`,
  accounts: 'accounts',
} as const;
