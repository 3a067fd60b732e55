import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';

/** Financial supports, SSM approvals and budgets (F1–F9, F11, F13, I3). Filled in by the supports work. */
export const supportRoutes: FastifyPluginAsyncZod = async () => {};
