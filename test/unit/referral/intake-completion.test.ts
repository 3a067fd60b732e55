import { describe, expect, it } from 'vitest';
import { intakeCompletionMetrics, planActivationAfter } from '../../../src/domain/referral/metrics.js';

const at = (day: string) => new Date(`${day}T15:00:00Z`);

describe('planActivationAfter (P11)', () => {
  const activations = [
    { organizationId: 'p1', activatedAt: at('2026-01-10') },
    { organizationId: 'p2', activatedAt: at('2026-03-01') },
    { organizationId: 'p1', activatedAt: at('2026-04-20') },
  ];

  it('P11: the first plan the assigned provider activated after the assignment', () => {
    expect(planActivationAfter(activations, 'p1', at('2026-02-01'))).toEqual(at('2026-04-20'));
    expect(planActivationAfter(activations, 'p1', at('2026-01-01'))).toEqual(at('2026-01-10'));
  });

  it('P11: an earlier plan, or another provider’s, does not complete the referral', () => {
    expect(planActivationAfter(activations, 'p2', at('2026-03-02'))).toBeNull();
    expect(planActivationAfter(activations, 'p3', at('2026-01-01'))).toBeNull();
    expect(planActivationAfter([], 'p1', at('2026-01-01'))).toBeNull();
  });
});

describe('intakeCompletionMetrics (K5, M1, P11)', () => {
  it('K5: per provider, intakes completed, calendar days to the active plan, share within 120 days', () => {
    expect(
      intakeCompletionMetrics([
        { organizationId: 'p1', assignedAt: at('2026-01-05'), planActivatedAt: at('2026-01-15') },
        { organizationId: 'p1', assignedAt: at('2026-01-05'), planActivatedAt: at('2026-06-01') },
        { organizationId: 'p1', assignedAt: at('2026-01-05'), planActivatedAt: null },
        { organizationId: 'p2', assignedAt: at('2026-01-05'), planActivatedAt: null },
      ]),
    ).toEqual([
      // 10 and 147 days; only the first within P11's 120.
      {
        organizationId: 'p1',
        intakesCompleted: 2,
        averageDaysToActivePlan: 78.5,
        completedWithinStandardRate: 0.333,
      },
      {
        organizationId: 'p2',
        intakesCompleted: 0,
        averageDaysToActivePlan: null,
        completedWithinStandardRate: 0,
      },
    ]);
  });

  it('P11: day 120 is still within the standard; no referrals, no metrics', () => {
    const [m] = intakeCompletionMetrics([
      { organizationId: 'p1', assignedAt: at('2026-01-01'), planActivatedAt: at('2026-05-01') },
    ]);
    expect(m).toMatchObject({ averageDaysToActivePlan: 120, completedWithinStandardRate: 1 });
    expect(intakeCompletionMetrics([])).toEqual([]);
  });
});
