import { eq } from 'drizzle-orm';
import type { LightMyRequestResponse } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { userCredentials } from '../../src/db/schema.js';
import { errorFields, me, signIn, signInAs, syntheticPassword, uniqueEmail } from '../support/auth.js';
import { createWorld, type Session, type World } from '../support/world.js';

/**
 * Staff accounts: who may create and change them, which roles fit which organization, and that a
 * password (or its hash) never leaves the server.
 */
let world: World;
/** Every response of this file, to check at the end that none carries a password or its hash. */
const responses: LightMyRequestResponse[] = [];

beforeAll(async () => {
  world = await createWorld();
});
afterAll(() => world?.close());

interface User {
  id: string;
  organizationId: string;
  organizationName: string;
  organizationKind: string;
  email: string;
  displayName: string;
  roles: string[];
  locale: string;
  active: boolean;
  lastSignInAt: string | null;
  createdAt: string;
}

async function call(session: Session, options: Parameters<World['request']>[1]) {
  const res = await world.request(session, options);
  responses.push(res);
  return res;
}

function create(session: Session, body: Record<string, unknown>) {
  return call(session, {
    method: 'POST',
    url: '/api/users',
    payload: {
      email: uniqueEmail('user'),
      displayName: 'New Staff Member',
      password: syntheticPassword(),
      ...body,
    },
  });
}

function change(session: Session, userId: string, body: Record<string, unknown>) {
  return call(session, { method: 'PATCH', url: `/api/users/${userId}`, payload: body });
}

const items = (res: LightMyRequestResponse) => (res.json() as { items: User[] }).items;
const code = (res: LightMyRequestResponse) => (res.json() as { code: string }).code;

