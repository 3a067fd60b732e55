import type { Database } from '../../db/connection.js';
import { createBusinessCalendar, type BusinessCalendar } from '../../domain/calendar/index.js';
import {
  deleteClosure,
  findClosure,
  findClosureOn,
  insertClosure,
  listClosures,
} from '../../db/repositories/closures.js';
import { audit } from '../audit/record.js';
import type { RequestContext } from '../http/context.js';
import { conflict, notFound } from '../http/problem.js';

/** The catchment's business-day calendar: the statutory holidays plus the SSM's closure days. */
export async function calendarFor(db: Database, catchmentId: string): Promise<BusinessCalendar> {
  const closures = await listClosures(db, catchmentId);
  return createBusinessCalendar({
    closures: closures.map((c) => ({ date: c.date, nameEn: c.nameEn, nameFr: c.nameFr })),
  });
}

export async function closuresOf(db: Database, ctx: RequestContext) {
  const rows = await listClosures(db, ctx.actor.catchmentId);
  return rows.map((c) => ({ id: c.id, date: c.date, nameEn: c.nameEn, nameFr: c.nameFr }));
}

export async function addClosure(
  db: Database,
  ctx: RequestContext,
  input: { date: string; nameEn: string; nameFr: string },
) {
  if (await findClosureOn(db, ctx.actor.catchmentId, input.date)) {
    throw conflict('closure_exists', `${input.date} is already a closure day.`);
  }
  const row = await db.transaction(async (tx) => {
    const created = await insertClosure(tx, { ...input, catchmentId: ctx.actor.catchmentId });
    await audit(tx, ctx, 'create', 'closure_day', created.id);
    return created;
  });
  return { id: row.id, date: row.date, nameEn: row.nameEn, nameFr: row.nameFr };
}

export async function removeClosure(db: Database, ctx: RequestContext, id: string) {
  const row = await findClosure(db, id);
  if (!row || row.catchmentId !== ctx.actor.catchmentId) throw notFound('Closure day');
  await db.transaction(async (tx) => {
    await deleteClosure(tx, id);
    await audit(tx, ctx, 'delete', 'closure_day', id);
  });
}

export async function nonBusinessDays(db: Database, ctx: RequestContext, year: number) {
  const calendar = await calendarFor(db, ctx.actor.catchmentId);
  return calendar
    .holidaysIn(year)
    .map((h) => ({ date: h.date, kind: h.kind, nameEn: h.nameEn, nameFr: h.nameFr }));
}

export async function businessDays(
  db: Database,
  ctx: RequestContext,
  q: { from: string; to?: string | undefined; add?: number | undefined },
) {
  const calendar = await calendarFor(db, ctx.actor.catchmentId);
  if (q.add !== undefined)
    return { from: q.from, to: calendar.addBusinessDays(q.from, q.add), businessDays: q.add };
  return { from: q.from, to: q.to!, businessDays: calendar.businessDaysBetween(q.from, q.to!) };
}
