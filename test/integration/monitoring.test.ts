import { eq, sql } from 'drizzle-orm';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { attestations, employmentEvidence } from '../../src/db/schema.js';
import { EVIDENCE_MAX_BYTES } from '../../src/domain/monitoring/types.js';
import { ok } from '../support/assessments.js';
import {
  activePlanFor,
  activeSaPlan,
  daysFromToday,
  employedEsq,
  fundedJob,
  offerLetterBody,
  payStubBody,
  SAMPLE_FILES,
} from '../support/monitoring.js';
import { createWorld, type Session, type World } from '../support/world.js';

/**
 * Outcomes and monitoring through the API (M1–M10, A8, F12, F14, K3): the M4 confirmation, the
 * monitoring start by each trigger and its M7 fixing, the ESQ's agreement with the jobs (M6),
 * evidence stored sealed (M9), attestations that count only once pre-approved and signed (M10), the
 * checkpoint worklist, and who may read or write a client's monitoring.
 */
let world: World;
beforeAll(async () => {
  world = await createWorld();
});
afterAll(() => world?.close());
afterEach(() => world.setNow(null));

const rows = async <T = Record<string, unknown>>(query: ReturnType<typeof sql>) =>
  ((await world.db.execute(query)) as unknown as { rows: T[] }).rows;
const count = async (query: ReturnType<typeof sql>) => Number((await rows<{ n: number }>(query))[0]!.n);

type Method = 'GET' | 'POST' | 'PATCH';
const call = (as: Session, method: Method, url: string, payload?: object) =>
  world.request(as, { method, url, ...(payload ? { payload } : {}) });
const problem = (res: { json(): unknown }) =>
  res.json() as { rule?: string; code: string; detail?: string; errors?: { field: string; code?: string }[] };

interface Checkpoint {
  kind: string;
  dueOn: string;
  windowOpensOn: string;
  state: string;
  pbf: boolean;
  record: { id: string; esqStatus: string; reviewState: string; note: string | null } | null;
  fundedOutcome: { met: boolean; reason: string; countedJobIds: string[] } | null;
  evidence: { id: string; kind: string; fileName: string | null; sufficient: boolean }[];
  evidenceGaps: { rule: string; part: string; code: string }[];
  attestation: { id: string; state: string; signedAt: string | null; rationale: string | null } | null;
  ledger: { state: string; amountCents: number } | null;
}
interface View {
  planId: string;
  phase: string;
  clientName: string | null;
  entry: { employed: boolean; minutesPerWeek: number | null };
  outcome: { kind: string; allActivitiesOfferedConfirmed: boolean; note: string | null } | null;
  openItemCount: number;
  jobs: {
    id: string;
    employerName: string | null;
    nocCategory: { en: string } | null;
    startDateEvidence: unknown[];
  }[];
  monitoringStart: { startOn: string; triggers: string[]; fixed: boolean } | null;
  planClosesOn: string | null;
  checkpoints: Checkpoint[];
  actions: { recordOutcome: boolean; addJob: boolean; recordCheckpoint: string[]; submit: string[] };
}

const caseworker = () => world.as.provider_caseworker;
const viewOk = (method: Method, url: string, payload?: object, as: Session = caseworker()) =>
  ok<View>(world, as, method, url, payload);
let sin = 0;
const newPlan = async () => (await activePlanFor(world, caseworker(), 6_500_000 + 1000 * sin++)).id;
const checkpoint = (v: View, kind: string) => v.checkpoints.find((c) => c.kind === kind)!;

/** A plan whose client ended pre-employment services employed `daysAgo` days ago, with its job. */
async function employedPlan(daysAgo: number) {
  const planId = await newPlan();
  const endedOn = daysFromToday(-daysAgo);
  const view = await viewOk('POST', `/api/plans/${planId}/outcome`, {
    kind: 'employed',
    endedOn,
    jobs: [fundedJob(endedOn)],
  });
  return { planId, endedOn, view, jobId: view.jobs[0]!.id };
}

