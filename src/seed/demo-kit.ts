/**
 * What the demo seeds share: the demo users' request contexts, a clock set back from the run, the
 * adults no earlier demo has touched yet, and the answers and identity check a caseworker records on
 * a Common Assessment. Each seed writes through the services as the demo users, so these build only
 * what a signed-in request would carry.
 */
import { and, asc, eq, isNotNull, isNull, lte, notExists, sql, type SQL } from 'drizzle-orm';
import type { Database } from '../db/connection.js';
import { assessments, clients, clientShares, organizations, referrals, users } from '../db/schema.js';
import type { Actor } from '../domain/access/policy.js';
import type { Role } from '../domain/access/roles.js';
import {
  CURRENT_NOTICE_VERSION,
  CURRENT_QUESTION_BANK_VERSION,
  isAsked,
  questionBank,
} from '../domain/assessment/index.js';
import {
  DEFAULT_SEGMENTATION_MODEL_ID,
  DEFAULT_STREAM_THRESHOLDS,
} from '../domain/assessment/segmentation/index.js';
import type { AnswerValue, Answers, AssessmentFacts, Module } from '../domain/assessment/types.js';
import { addCalendarDays, torontoDate, type IsoDate } from '../domain/calendar/index.js';
import { ageOn } from '../domain/eligibility/age.js';
import type { AssessmentDeps } from '../server/assessments/service.js';
import type { RequestContext } from '../server/http/context.js';
import type { PersonCrypto } from '../server/privacy/crypto.js';
import { demoEmail, PROVIDERS } from './network.js';

export type DemoUser = typeof users.$inferSelect;
export type DemoClient = typeof clients.$inferSelect;

/** A demo user and the context a request of theirs would carry. */
export interface DemoActor {
  user: DemoUser;
  ctx: RequestContext;
}

export interface DemoContexts {
  /** The id of the catchment's organization with this name, if it has one. */
  organizationId(name: string): string | undefined;
  /** Riverside, the first demo provider, where the demo caseworker works. */
  riverside: string | undefined;
  /** The demo user with this email and their context; null when not seeded. */
  byEmail(email: string): Promise<DemoActor | null>;
  /** The demo user of this role (see `demoEmail`) and their context; null when not seeded. */
  byRole(role: Role): Promise<DemoActor | null>;
}

/** The demo organizations of a catchment and a way to act as its demo users. */
export async function demoContexts(db: Database, catchmentId: string): Promise<DemoContexts> {
  const orgs = await db
    .select({ id: organizations.id, name: organizations.name, kind: organizations.kind })
    .from(organizations)
    .where(eq(organizations.catchmentId, catchmentId));
  const organizationId = (name: string) => orgs.find((o) => o.name === name)?.id;
  const byEmail = async (email: string): Promise<DemoActor | null> => {
    const [user] = await db.select().from(users).where(eq(users.email, email));
    if (!user) return null;
    const org = orgs.find((o) => o.id === user.organizationId);
    if (!org) throw new Error(`Demo user ${email} is not in the catchment's organizations`);
    const actor: Actor = {
      userId: user.id,
      organizationId: user.organizationId,
      organizationKind: org.kind,
      catchmentId,
      roles: user.roles as Role[],
    };
    return { user, ctx: { actor, requestId: 'demo-seed' } };
  };
  return {
    organizationId,
    riverside: organizationId(PROVIDERS[0]!.name),
    byEmail,
    byRole: (role) => byEmail(demoEmail(role)),
  };
}

/** The services' clock in a seed: set back to each step before it is taken. */
export interface DemoClock {
  /** The run's date in Toronto. */
  today: IsoDate;
  /** The date `n` days before the run. */
  dayOf(n: number): IsoDate;
  /** `hourUtc`:00 UTC `n` days before the run, plus `minutes`; never after the run. */
  at(n: number, minutes?: number): Date;
  /** What the services read as now. */
  now(): Date;
  /** Moves the services' now. */
  set(when: Date): void;
}

/**
 * A clock for a seed run at `runAt`, its steps at `hourUtc` o'clock UTC. A step that would fall
 * after the run (today's) is put `leadSeconds - minutes` seconds before it instead, in order.
 */
export function demoClock(runAt: Date, hourUtc: number, leadSeconds: number): DemoClock {
  const today = torontoDate(runAt);
  const dayOf = (n: number) => addCalendarDays(today, -n);
  const hh = String(hourUtc).padStart(2, '0');
  let current = runAt;
  return {
    today,
    dayOf,
    at: (n, minutes = 0) => {
      const when = new Date(new Date(`${dayOf(n)}T${hh}:00:00Z`).getTime() + minutes * 60_000);
      return when > runAt ? new Date(runAt.getTime() - (leadSeconds - minutes) * 1000) : when;
    },
    now: () => current,
    set: (when) => {
      current = when;
    },
  };
}

