import { describe, expect, it } from 'vitest';
import {
  allowedActions,
  assessmentBucketsOf,
  type ActionFacts,
  type WorklistFacts,
} from '../../../src/domain/assessment/index.js';

const PROVIDER = 'org-provider';
const SSM = 'org-ssm';
const ca = (extra: Partial<WorklistFacts> = {}): WorklistFacts => ({
  status: 'in_progress',
  holderOrganizationId: PROVIDER,
  referralId: null,
  serviceLevel: null,
  returnedToSsmAt: null,
  returnedByOrganizationId: null,
  ageDays: 3,
  ...extra,
});
const provider = { organizationId: PROVIDER, ssm: false };
const ssm = { organizationId: SSM, ssm: true };

describe('assessment worklist buckets', () => {
  it('C6: a CA that reached the provider through a referral is in progress and referred', () => {
    expect(assessmentBucketsOf(ca({ referralId: 'r1' }), provider)).toEqual(['in_progress', 'referred']);
    expect(assessmentBucketsOf(ca(), provider)).toEqual(['in_progress']);
  });

  it('C9/S4: aged from day 120, not day 119', () => {
    expect(assessmentBucketsOf(ca({ ageDays: 119 }), provider)).not.toContain('aged');
    expect(assessmentBucketsOf(ca({ ageDays: 120 }), provider)).toContain('aged');
  });

  it('S5: SSM intake sees every service-pending CA of the catchment, though it does not hold them', () => {
    const pending = ca({ serviceLevel: 'service_pending' });
    expect(assessmentBucketsOf(pending, ssm)).toEqual(['service_pending']);
    expect(assessmentBucketsOf(pending, { organizationId: 'org-other', ssm: false })).toEqual([]);
  });

  it('C10: the SSM sees what was returned to it; the provider, what it returned', () => {
    const returned = ca({
      holderOrganizationId: SSM,
      returnedToSsmAt: new Date(),
      returnedByOrganizationId: PROVIDER,
    });
    expect(assessmentBucketsOf(returned, ssm)).toEqual(['in_progress', 'returned_to_ssm']);
    expect(assessmentBucketsOf(returned, provider)).toEqual(['returned_to_ssm']);
  });

  it('C11: a submitted CA is only in the submitted bucket; a cancelled one in none', () => {
    expect(assessmentBucketsOf(ca({ status: 'submitted', ageDays: 200 }), provider)).toEqual(['submitted']);
    expect(assessmentBucketsOf(ca({ status: 'cancelled' }), provider)).toEqual([]);
  });
});

const facts = (extra: Partial<ActionFacts> = {}): ActionFacts => ({
  status: 'in_progress',
  flow: 'eo',
  referred: false,
  holder: true,
  actorKind: 'provider',
  conducts: true,
  assigns: false,
  consentActive: true,
  needsReconfirmation: false,
  submittable: false,
  ...extra,
});

describe('what an actor may do on a CA', () => {
  it('the holding provider answers, sets the level, cancels and may return it to the SSM (S1, C9, C10)', () => {
    expect(allowedActions(facts())).toEqual([
      'confirm_consent',
      'answer',
      'verify_identity',
      'set_service_level',
      'assign_caseworker',
      'cancel',
      'reassign_to_ssm',
      'add_note',
    ]);
    expect(allowedActions(facts({ submittable: true }))).toContain('submit');
  });

  it('S2/C6: the SA caseworker never sets the level, refers once, and does not return to the SSM', () => {
    const sa = facts({ actorKind: 'sa_office', flow: 'sa' });
    expect(allowedActions(sa)).toContain('refer');
    expect(allowedActions(sa)).not.toContain('set_service_level');
    expect(allowedActions(sa)).not.toContain('reassign_to_ssm');
    expect(allowedActions({ ...sa, referred: true })).not.toContain('refer');
  });

  it('C3/C9: with the notice to read again, nothing can be answered; re-confirming and cancelling can', () => {
    const actions = allowedActions(facts({ needsReconfirmation: true }));
    expect(actions).toContain('confirm_consent');
    expect(actions).not.toContain('answer');
    expect(actions).toContain('cancel');
  });

  it('C7: a caseworker who does not hold the CA may still add a note; SSM intake assigns a provider to one it holds', () => {
    expect(allowedActions(facts({ holder: false }))).toEqual(['add_note']);
    expect(allowedActions(facts({ actorKind: 'ssm', conducts: false, assigns: true }))).toEqual([
      'add_note',
      'assign_provider',
    ]);
  });

  it('C11: a submitted CA can only be closed in error, by its holder', () => {
    expect(allowedActions(facts({ status: 'submitted' }))).toEqual(['close_in_error']);
    expect(allowedActions(facts({ status: 'submitted', holder: false }))).toEqual([]);
    expect(allowedActions(facts({ status: 'cancelled' }))).toEqual([]);
  });
});