describe('M1/M4: recording the outcome', () => {
  it('M4: refuses an unemployed outcome with open items unless the caseworker confirms all activities were offered', async () => {
    const planId = await newPlan();
    const before = await viewOk('GET', `/api/plans/${planId}/monitoring`);
    expect(before.phase).toBe('pre_employment');
    expect(before.openItemCount).toBe(1);
    expect(before.checkpoints).toEqual([]);
    expect(before.entry).toEqual({ employed: false, minutesPerWeek: null });
    expect(before.actions.recordOutcome).toBe(true);
    const endedOn = daysFromToday(-3);
    const refused = await call(caseworker(), 'POST', `/api/plans/${planId}/outcome`, {
      kind: 'not_employed',
      endedOn,
    });
    expect(refused.statusCode).toBe(422);
    expect(problem(refused).rule).toBe('M4');
    expect(problem(refused).detail).toMatch(/^M4: /);

    const done = await viewOk('POST', `/api/plans/${planId}/outcome`, {
      kind: 'not_employed',
      endedOn,
      allActivitiesOfferedConfirmed: true,
      note: 'Client moved to another city.',
    });
    expect(done.outcome).toMatchObject({ kind: 'not_employed', allActivitiesOfferedConfirmed: true });
    expect(done.outcome!.note).toBe('Client moved to another city.');
    expect(done.phase).toBe('monitoring');
    // M3: the end of pre-employment services starts monitoring; A8: the plan may close 12 months on.
    expect(done.monitoringStart).toEqual({
      startOn: endedOn,
      triggers: ['pre_employment_ended'],
      fixed: false,
    });
    expect(done.checkpoints.map((c) => c.kind)).toEqual([
      'completion',
      'month_1',
      'month_3',
      'month_6',
      'month_12',
    ]);
    expect(done.checkpoints.map((c) => c.pbf)).toEqual([false, true, true, true, true]);
    expect(done.planClosesOn).toBe(checkpoint(done, 'month_12').dueOn);
    expect(done.actions.recordOutcome).toBe(false);
    const [plan] = await rows<{ outcome_recorded_at: string | null; monitoring_started_on: string | null }>(
      sql`select outcome_recorded_at, monitoring_started_on::text from plans where id = ${planId}`,
    );
    expect(plan!.outcome_recorded_at).not.toBeNull();
    expect(plan!.monitoring_started_on).toBe(endedOn);
    const kinds = await rows<{ kind: string }>(sql`select kind from plan_events where plan_id = ${planId}`);
    expect(kinds.map((k) => k.kind)).toEqual(
      expect.arrayContaining(['outcome_recorded', 'monitoring_started']),
    );
    // M1: one outcome per plan.
    const again = await call(caseworker(), 'POST', `/api/plans/${planId}/outcome`, {
      kind: 'not_employed',
      endedOn,
      allActivitiesOfferedConfirmed: true,
    });
    expect(again.statusCode).toBe(422);
    expect(problem(again).rule).toBe('M1');
  });

  it('M1: an employed outcome needs the job held on the end date; bad input is a 400 naming the field', async () => {
    const planId = await newPlan();
    const endedOn = daysFromToday(-2);
    const noJob = await call(caseworker(), 'POST', `/api/plans/${planId}/outcome`, {
      kind: 'employed',
      endedOn,
    });
    expect(noJob.statusCode).toBe(422);
    expect(problem(noJob).rule).toBe('M1');
    const badNoc = await call(caseworker(), 'POST', `/api/plans/${planId}/outcome`, {
      kind: 'employed',
      endedOn,
      jobs: [fundedJob(endedOn, { nocCode: '7420' })],
    });
    expect(badNoc.statusCode).toBe(400);
    expect(problem(badNoc).errors?.[0]?.field).toContain('nocCode');
    const view = await viewOk('POST', `/api/plans/${planId}/outcome`, {
      kind: 'employed',
      endedOn,
      jobs: [fundedJob(endedOn)],
    });
    expect(view.jobs).toHaveLength(1);
    expect(view.jobs[0]!.employerName).toBe('Northern Logistics Inc.');
    expect(view.jobs[0]!.nocCategory?.en).toMatch(/Trades/);
    // The employer's name is sealed at rest.
    const sealed = await rows<{ employer_name_sealed: Buffer }>(
      sql`select employer_name_sealed from employment_jobs where plan_id = ${planId}`,
    );
    expect(Buffer.from(sealed[0]!.employer_name_sealed).toString('latin1')).not.toContain('Northern');
  });
});

describe('M3/F14: when monitoring starts', () => {
  it('M3: a funded job starting before the outcome starts monitoring on its first day; the later outcome does not move it', async () => {
    const planId = await newPlan();
    const jobStart = daysFromToday(-20);
    const withJob = await viewOk('POST', `/api/plans/${planId}/jobs`, fundedJob(jobStart));
    expect(withJob.phase).toBe('pre_employment');
    expect(withJob.monitoringStart).toEqual({
      startOn: jobStart,
      triggers: ['funded_job_started'],
      fixed: false,
    });
    const done = await viewOk('POST', `/api/plans/${planId}/outcome`, {
      kind: 'employed',
      endedOn: daysFromToday(-5),
    });
    expect(done.phase).toBe('monitoring');
    expect(done.monitoringStart!.startOn).toBe(jobStart);
  });

  it('M3: a job under 20 hours a week does not start monitoring; the outcome does', async () => {
    const planId = await newPlan();
    const part = await viewOk(
      'POST',
      `/api/plans/${planId}/jobs`,
      fundedJob(daysFromToday(-20), { minutesPerWeek: 1199 }),
    );
    expect(part.monitoringStart).toBeNull();
    const endedOn = daysFromToday(-4);
    const done = await viewOk('POST', `/api/plans/${planId}/outcome`, { kind: 'employed', endedOn });
    expect(done.monitoringStart).toMatchObject({ startOn: endedOn, triggers: ['pre_employment_ended'] });
  });

  it('F14: a placement meant to continue as a job starts outcomes on its first day', async () => {
    const planId = await newPlan();
    const first = daysFromToday(-12);
    const view = await viewOk(
      'POST',
      `/api/plans/${planId}/jobs`,
      fundedJob(first, { minutesPerWeek: 900, placementIntendedToContinue: true }),
    );
    expect(view.monitoringStart).toEqual({
      startOn: first,
      triggers: ['placement_intended_to_continue_started'],
      fixed: false,
    });
  });
});

