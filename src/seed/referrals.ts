import { and, asc, eq, gte, isNotNull, isNull, lte, ne, or } from 'drizzle-orm';
import type { Database } from '../db/connection.js';
import { clients } from '../db/schema.js';
import {
  addCalendarDays,
  createBusinessCalendar,
  torontoDate,
  type IsoDate,
} from '../domain/calendar/index.js';
import type { RequestContext } from '../server/http/context.js';
import type { PersonCrypto } from '../server/privacy/crypto.js';
import {
  assignReferral,
  createReferral,
  logContactAttempt,
  offerAppointment,
  recordAttendance,
  returnReferral,
  suggestProviders,
  type ReferralDeps,
} from '../server/referrals/service.js';
import { importTrfList } from '../server/referrals/trf-import.js';
import { demoContexts } from './demo-kit.js';
import { demoEmail, PROVIDERS } from './network.js';
import { syntheticSin } from './people.js';
import type { Network } from './seed.js';

/**
 * A handful of referrals for the demo, so every worklist has something in it on the first start:
 * SA referrals awaiting assignment, direct referrals (one screened from an EI information session,
 * one from the TRF list still to screen), leads at Riverside Employment Centre in each state (due
 * today, overdue, attempts made, the client engaged), one on time at Essex County Works and one
 * returned to SSM intake awaiting its decision.
 *
 * Everything goes through the referral services, as the demo users, with the services' clock set
 * back to when each step happened: the rows, timeline events, shares and audit entries are exactly
 * what the API would have written. Dates count back in business days from the run date, so the
 * clocks (P7, P11) always show a mix. Most of the SA caseworker's clients are left without one.
 */
