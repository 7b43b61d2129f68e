import { Email } from '@stegvis/domain';
import { sha256Hex } from './secrets';

/**
 * An address as a throttling subject: SHA-256 of the address as the domain normalises it, so
 * every spelling of one address counts together and no address lands in Redis or `auth.db`.
 * (The address's uniqueness claim is named by the domain's own `uniqueValueStream`.) Throws on a
 * malformed address.
 */
export function emailKey(address: string): string {
  return sha256Hex(Email.parse(address));
}
