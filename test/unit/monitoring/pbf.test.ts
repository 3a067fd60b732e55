import { describe, expect, it } from 'vitest';
import {
  applyStackingCap,
  DEFAULT_FUNDING_AGREEMENT_AMOUNTS,
  evidenceGaps,
  fundingAgreementProblems,
  ledgerLineState,
  PBF_CHECKPOINTS,
  pbfExclusion,
  reassociatesWithPbf,
  resolveLedger,
  returningClientPbfStart,
  stackingCap,
  type CheckpointEvidence,
  type CheckpointLineFacts,
  type PbfCheckpoint,
  type PbfEligibilityFacts,
} from '../../../src/domain/monitoring/pbf.js';
import { CLOSURE_REASONS } from '../../../src/domain/plan/closure.js';
import { closureFlags } from '../../../src/domain/plan/lifecycle.js';
import { TRAINING_PROGRAMS } from '../../../src/domain/plan/training-referrals.js';

const goodStub = {
  kind: 'pay_stub' as const,
  showsClientName: true,
  showsBusinessName: true,
  coversCheckpointDate: true,
  showsTwentyPlusHours: true,
};
const evidenced: CheckpointEvidence = {
  startDateProof: 'offer_letter',
  documents: [goodStub],
  attestation: null,
};

function cp(checkpoint: PbfCheckpoint, over: Partial<CheckpointLineFacts> = {}): CheckpointLineFacts {
  return {
    checkpoint,
    fundedOutcomeMet: true,
    stackingRefused: false,
    evidence: evidenced,
    employerSupportsActive: false,
    review: 'submitted',
    ...over,
  };
}

const eligible: PbfEligibilityFacts = {
  planSigned: true,
  statusQuo: false,
  serviceLevel: 'case_managed',
  closure: null,
  outcomeRecorded: false,
};

const B = DEFAULT_FUNDING_AGREEMENT_AMOUNTS.B;

describe('PBF checkpoints and amounts (M8, K4)', () => {
  it('M8/M13: the four paying checkpoints are 1, 3, 6 and 12 months; completion is not one', () => {
    expect([...PBF_CHECKPOINTS]).toEqual(['month_1', 'month_3', 'month_6', 'month_12']);
  });
  it('K4: the placeholder agreement has an integer-cents amount per stream and checkpoint', () => {
    expect(fundingAgreementProblems(DEFAULT_FUNDING_AGREEMENT_AMOUNTS)).toEqual([]);
    const bad = {
      ...DEFAULT_FUNDING_AGREEMENT_AMOUNTS,
      A: { ...DEFAULT_FUNDING_AGREEMENT_AMOUNTS.A, month_1: 12.5 },
    };
    expect(fundingAgreementProblems(bad)).toHaveLength(1);
  });
  it('K4: the amount comes from the client’s stream', () => {
    const ledger = resolveLedger({
      stream: 'C',
      amounts: DEFAULT_FUNDING_AGREEMENT_AMOUNTS,
      exclusion: null,
      checkpoints: [cp('month_1')],
    });
    expect(ledger.lines[0]!.amountCents).toBe(DEFAULT_FUNDING_AGREEMENT_AMOUNTS.C.month_1);
    expect(DEFAULT_FUNDING_AGREEMENT_AMOUNTS.C.month_1).not.toBe(DEFAULT_FUNDING_AGREEMENT_AMOUNTS.A.month_1);
  });
});

