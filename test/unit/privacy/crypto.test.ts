import { randomBytes } from 'node:crypto';
import { Writable } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { createLogger, loggableError } from '../../../src/server/logging.js';
import { PersonalDataKey, sealNewClient } from '../../../src/server/clients/personal-data.js';
import { PersonCrypto } from '../../../src/server/privacy/crypto.js';

const crypto = new PersonCrypto({ encryptionKey: randomBytes(32), blindIndexKey: randomBytes(32) });
const contact = { address: null, phone: '519-555-0101', email: 'a@example.com' };

describe('personal data protection', () => {
  it('seals the SIN and contact with the person’s own key and opens them again', () => {
    const sealed = sealNewClient(crypto, 'person-1', '130692544', contact);
    expect(sealed.sinEncrypted!.toString('latin1')).not.toContain('130692544');
    const key = PersonalDataKey.open(crypto, 'person-1', sealed.wrappedKey);
    expect(key.sin(sealed.sinEncrypted)).toBe('130692544');
    expect(key.contact(sealed.contactEncrypted)).toEqual(contact);
  });

  it('C3: without the person’s key (destroyed on revocation) nothing can be read', () => {
    const sealed = sealNewClient(crypto, 'person-1', '130692544', contact);
    const gone = PersonalDataKey.open(crypto, 'person-1', null);
    expect(gone.usable).toBe(false);
    expect(gone.sin(sealed.sinEncrypted)).toBeNull();
    expect(gone.contact(sealed.contactEncrypted)).toEqual({ address: null, phone: null, email: null });
  });

  it('a wrapped key only opens for its own person, and another master key opens nothing', () => {
    const sealed = sealNewClient(crypto, 'person-1', '130692544', contact);
    expect(() => PersonalDataKey.open(crypto, 'person-2', sealed.wrappedKey)).toThrow();
    const stranger = new PersonCrypto({ encryptionKey: randomBytes(32), blindIndexKey: randomBytes(32) });
    expect(() => PersonalDataKey.open(stranger, 'person-1', sealed.wrappedKey)).toThrow();
  });

  it('E2: the blind index is stable for one key, differs across keys, and is not the SIN', () => {
    const a = crypto.blindIndex('sin', '130692544');
    expect(crypto.blindIndex('sin', '130692544')).toBe(a);
    expect(a).not.toContain('130692544');
    expect(
      new PersonCrypto({ encryptionKey: randomBytes(32), blindIndexKey: randomBytes(32) }).blindIndex(
        'sin',
        '130692544',
      ),
    ).not.toBe(a);
  });

  it('logs never carry personal fields, wherever they sit', () => {
    const lines: string[] = [];
    const sink = new Writable({
      write(chunk, _e, cb) {
        lines.push(String(chunk));
        cb();
      },
    });
    const logger = createLogger('info', sink);
    logger.info(
      {
        sin: '130692544',
        client: { legalFamilyName: 'Okafor', email: 'a@example.com' },
        body: { address: { street: '1 Main' } },
      },
      'x',
    );
    const text = lines.join('');
    for (const secret of ['130692544', 'Okafor', 'a@example.com', '1 Main'])
      expect(text).not.toContain(secret);
    expect(text).toContain('[redacted]');
  });

  it('a failed query is logged without its parameters', () => {
    const err = Object.assign(new Error('Failed query: insert ... params: Okafor,130692544'), {
      query: 'insert into clients ...',
      cause: { code: '23505' },
    });
    const logged = JSON.stringify(loggableError(err));
    expect(logged).not.toContain('Okafor');
    expect(logged).not.toContain('130692544');
    expect(logged).toContain('23505');
  });
});
