import { Inject } from '@nestjs/common';
import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { APP_CONFIG, type AppConfig } from '@stegvis/config';
import {
  hashPassword,
  newApiToken,
  SecretBox,
  SecretBoxError,
  totpEnrolment,
  totpProof,
  verifyPassword,
  verifyWithoutAccount,
} from '@stegvis/credentials';
import { UserId, type ExistingUser } from '@stegvis/domain';
import { SESSION_STORE, type SessionStore } from '@stegvis/sessions';
import type { Actor } from '../platform/actor';
import { pseudonym } from '../platform/pseudonyms';
import { accountRequired } from './account-problems';
import {
  ChangePassword,
  CreateApiToken,
  DisableTotp,
  EnableTotp,
  RevokeApiToken,
} from './account-commands';
import { TOTP_BOX } from './totp-box';
import { UserAccounts } from './user-accounts';

/** The caller's own account: a service account's JWT has none. */
export async function ownAccount(accounts: UserAccounts, actor: Actor) {
  if (!UserId.safeParse(actor.sub).success) throw accountRequired();
  const found = await accounts.read(actor.sub);
  if (found.state.status === 'none') throw accountRequired();
  return { snapshot: found.snapshot, user: found.state satisfies ExistingUser };
}

const sealed = <T>(open: () => T): T | 'invalid' => {
  try {
    return open();
  } catch (error) {
    if (error instanceof SecretBoxError) return 'invalid';
    throw error;
  }
};

@CommandHandler(ChangePassword)
export class ChangePasswordHandler implements ICommandHandler<ChangePassword> {
  constructor(
    private readonly accounts: UserAccounts,
    @Inject(SESSION_STORE) private readonly sessions: SessionStore,
  ) {}

  async execute({ body, actor, keepSession, now }: ChangePassword): Promise<void> {
    const { user, snapshot } = await ownAccount(this.accounts, actor);
    const currentPasswordValid =
      user.passwordHash === undefined
        ? await verifyWithoutAccount(body.currentPassword)
        : await verifyPassword(user.passwordHash, body.currentPassword);
    const passwordHash = await hashPassword(body.newPassword);
    await this.accounts.write(
      user.userId,
      { actor: actor.sub, now },
      () => [
        {
          type: 'ChangePassword',
          currentPasswordValid,
          passwordHash,
          actor,
          now: now.toISOString(),
        },
      ],
      snapshot,
    );
    await this.sessions.revokeAllOf(user.userId, keepSession ? { except: keepSession } : {});
  }
}

@CommandHandler(CreateApiToken)
export class CreateApiTokenHandler implements ICommandHandler<CreateApiToken> {
  constructor(private readonly accounts: UserAccounts) {}

  async execute({ body, actor, now }: CreateApiToken) {
    const { user, snapshot } = await ownAccount(this.accounts, actor);
    const tokenId = pseudonym('T');
    const { token, tokenHash } = newApiToken(user.userId, tokenId);
    const at = now.toISOString();
    await this.accounts.write(
      user.userId,
      { actor: actor.sub, now },
      () => [{ type: 'CreateApiToken', tokenId, tokenHash, ...body, actor, now: at }],
      snapshot,
    );
    const expiresAt = new Date(now.getTime() + body.expiresInDays * 86_400_000).toISOString();
    return { tokenId, token, expiresAt };
  }
}

@CommandHandler(RevokeApiToken)
export class RevokeApiTokenHandler implements ICommandHandler<RevokeApiToken> {
  constructor(private readonly accounts: UserAccounts) {}

  async execute({ tokenId, actor, now }: RevokeApiToken): Promise<void> {
    const { user, snapshot } = await ownAccount(this.accounts, actor);
    await this.accounts.write(
      user.userId,
      { actor: actor.sub, now },
      () => [{ type: 'RevokeApiToken', tokenId, actor, now: now.toISOString() }],
      snapshot,
    );
  }
}

@CommandHandler(EnableTotp)
export class EnableTotpHandler implements ICommandHandler<EnableTotp> {
  constructor(
    private readonly accounts: UserAccounts,
    @Inject(TOTP_BOX) private readonly box: SecretBox,
  ) {}

  async execute({ body, actor, now }: EnableTotp): Promise<void> {
    const { user, snapshot } = await ownAccount(this.accounts, actor);
    const enrolment = sealed(() =>
      totpEnrolment(this.box, user.userId, body.totpSecret, body.totp, now),
    );
    await this.accounts.write(
      user.userId,
      { actor: actor.sub, now },
      () => [{ type: 'EnableTotp', enrolment, actor, now: now.toISOString() }],
      snapshot,
    );
  }
}

@CommandHandler(DisableTotp)
export class DisableTotpHandler implements ICommandHandler<DisableTotp> {
  constructor(
    private readonly accounts: UserAccounts,
    @Inject(TOTP_BOX) private readonly box: SecretBox,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  async execute({ body, actor, now }: DisableTotp): Promise<void> {
    const { user, snapshot } = await ownAccount(this.accounts, actor);
    const secret = user.totp?.secret;
    const totp =
      secret === undefined
        ? undefined
        : sealed(() => totpProof(this.box, user.userId, secret, body.totp, now));
    await this.accounts.write(
      user.userId,
      { actor: actor.sub, now },
      () => [
        {
          type: 'DisableTotp',
          ...(totp === undefined ? {} : { totp }),
          requireTotp: this.config.auth.requireTotp,
          actor,
          now: now.toISOString(),
        },
      ],
      snapshot,
    );
  }
}
