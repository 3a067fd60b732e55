import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createWorld, SINS, type World } from '../support/world.js';

let world: World;

/** Every row of every table of the application's schema, as text: what a stolen database would show. */
async function dumpDatabase(): Promise<string> {
  const tables = (await world.db.execute(
    sql`select table_name from information_schema.tables where table_schema = 'public' and table_type = 'BASE TABLE'`,
  )) as unknown as { rows: { table_name: string }[] };
  expect(tables.rows.length).toBeGreaterThan(10);
  const parts: string[] = [];
  for (const { table_name } of tables.rows) {
    const dump = (await world.db.execute(
      sql`select row_to_json(t)::text as row from ${sql.identifier(table_name)} t`,
    )) as unknown as { rows: { row: string }[] };
    parts.push(...dump.rows.map((r) => r.row));
  }
  return parts.join('\n');
}
beforeAll(async () => {
  world = await createWorld();
});
afterAll(() => world?.close());

const base = {
  legalGivenName: 'Amara',
  legalFamilyName: 'Okafor',
  dateOfBirth: '1991-04-12',
  phone: '519-555-0142',
  email: 'amara.okafor@example.com',
  address: { street: '12 Riverside Dr', city: 'Windsor', postalCode: 'N9A 5K4' },
  preferredContactMethod: 'text',
  specializedPopulations: { newcomer: 'yes', indigenous: 'prefer_not_to_say' },
};

interface ClientBody {
  id: string;
  reference: string;
  sinMasked: string | null;
  sinTemporary: boolean;
  address: { street: string; isProviderAddress: boolean } | null;
  specializedPopulations: Record<string, string>;
  sharedWith: { organizationId: string }[];
  socialAssistance: { program: string; samsMemberId: string; officeName: string | null } | null;
}

