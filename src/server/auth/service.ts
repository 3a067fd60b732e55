import type { Database } from '../../db/connection.js';
import { afterFailedAttempt, isLocked } from '../../domain/access/lockout.js';
import { permissionsOf } from '../../domain/access/policy.js';
import type { Role } from '../../domain/access/roles.js';
import { appendAudit } from '../../db/repositories/audit.js';
import {
  findLocalCredential,
  recordFailedAttempt,
  resetFailedAttempts,
  setLocalPassword,
} from '../../db/repositories/credentials.js';
import {
  createSession,
  deleteSession,
  deleteSessionsOfUser,
  findSessionUser,
} from '../../db/repositories/sessions.js';
import { findUser, updateUser } from '../../db/repositories/users.js';
import { ProblemError, unauthenticated } from '../http/problem.js';
import type { RequestContext } from '../http/context.js';
import { hashToken, newToken, SESSION_IDLE_MS } from './plugin.js';
import { burnVerification, hashPassword, verifyPassword } from './passwords.js';
import type { Me } from './schemas.js';

const badCredentials = () =>
  new ProblemError(401, 'invalid_credentials', 'Sign-in failed', {
    detail: 'The email or password is not right.',
  });

export async function signIn(
  db: Database,
  input: { email: string; password: string; requestId: string; now: Date },
): Promise<{ token: string }> {
  const email = input.email.trim().toLowerCase();
  const found = await findLocalCredential(db, email);
  // A deactivated user or organization is refused exactly like a wrong password, before any session.
  if (!found || !found.userActive || !found.organizationActive || !found.credential.passwordHash) {
    await burnVerification(input.password);
    throw badCredentials();
  }
  const { credential } = found;
  if (isLocked(credential.lockedUntil, input.now)) {
    throw new ProblemError(401, 'account_locked', 'Account locked', {
      detail: `Too many failed sign-ins. Try again after ${credential.lockedUntil!.toISOString()}.`,
    });
  }
  if (!(await verifyPassword(credential.passwordHash!, input.password))) {
    const next = afterFailedAttempt(credential.failedAttempts, input.now);
    await db.transaction(async (tx) => {
      await recordFailedAttempt(tx, credential.id, next.failedAttempts, next.lockedUntil);
      await appendAudit(tx, [
        {
          actorUserId: credential.userId,
          actorOrganizationId: null,
          action: 'sign_in_failed',
          entityType: 'user',
          entityId: credential.userId,
          requestId: input.requestId,
        },
      ]);
    });
    throw badCredentials();
  }
  const token = newToken();
  await db.transaction(async (tx) => {
    await resetFailedAttempts(tx, credential.id);
    await createSession(tx, {
      tokenHash: hashToken(token),
      userId: credential.userId,
      csrfToken: newToken(),
      expiresAt: new Date(input.now.getTime() + SESSION_IDLE_MS),
    });
    const user = await updateUser(tx, credential.userId, { lastSignInAt: input.now });
    await appendAudit(tx, [
      {
        actorUserId: user.id,
        actorOrganizationId: user.organizationId,
        action: 'sign_in',
        entityType: 'user',
        entityId: user.id,
        requestId: input.requestId,
      },
    ]);
  });
  return { token };
}

export async function signOut(db: Database, ctx: RequestContext, tokenHash: string): Promise<void> {
  await db.transaction(async (tx) => {
    await deleteSession(tx, tokenHash);
    await appendAudit(tx, [
      {
        actorUserId: ctx.actor.userId,
        actorOrganizationId: ctx.actor.organizationId,
        action: 'sign_out',
        entityType: 'user',
        entityId: ctx.actor.userId,
        requestId: ctx.requestId,
      },
    ]);
  });
}

export async function me(db: Database, tokenHash: string, now: Date): Promise<Me> {
  const session = await findSessionUser(db, tokenHash, now);
  if (!session) throw unauthenticated();
  return {
    user: {
      id: session.actor.userId,
      email: session.email,
      displayName: session.displayName,
      roles: session.actor.roles as Role[],
      locale: session.locale === 'fr' ? 'fr' : 'en',
    },
    organization: {
      id: session.actor.organizationId,
      name: session.organizationName,
      kind: session.actor.organizationKind,
    },
    permissions: permissionsOf(session.actor),
    csrfToken: session.csrfToken,
  };
}

export async function setLocale(db: Database, ctx: RequestContext, locale: 'en' | 'fr'): Promise<void> {
  await updateUser(db, ctx.actor.userId, { locale });
}

/** Changing one's password ends every session of that user, this one included: sign in again. */
export async function changePassword(
  db: Database,
  ctx: RequestContext,
  input: { currentPassword: string; newPassword: string },
): Promise<void> {
  const found = await findUser(db, ctx.actor.userId);
  if (!found) throw unauthenticated();
  const credential = await findLocalCredential(db, found.user.email);
  if (
    !credential?.credential.passwordHash ||
    !(await verifyPassword(credential.credential.passwordHash, input.currentPassword))
  ) {
    throw new ProblemError(400, 'validation_failed', 'Invalid request', {
      detail: 'The current password is not right.',
      errors: [{ field: 'body.currentPassword', message: 'The current password is not right.' }],
    });
  }
  const hash = await hashPassword(input.newPassword);
  await db.transaction(async (tx) => {
    await setLocalPassword(tx, found.user.id, found.user.email, hash);
    await deleteSessionsOfUser(tx, found.user.id);
    await appendAudit(tx, [
      {
        actorUserId: ctx.actor.userId,
        actorOrganizationId: ctx.actor.organizationId,
        action: 'update',
        entityType: 'user_credential',
        entityId: ctx.actor.userId,
        requestId: ctx.requestId,
      },
    ]);
  });
}
