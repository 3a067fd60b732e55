/**
 * Operational metrics the SSM watches (K5), per provider: how fast referrals get a first contact
 * attempt (P7), how long SSM intake took to send them, how many come back (P10) and how many are
 * lost for want of contact (P8). Intake completion in the sense of M1 (assessment and an active plan)
 * runs from the same assignment instant to the plan's activation (intakeCompletionMetrics).
 * Pure: the caller supplies each referral assigned in the period and its first attempt.
 */
import { calendarDaysBetween, torontoDate, type BusinessCalendar } from '../calendar/index.js';
import { COMPLETION_CALENDAR_DAYS, FIRST_CONTACT_BUSINESS_DAYS } from './contact-standards.js';

export interface AssignedReferralFacts {
  organizationId: string;
  assignedAt: Date;
  /** When the referral reached SSM intake's queue (received, or forwarded after a return); null for a walk-in. */
  queuedAt: Date | null;
  firstAttemptAt: Date | null;
  returnReason: string | null;
}

export interface ProviderReferralMetrics {
  organizationId: string;
  referralsAssigned: number;
  /** Referrals with a first attempt, and how many business days it took on average. */
  contacted: number;
  averageBusinessDaysToFirstContact: number | null;
  /** Business days SSM intake took from the queue to this provider (walk-ins, which skip intake, excluded). */
  averageBusinessDaysToAssignment: number | null;
  /** Share of referrals whose first attempt met the P7 standard (of those assigned). */
  firstContactWithinStandardRate: number | null;
  returned: number;
  returnedRate: number | null;
  lostContact: number;
  lostContactRate: number | null;
}

const rate = (n: number, of: number) => (of === 0 ? null : Math.round((n / of) * 1000) / 1000);
const average = (values: number[]) =>
  values.length ? Math.round((values.reduce((a, b) => a + b, 0) / values.length) * 10) / 10 : null;

export function referralMetrics(
  calendar: BusinessCalendar,
  facts: readonly AssignedReferralFacts[],
): ProviderReferralMetrics[] {
  const byProvider = new Map<string, AssignedReferralFacts[]>();
  for (const f of facts) byProvider.set(f.organizationId, [...(byProvider.get(f.organizationId) ?? []), f]);
  return [...byProvider.entries()]
    .map(([organizationId, list]) => {
      const delays = list
        .filter((f) => f.firstAttemptAt)
        .map((f) => calendar.businessDaysBetween(torontoDate(f.assignedAt), torontoDate(f.firstAttemptAt!)));
      const intake = list
        .filter((f) => f.queuedAt)
        .map((f) => calendar.businessDaysBetween(torontoDate(f.queuedAt!), torontoDate(f.assignedAt)));
      const withinStandard = delays.filter((d) => d <= FIRST_CONTACT_BUSINESS_DAYS).length;
      const returned = list.filter((f) => f.returnReason !== null).length;
      const lost = list.filter((f) => f.returnReason === 'unable_to_contact').length;
      return {
        organizationId,
        referralsAssigned: list.length,
        contacted: delays.length,
        averageBusinessDaysToFirstContact: average(delays),
        averageBusinessDaysToAssignment: average(intake),
        firstContactWithinStandardRate: rate(withinStandard, list.length),
        returned,
        returnedRate: rate(returned, list.length),
        lostContact: lost,
        lostContactRate: rate(lost, list.length),
      };
    })
    .sort((a, b) => a.organizationId.localeCompare(b.organizationId));
}

export interface TimelineEvent {
  referralId: string;
  at: Date;
  kind: string;
  actorOrganizationId: string | null;
  detail: Record<string, unknown>;
}

/**
 * One fact per assignment, read from referral timelines, so a referral returned by one provider and
 * forwarded to another counts once for each, each with its own first attempt and return.
 */
