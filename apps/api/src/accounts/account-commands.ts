import { Command } from '@nestjs/cqrs';
import type {
  AcceptInvitationBody,
  ChangePasswordBody,
  ChangeUserBody,
  CreateApiTokenBody,
  DisableTotpBody,
  EnableTotpBody,
  InviteUserBody,
  SetupBody,
  SignInBody,
} from '@stegvis/domain';
import type { Actor } from '../platform/actor';
import type { Me } from './account-answers';

/** Where a request came from, for throttling and the event metadata; never logged. */
export type Origin = { readonly clientAddress: string; readonly now: Date };

/** A signed-in browser: the cookie's session id (not kept by the server) and its CSRF token. */
export type SignedIn = {
  readonly kind: 'signed-in';
  readonly me: Me;
  readonly sessionId: string;
  readonly csrfToken: string;
};

/** The password was right; a second factor is due before a session is made. */
export type SecondFactorDue = {
  readonly kind: 'second-factor';
  readonly secondFactor: 'totp' | 'enrolment';
};

export class SignIn extends Command<SignedIn> {
  constructor(
    readonly body: SignInBody,
    readonly origin: Origin,
  ) {
    super();
  }
}

export class AcceptInvitation extends Command<SignedIn | SecondFactorDue> {
  constructor(
    readonly body: AcceptInvitationBody,
    readonly origin: Origin,
  ) {
    super();
  }
}

export class SetUpFirstAdmin extends Command<SignedIn> {
  constructor(
    readonly body: SetupBody,
    readonly origin: Origin,
  ) {
    super();
  }
}

export class InviteUser extends Command<{ userId: string; code: string }> {
  constructor(
    readonly associationId: string,
    readonly body: InviteUserBody,
    readonly actor: Actor,
    readonly now: Date,
  ) {
    super();
  }
}

export class ReissueInvitation extends Command<{ code: string }> {
  constructor(
    readonly associationId: string,
    readonly userId: string,
    readonly actor: Actor,
    readonly now: Date,
  ) {
    super();
  }
}

export class ChangeUser extends Command<void> {
  constructor(
    readonly associationId: string,
    readonly userId: string,
    readonly body: ChangeUserBody,
    readonly actor: Actor,
    readonly now: Date,
  ) {
    super();
  }
}

export class ChangePassword extends Command<void> {
  constructor(
    readonly body: ChangePasswordBody,
    readonly actor: Actor,
    /** The browser that asks stays signed in; every other session of the user ends. */
    readonly keepSession: string | undefined,
    readonly now: Date,
  ) {
    super();
  }
}

export class CreateApiToken extends Command<{ tokenId: string; token: string; expiresAt: string }> {
  constructor(
    readonly body: CreateApiTokenBody,
    readonly actor: Actor,
    readonly now: Date,
  ) {
    super();
  }
}

export class RevokeApiToken extends Command<void> {
  constructor(
    readonly tokenId: string,
    readonly actor: Actor,
    readonly now: Date,
  ) {
    super();
  }
}

export class EnableTotp extends Command<void> {
  constructor(
    readonly body: EnableTotpBody,
    readonly actor: Actor,
    readonly now: Date,
  ) {
    super();
  }
}

export class DisableTotp extends Command<void> {
  constructor(
    readonly body: DisableTotpBody,
    readonly actor: Actor,
    readonly now: Date,
  ) {
    super();
  }
}
