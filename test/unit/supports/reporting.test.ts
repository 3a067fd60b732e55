import { describe, expect, it } from 'vitest';
import { createBusinessCalendar } from '../../../src/domain/calendar/index.js';
import {
  REPORTING_BUSINESS_DAYS,
  evidenceProblems,
  reportDueOn,
  reportState,
  type EvidenceFacts,
} from '../../../src/domain/supports/reporting.js';

// Expected dates worked out by hand (weekdays checked with `date -d YYYY-MM-DD +%A`).
const cal = createBusinessCalendar();
const withClosures = createBusinessCalendar({
  closures: [
    { date: '2026-04-06', nameEn: 'Easter Monday', nameFr: 'Lundi de Pâques' },
    { date: '2026-08-03', nameEn: 'Civic Holiday', nameFr: 'Congé civique' },
  ],
});

describe('reportDueOn (F13)', () => {
  it('F13: 3 business days for client supports, 15 for employer supports', () => {
    expect(REPORTING_BUSINESS_DAYS).toEqual({ client: 3, employer: 15 });
  });

  it('F13: a client support issued the Thursday before Good Friday 2026 is due Wednesday 8 April', () => {
    expect(reportDueOn(cal, { kind: 'client', issuedOn: '2026-04-02' })).toBe('2026-04-08');
  });

  it('F13: with the SSM closed on Easter Monday it is due Thursday 9 April', () => {
    expect(reportDueOn(withClosures, { kind: 'client', issuedOn: '2026-04-02' })).toBe('2026-04-09');
  });

  it('F13: issued Thursday 24 December 2026 (Christmas Friday, Boxing Day observed Monday 28): due Thursday 31 December', () => {
    expect(reportDueOn(cal, { kind: 'client', issuedOn: '2026-12-24' })).toBe('2026-12-31');
  });

  it('F13: across a weekend: issued Friday 6 March or Saturday 7 March 2026, due Wednesday 11 March', () => {
    expect(reportDueOn(cal, { kind: 'client', issuedOn: '2026-03-06' })).toBe('2026-03-11');
    expect(reportDueOn(cal, { kind: 'client', issuedOn: '2026-03-07' })).toBe('2026-03-11');
  });

  it('F13: an employer placement ending Friday 18 December 2026 is due 15 business days later, Wednesday 13 January 2027', () => {
    expect(reportDueOn(cal, { kind: 'employer', placementEndedOn: '2026-12-18' })).toBe('2027-01-13');
  });

  it('F13: a placement ending Wednesday 15 July 2026 is due 5 August, or 6 August with the Civic Holiday closure', () => {
    expect(reportDueOn(cal, { kind: 'employer', placementEndedOn: '2026-07-15' })).toBe('2026-08-05');
    expect(reportDueOn(withClosures, { kind: 'employer', placementEndedOn: '2026-07-15' })).toBe(
      '2026-08-06',
    );
  });
});

describe('reportState (F13)', () => {
  it('F13: due through the due date, overdue the day after', () => {
    expect(reportState('2026-04-08', '2026-04-02', null)).toBe('due');
    expect(reportState('2026-04-08', '2026-04-08', null)).toBe('due');
    expect(reportState('2026-04-08', '2026-04-09', null)).toBe('overdue');
  });

  it('F13: reported on the due date is on time; the day after is late', () => {
    expect(reportState('2026-04-08', '2026-05-01', '2026-04-08')).toBe('reported');
    expect(reportState('2026-04-08', '2026-05-01', '2026-04-09')).toBe('reported_late');
  });
});

const RECEIPT: EvidenceFacts = {
  supportKind: 'client',
  purchase: 'goods_or_services',
  seller: 'business',
  documents: ['itemized_receipt'],
  ssmPreApproved: false,
};
const codes = (f: EvidenceFacts) => evidenceProblems(f).map((p) => p.code);

describe('evidenceProblems (F13)', () => {
  it('F13: an itemized receipt from a business is acceptable', () => {
    expect(evidenceProblems(RECEIPT)).toEqual([]);
  });

  it('F13: a gift card needs the itemized receipt of what was bought; the card’s own receipt is not enough', () => {
    expect(codes({ ...RECEIPT, purchase: 'gift_card', documents: ['card_purchase_receipt'] })).toEqual([
      'gift_card_needs_itemized_receipt',
      'no_itemized_receipt',
    ]);
    expect(
      codes({ ...RECEIPT, purchase: 'gift_card', documents: ['card_purchase_receipt', 'itemized_receipt'] }),
    ).toEqual([]);
  });

  it('F13: a gas card is the exception: its purchase receipt is enough', () => {
    expect(codes({ ...RECEIPT, purchase: 'gas_card', documents: ['card_purchase_receipt'] })).toEqual([]);
  });

  it('F13: screenshots of accounts or payments are refused', () => {
    expect(codes({ ...RECEIPT, documents: ['account_screenshot'] })).toEqual([
      'screenshot_not_evidence',
      'no_itemized_receipt',
    ]);
  });

  it('F13: a card slip without the itemized receipt is refused', () => {
    expect(codes({ ...RECEIPT, documents: ['card_slip'] })).toEqual([
      'card_slip_without_itemized_receipt',
      'no_itemized_receipt',
    ]);
    expect(codes({ ...RECEIPT, documents: ['card_slip', 'itemized_receipt'] })).toEqual([]);
  });

  it('F13: purchases from individuals are refused, handwritten or online-marketplace receipts alike', () => {
    expect(codes({ ...RECEIPT, seller: 'individual', documents: ['handwritten_receipt'] })).toEqual([
      'purchase_from_individual',
      'handwritten_receipt_not_evidence',
      'no_itemized_receipt',
    ]);
    expect(codes({ ...RECEIPT, seller: 'individual' })).toEqual(['purchase_from_individual']);
  });

  it('F13: a debt payment is refused without SSM pre-approval and accepted with it', () => {
    expect(codes({ ...RECEIPT, purchase: 'debt_payment' })).toEqual(['debt_without_pre_approval']);
    expect(codes({ ...RECEIPT, purchase: 'debt_payment', ssmPreApproved: true })).toEqual([]);
  });

  it('F13: nothing attached is refused', () => {
    expect(codes({ ...RECEIPT, documents: [] })).toEqual(['no_itemized_receipt']);
  });

  it('F13: an employer support needs the placement agreement attached, with an invoice or receipt', () => {
    const employer: EvidenceFacts = { ...RECEIPT, supportKind: 'employer', documents: ['employer_invoice'] };
    expect(codes(employer)).toEqual(['placement_agreement_missing']);
    expect(codes({ ...employer, documents: ['employer_invoice', 'placement_agreement'] })).toEqual([]);
    expect(codes({ ...employer, documents: ['placement_agreement'] })).toEqual(['no_itemized_evidence']);
  });

  it('F13: every problem has English and French text', () => {
    for (const p of evidenceProblems({
      ...RECEIPT,
      seller: 'individual',
      purchase: 'debt_payment',
      documents: [],
    })) {
      expect(p.rule).toBe('F13');
      expect(p.en).not.toBe(p.fr);
    }
  });
});