describe('M7: checkpoints run on a fixed schedule', () => {
  it('M7: refuses a checkpoint before its window opens', async () => {
    const { planId, jobId } = await employedPlan(3);
    const early = await call(
      caseworker(),
      'POST',
      `/api/plans/${planId}/checkpoints/month_1`,
      employedEsq(daysFromToday(0), [{ jobId }]),
    );
    expect(early.statusCode).toBe(422);
    expect(problem(early).rule).toBe('M7');
    // The completion checkpoint's window opens on the monitoring start.
    const done = await viewOk(
      'POST',
      `/api/plans/${planId}/checkpoints/completion`,
      employedEsq(daysFromToday(0), [{ jobId }]),
    );
    expect(checkpoint(done, 'completion').state).toBe('completed');
    expect(done.actions.recordCheckpoint).not.toContain('month_1');
  });

  it('M7: once a checkpoint is recorded the monitoring start cannot move', async () => {
    const { planId, jobId, endedOn } = await employedPlan(5);
    await viewOk(
      'POST',
      `/api/plans/${planId}/checkpoints/completion`,
      employedEsq(daysFromToday(0), [{ jobId }]),
    );
    const earlier = await call(
      caseworker(),
      'POST',
      `/api/plans/${planId}/jobs`,
      fundedJob(daysFromToday(-30), {
        employerName: 'Earlier Employer',
      }),
    );
    expect(earlier.statusCode).toBe(422);
    expect(problem(earlier).rule).toBe('M7');
    expect(problem(earlier).detail).toContain(
      'monitoring cannot pause or move once checkpoints are recorded',
    );
    const view = await viewOk('GET', `/api/plans/${planId}/monitoring`);
    expect(view.monitoringStart).toMatchObject({ startOn: endedOn, fixed: true });
    expect(view.jobs).toHaveLength(1);
    // A change that keeps the start (the job ends) is still recorded: monitoring runs on (A8).
    const ended = await viewOk('PATCH', `/api/plans/${planId}/jobs/${jobId}`, { endedOn: daysFromToday(-1) });
    expect(ended.monitoringStart!.startOn).toBe(endedOn);
  });

  it('M6/M7: a job’s employer, entry flag, start and placement flag are corrected with the same checks; the start is fixed once a checkpoint is recorded; the history names the fields, not the employer', async () => {
    const planId = await newPlan();
    const view = await viewOk('POST', `/api/plans/${planId}/jobs`, fundedJob(daysFromToday(-20)));
    const jobId = view.jobs[0]!.id;
    const url = `/api/plans/${planId}/jobs/${jobId}`;
    // Before any checkpoint the start follows the corrected first day (M3).
    const moved = await viewOk('PATCH', url, {
      startedOn: daysFromToday(-18),
      employerName: 'Southern Freight Ltd.',
      atEntryEmployer: true,
      placementIntendedToContinue: true,
    });
    expect(moved.jobs[0]).toMatchObject({
      employerName: 'Southern Freight Ltd.',
      startedOn: daysFromToday(-18),
    });
    const [job] = moved.jobs as unknown as {
      atEntryEmployer: boolean;
      placementIntendedToContinue: boolean;
    }[];
    expect(job).toMatchObject({ atEntryEmployer: true, placementIntendedToContinue: true });
    expect(moved.monitoringStart).toMatchObject({ startOn: daysFromToday(-18), fixed: false });
    // The checks of a new job (M6), and 400s naming the field.
    const future = await call(caseworker(), 'PATCH', url, { startedOn: daysFromToday(1) });
    expect(future.statusCode).toBe(422);
    expect(problem(future).rule).toBe('M6');
    expect(problem(future).errors?.map((e) => e.code)).toContain('start_in_future');
    const afterEnd = await call(caseworker(), 'PATCH', url, {
      endedOn: daysFromToday(-10),
      startedOn: daysFromToday(-9),
    });
    expect(problem(afterEnd).errors?.map((e) => e.code)).toContain('ends_before_start');
    const blank = await call(caseworker(), 'PATCH', url, { employerName: '  ' });
    expect(blank.statusCode).toBe(400);
    expect(problem(blank).errors?.[0]?.field).toBe('body.employerName');
    const notBool = await call(caseworker(), 'PATCH', url, { atEntryEmployer: 'yes' });
    expect(notBool.statusCode).toBe(400);
    expect(problem(notBool).errors?.[0]?.field).toBe('body.atEntryEmployer');

    // M7: once the completion checkpoint is recorded the start date cannot move; the name can change.
    await viewOk(
      'POST',
      `/api/plans/${planId}/checkpoints/completion`,
      employedEsq(daysFromToday(0), [{ jobId }]),
    );
    const late = await call(caseworker(), 'PATCH', url, { startedOn: daysFromToday(-19) });
    expect(late.statusCode).toBe(422);
    expect(problem(late).rule).toBe('M7');
    const renamed = await viewOk('PATCH', url, { employerName: 'Southern Freight Limited' });
    expect(renamed.jobs[0]).toMatchObject({
      employerName: 'Southern Freight Limited',
      startedOn: daysFromToday(-18),
    });

    const changed = await rows<{ detail: { fields: string[]; changes: Record<string, unknown> } }>(
      sql`select detail from plan_events where plan_id = ${planId} and kind = 'job_changed' order by at, id`,
    );
    expect(changed.map((e) => e.detail.fields)).toEqual([
      ['employerName', 'atEntryEmployer', 'startedOn', 'placementIntendedToContinue'],
      ['employerName'],
    ]);
    expect(changed[0]!.detail.changes).toEqual({
      atEntryEmployer: true,
      startedOn: daysFromToday(-18),
      placementIntendedToContinue: true,
    });
    expect(JSON.stringify(changed)).not.toMatch(/Southern/);
  });

  it('M6: a job named in a checkpoint’s ESQ cannot be re-dated off that checkpoint (its funded outcome would silently go)', async () => {
    const { planId, jobId } = await employedPlan(40);
    const recorded = await viewOk(
      'POST',
      `/api/plans/${planId}/checkpoints/month_1`,
      employedEsq(daysFromToday(-5), [{ jobId }]),
    );
    const dueOn = checkpoint(recorded, 'month_1').dueOn;
    const off = await call(caseworker(), 'PATCH', `/api/plans/${planId}/jobs/${jobId}`, {
      endedOn: daysFromToday(-20),
    });
    expect(off.statusCode).toBe(422);
    expect(problem(off).rule).toBe('M6');
    expect(problem(off).errors?.[0]?.code).toBe('job_listed_at_checkpoint');
    expect(problem(off).detail).toContain(dueOn);
    const view = await viewOk('GET', `/api/plans/${planId}/monitoring`);
    expect(checkpoint(view, 'month_1').fundedOutcome).toMatchObject({ met: true });
    // Ending it after the checkpoint date is fine (M6: recorded as soon as known).
    const ended = await viewOk('PATCH', `/api/plans/${planId}/jobs/${jobId}`, { endedOn: daysFromToday(-2) });
    expect(checkpoint(ended, 'month_1').fundedOutcome).toMatchObject({ met: true });
  });

  it('M6: refuses a non-employed status while a job is still active on the checkpoint date', async () => {
    const { planId, jobId } = await employedPlan(2);
    const res = await call(caseworker(), 'POST', `/api/plans/${planId}/checkpoints/completion`, {
      contactedOn: daysFromToday(0),
      esqStatus: 'not_employed',
      satisfaction: 'prefer_not_to_answer',
      jobs: [],
    });
    expect(res.statusCode).toBe(422);
    expect(problem(res).rule).toBe('M6');
    expect(problem(res).detail).toContain('end the job first');
    const employedWithout = await call(caseworker(), 'POST', `/api/plans/${planId}/checkpoints/completion`, {
      contactedOn: daysFromToday(0),
      esqStatus: 'employed',
      satisfaction: '4',
      jobs: [],
    });
    expect(employedWithout.statusCode).toBe(422);
    expect(problem(employedWithout).rule).toBe('M6');
    // K3: the satisfaction answer is one of 1–5 or "prefer not to answer".
    const badAnswer = await call(caseworker(), 'POST', `/api/plans/${planId}/checkpoints/completion`, {
      ...employedEsq(daysFromToday(0), [{ jobId }]),
      satisfaction: '6',
    });
    expect(badAnswer.statusCode).toBe(400);
    expect(problem(badAnswer).errors?.[0]?.field).toContain('satisfaction');
  });

  it('M2/M7: the ESQ hours at the checkpoint decide the funded outcome; month_12 completes monitoring (A8)', async () => {
    // Started 13 months ago: every checkpoint's window is open.
    const { planId, jobId } = await employedPlan(400);
    const v1 = await viewOk(
      'POST',
      `/api/plans/${planId}/checkpoints/month_1`,
      employedEsq(daysFromToday(-360), [{ jobId, minutesPerWeek: 1000 }]),
    );
    expect(checkpoint(v1, 'month_1').fundedOutcome).toMatchObject({ met: false, reason: 'under_20_hours' });
    const v3 = await viewOk(
      'POST',
      `/api/plans/${planId}/checkpoints/month_3`,
      employedEsq(daysFromToday(-300), [{ jobId }]),
    );
    expect(checkpoint(v3, 'month_3').fundedOutcome).toMatchObject({ met: true, countedJobIds: [jobId] });
    expect(v3.phase).toBe('monitoring');
    const v12 = await viewOk(
      'POST',
      `/api/plans/${planId}/checkpoints/month_12`,
      employedEsq(daysFromToday(-1), [{ jobId }]),
    );
    expect(v12.phase).toBe('after_final_checkpoint');
    // Lines exist once monitoring has started (the PBF ledger).
    expect(checkpoint(v12, 'month_3').ledger).not.toBeNull();
  });
});

