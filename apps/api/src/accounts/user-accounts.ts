import { Inject, Injectable } from '@nestjs/common';
import {
  accountsDecider,
  accountStreams,
  DomainError,
  emailClaimStanding,
  fold,
  type HolderStatus,
  type UniqueValueState,
  interventionDecider,
  registeredUsers,
  streamNames,
  swedishDate,
  uniqueValueDecider,
  uniqueValueStream,
  userDecider,
  type AccountsState,
  type ExistingUser,
  type FoundInterventions,
  type Recorded,
  type UserCommand,
  type UserEvent,
  type UserState,
} from '@stegvis/domain';
import {
  EVENT_STORE,
  handleCommand,
  readSnapshot,
  type EventStore,
  type StoredEvent,
  type StreamSnapshot,
} from '@stegvis/event-store';
import { randomUUID } from 'node:crypto';

/** Who caused a write, as the event metadata names it. */
export type Cause = { readonly actor: string; readonly correlationId?: string; readonly now: Date };

export type UserSnapshot = { readonly snapshot: StreamSnapshot; readonly state: UserState };

const userState = (snapshot: StreamSnapshot): UserState =>
  fold(userDecider, snapshot.events as unknown as Recorded<UserEvent>[]);

/**
 * The account streams as the accounts feature uses them: a user's stream (`user-<id>`), the
 * directory (`accounts`) and the e-mail address's claim. Every read is a read of the log, so a
 * sign-in, a role change or a deactivation is seen by the very next request.
 */
@Injectable()
export class UserAccounts {
  constructor(@Inject(EVENT_STORE) private readonly store: EventStore) {}

  async read(userId: string): Promise<UserSnapshot> {
    const snapshot = await readSnapshot(this.store, accountStreams.user(userId));
    return { snapshot, state: userState(snapshot) };
  }

  /** The user, or undefined when there is none (never invited, or deleted). */
  async find(userId: string): Promise<ExistingUser | undefined> {
    const { state } = await this.read(userId);
    return state.status === 'none' ? undefined : state;
  }

  /** The account an address signs in to: the address's claim names it, its stream confirms it. */
  async findByEmail(email: string): Promise<UserSnapshot | undefined> {
    const claim = fold(
      uniqueValueDecider,
      (await this.store.readStream(uniqueValueStream('user-email', email))) as never,
    );
    if (claim.status !== 'claimed') return undefined;
    const user = await this.read(claim.holderId);
    return user.state.status !== 'none' && user.state.email === email ? user : undefined;
  }

  /**
   * Decides `commands` in turn on the user's stream and appends what they decide in one write.
   * Pass the snapshot the caller checked access on; a conflict is retried on fresh state.
   */
  async write(
    userId: string,
    cause: Cause,
    commands: (state: UserState) => readonly UserCommand[],
    snapshot?: StreamSnapshot,
  ): Promise<{ events: UserEvent[]; position: string | null; revision: number | null }> {
    let decided: UserEvent[] = [];
    const result = await handleCommand(
      this.store,
      accountStreams.user(userId),
      (current) => {
        let state = current;
        decided = [];
        for (const command of commands(state)) {
          const events = userDecider.decide(command, state);
          for (const e of events) state = userDecider.evolve(state, { ...e, id: '' });
          decided.push(...events);
        }
        return decided;
      },
      {
        ...(snapshot ? { snapshot } : {}),
        stateOf: userState,
        metadata: metadataOf(cause),
        now: cause.now,
      },
    );
    return {
      events: decided,
      position: result.position?.toString() ?? null,
      revision: result.revision ?? null,
    };
  }

  /** Claims the address for `userId`: refused with `user_email_taken` while another holds it. */
  async claimEmail(email: string, userId: string, cause: Cause): Promise<void> {
    const today = swedishDate(cause.now);
    await handleCommand<UniqueValueState, HolderStatus>(
      this.store,
      uniqueValueStream('user-email', email),
      (claim, holder) =>
        uniqueValueDecider.decide(
          {
            type: 'ClaimUniqueValue',
            scope: 'user-email',
            holderId: userId,
            currentHolder: holder,
            today,
            now: cause.now,
          },
          claim,
        ),
      {
        stateOf: (snapshot) => fold(uniqueValueDecider, snapshot.events as never),
        // The holder's own stream says whether the claim still stands.
        load: async (claim) =>
          claim.status === 'claimed' && claim.holderId !== userId
            ? emailClaimStanding((await this.read(claim.holderId)).state)
            : 'absent',
        metadata: metadataOf(cause),
        now: cause.now,
      },
    );
  }

  /** Lists the user in the directory, before the user's own stream is written. */
  async register(user: Pick<ExistingUser, 'userId' | 'role' | 'associationId'>, cause: Cause) {
    await handleCommand(
      this.store,
      accountStreams.accounts,
      (state) =>
        accountsDecider.decide(
          { type: 'RegisterUser', ...user, now: cause.now.toISOString() },
          state,
        ),
      { stateOf: directoryState, metadata: metadataOf(cause), now: cause.now },
    );
  }

  /** The users of an association (every user without one), oldest first; deleted ones are gone. */
  async directory(associationId?: string): Promise<ExistingUser[]> {
    const state = directoryState(await readSnapshot(this.store, accountStreams.accounts));
    const users = await Promise.all(
      registeredUsers(state, associationId).map((id) => this.find(id)),
    );
    return users.filter((u): u is ExistingUser => u !== undefined);
  }

  /** Whether anyone can sign in yet: the first start offers the setup address until then. */
  async anyUser(): Promise<boolean> {
    return (await this.directory()).length > 0;
  }

  /** The events of a user's stream as stored, for the audit. */
  events(userId: string): Promise<StoredEvent[]> {
    return this.store.readStream(accountStreams.user(userId));
  }

  /** The interventions a command names, as their streams say (absent ones are left out). */
  async interventions(ids: readonly string[]): Promise<FoundInterventions> {
    const found = await Promise.all(
      [...new Set(ids)].map(async (interventionId) => {
        const events = await this.store.readStream(streamNames.intervention(interventionId));
        const state = fold(interventionDecider, events as never);
        return state.status === 'registered'
          ? { interventionId, associationId: state.associationId }
          : undefined;
      }),
    );
    return found.filter((i) => i !== undefined);
  }
}

function directoryState(snapshot: StreamSnapshot): AccountsState {
  return fold(accountsDecider, snapshot.events as never);
}

function metadataOf(cause: Cause) {
  return { actor: cause.actor, correlationId: cause.correlationId ?? randomUUID() };
}

export function ensureExists(user: UserState): asserts user is ExistingUser {
  if (user.status === 'none') throw new DomainError('user_not_found');
}