describe('pbfExclusion (K4, E7, S4, A10, M11)', () => {
  it('a signed, open, case-managed plan is not excluded', () => {
    expect(pbfExclusion(eligible)).toBeNull();
  });
  it('K4: no signed plan → excluded', () => {
    expect(pbfExclusion({ ...eligible, planSigned: false })).toEqual({ rule: 'K4', code: 'no_signed_plan' });
  });
  it('E7: a status-quo client → excluded', () => {
    expect(pbfExclusion({ ...eligible, statusQuo: true })?.rule).toBe('E7');
  });
  it('S4: a self-directed client → excluded', () => {
    expect(pbfExclusion({ ...eligible, serviceLevel: 'self_directed' })?.rule).toBe('S4');
  });
  it('A10: a referral with an immediate employment outcome (SAO) → excluded under §11 (default)', () => {
    const f = {
      ...eligible,
      closure: { reason: 'referral_to_eo_training' as const, trainingProgram: 'sao' as const },
    };
    expect(pbfExclusion(f)).toEqual({ rule: 'A10', code: 'training_referral' });
  });
  it('M11 conflict flag: with immediateEmploymentEarnsPbf (§17 reading) the SAO referral is not excluded', () => {
    const f = {
      ...eligible,
      closure: { reason: 'referral_to_eo_training' as const, trainingProgram: 'cojg' as const },
    };
    expect(pbfExclusion(f, { immediateEmploymentEarnsPbf: true })).toBeNull();
  });
  it('A10: SDF (no concurrent enrolment) is excluded even with the flag', () => {
    const f = {
      ...eligible,
      closure: { reason: 'referral_to_eo_training' as const, trainingProgram: 'sdf' as const },
    };
    expect(pbfExclusion(f, { immediateEmploymentEarnsPbf: true })?.rule).toBe('A10');
  });
  it('M11: an early exit (closed without an outcome, any reason but Completion) → excluded', () => {
    expect(
      pbfExclusion({ ...eligible, closure: { reason: 'unable_to_contact', trainingProgram: null } }),
    ).toEqual({
      rule: 'M11',
      code: 'early_exit',
    });
    expect(
      pbfExclusion({ ...eligible, closure: { reason: 'completion', trainingProgram: null } }),
    ).toBeNull();
  });
  it('A10/K4: a training referral made during monitoring keeps what the checkpoints earned', () => {
    const f = {
      ...eligible,
      outcomeRecorded: true,
      closure: { reason: 'referral_to_eo_training' as const, trainingProgram: 'sao' as const },
    };
    expect(pbfExclusion(f)).toBeNull();
    const flags = closureFlags({
      reason: 'referral_to_eo_training',
      phase: 'monitoring',
      activated: true,
      trainingProgram: 'sao',
      completedOnHoldTraining: false,
    });
    expect(flags.pbfPossible).toBe(true);
  });
  it('M11: a plan closed after an outcome was recorded is not an early exit', () => {
    const f = {
      ...eligible,
      outcomeRecorded: true,
      closure: { reason: 'unable_to_contact' as const, trainingProgram: null },
    };
    expect(pbfExclusion(f)).toBeNull();
  });
  it('A10/M11: agrees with closureFlags.pbfPossible for every closure reason and program, under both policies', () => {
    for (const policy of [{ immediateEmploymentEarnsPbf: false }, { immediateEmploymentEarnsPbf: true }])
      for (const reason of CLOSURE_REASONS)
        for (const program of reason === 'referral_to_eo_training' ? TRAINING_PROGRAMS : [null]) {
          const flags = closureFlags(
            {
              reason,
              phase: 'pre_employment',
              activated: true,
              trainingProgram: program,
              completedOnHoldTraining: false,
            },
            policy,
          );
          const exclusion = pbfExclusion(
            { ...eligible, closure: { reason, trainingProgram: program } },
            policy,
          );
          expect(exclusion === null, `${reason}/${String(program)}`).toBe(flags.pbfPossible);
        }
  });
});

describe('evidenceGaps (M9, M10)', () => {
  it('M9: a pay stub showing all four details and a start-date proof suffice', () => {
    expect(evidenceGaps(evidenced)).toEqual([]);
  });
  it('M9: a pay stub missing the 20+ hours does not count', () => {
    const gaps = evidenceGaps({ ...evidenced, documents: [{ ...goodStub, showsTwentyPlusHours: false }] });
    expect(gaps).toEqual([{ rule: 'M9', part: 'checkpoint', code: 'no_sufficient_document' }]);
  });
  it('M9: without start-date proof the evidence is insufficient', () => {
    expect(evidenceGaps({ ...evidenced, startDateProof: null }).map((g) => g.code)).toEqual([
      'no_start_date_proof',
    ]);
  });
  it('M10: an attestation counts only when SSM-pre-approved and signed by the lead', () => {
    const attestation = {
      ssmPreApproved: false,
      signedByLeadEmploymentStaff: false,
      hasRationale: true,
      hasAttemptsSummary: true,
      covers: ['checkpoint' as const],
    };
    const e: CheckpointEvidence = { ...evidenced, documents: [], attestation };
    expect(evidenceGaps(e).map((g) => g.code)).toEqual([
      'attestation_not_pre_approved',
      'attestation_not_signed_by_lead',
    ]);
    expect(
      evidenceGaps({ ...e, attestation: { ...attestation, ssmPreApproved: true } }).map((g) => g.code),
    ).toEqual(['attestation_not_signed_by_lead']);
    expect(
      evidenceGaps({
        ...e,
        attestation: { ...attestation, ssmPreApproved: true, signedByLeadEmploymentStaff: true },
      }),
    ).toEqual([]);
  });
  it('M10: an attestation may cover only the start date; the checkpoint still needs its pay stub', () => {
    const attestation = {
      ssmPreApproved: true,
      signedByLeadEmploymentStaff: true,
      hasRationale: true,
      hasAttemptsSummary: true,
      covers: ['start_date' as const],
    };
    expect(evidenceGaps({ startDateProof: null, documents: [goodStub], attestation })).toEqual([]);
    expect(evidenceGaps({ startDateProof: null, documents: [], attestation }).map((g) => g.part)).toEqual([
      'checkpoint',
    ]);
  });
});

