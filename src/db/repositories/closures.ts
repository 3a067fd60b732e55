import { and, asc, eq } from 'drizzle-orm';
import type { Queryable } from '../connection.js';
import { closureDays } from '../schema.js';

export type ClosureRow = typeof closureDays.$inferSelect;

export function listClosures(q: Queryable, catchmentId: string): Promise<ClosureRow[]> {
  return q
    .select()
    .from(closureDays)
    .where(eq(closureDays.catchmentId, catchmentId))
    .orderBy(asc(closureDays.date));
}

export async function insertClosure(
  q: Queryable,
  values: typeof closureDays.$inferInsert,
): Promise<ClosureRow> {
  const [row] = await q.insert(closureDays).values(values).returning();
  return row!;
}

export async function findClosure(q: Queryable, id: string): Promise<ClosureRow | null> {
  const [row] = await q.select().from(closureDays).where(eq(closureDays.id, id));
  return row ?? null;
}

export async function findClosureOn(
  q: Queryable,
  catchmentId: string,
  date: string,
): Promise<ClosureRow | null> {
  const [row] = await q
    .select()
    .from(closureDays)
    .where(and(eq(closureDays.catchmentId, catchmentId), eq(closureDays.date, date)));
  return row ?? null;
}

export async function deleteClosure(q: Queryable, id: string): Promise<void> {
  await q.delete(closureDays).where(eq(closureDays.id, id));
}
