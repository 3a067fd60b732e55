import { describe, expect, it } from 'vitest';
import {
  PHOTO_ID_KINDS,
  verifyIdentity,
  type IdentityEvidence,
  type IdentityResult,
} from '../../../src/domain/assessment/index.js';

const TODAY = '2026-03-02';
const ctx = { today: TODAY, saClient: false };
const problems = (r: IdentityResult) => (r.ok ? [] : r.problems.map((p) => [p.field, p.code]));

const photo = (
  kind: string,
  expiresOn: string | null = '2028-01-31',
  seen: 'in_person' | 'video' = 'in_person',
) => ({ method: 'photo_id', kind, expiresOn, seen }) as IdentityEvidence;

const bill = { source: 'name_and_address', document: 'Utility bill', original: true } as const;
const birthCertificate = {
  source: 'name_and_date_of_birth',
  document: 'Birth certificate',
  original: true,
} as const;
const bankStatement = {
  source: 'name_and_financial_account',
  document: 'Bank statement',
  original: true,
} as const;

describe('identity verification (C4)', () => {
  it.each(PHOTO_ID_KINDS)('C4: a valid %s is accepted', (kind) => {
    expect(verifyIdentity(photo(kind), ctx)).toEqual({ ok: true });
  });

  it('C4: photo ID seen on camera counts', () => {
    expect(verifyIdentity(photo('passport', '2030-05-01', 'video'), ctx)).toEqual({ ok: true });
  });

  it('C4: expired photo ID is refused; ID expiring today is still valid', () => {
    expect(problems(verifyIdentity(photo('drivers_licence', '2026-03-01'), ctx))).toEqual([
      ['expiresOn', 'expired'],
    ]);
    expect(verifyIdentity(photo('drivers_licence', TODAY), ctx)).toEqual({ ok: true });
  });

  it('C4: a health card and a SIN card are refused, saying why in both languages', () => {
    for (const kind of ['health_card', 'sin_card']) {
      const r = verifyIdentity(photo(kind), ctx);
      expect(problems(r)).toEqual([['kind', 'refused_id_kind']]);
      expect(r.ok ? '' : r.problems[0]!.en).toMatch(/Privacy Act/);
      expect(r.ok ? '' : r.problems[0]!.fr).toMatch(/Loi sur la protection des renseignements personnels/);
    }
  });

  it('C4: a citizenship card prints no expiry date and is valid without one; other cards need theirs', () => {
    expect(verifyIdentity(photo('citizenship_card', null), ctx)).toEqual({ ok: true });
    expect(problems(verifyIdentity(photo('passport', null), ctx))).toEqual([
      ['expiresOn', 'expiry_required'],
    ]);
  });

  it('C4: an expiry date that is not a date is refused', () => {
    expect(problems(verifyIdentity(photo('passport', 'soon'), ctx))).toEqual([['expiresOn', 'invalid_date']]);
  });

  it('C4: the dual process accepts two originals from two different sources', () => {
    expect(verifyIdentity({ method: 'dual_process', items: [bill, birthCertificate] }, ctx)).toEqual({
      ok: true,
    });
    expect(verifyIdentity({ method: 'dual_process', items: [bankStatement, bill] }, ctx)).toEqual({
      ok: true,
    });
  });

  it('C4: the same kind of source twice is refused, pointing at the second item', () => {
    const r = verifyIdentity(
      { method: 'dual_process', items: [bill, { ...bill, document: 'Notice of Assessment' }] },
      ctx,
    );
    expect(problems(r)).toEqual([['items.1.source', 'same_source']]);
  });

  it('C4: one item alone, or three, is refused', () => {
    expect(problems(verifyIdentity({ method: 'dual_process', items: [bill] }, ctx))).toEqual([
      ['items', 'two_items_needed'],
    ]);
    expect(
      problems(
        verifyIdentity({ method: 'dual_process', items: [bill, birthCertificate, bankStatement] }, ctx),
      ),
    ).toEqual([['items', 'two_items_needed']]);
  });

  it('C4: a photocopy is refused: originals only', () => {
    expect(
      problems(
        verifyIdentity(
          { method: 'dual_process', items: [bill, { ...birthCertificate, original: false }] },
          ctx,
        ),
      ),
    ).toEqual([['items.1.original', 'original_required']]);
  });

  it('C4: the document seen must be named', () => {
    expect(
      problems(
        verifyIdentity(
          { method: 'dual_process', items: [{ ...bill, document: ' ' }, birthCertificate] },
          ctx,
        ),
      ),
    ).toEqual([['items.0.document', 'document_required']]);
  });

  it('C4: SA documentation is relied on only for SA clients', () => {
    expect(verifyIdentity({ method: 'sa_documentation' }, { today: TODAY, saClient: true })).toEqual({
      ok: true,
    });
    expect(
      verifyIdentity({ method: 'sa_documentation' }, { today: TODAY, saClient: false, flow: 'sa' }),
    ).toEqual({
      ok: true,
    });
    expect(problems(verifyIdentity({ method: 'sa_documentation' }, ctx))).toEqual([
      ['method', 'sa_documentation_not_allowed'],
    ]);
  });
});
