import { sql } from 'drizzle-orm';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { ADULT_SA, ok } from '../support/assessments.js';
import { addSite } from '../support/fixtures.js';
import { planClient, submittedCa } from '../support/plans.js';
import { createWorld, type Session, type World } from '../support/world.js';

/**
 * Case management through the API (J9, I2, I4, K5): what an SA caseworker may read of the notes,
 * tasks and caseload counts, the lead's reassignment reaching the SA side at once, and a case
 * conference from request to decision, stalled when nobody answers within two business days.
 */
let world: World;
beforeAll(async () => {
  world = await createWorld();
  await addSite(world, world.a.provider1, world.a.regionId);
});
afterAll(() => world?.close());
afterEach(() => world.setNow(null));

type Method = 'GET' | 'POST' | 'PUT' | 'PATCH';
const call = (as: Session, method: Method, url: string, payload?: object) =>
  world.request(as, { method, url, ...(payload ? { payload } : {}) });
const problem = (res: { json(): unknown }) => res.json() as { rule?: string; code: string };
const rows = async <T = Record<string, unknown>>(query: ReturnType<typeof sql>) =>
  ((await world.db.execute(query)) as unknown as { rows: T[] }).rows;
const count = async (query: ReturnType<typeof sql>) => Number((await rows<{ n: number }>(query))[0]!.n);

const caseworker = () => world.as.provider_caseworker;
const sa = () => world.as.sa_caseworker;

interface Note {
  id: string;
  visibility: string;
  planItemId: string | null;
  planItemName: string | null;
  contactChannel: string | null;
  body: string;
  author: { name: string; organizationName: string };
}
interface Task {
  id: string;
  title: string;
  dueOn: string;
  due: string;
  status: string;
  completedAt: string | null;
  assignee: { id: string };
}
interface CaseloadEntry {
  clientId: string;
  plan: { id: string; status: string; phase: string; stream: string } | null;
  caseworker: { id: string; name: string } | null;
  openTasks: number;
  overdueTasks: number;
  nextDueOn: string | null;
  lastContactAt: string | null;
  daysSinceContact: number | null;
}
interface Conference {
  id: string;
  status: string;
  stalled: boolean;
  topic: string;
  firstResponseAt: string | null;
  responseBusinessDays: number | null;
  decidedAt: string | null;
  participants: { organizationName: string; side: string; userName: string | null }[];
  requestedBy: { side: string; organizationName: string };
  messages: { kind: string; body: string; author: { side: string } }[];
}

/**
 * An OW client of `sa` shared with provider one, with an active plan of one catalogue item, built
 * through the plans API (created on 1 March 2026, so the signature date is valid).
 */
async function clientWithActivePlan(saWorker: Session = sa()) {
  world.setNow(new Date('2026-03-01T15:00:00Z'));
  const clientId = await planClient(world, { sa: saWorker, sinBase: 7_300_000 });
  await submittedCa(world, caseworker(), clientId, ADULT_SA);
  const plan = await ok<{ id: string }>(world, caseworker(), 'POST', `/api/clients/${clientId}/plans`, {});
  const catalogue = (
    await ok<{ items: { id: string; code: string; subGoalKind: string }[] }>(
      world,
      caseworker(),
      'GET',
      '/api/plan-catalogue?subGoalKind=employment_assistance_services',
    )
  ).items;
  await ok(world, caseworker(), 'PUT', `/api/plans/${plan.id}/goals`, {
    goals: [
      { ordinal: 1, title: 'Work in retail', description: '' },
      { ordinal: 2, title: 'Customer service certificate', description: '' },
    ],
  });
  const withSub = await ok<{ subGoals: { id: string }[] }>(
    world,
    caseworker(),
    'POST',
    `/api/plans/${plan.id}/sub-goals`,
    { goalOrdinal: 1, kind: 'employment_assistance_services' },
  );
  const built = await ok<{ subGoals: { items: { id: string; nameEn: string }[] }[] }>(
    world,
    caseworker(),
    'POST',
    `/api/plans/${plan.id}/items`,
    {
      subGoalId: withSub.subGoals[0]!.id,
      catalogueItemId: catalogue[0]!.id,
      costCents: 0,
      plannedStart: '2026-03-02',
      plannedEnd: '2026-03-27',
    },
  );
  await ok(world, caseworker(), 'GET', `/api/plans/${plan.id}/summary`);
  await ok(world, caseworker(), 'POST', `/api/plans/${plan.id}/signature`, {
    signedOn: '2026-03-01',
    method: 'wet_ink',
  });
  await ok(world, caseworker(), 'POST', `/api/plans/${plan.id}/activate`);
  world.setNow(null);
  const item = built.subGoals[0]!.items[0]!;
  return { clientId, planId: plan.id, itemId: item.id, itemName: item.nameEn };
}

