import { describe, expect, it } from 'vitest';
import { createBusinessCalendar } from '../../../src/domain/calendar/index.js';
import { completionClock, firstContactClock } from '../../../src/domain/referral/contact-standards.js';
import {
  ALL_WORKLIST_BUCKETS,
  byUrgency,
  statusesOfBucket,
  WORKLIST_BUCKETS,
  worklistBucket,
  closedBucket,
  type WorklistFacts,
  type WorklistItem,
  type WorklistView,
} from '../../../src/domain/referral/worklist.js';

const calendar = createBusinessCalendar();
// Noon in Toronto on a given date (EST), as an instant.
const noon = (date: string) => new Date(`${date}T12:00:00-05:00`);

const awaiting: WorklistFacts = {
  status: 'awaiting_assignment',
  pathway: 'social_assistance',
  everAssigned: false,
  redirectRequested: false,
  ssmDecision: null,
  firstContact: null,
  completion: null,
  contactAttempts: 0,
  appointmentAttended: false,
  assignedToViewer: false,
};

/** A referral assigned at noon on `assignedOn`, seen on `today`, with its real P7 and P11 clocks. */
function assigned(assignedOn: string, today: string, extra: Partial<WorklistFacts> = {}): WorklistFacts {
  const firstAttemptAt = extra.contactAttempts ? noon(assignedOn) : null;
  return {
    ...awaiting,
    status: 'assigned',
    everAssigned: true,
    assignedToViewer: true,
    firstContact: firstContactClock(calendar, noon(assignedOn), firstAttemptAt, noon(today)),
    completion: completionClock(noon(assignedOn), null, noon(today)),
    ...extra,
  };
}

describe('worklist buckets', () => {
  it('every view lists its buckets in display order, and the filter knows every name once', () => {
    expect(WORKLIST_BUCKETS.ssm).toEqual([
      'new',
      'awaiting_decision',
      'returned',
      'overdue',
      'incomplete',
      'with_provider',
      'closed',
    ]);
    expect(WORKLIST_BUCKETS.provider).toEqual([
      'incomplete',
      'overdue',
      'due_today',
      'new',
      'awaiting_client',
      'engaged',
      'elsewhere',
    ]);
    expect(WORKLIST_BUCKETS.sa).toEqual(['awaiting_assignment', 'with_provider', 'returned', 'closed']);
    expect(new Set(ALL_WORKLIST_BUCKETS).size).toBe(ALL_WORKLIST_BUCKETS.length);
    expect(ALL_WORKLIST_BUCKETS).toEqual(
      expect.arrayContaining([...WORKLIST_BUCKETS.ssm, ...WORKLIST_BUCKETS.provider, ...WORKLIST_BUCKETS.sa]),
    );
  });

  it('each view puts a referral in one of its own buckets, whatever the facts', () => {
    const samples: WorklistFacts[] = [
      awaiting,
      { ...awaiting, redirectRequested: true, pathway: 'self_referral' },
      { ...awaiting, status: 'returned', everAssigned: true },
      { ...awaiting, status: 'closed', everAssigned: true },
      assigned('2026-03-02', '2026-03-02'),
      assigned('2026-03-02', '2026-03-09'),
      assigned('2026-01-05', '2026-06-01', { contactAttempts: 2 }),
      assigned('2026-03-02', '2026-03-03', { assignedToViewer: false }),
    ];
    for (const view of ['ssm', 'provider', 'sa'] as WorklistView[]) {
      for (const facts of samples) {
        expect(WORKLIST_BUCKETS[view]).toContain(worklistBucket(view, facts));
      }
    }
  });
});

