import { and, eq } from 'drizzle-orm';
import type { Queryable } from '../connection.js';
import { organizations, userCredentials, users } from '../schema.js';

export const LOCAL_PROVIDER = 'local';

export async function findLocalCredential(q: Queryable, email: string) {
  const [row] = await q
    .select({
      credential: userCredentials,
      userActive: users.active,
      organizationActive: organizations.active,
    })
    .from(userCredentials)
    .innerJoin(users, eq(users.id, userCredentials.userId))
    .innerJoin(organizations, eq(organizations.id, users.organizationId))
    .where(and(eq(userCredentials.provider, LOCAL_PROVIDER), eq(userCredentials.subject, email)));
  return row ?? null;
}

export async function recordFailedAttempt(
  q: Queryable,
  id: string,
  failedAttempts: number,
  lockedUntil: Date | null,
) {
  await q
    .update(userCredentials)
    .set({ failedAttempts, lockedUntil, updatedAt: new Date() })
    .where(eq(userCredentials.id, id));
}

export async function resetFailedAttempts(q: Queryable, id: string) {
  await q
    .update(userCredentials)
    .set({ failedAttempts: 0, lockedUntil: null })
    .where(eq(userCredentials.id, id));
}

export async function setLocalPassword(q: Queryable, userId: string, email: string, passwordHash: string) {
  await q
    .insert(userCredentials)
    .values({ userId, provider: LOCAL_PROVIDER, subject: email, passwordHash })
    .onConflictDoUpdate({
      target: [userCredentials.userId, userCredentials.provider],
      set: { passwordHash, subject: email, failedAttempts: 0, lockedUntil: null, updatedAt: new Date() },
    });
}

/** Keeps the local sign-in name in step when an admin changes a user's email. */
export async function renameLocalSubject(q: Queryable, userId: string, email: string) {
  await q
    .update(userCredentials)
    .set({ subject: email })
    .where(and(eq(userCredentials.userId, userId), eq(userCredentials.provider, LOCAL_PROVIDER)));
}