describe('I2: notes the SA caseworker may and may not read', () => {
  it('I2: an internal note is refused to SA (403 I2) and omitted from the list; the shared comment is visible', async () => {
    const { clientId, itemId, itemName } = await clientWithActivePlan();
    const internal = await ok<Note>(world, caseworker(), 'POST', `/api/clients/${clientId}/notes`, {
      visibility: 'internal',
      contactChannel: 'phone',
      body: 'Internal: client worried about childcare costs',
    });
    const shared = await ok<Note>(world, caseworker(), 'POST', `/api/clients/${clientId}/notes`, {
      visibility: 'shared_with_sa',
      planItemId: itemId,
      body: 'Attended the resume workshop; next session booked',
    });
    expect(shared).toMatchObject({
      planItemId: itemId,
      planItemName: itemName,
      visibility: 'shared_with_sa',
    });

    const refused = await call(sa(), 'GET', `/api/notes/${internal.id}`);
    expect(refused.statusCode).toBe(403);
    expect(problem(refused).rule).toBe('I2');
    expect(refused.body).not.toContain('childcare');
    const readable = await ok<Note>(world, sa(), 'GET', `/api/notes/${shared.id}`);
    expect(readable.body).toBe('Attended the resume workshop; next session booked');

    const list = await ok<{ notes: Note[] }>(world, sa(), 'GET', `/api/clients/${clientId}/notes`);
    expect(list.notes.map((n) => n.id)).toEqual([shared.id]);
    const asked = await ok<{ notes: Note[] }>(
      world,
      sa(),
      'GET',
      `/api/clients/${clientId}/notes?visibility=internal`,
    );
    expect(asked.notes).toEqual([]);

    // The provider and the SSM read both; the SSM monitors closures through internal notes (§11).
    const mine = await ok<{ notes: Note[] }>(world, caseworker(), 'GET', `/api/clients/${clientId}/notes`);
    expect(mine.notes.map((n) => n.id)).toEqual([shared.id, internal.id]);
    expect((await call(world.as.ssm_qa, 'GET', `/api/notes/${internal.id}`)).statusCode).toBe(200);

    // Another SA caseworker, or another provider: no such client.
    expect((await call(world.otherSaCaseworker, 'GET', `/api/clients/${clientId}/notes`)).statusCode).toBe(
      404,
    );
    expect((await call(world.otherSaCaseworker, 'GET', `/api/notes/${shared.id}`)).statusCode).toBe(404);
    expect((await call(world.provider2Caseworker, 'GET', `/api/notes/${internal.id}`)).statusCode).toBe(404);

    // Sealed at rest, audited on read, never logged.
    const [stored] = await rows<{ body_sealed: Buffer }>(
      sql`select body_sealed from case_notes where id = ${internal.id}`,
    );
    expect(Buffer.from(stored!.body_sealed).toString('utf8')).not.toContain('childcare');
    expect(
      await count(
        sql`select count(*)::int as n from audit_log where client_id = ${clientId} and entity_type = 'case_note' and action = 'read'`,
      ),
    ).toBeGreaterThanOrEqual(5);
    expect(world.logs.join('')).not.toContain('childcare');
  });

  it('I2: a shared note without a plan item, or on another client’s item, is refused (422 I2); SA writes none', async () => {
    const { clientId } = await clientWithActivePlan();
    const other = await clientWithActivePlan();
    const bare = await call(caseworker(), 'POST', `/api/clients/${clientId}/notes`, {
      visibility: 'shared_with_sa',
      body: 'Shared without an item',
    });
    expect(bare.statusCode).toBe(422);
    expect(problem(bare).rule).toBe('I2');
    const foreign = await call(caseworker(), 'POST', `/api/clients/${clientId}/notes`, {
      visibility: 'shared_with_sa',
      planItemId: other.itemId,
      body: 'On the wrong client',
    });
    expect(foreign.statusCode).toBe(422);
    expect(problem(foreign).rule).toBe('I2');
    const bySa = await call(sa(), 'POST', `/api/clients/${clientId}/notes`, {
      visibility: 'internal',
      body: 'SA writes in SAMS',
    });
    expect(bySa.statusCode).toBe(403);
  });

  it('I4: the SSM’s note templates are offered to note writers, EN and FR', async () => {
    const created = await ok<{ id: string }>(world, world.as.ssm_admin, 'POST', '/api/note-templates', {
      titleEn: 'Contact attempt',
      titleFr: 'Tentative de contact',
      bodyEn: 'Tried to reach the client by…',
      bodyFr: 'J’ai tenté de joindre le client par…',
    });
    const list = await ok<{ templates: { id: string; titleFr: string }[] }>(
      world,
      caseworker(),
      'GET',
      '/api/note-templates',
    );
    expect(list.templates.find((t) => t.id === created.id)?.titleFr).toBe('Tentative de contact');
    await ok(world, world.as.ssm_admin, 'PATCH', `/api/note-templates/${created.id}`, { active: false });
    const after = await ok<{ templates: { id: string }[] }>(
      world,
      caseworker(),
      'GET',
      '/api/note-templates',
    );
    expect(after.templates.map((t) => t.id)).not.toContain(created.id);
    expect((await call(caseworker(), 'POST', '/api/note-templates', { titleEn: 'x' })).statusCode).toBe(403);
  });
});