describe('creating users', () => {
  it('an SSM admin creates users for every organization of the catchment, with roles of its kind', async () => {
    const cases = [
      { organizationId: world.a.ssm, roles: ['ssm_intake', 'ssm_qa'], kind: 'ssm', name: 'SSM A' },
      {
        organizationId: world.a.provider1,
        roles: ['provider_caseworker'],
        kind: 'provider',
        name: 'Provider One',
      },
      {
        organizationId: world.a.provider2,
        roles: ['provider_admin', 'provider_lead'],
        kind: 'provider',
        name: 'Provider Two',
      },
      { organizationId: world.a.saOffice, roles: ['sa_caseworker'], kind: 'sa_office', name: 'OW Office A' },
      { organizationId: world.a.ministry, roles: ['ministry_viewer'], kind: 'ministry', name: 'Ministry' },
    ];
    for (const c of cases) {
      const email = uniqueEmail('created');
      const res = await create(world.as.ssm_admin, {
        organizationId: c.organizationId,
        roles: c.roles,
        email,
        displayName: '  Pat Example  ',
      });
      expect(res.statusCode, res.body).toBe(201);
      const user = res.json() as User;
      expect(user).toMatchObject({
        organizationId: c.organizationId,
        organizationName: c.name,
        organizationKind: c.kind,
        email,
        displayName: 'Pat Example',
        roles: c.roles,
        locale: 'en',
        active: true,
        lastSignInAt: null,
      });
      const read = await call(world.as.ssm_admin, { method: 'GET', url: `/api/users/${user.id}` });
      expect(read.json()).toEqual(user);
    }
  });

  it('the new user can sign in with the given password; lastSignInAt is then recorded', async () => {
    const password = syntheticPassword();
    const email = uniqueEmail('signs-in');
    const res = await create(world.as.ssm_admin, {
      organizationId: world.a.provider1,
      roles: ['provider_caseworker'],
      email,
      password,
      locale: 'fr',
    });
    expect(res.statusCode).toBe(201);
    const user = res.json() as User;
    expect(user.locale).toBe('fr');
    const signedIn = await signIn(world, email, password);
    expect(signedIn.statusCode).toBe(200);
    const read = (
      await call(world.as.ssm_admin, { method: 'GET', url: `/api/users/${user.id}` })
    ).json() as User;
    expect(read.lastSignInAt).not.toBeNull();
    expect(Date.parse(read.lastSignInAt!)).toBeGreaterThan(Date.now() - 60_000);
  });

  it('an SSM admin cannot create users in another catchment (400 body.organizationId)', async () => {
    const res = await create(world.as.ssm_admin, {
      organizationId: world.b.provider,
      roles: ['provider_caseworker'],
    });
    expect(res.statusCode).toBe(400);
    expect(errorFields(res)).toEqual(['body.organizationId']);
    const none = await create(world.as.ssm_admin, {
      organizationId: '00000000-0000-4000-8000-000000000000',
      roles: ['provider_caseworker'],
    });
    expect(none.statusCode).toBe(400);
    expect(errorFields(none)).toEqual(['body.organizationId']);
  });

  it('roles must fit the organization kind (400 body.roles)', async () => {
    const misfits: [string, string[]][] = [
      [world.a.provider1, ['ssm_intake']],
      [world.a.provider1, ['provider_caseworker', 'sa_caseworker']],
      [world.a.saOffice, ['provider_caseworker']],
      [world.a.ssm, ['ministry_viewer']],
      [world.a.ministry, ['ssm_admin']],
    ];
    for (const [organizationId, roles] of misfits) {
      const email = uniqueEmail('misfit');
      const res = await create(world.as.ssm_admin, { organizationId, roles, email });
      expect(res.statusCode, `${roles.join('+')}`).toBe(400);
      expect(errorFields(res)).toEqual(['body.roles']);
      const list = items(await call(world.as.ssm_admin, { method: 'GET', url: '/api/users' }));
      expect(list.map((u) => u.email)).not.toContain(email);
    }
  });

  it('roles: at least one, each once, from the known list (400 body.roles)', async () => {
    expect(
      errorFields(await create(world.as.ssm_admin, { organizationId: world.a.provider1, roles: [] })),
    ).toEqual(['body.roles']);
    expect(
      errorFields(
        await create(world.as.ssm_admin, {
          organizationId: world.a.provider1,
          roles: ['provider_lead', 'provider_lead'],
        }),
      ),
    ).toEqual(['body.roles']);
    const unknown = await create(world.as.ssm_admin, {
      organizationId: world.a.provider1,
      roles: ['superuser'],
    });
    expect(unknown.statusCode).toBe(400);
    expect(errorFields(unknown)[0]).toMatch(/^body\.roles/);
  });

  it('an initial password shorter than 12 characters is refused (400 body.password)', async () => {
    const res = await create(world.as.ssm_admin, {
      organizationId: world.a.provider1,
      roles: ['provider_lead'],
      password: 'short-pw',
    });
    expect(res.statusCode).toBe(400);
    expect(errorFields(res)).toEqual(['body.password']);
  });

  it('a provider admin creates provider roles in their own organization only', async () => {
    const lead = await create(world.as.provider_admin, {
      organizationId: world.a.provider1,
      roles: ['provider_lead', 'provider_admin'],
    });
    expect(lead.statusCode, lead.body).toBe(201);
    expect((lead.json() as User).organizationId).toBe(world.a.provider1);

    const ssmRole = await create(world.as.provider_admin, {
      organizationId: world.a.provider1,
      roles: ['ssm_intake'],
    });
    expect(ssmRole.statusCode).toBe(400);
    expect(errorFields(ssmRole)).toEqual(['body.roles']);

    const otherProvider = await create(world.as.provider_admin, {
      organizationId: world.a.provider2,
      roles: ['provider_caseworker'],
    });
    expect(otherProvider.statusCode).toBe(403);
    expect(code(otherProvider)).toBe('forbidden');
    const saOffice = await create(world.as.provider_admin, {
      organizationId: world.a.saOffice,
      roles: ['sa_caseworker'],
    });
    expect(saOffice.statusCode).toBe(403);
    const ssm = await create(world.as.provider_admin, { organizationId: world.a.ssm, roles: ['ssm_admin'] });
    expect(ssm.statusCode).toBe(403);
    const otherCatchment = await create(world.as.provider_admin, {
      organizationId: world.b.provider,
      roles: ['provider_caseworker'],
    });
    expect(otherCatchment.statusCode).toBe(400);
    expect(errorFields(otherCatchment)).toEqual(['body.organizationId']);

    const provider2 = items(
      await call(world.as.ssm_admin, {
        method: 'GET',
        url: '/api/users',
        query: { organizationId: world.a.provider2 },
      }),
    );
    expect(provider2.filter((u) => u.displayName === 'New Staff Member')).toEqual([]);
  });

  it('a provider admin cannot change users of another organization (404, as if absent)', async () => {
    const res = await change(world.as.provider_admin, world.provider2Caseworker.userId, { active: false });
    expect(res.statusCode).toBe(404);
    expect((await me(world, world.provider2Caseworker)).statusCode).toBe(200);
  });

  it('a duplicate email is 409 email_taken, whatever its letter case', async () => {
    const email = uniqueEmail('dup');
    expect(
      (
        await create(world.as.ssm_admin, {
          organizationId: world.a.provider1,
          roles: ['provider_lead'],
          email,
        })
      ).statusCode,
    ).toBe(201);
    const again = await create(world.as.ssm_admin, {
      organizationId: world.a.provider2,
      roles: ['provider_lead'],
      email,
    });
    expect(again.statusCode).toBe(409);
    expect(again.headers['content-type']).toMatch(/application\/problem\+json/);
    expect(code(again)).toBe('email_taken');
    const upper = await create(world.as.ssm_admin, {
      organizationId: world.a.provider2,
      roles: ['provider_lead'],
      email: email.toUpperCase(),
    });
    expect(upper.statusCode).toBe(409);
    expect(code(upper)).toBe('email_taken');
    const list = items(await call(world.as.ssm_admin, { method: 'GET', url: '/api/users' }));
    expect(list.filter((u) => u.email === email)).toHaveLength(1);
  });

  it('changing an email to one already taken is 409 email_taken', async () => {
    const a = (
      await create(world.as.ssm_admin, { organizationId: world.a.provider1, roles: ['provider_lead'] })
    ).json() as User;
    const b = (
      await create(world.as.ssm_admin, { organizationId: world.a.provider1, roles: ['provider_lead'] })
    ).json() as User;
    const res = await change(world.as.ssm_admin, b.id, { email: a.email });
    expect(res.statusCode).toBe(409);
    expect(code(res)).toBe('email_taken');
    const read = (
      await call(world.as.ssm_admin, { method: 'GET', url: `/api/users/${b.id}` })
    ).json() as User;
    expect(read.email).toBe(b.email);
  });
});

