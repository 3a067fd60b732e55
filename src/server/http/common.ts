import { z } from 'zod';

/** A calendar date as the API exchanges it. */
/**
 * A calendar date as the API exchanges it. The range keeps every date inside what the business-day
 * calendar and PostgreSQL both handle; nothing in employment services lies outside it.
 */
export const EARLIEST_DATE = '1900-01-01';
export const LATEST_DATE = '2199-12-31';
export const isoDate = z.iso.date().refine((d) => d >= EARLIEST_DATE && d <= LATEST_DATE, {
  message: `Use a date between ${EARLIEST_DATE} and ${LATEST_DATE}`,
});
export const uuidParam = z.uuid();
export const timestamp = z.iso.datetime({ offset: true });

export const listOf = <T extends z.ZodType>(item: T) => z.object({ items: z.array(item) });

/** A whole number in a query string: digits only, so "" or "1e3" are refused rather than read as 0 or 1000. */
export const queryInt = (min: number, max: number) =>
  z.string().regex(/^\d+$/, 'Use a whole number').transform(Number).pipe(z.number().int().min(min).max(max));

/** Query-string booleans arrive as text. */
export const queryBoolean = z.enum(['true', 'false']).transform((v) => v === 'true');
