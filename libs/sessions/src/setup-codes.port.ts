/**
 * The SetupCodes port: the first admin's one-time setup codes (DESIGN §7, `/konfigurera?kod=…`),
 * kept where every API replica sees them (Redis with REDIS_URL, else `auth.db`). Only a code's
 * SHA-256 is stored, so the store's contents set up nobody; the code itself is printed once by
 * the process that issued it.
 *
 * Every code issued stays valid until one of them is used: each replica, and each restart
 * before the setup, prints an address of its own, and whichever the operator opens works.
 * Using one ends them all, so only one first admin can come of them.
 */
export interface SetupCodes {
  /** A new code, its hash kept beside those issued before. */
  issue(): Promise<string>;

  /** Whether some code is waiting to be used. */
  pending(): Promise<boolean>;

  /** True once: for a kept code, which ends every kept code in the same step. */
  redeem(code: string): Promise<boolean>;

  /** Ends every code (a user exists). */
  clear(): Promise<void>;

  close(): Promise<void>;
}

export const SETUP_CODES = Symbol('SetupCodes');