describe('changing users', () => {
  it('an SSM admin changes display name and roles; a role change ends the user’s sessions', async () => {
    const password = syntheticPassword();
    const created = (
      await create(world.as.ssm_admin, {
        organizationId: world.a.provider1,
        roles: ['provider_caseworker'],
        password,
      })
    ).json() as User;
    const session = await signInAs(world, { email: created.email, password });
    const res = await change(world.as.ssm_admin, created.id, {
      displayName: 'Renamed Person',
      roles: ['provider_lead'],
    });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json()).toMatchObject({
      id: created.id,
      displayName: 'Renamed Person',
      roles: ['provider_lead'],
    });
    expect((await me(world, session)).statusCode).toBe(401);
    const fresh = await signIn(world, created.email, password);
    expect((fresh.json() as { user: { roles: string[] } }).user.roles).toEqual(['provider_lead']);
  });

  it('a changed email becomes the sign-in name', async () => {
    const password = syntheticPassword();
    const created = (
      await create(world.as.ssm_admin, {
        organizationId: world.a.provider1,
        roles: ['provider_caseworker'],
        password,
      })
    ).json() as User;
    const email = uniqueEmail('renamed');
    const res = await change(world.as.ssm_admin, created.id, { email: email.toUpperCase() });
    expect(res.statusCode).toBe(200);
    expect((res.json() as User).email).toBe(email);
    expect((await signIn(world, email, password)).statusCode).toBe(200);
    expect((await signIn(world, created.email, password)).statusCode).toBe(401);
  });

  it('an admin password reset replaces the password and ends the user’s sessions', async () => {
    const password = syntheticPassword();
    const created = (
      await create(world.as.ssm_admin, {
        organizationId: world.a.provider1,
        roles: ['provider_caseworker'],
        password,
      })
    ).json() as User;
    const session = await signInAs(world, { email: created.email, password });
    const reset = syntheticPassword('reset');
    const res = await change(world.as.provider_admin, created.id, { password: reset });
    expect(res.statusCode).toBe(200);
    expect((await me(world, session)).statusCode).toBe(401);
    expect((await signIn(world, created.email, password)).statusCode).toBe(401);
    expect((await signIn(world, created.email, reset)).statusCode).toBe(200);
  });

  it('an admin cannot deactivate themselves (400 body.active), nor take away all their own roles', async () => {
    for (const admin of [world.as.ssm_admin, world.as.provider_admin]) {
      const res = await change(admin, admin.userId, { active: false });
      expect(res.statusCode).toBe(400);
      expect(errorFields(res)).toEqual(['body.active']);
      expect((await me(world, admin)).statusCode).toBe(200);
    }
    const demote = await change(world.as.ssm_admin, world.as.ssm_admin.userId, { roles: ['ssm_intake'] });
    expect(demote.statusCode).toBe(400);
    expect(errorFields(demote)).toEqual(['body.roles']);
    const self = (
      await call(world.as.ssm_admin, { method: 'GET', url: `/api/users/${world.as.ssm_admin.userId}` })
    ).json() as User;
    expect(self).toMatchObject({ active: true, roles: ['ssm_admin'] });
  });

  it('an admin may deactivate another admin of the same organization', async () => {
    const other = (
      await create(world.as.ssm_admin, { organizationId: world.a.ssm, roles: ['ssm_admin'] })
    ).json() as User;
    const res = await change(world.as.ssm_admin, other.id, { active: false });
    expect(res.statusCode).toBe(200);
    expect((res.json() as User).active).toBe(false);
  });

  it('an empty change is refused (400)', async () => {
    const res = await change(world.as.ssm_admin, world.as.provider_caseworker.userId, {});
    expect(res.statusCode).toBe(400);
  });
});

