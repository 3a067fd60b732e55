import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { contextOf } from '../auth/plugin.js';
import { listOf } from '../http/common.js';
import { problemResponses } from '../http/problem.js';
import {
  catchmentSchema,
  organizationCreateBody,
  organizationListQuery,
  organizationParams,
  organizationSchema,
  organizationUpdateBody,
  siteCreateBody,
  siteParams,
  siteSchema,
  siteUpdateBody,
} from './schemas.js';
import {
  changeOrganization,
  changeSite,
  createOrganization,
  createSite,
  getCatchment,
  getOrganization,
  getSite,
  listOrganizationsFor,
  listSitesOf,
} from './service.js';

/** The provider directory (P5): organizations of the catchment, their sites, and the regions. */
export const organizationRoutes: FastifyPluginAsyncZod = async (app) => {
  const { db } = app.services;
  const tags = ['organizations'];

  app.get(
    '/catchment',
    {
      config: { access: 'signed_in' },
      schema: {
        tags,
        summary: 'The actor’s catchment and its regions',
        response: { 200: catchmentSchema, ...problemResponses },
      },
    },
    async (request) => getCatchment(db, contextOf(request)),
  );

  app.get(
    '/organizations',
    {
      config: { access: 'organization.read' },
      schema: {
        tags,
        summary: 'Organizations of the catchment',
        querystring: organizationListQuery,
        response: { 200: listOf(organizationSchema), ...problemResponses },
      },
    },
    async (request) => ({
      items: await listOrganizationsFor(db, contextOf(request), {
        kind: request.query.kind,
        includeInactive: request.query.includeInactive === 'true',
      }),
    }),
  );

  app.post(
    '/organizations',
    {
      config: { access: 'organization.manage' },
      schema: {
        tags,
        summary: 'Add an organization to the catchment',
        body: organizationCreateBody,
        response: { 201: organizationSchema, ...problemResponses },
      },
    },
    async (request, reply) =>
      reply.code(201).send(await createOrganization(db, contextOf(request), request.body)),
  );

  app.get(
    '/organizations/:organizationId',
    {
      config: { access: 'organization.read' },
      schema: {
        tags,
        summary: 'One organization',
        params: organizationParams,
        response: { 200: organizationSchema, ...problemResponses },
      },
    },
    async (request) => getOrganization(db, contextOf(request), request.params.organizationId),
  );

  app.patch(
    '/organizations/:organizationId',
    {
      config: { access: 'organization.manage' },
      schema: {
        tags,
        summary: 'Change an organization',
        params: organizationParams,
        body: organizationUpdateBody,
        response: { 200: organizationSchema, ...problemResponses },
      },
    },
    async (request) =>
      changeOrganization(db, contextOf(request), request.params.organizationId, request.body),
  );

  app.get(
    '/organizations/:organizationId/sites',
    {
      config: { access: 'organization.read' },
      schema: {
        tags,
        summary: 'Sites of an organization',
        params: organizationParams,
        response: { 200: listOf(siteSchema), ...problemResponses },
      },
    },
    async (request) => ({ items: await listSitesOf(db, contextOf(request), request.params.organizationId) }),
  );

  app.post(
    '/organizations/:organizationId/sites',
    {
      config: { access: 'site.manage' },
      schema: {
        tags,
        summary: 'Add a site to a provider or social-assistance office',
        params: organizationParams,
        body: siteCreateBody,
        response: { 201: siteSchema, ...problemResponses },
      },
    },
    async (request, reply) =>
      reply
        .code(201)
        .send(await createSite(db, contextOf(request), request.params.organizationId, request.body)),
  );

  app.get(
    '/sites/:siteId',
    {
      config: { access: 'organization.read' },
      schema: {
        tags,
        summary: 'One site',
        params: siteParams,
        response: { 200: siteSchema, ...problemResponses },
      },
    },
    async (request) => getSite(db, contextOf(request), request.params.siteId),
  );

  app.patch(
    '/sites/:siteId',
    {
      config: { access: 'site.manage' },
      schema: {
        tags,
        summary: 'Change a site (hours, languages, populations served, capacity …)',
        params: siteParams,
        body: siteUpdateBody,
        response: { 200: siteSchema, ...problemResponses },
      },
    },
    async (request) => changeSite(db, contextOf(request), request.params.siteId, request.body),
  );
};