describe('M9: evidence documents', () => {
  it('M9: an upload is stored sealed, downloads as the original, and is refused when its bytes are not its type or too large', async () => {
    const { planId, jobId } = await employedPlan(40);
    await viewOk(
      'POST',
      `/api/plans/${planId}/checkpoints/month_1`,
      employedEsq(daysFromToday(-5), [{ jobId }]),
    );
    const view = await viewOk('POST', `/api/plans/${planId}/evidence`, payStubBody('month_1'));
    const [doc] = checkpoint(view, 'month_1').evidence;
    expect(doc).toMatchObject({ kind: 'pay_stub', fileName: 'pay-stub-march.pdf', sufficient: true });
    const [stored] = await world.db
      .select()
      .from(employmentEvidence)
      .where(eq(employmentEvidence.id, doc!.id));
    const onDisk = await world.app.services.evidenceStore.get(stored!.storageKey);
    expect(onDisk).not.toBeNull();
    expect(onDisk!.equals(SAMPLE_FILES.pdf)).toBe(false);
    expect(onDisk!.includes(Buffer.from('pay stub for the period'))).toBe(false);
    expect(Buffer.from(stored!.fileNameSealed).toString('latin1')).not.toContain('pay-stub');

    const file = await call(caseworker(), 'GET', `/api/evidence/${doc!.id}/file`);
    expect(file.statusCode).toBe(200);
    expect(file.headers['content-type']).toContain('application/pdf');
    expect(file.rawPayload.equals(SAMPLE_FILES.pdf)).toBe(true);
    // The SSM's reviewers fetch it too (catchment scope).
    expect((await call(world.as.ssm_qa, 'GET', `/api/evidence/${doc!.id}/file`)).statusCode).toBe(200);
    expect(
      await count(
        sql`select count(*)::int as n from audit_log where entity_type = 'evidence' and entity_id = ${doc!.id} and action = 'read'`,
      ),
    ).toBe(2);

    const wrongType = await call(caseworker(), 'POST', `/api/plans/${planId}/evidence`, {
      ...payStubBody('month_1'),
      contentType: 'image/png',
    });
    expect(wrongType.statusCode).toBe(400);
    expect(problem(wrongType).errors?.[0]).toMatchObject({
      field: 'body.dataBase64',
      code: 'content_type_mismatch',
    });
    const big = Buffer.concat([SAMPLE_FILES.pdf, Buffer.alloc(EVIDENCE_MAX_BYTES)]);
    const tooLarge = await call(caseworker(), 'POST', `/api/plans/${planId}/evidence`, {
      ...payStubBody('month_1'),
      dataBase64: big.toString('base64'),
    });
    expect(tooLarge.statusCode).toBe(413);
    expect(problem(tooLarge).detail).toMatch(/at most/);

    // A JPEG, a WebP and start-date proof for the job are accepted by their own bytes.
    await viewOk('POST', `/api/plans/${planId}/evidence`, {
      ...payStubBody('month_1'),
      contentType: 'image/jpeg',
      dataBase64: SAMPLE_FILES.jpeg.toString('base64'),
    });
    await viewOk('POST', `/api/plans/${planId}/evidence`, {
      ...payStubBody('month_1'),
      contentType: 'image/webp',
      dataBase64: SAMPLE_FILES.webp.toString('base64'),
    });
    const withOffer = await viewOk('POST', `/api/plans/${planId}/evidence`, offerLetterBody(jobId));
    expect(withOffer.jobs[0]!.startDateEvidence).toHaveLength(1);
    expect(checkpoint(withOffer, 'month_1').evidenceGaps).toEqual([]);

    // Withdrawn evidence no longer counts nor downloads.
    const withdrawn = await viewOk('POST', `/api/evidence/${doc!.id}/withdraw`);
    expect(checkpoint(withdrawn, 'month_1').evidence.map((e) => e.id)).not.toContain(doc!.id);
    expect((await call(caseworker(), 'GET', `/api/evidence/${doc!.id}/file`)).statusCode).toBe(404);
  });

  it('M9: evidence under SSM review or approved stays on file, start-date proof included; after a rejection it can be withdrawn', async () => {
    const { planId, jobId } = await employedPlan(40);
    await viewOk(
      'POST',
      `/api/plans/${planId}/checkpoints/month_1`,
      employedEsq(daysFromToday(-5), [{ jobId }]),
    );
    await viewOk('POST', `/api/plans/${planId}/evidence`, payStubBody('month_1'));
    const filed = await viewOk('POST', `/api/plans/${planId}/evidence`, offerLetterBody(jobId));
    const stub = checkpoint(filed, 'month_1').evidence[0]!;
    const offer = filed.jobs[0]!.startDateEvidence[0] as { id: string };
    const submitted = await viewOk('POST', `/api/plans/${planId}/checkpoints/month_1/submit`);
    const checkpointId = checkpoint(submitted, 'month_1').record!.id;
    for (const doc of [stub, offer]) {
      const refused = await call(caseworker(), 'POST', `/api/evidence/${doc.id}/withdraw`);
      expect(refused.statusCode).toBe(422);
      expect(problem(refused).rule).toBe('M9');
    }
    const rejected = await call(world.as.ssm_qa, 'POST', `/api/pbf/checkpoints/${checkpointId}/reject`, {
      reason: 'The pay stub is for the wrong pay period.',
    });
    expect(rejected.statusCode).toBe(200);
    const after = await viewOk('POST', `/api/evidence/${stub.id}/withdraw`);
    expect(checkpoint(after, 'month_1').evidence).toEqual([]);
  });

  it('M9: evidence missing a required detail is not sufficient and leaves a gap', async () => {
    const { planId, jobId } = await employedPlan(40);
    await viewOk(
      'POST',
      `/api/plans/${planId}/checkpoints/month_1`,
      employedEsq(daysFromToday(-5), [{ jobId }]),
    );
    const view = await viewOk(
      'POST',
      `/api/plans/${planId}/evidence`,
      payStubBody('month_1', { coversDate: false }),
    );
    const c = checkpoint(view, 'month_1');
    expect(c.evidence[0]!.sufficient).toBe(false);
    expect(c.evidenceGaps).toEqual(
      expect.arrayContaining([
        { rule: 'M9', part: 'checkpoint', code: 'no_sufficient_document' },
        { rule: 'M9', part: 'start_date', code: 'no_start_date_proof' },
      ]),
    );
    // M9: submission is allowed with gaps (the line simply cannot be earned).
    const submitted = await viewOk('POST', `/api/plans/${planId}/checkpoints/month_1/submit`);
    expect(checkpoint(submitted, 'month_1').record!.reviewState).toBe('submitted');
    expect(checkpoint(submitted, 'month_1').ledger?.state).not.toBe('earned');
    const completion = await call(caseworker(), 'POST', `/api/plans/${planId}/checkpoints/completion/submit`);
    expect(completion.statusCode).toBe(422);
  });
});