export function assignmentFacts(events: readonly TimelineEvent[]): AssignedReferralFacts[] {
  const byReferral = new Map<string, TimelineEvent[]>();
  for (const e of events) byReferral.set(e.referralId, [...(byReferral.get(e.referralId) ?? []), e]);
  const facts: AssignedReferralFacts[] = [];
  for (const list of byReferral.values()) {
    const ordered = [...list].sort((a, b) => a.at.getTime() - b.at.getTime());
    ordered.forEach((e, i) => {
      if (e.kind !== 'assigned' || typeof e.detail.organizationId !== 'string') return;
      const organizationId = e.detail.organizationId;
      const next = ordered.findIndex((x, j) => j > i && x.kind === 'assigned');
      const during = ordered
        .slice(i + 1, next === -1 ? undefined : next)
        .filter((x) => x.actorOrganizationId === organizationId);
      const returned = during.find((x) => x.kind === 'returned');
      // The queue this assignment came out of: the referral's arrival, or the last forward (P10 d).
      const queued = ordered
        .slice(0, i)
        .reverse()
        .find((x) => x.kind === 'created' || (x.kind === 'ssm_decision' && x.detail.decision === 'forward'));
      const walkIn = e.detail.rule === 'P3';
      facts.push({
        organizationId,
        assignedAt: e.at,
        queuedAt: walkIn ? null : (queued?.at ?? null),
        firstAttemptAt: during.find((x) => x.kind === 'contact_attempt')?.at ?? null,
        returnReason: typeof returned?.detail.reason === 'string' ? returned.detail.reason : null,
      });
    });
  }
  return facts;
}

export interface IntakeCompletionFacts {
  organizationId: string;
  assignedAt: Date;
  /** M1/P11: when the provider activated the client's plan after this assignment, if it did. */
  planActivatedAt: Date | null;
}

export interface ProviderIntakeCompletion {
  organizationId: string;
  /** K5 intake completion (M1: CA done and plan active) for the referrals assigned in the period. */
  intakesCompleted: number;
  /** Calendar days from the assignment to the plan's activation, on average. */
  averageDaysToActivePlan: number | null;
  /** P11: share of the referrals assigned whose plan was active within 120 days. */
  completedWithinStandardRate: number | null;
}

/**
 * K5 "intake completion times": per provider, how many referrals became an active plan, how long
 * that took in calendar days (P11 counts calendar days), and the share done within P11's 120 days.
 */
export function intakeCompletionMetrics(facts: readonly IntakeCompletionFacts[]): ProviderIntakeCompletion[] {
  const byProvider = new Map<string, IntakeCompletionFacts[]>();
  for (const f of facts) byProvider.set(f.organizationId, [...(byProvider.get(f.organizationId) ?? []), f]);
  return [...byProvider.entries()]
    .map(([organizationId, list]) => {
      const days = list
        .filter((f) => f.planActivatedAt && f.planActivatedAt >= f.assignedAt)
        .map((f) => calendarDaysBetween(torontoDate(f.assignedAt), torontoDate(f.planActivatedAt!)));
      const within = days.filter((d) => d <= COMPLETION_CALENDAR_DAYS).length;
      return {
        organizationId,
        intakesCompleted: days.length,
        averageDaysToActivePlan: average(days),
        completedWithinStandardRate: rate(within, list.length),
      };
    })
    .sort((a, b) => a.organizationId.localeCompare(b.organizationId));
}

/**
 * P11: the first plan the provider activated for the client at or after the assignment; an earlier
 * plan, or one at another provider, does not complete this referral.
 */
export function planActivationAfter(
  activations: readonly { organizationId: string; activatedAt: Date }[],
  organizationId: string,
  assignedAt: Date,
): Date | null {
  const after = activations
    .filter((a) => a.organizationId === organizationId && a.activatedAt >= assignedAt)
    .map((a) => a.activatedAt.getTime());
  return after.length ? new Date(Math.min(...after)) : null;
}
