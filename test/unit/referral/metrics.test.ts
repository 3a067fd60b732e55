import { describe, expect, it } from 'vitest';
import { createBusinessCalendar } from '../../../src/domain/calendar/index.js';
import { assignmentFacts, referralMetrics } from '../../../src/domain/referral/metrics.js';

const calendar = createBusinessCalendar();
const at = (date: string) => new Date(`${date}T15:00:00Z`);

describe('K5 referral metrics per provider', () => {
  it('K5: counts response time in business days (P7), intake time, returns (P10) and lost contact (P8)', () => {
    const metrics = referralMetrics(calendar, [
      // Friday before Family Day → Tuesday: 1 business day (Monday is the holiday).
      {
        organizationId: 'p1',
        assignedAt: at('2026-02-13'),
        queuedAt: at('2026-02-12'),
        firstAttemptAt: at('2026-02-17'),
        returnReason: null,
      },
      // Monday → Thursday: 3 business days, outside the standard.
      {
        organizationId: 'p1',
        assignedAt: at('2026-03-02'),
        queuedAt: at('2026-02-26'),
        firstAttemptAt: at('2026-03-05'),
        returnReason: 'unable_to_contact',
      },
      {
        organizationId: 'p1',
        assignedAt: at('2026-03-02'),
        queuedAt: null,
        firstAttemptAt: null,
        returnReason: 'client_declined',
      },
      {
        organizationId: 'p2',
        assignedAt: at('2026-03-02'),
        queuedAt: null,
        firstAttemptAt: at('2026-03-02'),
        returnReason: null,
      },
    ]);
    expect(metrics).toEqual([
      {
        organizationId: 'p1',
        referralsAssigned: 3,
        contacted: 2,
        averageBusinessDaysToFirstContact: 2,
        // Thursday → Friday (1) and Thursday → Monday (2); the walk-in (no queue) is left out.
        averageBusinessDaysToAssignment: 1.5,
        firstContactWithinStandardRate: 0.333,
        returned: 2,
        returnedRate: 0.667,
        lostContact: 1,
        lostContactRate: 0.333,
      },
      {
        organizationId: 'p2',
        referralsAssigned: 1,
        contacted: 1,
        averageBusinessDaysToFirstContact: 0,
        averageBusinessDaysToAssignment: null,
        firstContactWithinStandardRate: 1,
        returned: 0,
        returnedRate: 0,
        lostContact: 0,
        lostContactRate: 0,
      },
    ]);
  });

  it('no referrals, no metrics', () => {
    expect(referralMetrics(calendar, [])).toEqual([]);
  });
});

describe('assignment facts from referral timelines', () => {
  it('a returned and forwarded referral counts once for each provider, each with its own contact and return', () => {
    const e = (kind: string, date: string, org: string | null, detail: Record<string, unknown> = {}) => ({
      referralId: 'r1',
      at: at(date),
      kind,
      actorOrganizationId: org,
      detail,
    });
    const facts = assignmentFacts([
      e('created', '2026-03-01', 'ssm'),
      e('assigned', '2026-03-02', 'ssm', { organizationId: 'p1' }),
      e('contact_attempt', '2026-03-03', 'p1'),
      e('returned', '2026-03-20', 'p1', { reason: 'unable_to_contact' }),
      e('ssm_decision', '2026-03-21', 'ssm', { decision: 'forward' }),
      e('assigned', '2026-03-23', 'ssm', { organizationId: 'p2' }),
    ]);
    expect(facts).toEqual([
      {
        organizationId: 'p1',
        assignedAt: at('2026-03-02'),
        queuedAt: at('2026-03-01'),
        firstAttemptAt: at('2026-03-03'),
        returnReason: 'unable_to_contact',
      },
      // The second provider's intake time runs from the forward, not from the first arrival.
      {
        organizationId: 'p2',
        assignedAt: at('2026-03-23'),
        queuedAt: at('2026-03-21'),
        firstAttemptAt: null,
        returnReason: null,
      },
    ]);
  });

  it('K5: a walk-in the provider keeps (P3) never passed through intake: no intake time', () => {
    const facts = assignmentFacts([
      { referralId: 'w', at: at('2026-03-02'), kind: 'created', actorOrganizationId: 'p1', detail: {} },
      {
        referralId: 'w',
        at: at('2026-03-02'),
        kind: 'assigned',
        actorOrganizationId: 'p1',
        detail: { organizationId: 'p1', rule: 'P3' },
      },
    ]);
    expect(facts.map((f) => f.queuedAt)).toEqual([null]);
  });
});