describe('SSM view (P2, P7, P10, P11)', () => {
  it('a referral never assigned and not a redirect is new', () => {
    expect(worklistBucket('ssm', awaiting)).toBe('new');
  });

  it('P2: a walk-in redirect request awaits the SSM’s decision, not the matrix', () => {
    expect(worklistBucket('ssm', { ...awaiting, pathway: 'self_referral', redirectRequested: true })).toBe(
      'awaiting_decision',
    );
  });

  it('P10 d: a referral forwarded after a return awaits a decision on the next provider', () => {
    expect(worklistBucket('ssm', { ...awaiting, everAssigned: true, ssmDecision: 'forward' })).toBe(
      'awaiting_decision',
    );
  });

  it('P10: a returned referral, awaiting the decision or in a case conference, is returned', () => {
    expect(worklistBucket('ssm', { ...awaiting, status: 'returned', everAssigned: true })).toBe('returned');
    expect(
      worklistBucket('ssm', {
        ...awaiting,
        status: 'returned',
        everAssigned: true,
        ssmDecision: 'case_conference_service',
      }),
    ).toBe('returned');
    expect(worklistBucket('ssm', { ...awaiting, status: 'closed', ssmDecision: 'return_to_sa' })).toBe(
      'closed',
    );
  });

  it('P7: with the provider while on time or due, overdue once the due date passes without an attempt', () => {
    expect(worklistBucket('ssm', assigned('2026-03-02', '2026-03-04'))).toBe('with_provider');
    expect(worklistBucket('ssm', assigned('2026-03-02', '2026-03-05'))).toBe('overdue');
    // An attempt made, even late, takes it off the overdue pile.
    expect(worklistBucket('ssm', assigned('2026-03-02', '2026-03-05', { contactAttempts: 1 }))).toBe(
      'with_provider',
    );
  });

  it('P11: 120 days without an active plan is incomplete, before overdue', () => {
    // Assigned 2026-01-05: the deadline is 2026-05-05; the first contact is long overdue too.
    expect(worklistBucket('ssm', assigned('2026-01-05', '2026-05-05'))).toBe('overdue');
    expect(worklistBucket('ssm', assigned('2026-01-05', '2026-05-06'))).toBe('incomplete');
  });
});

describe('provider view (P7 across weekends and holidays, P11)', () => {
  // Assigned Friday 2026-02-13; Monday 2026-02-16 is Family Day: due Wednesday 2026-02-18.
  it.each([
    ['2026-02-13', 'new'],
    ['2026-02-14', 'new'],
    ['2026-02-16', 'new'],
    ['2026-02-17', 'new'],
    ['2026-02-18', 'due_today'],
    ['2026-02-19', 'overdue'],
  ])('P7: a lead assigned Friday before Family Day, seen on %s, is %s', (today, bucket) => {
    expect(worklistBucket('provider', assigned('2026-02-13', today))).toBe(bucket);
  });

  it('P7: over the holidays, Wednesday 2026-12-23 is due Tuesday 2026-12-29 (Boxing Day observed on Monday)', () => {
    expect(worklistBucket('provider', assigned('2026-12-23', '2026-12-28'))).toBe('new');
    expect(worklistBucket('provider', assigned('2026-12-23', '2026-12-29'))).toBe('due_today');
    expect(worklistBucket('provider', assigned('2026-12-23', '2026-12-30'))).toBe('overdue');
  });

  it('P7: an SSM closure day counts as a holiday for the catchment', () => {
    const closed = createBusinessCalendar({
      closures: [{ date: '2026-03-04', nameEn: 'Closed', nameFr: 'Fermé' }],
    });
    const facts = (today: string) => ({
      ...assigned('2026-03-02', today),
      firstContact: firstContactClock(closed, noon('2026-03-02'), null, noon(today)),
    });
    expect(worklistBucket('provider', facts('2026-03-04'))).toBe('new');
    expect(worklistBucket('provider', facts('2026-03-05'))).toBe('due_today');
  });

  it('P8: once an attempt is made the lead awaits the client; an attended appointment means engaged', () => {
    expect(worklistBucket('provider', assigned('2026-02-13', '2026-02-19', { contactAttempts: 1 }))).toBe(
      'awaiting_client',
    );
    expect(
      worklistBucket(
        'provider',
        assigned('2026-02-13', '2026-02-19', { contactAttempts: 2, appointmentAttended: true }),
      ),
    ).toBe('engaged');
  });

  it('P11: past 120 days without a plan the lead is incomplete, even when engaged', () => {
    expect(
      worklistBucket(
        'provider',
        assigned('2026-01-05', '2026-05-06', { contactAttempts: 3, appointmentAttended: true }),
      ),
    ).toBe('incomplete');
  });

  it('P2, P10: its walk-in sent to SSM intake, a lead it returned, or one assigned elsewhere is elsewhere', () => {
    expect(
      worklistBucket('provider', { ...awaiting, pathway: 'self_referral', redirectRequested: true }),
    ).toBe('elsewhere');
    expect(
      worklistBucket('provider', {
        ...awaiting,
        status: 'returned',
        everAssigned: true,
        assignedToViewer: true,
      }),
    ).toBe('elsewhere');
    expect(
      worklistBucket('provider', assigned('2026-02-13', '2026-02-19', { assignedToViewer: false })),
    ).toBe('elsewhere');
  });
});

