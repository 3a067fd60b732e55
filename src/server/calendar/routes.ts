import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { contextOf } from '../auth/plugin.js';
import { listOf } from '../http/common.js';
import { problemResponses } from '../http/problem.js';
import {
  businessDaysQuery,
  businessDaysSchema,
  closureCreateBody,
  closureParams,
  closureSchema,
  nonBusinessDaySchema,
  yearQuery,
} from './schemas.js';
import { addClosure, businessDays, closuresOf, nonBusinessDays, removeClosure } from './service.js';

/** The business-day calendar every service standard counts in (2 business days, 30 business days …). */
export const calendarRoutes: FastifyPluginAsyncZod = async (app) => {
  const { db } = app.services;
  const tags = ['calendar'];

  app.get(
    '/calendar/closures',
    {
      config: { access: 'calendar.read' },
      schema: {
        tags,
        summary: 'Closure days the SSM added to the statutory holidays',
        response: { 200: listOf(closureSchema), ...problemResponses },
      },
    },
    async (request) => ({ items: await closuresOf(db, contextOf(request)) }),
  );

  app.post(
    '/calendar/closures',
    {
      config: { access: 'calendar.manage' },
      schema: {
        tags,
        summary: 'Add a closure day',
        body: closureCreateBody,
        response: { 201: closureSchema, ...problemResponses },
      },
    },
    async (request, reply) => reply.code(201).send(await addClosure(db, contextOf(request), request.body)),
  );

  app.delete(
    '/calendar/closures/:closureId',
    {
      config: { access: 'calendar.manage' },
      schema: {
        tags,
        summary: 'Remove a closure day',
        params: closureParams,
        response: { 204: z.undefined(), ...problemResponses },
      },
    },
    async (request, reply) => {
      await removeClosure(db, contextOf(request), request.params.closureId);
      return reply.code(204).send();
    },
  );

  app.get(
    '/calendar/non-business-days',
    {
      config: { access: 'calendar.read' },
      schema: {
        tags,
        summary:
          'Statutory holidays, their weekend substitutes and closure days of a year (weekends not listed)',
        querystring: yearQuery,
        response: { 200: listOf(nonBusinessDaySchema), ...problemResponses },
      },
    },
    async (request) => ({ items: await nonBusinessDays(db, contextOf(request), request.query.year) }),
  );

  app.get(
    '/calendar/business-days',
    {
      config: { access: 'calendar.read' },
      schema: {
        tags,
        summary: 'Count business days between two dates, or add business days to a date',
        querystring: businessDaysQuery,
        response: { 200: businessDaysSchema, ...problemResponses },
      },
    },
    async (request) => businessDays(db, contextOf(request), request.query),
  );
};