describe('M10: attestations', () => {
  it('M10: the lead signs an attestation only after the SSM pre-approves it; then it counts', async () => {
    const { planId, jobId } = await employedPlan(40);
    await viewOk(
      'POST',
      `/api/plans/${planId}/checkpoints/month_1`,
      employedEsq(daysFromToday(-5), [{ jobId }]),
    );
    const requested = await viewOk('POST', `/api/plans/${planId}/checkpoints/month_1/attestation`, {
      covers: ['start_date', 'checkpoint'],
      rationale: 'The employer closed and no pay stubs can be had.',
      attempts: 'Called the employer three times; wrote twice.',
    });
    const a = checkpoint(requested, 'month_1').attestation!;
    expect(a).toMatchObject({ state: 'requested', signedAt: null });
    expect(checkpoint(requested, 'month_1').evidenceGaps.map((g) => g.code)).toContain(
      'attestation_not_pre_approved',
    );
    const lead = world.as.provider_lead;
    const early = await call(lead, 'POST', `/api/attestations/${a.id}/sign`);
    expect(early.statusCode).toBe(422);
    expect(problem(early).rule).toBe('M10');
    // A caseworker cannot sign at all.
    expect((await call(caseworker(), 'POST', `/api/attestations/${a.id}/sign`)).statusCode).toBe(403);

    // The SSM pre-approves (through the PBF route when it is there).
    const pre = await call(world.as.ssm_qa, 'POST', `/api/pbf/attestations/${a.id}/pre-approve`, {});
    if (pre.statusCode === 404 && problem(pre).code === 'route_not_found')
      await world.db
        .update(attestations)
        .set({ state: 'pre_approved', decidedAt: new Date() })
        .where(eq(attestations.id, a.id));
    else expect(pre.statusCode, pre.body).toBe(200);

    const signed = await viewOk('POST', `/api/attestations/${a.id}/sign`, undefined, lead);
    const c = checkpoint(signed, 'month_1');
    expect(c.attestation).toMatchObject({ state: 'pre_approved' });
    expect(c.attestation!.signedAt).not.toBeNull();
    expect(c.evidenceGaps).toEqual([]);
    // Conflicts are told in French too.
    const again = await call(lead, 'POST', `/api/attestations/${a.id}/sign`);
    expect(again.statusCode).toBe(409);
    expect(again.json()).toMatchObject({
      code: 'attestation_signed',
      messageFr: 'Cette attestation est déjà signée.',
    });
    const second = await call(caseworker(), 'POST', `/api/plans/${planId}/checkpoints/month_1/attestation`, {
      covers: ['checkpoint'],
      rationale: 'Again.',
      attempts: 'Again.',
    });
    expect(second.statusCode).toBe(409);
    expect(second.json()).toMatchObject({ code: 'attestation_exists', rule: 'M10' });
    expect((second.json() as { detail: string }).detail).toMatch(/^M10: /);
    expect((second.json() as { messageFr: string }).messageFr).toMatch(/^M10 : /);
  });
});

