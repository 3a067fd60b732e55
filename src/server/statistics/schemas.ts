import { z } from 'zod';

export const clientStatisticsSchema = z
  .object({
    totalClients: z.number().int(),
    byRegion: z.array(
      z.object({
        regionId: z.uuid().nullable(),
        nameEn: z.string(),
        nameFr: z.string(),
        clients: z.number().int(),
      }),
    ),
    bySocialAssistance: z.object({ ow: z.number().int(), odsp: z.number().int(), none: z.number().int() }),
    byLanguage: z.object({ en: z.number().int(), fr: z.number().int(), other: z.number().int() }),
    providers: z.number().int(),
    sites: z.number().int(),
  })
  .meta({ id: 'ClientStatistics' });
