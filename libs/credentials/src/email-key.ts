import { Email } from '@stegvis/domain';
import { sha256Hex } from './secrets';

/**
 * The key of an address's claim stream (`email-<key>`) and of sign-in throttling: SHA-256 of the
 * address as the domain normalises it, so every spelling of one address meets in one place and
 * the address itself appears in no stream name or Redis key. Throws on a malformed address.
 */
export function emailKey(address: string): string {
  return sha256Hex(Email.parse(address));
}
