import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { verifyAuditChain } from '../../src/db/repositories/audit.js';
import { createClient } from '../support/fixtures.js';
import { createWorld, type World } from '../support/world.js';

let world: World;
let clientId: string;
beforeAll(async () => {
  world = await createWorld();
  clientId = await createClient(world, world.as.ssm_intake, {
    legalGivenName: 'Lin',
    legalFamilyName: 'Chen',
    dateOfBirth: '1985-06-30',
  });
  for (let i = 0; i < 3; i++)
    await world.request(world.as.ssm_qa, { method: 'GET', url: `/api/clients/${clientId}` });
});
afterAll(() => world?.close());

describe('audit log', () => {
  it('the hash chain verifies through the API and the repository', async () => {
    const res = await world.request(world.as.ssm_admin, { method: 'POST', url: '/api/audit/verify' });
    expect(res.statusCode).toBe(200);
    const body = res.json() as { ok: boolean; checked: number };
    expect(body.ok).toBe(true);
    expect(body.checked).toBeGreaterThanOrEqual(4);
  });

  it('the database refuses UPDATE and DELETE of audit entries', async () => {
    await expect(world.db.execute(sql`update audit_log set action = 'read' where seq = 1`)).rejects.toThrow();
    await expect(world.db.execute(sql`delete from audit_log where seq = 1`)).rejects.toThrow();
  });

  it('altering a row behind the application’s back makes verification fail at that entry', async () => {
    // A superuser can bypass the trigger; the chain still gives them away.
    await world.db.execute(sql`alter table audit_log disable trigger audit_log_no_update`);
    const [row] = (
      (await world.db.execute(
        sql`select seq from audit_log where action = 'read' order by seq limit 1`,
      )) as unknown as { rows: { seq: string | number }[] }
    ).rows;
    const seq = Number(row!.seq);
    await world.db.execute(
      sql`update audit_log set actor_user_id = ${world.as.ssm_admin.userId} where seq = ${seq}`,
    );
    const result = await verifyAuditChain(world.db);
    expect(result.ok).toBe(false);
    expect(result.brokenAt).toEqual({ seq, reason: 'hash_mismatch' });
    const viaApi = await world.request(world.as.ssm_admin, { method: 'POST', url: '/api/audit/verify' });
    expect((viaApi.json() as { ok: boolean }).ok).toBe(false);
  });

  it('removing the newest entry is detected too', async () => {
    await world.db.execute(sql`delete from audit_log where seq = (select max(seq) from audit_log)`);
    const result = await verifyAuditChain(world.db);
    expect(result.ok).toBe(false);
    await world.db.execute(sql`alter table audit_log enable trigger audit_log_no_update`);
  });

  it('only SSM admins browse a client’s trail, newest first, paged', async () => {
    const res = await world.request(world.as.ssm_admin, {
      method: 'GET',
      url: `/api/clients/${clientId}/audit`,
      query: { limit: '2' },
    });
    const items = (res.json() as { items: { seq: number; actorName: string | null }[] }).items;
    expect(items).toHaveLength(2);
    expect(items[0]!.seq).toBeGreaterThan(items[1]!.seq);
    expect(items[0]!.actorName).toMatch(/Test User/);
    const next = await world.request(world.as.ssm_admin, {
      method: 'GET',
      url: `/api/clients/${clientId}/audit`,
      query: { before: String(items[1]!.seq) },
    });
    expect((next.json() as { items: { seq: number }[] }).items.every((i) => i.seq < items[1]!.seq)).toBe(
      true,
    );
    expect(
      (await world.request(world.as.ssm_intake, { method: 'GET', url: `/api/clients/${clientId}/audit` }))
        .statusCode,
    ).toBe(403);
  });
});