describe('J9: tasks and caseload counts', () => {
  it('J9: tasks carry their due state on Ontario’s date; done tasks leave the outstanding count', async () => {
    const { clientId, planId } = await clientWithActivePlan();
    // 2026-03-10 02:00Z is still 9 March in Toronto.
    world.setNow(new Date('2026-03-10T02:00:00Z'));
    const task = (title: string, dueOn: string) =>
      ok<Task>(world, caseworker(), 'POST', `/api/clients/${clientId}/tasks`, { title, dueOn });
    const overdue = await task('Call the client about the workshop', '2026-03-06');
    const today = await task('Send the job-search log', '2026-03-09');
    const later = await task('Book the plan review', '2026-03-20');
    expect([overdue.due, today.due, later.due]).toEqual(['overdue', 'due_today', 'upcoming']);

    let load = await ok<{ clients: CaseloadEntry[]; counts: Record<string, number> }>(
      world,
      caseworker(),
      'GET',
      '/api/caseload',
    );
    let entry = load.clients.find((c) => c.clientId === clientId)!;
    expect(entry).toMatchObject({
      plan: { id: planId, status: 'active', phase: 'pre_employment' },
      caseworker: { id: caseworker().userId },
      openTasks: 3,
      overdueTasks: 1,
      nextDueOn: '2026-03-06',
      lastContactAt: null,
    });
    expect(load.counts.outstandingTasks).toBeGreaterThanOrEqual(3);

    const done = await ok<Task>(world, caseworker(), 'PATCH', `/api/tasks/${overdue.id}`, { status: 'done' });
    expect(done.status).toBe('done');
    expect(done.completedAt).not.toBeNull();
    // A contact note: the caseload's "last contact".
    await ok(world, caseworker(), 'POST', `/api/clients/${clientId}/notes`, {
      visibility: 'internal',
      contactChannel: 'in_person',
      body: 'Met the client at the office',
    });
    load = await ok(world, caseworker(), 'GET', '/api/caseload?due=overdue');
    expect(load.clients.map((c) => c.clientId)).not.toContain(clientId);
    load = await ok(world, caseworker(), 'GET', '/api/caseload?due=this_week&stream=' + entry.plan!.stream);
    entry = load.clients.find((c) => c.clientId === clientId)!;
    expect(entry).toMatchObject({
      openTasks: 2,
      overdueTasks: 0,
      nextDueOn: '2026-03-09',
      daysSinceContact: 0,
    });

    // J9 "no contact in N days": 31 days later the client counts, at 30 days it does not yet.
    world.setNow(new Date('2026-04-08T15:00:00Z'));
    const board = await ok<{ caseworkers: { id: string; noContact: number; outstandingTasks: number }[] }>(
      world,
      world.as.provider_lead,
      'GET',
      '/api/caseload/board?noContactDays=30',
    );
    expect(board.caseworkers.find((c) => c.id === caseworker().userId)!.noContact).toBeGreaterThanOrEqual(1);
    const mine = await ok<{ tasks: Task[] }>(
      world,
      caseworker(),
      'GET',
      `/api/tasks?assignee=me&clientId=${clientId}&status=open`,
    );
    expect(mine.tasks.map((t) => t.title)).toEqual(['Send the job-search log', 'Book the plan review']);
    expect(mine.tasks.every((t) => t.due === 'overdue')).toBe(true);

    // Assignees are colleagues of the same provider; task titles are sealed and never logged.
    const foreign = await call(caseworker(), 'POST', `/api/clients/${clientId}/tasks`, {
      title: 'x',
      dueOn: '2026-04-09',
      assigneeUserId: world.provider2Caseworker.userId,
    });
    expect(foreign.statusCode).toBe(400);
    expect(world.logs.join('')).not.toContain('job-search log');
    // Reading tasks is audited per client.
    expect(
      await count(
        sql`select count(*)::int as n from audit_log where client_id = ${clientId} and entity_type = 'task' and action = 'read'`,
      ),
    ).toBeGreaterThanOrEqual(1);
    // SA, and provider two, have no tasks of this client.
    expect((await call(sa(), 'GET', '/api/tasks')).statusCode).toBe(403);
    expect((await call(world.provider2Caseworker, 'GET', `/api/tasks?clientId=${clientId}`)).statusCode).toBe(
      404,
    );
  });

  it('I1: the SA caseworker’s shared clients start with those whose plan they follow', async () => {
    const { clientId } = await clientWithActivePlan();
    // Alphabetically first, and no plan: without the plan-first order it would lead the list.
    const planless = await planClient(world, { sa: sa(), sinBase: 7_400_000, givenName: 'Aaron' });
    const shared = await ok<{ clients: { clientId: string; plan: { status: string } | null }[] }>(
      world,
      sa(),
      'GET',
      '/api/shared-clients',
    );
    const ids = shared.clients.map((c) => c.clientId);
    expect(ids).toContain(planless);
    expect(ids.indexOf(clientId)).toBeLessThan(ids.indexOf(planless));
    const firstWithout = shared.clients.findIndex((c) => c.plan === null);
    const lastWith = shared.clients.map((c) => c.plan !== null).lastIndexOf(true);
    expect(lastWith).toBeLessThan(firstWithout);
  });

  it('J9/I4: the lead reassigns the client; the SA caseworker sees the ICM event at once, and the plan history records it', async () => {
    const { clientId, planId } = await clientWithActivePlan();
    const lead = world.as.provider_lead;
    const entry = await ok<CaseloadEntry>(world, lead, 'PUT', `/api/clients/${clientId}/caseworker`, {
      caseworkerUserId: lead.userId,
    });
    expect(entry.caseworker?.id).toBe(lead.userId);

    const events = await ok<{
      events: { kind: string; organizationName: string; seen: boolean }[];
      unseen: number;
    }>(world, sa(), 'GET', `/api/clients/${clientId}/icm-events`);
    expect(events.events[0]).toMatchObject({
      kind: 'provider_caseworker_changed',
      organizationName: 'Provider One',
    });
    expect(events.unseen).toBeGreaterThanOrEqual(1);
    const shared = await ok<{
      clients: { clientId: string; newEvents: number; caseworker: { name: string } | null }[];
    }>(world, sa(), 'GET', '/api/shared-clients');
    const mine = shared.clients.find((c) => c.clientId === clientId)!;
    expect(mine.newEvents).toBe(events.unseen);
    expect(mine.caseworker?.name).toBe(
      (await rows<{ n: string }>(sql`select display_name as n from users where id = ${lead.userId}`))[0]!.n,
    );

    expect((await call(sa(), 'POST', `/api/clients/${clientId}/icm-events/seen`)).statusCode).toBe(204);
    const after = await ok<{ unseen: number }>(world, sa(), 'GET', `/api/clients/${clientId}/icm-events`);
    expect(after.unseen).toBe(0);
    expect(
      await count(
        sql`select count(*)::int as n from plan_events where plan_id = ${planId} and kind = 'caseworker_changed'`,
      ),
    ).toBe(1);
    // The same caseworker again changes nothing: no second event.
    await ok(world, lead, 'PUT', `/api/clients/${clientId}/caseworker`, { caseworkerUserId: lead.userId });
    expect(
      await count(
        sql`select count(*)::int as n from icm_events where client_id = ${clientId} and kind = 'provider_caseworker_changed'`,
      ),
    ).toBe(1);
    // Only a lead reassigns, and only to a colleague.
    expect(
      (
        await call(caseworker(), 'PUT', `/api/clients/${clientId}/caseworker`, {
          caseworkerUserId: caseworker().userId,
        })
      ).statusCode,
    ).toBe(403);
    expect(
      (
        await call(lead, 'PUT', `/api/clients/${clientId}/caseworker`, {
          caseworkerUserId: world.provider2Caseworker.userId,
        })
      ).statusCode,
    ).toBe(400);
  });

  it('I4: a change of contact details or SA caseworker on the client record is an ICM event', async () => {
    const { clientId } = await clientWithActivePlan();
    await ok(world, sa(), 'PATCH', `/api/clients/${clientId}`, { phone: '519-555-0199' });
    await ok(world, sa(), 'PATCH', `/api/clients/${clientId}`, {
      socialAssistance: {
        program: 'ow',
        samsMemberId: '77712345',
        officeId: world.a.saOffice,
        caseworkerId: world.otherSaCaseworker.userId,
      },
    });
    const events = await ok<{ events: { kind: string; detail: Record<string, unknown> }[] }>(
      world,
      caseworker(),
      'GET',
      `/api/clients/${clientId}/icm-events`,
    );
    const kinds = events.events.map((e) => e.kind);
    expect(kinds).toContain('contact_details_changed');
    expect(kinds).toContain('sa_caseworker_changed');
    expect(JSON.stringify(events)).not.toContain('519-555-0199');
  });
});

