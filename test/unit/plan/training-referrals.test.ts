import { describe, expect, it } from 'vitest';
import {
  itemAfterOnHoldTraining,
  trainingPathOf,
  trainingReferralEffect,
  trainingReferralProblems,
} from '../../../src/domain/plan/training-referrals.js';
import { closureRefusal, PLAN_PHASES } from '../../../src/domain/plan/closure.js';

describe('A10: referrals to ministry-retained training programs', () => {
  it.each(['sao', 'obtp', 'cojg', 'apprenticeship'] as const)(
    'A10 case 1: %s closes the plan with “Referral to EO Training Program”, no outcome screen, no monitoring, no PBF, counted as served and trained',
    (program) => {
      expect(trainingPathOf(program)).toBe('immediate_employment');
      expect(trainingReferralEffect(program)).toEqual({
        path: 'immediate_employment',
        plan: 'close',
        closureReason: 'referral_to_eo_training',
        outcomeScreen: false,
        monitoring: false,
        pbfPossible: false,
        countsAsClientServed: 'at_closure',
        countsAsTrainingCompletion: true,
        successfulOutcome: true,
      });
    },
  );

  it('M11 conflict: the §17 reading (PBF for case 1) only with the flag set', () => {
    expect(trainingReferralEffect('sao', { immediateEmploymentEarnsPbf: true }).pbfPossible).toBe(true);
    expect(trainingReferralEffect('sdf', { immediateEmploymentEarnsPbf: true }).pbfPossible).toBe(false);
  });

  it.each(['bjo', 'ojcp', 'lbs'] as const)(
    'A10 case 2: %s puts the plan Active – On Hold; served once training completes; PBF possible later',
    (program) => {
      const effect = trainingReferralEffect(program);
      expect(effect).toMatchObject({
        path: 'on_hold',
        plan: 'on_hold',
        closureReason: null,
        monitoring: true,
        pbfPossible: true,
        countsAsClientServed: 'when_training_completes',
      });
      expect(itemAfterOnHoldTraining()).toEqual({
        status: 'completed',
        outcome: 'attained',
        planStatus: 'active',
      });
    },
  );

  it('A10 case 3: SDF (no concurrent enrolment) closes with “Referral to EO Training Program”, not a successful outcome', () => {
    expect(trainingReferralEffect('sdf')).toMatchObject({
      path: 'exclusive',
      plan: 'close',
      closureReason: 'referral_to_eo_training',
      successfulOutcome: false,
      pbfPossible: false,
      monitoring: false,
    });
  });

  it('A10: the training closure reason is open in every phase (A9)', () => {
    for (const phase of PLAN_PHASES) expect(closureRefusal(phase, 'referral_to_eo_training')).toBeNull();
  });

  it('A10: nothing takes effect before acceptance is recorded; case 1 also needs the other items closed', () => {
    const codes = (s: Parameters<typeof trainingReferralProblems>[0]) =>
      trainingReferralProblems(s).map((p) => [p.rule, p.code]);
    expect(codes({ program: 'sao', acceptanceConfirmed: false, openOtherItems: 2 })).toEqual([
      ['A10', 'acceptance_not_confirmed'],
      ['A10', 'items_still_open'],
    ]);
    expect(codes({ program: 'sao', acceptanceConfirmed: true, openOtherItems: 0 })).toEqual([]);
    // Going on hold keeps the plan open: its other items may stay open.
    expect(codes({ program: 'lbs', acceptanceConfirmed: true, openOtherItems: 3 })).toEqual([]);
    expect(codes({ program: 'sdf', acceptanceConfirmed: false, openOtherItems: 0 })).toEqual([
      ['A10', 'acceptance_not_confirmed'],
    ]);
  });
});
