import { z } from 'zod';
import { isoDate, uuidParam } from '../http/common.js';

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

export const yearQuery = z.object({ year: z.coerce.number().int().min(2000).max(2100) });

export const businessDaysQuery = z
  .object({ from: isoDate, to: isoDate.optional(), add: z.coerce.number().int().min(0).max(3660).optional() })
  .refine((q) => (q.to === undefined) !== (q.add === undefined), {
    message: 'Give either "to" or "add"',
    path: ['to'],
  });
export const businessDaysSchema = z.object({
  from: isoDate,
  to: isoDate,
  businessDays: z.number().int().describe('Business days after "from" up to and including "to"'),
});
