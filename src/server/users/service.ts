import type { z } from 'zod';
import type { Database } from '../../db/connection.js';
import {
  assignableRoles,
  canManageOrganization,
  canReadUsersOf,
  hasPermission,
} from '../../domain/access/policy.js';
import type { Role } from '../../domain/access/roles.js';
import { renameLocalSubject, setLocalPassword } from '../../db/repositories/credentials.js';
import { findOrganization } from '../../db/repositories/organizations.js';
import { deleteSessionsOfUser } from '../../db/repositories/sessions.js';
import { findUser, findUserByEmail, insertUser, listUsers, updateUser } from '../../db/repositories/users.js';
import { audit } from '../audit/record.js';
import { hashPassword } from '../auth/passwords.js';
import type { RequestContext } from '../http/context.js';
import { conflict, forbidden, invalid, notFound } from '../http/problem.js';
import type { User, userCreateBody, userUpdateBody } from './schemas.js';

type UserWithOrg = NonNullable<Awaited<ReturnType<typeof findUser>>>;

function toUser(row: UserWithOrg): User {
  const u = row.user;
  return {
    id: u.id,
    organizationId: u.organizationId,
    organizationName: row.organizationName,
    organizationKind: row.organizationKind,
    email: u.email,
    displayName: u.displayName,
    roles: u.roles as Role[],
    locale: u.locale === 'fr' ? 'fr' : 'en',
    active: u.active,
    lastSignInAt: u.lastSignInAt?.toISOString() ?? null,
    createdAt: u.createdAt.toISOString(),
  };
}

async function organizationOf(db: Database, ctx: RequestContext, organizationId: string, field: string) {
  const org = await findOrganization(db, organizationId);
  if (!org || org.organization.catchmentId !== ctx.actor.catchmentId)
    throw invalid(field, 'No such organization in your catchment.');
  return org.organization;
}

function checkRoles(ctx: RequestContext, roles: Role[], kind: Parameters<typeof assignableRoles>[1]) {
  const allowed = assignableRoles(ctx.actor, kind);
  const refused = roles.filter((r) => !allowed.includes(r));
  if (refused.length) {
    throw invalid(
      'body.roles',
      `These roles cannot be given to a user of this organization by you: ${refused.join(', ')}`,
    );
  }
}

export async function listUsersFor(
  db: Database,
  ctx: RequestContext,
  organizationId: string | undefined,
): Promise<User[]> {
  // Without a filter, SSM admins see the whole catchment and others their own organization.
  const target =
    organizationId ?? (ctx.actor.roles.includes('ssm_admin') ? undefined : ctx.actor.organizationId);
  if (target) {
    const org = await findOrganization(db, target);
    if (!org || !canReadUsersOf(ctx.actor, org.organization)) throw forbidden();
  }
  const rows = await listUsers(db, { catchmentId: ctx.actor.catchmentId, organizationId: target });
  return rows.map(toUser);
}

async function readableUser(db: Database, ctx: RequestContext, userId: string): Promise<UserWithOrg> {
  const row = await findUser(db, userId);
  if (!row || !canReadUsersOf(ctx.actor, { id: row.user.organizationId, catchmentId: row.catchmentId })) {
    throw notFound('User');
  }
  return row;
}

export async function getUser(db: Database, ctx: RequestContext, userId: string): Promise<User> {
  return toUser(await readableUser(db, ctx, userId));
}

export async function createUser(
  db: Database,
  ctx: RequestContext,
  input: z.infer<typeof userCreateBody>,
): Promise<User> {
  const org = await organizationOf(db, ctx, input.organizationId, 'body.organizationId');
  if (!canManageOrganization(ctx.actor, 'user.manage', org)) throw forbidden();
  checkRoles(ctx, input.roles, org.kind);
  if (await findUserByEmail(db, input.email))
    throw conflict('email_taken', 'A user with this email already exists.');
  const passwordHash = await hashPassword(input.password);
  const id = await db.transaction(async (tx) => {
    const user = await insertUser(tx, {
      organizationId: org.id,
      email: input.email,
      displayName: input.displayName,
      roles: input.roles,
      locale: input.locale,
    });
    await setLocalPassword(tx, user.id, user.email, passwordHash);
    await audit(tx, ctx, 'create', 'user', user.id);
    return user.id;
  });
  return getUser(db, ctx, id);
}

export async function changeUser(
  db: Database,
  ctx: RequestContext,
  userId: string,
  input: z.infer<typeof userUpdateBody>,
): Promise<User> {
  const existing = await readableUser(db, ctx, userId);
  if (
    !canManageOrganization(ctx.actor, 'user.manage', {
      id: existing.user.organizationId,
      catchmentId: existing.catchmentId,
    })
  ) {
    throw forbidden();
  }
  if (input.roles) checkRoles(ctx, input.roles, existing.organizationKind);
  if (
    userId === ctx.actor.userId &&
    // Deactivating oneself, or dropping the role that lets one manage users, locks the door behind one.
    (input.active === false || (input.roles && !hasPermission({ roles: input.roles }, 'user.manage')))
  ) {
    throw invalid(
      input.active === false ? 'body.active' : 'body.roles',
      'You cannot lock yourself out of your own account.',
    );
  }
  if (input.email && input.email !== existing.user.email) {
    const taken = await findUserByEmail(db, input.email);
    if (taken) throw conflict('email_taken', 'A user with this email already exists.');
  }
  const passwordHash = input.password ? await hashPassword(input.password) : null;
  await db.transaction(async (tx) => {
    const { password: _password, ...fields } = input;
    const user = await updateUser(tx, userId, fields);
    if (input.email) await renameLocalSubject(tx, userId, user.email);
    if (passwordHash) await setLocalPassword(tx, userId, user.email, passwordHash);
    // A deactivated user or a reset password must not leave a live session behind.
    if (input.active === false || passwordHash || input.roles) await deleteSessionsOfUser(tx, userId);
    await audit(tx, ctx, 'update', 'user', userId);
  });
  return getUser(db, ctx, userId);
}
