import { describe, expect, it } from 'vitest';
import {
  checkpointLineFacts,
  csvField,
  csvRow,
  dollarsOf,
  isFundedOutcomeLine,
  pbfEligibilityOf,
  ssmReviewOf,
  stackingRefusalsInPeriod,
  statementTotals,
  type CheckpointLineRecord,
  type PlanEligibilityRecord,
  type StatementLine,
} from '../../../src/domain/monitoring/pbf-ledger.js';
import {
  pbfExclusion,
  resolveLedger,
  DEFAULT_FUNDING_AGREEMENT_AMOUNTS,
} from '../../../src/domain/monitoring/pbf.js';

const signedPlan: PlanEligibilityRecord = {
  signedOn: '2026-01-05',
  serviceLevel: 'case_managed',
  closureReason: null,
  trainingProgram: null,
  outcomeRecorded: true,
};

const evidenced = {
  startDateProof: 'offer_letter' as const,
  documents: [
    {
      kind: 'pay_stub' as const,
      showsClientName: true,
      showsBusinessName: true,
      coversCheckpointDate: true,
      showsTwentyPlusHours: true,
    },
  ],
  attestation: null,
};

const record = (over: Partial<CheckpointLineRecord> = {}): CheckpointLineRecord => ({
  checkpoint: 'month_1',
  dueOn: '2026-02-05',
  fundedOutcome: { met: true, stacked: false },
  evidence: evidenced,
  supportPeriods: [],
  reviewState: 'submitted',
  paid: false,
  stackingRefused: false,
  ...over,
});

describe('PBF eligibility from the plan as recorded (K4, E7, S4, A10, M11)', () => {
  it('K4: an unsigned plan is excluded (no signed plan)', () => {
    expect(pbfExclusion(pbfEligibilityOf({ ...signedPlan, signedOn: null }))).toEqual({
      rule: 'K4',
      code: 'no_signed_plan',
    });
  });
  it('K4: a signed, open plan is not excluded', () => {
    expect(pbfExclusion(pbfEligibilityOf(signedPlan))).toBeNull();
  });
  it('E7: no Pathways plan is a status-quo plan', () => {
    expect(pbfEligibilityOf(signedPlan).statusQuo).toBe(false);
  });
  it('S4: a self-directed CA is excluded; an unknown service level reads as case-managed (A1)', () => {
    expect(pbfExclusion(pbfEligibilityOf({ ...signedPlan, serviceLevel: 'self_directed' }))?.rule).toBe('S4');
    expect(pbfEligibilityOf({ ...signedPlan, serviceLevel: null }).serviceLevel).toBe('case_managed');
  });
  it('M11: a plan closed without an outcome is an early exit; with one it keeps its lines', () => {
    const closed = { ...signedPlan, closureReason: 'withdrawal_personal_reasons' as const };
    expect(pbfExclusion(pbfEligibilityOf({ ...closed, outcomeRecorded: false }))?.rule).toBe('M11');
    expect(pbfExclusion(pbfEligibilityOf(closed))).toBeNull();
  });
});

describe('one checkpoint line’s facts (M2, M5, F12, M9)', () => {
  it('M9: the review state maps to the ledger’s, paid overriding it', () => {
    expect(ssmReviewOf(null, false)).toBe('not_submitted');
    expect(ssmReviewOf('approved', false)).toBe('approved');
    expect(ssmReviewOf('approved', true)).toBe('paid');
  });
  it('M2: an unrecorded checkpoint has no funded-outcome verdict yet (outcome pending)', () => {
    const facts = checkpointLineFacts(record({ fundedOutcome: null }));
    expect(facts.fundedOutcomeMet).toBeNull();
    const ledger = resolveLedger({
      stream: 'A',
      amounts: DEFAULT_FUNDING_AGREEMENT_AMOUNTS,
      exclusion: null,
      checkpoints: [facts],
    });
    expect(ledger.lines[0]).toMatchObject({ state: 'not_met', reason: 'outcome_pending' });
  });
  it('F12: employer supports active on the due date defer the line', () => {
    const facts = checkpointLineFacts(
      record({ supportPeriods: [{ startsOn: '2026-01-01', endsOn: '2026-02-05' }] }),
    );
    expect(facts.employerSupportsActive).toBe(true);
    expect(
      checkpointLineFacts(record({ supportPeriods: [{ startsOn: '2026-01-01', endsOn: '2026-02-04' }] }))
        .employerSupportsActive,
    ).toBe(false);
  });
  it('M5: only a met, stacked outcome can be refused by the cap', () => {
    expect(checkpointLineFacts(record({ stackingRefused: true })).stackingRefused).toBe(false);
    expect(
      checkpointLineFacts(record({ stackingRefused: true, fundedOutcome: { met: true, stacked: true } }))
        .stackingRefused,
    ).toBe(true);
  });
});

