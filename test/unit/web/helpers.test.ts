import { describe, expect, it } from 'vitest';
import { ApiError, apiUrl } from '../../../web/src/api.js';
import { formatDate } from '../../../web/src/format.js';
import {
  defaultFieldId,
  fieldKey,
  looksLikeSin,
  problemMessage,
  problemToFormErrors,
} from '../../../web/src/forms.js';
import { newClientLink, splitName } from '../../../web/src/search.js';
import type { Problem } from '../../../web/src/types.js';

// A stand-in for i18next's t: returns the key, with options appended so tests can see them.
const t = ((key: string, options?: Record<string, unknown>) =>
  options ? `${key} ${JSON.stringify(options)}` : key) as unknown as Parameters<typeof problemMessage>[1];

const problem = (p: Partial<Problem>): ApiError =>
  new ApiError({ type: 'about:blank', title: 'Error', status: 400, code: 'validation_failed', ...p });

describe('api helpers', () => {
  it('builds URLs under /api and leaves out empty criteria', () => {
    expect(apiUrl('/clients', { name: 'Tremblay', dateOfBirth: '', sin: undefined, limit: 25 })).toBe(
      '/api/clients?name=Tremblay&limit=25',
    );
    expect(apiUrl('/auth/me')).toBe('/api/auth/me');
  });
});

describe('form errors from problems', () => {
  it('strips the body. prefix and maps nested paths to input ids', () => {
    expect(fieldKey('body.address.postalCode')).toBe('address.postalCode');
    expect(fieldKey('query.name')).toBe('name');
    expect(defaultFieldId('address.postalCode')).toBe('address-postalCode');
  });

  it('keeps the API message per field in English', () => {
    const errors = problemToFormErrors(
      problem({
        errors: [{ field: 'body.email', message: 'Invalid email address', code: 'invalid_format' }],
      }),
      t,
      'en',
    );
    expect(errors.fields).toEqual({ email: 'Invalid email address' });
  });

  it('uses messageFr, or a French message by code, when the interface is in French', () => {
    const e2 = problem({
      rule: 'E2',
      messageFr: 'Ce NAS n’est pas valide.',
      errors: [{ field: 'body.sin', message: 'This SIN is not valid.' }],
    });
    expect(problemToFormErrors(e2, t, 'fr').fields).toEqual({ sin: 'Ce NAS n’est pas valide.' });
    const zod = problem({
      errors: [
        { field: 'body.email', message: 'Invalid email', code: 'invalid_format' },
        { field: 'body.name', message: 'Too small', code: 'too_small' },
      ],
    });
    expect(problemToFormErrors(zod, t, 'fr').fields).toEqual({
      email: 'errors.field.invalid_format',
      name: 'errors.field.too_small',
    });
  });

  it('P8: shows a rule refusal listing several missing parts whole, with its rule, in either language', () => {
    const p8 = problem({
      status: 422,
      code: 'rule_refused',
      rule: 'P8',
      detail: 'Offer 1 more appointment. Make 2 more attempts by phone.',
      messageFr: 'Offrez 1 autre rendez-vous. Faites 2 autres tentatives par téléphone.',
      errors: [
        { field: 'body.reason', message: 'Offer 1 more appointment.', code: 'appointments' },
        { field: 'body.reason', message: 'Make 2 more attempts by phone.', code: 'attempts' },
      ],
    });
    expect(problemToFormErrors(p8, t, 'en')).toEqual({
      summary: 'P8: Offer 1 more appointment. Make 2 more attempts by phone.',
      fields: {},
    });
    expect(problemToFormErrors(p8, t, 'fr').summary).toBe(
      'P8 : Offrez 1 autre rendez-vous. Faites 2 autres tentatives par téléphone.',
    );
  });

  it('puts a refusal of the whole request in the summary', () => {
    const e = problem({ errors: [{ field: 'body', message: 'Send at least one field to change.' }] });
    expect(problemToFormErrors(e, t, 'en')).toEqual({
      summary: 'Send at least one field to change.',
      fields: {},
    });
  });

  it('says what a sign-in refusal means in the interface language', () => {
    expect(problemMessage(problem({ status: 401, code: 'invalid_credentials' }), t, 'fr')).toBe(
      'errors.problem.invalid_credentials',
    );
    expect(problemMessage(problem({ status: 429, code: 'rate_limited' }), t, 'en')).toBe(
      'errors.problem.rate_limited',
    );
    const locked = problemMessage(
      problem({
        status: 401,
        code: 'account_locked',
        detail: 'Too many failed sign-ins. Try again after 2026-03-02T15:04:00.000Z.',
      }),
      t,
      'en',
    );
    expect(locked).toContain('errors.problem.account_locked_until');
    expect(locked).toContain('2026');
  });

  it('falls back to the API detail for a refusal it has no wording for', () => {
    const e = problem({
      status: 409,
      code: 'organization_inactive',
      detail: 'The organization is inactive.',
    });
    expect(problemMessage(e, t, 'fr')).toBe('The organization is inactive.');
    expect(problemMessage(e, t, 'en')).toBe('The organization is inactive.');
  });

  it('shows the API detail for duplicate SINs in English and messageFr in French', () => {
    const dup = problem({
      status: 409,
      code: 'duplicate_sin',
      detail: 'This SIN belongs to client C-0001.',
      messageFr: 'Ce NAS appartient au client C-0001.',
    });
    expect(problemMessage(dup, t, 'en')).toBe('This SIN belongs to client C-0001.');
    expect(problemMessage(dup, t, 'fr')).toBe('Ce NAS appartient au client C-0001.');
  });
});

describe('client search helpers', () => {
  it('splits a searched name for the new-client form', () => {
    expect(splitName('Marie Tremblay')).toEqual({ given: 'Marie', family: 'Tremblay' });
    expect(splitName('Tremblay, Marie Josée')).toEqual({ given: 'Marie Josée', family: 'Tremblay' });
    expect(splitName('Tremblay')).toEqual({ given: '', family: 'Tremblay' });
  });

  it('pre-fills name and date of birth but never the SIN', () => {
    const link = newClientLink({ name: 'Marie Tremblay', dateOfBirth: '1990-04-05', sin: '046 454 286' });
    expect(link).toBe('/clients/new?givenName=Marie&familyName=Tremblay&dateOfBirth=1990-04-05');
    expect(newClientLink(null)).toBe('/clients/new');
  });

  it('accepts a SIN typed with spaces or dashes', () => {
    expect(looksLikeSin('046 454 286')).toBe(true);
    expect(looksLikeSin('046-454-286')).toBe(true);
    expect(looksLikeSin('04645428')).toBe(false);
  });
});

describe('dates', () => {
  it('formats calendar dates in the interface language without shifting the day', () => {
    expect(formatDate('2026-07-01', 'en')).toBe('July 1, 2026');
    expect(formatDate('2026-07-01', 'fr')).toBe('1er juillet 2026');
    expect(formatDate('2026-07-02', 'fr')).toBe('2 juillet 2026');
  });
});
