import { describe, expect, it } from 'vitest';
import { parseCsv, readTrfList } from '../../../src/domain/referral/trf.js';

describe('CSV reading', () => {
  it('handles quotes, doubled quotes, commas and line breaks inside quotes, CRLF and a BOM', () => {
    expect(parseCsv('\uFEFFa,b\r\n"x, y","say ""hi"""\n"two\nlines",z\n')).toEqual([
      ['a', 'b'],
      ['x, y', 'say "hi"'],
      ['two\nlines', 'z'],
    ]);
  });
  it('skips blank lines and keeps a last line without a newline', () => {
    expect(parseCsv('a\n\n b \n')).toEqual([['a'], [' b ']]);
    expect(parseCsv('a,b\n1,2')).toEqual([
      ['a', 'b'],
      ['1', '2'],
    ]);
  });
});

describe('TRF daily list (P1 pathway 2)', () => {
  const header = 'trf_id,given_name,family_name,date_of_birth,sin,phone,email,postal_code,language';
  it('reads good rows and reports each bad row by line and field without dropping the good ones', () => {
    const file = [
      header,
      'T1,Amara,Okafor,1991-04-12,130 692 544,519-555-0101,amara@example.com,n9a 1b2,en',
      'T2,Bad,Date,12/04/1991,234567899,,,,',
      'T3,Bad,Sin,1990-01-01,130692545,,,,fr',
      'T4,,Nameless,1990-01-01,543210983,,,,',
      'T5,Lin,Chen,1985-06-30,543210983,,not-an-email,,',
      'T1,Amara,Again,1991-04-12,130692544,,,,',
      'T6,Zoé,Côté,1999-09-09,927419531,,,,fr',
    ].join('\n');
    const { rows, errors, fileError } = readTrfList(file);
    expect(fileError).toBeNull();
    expect(rows.map((r) => [r.line, r.trfId, r.sin])).toEqual([
      [2, 'T1', '130692544'],
      [8, 'T6', '927419531'],
    ]);
    expect(rows[0]).toMatchObject({ postalCode: 'N9A 1B2', language: 'en', email: 'amara@example.com' });
    expect(errors).toEqual([
      { line: 3, field: 'date_of_birth', code: 'date_format', message: 'use YYYY-MM-DD' },
      { line: 4, field: 'sin', code: 'invalid_sin', message: 'not a valid SIN (fails check digit)' },
      { line: 5, field: 'given_name', code: 'required', message: 'is required' },
      { line: 6, field: 'email', code: 'invalid_email', message: 'not an email address' },
      { line: 7, field: 'trf_id', code: 'repeated_trf_id', message: 'appears twice in this file' },
    ]);
  });
  it('refuses a file without a required column', () => {
    expect(readTrfList('trf_id,given_name\nT1,A').fileError).toBe(
      'Missing column(s): family_name, date_of_birth, sin',
    );
    expect(readTrfList('').fileError).toBe('The file is empty.');
  });
  it('takes the columns in any order', () => {
    const { rows } = readTrfList(
      'sin,family_name,given_name,trf_id,date_of_birth\n130692544,Okafor,Amara,T9,1991-04-12',
    );
    expect(rows[0]).toMatchObject({ trfId: 'T9', givenName: 'Amara', familyName: 'Okafor', language: 'en' });
  });
});
