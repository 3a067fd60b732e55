/**
 * The service standards a provider works to once it has a lead (guidelines §8):
 *   P7  first contact attempt within 2 business days of receiving the referral;
 *   P8  "unable to connect" only after ≥ 2 appointments offered and ≥ 3 distinct attempts in the
 *       client's preferred way, and, for social-assistance clients, after contacting the SA caseworker;
 *   P11 the assessment done and a plan active within 120 days of the SSM referral, else incomplete.
 * Dates are Ontario calendar dates; instants are converted with torontoDate.
 */
import {
  addCalendarDays,
  calendarDaysBetween,
  torontoDate,
  type BusinessCalendar,
} from '../calendar/index.js';
import type { ClockState } from './contact-vocabulary.js';

export * from './contact-vocabulary.js';

export const FIRST_CONTACT_BUSINESS_DAYS = 2;
export const COMPLETION_CALENDAR_DAYS = 120;
export const MIN_APPOINTMENTS_OFFERED = 2;
export const MIN_CONTACT_ATTEMPTS = 3;

export interface FirstContactClock {
  dueOn: string;
  state: ClockState;
  /** Business days from today to the due date (0 on the day, negative once overdue). */
  businessDaysLeft: number;
}

/** P7: when the first contact attempt is due, and where the provider stands today. */
export function firstContactClock(
  calendar: BusinessCalendar,
  receivedAt: Date,
  firstAttemptAt: Date | null,
  now: Date,
): FirstContactClock {
  const received = torontoDate(receivedAt);
  const dueOn = calendar.addBusinessDays(received, FIRST_CONTACT_BUSINESS_DAYS);
  const today = torontoDate(now);
  const left =
    today <= dueOn ? calendar.businessDaysBetween(today, dueOn) : -calendar.businessDaysBetween(dueOn, today);
  if (firstAttemptAt) {
    const attempted = torontoDate(firstAttemptAt);
    return { dueOn, state: attempted <= dueOn ? 'met' : 'overdue', businessDaysLeft: left };
  }
  const state: ClockState = today > dueOn ? 'overdue' : today === dueOn ? 'due_today' : 'on_time';
  return { dueOn, state, businessDaysLeft: left };
}

export interface CompletionClock {
  /** The last day to complete the assessment and activate the plan, or to return the referral. */
  deadline: string;
  daysLeft: number;
  /** P11: past the deadline without an active plan: incomplete, must be returned. */
  incomplete: boolean;
}

/** P11: 120 calendar days from the SSM referral to an active plan. */
export function completionClock(referredAt: Date, planActivatedAt: Date | null, now: Date): CompletionClock {
  const deadline = addCalendarDays(torontoDate(referredAt), COMPLETION_CALENDAR_DAYS);
  const today = torontoDate(now);
  const done = planActivatedAt !== null && torontoDate(planActivatedAt) <= deadline;
  return { deadline, daysLeft: calendarDaysBetween(today, deadline), incomplete: !done && today > deadline };
}

export type ContactMethod = 'phone' | 'text' | 'email' | 'letter' | 'in_person';

export interface ContactAttempt {
  method: ContactMethod;
  at: Date;
}

export interface NonResponsiveEvidence {
  preferredMethod: ContactMethod | null;
  attempts: readonly ContactAttempt[];
  appointmentsOffered: number;
  socialAssistanceClient: boolean;
  saCaseworkerContacted: boolean;
}

export interface Shortfall {
  code: 'appointments_offered' | 'contact_attempts' | 'sa_caseworker_not_contacted';
  en: string;
  fr: string;
}

/**
 * P8: whether "Unable to connect with client" may be given, and if not, exactly what is missing.
 * Attempts count when made in the client's preferred way (any way, if they stated none) and are
 * distinct when made on different days, so three calls in one afternoon are one attempt.
 */
export function nonResponsiveShortfalls(e: NonResponsiveEvidence): Shortfall[] {
  const missing: Shortfall[] = [];
  if (e.appointmentsOffered < MIN_APPOINTMENTS_OFFERED) {
    const n = MIN_APPOINTMENTS_OFFERED - e.appointmentsOffered;
    missing.push({
      code: 'appointments_offered',
      en: `P8: offer ${n} more appointment${n === 1 ? '' : 's'} (at least ${MIN_APPOINTMENTS_OFFERED} are needed).`,
      fr: `P8 : offrez encore ${n} rendez-vous (il en faut au moins ${MIN_APPOINTMENTS_OFFERED}).`,
    });
  }
  const counted = e.attempts.filter((a) => !e.preferredMethod || a.method === e.preferredMethod);
  const distinctDays = new Set(counted.map((a) => torontoDate(a.at))).size;
  if (distinctDays < MIN_CONTACT_ATTEMPTS) {
    const n = MIN_CONTACT_ATTEMPTS - distinctDays;
    const how = e.preferredMethod
      ? ` by ${e.preferredMethod.replace('_', ' ')}, the client’s preferred way`
      : '';
    const howFr = e.preferredMethod
      ? ` selon le mode préféré du client (${e.preferredMethod.replace('_', ' ')})`
      : '';
    missing.push({
      code: 'contact_attempts',
      en: `P8: make ${n} more contact attempt${n === 1 ? '' : 's'} on different days${how} (at least ${MIN_CONTACT_ATTEMPTS} are needed).`,
      fr: `P8 : faites encore ${n} tentative${n === 1 ? '' : 's'} de contact à des jours différents${howFr} (il en faut au moins ${MIN_CONTACT_ATTEMPTS}).`,
    });
  }
  if (e.socialAssistanceClient && !e.saCaseworkerContacted) {
    missing.push({
      code: 'sa_caseworker_not_contacted',
      en: 'P8: contact the client’s social assistance caseworker first.',
      fr: 'P8 : communiquez d’abord avec l’agent d’aide sociale du client.',
    });
  }
  return missing;
}
