import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { problemResponses, unauthenticated } from '../http/problem.js';
import { clearSessionCookie, contextOf, hashToken, setSessionCookie } from './plugin.js';
import { localeBody, meSchema, passwordBody, signInBody } from './schemas.js';
import { changePassword, me, setLocale, signIn, signOut } from './service.js';

export const authRoutes: FastifyPluginAsyncZod = async (app) => {
  const { db, config, now } = app.services;
  // Per client address: room for an office behind one address signing in at 9 a.m., too little for
  // guessing passwords across accounts (each account also locks after five failures).
  const signInRateLimit = { max: config.signInLimitPerMinute, timeWindow: '1 minute' };

  app.post(
    '/auth/sign-in',
    {
      config: { access: 'public', rateLimit: signInRateLimit },
      schema: {
        tags: ['auth'],
        summary: 'Sign in with email and password; sets the session cookie',
        body: signInBody,
        response: { 200: meSchema, ...problemResponses },
      },
    },
    async (request, reply) => {
      const at = now();
      const { token } = await signIn(db, { ...request.body, requestId: request.id, now: at });
      setSessionCookie(reply, token, config.secureCookies);
      return me(db, hashToken(token), at);
    },
  );

  app.post(
    '/auth/sign-out',
    {
      config: { access: 'signed_in' },
      schema: {
        tags: ['auth'],
        summary: 'End the current session',
        response: { 204: z.undefined(), ...problemResponses },
      },
    },
    async (request, reply) => {
      await signOut(db, contextOf(request), request.sessionTokenHash!);
      clearSessionCookie(reply, config.secureCookies);
      return reply.code(204).send();
    },
  );

  app.get(
    '/auth/me',
    {
      config: { access: 'signed_in' },
      schema: {
        tags: ['auth'],
        summary: 'The signed-in user, their permissions and CSRF token',
        response: { 200: meSchema, ...problemResponses },
      },
    },
    async (request) => {
      if (!request.sessionTokenHash) throw unauthenticated();
      return me(db, request.sessionTokenHash, now());
    },
  );

  app.put(
    '/auth/me/locale',
    {
      config: { access: 'signed_in' },
      schema: {
        tags: ['auth'],
        summary: 'Remember the language the user works in',
        body: localeBody,
        response: { 204: z.undefined(), ...problemResponses },
      },
    },
    async (request, reply) => {
      await setLocale(db, contextOf(request), request.body.locale);
      return reply.code(204).send();
    },
  );

  app.put(
    '/auth/me/password',
    {
      config: { access: 'signed_in', rateLimit: signInRateLimit },
      schema: {
        tags: ['auth'],
        summary: 'Change one’s own password; ends all of the user’s sessions',
        body: passwordBody,
        response: { 204: z.undefined(), ...problemResponses },
      },
    },
    async (request, reply) => {
      await changePassword(db, contextOf(request), request.body);
      clearSessionCookie(reply, config.secureCookies);
      return reply.code(204).send();
    },
  );
};
