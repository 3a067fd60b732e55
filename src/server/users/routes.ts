import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { contextOf } from '../auth/plugin.js';
import { listOf } from '../http/common.js';
import { problemResponses } from '../http/problem.js';
import { userCreateBody, userListQuery, userParams, userSchema, userUpdateBody } from './schemas.js';
import { changeUser, createUser, getUser, listUsersFor } from './service.js';

export const userRoutes: FastifyPluginAsyncZod = async (app) => {
  const { db } = app.services;
  const tags = ['users'];

  app.get(
    '/users',
    {
      config: { access: 'user.read' },
      schema: {
        tags,
        summary: 'Staff accounts',
        querystring: userListQuery,
        response: { 200: listOf(userSchema), ...problemResponses },
      },
    },
    async (request) => ({ items: await listUsersFor(db, contextOf(request), request.query.organizationId) }),
  );

  app.post(
    '/users',
    {
      config: { access: 'user.manage' },
      schema: {
        tags,
        summary: 'Create a staff account',
        body: userCreateBody,
        response: { 201: userSchema, ...problemResponses },
      },
    },
    async (request, reply) => reply.code(201).send(await createUser(db, contextOf(request), request.body)),
  );

  app.get(
    '/users/:userId',
    {
      config: { access: 'user.read' },
      schema: {
        tags,
        summary: 'One staff account',
        params: userParams,
        response: { 200: userSchema, ...problemResponses },
      },
    },
    async (request) => getUser(db, contextOf(request), request.params.userId),
  );

  app.patch(
    '/users/:userId',
    {
      config: { access: 'user.manage' },
      schema: {
        tags,
        summary: 'Change roles, deactivate, or reset the password of a staff account',
        params: userParams,
        body: userUpdateBody,
        response: { 200: userSchema, ...problemResponses },
      },
    },
    async (request) => changeUser(db, contextOf(request), request.params.userId, request.body),
  );
};
