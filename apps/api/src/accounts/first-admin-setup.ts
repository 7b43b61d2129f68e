import { Inject, Injectable, type OnApplicationBootstrap } from '@nestjs/common';
import { SETUP_CODES, type SetupCodes } from '@stegvis/sessions';
import { UserAccounts } from './user-accounts';

/**
 * The first start (DESIGN §7): with no user in the store, a one-time code makes the setup
 * address `/konfigurera?kod=…`, which main.ts prints with the start banner. The code's hash is
 * kept in the SetupCodes store that every replica shares, so the address works through any of
 * them and after a restart. Each start before the setup issues a code of its own (the code is
 * not kept, so it cannot be printed again); all stay valid until one is used or a user exists.
 */
@Injectable()
export class FirstAdminSetup implements OnApplicationBootstrap {
  private code: string | undefined;

  constructor(
    private readonly accounts: UserAccounts,
    @Inject(SETUP_CODES) private readonly codes: SetupCodes,
  ) {}

  async onApplicationBootstrap(): Promise<void> {
    // With users, what is left of the codes is refused (and cleared) by `redeem`: a start then
    // needs nothing of the auth store, as before.
    if (await this.accounts.anyUser()) return;
    this.code = await this.codes.issue();
  }

  /** The path to print at start-up, once; undefined when users exist. */
  takeAddress(): string | undefined {
    const code = this.code;
    this.code = undefined;
    return code === undefined ? undefined : `/konfigurera?kod=${code}`;
  }

  async available(): Promise<boolean> {
    return (await this.codes.pending()) && !(await this.accounts.anyUser());
  }

  /** True once for a printed code, while no user exists; using one ends every code. */
  async redeem(code: string): Promise<boolean> {
    if (await this.accounts.anyUser()) {
      await this.codes.clear();
      return false;
    }
    return this.codes.redeem(code);
  }
}
