import { createCipheriv, createDecipheriv, createHash, hkdfSync, randomBytes } from 'node:crypto';

/**
 * Encryption at rest for secrets the server must read back (the TOTP secret), so the event log
 * alone reveals nothing. AES-256-GCM under a key derived from AUTH_SECRET with HKDF-SHA256; the
 * envelope `v1.<keyId>.<iv>.<ciphertext>.<tag>` names its key, so after AUTH_SECRET changes the
 * previous secret can still open what it sealed (pass it in `previous`). The context (e.g. the
 * user id) is authenticated data: a sealed value copied to another user does not open.
 */
export class SecretBox {
  private readonly current: Key;
  private readonly keys: ReadonlyMap<string, Buffer>;

  private constructor(keys: readonly Key[]) {
    const [current] = keys;
    if (current === undefined) throw new Error('SecretBox needs a key');
    this.current = current;
    this.keys = new Map(keys.map((k) => [k.id, k.key]));
  }

  static fromAuthSecret(authSecret: string, previous: readonly string[] = []): SecretBox {
    return new SecretBox([authSecret, ...previous].map(deriveKey));
  }

  seal(plaintext: string, context: string): string {
    const iv = randomBytes(12);
    const cipher = createCipheriv('aes-256-gcm', this.current.key, iv);
    cipher.setAAD(aad(this.current.id, context));
    const ciphertext = Buffer.concat([cipher.update(plaintext, 'utf8'), cipher.final()]);
    const parts = [iv, ciphertext, cipher.getAuthTag()].map((b) => b.toString('base64url'));
    return [VERSION, this.current.id, ...parts].join('.');
  }

  /** Throws SecretBoxError for a tampered envelope, another context or an unknown key. */
  open(sealed: string, context: string): string {
    const [version, keyId, iv, ciphertext, tag, ...rest] = sealed.split('.');
    const key = keyId === undefined ? undefined : this.keys.get(keyId);
    if (version !== VERSION || rest.length > 0 || !key || !iv || !ciphertext || !tag) {
      throw new SecretBoxError();
    }
    try {
      const decipher = createDecipheriv('aes-256-gcm', key, Buffer.from(iv, 'base64url'));
      decipher.setAAD(aad(keyId ?? '', context));
      decipher.setAuthTag(Buffer.from(tag, 'base64url'));
      const plain = Buffer.concat([
        decipher.update(Buffer.from(ciphertext, 'base64url')),
        decipher.final(),
      ]);
      return plain.toString('utf8');
    } catch (error) {
      throw new SecretBoxError({ cause: error });
    }
  }
}

/** Says nothing about the value: it may end up in a log. */
export class SecretBoxError extends Error {
  override readonly name = 'SecretBoxError';
  constructor(options?: ErrorOptions) {
    super(
      'A sealed secret could not be opened (tampered, another context or an unknown key).',
      options,
    );
  }
}

const VERSION = 'v1';
type Key = { readonly id: string; readonly key: Buffer };

function deriveKey(authSecret: string): Key {
  const key = Buffer.from(hkdfSync('sha256', authSecret, 'stegvis', 'stegvis secret-box v1', 32));
  // A fingerprint of the derived key, not of the secret: it tells keys apart and reveals neither.
  const id = createHash('sha256').update(key).digest().subarray(0, 6).toString('base64url');
  return { id, key };
}

function aad(keyId: string, context: string): Buffer {
  return Buffer.from(`${VERSION}.${keyId}.${context}`, 'utf8');
}
