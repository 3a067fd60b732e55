import { describe, expect, it } from 'vitest';
import {
  THRESHOLDS,
  formatCents,
  planTotalCents,
  preApprovalReasons,
  type PlanSupport,
  type PreApprovalFacts,
} from '../../../src/domain/supports/pre-approval.js';

const BASE: PreApprovalFacts = {
  itemCents: 10_000,
  clientPlanTotalCents: 0,
  servicesDebt: false,
  category: 'technology',
};

describe('preApprovalReasons (F6)', () => {
  it('F6: thresholds are $1,000.00 per item and $3,500.00 per plan, in integer cents', () => {
    expect(THRESHOLDS).toEqual({ itemCents: 100_000, planTotalCents: 350_000 });
  });

  it('F6: $1,000.00 exactly needs no pre-approval; $1,000.01 does', () => {
    expect(preApprovalReasons({ ...BASE, itemCents: 100_000 })).toEqual([]);
    expect(preApprovalReasons({ ...BASE, itemCents: 100_001 })).toEqual(['item_exceeds_1000']);
  });

  it('F6: cumulative $3,500.00 across several items needs no pre-approval; one cent more does', () => {
    const supports: PlanSupport[] = [
      { id: 'a', state: 'report_approved', cents: 90_000, fundingSource: 'erfs' },
      { id: 'b', state: 'issued', cents: 100_000, fundingSource: 'erfs' },
      { id: 'c', state: 'approved', cents: 60_000, fundingSource: 'erfs' },
      { id: 'd', state: 'requested', cents: 25_000, fundingSource: 'erfs' },
    ];
    const others = planTotalCents(supports);
    expect(others).toBe(275_000);
    expect(preApprovalReasons({ ...BASE, itemCents: 75_000, clientPlanTotalCents: others })).toEqual([]);
    expect(preApprovalReasons({ ...BASE, itemCents: 75_001, clientPlanTotalCents: others })).toEqual([
      'plan_total_exceeds_3500',
    ]);
  });

  it('F6: an item of $1,000.01 that also takes the plan over $3,500.00 gives both reasons', () => {
    expect(preApprovalReasons({ ...BASE, itemCents: 100_001, clientPlanTotalCents: 250_000 })).toEqual([
      'item_exceeds_1000',
      'plan_total_exceeds_3500',
    ]);
  });

  it('F6: a debt payment and an unlisted category need pre-approval whatever the amount', () => {
    expect(preApprovalReasons({ ...BASE, itemCents: 1, servicesDebt: true })).toEqual(['services_debt']);
    expect(preApprovalReasons({ ...BASE, itemCents: 1, category: 'other' })).toEqual(['unlisted_category']);
  });

  it('F6: an employer support (no category) is judged on amounts only', () => {
    expect(preApprovalReasons({ ...BASE, category: null })).toEqual([]);
  });

  it('F6: amounts are integer cents; fractions and negatives are refused', () => {
    expect(() => preApprovalReasons({ ...BASE, itemCents: 1000.5 })).toThrow(RangeError);
    expect(() => preApprovalReasons({ ...BASE, itemCents: -1 })).toThrow(RangeError);
    expect(() => preApprovalReasons({ ...BASE, clientPlanTotalCents: 0.1 })).toThrow(RangeError);
  });
});

describe('planTotalCents (F6)', () => {
  it('F6: counts live ERFS supports; drafts, cancelled and withheld ones do not count', () => {
    const supports: PlanSupport[] = [
      { id: 'draft', state: 'draft', cents: 1, fundingSource: 'erfs' },
      { id: 'req', state: 'requested', cents: 10, fundingSource: 'erfs' },
      { id: 'pre', state: 'pre_approval_pending', cents: 100, fundingSource: 'erfs' },
      { id: 'app', state: 'approved', cents: 1_000, fundingSource: 'erfs' },
      { id: 'iss', state: 'issued', cents: 10_000, fundingSource: 'erfs' },
      { id: 'rep', state: 'reported', cents: 100_000, fundingSource: 'erfs' },
      { id: 'ok', state: 'report_approved', cents: 1_000_000, fundingSource: 'erfs' },
      { id: 'wh', state: 'withheld', cents: 2, fundingSource: 'erfs' },
      { id: 'can', state: 'cancelled', cents: 3, fundingSource: 'erfs' },
    ];
    expect(planTotalCents(supports)).toBe(1_111_110);
  });

  it('F6/F8: ODSP Client Reserve supports are not part of the ERFS total', () => {
    expect(
      planTotalCents([
        { id: 'r', state: 'issued', cents: 500_000, fundingSource: 'odsp_client_reserve' },
        { id: 'e', state: 'issued', cents: 1, fundingSource: 'erfs' },
      ]),
    ).toBe(1);
  });

  it('F6: the support being decided is excluded so it is not counted twice', () => {
    const supports: PlanSupport[] = [
      { id: 'x', state: 'requested', cents: 200_000, fundingSource: 'erfs' },
      { id: 'y', state: 'issued', cents: 150_000, fundingSource: 'erfs' },
    ];
    expect(planTotalCents(supports, 'x')).toBe(150_000);
  });
});

describe('formatCents', () => {
  it('F6: shows integer cents in English and French without floating point', () => {
    expect(formatCents(100_001, 'en')).toBe('$1,000.01');
    expect(formatCents(350_000, 'fr')).toBe('3\u00a0500,00\u00a0$');
    expect(formatCents(5, 'en')).toBe('$0.05');
  });
});
