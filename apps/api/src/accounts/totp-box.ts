import { SecretBox } from '@stegvis/credentials';
import type { AppConfig } from '@stegvis/config';

/** Seals the TOTP secrets under a key derived from AUTH_SECRET (docs/accounts.md). */
export const TOTP_BOX = Symbol('TotpSecretBox');

export const totpBoxOf = (config: AppConfig): SecretBox =>
  SecretBox.fromAuthSecret(config.auth.secret);
