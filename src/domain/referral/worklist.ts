/**
 * Worklists: which pile a referral sits in for the person looking at it. Each view sorts every
 * referral it can see into exactly one bucket, so the counts add up and nothing falls through.
 *
 *   ssm       SSM intake: what awaits assignment (new, or needing a judgement beyond the matrix),
 *             what came back (P10), and how the providers are doing with the rest (P7, P11).
 *   provider  a provider's leads: what must be done first (P11 incomplete, P7 overdue or due today),
 *             then new leads, clients not yet reached and clients engaged.
 *   sa        an SA caseworker's referrals by where they stand.
 *
 * Pure: the service gathers the facts (the clocks are computed with the catchment's business-day
 * calendar in contact-standards.ts) and this decides.
 */
import type { CompletionClock, FirstContactClock } from './contact-standards.js';
import type { Pathway } from './pathways.js';
import type { SsmDecision } from './returns.js';

export type WorklistView = 'ssm' | 'provider' | 'sa';
/** Where a referral stands: with SSM intake, with a provider, handed back (P10), or done. */
export const REFERRAL_STATUSES = ['awaiting_assignment', 'assigned', 'returned', 'closed'] as const;
export type WorklistStatus = (typeof REFERRAL_STATUSES)[number];

/** The buckets of each view, in display order. */
export const WORKLIST_BUCKETS = {
  ssm: ['new', 'awaiting_decision', 'returned', 'overdue', 'incomplete', 'with_provider', 'closed'],
  provider: ['incomplete', 'overdue', 'due_today', 'new', 'awaiting_client', 'engaged', 'elsewhere'],
  sa: ['awaiting_assignment', 'with_provider', 'returned', 'closed'],
} as const satisfies Record<WorklistView, readonly string[]>;

export type SsmBucket = (typeof WORKLIST_BUCKETS.ssm)[number];
export type ProviderBucket = (typeof WORKLIST_BUCKETS.provider)[number];
export type SaBucket = (typeof WORKLIST_BUCKETS.sa)[number];
export type WorklistBucket = SsmBucket | ProviderBucket | SaBucket;

/** Every bucket name of every view, once each (for the API's `bucket` filter). */
export const ALL_WORKLIST_BUCKETS = [
  ...new Set<WorklistBucket>([...WORKLIST_BUCKETS.ssm, ...WORKLIST_BUCKETS.provider, ...WORKLIST_BUCKETS.sa]),
] as [WorklistBucket, ...WorklistBucket[]];

export interface WorklistFacts {
  status: WorklistStatus;
  pathway: Pathway;
  /** The referral was assigned to a provider at some point (it may be back with the SSM now). */
  everAssigned: boolean;
  /** P2: a walk-in whose client is already served elsewhere, sent to SSM intake to be redirected. */
  redirectRequested: boolean;
  /** P10: the SSM's decision on the last return, if any; `forward` reopens the assignment (d). */
  ssmDecision: SsmDecision | null;
  /** P7 while the referral is with a provider; null otherwise (or when no lead was sent). */
  firstContact: FirstContactClock | null;
  /** P11 while the referral is with a provider; null otherwise (or for a walk-in). */
  completion: CompletionClock | null;
  contactAttempts: number;
  /** At least one appointment the client came to. */
  appointmentAttended: boolean;
  /** The viewer's organization is the one the referral is assigned to. */
  assignedToViewer: boolean;
}

/** P7: the first attempt is still outstanding and its due date has passed. */
const firstContactOverdue = (f: WorklistFacts) =>
  f.contactAttempts === 0 && f.firstContact?.state === 'overdue';
/** P11: 120 days have passed without an active plan. */
const pastCompletion = (f: WorklistFacts) => f.completion?.incomplete === true;

/** Where a closed referral sits for a view: it has no clock, so its status alone decides. */
export function closedBucket(view: WorklistView): WorklistBucket {
  return view === 'provider' ? 'elsewhere' : 'closed';
}

