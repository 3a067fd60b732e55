import { z } from 'zod';
import { calendarDaysBetween, isIsoDate } from '../../domain/calendar/index.js';
import { isoDate, queryInt, uuidParam } from '../http/common.js';

export const closureSchema = z
  .object({ id: z.uuid(), date: isoDate, nameEn: z.string(), nameFr: z.string() })
  .meta({ id: 'ClosureDay' });

export const closureCreateBody = z.object({
  date: isoDate,
  nameEn: z.string().trim().min(2).max(120),
  nameFr: z.string().trim().min(2).max(120),
});
export const closureParams = z.object({ closureId: uuidParam });

export const nonBusinessDaySchema = z
  .object({
    date: isoDate,
    kind: z.enum(['statutory', 'substitute', 'closure']),
    nameEn: z.string(),
    nameFr: z.string(),
  })
  .meta({ id: 'NonBusinessDay' });

export const yearQuery = z.object({ year: queryInt(1900, 2199) });

/** Ten years either way is far beyond any service standard and keeps a count cheap. */
const MAX_SPAN_DAYS = 3660;

export const businessDaysQuery = z
  .object({ from: isoDate, to: isoDate.optional(), add: queryInt(0, 2600).optional() })
  .refine((q) => (q.to === undefined) !== (q.add === undefined), {
    message: 'Give either "to" or "add"',
    path: ['to'],
  })
  .refine(
    // zod still runs this when a date failed its own check: compare only well-formed dates.
    (q) =>
      q.to === undefined ||
      !isIsoDate(q.from) ||
      !isIsoDate(q.to) ||
      Math.abs(calendarDaysBetween(q.from, q.to)) <= MAX_SPAN_DAYS,
    {
      message: `Count at most ${MAX_SPAN_DAYS} days at a time`,
      path: ['to'],
    },
  )
  // 2600 business days are about ten calendar years: the answer must stay inside the supported dates.
  .refine((q) => q.add === undefined || q.from <= '2189-12-31', {
    message: 'The result would fall after the latest supported date',
    path: ['add'],
  });
export const businessDaysSchema = z.object({
  from: isoDate,
  to: isoDate,
  businessDays: z.number().int().describe('Business days after "from" up to and including "to"'),
});