describe('M5 across a provider’s checkpoint period', () => {
  it('M5: a line is a funded outcome when achieved (payable, deferred, lost after deferral) or refused by the cap', () => {
    expect(isFundedOutcomeLine({ state: 'earned', reason: null, stackingRefused: false })).toBe(true);
    expect(
      isFundedOutcomeLine({ state: 'deferred', reason: 'employer_supports_active', stackingRefused: false }),
    ).toBe(true);
    expect(
      isFundedOutcomeLine({ state: 'not_met', reason: 'deferred_not_released', stackingRefused: false }),
    ).toBe(true);
    expect(isFundedOutcomeLine({ state: 'not_met', reason: 'stacking_cap', stackingRefused: true })).toBe(
      true,
    );
    expect(
      isFundedOutcomeLine({ state: 'not_met', reason: 'evidence_insufficient', stackingRefused: false }),
    ).toBe(false);
    expect(isFundedOutcomeLine({ state: 'not_met', reason: 'K4', stackingRefused: false })).toBe(false);
  });
  const single = (i: number) => ({
    planId: `p${String(i).padStart(2, '0')}`,
    dueOn: '2026-05-01',
    stacked: false,
    paid: false,
  });
  it('M5: 19 single outcomes and one stacked: the stacked one is the 20th funded outcome, 5% exactly, counted', () => {
    const lines = [
      ...Array.from({ length: 19 }, (_, i) => single(i)),
      { planId: 'zz', dueOn: '2026-05-02', stacked: true, paid: false },
    ];
    expect(stackingRefusalsInPeriod(lines).size).toBe(0);
  });
  it('M5: 18 single outcomes and one stacked: over 5%, refused', () => {
    const lines = [
      ...Array.from({ length: 18 }, (_, i) => single(i)),
      { planId: 'zz', dueOn: '2026-05-02', stacked: true, paid: false },
    ];
    expect([...stackingRefusalsInPeriod(lines)]).toEqual(['zz']);
  });
  it('M5: with room for one stacked outcome, the earliest counts, whatever the order given; a paid one is kept first', () => {
    const stacked = [
      { planId: 'late', dueOn: '2026-06-01', stacked: true, paid: false },
      { planId: 'early', dueOn: '2026-04-10', stacked: true, paid: false },
    ];
    const singles = Array.from({ length: 19 }, (_, i) => single(i));
    expect([...stackingRefusalsInPeriod([...stacked, ...singles])]).toEqual(['late']);
    expect([...stackingRefusalsInPeriod([...singles, ...stacked.reverse()])]).toEqual(['late']);
    const paidLate = [{ ...stacked[1]!, paid: true }, stacked[0]!];
    expect([...stackingRefusalsInPeriod([...singles, ...paidLate])]).toEqual(['early']);
  });
});

describe('the quarterly statement (K6)', () => {
  const line = (over: Partial<StatementLine>): StatementLine => ({
    stream: 'A',
    state: 'earned',
    amountCents: 20_000,
    stacked: false,
    stackingRefused: false,
    ...over,
  });
  it('K6: totals reconcile with the lines: each state’s sum, payable = earned + released + approved + paid', () => {
    const lines = [
      line({}),
      line({ state: 'released', stream: 'B', amountCents: 30_000 }),
      line({ state: 'approved', stream: 'C', amountCents: 40_000, stacked: true }),
      line({ state: 'paid', amountCents: 50_000 }),
      line({ state: 'deferred', amountCents: 60_000 }),
      line({ state: 'not_met', amountCents: 70_000, stacked: true, stackingRefused: true }),
    ];
    const { totals, byStream, stackedShare } = statementTotals(lines);
    expect(totals).toEqual({
      earnedCents: 20_000,
      releasedCents: 30_000,
      approvedCents: 40_000,
      paidCents: 50_000,
      deferredCents: 60_000,
      payableCents: 140_000,
      notMetCount: 1,
      lineCount: 6,
    });
    expect(totals.payableCents).toBe(
      totals.earnedCents + totals.releasedCents + totals.approvedCents + totals.paidCents,
    );
    expect(byStream).toEqual({
      A: { count: 4, payableCents: 70_000 },
      B: { count: 1, payableCents: 30_000 },
      C: { count: 1, payableCents: 40_000 },
    });
    expect(byStream.A.payableCents + byStream.B.payableCents + byStream.C.payableCents).toBe(
      totals.payableCents,
    );
    // M5: the refused stacked outcome is not a funded outcome; the approved stacked one is.
    expect(stackedShare).toEqual({ stacked: 1, funded: 5 });
  });
  it('K6: amounts in dollars with two decimals; CSV fields quoted and formula-safe', () => {
    expect(dollarsOf(0)).toBe('0.00');
    expect(dollarsOf(20_005)).toBe('200.05');
    expect(dollarsOf(123_456_789)).toBe('1234567.89');
    expect(csvField('Smith, Jo "JJ"')).toBe('"Smith, Jo ""JJ"""');
    expect(csvField('=HYPERLINK("x")')).toBe('"\'=HYPERLINK(""x"")"');
    expect(csvRow(['a', null, 3, true])).toBe('a,,3,true');
  });
});
