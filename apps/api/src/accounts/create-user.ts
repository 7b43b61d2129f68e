import { hashPassword } from '@stegvis/credentials';
import { DomainError, type Role } from '@stegvis/domain';
import { Problem } from '../platform/problem';
import { pseudonym } from '../platform/pseudonyms';
import type { Cause, UserAccounts } from './user-accounts';

export type NewAccount = {
  readonly email: string;
  readonly name: string;
  readonly role: Role;
  readonly associationId: string | undefined;
  readonly interventionIds: readonly string[];
  readonly password: string;
};

/**
 * A user with a password at once (the first admin from the setup page, `npm run user -- create`):
 * the address is claimed, the user listed, then the user's stream written.
 */
export async function createUserWithPassword(
  accounts: UserAccounts,
  account: NewAccount,
  cause: Cause,
): Promise<string> {
  const userId = pseudonym('U');
  const interventions = await accounts.interventions(account.interventionIds);
  const passwordHash = await hashPassword(account.password);
  const { email, name, role, associationId, interventionIds } = account;
  await claimEmail(accounts, email, userId, cause);
  await accounts.register({ userId, role, associationId }, cause);
  await accounts.write(userId, cause, () => [
    {
      type: 'CreateUser',
      userId,
      email,
      name,
      role,
      associationId,
      interventionIds,
      interventions,
      createdBy: cause.actor,
      passwordHash,
      now: cause.now.toISOString(),
    },
  ]);
  return userId;
}

/** A taken address is a conflict with another account, not a broken rule: 409. */
export async function claimEmail(
  accounts: UserAccounts,
  email: string,
  userId: string,
  cause: Cause,
): Promise<void> {
  try {
    await accounts.claimEmail(email, userId, cause);
  } catch (error) {
    if (error instanceof DomainError && error.code === 'user_email_taken') {
      throw new Problem(409, error.code, error.message);
    }
    throw error;
  }
}
