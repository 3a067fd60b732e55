/**
 * I4: case conferences between SA, the provider and the SSM. A request waits for another party;
 * the first reply from an organization other than the requester's opens the discussion (and is
 * what K5's "responsiveness to ICM requests" measures); a decision closes it; the requester may
 * withdraw it while it is open. The SSM steps in when a request stalls: no other party has answered
 * within two business days.
 */
import type { BusinessCalendar } from '../calendar/business-calendar.js';
import { torontoDate } from '../calendar/iso-date.js';
import type { ConferenceMessageKind, ConferenceStatus } from './types.js';

export const CONFERENCE_RESPONSE_BUSINESS_DAYS = 2;

export interface ConferenceState {
  status: ConferenceStatus;
  requestedByOrganizationId: string;
  requestedAt: Date;
  firstResponseAt: Date | null;
  firstResponseByOrganizationId: string | null;
  decidedAt: Date | null;
}

export interface ConferenceRefusal {
  rule: 'I4';
  code: 'conference_closed' | 'not_requester' | 'not_a_message_kind';
  en: string;
  fr: string;
}

const CLOSED: ConferenceRefusal = {
  rule: 'I4',
  code: 'conference_closed',
  en: 'this case conference is closed (decided or withdrawn); request a new one.',
  fr: 'cette conférence de cas est close (décidée ou retirée); demandez-en une nouvelle.',
};

export function isOpenConference(status: ConferenceStatus): boolean {
  return status === 'requested' || status === 'in_discussion';
}

export interface ConferenceMessageInput {
  kind: ConferenceMessageKind;
  organizationId: string;
  at: Date;
}

/**
 * I4: the conference after one more message, or why the message is refused. Only replies and
 * decisions are added to an open conference (the request is its first message).
 */
export function conferenceAfterMessage(
  state: ConferenceState,
  message: ConferenceMessageInput,
): { state: ConferenceState } | { refused: ConferenceRefusal } {
  if (!isOpenConference(state.status)) return { refused: CLOSED };
  if (message.kind === 'request') {
    return {
      refused: {
        rule: 'I4',
        code: 'not_a_message_kind',
        en: 'a conference has one request; answer it with a reply or a decision.',
        fr: 'une conférence a une seule demande; répondez-y par une réponse ou une décision.',
      },
    };
  }
  const next: ConferenceState = { ...state };
  const otherParty = message.organizationId !== state.requestedByOrganizationId;
  if (otherParty && state.firstResponseAt === null) {
    next.firstResponseAt = message.at;
    next.firstResponseByOrganizationId = message.organizationId;
    next.status = 'in_discussion';
  }
  if (message.kind === 'decision') {
    next.status = 'decided';
    next.decidedAt = message.at;
  }
  return { state: next };
}

/** I4: only the requesting party withdraws its request, and only while the conference is open. */
export function withdrawalRefusal(state: ConferenceState, organizationId: string): ConferenceRefusal | null {
  if (!isOpenConference(state.status)) return CLOSED;
  if (organizationId !== state.requestedByOrganizationId) {
    return {
      rule: 'I4',
      code: 'not_requester',
      en: 'only the party that requested the conference may withdraw it.',
      fr: 'seule la partie qui a demandé la conférence peut la retirer.',
    };
  }
  return null;
}

/** The last Ontario date another party may answer on before the request counts as stalled. */
export function responseDueOn(calendar: BusinessCalendar, requestedAt: Date): string {
  return calendar.addBusinessDays(torontoDate(requestedAt), CONFERENCE_RESPONSE_BUSINESS_DAYS);
}

/**
 * I4: stalled = still waiting for any other party after two business days from the request (the
 * request day itself not counted). An answered, decided or withdrawn conference is not stalled.
 */
export function isStalled(
  calendar: BusinessCalendar,
  state: Pick<ConferenceState, 'status' | 'requestedAt' | 'firstResponseAt'>,
  now: Date,
): boolean {
  if (state.status !== 'requested' || state.firstResponseAt !== null) return false;
  return torontoDate(now) > responseDueOn(calendar, state.requestedAt);
}

/** K5: business days from the request to the first answer of another party; null while unanswered. */
export function responseBusinessDays(
  calendar: BusinessCalendar,
  requestedAt: Date,
  firstResponseAt: Date | null,
): number | null {
  if (!firstResponseAt) return null;
  return calendar.businessDaysBetween(torontoDate(requestedAt), torontoDate(firstResponseAt));
}

/** One party asked to answer one request: a participant organization other than the requester's. */
export interface ConferenceResponseFacts {
  organizationId: string;
  requestedAt: Date;
  /** That organization's first message in the conference, if it has written one. */
  firstResponseAt: Date | null;
  status: ConferenceStatus;
}

export interface ResponsivenessMetrics {
  organizationId: string;
  requests: number;
  answered: number;
  averageResponseBusinessDays: number | null;
  medianResponseBusinessDays: number | null;
  /** Share of requests answered within the two-business-day standard. */
  withinStandardRate: number | null;
  /** Requests still waiting past the standard today. */
  stalled: number;
}

function median(sorted: number[]): number | null {
  if (!sorted.length) return null;
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
}

/**
 * K5 "responsiveness to ICM requests", per answering organization: how many requests it was asked
 * to answer, how fast it answered in business days (average and median), the share within the
 * standard and how many wait on it past the standard now. Pure: one fact per request and party.
 */
export function responsivenessMetrics(
  calendar: BusinessCalendar,
  facts: readonly ConferenceResponseFacts[],
  now: Date,
): ResponsivenessMetrics[] {
  const byOrg = new Map<string, ConferenceResponseFacts[]>();
  for (const f of facts) byOrg.set(f.organizationId, [...(byOrg.get(f.organizationId) ?? []), f]);
  return [...byOrg.entries()]
    .map(([organizationId, list]) => {
      const days = list
        .map((f) => responseBusinessDays(calendar, f.requestedAt, f.firstResponseAt))
        .filter((d): d is number => d !== null)
        .sort((a, b) => a - b);
      const within = days.filter((d) => d <= CONFERENCE_RESPONSE_BUSINESS_DAYS).length;
      return {
        organizationId,
        requests: list.length,
        answered: days.length,
        averageResponseBusinessDays: days.length
          ? Math.round((days.reduce((a, b) => a + b, 0) / days.length) * 10) / 10
          : null,
        medianResponseBusinessDays: median(days),
        withinStandardRate: list.length ? Math.round((within / list.length) * 1000) / 1000 : null,
        stalled: list.filter(
          (f) =>
            isOpenConference(f.status) &&
            f.firstResponseAt === null &&
            torontoDate(now) > responseDueOn(calendar, f.requestedAt),
        ).length,
      };
    })
    .sort((a, b) => a.organizationId.localeCompare(b.organizationId));
}
