import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';

/** Employers, site visits and placements (F10, F12, F14). Filled in by the employers work. */
export const employerRoutes: FastifyPluginAsyncZod = async () => {};
