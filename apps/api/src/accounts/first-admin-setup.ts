import { Injectable, type OnApplicationBootstrap } from '@nestjs/common';
import { matchesHash, randomSecret, sha256Hex } from '@stegvis/credentials';
import { UserAccounts } from './user-accounts';

/**
 * The first start (DESIGN §7): with no user in the store, a one-time code makes the setup
 * address `/konfigurera?kod=…`, which main.ts prints with the start banner. Only its hash is
 * kept, in this process; using it once (or any user appearing) ends it.
 */
@Injectable()
export class FirstAdminSetup implements OnApplicationBootstrap {
  private code: string | undefined;
  private codeHash: string | undefined;

  constructor(private readonly accounts: UserAccounts) {}

  async onApplicationBootstrap(): Promise<void> {
    if (await this.accounts.anyUser()) return;
    this.code = randomSecret();
    this.codeHash = sha256Hex(this.code);
  }

  /** The path to print at start-up, once; undefined when users exist. */
  takeAddress(): string | undefined {
    const code = this.code;
    this.code = undefined;
    return code === undefined ? undefined : `/konfigurera?kod=${code}`;
  }

  async available(): Promise<boolean> {
    return this.codeHash !== undefined && !(await this.accounts.anyUser());
  }

  /** True once for the right code, while no user exists. */
  async redeem(code: string): Promise<boolean> {
    const hash = this.codeHash;
    if (hash === undefined || !matchesHash(code, hash)) return false;
    if (await this.accounts.anyUser()) {
      this.codeHash = undefined;
      return false;
    }
    this.codeHash = undefined;
    return true;
  }
}