describe('the checkpoint worklist', () => {
  it('M7: checkpoints overdue, due this week and due later, per caseload and per provider', async () => {
    // Monday 2 November 2026: one plan started 35 days before, one 20 days before.
    const monday = new Date('2026-11-02T15:00:00Z');
    const old = await newPlan();
    const recent = await newPlan();
    world.setNow(monday);
    await viewOk('POST', `/api/plans/${old}/outcome`, {
      kind: 'not_employed',
      endedOn: '2026-09-28',
      allActivitiesOfferedConfirmed: true,
    });
    await viewOk('POST', `/api/plans/${recent}/outcome`, {
      kind: 'not_employed',
      endedOn: '2026-10-13',
      allActivitiesOfferedConfirmed: true,
    });
    const list = await ok<{
      items: { planId: string; kind: string; bucket: string; dueOn: string; caseworkerName: string | null }[];
      counts: Record<string, number>;
    }>(world, caseworker(), 'GET', '/api/checkpoints/worklist?scope=mine');
    const mine = list.items.filter((i) => i.planId === old || i.planId === recent);
    expect(mine.map((i) => [i.planId === old ? 'old' : 'recent', i.kind, i.bucket])).toEqual([
      // Completion of 28 Sept: window closed 28 Oct → overdue, listed first.
      ['old', 'completion', 'overdue'],
      // Then by due date: completion of 13 Oct (window open until 12 Nov) → due this week;
      ['recent', 'completion', 'due_this_week'],
      // 1 month of 28 Sept is 28 Oct: window open, due date passed → due this week.
      ['old', 'month_1', 'due_this_week'],
      // 13 Nov: window open since 30 Oct, due after Sunday 8 Nov → due later.
      ['recent', 'month_1', 'due_later'],
    ]);
    expect(list.counts.overdue).toBeGreaterThanOrEqual(1);
    expect(mine[0]!.caseworkerName).not.toBeNull();
    // The lead carries no caseload: "mine" is empty of these; the organization has them.
    const leadMine = await ok<{ items: { planId: string }[] }>(
      world,
      world.as.provider_lead,
      'GET',
      '/api/checkpoints/worklist?scope=mine',
    );
    expect(leadMine.items.some((i) => i.planId === old)).toBe(false);
    const org = await ok<{ items: { planId: string }[] }>(
      world,
      world.as.provider_lead,
      'GET',
      '/api/checkpoints/worklist?scope=organization',
    );
    expect(org.items.filter((i) => i.planId === old)).toHaveLength(2);
    // Another provider sees none of them.
    const p2 = await ok<{ items: { planId: string }[] }>(
      world,
      world.provider2Caseworker,
      'GET',
      '/api/checkpoints/worklist?scope=organization',
    );
    expect(p2.items.some((i) => i.planId === old || i.planId === recent)).toBe(false);
    // Recorded checkpoints leave the list.
    await viewOk('POST', `/api/plans/${recent}/checkpoints/completion`, {
      contactedOn: '2026-11-02',
      esqStatus: 'not_employed',
      satisfaction: '3',
      jobs: [],
    });
    const after = await ok<{ items: { planId: string; kind: string }[] }>(
      world,
      caseworker(),
      'GET',
      '/api/checkpoints/worklist',
    );
    expect(after.items.filter((i) => i.planId === recent).map((i) => i.kind)).toEqual(['month_1']);
  });
});