describe('reading users', () => {
  it('a provider lead reads their own organization’s users but no other organization’s', async () => {
    const lead = world.as.provider_lead;
    const own = await call(lead, { method: 'GET', url: '/api/users' });
    expect(own.statusCode).toBe(200);
    const list = items(own);
    expect(list.map((u) => u.id)).toEqual(
      expect.arrayContaining([
        lead.userId,
        world.as.provider_caseworker.userId,
        world.as.provider_admin.userId,
      ]),
    );
    expect(list.every((u) => u.organizationId === world.a.provider1)).toBe(true);
    const filtered = await call(lead, {
      method: 'GET',
      url: '/api/users',
      query: { organizationId: world.a.provider1 },
    });
    expect(
      items(filtered)
        .map((u) => u.id)
        .sort(),
    ).toEqual(list.map((u) => u.id).sort());
    const other = await call(lead, {
      method: 'GET',
      url: '/api/users',
      query: { organizationId: world.a.provider2 },
    });
    expect(other.statusCode).toBe(403);
    const one = await call(lead, { method: 'GET', url: `/api/users/${world.as.provider_caseworker.userId}` });
    expect(one.statusCode).toBe(200);
    const foreign = await call(lead, {
      method: 'GET',
      url: `/api/users/${world.provider2Caseworker.userId}`,
    });
    expect(foreign.statusCode).toBe(404);
  });

  it('a provider lead cannot manage users, not even in their own organization (403)', async () => {
    const lead = world.as.provider_lead;
    const created = await create(lead, { organizationId: world.a.provider1, roles: ['provider_caseworker'] });
    expect(created.statusCode).toBe(403);
    const changed = await change(lead, world.as.provider_caseworker.userId, {
      displayName: 'Changed by lead',
    });
    expect(changed.statusCode).toBe(403);
    const read = (
      await call(world.as.ssm_admin, {
        method: 'GET',
        url: `/api/users/${world.as.provider_caseworker.userId}`,
      })
    ).json() as User;
    expect(read.displayName).not.toBe('Changed by lead');
  });

  it('caseworkers, SSM staff other than the admin, and ministry viewers cannot list users (403)', async () => {
    for (const role of [
      'provider_caseworker',
      'sa_caseworker',
      'ssm_intake',
      'ssm_manager',
      'ministry_viewer',
    ] as const) {
      const res = await call(world.as[role], { method: 'GET', url: '/api/users' });
      expect(res.statusCode, role).toBe(403);
    }
  });

  it('an SSM admin lists the whole catchment, or one organization with the filter', async () => {
    const all = items(await call(world.as.ssm_admin, { method: 'GET', url: '/api/users' }));
    const orgs = new Set(all.map((u) => u.organizationId));
    for (const id of [
      world.a.ssm,
      world.a.provider1,
      world.a.provider2,
      world.a.saOffice,
      world.a.ministry,
    ]) {
      expect(orgs.has(id), id).toBe(true);
    }
    expect(all.map((u) => u.id)).not.toContain(world.bSessions.provider_caseworker.userId);

    const sa = await call(world.as.ssm_admin, {
      method: 'GET',
      url: '/api/users',
      query: { organizationId: world.a.saOffice },
    });
    expect(sa.statusCode).toBe(200);
    const saUsers = items(sa);
    expect(saUsers.length).toBeGreaterThanOrEqual(3);
    expect(
      saUsers.every((u) => u.organizationId === world.a.saOffice && u.organizationKind === 'sa_office'),
    ).toBe(true);
    expect(saUsers.map((u) => u.id)).toEqual(
      expect.arrayContaining([world.as.sa_caseworker.userId, world.otherSaCaseworker.userId]),
    );

    const other = await call(world.as.ssm_admin, {
      method: 'GET',
      url: '/api/users',
      query: { organizationId: world.b.provider },
    });
    expect(other.statusCode).toBe(403);
    const bad = await call(world.as.ssm_admin, {
      method: 'GET',
      url: '/api/users',
      query: { organizationId: 'provider1' },
    });
    expect(bad.statusCode).toBe(400);
    expect(errorFields(bad)).toEqual(['query.organizationId']);
  });
});

describe('passwords never leave the server', () => {
  it('no response of this file carries a password or a password hash', async () => {
    const password = syntheticPassword('leak-check');
    const created = await create(world.as.ssm_admin, {
      organizationId: world.a.provider1,
      roles: ['provider_lead'],
      password,
    });
    expect(created.statusCode).toBe(201);
    const id = (created.json() as User).id;
    await change(world.as.ssm_admin, id, { password: syntheticPassword('leak-check-2') });
    await call(world.as.ssm_admin, { method: 'GET', url: `/api/users/${id}` });
    await call(world.as.provider_lead, { method: 'GET', url: '/api/users' });

    // The hash exists in the database, so there is something that could leak.
    const [credential] = await world.db.select().from(userCredentials).where(eq(userCredentials.userId, id));
    expect(credential!.passwordHash).toMatch(/^\$argon2id\$/);

    expect(responses.length).toBeGreaterThan(50);
    const leaks = responses.filter(
      (r) =>
        /\$argon2/.test(r.body) ||
        r.body.includes(credential!.passwordHash!) ||
        r.body.includes(password) ||
        /"(password|passwordHash|password_hash)"\s*:/.test(r.body),
    );
    expect(leaks.map((r) => r.body)).toEqual([]);
  });
});