/** The assessment service's dependencies in a seed: the default segmentation, the seed's clock. */
export function demoAssessmentDeps(db: Database, crypto: PersonCrypto, clock: DemoClock): AssessmentDeps {
  return {
    db,
    crypto,
    now: clock.now,
    segmentation: { modelId: DEFAULT_SEGMENTATION_MODEL_ID, thresholds: DEFAULT_STREAM_THRESHOLDS },
  };
}

/** What the question bank needs to know of a client to decide which questions are asked. */
export function demoFacts(client: DemoClient, today: IsoDate): AssessmentFacts {
  return { ageYears: ageOn(client.dateOfBirth, today), saClient: client.saProgram !== null };
}

/** The client's consent to the assessment, given in person under the current notice. */
export const DEMO_CONSENT = {
  given: true,
  channel: 'in_person',
  noticeVersion: CURRENT_NOTICE_VERSION,
} as const;

/** A driver's licence seen in person, valid `validForDays` more days. */
export function demoPhotoId(today: IsoDate, validForDays: number) {
  return {
    method: 'photo_id',
    kind: 'drivers_licence',
    expiresOn: addCalendarDays(today, validForDays),
    seen: 'in_person',
  } as const;
}

/** The answers given where the story is silent, for the free-text and date questions. */
export interface Filler {
  text: string;
  date: IsoDate;
}

/** The story's answers to every question asked in the modules; a plausible middle answer elsewhere. */
export function answersFor(
  facts: AssessmentFacts,
  modules: Module[],
  story: Answers,
  filler: Filler,
): Answers {
  const bank = questionBank(CURRENT_QUESTION_BANK_VERSION)!;
  const all: Answers = {};
  for (let changed = true; changed;) {
    changed = false;
    for (const q of bank.sections.flatMap((s) => s.questions)) {
      if (all[q.id] !== undefined || !isAsked(q, all, facts)) continue;
      const options = q.options?.map((o) => o.value) ?? [];
      const fallback: AnswerValue =
        q.type === 'boolean'
          ? false
          : q.type === 'scale'
            ? 3
            : q.type === 'number'
              ? (q.min ?? 0)
              : q.type === 'multi'
                ? [options.includes('none') ? 'none' : options[0]!]
                : q.type === 'text'
                  ? filler.text
                  : q.type === 'date'
                    ? filler.date
                    : options.includes('no')
                      ? 'no'
                      : options[0]!;
      all[q.id] = story[q.id] ?? fallback;
      changed = true;
    }
  }
  const wanted = new Set(
    bank.sections.filter((s) => modules.includes(s.module)).flatMap((s) => s.questions.map((q) => q.id)),
  );
  return Object.fromEntries(Object.entries(all).filter(([id]) => wanted.has(id)));
}

/**
 * Adults (25 and over) with a SIN whom no earlier demo has referred (nor assessed, with
 * `unassessed`), in reference order, so each run picks the same people: the SA caseworker's first,
 * and the first `count` of the provider's own clients (shared with it, not on SA).
 */
export async function untouchedAdults(
  db: Database,
  today: IsoDate,
  options: { saCaseworkerId: string; providerId: string; count: number; unassessed: boolean },
): Promise<{ saClient: DemoClient | undefined; providerClients: DemoClient[] }> {
  const adult = lte(clients.dateOfBirth, addCalendarDays(today, -25 * 365));
  const untouched: SQL[] = [
    notExists(
      db
        .select({ one: sql`1` })
        .from(referrals)
        .where(eq(referrals.clientId, clients.id)),
    ),
  ];
  if (options.unassessed)
    untouched.push(
      notExists(
        db
          .select({ one: sql`1` })
          .from(assessments)
          .where(eq(assessments.clientId, clients.id)),
      ),
    );
  const [saClient] = await db
    .select()
    .from(clients)
    .where(
      and(
        eq(clients.saCaseworkerId, options.saCaseworkerId),
        adult,
        isNotNull(clients.sinIndex),
        ...untouched,
      ),
    )
    .orderBy(asc(clients.reference))
    .limit(1);
  const shared = await db
    .select({ client: clients })
    .from(clients)
    .innerJoin(clientShares, eq(clientShares.clientId, clients.id))
    .where(
      and(
        eq(clientShares.organizationId, options.providerId),
        isNull(clientShares.revokedAt),
        isNull(clients.saProgram),
        isNotNull(clients.sinIndex),
        adult,
        ...untouched,
      ),
    )
    .orderBy(asc(clients.reference))
    .limit(options.count);
  return { saClient, providerClients: shared.map((r) => r.client) };
}
