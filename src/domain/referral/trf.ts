/**
 * The daily TRF list (P1 pathway 2): Employment Insurance applicants the federal Targeting, Referral
 * and Feedback system sends to SSM intake. Pathways reads it as CSV with a header row:
 *
 *   trf_id, given_name, family_name, date_of_birth, sin, phone, email, postal_code, language
 *
 * trf_id identifies the applicant on the list (a person re-sent on a later list is not added twice);
 * date_of_birth is YYYY-MM-DD; sin is 9 digits (spaces or dashes allowed); language is en or fr
 * (empty means en); phone, email and postal_code may be empty. Column order is free.
 */
import { checkSin } from '../people/sin.js';

/** The largest list read in one upload: a day's list is a few hundred lines, far below it. */
export const TRF_MAX_CHARACTERS = 900_000;

export const TRF_COLUMNS = [
  'trf_id',
  'given_name',
  'family_name',
  'date_of_birth',
  'sin',
  'phone',
  'email',
  'postal_code',
  'language',
] as const;
const REQUIRED = ['trf_id', 'given_name', 'family_name', 'date_of_birth', 'sin'] as const;

export interface TrfRow {
  line: number;
  trfId: string;
  givenName: string;
  familyName: string;
  dateOfBirth: string;
  sin: string;
  phone: string | null;
  email: string | null;
  postalCode: string | null;
  language: 'en' | 'fr';
}

/** What is wrong with a line, as a code the screens put in either language, and in English words. */
export const TRF_LINE_PROBLEMS = [
  'required',
  'date_format',
  'invalid_sin',
  'invalid_email',
  'invalid_postal_code',
  'invalid_language',
  'repeated_trf_id',
] as const;
export type TrfLineProblem = (typeof TRF_LINE_PROBLEMS)[number];

export interface TrfLineError {
  line: number;
  field: string;
  code: TrfLineProblem;
  message: string;
}

/** RFC 4180 CSV: quoted fields, doubled quotes, commas and line breaks inside quotes, CRLF or LF. */
export function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let field = '';
  let quoted = false;
  const s = text.replace(/^\uFEFF/, '');
  for (let i = 0; i < s.length; i++) {
    const c = s[i]!;
    if (quoted) {
      if (c === '"' && s[i + 1] === '"') {
        field += '"';
        i++;
      } else if (c === '"') quoted = false;
      else field += c;
    } else if (c === '"' && field === '') quoted = true;
    else if (c === ',') {
      row.push(field);
      field = '';
    } else if (c === '\n' || c === '\r') {
      if (c === '\r' && s[i + 1] === '\n') i++;
      row.push(field);
      rows.push(row);
      row = [];
      field = '';
    } else field += c;
  }
  if (field !== '' || row.length) {
    row.push(field);
    rows.push(row);
  }
  return rows.filter((r) => r.some((f) => f.trim() !== ''));
}

const DATE = /^\d{4}-(0[1-9]|1[0-2])-(0[1-9]|[12]\d|3[01])$/;
const EMAIL = /^[^@\s]+@[^@\s]+\.[^@\s]+$/;
const POSTAL = /^[A-Za-z]\d[A-Za-z] ?\d[A-Za-z]\d$/;

/**
 * Reads a TRF file: the good rows, and one error per problem with its line number (the header is
 * line 1). A bad row never stops the good ones; a missing column stops the whole file.
 */
export function readTrfList(text: string): {
  rows: TrfRow[];
  errors: TrfLineError[];
  fileError: string | null;
} {
  const table = parseCsv(text);
  if (!table.length) return { rows: [], errors: [], fileError: 'The file is empty.' };
  const header = table[0]!.map((h) => h.trim().toLowerCase());
  const missing = REQUIRED.filter((c) => !header.includes(c));
  if (missing.length) return { rows: [], errors: [], fileError: `Missing column(s): ${missing.join(', ')}` };
  const col = (row: string[], name: string) =>
    header.includes(name) ? (row[header.indexOf(name)] ?? '').trim() : '';
  const rows: TrfRow[] = [];
  const errors: TrfLineError[] = [];
  const seen = new Set<string>();
  table.slice(1).forEach((cells, i) => {
    const line = i + 2;
    const problems: TrfLineError[] = [];
    const need = (name: string) => {
      const v = col(cells, name);
      if (!v) problems.push({ line, field: name, code: 'required', message: 'is required' });
      return v;
    };
    const trfId = need('trf_id');
    const givenName = need('given_name');
    const familyName = need('family_name');
    const dateOfBirth = need('date_of_birth');
    const sinText = need('sin');
    if (dateOfBirth && !DATE.test(dateOfBirth))
      problems.push({ line, field: 'date_of_birth', code: 'date_format', message: 'use YYYY-MM-DD' });
    const sin = sinText ? checkSin(sinText) : null;
    if (sin && !sin.valid)
      problems.push({
        line,
        field: 'sin',
        code: 'invalid_sin',
        message: `not a valid SIN (${sin.problem!.replace(/_/g, ' ')})`,
      });
    const email = col(cells, 'email') || null;
    if (email && !EMAIL.test(email))
      problems.push({ line, field: 'email', code: 'invalid_email', message: 'not an email address' });
    const postalCode = col(cells, 'postal_code') || null;
    if (postalCode && !POSTAL.test(postalCode))
      problems.push({
        line,
        field: 'postal_code',
        code: 'invalid_postal_code',
        message: 'not a Canadian postal code',
      });
    const language = (col(cells, 'language') || 'en').toLowerCase();
    if (language !== 'en' && language !== 'fr')
      problems.push({ line, field: 'language', code: 'invalid_language', message: 'use en or fr' });
    if (trfId && seen.has(trfId))
      problems.push({
        line,
        field: 'trf_id',
        code: 'repeated_trf_id',
        message: 'appears twice in this file',
      });
    if (problems.length) {
      errors.push(...problems);
      return;
    }
    seen.add(trfId);
    rows.push({
      line,
      trfId,
      givenName,
      familyName,
      dateOfBirth,
      sin: sin!.normalized!,
      phone: col(cells, 'phone') || null,
      email,
      postalCode: postalCode ? postalCode.toUpperCase() : null,
      language: language as 'en' | 'fr',
    });
  });
  return { rows, errors, fileError: null };
}
