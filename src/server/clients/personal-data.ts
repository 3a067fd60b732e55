import type { PersonCrypto } from '../privacy/crypto.js';
import type { Client } from './schemas.js';

/**
 * The encrypted half of a client record: the SIN and contact details, sealed with the person's own
 * data key. Both the API and the seeders go through here so there is one way to protect a person.
 */
export interface Contact {
  address: Client['address'];
  phone: string | null;
  email: string | null;
}

const CONTACT_FIELD = 'client.contact';
const SIN_FIELD = 'client.sin';

export interface SealedPersonalData {
  wrappedKey: Buffer;
  sinIndex: string | null;
  sinEncrypted: Buffer | null;
  contactEncrypted: Buffer;
}

export function sealNewClient(
  crypto: PersonCrypto,
  clientId: string,
  sinDigits: string | null,
  contact: Contact,
): SealedPersonalData {
  const { key, wrapped } = crypto.newDataKey(clientId);
  return {
    wrappedKey: wrapped,
    sinIndex: sinDigits ? crypto.blindIndex('sin', sinDigits) : null,
    sinEncrypted: sinDigits ? crypto.encrypt(key, SIN_FIELD, sinDigits) : null,
    contactEncrypted: crypto.encrypt(key, CONTACT_FIELD, JSON.stringify(contact)),
  };
}

/** Opens a client's encrypted fields; a destroyed key (purged person) yields nothing. */
export class PersonalDataKey {
  private constructor(
    private readonly crypto: PersonCrypto,
    private readonly key: Buffer | null,
  ) {}

  static open(crypto: PersonCrypto, clientId: string, wrappedKey: Buffer | null): PersonalDataKey {
    return new PersonalDataKey(crypto, wrappedKey ? crypto.unwrap(clientId, wrappedKey) : null);
  }

  get usable(): boolean {
    return this.key !== null;
  }

  sin(sealed: Buffer | null): string | null {
    return this.key && sealed ? this.crypto.decrypt(this.key, SIN_FIELD, sealed) : null;
  }

  contact(sealed: Buffer | null): Contact {
    if (!this.key || !sealed) return { address: null, phone: null, email: null };
    return JSON.parse(this.crypto.decrypt(this.key, CONTACT_FIELD, sealed)) as Contact;
  }

  /** Free text about the person (referral notes, later case notes), under the same key. */
  sealText(field: string, text: string): Buffer {
    if (!this.key) throw new Error('personal data key destroyed');
    return this.crypto.encrypt(this.key, field, text);
  }

  openText(field: string, sealed: Buffer | null): string | null {
    return this.key && sealed ? this.crypto.decrypt(this.key, field, sealed) : null;
  }

  /** A document about the person (M9 evidence), sealed before it reaches the file store. */
  sealBytes(field: string, bytes: Buffer): Buffer {
    if (!this.key) throw new Error('personal data key destroyed');
    return this.crypto.encryptBytes(this.key, field, bytes);
  }

  openBytes(field: string, sealed: Buffer | null): Buffer | null {
    return this.key && sealed ? this.crypto.decryptBytes(this.key, field, sealed) : null;
  }

  sealSin(digits: string): Buffer {
    if (!this.key) throw new Error('personal data key destroyed');
    return this.crypto.encrypt(this.key, SIN_FIELD, digits);
  }

  sealContact(contact: Contact): Buffer {
    if (!this.key) throw new Error('personal data key destroyed');
    return this.crypto.encrypt(this.key, CONTACT_FIELD, JSON.stringify(contact));
  }
}
