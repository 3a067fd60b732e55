import { createCipheriv, createDecipheriv, createHmac, randomBytes } from 'node:crypto';
import type { Keys } from '../../config.js';

/**
 * Field encryption with one data key per person (envelope encryption). The person's key is stored
 * wrapped by the master key; destroying the wrapped key makes every field encrypted under it
 * unrecoverable, which is how consent revocation (C3) removes a person from backups too.
 *
 * Layout of every sealed value: version byte (1) | IV (12) | GCM tag (16) | ciphertext.
 */
const VERSION = 1;

function seal(key: Buffer, plaintext: Buffer, aad: string): Buffer {
  const iv = randomBytes(12);
  const cipher = createCipheriv('aes-256-gcm', key, iv);
  cipher.setAAD(Buffer.from(aad));
  const body = Buffer.concat([cipher.update(plaintext), cipher.final()]);
  return Buffer.concat([Buffer.from([VERSION]), iv, cipher.getAuthTag(), body]);
}

function open(key: Buffer, sealed: Buffer, aad: string): Buffer {
  if (sealed[0] !== VERSION) throw new Error('unknown ciphertext version');
  const decipher = createDecipheriv('aes-256-gcm', key, sealed.subarray(1, 13));
  decipher.setAAD(Buffer.from(aad));
  decipher.setAuthTag(sealed.subarray(13, 29));
  return Buffer.concat([decipher.update(sealed.subarray(29)), decipher.final()]);
}

export class PersonCrypto {
  constructor(private readonly keys: Keys) {}

  /** A fresh data key for a new person, and its wrapped form to store. */
  newDataKey(personId: string): { key: Buffer; wrapped: Buffer } {
    const key = randomBytes(32);
    return { key, wrapped: seal(this.keys.encryptionKey, key, `data-key:${personId}`) };
  }

  unwrap(personId: string, wrapped: Buffer): Buffer {
    return open(this.keys.encryptionKey, wrapped, `data-key:${personId}`);
  }

  /** The field name is bound into the ciphertext so one field's value cannot be swapped into another. */
  encrypt(dataKey: Buffer, field: string, value: string): Buffer {
    return seal(dataKey, Buffer.from(value, 'utf8'), field);
  }

  decrypt(dataKey: Buffer, field: string, sealed: Buffer): string {
    return open(dataKey, sealed, field).toString('utf8');
  }

  /** Files (evidence documents) are sealed as bytes, under the same layout and field binding. */
  encryptBytes(dataKey: Buffer, field: string, value: Buffer): Buffer {
    return seal(dataKey, value, field);
  }

  decryptBytes(dataKey: Buffer, field: string, sealed: Buffer): Buffer {
    return open(dataKey, sealed, field);
  }

  /** Keyed hash for equality look-ups (blind index); the purpose prefix keeps indexes apart. */
  blindIndex(purpose: 'sin', value: string): string {
    return createHmac('sha256', this.keys.blindIndexKey).update(`${purpose}:${value}`).digest('hex');
  }
}
