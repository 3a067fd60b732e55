import { and, asc, eq, type SQL } from 'drizzle-orm';
import type { Queryable } from '../connection.js';
import { organizations, users } from '../schema.js';

export type UserRow = typeof users.$inferSelect;

/** A user with the organization facts that decide who may see or manage them. */
function selectUsersWithOrganization(q: Queryable) {
  return q
    .select({
      user: users,
      organizationKind: organizations.kind,
      catchmentId: organizations.catchmentId,
      organizationName: organizations.name,
    })
    .from(users)
    .innerJoin(organizations, eq(organizations.id, users.organizationId));
}

export async function findUser(q: Queryable, id: string) {
  const [row] = await selectUsersWithOrganization(q).where(eq(users.id, id));
  return row ?? null;
}

export async function findUserByEmail(q: Queryable, email: string): Promise<UserRow | null> {
  const [row] = await q.select().from(users).where(eq(users.email, email));
  return row ?? null;
}

export async function listUsers(
  q: Queryable,
  filter: { catchmentId: string; organizationId?: string | undefined },
) {
  const where: SQL[] = [eq(organizations.catchmentId, filter.catchmentId)];
  if (filter.organizationId) where.push(eq(users.organizationId, filter.organizationId));
  return selectUsersWithOrganization(q)
    .where(and(...where))
    .orderBy(asc(users.displayName));
}

export async function insertUser(q: Queryable, values: typeof users.$inferInsert): Promise<UserRow> {
  const [row] = await q.insert(users).values(values).returning();
  return row!;
}

export async function updateUser(
  q: Queryable,
  id: string,
  values: Partial<typeof users.$inferInsert>,
): Promise<UserRow> {
  const [row] = await q
    .update(users)
    .set({ ...values, updatedAt: new Date() })
    .where(eq(users.id, id))
    .returning();
  return row!;
}
