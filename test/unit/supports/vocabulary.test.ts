import { describe, expect, it } from 'vitest';
import {
  CLIENT_SUPPORT_CATEGORIES,
  LIVE_REQUEST_STATES,
  REQUEST_STATES,
  REQUEST_TRANSITIONS,
  SUPPORT_CATEGORIES,
  SUPPORT_KINDS,
  WITHHOLD_REASONS,
  canTransition,
  isIssuedState,
  statesThatMayBecome,
} from '../../../src/domain/supports/types.js';
import {
  WITHHOLD_REASON_LABELS,
  isProvisionalWithholding,
  suggestedWithholdReasons,
} from '../../../src/domain/supports/withholding.js';
import { evidenceProblems } from '../../../src/domain/supports/reporting.js';

describe('vocabulary (F2, F5)', () => {
  it('F2: two kinds of support, client and employer', () => {
    expect(SUPPORT_KINDS).toEqual(['client', 'employer']);
  });

  it('F5: eight listed categories, plus other', () => {
    expect(CLIENT_SUPPORT_CATEGORIES).toHaveLength(8);
    expect(SUPPORT_CATEGORIES.at(-1)).toBe('other');
  });
});

describe('request lifecycle', () => {
  it('F6: a request waiting for pre-approval is approved or cancelled, never issued directly', () => {
    expect(canTransition('pre_approval_pending', 'approved')).toBe(true);
    expect(canTransition('pre_approval_pending', 'issued')).toBe(false);
  });

  it('F11/F13: only an issued or reported support may be withheld; a withholding may be lifted or re-reported', () => {
    expect(canTransition('issued', 'withheld')).toBe(true);
    expect(canTransition('reported', 'withheld')).toBe(true);
    expect(canTransition('approved', 'withheld')).toBe(false);
    expect(canTransition('withheld', 'reported')).toBe(true);
    expect(canTransition('withheld', 'report_approved')).toBe(true);
  });

  it('F13: cancelled and report_approved are final; every state has its transitions', () => {
    expect(Object.keys(REQUEST_TRANSITIONS).sort()).toEqual([...REQUEST_STATES].sort());
    expect(REQUEST_TRANSITIONS.cancelled).toEqual([]);
    expect(REQUEST_TRANSITIONS.report_approved).toEqual([]);
  });

  it('F6: drafts, withheld and cancelled supports are not live', () => {
    for (const s of ['draft', 'withheld', 'cancelled'] as const)
      expect((LIVE_REQUEST_STATES as readonly string[]).includes(s)).toBe(false);
  });
});

describe('what the lifecycle allows (F11, F13, I3)', () => {
  it('F13: a support is cancelled only before issue, and reported when issued or withheld (a corrected report)', () => {
    expect(statesThatMayBecome('cancelled')).toEqual([
      'draft',
      'requested',
      'pre_approval_pending',
      'approved',
    ]);
    expect(statesThatMayBecome('reported')).toEqual(['issued', 'withheld']);
  });

  it('I3: the SA caseworker sees a support once it is issued, never while it is only asked for', () => {
    expect(REQUEST_STATES.filter(isIssuedState)).toEqual([
      'issued',
      'reported',
      'report_approved',
      'withheld',
    ]);
    for (const s of ['draft', 'requested', 'pre_approval_pending', 'approved', 'cancelled'] as const)
      expect(isIssuedState(s)).toBe(false);
  });
});

describe('withholding (F11)', () => {
  it('F11: six reasons, each with EN and FR labels', () => {
    expect(WITHHOLD_REASONS).toHaveLength(6);
    for (const r of WITHHOLD_REASONS) {
      expect(WITHHOLD_REASON_LABELS[r].en.trim()).not.toBe('');
      expect(WITHHOLD_REASON_LABELS[r].fr).not.toBe(WITHHOLD_REASON_LABELS[r].en);
    }
  });

  it('F11: only a withholding pending a malfeasance review is provisional', () => {
    expect(WITHHOLD_REASONS.filter(isProvisionalWithholding)).toEqual(['malfeasance_review']);
  });

  it('F11: evidence problems suggest missing or improper evidence; a debt without pre-approval suggests pre-approval missing', () => {
    const problems = evidenceProblems({
      supportKind: 'client',
      purchase: 'debt_payment',
      seller: 'business',
      documents: ['account_screenshot'],
      ssmPreApproved: false,
    });
    expect(suggestedWithholdReasons(problems, false)).toEqual([
      'missing_or_improper_evidence',
      'pre_approval_missing',
    ]);
    expect(suggestedWithholdReasons([], true)).toEqual(['pre_approval_missing']);
  });
});
