import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { clientCounts } from '../../db/repositories/statistics.js';
import { contextOf } from '../auth/plugin.js';
import { problemResponses } from '../http/problem.js';
import { clientStatisticsSchema } from './schemas.js';

export const statisticsRoutes: FastifyPluginAsyncZod = async (app) => {
  const { db } = app.services;
  app.get(
    '/statistics/clients',
    {
      config: { access: 'statistics.read' },
      schema: {
        tags: ['statistics'],
        summary: 'Aggregate client counts for the catchment (no personal data)',
        response: { 200: clientStatisticsSchema, ...problemResponses },
      },
    },
    async (request) => {
      const { actor } = contextOf(request);
      const c = await clientCounts(db, actor.catchmentId);
      const sa = (p: 'ow' | 'odsp' | null) => c.bySa.find((r) => r.program === p)?.clients ?? 0;
      const lang = (l: string) => c.byLanguage.find((r) => r.language === l)?.clients ?? 0;
      return {
        totalClients: c.byRegion.reduce((n, r) => n + r.clients, 0),
        byRegion: c.byRegion.map((r) => ({
          regionId: r.regionId,
          nameEn: r.nameEn ?? 'No region recorded',
          nameFr: r.nameFr ?? 'Aucune région inscrite',
          clients: r.clients,
        })),
        bySocialAssistance: { ow: sa('ow'), odsp: sa('odsp'), none: sa(null) },
        byLanguage: { en: lang('en'), fr: lang('fr'), other: lang('other') },
        providers: c.providers,
        sites: c.sites,
      };
    },
  );
};