describe('I4/K5: case conferences', () => {
  // Friday 13 February 2026, 10:00 in Toronto; Monday the 16th is Family Day.
  const FRIDAY = new Date('2026-02-13T15:00:00Z');

  it('I4: SA requests, the provider replies (first response, response time), the SSM sees it, a decision closes it', async () => {
    const { clientId } = await clientWithActivePlan();
    world.setNow(FRIDAY);
    const requested = await ok<Conference>(world, sa(), 'POST', `/api/clients/${clientId}/case-conferences`, {
      topic: 'Childcare gap before the placement',
      channel: 'phone',
      includeClient: false,
      body: 'Can we talk about the childcare subsidy timing?',
    });
    expect(requested).toMatchObject({ status: 'requested', stalled: false, firstResponseAt: null });
    expect(requested.requestedBy.side).toBe('sa');
    expect(requested.participants.map((p) => p.side).sort()).toEqual(['provider', 'sa', 'ssm']);
    expect(requested.participants.find((p) => p.side === 'provider')!.userName).not.toBeNull();

    // The SSM sees it in its queue, not yet stalled on Wednesday (due that day).
    world.setNow(new Date('2026-02-18T20:00:00Z'));
    let queue = await ok<{ conferences: Conference[] }>(
      world,
      world.as.ssm_manager,
      'GET',
      '/api/case-conferences?status=open',
    );
    expect(queue.conferences.find((c) => c.id === requested.id)?.stalled).toBe(false);
    // Thursday: stalled (I4: the SSM helps).
    world.setNow(new Date('2026-02-19T14:00:00Z'));
    queue = await ok(world, world.as.ssm_manager, 'GET', '/api/case-conferences?status=stalled');
    expect(queue.conferences.map((c) => c.id)).toContain(requested.id);

    // A reply from the requester's own side does not count; the provider's does.
    let c = await ok<Conference>(world, sa(), 'POST', `/api/case-conferences/${requested.id}/messages`, {
      kind: 'reply',
      channel: 'email',
      body: 'Following up on my request',
    });
    expect(c.firstResponseAt).toBeNull();
    c = await ok<Conference>(world, caseworker(), 'POST', `/api/case-conferences/${requested.id}/messages`, {
      kind: 'reply',
      channel: 'phone',
      body: 'Yes — the subsidy starts in April, we can shift the placement',
    });
    expect(c).toMatchObject({ status: 'in_discussion', stalled: false, responseBusinessDays: 3 });
    expect(c.firstResponseAt).toBe('2026-02-19T14:00:00.000Z');
    queue = await ok(world, world.as.ssm_manager, 'GET', '/api/case-conferences?status=stalled');
    expect(queue.conferences.map((x) => x.id)).not.toContain(requested.id);

    world.setNow(new Date('2026-02-20T15:00:00Z'));
    c = await ok<Conference>(
      world,
      world.as.ssm_intake,
      'POST',
      `/api/case-conferences/${requested.id}/messages`,
      {
        kind: 'decision',
        channel: 'virtual',
        body: 'Agreed: placement moves to April 6',
      },
    );
    expect(c.status).toBe('decided');
    expect(c.decidedAt).not.toBeNull();
    expect(c.messages.map((m) => m.author.side)).toEqual(['sa', 'sa', 'provider', 'ssm']);
    const after = await call(caseworker(), 'POST', `/api/case-conferences/${requested.id}/messages`, {
      kind: 'reply',
      channel: 'phone',
      body: 'One more thing',
    });
    expect(after.statusCode).toBe(422);
    expect(problem(after).rule).toBe('I4');

    // The client's conferences as the SA sees them; another SA caseworker sees nothing of it.
    const mine = await ok<{ conferences: Conference[] }>(
      world,
      sa(),
      'GET',
      `/api/clients/${clientId}/case-conferences`,
    );
    expect(mine.conferences[0]!.topic).toBe('Childcare gap before the placement');
    expect(
      (await call(world.otherSaCaseworker, 'GET', `/api/clients/${clientId}/case-conferences`)).statusCode,
    ).toBe(404);
    const theirs = await ok<{ conferences: Conference[] }>(
      world,
      world.otherSaCaseworker,
      'GET',
      '/api/case-conferences?status=all',
    );
    expect(theirs.conferences.map((x) => x.id)).not.toContain(requested.id);

    // K5: the provider answered in 3 business days.
    const metrics = await ok<{
      items: { organizationName: string; answered: number; averageResponseBusinessDays: number }[];
    }>(world, world.as.ssm_manager, 'GET', '/api/case-conferences/metrics?from=2026-02-13&to=2026-02-13');
    expect(metrics.items.find((m) => m.organizationName === 'Provider One')).toMatchObject({
      answered: 1,
      averageResponseBusinessDays: 3,
    });
    // I4 events for both sides; topic and messages sealed and never logged.
    const kinds = await rows<{ kind: string }>(
      sql`select kind from icm_events where client_id = ${clientId} and kind::text like 'conference_%' order by seq`,
    );
    expect(kinds.map((k) => k.kind)).toEqual(['conference_requested', 'conference_decided']);
    const logs = world.logs.join('');
    for (const secret of ['Childcare gap', 'childcare subsidy', 'placement moves', 'Following up'])
      expect(logs).not.toContain(secret);
  });

  it('I4: only the requester withdraws, and nothing is added after', async () => {
    const { clientId } = await clientWithActivePlan();
    const c = await ok<Conference>(world, caseworker(), 'POST', `/api/clients/${clientId}/case-conferences`, {
      topic: 'Plan review',
      channel: 'in_person',
      includeClient: true,
      body: 'Review the plan together',
    });
    const bySa = await call(sa(), 'POST', `/api/case-conferences/${c.id}/withdraw`);
    expect(bySa.statusCode).toBe(422);
    expect(problem(bySa).rule).toBe('I4');
    const withdrawn = await ok<Conference>(
      world,
      world.as.provider_lead,
      'POST',
      `/api/case-conferences/${c.id}/withdraw`,
    );
    expect(withdrawn.status).toBe('withdrawn');
    const reply = await call(sa(), 'POST', `/api/case-conferences/${c.id}/messages`, {
      kind: 'reply',
      channel: 'phone',
      body: 'Too late',
    });
    expect(reply.statusCode).toBe(422);
    // Provider two takes no part and cannot see it.
    expect(
      (
        await call(world.provider2Caseworker, 'POST', `/api/case-conferences/${c.id}/messages`, {
          kind: 'reply',
          channel: 'phone',
          body: 'x',
        })
      ).statusCode,
    ).toBe(404);
  });
});
