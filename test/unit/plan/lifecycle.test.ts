import { describe, expect, it } from 'vitest';
import {
  activationProblems,
  bumpsRevision,
  closureFlags,
  contentChangeRefusal,
  isOpen,
  itemProblems,
  planActions,
  signatureProblems,
  type ActivationFacts,
  type PlanStateFacts,
  isItemOpen,
  sharedWithSa,
} from '../../../src/domain/plan/lifecycle.js';
import { PLAN_STATUSES } from '../../../src/domain/plan/types.js';

const complete: ActivationFacts = {
  status: 'draft',
  revision: 4,
  goalTitles: ['Work in logistics', 'Forklift licence'],
  subGoalItemCounts: [1, 2],
  signatureRevision: 4,
};
const codes = (f: Partial<ActivationFacts>) => activationProblems({ ...complete, ...f }).map((p) => p.code);

describe('activationProblems (A2, A3)', () => {
  it('A2/A3: a complete draft signed at its current revision may be activated', () => {
    expect(activationProblems(complete)).toEqual([]);
  });

  it('A2: two goals with titles are needed', () => {
    expect(codes({ goalTitles: ['Work', ''] })).toEqual(['two_goals_needed']);
    expect(codes({ goalTitles: ['Work', '   '] })).toEqual(['two_goals_needed']);
    expect(codes({ goalTitles: [] })).toEqual(['two_goals_needed']);
  });

  it('A2: at least one sub-goal, and every sub-goal has an item', () => {
    expect(codes({ subGoalItemCounts: [] })).toEqual(['sub_goal_needed']);
    expect(codes({ subGoalItemCounts: [2, 0, 0] })).toEqual(['sub_goal_without_item']);
    expect(activationProblems({ ...complete, subGoalItemCounts: [2, 0, 0] })[0]!.en).toContain('2 without');
  });

  it('A3: a signature is needed, and it must be of the current revision', () => {
    expect(codes({ signatureRevision: null })).toEqual(['signature_missing']);
    expect(codes({ signatureRevision: 3 })).toEqual(['signature_outdated']);
    expect(activationProblems({ ...complete, signatureRevision: 3 })[0]!.rule).toBe('A3');
  });

  it('A3: only a draft is activated', () => {
    for (const status of ['active', 'active_on_hold', 'closed'] as const)
      expect(codes({ status })).toEqual(['not_draft']);
  });

  it('A2/A3: every problem at once, each with its rule and both languages', () => {
    const all = activationProblems({
      ...complete,
      goalTitles: [],
      subGoalItemCounts: [],
      signatureRevision: null,
    });
    expect(all.map((p) => [p.rule, p.code])).toEqual([
      ['A2', 'two_goals_needed'],
      ['A2', 'sub_goal_needed'],
      ['A3', 'signature_missing'],
    ]);
    for (const p of all) {
      expect(p.en).toBeTruthy();
      expect(p.fr).toBeTruthy();
      expect(p.fr).not.toBe(p.en);
    }
  });
});

describe('signatureProblems (A3)', () => {
  const base: Parameters<typeof signatureProblems>[0] = {
    status: 'draft',
    revision: 2,
    summaryPrintedRevision: 2,
    signedOn: '2026-03-10',
    today: '2026-03-10',
    planCreatedOn: '2026-03-01',
  };
  const sig = (f: Partial<typeof base>) => signatureProblems({ ...base, ...f }).map((p) => p.code);

  it('A3: the summary printed at the current revision, signed today or earlier, after the plan began', () => {
    expect(sig({})).toEqual([]);
    expect(sig({ signedOn: '2026-03-01' })).toEqual([]);
  });

  it('A3: only while draft (never after activation)', () => {
    expect(sig({ status: 'active' })).toEqual(['not_draft']);
    expect(sig({ status: 'closed' })).toEqual(['not_draft']);
  });

  it('A3: the summary must be printed at the revision being signed', () => {
    expect(sig({ summaryPrintedRevision: null })).toEqual(['summary_not_printed']);
    expect(sig({ summaryPrintedRevision: 1 })).toEqual(['summary_not_printed']);
  });

  it('A3: the signature date is neither in the future nor before the plan', () => {
    expect(sig({ signedOn: '2026-03-11' })).toEqual(['signed_in_future']);
    expect(sig({ signedOn: '2026-02-28' })).toEqual(['signed_before_plan']);
  });
});

