import { z } from 'zod';
import { roles, type ExistingUser } from '@stegvis/domain';
import { nameWholes } from '../platform/openapi/schema-dto';

/** The answers of the account routes: one zod schema each, the OpenAPI document derived from it. */

export const MeAnswer = z.object({
  userId: z.string(),
  /** Null for a service account's AUTH_SECRET JWT, which has no account. */
  email: z.string().nullable(),
  name: z.string(),
  role: z.enum(roles),
  associationId: z.string().nullable(),
  interventionIds: z.array(z.string()),
  /** Whether the user has an authenticator app (TOTP) turned on. */
  totp: z.boolean(),
});
export type Me = z.infer<typeof MeAnswer>;

/** GET /v1/auth/me: with a session cookie also its CSRF token, so a reloaded page can write. */
export const MeWithSessionAnswer = MeAnswer.extend({ csrfToken: z.string().optional() });

export const SessionAnswer = z.object({
  /** Send it as `X-CSRF-Token` on every state-changing request with the session cookie. */
  csrfToken: z.string(),
  user: MeAnswer,
});

/** GET /v1/auth/session: whether this browser's cookie names a live session, answered with 200 either way. */
export const BrowserSessionAnswer = z.object({
  signedIn: z.boolean(),
  csrfToken: z.string().optional(),
  user: MeAnswer.optional(),
});

export const InvitationAcceptedAnswer = z.object({
  signedIn: z.boolean(),
  /** Present when signedIn is false: sign in with the password and this second factor. */
  secondFactor: z.enum(['totp', 'enrolment']).optional(),
  csrfToken: z.string().optional(),
  user: MeAnswer.optional(),
});

export const UserAnswer = z.object({
  userId: z.string(),
  email: z.string(),
  name: z.string(),
  role: z.enum(roles),
  associationId: z.string().nullable(),
  interventionIds: z.array(z.string()),
  status: z.enum(['invited', 'active', 'deactivated']),
  totp: z.boolean(),
  /** When the current invitation link stops working; null when there is none. */
  invitationExpiresAt: z.string().nullable(),
});
export const UserListAnswer = z.object({ users: z.array(UserAnswer) });

export const InvitedAnswer = z.object({ userId: z.string(), invitationUrl: z.string() });
export const InvitationAnswer = z.object({ invitationUrl: z.string() });

export const ApiTokenAnswer = z.object({
  tokenId: z.string(),
  label: z.string(),
  createdAt: z.string(),
  expiresAt: z.string(),
});
export const ApiTokenListAnswer = z.object({ tokens: z.array(ApiTokenAnswer) });
export const CreatedApiTokenAnswer = z.object({
  tokenId: z.string(),
  /** Shown once: only its hash is kept. */
  token: z.string(),
  expiresAt: z.string(),
});

export const TotpEnrolmentAnswer = z.object({
  /** To type into the app (base32). */
  secret: z.string(),
  /** The `otpauth://` address, for a QR code. */
  uri: z.string(),
  /** Send back with the first code: the secret sealed for this user. */
  totpSecret: z.string(),
});

export const SetupStatusAnswer = z.object({ available: z.boolean() });

export const AuditAnswer = z.object({
  entries: z.array(
    z.object({
      at: z.string(),
      actor: z.string(),
      type: z.string(),
      userId: z.string(),
      stream: z.string(),
    }),
  ),
});

nameWholes({
  MeAnswer,
  SessionAnswer,
  InvitationAcceptedAnswer,
  UserAnswer,
  UserListAnswer,
  InvitedAnswer,
  InvitationAnswer,
  ApiTokenListAnswer,
  CreatedApiTokenAnswer,
  TotpEnrolmentAnswer,
  SetupStatusAnswer,
  AuditAnswer,
});

export function meOf(user: ExistingUser): Me {
  return {
    userId: user.userId,
    email: user.email,
    name: user.name,
    role: user.role,
    associationId: user.associationId ?? null,
    interventionIds: [...user.interventionIds],
    totp: user.totp !== undefined,
  };
}

export function userAnswerOf(user: ExistingUser): z.infer<typeof UserAnswer> {
  return {
    ...meOf(user),
    email: user.email,
    status: user.status,
    invitationExpiresAt: user.invitation?.expiresAt ?? null,
  };
}
