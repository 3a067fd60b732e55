import { z } from 'zod';

/** A calendar date as the API exchanges it. */
export const isoDate = z.iso.date();
export const uuidParam = z.uuid();
export const timestamp = z.iso.datetime({ offset: true });

export const listOf = <T extends z.ZodType>(item: T) => z.object({ items: z.array(item) });

/** Query-string booleans arrive as text. */
export const queryBoolean = z.enum(['true', 'false']).transform((v) => v === 'true');