describe('content changes (A3, A4)', () => {
  it('A4: a plan takes changes while draft, active or on hold; a closed plan is read-only', () => {
    expect(contentChangeRefusal('draft')).toBeNull();
    expect(contentChangeRefusal('active')).toBeNull();
    expect(contentChangeRefusal('active_on_hold')).toBeNull();
    expect(contentChangeRefusal('closed')).toMatchObject({ rule: 'A4', code: 'plan_closed' });
  });

  it('A3/A4: only a draft change makes a new revision; after activation the signed revision stands', () => {
    expect(PLAN_STATUSES.filter(bumpsRevision)).toEqual(['draft']);
  });

  it('A1: only a closed plan is no longer open', () => {
    expect(PLAN_STATUSES.filter(isOpen)).toEqual(['draft', 'active', 'active_on_hold']);
  });
});

describe('itemProblems (A2)', () => {
  const item = {
    status: 'planned' as const,
    outcome: null,
    plannedStart: '2026-03-02',
    plannedEnd: '2026-03-27',
    actualEnd: null,
    today: '2026-03-10',
  };
  type Item = Parameters<typeof itemProblems>[0];
  const problems = (f: Partial<Item>) => itemProblems({ ...item, ...f }).map((p) => p.code);

  it('A2: a planned item with dates that run forward is fine, a one-day item too', () => {
    expect(problems({})).toEqual([]);
    expect(problems({ plannedEnd: '2026-03-02' })).toEqual([]);
  });

  it('A2: the planned end is not before the start', () => {
    expect(problems({ plannedEnd: '2026-03-01' })).toEqual(['dates_reversed']);
  });

  it('A2: an outcome only once the item is completed or cancelled', () => {
    expect(problems({ outcome: 'attained' })).toEqual(['outcome_needs_end']);
    expect(problems({ status: 'in_progress', outcome: 'not_attained' })).toEqual(['outcome_needs_end']);
    expect(problems({ status: 'completed', outcome: 'attained' })).toEqual([]);
    expect(problems({ status: 'cancelled', outcome: 'not_attained' })).toEqual([]);
  });

  it('A2: an actual end only once ended, and not in the future', () => {
    expect(problems({ actualEnd: '2026-03-05' })).toEqual(['actual_end_needs_end']);
    expect(problems({ status: 'completed', actualEnd: '2026-03-05' })).toEqual([]);
    expect(problems({ status: 'completed', actualEnd: '2026-03-11' })).toEqual(['actual_end_in_future']);
  });
});

describe('planActions (A1–A4, A10, I2)', () => {
  const draft: PlanStateFacts = {
    status: 'draft',
    revision: 3,
    summaryPrintedRevision: null,
    activationProblemCount: 1,
    hasTrainingItem: false,
  };
  const worker = { works: true, comments: true };

  it('I2: whoever does not deliver the plan (SA, SSM, another provider) may do nothing', () => {
    for (const status of PLAN_STATUSES)
      expect(planActions({ works: false, comments: true }, { ...draft, status })).toEqual([]);
  });

  it('A3: a draft is edited and printed; signed once printed at this revision; activated once nothing is missing', () => {
    expect(planActions(worker, draft)).toEqual(['edit', 'print_summary', 'close', 'comment']);
    expect(planActions(worker, { ...draft, summaryPrintedRevision: 2 })).not.toContain('record_signature');
    expect(planActions(worker, { ...draft, summaryPrintedRevision: 3 })).toContain('record_signature');
    expect(planActions(worker, { ...draft, activationProblemCount: 0 })).toContain('activate');
  });

  it('A3/A10: an active plan is no longer signed or activated; a training referral needs a training item', () => {
    const active = {
      ...draft,
      status: 'active' as const,
      summaryPrintedRevision: 3,
      activationProblemCount: 1,
    };
    expect(planActions(worker, active)).toEqual(['edit', 'close', 'comment']);
    expect(planActions(worker, { ...active, hasTrainingItem: true })).toContain('record_training_referral');
  });

  it('A10: a plan on hold is resumed, not referred again', () => {
    const held = planActions(worker, { ...draft, status: 'active_on_hold', hasTrainingItem: true });
    expect(held).toContain('resume');
    expect(held).not.toContain('record_training_referral');
  });

  it('A4: nothing once closed; comments only with the case-note permission', () => {
    expect(planActions(worker, { ...draft, status: 'closed' })).toEqual([]);
    expect(planActions({ works: true, comments: false }, draft)).not.toContain('comment');
  });
});

