import { and, eq, gt, lt } from 'drizzle-orm';
import type { Role } from '../../domain/access/roles.js';
import type { Actor } from '../../domain/access/policy.js';
import type { Queryable } from '../connection.js';
import { organizations, sessions, users } from '../schema.js';

export interface SessionUser {
  actor: Actor;
  csrfToken: string;
  email: string;
  displayName: string;
  locale: string;
  organizationName: string;
  expiresAt: Date;
  lastSeenAt: Date;
}

export async function createSession(
  q: Queryable,
  s: { tokenHash: string; userId: string; csrfToken: string; expiresAt: Date },
): Promise<void> {
  await q.insert(sessions).values(s);
}

/** The signed-in user behind a live session; inactive users and organizations end their sessions. */
export async function findSessionUser(
  q: Queryable,
  tokenHash: string,
  now: Date,
): Promise<SessionUser | null> {
  const [row] = await q
    .select({
      userId: users.id,
      email: users.email,
      displayName: users.displayName,
      roles: users.roles,
      locale: users.locale,
      organizationId: organizations.id,
      organizationKind: organizations.kind,
      organizationName: organizations.name,
      catchmentId: organizations.catchmentId,
      csrfToken: sessions.csrfToken,
      expiresAt: sessions.expiresAt,
      lastSeenAt: sessions.lastSeenAt,
    })
    .from(sessions)
    .innerJoin(users, eq(users.id, sessions.userId))
    .innerJoin(organizations, eq(organizations.id, users.organizationId))
    .where(
      and(
        eq(sessions.tokenHash, tokenHash),
        gt(sessions.expiresAt, now),
        eq(users.active, true),
        eq(organizations.active, true),
      ),
    );
  if (!row) return null;
  return {
    actor: {
      userId: row.userId,
      organizationId: row.organizationId,
      organizationKind: row.organizationKind,
      catchmentId: row.catchmentId,
      roles: row.roles as Role[],
    },
    csrfToken: row.csrfToken,
    email: row.email,
    displayName: row.displayName,
    locale: row.locale,
    organizationName: row.organizationName,
    expiresAt: row.expiresAt,
    lastSeenAt: row.lastSeenAt,
  };
}

export async function touchSession(
  q: Queryable,
  tokenHash: string,
  now: Date,
  expiresAt: Date,
): Promise<void> {
  await q.update(sessions).set({ lastSeenAt: now, expiresAt }).where(eq(sessions.tokenHash, tokenHash));
}

export async function deleteSession(q: Queryable, tokenHash: string): Promise<void> {
  await q.delete(sessions).where(eq(sessions.tokenHash, tokenHash));
}

export async function deleteSessionsOfUser(q: Queryable, userId: string): Promise<void> {
  await q.delete(sessions).where(eq(sessions.userId, userId));
}

export async function deleteExpiredSessions(q: Queryable, now: Date): Promise<void> {
  await q.delete(sessions).where(lt(sessions.expiresAt, now));
}