describe('ledgerLineState (M8, M9, M10, F12, M5)', () => {
  it('M9: a met checkpoint without sufficient evidence is not earned', () => {
    const v = ledgerLineState(cp('month_1', { evidence: { ...evidenced, documents: [] } }));
    expect(v).toEqual({ state: 'not_met', reason: 'evidence_insufficient', retroactive: false });
  });
  it('M8: a met, evidenced checkpoint is earned; SSM approval and payment advance it', () => {
    expect(ledgerLineState(cp('month_1')).state).toBe('earned');
    expect(ledgerLineState(cp('month_1', { review: 'approved' })).state).toBe('approved');
    expect(ledgerLineState(cp('month_1', { review: 'paid' })).state).toBe('paid');
  });
  it('M10: an SSM rejection reverses an earned line', () => {
    expect(ledgerLineState(cp('month_1', { review: 'rejected' }))).toMatchObject({
      state: 'not_met',
      reason: 'ssm_rejected',
    });
  });
  it('M8: not met, or not yet recorded, is not met', () => {
    expect(ledgerLineState(cp('month_3', { fundedOutcomeMet: false })).reason).toBe('funded_outcome_not_met');
    expect(ledgerLineState(cp('month_3', { fundedOutcomeMet: null })).reason).toBe('outcome_pending');
  });
  it('F12: with employer supports active the line is deferred, even when the SSM accepted the report', () => {
    expect(ledgerLineState(cp('month_1', { employerSupportsActive: true, review: 'approved' }))).toEqual({
      state: 'deferred',
      reason: 'employer_supports_active',
      retroactive: false,
    });
  });
  it('F12: a released deferred line is released (retroactive) until the SSM approves it', () => {
    const f = cp('month_1', { employerSupportsActive: true });
    expect(ledgerLineState(f, null, 'released')).toEqual({
      state: 'released',
      reason: null,
      retroactive: true,
    });
    expect(ledgerLineState({ ...f, review: 'paid' }, null, 'released').state).toBe('paid');
    expect(ledgerLineState(f, null, 'forfeited').reason).toBe('deferred_not_released');
  });
  it('M5: a stacked outcome refused by the cap is not met', () => {
    expect(ledgerLineState(cp('month_1', { stackingRefused: true })).reason).toBe('stacking_cap');
  });
  it('K4: an excluded client’s line is never earned', () => {
    expect(ledgerLineState(cp('month_1'), { rule: 'K4', code: 'no_signed_plan' })).toMatchObject({
      state: 'not_met',
      reason: 'K4',
    });
  });
});

describe('resolveLedger (F12, M8)', () => {
  const ledgerB = (checkpoints: CheckpointLineFacts[]) =>
    resolveLedger({ stream: 'B', amounts: DEFAULT_FUNDING_AGREEMENT_AMOUNTS, exclusion: null, checkpoints });

  it('F12 worked example: Stream B, 22 h/week placement supported 4 months; 1- and 3-month successes deferred', () => {
    const ledger = ledgerB([
      cp('month_1', { employerSupportsActive: true }),
      cp('month_3', { employerSupportsActive: true }),
    ]);
    expect(ledger.lines.map((l) => l.state)).toEqual(['deferred', 'deferred']);
    expect(ledger.payableCents).toBe(0);
    expect(ledger.deferredCents).toBe(B.month_1 + B.month_3);
  });
  it('F12 worked example: the 6-month success (supports ended at 4 months) → 1, 3 and 6 all paid', () => {
    const ledger = ledgerB([
      cp('month_1', { employerSupportsActive: true }),
      cp('month_3', { employerSupportsActive: true }),
      cp('month_6'),
    ]);
    expect(ledger.lines.map((l) => [l.checkpoint, l.state, l.retroactive])).toEqual([
      ['month_1', 'released', true],
      ['month_3', 'released', true],
      ['month_6', 'earned', false],
    ]);
    expect(ledger.payableCents).toBe(B.month_1 + B.month_3 + B.month_6);
    expect(ledger.deferredCents).toBe(0);
  });
  it('F12: if the next checkpoint after supports end is not achieved, the deferred payments are lost', () => {
    const ledger = ledgerB([
      cp('month_1', { employerSupportsActive: true }),
      cp('month_3', { employerSupportsActive: true }),
      cp('month_6', { fundedOutcomeMet: false }),
      cp('month_12'),
    ]);
    expect(ledger.lines.map((l) => l.state)).toEqual(['not_met', 'not_met', 'not_met', 'earned']);
    expect(ledger.lines[0]!.reason).toBe('deferred_not_released');
    expect(ledger.payableCents).toBe(B.month_12);
  });
  it('F12: the release waits while the next checkpoint’s evidence is missing', () => {
    const ledger = ledgerB([
      cp('month_1', { employerSupportsActive: true }),
      cp('month_3', { evidence: { ...evidenced, documents: [] } }),
    ]);
    expect(ledger.lines.map((l) => l.state)).toEqual(['deferred', 'not_met']);
  });
  it('F12: supports active through month 12 → the deferred lines are lost once month 12 is recorded', () => {
    const ledger = ledgerB(PBF_CHECKPOINTS.map((c) => cp(c, { employerSupportsActive: true })));
    expect(ledger.lines.every((l) => l.reason === 'deferred_not_released')).toBe(true);
  });
  it('M8: checkpoints are independent (1, 3, 6 met, 12 not → three payments)', () => {
    const ledger = ledgerB([
      cp('month_1'),
      cp('month_3'),
      cp('month_6'),
      cp('month_12', { fundedOutcomeMet: false }),
    ]);
    expect(ledger.lines.filter((l) => l.payableCents > 0).map((l) => l.checkpoint)).toEqual([
      'month_1',
      'month_3',
      'month_6',
    ]);
    expect(ledger.payableCents).toBe(B.month_1 + B.month_3 + B.month_6);
  });
  it('M8: a missed checkpoint does not stop later ones (1 not met, 3 met)', () => {
    const ledger = ledgerB([cp('month_1', { fundedOutcomeMet: false }), cp('month_3')]);
    expect(ledger.lines.map((l) => l.state)).toEqual(['not_met', 'earned']);
  });
  it('ledger totals reconcile with the lines, in checkpoint order whatever the input order', () => {
    const ledger = ledgerB([cp('month_6'), cp('month_1')]);
    expect(ledger.lines.map((l) => l.checkpoint)).toEqual(['month_1', 'month_6']);
    expect(ledger.payableCents).toBe(ledger.lines.reduce((s, l) => s + l.payableCents, 0));
  });
  it('a checkpoint given twice is refused', () => {
    expect(() => ledgerB([cp('month_1'), cp('month_1')])).toThrow();
  });
});