describe('closureFlags (A9, A10, M1, M11, K4)', () => {
  const base = {
    activated: true,
    trainingProgram: null,
    completedOnHoldTraining: false,
  } as const;

  it('M11: a pre-employment withdrawal is an early exit, outside PBF, not served', () => {
    expect(closureFlags({ ...base, reason: 'withdrawal_personal_reasons', phase: 'pre_employment' })).toEqual(
      {
        earlyExit: true,
        countsAsClientServed: false,
        countsAsTrainingCompletion: false,
        successfulOutcome: false,
        pbfPossible: false,
      },
    );
  });

  it('M11: Completion after the final checkpoint is the one closure that is not an early exit', () => {
    expect(closureFlags({ ...base, reason: 'completion', phase: 'after_final_checkpoint' })).toEqual({
      earlyExit: false,
      countsAsClientServed: true,
      countsAsTrainingCompletion: false,
      successfulOutcome: true,
      pbfPossible: true,
    });
  });

  it('K4: a plan never activated (never signed) earns no PBF', () => {
    expect(
      closureFlags({ ...base, activated: false, reason: 'completion', phase: 'after_final_checkpoint' })
        .pbfPossible,
    ).toBe(false);
  });

  it('K4/M11: a plan closed during monitoring keeps the PBF already earned; before any outcome it has none', () => {
    const reason = 'unable_to_contact' as const;
    expect(closureFlags({ ...base, reason, phase: 'monitoring' }).pbfPossible).toBe(true);
    expect(closureFlags({ ...base, reason, phase: 'pre_employment' }).pbfPossible).toBe(false);
  });

  it('M1: in monitoring a client counts as served only past the 3-month checkpoint', () => {
    const monitoring = { ...base, reason: 'client_deceased' as const, phase: 'monitoring' as const };
    expect(closureFlags(monitoring).countsAsClientServed).toBe(false);
    expect(closureFlags({ ...monitoring, pastThreeMonthCheckpoint: true }).countsAsClientServed).toBe(true);
  });

  it('A10 case 1 (SAO): served and a training completion at closure; no PBF under §11 unless the M11 flag says so', () => {
    const sao = {
      ...base,
      reason: 'referral_to_eo_training' as const,
      phase: 'pre_employment' as const,
      trainingProgram: 'sao' as const,
    };
    expect(closureFlags(sao)).toEqual({
      earlyExit: true,
      countsAsClientServed: true,
      countsAsTrainingCompletion: true,
      successfulOutcome: true,
      pbfPossible: false,
    });
    expect(closureFlags(sao, { immediateEmploymentEarnsPbf: true }).pbfPossible).toBe(true);
  });

  it('A10 case 3 (SDF): served at closure but not a successful outcome, no PBF', () => {
    const flags = closureFlags({
      ...base,
      reason: 'referral_to_eo_training',
      phase: 'pre_employment',
      trainingProgram: 'sdf',
    });
    expect(flags).toMatchObject({ countsAsClientServed: true, successfulOutcome: false, pbfPossible: false });
  });

  it('A10 case 2 (LBS): served once the training is completed', () => {
    const lbs = {
      ...base,
      reason: 'withdrawal_personal_reasons' as const,
      phase: 'pre_employment' as const,
      trainingProgram: 'lbs' as const,
    };
    expect(closureFlags(lbs).countsAsClientServed).toBe(false);
    expect(closureFlags({ ...lbs, completedOnHoldTraining: true }).countsAsClientServed).toBe(true);
  });
});

describe('I2: when the plan is shared with SA', () => {
  it('I2: an SA client’s plan is shared once it is no longer a draft, closed included; a non-SA client’s never', () => {
    expect(PLAN_STATUSES.filter((s) => sharedWithSa(s, true))).toEqual([
      'active',
      'active_on_hold',
      'closed',
    ]);
    expect(PLAN_STATUSES.filter((s) => sharedWithSa(s, false))).toEqual([]);
  });
});

describe('A2/A10: open items', () => {
  it('A10: planned and in-progress items are still open; completed and cancelled ones ended', () => {
    expect(isItemOpen('planned')).toBe(true);
    expect(isItemOpen('in_progress')).toBe(true);
    expect(isItemOpen('completed')).toBe(false);
    expect(isItemOpen('cancelled')).toBe(false);
  });
});
