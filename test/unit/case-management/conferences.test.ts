import { describe, expect, it } from 'vitest';
import { createBusinessCalendar } from '../../../src/domain/calendar/index.js';
import {
  conferenceAfterMessage,
  isStalled,
  responseBusinessDays,
  responsivenessMetrics,
  withdrawalRefusal,
  type ConferenceState,
} from '../../../src/domain/case-management/index.js';

const SA = 'org-sa';
const PROVIDER = 'org-provider';
// Friday 13 February 2026, 10:00 in Toronto; Monday the 16th is Family Day.
const FRIDAY = new Date('2026-02-13T15:00:00Z');
const calendar = createBusinessCalendar();

const requested = (): ConferenceState => ({
  status: 'requested',
  requestedByOrganizationId: SA,
  requestedAt: FRIDAY,
  firstResponseAt: null,
  firstResponseByOrganizationId: null,
  decidedAt: null,
});

function apply(
  state: ConferenceState,
  kind: 'reply' | 'decision' | 'request',
  organizationId: string,
  at: Date,
) {
  const result = conferenceAfterMessage(state, { kind, organizationId, at });
  if ('refused' in result) throw new Error(result.refused.code);
  return result.state;
}

describe('I4: conference transitions', () => {
  it('I4: a reply from the requester itself does not open the discussion', () => {
    const s = apply(requested(), 'reply', SA, new Date('2026-02-17T15:00:00Z'));
    expect(s.status).toBe('requested');
    expect(s.firstResponseAt).toBeNull();
  });

  it('I4: the first reply from another organization opens it and is the first response', () => {
    const at = new Date('2026-02-17T15:00:00Z');
    const s = apply(requested(), 'reply', PROVIDER, at);
    expect(s).toMatchObject({
      status: 'in_discussion',
      firstResponseAt: at,
      firstResponseByOrganizationId: PROVIDER,
    });
    const later = apply(s, 'reply', 'org-ssm', new Date('2026-02-18T15:00:00Z'));
    expect(later.firstResponseAt).toBe(at);
    expect(later.firstResponseByOrganizationId).toBe(PROVIDER);
  });

  it('I4: a decision closes it, and nothing is added after', () => {
    const decided = apply(requested(), 'decision', PROVIDER, new Date('2026-02-17T15:00:00Z'));
    expect(decided.status).toBe('decided');
    expect(decided.firstResponseAt).not.toBeNull();
    const after = conferenceAfterMessage(decided, { kind: 'reply', organizationId: SA, at: new Date() });
    expect(after).toMatchObject({ refused: { rule: 'I4', code: 'conference_closed' } });
  });

  it('I4: a second request is refused', () => {
    expect(
      conferenceAfterMessage(requested(), { kind: 'request', organizationId: PROVIDER, at: FRIDAY }),
    ).toMatchObject({ refused: { code: 'not_a_message_kind' } });
  });

  it('I4: only the requester withdraws, only while open', () => {
    expect(withdrawalRefusal(requested(), PROVIDER)?.code).toBe('not_requester');
    expect(withdrawalRefusal(requested(), SA)).toBeNull();
    expect(withdrawalRefusal({ ...requested(), status: 'withdrawn' }, SA)?.code).toBe('conference_closed');
    expect(withdrawalRefusal({ ...requested(), status: 'decided' }, SA)?.code).toBe('conference_closed');
  });
});

describe('I4: stalled after two business days without another party', () => {
  it('I4: Friday before Family Day: due Wednesday, stalled on Thursday', () => {
    expect(isStalled(calendar, requested(), new Date('2026-02-18T20:00:00Z'))).toBe(false);
    expect(isStalled(calendar, requested(), new Date('2026-02-19T15:00:00Z'))).toBe(true);
  });

  it('I4: an answered, decided or withdrawn conference is not stalled', () => {
    const late = new Date('2026-03-30T15:00:00Z');
    expect(
      isStalled(calendar, { ...requested(), status: 'in_discussion', firstResponseAt: late }, late),
    ).toBe(false);
    expect(isStalled(calendar, { ...requested(), status: 'withdrawn' }, late)).toBe(false);
    expect(isStalled(calendar, { ...requested(), status: 'decided' }, late)).toBe(false);
  });

  it('I4: an SSM closure day pushes the deadline', () => {
    const closed = createBusinessCalendar({
      closures: [{ date: '2026-02-18', nameEn: 'Closed', nameFr: 'Fermé' }],
    });
    expect(isStalled(closed, requested(), new Date('2026-02-19T15:00:00Z'))).toBe(false);
    expect(isStalled(closed, requested(), new Date('2026-02-20T15:00:00Z'))).toBe(true);
  });
});

describe('K5: responsiveness to ICM requests', () => {
  it('K5: response time is business days from the request to the first answer', () => {
    expect(responseBusinessDays(calendar, FRIDAY, new Date('2026-02-17T15:00:00Z'))).toBe(1);
    expect(responseBusinessDays(calendar, FRIDAY, new Date('2026-02-13T20:00:00Z'))).toBe(0);
    expect(responseBusinessDays(calendar, FRIDAY, null)).toBeNull();
  });

  it('K5: average, median, within-standard share and waiting requests per answering organization', () => {
    const now = new Date('2026-03-02T15:00:00Z');
    const metrics = responsivenessMetrics(
      calendar,
      [
        {
          organizationId: PROVIDER,
          requestedAt: FRIDAY,
          firstResponseAt: new Date('2026-02-17T15:00:00Z'),
          status: 'decided',
        },
        {
          organizationId: PROVIDER,
          requestedAt: FRIDAY,
          firstResponseAt: new Date('2026-02-18T15:00:00Z'),
          status: 'in_discussion',
        },
        {
          organizationId: PROVIDER,
          requestedAt: FRIDAY,
          firstResponseAt: new Date('2026-02-24T15:00:00Z'),
          status: 'in_discussion',
        },
        { organizationId: PROVIDER, requestedAt: FRIDAY, firstResponseAt: null, status: 'in_discussion' },
        { organizationId: SA, requestedAt: FRIDAY, firstResponseAt: null, status: 'withdrawn' },
      ],
      now,
    );
    expect(metrics).toEqual([
      {
        organizationId: PROVIDER,
        requests: 4,
        answered: 3,
        averageResponseBusinessDays: 3,
        medianResponseBusinessDays: 2,
        withinStandardRate: 0.5,
        stalled: 1,
      },
      {
        organizationId: SA,
        requests: 1,
        answered: 0,
        averageResponseBusinessDays: null,
        medianResponseBusinessDays: null,
        withinStandardRate: 0,
        stalled: 0,
      },
    ]);
  });
});