describe('clients (people)', () => {
  let clientId: string;

  it('E2: creates a client with a valid SIN, shown masked to the last three digits', async () => {
    const res = await world.request(world.as.provider_caseworker, {
      method: 'POST',
      url: '/api/clients',
      payload: { ...base, sin: '130 692 544' },
    });
    expect(res.statusCode).toBe(201);
    const body = res.json() as ClientBody;
    clientId = body.id;
    expect(body.reference).toMatch(/^PW-\d{7}$/);
    expect(body.sinMasked).toBe('***-***-544');
    expect(res.body).not.toContain(SINS.a);
    expect(body.sinTemporary).toBe(false);
    expect(body.address?.street).toBe('12 Riverside Dr');
    expect(body.specializedPopulations).toEqual({ newcomer: 'yes', indigenous: 'prefer_not_to_say' });
    // The creating provider serves the client, so its staff can find them again.
    expect(body.sharedWith.map((s) => s.organizationId)).toEqual([world.a.provider1]);
  });

  it('E2: a SIN failing the Luhn check is refused with the rule, the field and both languages', async () => {
    const res = await world.request(world.as.provider_caseworker, {
      method: 'POST',
      url: '/api/clients',
      payload: { ...base, sin: '130692545' },
    });
    expect(res.statusCode).toBe(400);
    expect(res.headers['content-type']).toContain('application/problem+json');
    const problem = res.json() as {
      rule: string;
      errors: { field: string }[];
      messageFr: string;
      detail: string;
    };
    expect(problem.rule).toBe('E2');
    expect(problem.errors[0]!.field).toBe('body.sin');
    expect(problem.detail).toMatch(/^E2:/);
    expect(problem.messageFr).toMatch(/^E2 :/);
  });

  it('E2/E4: a 900-series SIN is accepted and flagged as temporary', async () => {
    const res = await world.request(world.as.ssm_intake, {
      method: 'POST',
      url: '/api/clients',
      payload: { ...base, legalGivenName: 'Dmytro', legalFamilyName: 'Kovalenko', sin: SINS.temp },
    });
    expect(res.statusCode).toBe(201);
    expect((res.json() as ClientBody).sinTemporary).toBe(true);
  });

  it('E2: a duplicate SIN is detected through the blind index, even when the holder is invisible to the caller', async () => {
    // Provider two cannot see provider one's client, yet the SIN must stay unique.
    const res = await world.request(world.provider2Caseworker, {
      method: 'POST',
      url: '/api/clients',
      payload: { ...base, legalGivenName: 'Someone', sin: '130-692-544' },
    });
    expect(res.statusCode).toBe(409);
    expect(res.json()).toMatchObject({ code: 'duplicate_sin', rule: 'E2' });
    expect(res.body).not.toContain(clientId);
  });

  it('no SIN in plain text in the database or in the logs', async () => {
    await world.request(world.as.ssm_intake, { method: 'GET', url: '/api/clients', query: { sin: SINS.a } });
    await world.request(world.as.provider_caseworker, {
      method: 'POST',
      url: `/api/clients/${clientId}/reveal-sin`,
    });
    const rows = await dumpDatabase();
    expect(rows).toContain('Okafor'); // the dump does read the client rows
    for (const sin of [SINS.a, SINS.temp]) {
      expect(rows).not.toContain(sin);
      expect(rows).not.toContain(sin.replace(/(\d{3})(\d{3})(\d{3})/, '$1 $2 $3'));
      expect(world.logs.join('')).not.toContain(sin);
    }
    // Names and contact details stay out of the logs too.
    const logs = world.logs.join('');
    expect(logs.length).toBeGreaterThan(100);
    for (const personal of ['Okafor', 'Amara', 'amara.okafor@example.com', '519-555-0142', 'Riverside'])
      expect(logs).not.toContain(personal);
  });

  it('contact details are encrypted at rest', async () => {
    const rows = await dumpDatabase();
    expect(rows).not.toContain('amara.okafor@example.com');
    expect(rows).not.toContain('519-555-0142');
    expect(rows).not.toContain('Riverside');
  });

  it('revealing the full SIN is allowed to permitted roles and audited', async () => {
    const res = await world.request(world.as.provider_caseworker, {
      method: 'POST',
      url: `/api/clients/${clientId}/reveal-sin`,
    });
    expect(res.json()).toEqual({ sin: SINS.a });
    const finance = await world.request(world.as.ssm_finance, {
      method: 'POST',
      url: `/api/clients/${clientId}/reveal-sin`,
    });
    expect(finance.statusCode).toBe(403);
    const trail = await world.request(world.as.ssm_admin, {
      method: 'GET',
      url: `/api/clients/${clientId}/audit`,
    });
    const actions = (trail.json() as { items: { action: string; actorUserId: string }[] }).items;
    expect(
      actions.some((a) => a.action === 'reveal_sin' && a.actorUserId === world.as.provider_caseworker.userId),
    ).toBe(true);
  });

  it('every read of a client record is audited, with ids only', async () => {
    await world.request(world.as.ssm_qa, { method: 'GET', url: `/api/clients/${clientId}` });
    const trail = await world.request(world.as.ssm_admin, {
      method: 'GET',
      url: `/api/clients/${clientId}/audit`,
    });
    const items = (trail.json() as { items: { action: string; actorUserId: string; entityId: string }[] })
      .items;
    expect(items.find((a) => a.action === 'read' && a.actorUserId === world.as.ssm_qa.userId)?.entityId).toBe(
      clientId,
    );
    const raw = await world.db.execute(sql`select row_to_json(a)::text as row from audit_log a`);
    const text = (raw as unknown as { rows: { row: string }[] }).rows.map((r) => r.row).join('\n');
    expect(text).not.toContain('Okafor');
    expect(text).not.toContain(SINS.a);
  });

  it('C1: search by name, date of birth and SIN surfaces likely duplicates', async () => {
    const byName = await world.request(world.as.ssm_intake, {
      method: 'GET',
      url: '/api/clients',
      query: { name: 'okafor amara', dateOfBirth: '1991-04-12' },
    });
    const items = (
      byName.json() as { items: { id: string; likelyDuplicate: boolean; matchReasons: string[] }[] }
    ).items;
    expect(items[0]).toMatchObject({ id: clientId, likelyDuplicate: true });
    expect(items[0]!.matchReasons).toEqual(expect.arrayContaining(['same_name', 'same_date_of_birth']));

    const typo = await world.request(world.as.ssm_intake, {
      method: 'GET',
      url: '/api/clients',
      query: { name: 'Amara Okafur', dateOfBirth: '1991-12-04' },
    });
    const hit = (
      typo.json() as { items: { id: string; likelyDuplicate: boolean; matchReasons: string[] }[] }
    ).items.find((i) => i.id === clientId);
    expect(hit?.likelyDuplicate).toBe(true);
    expect(hit?.matchReasons).toEqual(expect.arrayContaining(['similar_name', 'transposed_date_of_birth']));

    const bySin = await world.request(world.as.ssm_intake, {
      method: 'GET',
      url: '/api/clients',
      query: { sin: '130692544' },
    });
    expect((bySin.json() as { items: { id: string; matchReasons: string[] }[] }).items).toEqual([
      expect.objectContaining({ id: clientId, matchReasons: ['same_sin'] }),
    ]);
    // Either name alone finds the person, as does a prefix of it.
    for (const name of ['Amara', 'okafor', 'Oka', 'amara oka']) {
      const res = await world.request(world.as.ssm_intake, {
        method: 'GET',
        url: '/api/clients',
        query: { name },
      });
      expect(
        (res.json() as { items: { id: string }[] }).items.map((i) => i.id),
        name,
      ).toContain(clientId);
    }
    const stranger = await world.request(world.as.ssm_intake, {
      method: 'GET',
      url: '/api/clients',
      query: { name: 'Zzyzx Quokka' },
    });
    expect((stranger.json() as { items: unknown[] }).items).toEqual([]);
  });

  it('C4: a provider address may stand as a temporary address', async () => {
    const res = await world.request(world.as.provider_caseworker, {
      method: 'PATCH',
      url: `/api/clients/${clientId}`,
      payload: {
        address: {
          street: '400 Ouellette Ave',
          city: 'Windsor',
          postalCode: 'N9A 1B2',
          isProviderAddress: true,
        },
      },
    });
    expect(res.statusCode).toBe(200);
    expect((res.json() as ClientBody).address).toMatchObject({
      street: '400 Ouellette Ave',
      isProviderAddress: true,
    });
  });

  it('E2: changing the SIN to one held by another person is refused', async () => {
    const other = await world.request(world.as.provider_caseworker, {
      method: 'POST',
      url: '/api/clients',
      payload: { ...base, legalGivenName: 'Kwame', legalFamilyName: 'Mensah', sin: SINS.b },
    });
    const res = await world.request(world.as.provider_caseworker, {
      method: 'PATCH',
      url: `/api/clients/${(other.json() as ClientBody).id}`,
      payload: { sin: SINS.a },
    });
    expect(res.statusCode).toBe(409);
    expect(res.json()).toMatchObject({ rule: 'E2' });
  });

  it('social-assistance link: SA office and caseworker must belong together; the caseworker then sees the client (C2)', async () => {
    const wrongProgram = await world.request(world.as.ssm_intake, {
      method: 'POST',
      url: '/api/clients',
      payload: {
        ...base,
        legalGivenName: 'Nia',
        socialAssistance: { program: 'odsp', samsMemberId: '1234567', officeId: world.a.saOffice },
      },
    });
    expect(wrongProgram.statusCode).toBe(400);
    const created = await world.request(world.as.ssm_intake, {
      method: 'POST',
      url: '/api/clients',
      payload: {
        ...base,
        legalGivenName: 'Nia',
        socialAssistance: {
          program: 'ow',
          samsMemberId: '1234567',
          officeId: world.a.saOffice,
          caseworkerId: world.otherSaCaseworker.userId,
        },
      },
    });
    expect(created.statusCode).toBe(201);
    const body = created.json() as ClientBody;
    expect(body.socialAssistance).toMatchObject({
      program: 'ow',
      samsMemberId: '1234567',
      officeName: 'OW Office A',
    });
    expect(
      (await world.request(world.otherSaCaseworker, { method: 'GET', url: `/api/clients/${body.id}` }))
        .statusCode,
    ).toBe(200);
    expect(
      (await world.request(world.as.sa_caseworker, { method: 'GET', url: `/api/clients/${body.id}` }))
        .statusCode,
    ).toBe(404);
  });

  it('two simultaneous creations with one SIN yield exactly one person', async () => {
    const payload = { ...base, legalGivenName: 'Race', sin: SINS.c };
    const results = await Promise.all([
      world.request(world.as.ssm_intake, { method: 'POST', url: '/api/clients', payload }),
      world.request(world.as.provider_caseworker, { method: 'POST', url: '/api/clients', payload }),
    ]);
    expect(results.map((r) => r.statusCode).sort()).toEqual([201, 409]);
  });
});