function ssmBucket(f: WorklistFacts): SsmBucket {
  switch (f.status) {
    case 'awaiting_assignment':
      // P2 (a walk-in to redirect) and P10 d (a referral forwarded after a return) need the intake
      // worker's judgement beyond the matrix: who had it, why it came back, who should have it now.
      return f.redirectRequested || f.ssmDecision === 'forward' || f.everAssigned
        ? 'awaiting_decision'
        : 'new';
    case 'returned':
      // P10: awaiting the SSM's decision, or in a case conference (b, c).
      return 'returned';
    case 'closed':
      return 'closed';
    case 'assigned':
      // P11 takes priority: an incomplete referral must be returned whatever its first contact.
      if (pastCompletion(f)) return 'incomplete';
      if (firstContactOverdue(f)) return 'overdue';
      return 'with_provider';
  }
}

function providerBucket(f: WorklistFacts): ProviderBucket {
  // Walk-ins sent on to SSM intake, referrals handed back, closed (see closedBucket) or assigned to
  // someone else.
  if (f.status !== 'assigned' || !f.assignedToViewer) return 'elsewhere';
  if (pastCompletion(f)) return 'incomplete';
  if (f.appointmentAttended) return 'engaged';
  if (f.contactAttempts > 0) return 'awaiting_client';
  switch (f.firstContact?.state) {
    case 'overdue':
      return 'overdue';
    case 'due_today':
      return 'due_today';
    default:
      return 'new';
  }
}

function saBucket(f: WorklistFacts): SaBucket {
  switch (f.status) {
    case 'awaiting_assignment':
      return 'awaiting_assignment';
    case 'assigned':
      return 'with_provider';
    case 'returned':
      return 'returned';
    case 'closed':
      return 'closed';
  }
}

/** The one bucket a referral falls in for a view. */
export function worklistBucket(view: WorklistView, facts: WorklistFacts): WorklistBucket {
  switch (view) {
    case 'ssm':
      return ssmBucket(facts);
    case 'provider':
      return providerBucket(facts);
    case 'sa':
      return saBucket(facts);
  }
}

/**
 * The statuses a bucket can hold, so a query can leave the others out before the clocks are read.
 * A bucket of another view holds nothing.
 */
export function statusesOfBucket(view: WorklistView, bucket: WorklistBucket): readonly WorklistStatus[] {
  if (!(WORKLIST_BUCKETS[view] as readonly string[]).includes(bucket)) return [];
  if (view === 'provider') {
    return bucket === 'elsewhere' ? ['awaiting_assignment', 'assigned', 'returned', 'closed'] : ['assigned'];
  }
  switch (bucket) {
    case 'new':
    case 'awaiting_decision':
    case 'awaiting_assignment':
      return ['awaiting_assignment'];
    case 'returned':
      return ['returned'];
    case 'closed':
      return ['closed'];
    default:
      return ['assigned'];
  }
}

export interface WorklistItem extends Pick<WorklistFacts, 'firstContact' | 'completion' | 'contactAttempts'> {
  receivedAt: Date;
}

/**
 * The date that makes an item urgent, if any: the P11 deadline once passed, else the P7 due date
 * while the first attempt is outstanding. Items without one are not urgent.
 */
function urgentBy(item: WorklistItem): { tier: 0 | 1; date: string } | null {
  if (item.completion?.incomplete) return { tier: 0, date: item.completion.deadline };
  if (item.contactAttempts === 0 && item.firstContact && item.firstContact.state !== 'met') {
    return { tier: item.firstContact.state === 'overdue' ? 0 : 1, date: item.firstContact.dueOn };
  }
  return null;
}

/**
 * Order of the SSM's and a provider's lists: most urgent first (P11 incomplete and P7 overdue, the
 * longest overdue first; then first contacts due soonest), then everything else newest received first.
 */
export function byUrgency(a: WorklistItem, b: WorklistItem): number {
  const ua = urgentBy(a);
  const ub = urgentBy(b);
  if (ua && ub) return ua.tier - ub.tier || ua.date.localeCompare(ub.date) || newestFirst(a, b);
  if (ua) return -1;
  if (ub) return 1;
  return newestFirst(a, b);
}

export function newestFirst(
  a: Pick<WorklistItem, 'receivedAt'>,
  b: Pick<WorklistItem, 'receivedAt'>,
): number {
  return b.receivedAt.getTime() - a.receivedAt.getTime();
}
