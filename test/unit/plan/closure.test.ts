import { describe, expect, it } from 'vitest';
import {
  CLOSURE_REASON_LABELS,
  CLOSURE_REASONS,
  CONSENT_REVOCATION_CLOSURE_REASON,
  closureReasonsFor,
  closureRefusal,
  isEarlyExit,
  phaseOf,
  PLAN_PHASES,
  type ClosureReason,
  type PlanPhase,
} from '../../../src/domain/plan/closure.js';

/** §11's three lists, copied here word for word as labels so the test reads like the guidelines. */
const GUIDELINES: Record<PlanPhase, string[]> = {
  pre_employment: [
    'Client Ineligible',
    'Client Deceased',
    'Client Issue – Satisfactory Progress Not Achieved',
    'Opened in Error',
    'Referral to EO Training Program',
    'Voluntary Withdrawal – Personal Reasons',
    'Voluntary Withdrawal – Moved Outside of Catchment',
    'Voluntary Withdrawal – Moved Outside of Province',
    'Voluntary Withdrawal – Client Dissatisfied with Service',
    'Voluntary Withdrawal – No Longer Seeking Employment',
    'Unable to Contact Client',
  ],
  monitoring: [
    'Client Ineligible',
    'Client Deceased',
    'Referral to EO Training Program',
    'Voluntary Withdrawal – Personal Reasons',
    'Voluntary Withdrawal – Moved Outside of Catchment',
    'Voluntary Withdrawal – Moved Outside of Province',
    'Voluntary Withdrawal – Client Dissatisfied with Service',
    'Voluntary Withdrawal – No Longer Seeking Employment',
  ],
  after_final_checkpoint: [
    'Client Ineligible',
    'Client Deceased',
    'Completion',
    'Referral to EO Training Program',
    'Voluntary Withdrawal – Personal Reasons',
    'Voluntary Withdrawal – Moved Outside of Catchment',
    'Voluntary Withdrawal – Moved Outside of Province',
    'Voluntary Withdrawal – Client Dissatisfied with Service',
    'Voluntary Withdrawal – No Longer Seeking Employment',
    'Unable to Contact Client',
  ],
};

describe('A9: closure reasons by phase', () => {
  it.each(PLAN_PHASES)('A9: the %s list is exactly the guidelines’, in their order', (phase) => {
    expect(closureReasonsFor(phase).map((r) => CLOSURE_REASON_LABELS[r].en)).toEqual(GUIDELINES[phase]);
  });

  const cases = PLAN_PHASES.flatMap((phase) =>
    CLOSURE_REASONS.map(
      (reason) => [phase, reason, GUIDELINES[phase].includes(CLOSURE_REASON_LABELS[reason].en)] as const,
    ),
  );
  it.each(cases)('A9: in %s, “%s” accepted = %s', (phase, reason, accepted) => {
    const refusal = closureRefusal(phase, reason);
    if (accepted) expect(refusal).toBeNull();
    else {
      expect(refusal).toMatchObject({ rule: 'A9', code: 'reason_not_in_phase' });
      expect(refusal!.en).toContain(CLOSURE_REASON_LABELS[reason].en);
      expect(refusal!.fr).toContain(CLOSURE_REASON_LABELS[reason].fr);
    }
  });

  it('A9: Completion only after the 12-month checkpoint; Unable to Contact never during monitoring', () => {
    const phasesOf = (reason: ClosureReason) =>
      PLAN_PHASES.filter((p) => closureReasonsFor(p).includes(reason));
    expect(phasesOf('completion')).toEqual(['after_final_checkpoint']);
    expect(phasesOf('unable_to_contact')).toEqual(['pre_employment', 'after_final_checkpoint']);
    expect(phasesOf('opened_in_error')).toEqual(['pre_employment']);
    expect(phasesOf('satisfactory_progress_not_achieved')).toEqual(['pre_employment']);
  });

  it('every reason has a French label', () => {
    for (const r of CLOSURE_REASONS) expect(CLOSURE_REASON_LABELS[r].fr.trim()).not.toBe('');
  });
});

describe('A8: the plan’s phase', () => {
  it('A8: pre-employment until an outcome, monitoring after it, then after the 12-month checkpoint', () => {
    expect(phaseOf({ outcomeRecordedAt: null, finalCheckpointCompletedAt: null })).toBe('pre_employment');
    expect(phaseOf({ outcomeRecordedAt: '2026-03-01', finalCheckpointCompletedAt: null })).toBe('monitoring');
    expect(phaseOf({ outcomeRecordedAt: '2026-03-01', finalCheckpointCompletedAt: '2027-03-02' })).toBe(
      'after_final_checkpoint',
    );
  });
});

describe('M11: early exit', () => {
  it('M11: every closure but Completion is an early exit', () => {
    expect(CLOSURE_REASONS.filter((r) => !isEarlyExit(r))).toEqual(['completion']);
  });
});

describe('C3/A9: a consent revocation closes the open plan', () => {
  it('C3: as a voluntary withdrawal for personal reasons, a reason every phase offers, and an early exit (M11)', () => {
    for (const phase of PLAN_PHASES) {
      expect(closureRefusal(phase, CONSENT_REVOCATION_CLOSURE_REASON), phase).toBeNull();
    }
    expect(isEarlyExit(CONSENT_REVOCATION_CLOSURE_REASON)).toBe(true);
  });
});
