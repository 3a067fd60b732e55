import { FileSystemEvidenceStore, type EvidenceStore } from './storage/evidence-store.js';
import { existsSync } from 'node:fs';
import { join, resolve } from 'node:path';
import fastifyCookie from '@fastify/cookie';
import fastifyRateLimit from '@fastify/rate-limit';
import fastifyStatic from '@fastify/static';
import fastifySwagger from '@fastify/swagger';
import scalarApiReference from '@scalar/fastify-api-reference';
import Fastify, { type FastifyBaseLogger, type FastifyInstance } from 'fastify';
import {
  jsonSchemaTransform,
  jsonSchemaTransformObject,
  serializerCompiler,
  validatorCompiler,
} from 'fastify-type-provider-zod';
import type { Logger } from 'pino';
import { randomUUID } from 'node:crypto';
import type { Config } from '../config.js';
import type { Database } from '../db/connection.js';
import { registerAuth } from './auth/plugin.js';
import { authRoutes } from './auth/routes.js';
import { assessmentRoutes } from './assessments/routes.js';
import { auditRoutes } from './audit/routes.js';
import { calendarRoutes } from './calendar/routes.js';
import { caseManagementRoutes } from './case-management/routes.js';
import { clientRoutes } from './clients/routes.js';
import { errorHandler, sendProblem } from './http/errors.js';
import type { AppServices, RouteEntry } from './http/context.js';
import { monitoringRoutes } from './monitoring/routes.js';
import { organizationRoutes } from './organizations/routes.js';
import { pbfRoutes } from './pbf/routes.js';
import { planRoutes } from './plans/routes.js';
import { employerRoutes } from './employers/routes.js';
import { supportRoutes } from './supports/routes.js';
import { PersonCrypto } from './privacy/crypto.js';
import { referralRoutes } from './referrals/routes.js';
import { screeningRoutes } from './referrals/screening.js';
import { trfImportRoutes } from './referrals/trf-import.js';
import { statisticsRoutes } from './statistics/routes.js';
import { userRoutes } from './users/routes.js';
import { healthRoutes } from './health/routes.js';

export interface AppOptions {
  db: Database;
  config: Config;
  logger: Logger;
  /** Where the built web front end is; served when present. */
  webRoot?: string;
  now?: () => Date;
  /** Defaults to files under `config.dataDir/evidence`. */
  evidenceStore?: EvidenceStore;
}

export const API_PREFIX = '/api';

export async function buildApp(options: AppOptions): Promise<FastifyInstance> {
  const app = Fastify({
    loggerInstance: options.logger as FastifyBaseLogger,
    genReqId: () => randomUUID(),
    trustProxy: options.config.trustProxy,
    bodyLimit: 1024 * 1024,
  });

  const services: AppServices = {
    db: options.db,
    config: options.config,
    crypto: new PersonCrypto(options.config.keys),
    now: options.now ?? (() => new Date()),
    segmentation: options.config.segmentation,
    evidenceStore:
      options.evidenceStore ?? new FileSystemEvidenceStore(join(options.config.dataDir, 'evidence')),
  };
  app.decorate('services', services);
  app.decorate('routeCatalog', [] as RouteEntry[]);
  app.setValidatorCompiler(validatorCompiler);
  app.setSerializerCompiler(serializerCompiler);
  app.setErrorHandler(errorHandler);

  await app.register(fastifyCookie);
  await app.register(fastifyRateLimit, { global: false });
  await app.register(fastifySwagger, {
    openapi: {
      openapi: '3.1.0',
      info: {
        title: 'Pathways API',
        version: '0.1.0',
        description:
          'Case management for Ontario Integrated Employment Services. Sign in with POST /api/auth/sign-in; ' +
          'send the csrfToken from /api/auth/me as X-CSRF-Token on every state-changing request. ' +
          'Errors are application/problem+json (RFC 9457).',
      },
      components: {
        securitySchemes: { session: { type: 'apiKey', in: 'cookie', name: 'pathways_session' } },
      },
      security: [{ session: [] }],
    },
    transform: jsonSchemaTransform,
    transformObject: jsonSchemaTransformObject,
  });
  await app.register(scalarApiReference, {
    routePrefix: `${API_PREFIX}/docs`,
    configuration: { url: `${API_PREFIX}/openapi.json`, title: 'Pathways API' },
  });

  registerAuth(app);

  await app.register(
    async (api) => {
      api.addHook('onRoute', (route) => {
        const access = route.config?.access;
        if (!access) throw new Error(`Route ${route.method} ${route.url} must declare config.access`);
        for (const method of [route.method].flat()) {
          if (method !== 'HEAD') app.routeCatalog.push({ method, url: route.url, access });
        }
      });
      api.get('/openapi.json', { config: { access: 'public' }, schema: { hide: true } }, async () =>
        app.swagger(),
      );
      await api.register(healthRoutes);
      await api.register(authRoutes);
      await api.register(organizationRoutes);
      await api.register(userRoutes);
      await api.register(clientRoutes);
      await api.register(auditRoutes);
      await api.register(calendarRoutes);
      await api.register(referralRoutes);
      await api.register(assessmentRoutes);
      await api.register(planRoutes);
      await api.register(screeningRoutes);
      await api.register(trfImportRoutes);
      await api.register(statisticsRoutes);
      await api.register(caseManagementRoutes);
      await api.register(monitoringRoutes);
      await api.register(pbfRoutes);
      await api.register(supportRoutes);
      await api.register(employerRoutes);
    },
    { prefix: API_PREFIX },
  );

  const webRoot = options.webRoot ?? resolve('web/dist');
  const hasWeb = existsSync(join(webRoot, 'index.html'));
  if (hasWeb) {
    await app.register(fastifyStatic, { root: webRoot, wildcard: false, index: false });
  }
  app.setNotFoundHandler((request, reply) => {
    const path = request.url.split('?')[0] ?? '';
    if (!path.startsWith(API_PREFIX) && request.method === 'GET' && hasWeb) {
      // The single-page app owns every other path; it renders its own "not found".
      return reply.type('text/html').sendFile('index.html');
    }
    return sendProblem(reply, request, {
      status: 404,
      code: 'route_not_found',
      title: 'Not found',
      detail: `No route ${request.method} ${path}`,
    });
  });
  return app;
}