describe('stacking cap (M5: at most 5% of funded outcomes per checkpoint period, rounded down)', () => {
  it('M5: 20 funded outcomes → 1 stacked allowed; 19 → 0; 39 → 1; 40 → 2', () => {
    expect(stackingCap(20)).toBe(1);
    expect(stackingCap(19)).toBe(0);
    expect(stackingCap(39)).toBe(1);
    expect(stackingCap(40)).toBe(2);
    expect(stackingCap(0)).toBe(0);
  });
  it('M5: 19 single + 2 stacked → the 1st stacked counts (20 outcomes), the 2nd is refused', () => {
    const outcomes = [
      ...Array.from({ length: 19 }, (_, i) => ({ id: `s${i}`, stacked: false })),
      { id: 'k1', stacked: true },
      { id: 'k2', stacked: true },
    ];
    const result = applyStackingCap(outcomes);
    expect(result.refused).toEqual(['k2']);
    expect(result.counted).toHaveLength(20);
  });
  it('M5: 18 single + 1 stacked → refused (19 outcomes allow none)', () => {
    const outcomes = [
      ...Array.from({ length: 18 }, (_, i) => ({ id: i, stacked: false })),
      { id: 99, stacked: true },
    ];
    expect(applyStackingCap(outcomes).refused).toEqual([99]);
  });
  it('M5: 38 single + 3 stacked → two count (40 outcomes), the third is refused', () => {
    const outcomes = [
      ...Array.from({ length: 38 }, (_, i) => ({ id: i, stacked: false })),
      { id: 100, stacked: true },
      { id: 101, stacked: true },
      { id: 102, stacked: true },
    ];
    expect(applyStackingCap(outcomes).refused).toEqual([102]);
  });
});

describe('re-association and returning clients (M13, M12)', () => {
  it('M13: re-associated only when all three conditions hold', () => {
    const all = {
      allFourCheckpointsPassed: true,
      needsPreEmploymentServices: true,
      newCaAfterLastCheckpoint: true,
    };
    expect(reassociatesWithPbf(all)).toBe(true);
    expect(reassociatesWithPbf({ ...all, allFourCheckpointsPassed: false })).toBe(false);
    expect(reassociatesWithPbf({ ...all, needsPreEmploymentServices: false })).toBe(false);
    expect(reassociatesWithPbf({ ...all, newCaAfterLastCheckpoint: false })).toBe(false);
  });
  it('M12: a returning client starts fresh: new CA and new signed EAP, no waiting, no carried lines', () => {
    expect(returningClientPbfStart({ newCaCompleted: false, newPlanSigned: false })).toEqual({
      carriesEarlierLines: false,
      waitingDays: 0,
      missing: ['new_ca', 'new_signed_eap'],
    });
    expect(returningClientPbfStart({ newCaCompleted: true, newPlanSigned: true }).missing).toEqual([]);
  });
});
