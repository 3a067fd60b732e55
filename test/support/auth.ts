import { randomBytes } from 'node:crypto';
import type { LightMyRequestResponse } from 'fastify';
import type { Role } from '../../src/domain/access/roles.js';
import { SESSION_COOKIE } from '../../src/server/auth/plugin.js';
import type { Session, World } from './world.js';

/**
 * Helpers for tests that sign in for real: staff accounts created through the API with a password,
 * and sessions taken from the sign-in response (cookie + CSRF token) rather than planted in the DB.
 */

let counter = 0;

/** A synthetic password for tests; never a real person's. */
export function syntheticPassword(label = 'pw'): string {
  return `synthetic-${label}-${randomBytes(6).toString('hex')}`;
}

/** A fresh email address no other test uses. */
export function uniqueEmail(label = 'staff'): string {
  counter++;
  return `${label}-${counter}-${randomBytes(3).toString('hex')}@auth.test.example`;
}

/**
 * A distinct client address (sent as X-Forwarded-For; the app trusts its proxy), so each test gets
 * its own sign-in rate-limit bucket and tests do not throttle one another.
 */
export function nextIp(): string {
  counter++;
  return `10.${(counter >> 16) & 255}.${(counter >> 8) & 255}.${counter & 255}`;
}

export interface Staff {
  id: string;
  email: string;
  password: string;
  organizationId: string;
}

/** Creates a staff account with a password through POST /api/users, as `admin`. */
export async function createStaff(
  world: World,
  admin: Session,
  input: { organizationId: string; roles: Role[]; email?: string; password?: string; displayName?: string },
): Promise<Staff> {
  const email = input.email ?? uniqueEmail(input.roles[0]);
  const password = input.password ?? syntheticPassword();
  const res = await world.request(admin, {
    method: 'POST',
    url: '/api/users',
    payload: {
      organizationId: input.organizationId,
      email,
      displayName: input.displayName ?? `Staff ${email.split('@')[0]}`,
      roles: input.roles,
      password,
    },
  });
  if (res.statusCode !== 201) throw new Error(`user create failed: ${res.statusCode} ${res.body}`);
  const body = res.json() as { id: string; email: string };
  return { id: body.id, email: body.email, password, organizationId: input.organizationId };
}

/** POST /api/auth/sign-in from the given (or a fresh) client address. */
export function signIn(
  world: World,
  email: string,
  password: string,
  ip = nextIp(),
): Promise<LightMyRequestResponse> {
  return world.app.inject({
    method: 'POST',
    url: '/api/auth/sign-in',
    headers: { 'x-forwarded-for': ip },
    payload: { email, password },
  });
}

/** The session a successful sign-in response carries: its cookie and the CSRF token from its body. */
export function sessionFrom(res: LightMyRequestResponse): Session {
  const cookie = res.cookies.find((c) => c.name === SESSION_COOKIE);
  if (res.statusCode !== 200 || !cookie?.value)
    throw new Error(`sign-in failed: ${res.statusCode} ${res.body}`);
  const body = res.json() as { csrfToken: string; user: { id: string }; organization: { id: string } };
  return {
    cookie: `${SESSION_COOKIE}=${cookie.value}`,
    csrf: body.csrfToken,
    userId: body.user.id,
    organizationId: body.organization.id,
  };
}

/** Signs in and returns the session; throws when sign-in does not succeed. */
export async function signInAs(world: World, staff: Pick<Staff, 'email' | 'password'>): Promise<Session> {
  return sessionFrom(await signIn(world, staff.email, staff.password));
}

/** GET /api/auth/me with only the session cookie. */
export function me(world: World, session: Session): Promise<LightMyRequestResponse> {
  return world.app.inject({ method: 'GET', url: '/api/auth/me', headers: { cookie: session.cookie } });
}

/** Field names of a problem+json response's `errors`. */
export function errorFields(res: LightMyRequestResponse): string[] {
  const body = res.json() as { errors?: { field: string }[] };
  return (body.errors ?? []).map((e) => e.field);
}
