import { createHash, randomBytes, timingSafeEqual } from 'node:crypto';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { hasPermission } from '../../domain/access/policy.js';
import { findSessionUser, touchSession } from '../../db/repositories/sessions.js';
import { forbidden, ProblemError, unauthenticated } from '../http/problem.js';
import type { RequestContext } from '../http/context.js';

export const SESSION_COOKIE = 'pathways_session';
/** Sessions end after this much inactivity; activity slides the end forward. */
export const SESSION_IDLE_MS = 2 * 60 * 60 * 1000;
const TOUCH_EVERY_MS = 60 * 1000;

export const hashToken = (token: string) => createHash('sha256').update(token).digest('hex');
export const newToken = () => randomBytes(32).toString('base64url');

const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);

function sameToken(a: string, b: string): boolean {
  const ab = Buffer.from(a);
  const bb = Buffer.from(b);
  return ab.length === bb.length && timingSafeEqual(ab, bb);
}

/**
 * Resolves the signed-in actor from the session cookie on every request, then enforces each
 * route's declared access and, for state-changing requests, the CSRF token (synchronizer pattern:
 * the token lives in the session and must come back in the X-CSRF-Token header).
 */
export function registerAuth(app: FastifyInstance): void {
  app.decorateRequest('actor', null);
  app.decorateRequest('sessionTokenHash', null);
  app.decorateRequest('sessionCsrfToken', null);

  // onRequest, before body validation: an anonymous or unauthorized caller learns nothing from a
  // route, not even what its body should look like.
  app.addHook('onRequest', async (request: FastifyRequest) => {
    const access = request.routeOptions.config.access;
    if (access === undefined) return; // 404 handler and static files
    const token = request.cookies[SESSION_COOKIE];
    if (token) {
      const { db, now } = app.services;
      const tokenHash = hashToken(token);
      const at = now();
      const session = await findSessionUser(db, tokenHash, at);
      if (session) {
        request.actor = session.actor;
        request.sessionTokenHash = tokenHash;
        request.sessionCsrfToken = session.csrfToken;
        if (at.getTime() - session.lastSeenAt.getTime() > TOUCH_EVERY_MS) {
          await touchSession(db, tokenHash, at, new Date(at.getTime() + SESSION_IDLE_MS));
        }
      }
    }
    if (access === 'public') return;
    if (!request.actor) throw unauthenticated();
    if (!SAFE_METHODS.has(request.method)) {
      const sent = request.headers['x-csrf-token'];
      if (
        typeof sent !== 'string' ||
        !request.sessionCsrfToken ||
        !sameToken(sent, request.sessionCsrfToken)
      ) {
        throw new ProblemError(403, 'csrf_failed', 'Forbidden', {
          detail: 'Missing or wrong X-CSRF-Token header. Reload the page and try again.',
        });
      }
    }
    if (access !== 'signed_in' && !hasPermission(request.actor, access)) throw forbidden();
  });
}

/** The request's actor and id, for services. Only callable on routes that require sign-in. */
export function contextOf(request: FastifyRequest): RequestContext {
  if (!request.actor) throw unauthenticated();
  return { actor: request.actor, requestId: request.id };
}

export function setSessionCookie(reply: FastifyReply, token: string, secure: boolean): void {
  reply.setCookie(SESSION_COOKIE, token, {
    httpOnly: true,
    sameSite: 'lax',
    secure,
    path: '/',
    maxAge: Math.floor(SESSION_IDLE_MS / 1000) * 12,
  });
}

export function clearSessionCookie(reply: FastifyReply, secure: boolean): void {
  reply.clearCookie(SESSION_COOKIE, { path: '/', httpOnly: true, sameSite: 'lax', secure });
}
