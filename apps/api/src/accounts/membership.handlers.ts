import { Inject } from '@nestjs/common';
import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { newInvitationCode } from '@stegvis/credentials';
import { DomainError, streamNames, userDecider, type UserCommand } from '@stegvis/domain';
import { EVENT_STORE, type EventStore } from '@stegvis/event-store';
import { SESSION_STORE, type SessionStore } from '@stegvis/sessions';
import type { Actor } from '../platform/actor';
import { pseudonym } from '../platform/pseudonyms';
import { ChangeUser, InviteUser, ReissueInvitation } from './account-commands';
import { claimEmail } from './create-user';
import { UserAccounts } from './user-accounts';

/** The user of `userId` in this association; one of another association does not exist here. */
async function userOfAssociation(accounts: UserAccounts, associationId: string, userId: string) {
  const found = await accounts.read(userId);
  if (found.state.status === 'none' || found.state.associationId !== associationId) {
    throw new DomainError('user_not_found');
  }
  return { ...found, user: found.state };
}

const causeOf = (actor: Actor, now: Date) => ({ actor: actor.sub, now });

/** `POST /v1/associations/:aid/users`: a new user and the link that lets them set a password. */
@CommandHandler(InviteUser)
export class InviteUserHandler implements ICommandHandler<InviteUser> {
  constructor(
    private readonly accounts: UserAccounts,
    @Inject(EVENT_STORE) private readonly store: EventStore,
  ) {}

  async execute({ associationId, body, actor, now }: InviteUser) {
    const association = await this.store.readStream(streamNames.association(associationId));
    if (association.length === 0) throw new DomainError('association_not_found');
    const userId = pseudonym('U');
    const { code, codeHash } = newInvitationCode(userId);
    const interventionIds = body.interventionIds ?? [];
    const command: UserCommand = {
      type: 'InviteUser',
      userId,
      email: body.email,
      name: body.name,
      role: body.role,
      associationId,
      interventionIds,
      interventions: await this.accounts.interventions(interventionIds),
      actor,
      now: now.toISOString(),
      codeHash,
    };
    // Decided once before the address is claimed, so a refused invitation holds no address.
    userDecider.decide(command, userDecider.initialState());
    const cause = causeOf(actor, now);
    await claimEmail(this.accounts, body.email, userId, cause);
    await this.accounts.register({ userId, role: body.role, associationId }, cause);
    await this.accounts.write(userId, cause, () => [command]);
    return { userId, code };
  }
}

/** `POST …/users/:uid/invitation`: a new link (a lost one, or a forgotten password). */
@CommandHandler(ReissueInvitation)
export class ReissueInvitationHandler implements ICommandHandler<ReissueInvitation> {
  constructor(private readonly accounts: UserAccounts) {}

  async execute({ associationId, userId, actor, now }: ReissueInvitation) {
    const { snapshot } = await userOfAssociation(this.accounts, associationId, userId);
    const { code, codeHash } = newInvitationCode(userId);
    await this.accounts.write(
      userId,
      causeOf(actor, now),
      () => [{ type: 'ReissueInvitation', codeHash, actor, now: now.toISOString() }],
      snapshot,
    );
    return { code };
  }
}

/** `PATCH …/users/:uid`: role, interventions, deactivation, in one write. */
@CommandHandler(ChangeUser)
export class ChangeUserHandler implements ICommandHandler<ChangeUser> {
  constructor(
    private readonly accounts: UserAccounts,
    @Inject(SESSION_STORE) private readonly sessions: SessionStore,
  ) {}

  async execute({ associationId, userId, body, actor, now }: ChangeUser): Promise<void> {
    const { snapshot } = await userOfAssociation(this.accounts, associationId, userId);
    const at = now.toISOString();
    const interventions = await this.accounts.interventions(body.interventionIds ?? []);
    const commands: UserCommand[] = [];
    if (body.role !== undefined) {
      commands.push({
        type: 'ChangeRole',
        role: body.role,
        ...(body.interventionIds === undefined ? {} : { interventionIds: body.interventionIds }),
        interventions,
        actor,
        now: at,
      });
    } else if (body.interventionIds !== undefined) {
      commands.push({
        type: 'AssignInterventions',
        interventionIds: body.interventionIds,
        interventions,
        actor,
        now: at,
      });
    }
    if (body.deactivated) commands.push({ type: 'DeactivateUser', actor, now: at });
    await this.accounts.write(userId, causeOf(actor, now), () => commands, snapshot);
    // The guard refuses a deactivated user's sessions anyway; ending them frees the store too.
    if (body.deactivated) await this.sessions.revokeAllOf(userId);
  }
}