export async function seedReferrals(
  db: Database,
  crypto: PersonCrypto,
  network: Network,
  runAt: Date = new Date(),
): Promise<number> {
  const calendar = createBusinessCalendar();
  const today = torontoDate(runAt);
  /** The business day n business days before today (today itself for 0, if it is one). */
  const daysAgo = (n: number): IsoDate => {
    let d = today;
    for (let k = 0; k < n;) {
      d = addCalendarDays(d, -1);
      if (calendar.isBusinessDay(d)) k++;
    }
    return d;
  };
  // Today's steps fall between the start of the working day (8:30 in Toronto) and the run itself,
  // in order; before 9:30 in the morning, between midnight and the run.
  const midnight = new Date(`${today}T04:00:00Z`);
  if (torontoDate(midnight) !== today) midnight.setUTCHours(5);
  const workStart = new Date(midnight.getTime() + 8.5 * 3_600_000);
  const base = runAt.getTime() - workStart.getTime() > 3_600_000 ? workStart : midnight;
  /** A moment of the working day `date` (`step` minutes after 9:00); today, never after the run. */
  const at = (date: IsoDate, step: number): Date => {
    if (date === today) {
      return new Date(base.getTime() + ((runAt.getTime() - base.getTime()) * (step + 1)) / 600);
    }
    return new Date(new Date(`${date}T14:00:00Z`).getTime() + step * 60_000);
  };

  let clock = runAt;
  const deps: ReferralDeps = { db, crypto, now: () => clock };

  const cast = await demoContexts(db, network.catchmentId);
  const [ssmUser, saUser, riversideUser, essexUser] = await Promise.all(
    [demoEmail('ssm_intake'), demoEmail('sa_caseworker'), demoEmail('provider_caseworker')]
      .concat('provider.caseworker2@pathways.test')
      .map((email) => cast.byEmail(email)),
  );
  const riverside = cast.riverside;
  const francophone = cast.organizationId(PROVIDERS[1]!.name);
  const essex = cast.organizationId(PROVIDERS[2]!.name);
  if (!ssmUser || !saUser || !riversideUser || !essexUser || !riverside || !francophone || !essex) return 0;
  const ssm = ssmUser.ctx;
  const sa = saUser.ctx;
  const atRiverside = riversideUser.ctx;
  const atEssex = essexUser.ctx;

  // Adults only, in the order of their references: the same people on every run of the same seed.
  const adult = lte(clients.dateOfBirth, addCalendarDays(today, -25 * 365));
  const saClients = await db
    .select()
    .from(clients)
    .where(
      and(eq(clients.catchmentId, network.catchmentId), eq(clients.saCaseworkerId, saUser.user.id), adult),
    )
    .orderBy(asc(clients.reference))
    .limit(7);
  const directClients = await db
    .select()
    .from(clients)
    .where(
      and(
        eq(clients.catchmentId, network.catchmentId),
        eq(clients.regionId, network.regionIds['windsor-essex']),
        or(isNull(clients.saCaseworkerId), ne(clients.saCaseworkerId, saUser.user.id)),
        isNull(clients.saProgram),
        isNotNull(clients.sinIndex),
        adult,
        gte(clients.dateOfBirth, '1960-01-01'),
      ),
    )
    .orderBy(asc(clients.reference))
    .limit(4);
  if (saClients.length < 7 || directClients.length < 4) return 0;
  const [s1, s2, s3, s4, a1, a4, r1] = saClients;
  const [d1, a2, a3, a5] = directClients;
  let created = 0;

  const screeningOf = (c: typeof clients.$inferSelect, extra: { currentlyEmployed?: boolean } = {}) => ({
    dateOfBirth: c.dateOfBirth,
    livesInOntario: true,
    hasSin: true,
    sinTemporary: c.sinTemporary,
    workAuthorization: 'citizen' as const,
    workPermit: 'not_applicable' as const,
    secondarySchoolCompleted: true,
    schoolExcusalProof: false,
    currentlyEmployed: extra.currentlyEmployed ?? false,
    seekingSelfEmployment: false,
  });
  const noBarriers = { transportation: false, childcare: false, language: null, accessibility: [] };
  const refer = async (
    ctx: RequestContext,
    when: Date,
    input: Partial<Parameters<typeof createReferral>[2]> &
      Pick<Parameters<typeof createReferral>[2], 'clientId' | 'source'>,
  ) => {
    clock = when;
    created++;
    return (
      await createReferral(deps, ctx, {
        clientChoiceOrganizationId: null,
        warmReferral: false,
        barriers: noBarriers,
        notes: null,
        ...input,
      })
    ).id;
  };
  /** SSM intake assigns: the matrix's first suggestion when it is the provider meant, else with a reason. */
  const assign = async (id: string, organizationId: string, when: Date, reason: string) => {
    clock = when;
    const ranked = await suggestProviders(deps, ssm, id);
    const first = ranked[0]?.organizationId === organizationId;
    await assignReferral(deps, ssm, id, { organizationId, overrideReason: first ? null : reason });
  };
  const attempt = async (
    ctx: RequestContext,
    id: string,
    when: Date,
    result: 'reached' | 'no_answer' | 'left_message',
  ) => {
    clock = when;
    await logContactAttempt(deps, ctx, id, { method: 'phone', result });
  };

  // Pathway 1: the SA caseworker's referrals awaiting assignment, with notes and needs (P2, P4).
  await refer(sa, at(today, 100), {
    clientId: s1!.id,
    source: 'ontario_works',
    warmReferral: true,
    barriers: { ...noBarriers, transportation: true },
    notes:
      'No car; relies on Transit Windsor. Prefers morning appointments. Interested in warehouse and logistics work; forklift ticket expired last year.',
  });
  await refer(sa, at(daysAgo(1), 30), {
    clientId: s2!.id,
    source: 'ontario_works',
    barriers: { ...noBarriers, childcare: true },
    notes:
      'Single parent of two; childcare confirmed Tuesdays and Thursdays. Wants part-time retail or office work.',
  });
  await refer(sa, at(daysAgo(2), 60), {
    clientId: s3!.id,
    source: 'ontario_works',
    barriers: { ...noBarriers, accessibility: ['step_free_entrance', 'accessible_washroom'] },
    notes:
      'Uses a wheelchair: needs a step-free site with an accessible washroom. Ten years in customer service; looking for a call-centre role.',
  });
  await refer(sa, at(daysAgo(3), 20), {
    clientId: s4!.id,
    source: 'ontario_works',
    clientChoiceOrganizationId: francophone,
    barriers: { ...noBarriers, language: 'fr' },
    notes: 'Asked to be served in French at the Centre Emploi Francophone, where a friend was helped.',
  });

  // Pathway 2: a person met at an EI information session, screened eligible, awaiting assignment.
  await refer(ssm, at(daysAgo(1), 90), {
    clientId: d1!.id,
    source: 'ei_information_session',
    screening: screeningOf(d1!),
    notes: 'Laid off from an auto-parts plant in October; on EI until spring.',
  });
  // Pathway 2: today's TRF list, one applicant, still to be screened.
  clock = at(today, 200);
  await importTrfList(
    db,
    crypto,
    ssm,
    {
      fileName: `trf-${today}.csv`,
      csv: [
        'trf_id,given_name,family_name,date_of_birth,sin,phone,email,postal_code,language',
        `TRF-DEMO-0001,Amara,Mensah,1986-06-19,${syntheticSin(9_000_001)},519-555-0188,,N9A 4J3,en`,
      ].join('\n'),
    },
    clock,
  );
  created++;

  // Leads at Riverside (the demo provider caseworker's): due today (P7, assigned two business days ago) …
  const dueToday = await refer(sa, at(daysAgo(3), 120), {
    clientId: a1!.id,
    source: 'ontario_works',
    notes: 'Ready to start; prefers calls after 10 am.',
  });
  await assign(
    dueToday,
    riverside,
    at(daysAgo(2), 45),
    'Client lives near downtown Windsor and asked for a site on the bus line.',
  );
  // … overdue (assigned four business days ago, no attempt yet) …
  const overdue = await refer(ssm, at(daysAgo(5), 50), {
    clientId: a2!.id,
    source: 'community_organization',
    screening: screeningOf(a2!),
    notes: 'Referred by the Downtown Mission’s employment table.',
  });
  await assign(
    overdue,
    riverside,
    at(daysAgo(4), 30),
    'Client lives near downtown Windsor; Riverside is on the bus line.',
  );
  // … attempts made, an appointment booked …
  const attempted = await refer(ssm, at(daysAgo(7), 40), {
    clientId: a3!.id,
    source: 'eo_contact_centre',
    screening: screeningOf(a3!, { currentlyEmployed: true }),
    notes: 'Working nights at a warehouse; wants a daytime job. Call after 3 pm.',
  });
  await assign(
    attempted,
    riverside,
    at(daysAgo(6), 20),
    'Client asked for evening hours; Riverside is open Wednesday evenings.',
  );
  await attempt(atRiverside, attempted, at(daysAgo(5), 330), 'no_answer');
  await attempt(atRiverside, attempted, at(daysAgo(4), 360), 'left_message');
  clock = at(daysAgo(4), 361);
  await offerAppointment(deps, atRiverside, attempted, {
    scheduledFor: new Date(`${addCalendarDays(today, 2)}T19:00:00Z`).toISOString(),
    mode: 'in_person',
    saCaseworkerInvited: false,
  });
  // … and a client who came to the first appointment.
  const engaged = await refer(sa, at(daysAgo(12), 15), {
    clientId: a4!.id,
    source: 'ontario_works',
    warmReferral: true,
    notes:
      'Warm referral: I will join the first appointment. Anxious about interviews; strong bookkeeping experience.',
  });
  await assign(
    engaged,
    riverside,
    at(daysAgo(11), 30),
    'Warm referral: the SA caseworker works near the downtown site.',
  );
  await attempt(atRiverside, engaged, at(daysAgo(10), 60), 'reached');
  clock = at(daysAgo(10), 65);
  const booked = await offerAppointment(deps, atRiverside, engaged, {
    scheduledFor: at(daysAgo(8), 60).toISOString(),
    mode: 'in_person',
    saCaseworkerInvited: true,
  });
  clock = at(daysAgo(8), 150);
  await recordAttendance(deps, atRiverside, engaged, booked.appointments[0]!.id, true);

  // A lead at Essex County Works, assigned today: on time.
  const onTime = await refer(ssm, at(daysAgo(1), 150), {
    clientId: a5!.id,
    source: 'rasp',
    screening: screeningOf(a5!),
    notes: 'Asked for a provider near Leamington through Request a Service Provider.',
  });
  await assign(onTime, essex, at(today, 300), 'Client lives in Leamington; asked for the Leamington site.');

  // Returned to SSM intake by Essex County Works, awaiting the SSM's decision (P10).
  const returned = await refer(sa, at(daysAgo(15), 10), {
    clientId: r1!.id,
    source: 'ontario_works',
    notes: 'Interested in the personal support worker programme.',
  });
  await assign(
    returned,
    essex,
    at(daysAgo(14), 20),
    'Client lives in Kingsville and asked for a nearby site.',
  );
  await attempt(atEssex, returned, at(daysAgo(13), 90), 'no_answer');
  await attempt(atEssex, returned, at(daysAgo(12), 120), 'reached');
  clock = at(daysAgo(3), 200);
  await returnReferral(deps, atEssex, returned, {
    reason: 'client_declined',
    note: 'Reached on the second call: the client has enrolled full time in a PSW course and declined employment services for now.',
  });
  return created;
}
