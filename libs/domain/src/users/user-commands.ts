import type { IsoInstant } from '../shared/instants';
import type { Role } from './user-values';

/**
 * Who asks. The API's authenticated actor fits this shape; `sub` is a user id for people and a
 * service account's name for `AUTH_SECRET` JWTs.
 */
export type AccountActor = {
  readonly sub: string;
  readonly role: Role;
  readonly associationId: string | undefined;
};

/** Interventions named by a command, as read from their streams (absent ones are not found). */
export type FoundInterventions = readonly { interventionId: string; associationId: string }[];

/**
 * A TOTP code as checked outside the decider (which does no crypto): the time step it matched,
 * or `invalid`. Absent: no code was given.
 */
export type TotpProof = { readonly step: number } | 'invalid';

/** A new authenticator app: the sealed secret and the step of the first code it showed. */
export type TotpEnrolment = { readonly secret: string; readonly step: number } | 'invalid';

type At = { readonly now: IsoInstant };
type By = { readonly actor: AccountActor };

/** Who a user is and where they work: what an invitation names and the state keeps. */
export type UserProfile = {
  readonly userId: string;
  readonly email: string;
  readonly name: string;
  readonly role: Role;
  /** Undefined for admins only. */
  readonly associationId: string | undefined;
  readonly interventionIds: readonly string[];
};

type NewUser = UserProfile & { readonly interventions: FoundInterventions };

/**
 * Every command carries `now` from outside; hashes and verification results are computed by the
 * credentials helpers before deciding.
 */
export type UserCommand =
  | (NewUser & By & At & { readonly type: 'InviteUser'; readonly codeHash: string })
  /** The first admin (setup page) or `npm run user -- create`: trusted callers, a password at once. */
  | (NewUser &
      At & {
        readonly type: 'CreateUser';
        readonly createdBy: string;
        readonly passwordHash: string;
      })
  | (By & At & { readonly type: 'ReissueInvitation'; readonly codeHash: string })
  | (At & {
      readonly type: 'AcceptInvitation';
      readonly codeHash: string;
      readonly passwordHash: string;
      readonly requireTotp: boolean;
    })
  | (At & {
      readonly type: 'SignIn';
      /** The argon2id verification's result; false when the user has no password yet. */
      readonly passwordValid: boolean;
      readonly totp?: TotpProof;
      readonly totpEnrolment?: TotpEnrolment;
      readonly requireTotp: boolean;
    })
  /** Single sign-on: the provider vouched for the user's verified address (DESIGN §7). */
  | (At & { readonly type: 'SignInWithOidc' })
  | (By &
      At & {
        readonly type: 'ChangePassword';
        readonly currentPasswordValid: boolean;
        readonly passwordHash: string;
      })
  | (By &
      At & {
        readonly type: 'ChangeRole';
        readonly role: Role;
        /** The interventions after the change: required for staff, none for other roles. */
        readonly interventionIds?: readonly string[];
        readonly interventions: FoundInterventions;
      })
  | (By &
      At & {
        readonly type: 'AssignInterventions';
        readonly interventionIds: readonly string[];
        readonly interventions: FoundInterventions;
      })
  | (By & At & { readonly type: 'DeactivateUser' })
  | (By & At & { readonly type: 'EnableTotp'; readonly enrolment: TotpEnrolment })
  | (By &
      At & {
        readonly type: 'DisableTotp';
        /** Needed when the user turns it off; a manager resetting a lost app needs none. */
        readonly totp?: TotpProof;
        readonly requireTotp: boolean;
      })
  | (By &
      At & {
        readonly type: 'CreateApiToken';
        readonly tokenId: string;
        readonly tokenHash: string;
        readonly label: string;
        readonly expiresInDays: number;
      })
  | (By & At & { readonly type: 'RevokeApiToken'; readonly tokenId: string });