describe('who reads and writes monitoring (I2)', () => {
  it('I2: the SA caseworker reads a shared client’s monitoring but cannot write; another provider gets 404; reads are audited', async () => {
    const sa = world.as.sa_caseworker;
    const { plan } = await activeSaPlan(world, caseworker(), sa, 6_900_000);
    const endedOn = daysFromToday(-3);
    await viewOk('POST', `/api/plans/${plan.id}/outcome`, {
      kind: 'employed',
      endedOn,
      note: 'Internal note for the SSM.',
      jobs: [fundedJob(endedOn)],
    });
    // I4: SA sees the outcome at once.
    expect(
      await count(
        sql`select count(*)::int as n from icm_events where kind = 'outcome_recorded' and detail->>'planId' = ${plan.id}`,
      ),
    ).toBe(1);
    const before = await count(
      sql`select count(*)::int as n from audit_log where entity_type = 'monitoring' and entity_id = ${plan.id} and action = 'read'`,
    );
    const seen = await call(sa, 'GET', `/api/plans/${plan.id}/monitoring`);
    expect(seen.statusCode).toBe(200);
    const view = seen.json() as View;
    expect(view.outcome!.kind).toBe('employed');
    expect(view.outcome!.note).toBeNull();
    expect(view.actions).toEqual({ recordOutcome: false, addJob: false, recordCheckpoint: [], submit: [] });
    expect(
      await count(
        sql`select count(*)::int as n from audit_log where entity_type = 'monitoring' and entity_id = ${plan.id} and action = 'read'`,
      ),
    ).toBe(before + 1);
    const write = await call(sa, 'POST', `/api/plans/${plan.id}/jobs`, fundedJob(endedOn));
    expect(write.statusCode).toBe(403);
    const other = await call(world.provider2Caseworker, 'GET', `/api/plans/${plan.id}/monitoring`);
    expect(other.statusCode).toBe(404);
    const otherWrite = await call(
      world.provider2Caseworker,
      'POST',
      `/api/plans/${plan.id}/jobs`,
      fundedJob(endedOn),
    );
    expect(otherWrite.statusCode).toBe(404);
    // The other SA caseworker does not see this client at all.
    expect((await call(world.otherSaCaseworker, 'GET', `/api/plans/${plan.id}/monitoring`)).statusCode).toBe(
      404,
    );
  });

  it('I2/I3/M9: SA sees the checkpoint, that proof is on file and whether it suffices, but neither its file name nor the file itself; SSM staff outside PBF review neither', async () => {
    const sa = world.as.sa_caseworker;
    const { plan } = await activeSaPlan(world, caseworker(), sa, 6_910_000);
    const endedOn = daysFromToday(-3);
    const withJob = await viewOk('POST', `/api/plans/${plan.id}/outcome`, {
      kind: 'employed',
      endedOn,
      jobs: [fundedJob(endedOn)],
    });
    const jobId = withJob.jobs[0]!.id;
    const uploaded = await viewOk('POST', `/api/plans/${plan.id}/evidence`, offerLetterBody(jobId));
    const [mine] = uploaded.jobs[0]!.startDateEvidence as { id: string; fileName: string | null }[];
    expect(mine!.fileName).toBe('offer-letter.png');

    const seen = await ok<View>(world, sa, 'GET', `/api/plans/${plan.id}/monitoring`);
    expect(seen.jobs[0]!.startDateEvidence).toEqual([
      expect.objectContaining({ id: mine!.id, kind: 'offer_letter', fileName: null, sufficient: true }),
    ]);

    const reads = sql`select count(*)::int as n from audit_log where entity_type = 'evidence' and entity_id = ${mine!.id} and action = 'read'`;
    const refused = await call(sa, 'GET', `/api/evidence/${mine!.id}/file`);
    expect(refused.statusCode).toBe(403);
    expect(problem(refused).rule).toBe('I2');
    expect(problem(refused).detail).toMatch(/^I2: /);
    expect((refused.json() as { messageFr?: string }).messageFr).toMatch(/^I2 : /);
    expect(refused.rawPayload.includes(SAMPLE_FILES.png)).toBe(false);
    expect(await count(reads)).toBe(0);
    // Another provider's staff do not learn the document exists; the SA caseworker of another
    // client neither.
    expect((await call(world.provider2Caseworker, 'GET', `/api/evidence/${mine!.id}/file`)).statusCode).toBe(
      404,
    );
    expect((await call(world.otherSaCaseworker, 'GET', `/api/evidence/${mine!.id}/file`)).statusCode).toBe(
      404,
    );
    // The delivering provider and the SSM's reviewers fetch it (audited).
    expect((await call(caseworker(), 'GET', `/api/evidence/${mine!.id}/file`)).statusCode).toBe(200);
    expect((await call(world.as.ssm_qa, 'GET', `/api/evidence/${mine!.id}/file`)).statusCode).toBe(200);
    expect(await count(reads)).toBe(2);
    // M9 need to know: SSM intake sees the plan and that proof is on file, not the document itself.
    const intake = await call(world.as.ssm_intake, 'GET', `/api/evidence/${mine!.id}/file`);
    expect(intake.statusCode).toBe(403);
    expect(problem(intake).rule).toBe('M9');
    expect(await count(reads)).toBe(2);
  });
});