describe('SA view', () => {
  it('follows the status', () => {
    expect(worklistBucket('sa', awaiting)).toBe('awaiting_assignment');
    expect(worklistBucket('sa', assigned('2026-01-05', '2026-05-06'))).toBe('with_provider');
    expect(worklistBucket('sa', { ...awaiting, status: 'returned' })).toBe('returned');
    expect(worklistBucket('sa', { ...awaiting, status: 'closed' })).toBe('closed');
  });
});

describe('statuses a bucket can hold', () => {
  it('narrow the query: SSM new is awaiting assignment, provider overdue is assigned, elsewhere is anything', () => {
    expect(statusesOfBucket('ssm', 'new')).toEqual(['awaiting_assignment']);
    expect(statusesOfBucket('ssm', 'overdue')).toEqual(['assigned']);
    expect(statusesOfBucket('provider', 'overdue')).toEqual(['assigned']);
    expect(statusesOfBucket('provider', 'elsewhere')).toHaveLength(4);
    expect(statusesOfBucket('sa', 'overdue')).toEqual([]);
  });

  it('agree with the buckets: a referral of a status outside them never lands there', () => {
    const samples: WorklistFacts[] = [
      awaiting,
      { ...awaiting, status: 'returned' },
      { ...awaiting, status: 'closed' },
      assigned('2026-02-13', '2026-02-19'),
      assigned('2026-02-13', '2026-02-18'),
      assigned('2026-01-05', '2026-05-06'),
    ];
    for (const view of ['ssm', 'provider', 'sa'] as WorklistView[]) {
      for (const facts of samples) {
        expect(statusesOfBucket(view, worklistBucket(view, facts))).toContain(facts.status);
      }
    }
  });
});

describe('urgency order of the SSM and provider lists (P7, P11)', () => {
  const item = (name: string, assignedOn: string | null, receivedOn: string, attempts = 0) => ({
    name,
    receivedAt: noon(receivedOn),
    contactAttempts: attempts,
    firstContact: assignedOn ? firstContactClock(calendar, noon(assignedOn), null, noon('2026-02-19')) : null,
    completion: assignedOn ? completionClock(noon(assignedOn), null, noon('2026-02-19')) : null,
  });
  it('incomplete and overdue first (longest overdue first), then due soonest, then newest received', () => {
    const items: (WorklistItem & { name: string })[] = [
      item('awaiting, newest', null, '2026-02-18'),
      item('awaiting, older', null, '2026-02-10'),
      item('due tomorrow', '2026-02-18', '2026-02-18'),
      item('due today', '2026-02-17', '2026-02-17'),
      item('overdue by a day', '2026-02-13', '2026-02-13'),
      item('incomplete', '2025-10-01', '2025-10-01'),
      item('contacted', '2026-02-12', '2026-02-12', 1),
    ];
    expect(items.sort(byUrgency).map((i) => i.name)).toEqual([
      'incomplete',
      'overdue by a day',
      'due today',
      'due tomorrow',
      'awaiting, newest',
      'contacted',
      'awaiting, older',
    ]);
  });
});

describe('closed referrals are counted without their facts', () => {
  it('P10: closedBucket gives each view the bucket worklistBucket gives any closed referral', () => {
    for (const view of ['ssm', 'provider', 'sa'] as const) {
      for (const assignedToViewer of [true, false]) {
        expect(
          worklistBucket(view, { ...awaiting, status: 'closed', everAssigned: true, assignedToViewer }),
        ).toBe(closedBucket(view));
      }
    }
  });
});
