import { describe, expect, it } from 'vitest';
import { createBusinessCalendar } from '../../../src/domain/calendar/index.js';
import {
  completionClock,
  firstContactClock,
  nonResponsiveShortfalls,
  type ContactAttempt,
} from '../../../src/domain/referral/contact-standards.js';

const calendar = createBusinessCalendar({
  closures: [{ date: '2026-08-03', nameEn: 'Civic Holiday', nameFr: 'Congé civique' }],
});
// Noon in Toronto (EST/EDT) on a given date, as an instant.
const noon = (date: string) => new Date(`${date}T12:00:00-05:00`);

describe('P7: first contact attempt within 2 business days', () => {
  it('a referral received Friday before Family Day is due Wednesday (2026-02-13 → 2026-02-18)', () => {
    expect(firstContactClock(calendar, noon('2026-02-13'), null, noon('2026-02-13'))).toEqual({
      dueOn: '2026-02-18',
      state: 'on_time',
      businessDaysLeft: 2,
    });
  });

  it('Thursday before Good Friday is due the following Tuesday (2026-04-02 → 2026-04-07; Easter Monday is a business day)', () => {
    expect(firstContactClock(calendar, noon('2026-04-02'), null, noon('2026-04-07')).dueOn).toBe(
      '2026-04-07',
    );
    expect(firstContactClock(calendar, noon('2026-04-02'), null, noon('2026-04-07')).state).toBe('due_today');
  });

  it('an SSM closure day counts too: Friday before Civic Holiday is due Wednesday (2026-07-31 → 2026-08-05)', () => {
    expect(firstContactClock(calendar, noon('2026-07-31'), null, noon('2026-07-31')).dueOn).toBe(
      '2026-08-05',
    );
    expect(
      firstContactClock(createBusinessCalendar(), noon('2026-07-31'), null, noon('2026-07-31')).dueOn,
    ).toBe('2026-08-04');
  });

  it('across the holiday season: Wednesday 2026-12-23 is due Tuesday 2026-12-29 (Christmas, Boxing Day observed Monday)', () => {
    expect(firstContactClock(calendar, noon('2026-12-23'), null, noon('2026-12-23')).dueOn).toBe(
      '2026-12-29',
    );
  });

  it('a late-evening referral counts on its Ontario date, not the UTC one', () => {
    // 23:30 in Toronto on Friday 2026-03-06 is already Saturday in UTC.
    const late = new Date('2026-03-07T04:30:00Z');
    expect(firstContactClock(calendar, late, null, late).dueOn).toBe('2026-03-10');
  });

  it('overdue once the due date passes without an attempt; met when the attempt came in time', () => {
    const overdue = firstContactClock(calendar, noon('2026-02-13'), null, noon('2026-02-19'));
    expect(overdue).toMatchObject({ state: 'overdue', businessDaysLeft: -1 });
    expect(
      firstContactClock(calendar, noon('2026-02-13'), noon('2026-02-17'), noon('2026-02-19')).state,
    ).toBe('met');
    expect(
      firstContactClock(calendar, noon('2026-02-13'), noon('2026-02-19'), noon('2026-02-19')).state,
    ).toBe('overdue');
  });
});

describe('P11: 120 days to an active plan', () => {
  it('the deadline is 120 calendar days after the referral, weekends and holidays included', () => {
    expect(completionClock(noon('2026-01-05'), null, noon('2026-01-05'))).toEqual({
      deadline: '2026-05-05',
      daysLeft: 120,
      incomplete: false,
    });
  });
  it('past the deadline without a plan the referral is incomplete; a plan in time keeps it complete', () => {
    expect(completionClock(noon('2026-01-05'), null, noon('2026-05-06')).incomplete).toBe(true);
    expect(completionClock(noon('2026-01-05'), null, noon('2026-05-05')).incomplete).toBe(false);
    expect(completionClock(noon('2026-01-05'), noon('2026-04-30'), noon('2026-06-01')).incomplete).toBe(
      false,
    );
    expect(completionClock(noon('2026-01-05'), noon('2026-05-06'), noon('2026-06-01')).incomplete).toBe(true);
  });
});

describe('P8: when a client may be called non-responsive', () => {
  const attempt = (date: string, method: ContactAttempt['method'] = 'phone'): ContactAttempt => ({
    method,
    at: noon(date),
  });
  const enough = {
    preferredMethod: 'phone' as const,
    attempts: [attempt('2026-03-02'), attempt('2026-03-04'), attempt('2026-03-06')],
    appointmentsOffered: 2,
    socialAssistanceClient: false,
    saCaseworkerContacted: false,
  };

  it('two appointments and three attempts on different days in the preferred way are enough', () => {
    expect(nonResponsiveShortfalls(enough)).toEqual([]);
  });

  it('says exactly what is missing: appointments', () => {
    expect(nonResponsiveShortfalls({ ...enough, appointmentsOffered: 1 }).map((s) => s.code)).toEqual([
      'appointments_offered',
    ]);
  });

  it('three calls on one day are one attempt; attempts in another way do not count', () => {
    const sameDay = [
      attempt('2026-03-02'),
      { method: 'phone' as const, at: new Date('2026-03-02T20:00:00Z') },
      attempt('2026-03-02'),
    ];
    const shortfall = nonResponsiveShortfalls({ ...enough, attempts: sameDay });
    expect(shortfall.map((s) => s.code)).toEqual(['contact_attempts']);
    expect(shortfall[0]!.en).toMatch(/2 more contact attempts/);
    const wrongWay = [attempt('2026-03-02'), attempt('2026-03-03', 'email'), attempt('2026-03-04', 'letter')];
    expect(nonResponsiveShortfalls({ ...enough, attempts: wrongWay })[0]!.en).toMatch(/2 more .* by phone/);
  });

  it('with no preferred way stated, any way counts', () => {
    const mixed = [attempt('2026-03-02'), attempt('2026-03-03', 'email'), attempt('2026-03-04', 'letter')];
    expect(nonResponsiveShortfalls({ ...enough, preferredMethod: null, attempts: mixed })).toEqual([]);
  });

  it('for a social assistance client the SA caseworker must be contacted first (bilingual)', () => {
    const sa = nonResponsiveShortfalls({ ...enough, socialAssistanceClient: true });
    expect(sa.map((s) => s.code)).toEqual(['sa_caseworker_not_contacted']);
    expect(sa[0]!.fr).toMatch(/^P8 :/);
    expect(
      nonResponsiveShortfalls({ ...enough, socialAssistanceClient: true, saCaseworkerContacted: true }),
    ).toEqual([]);
  });
});
