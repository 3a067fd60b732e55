/**
 * Outcomes, jobs, employer supports, checkpoints, evidence and attestations (M1–M10, F12, K3).
 * Plain reads and writes: the rules live in `src/domain/monitoring`, the checks in the service.
 * Every read here is by a plan id the caller has already scoped (`findVisiblePlan`) or by a
 * provider for the worklist.
 */
import { and, asc, eq, inArray, isNotNull, isNull, ne } from 'drizzle-orm';
import type { ClientVisibility } from '../../domain/access/policy.js';
import type { Queryable } from '../connection.js';
import { clientScope } from '../scope.js';
import {
  assessments,
  attestations,
  caseloadAssignments,
  checkpointJobs,
  checkpoints,
  clients,
  employerSupportPeriods,
  employmentEvidence,
  employmentJobs,
  planOutcomes,
  plans,
  users,
} from '../schema.js';

export type PlanOutcomeRow = typeof planOutcomes.$inferSelect;
export type JobRow = typeof employmentJobs.$inferSelect;
export type SupportPeriodRow = typeof employerSupportPeriods.$inferSelect;
export type CheckpointRow = typeof checkpoints.$inferSelect;
export type CheckpointJobRow = typeof checkpointJobs.$inferSelect;
export type EvidenceRow = typeof employmentEvidence.$inferSelect;
export type AttestationRow = typeof attestations.$inferSelect;

export async function planRow(q: Queryable, planId: string) {
  const [row] = await q.select().from(plans).where(eq(plans.id, planId));
  return row ?? null;
}

/** The plan's CA: its sealed answers (M2 entry status) and service level (S4). */
export async function planAssessment(q: Queryable, assessmentId: string) {
  const [row] = await q
    .select({ answersSealed: assessments.answersSealed, serviceLevel: assessments.serviceLevel })
    .from(assessments)
    .where(eq(assessments.id, assessmentId));
  return row ?? null;
}

export async function outcomeOf(q: Queryable, planId: string): Promise<PlanOutcomeRow | null> {
  const [row] = await q.select().from(planOutcomes).where(eq(planOutcomes.planId, planId));
  return row ?? null;
}

export async function jobsOf(q: Queryable, planId: string): Promise<JobRow[]> {
  return q
    .select()
    .from(employmentJobs)
    .where(eq(employmentJobs.planId, planId))
    .orderBy(asc(employmentJobs.startedOn), asc(employmentJobs.createdAt), asc(employmentJobs.id));
}

export async function supportPeriodsOf(q: Queryable, planId: string): Promise<SupportPeriodRow[]> {
  return q
    .select()
    .from(employerSupportPeriods)
    .where(eq(employerSupportPeriods.planId, planId))
    .orderBy(asc(employerSupportPeriods.startsOn), asc(employerSupportPeriods.id));
}

export async function checkpointsOf(q: Queryable, planId: string): Promise<CheckpointRow[]> {
  return q.select().from(checkpoints).where(eq(checkpoints.planId, planId));
}

export async function checkpointJobsOf(q: Queryable, checkpointIds: string[]): Promise<CheckpointJobRow[]> {
  if (checkpointIds.length === 0) return [];
  return q.select().from(checkpointJobs).where(inArray(checkpointJobs.checkpointId, checkpointIds));
}

/** Evidence on file for the plan (not withdrawn), oldest first. */
export async function evidenceOf(q: Queryable, planId: string): Promise<EvidenceRow[]> {
  return q
    .select()
    .from(employmentEvidence)
    .where(and(eq(employmentEvidence.planId, planId), isNull(employmentEvidence.withdrawnAt)))
    .orderBy(asc(employmentEvidence.uploadedAt), asc(employmentEvidence.id));
}

/** The live (not rejected) attestations of the plan, one per checkpoint at most. */
export async function liveAttestationsOf(q: Queryable, planId: string): Promise<AttestationRow[]> {
  return q
    .select()
    .from(attestations)
    .where(and(eq(attestations.planId, planId), ne(attestations.state, 'rejected')));
}

export async function evidenceById(q: Queryable, evidenceId: string): Promise<EvidenceRow | null> {
  const [row] = await q.select().from(employmentEvidence).where(eq(employmentEvidence.id, evidenceId));
  return row ?? null;
}

export async function attestationById(q: Queryable, attestationId: string): Promise<AttestationRow | null> {
  const [row] = await q.select().from(attestations).where(eq(attestations.id, attestationId));
  return row ?? null;
}

/** Display names of users, for "recorded by", "uploaded by" and the like. */
export async function userNames(q: Queryable, ids: readonly string[]): Promise<Map<string, string>> {
  const unique = [...new Set(ids)];
  if (unique.length === 0) return new Map();
  const rows = await q
    .select({ id: users.id, name: users.displayName })
    .from(users)
    .where(inArray(users.id, unique));
  return new Map(rows.map((r) => [r.id, r.name]));
}

// ---------------------------------------------------------------------------------------------
// Writes

/** The plan's monitoring facts (M3 start, A8 phase) the monitoring service owns. */
export async function setPlanMonitoring(
  q: Queryable,
  planId: string,
  set: Pick<
    Partial<typeof plans.$inferInsert>,
    'monitoringStartedOn' | 'outcomeRecordedAt' | 'finalCheckpointCompletedAt' | 'updatedAt'
  >,
): Promise<void> {
  await q.update(plans).set(set).where(eq(plans.id, planId));
}

export async function insertOutcome(q: Queryable, values: typeof planOutcomes.$inferInsert): Promise<void> {
  await q.insert(planOutcomes).values(values);
}

export async function insertJob(q: Queryable, values: typeof employmentJobs.$inferInsert): Promise<string> {
  const [row] = await q.insert(employmentJobs).values(values).returning({ id: employmentJobs.id });
  return row!.id;
}

export async function updateJob(
  q: Queryable,
  jobId: string,
  set: Partial<typeof employmentJobs.$inferInsert>,
): Promise<void> {
  await q.update(employmentJobs).set(set).where(eq(employmentJobs.id, jobId));
}

export async function insertSupportPeriod(
  q: Queryable,
  values: typeof employerSupportPeriods.$inferInsert,
): Promise<string> {
  const [row] = await q
    .insert(employerSupportPeriods)
    .values(values)
    .returning({ id: employerSupportPeriods.id });
  return row!.id;
}

export async function updateSupportPeriod(
  q: Queryable,
  periodId: string,
  set: Partial<typeof employerSupportPeriods.$inferInsert>,
): Promise<void> {
  await q.update(employerSupportPeriods).set(set).where(eq(employerSupportPeriods.id, periodId));
}

export async function insertCheckpoint(
  q: Queryable,
  values: typeof checkpoints.$inferInsert,
): Promise<string> {
  const [row] = await q.insert(checkpoints).values(values).returning({ id: checkpoints.id });
  return row!.id;
}

/** Changes a checkpoint only while it is in the review state the caller read (a concurrent submit loses). */
export async function updateCheckpoint(
  q: Queryable,
  checkpointId: string,
  expectedReviewState: CheckpointRow['reviewState'],
  set: Partial<typeof checkpoints.$inferInsert>,
): Promise<boolean> {
  const rows = await q
    .update(checkpoints)
    .set(set)
    .where(and(eq(checkpoints.id, checkpointId), eq(checkpoints.reviewState, expectedReviewState)))
    .returning({ id: checkpoints.id });
  return rows.length === 1;
}

export async function replaceCheckpointJobs(
  q: Queryable,
  checkpointId: string,
  jobs: Omit<typeof checkpointJobs.$inferInsert, 'checkpointId'>[],
): Promise<void> {
  await q.delete(checkpointJobs).where(eq(checkpointJobs.checkpointId, checkpointId));
  if (jobs.length) await q.insert(checkpointJobs).values(jobs.map((j) => ({ ...j, checkpointId })));
}

export async function insertEvidence(
  q: Queryable,
  values: typeof employmentEvidence.$inferInsert,
): Promise<string> {
  const [row] = await q.insert(employmentEvidence).values(values).returning({ id: employmentEvidence.id });
  return row!.id;
}

export async function withdrawEvidenceRow(q: Queryable, evidenceId: string, at: Date): Promise<boolean> {
  const rows = await q
    .update(employmentEvidence)
    .set({ withdrawnAt: at })
    .where(and(eq(employmentEvidence.id, evidenceId), isNull(employmentEvidence.withdrawnAt)))
    .returning({ id: employmentEvidence.id });
  return rows.length === 1;
}

export async function insertAttestation(
  q: Queryable,
  values: typeof attestations.$inferInsert,
): Promise<string> {
  const [row] = await q.insert(attestations).values(values).returning({ id: attestations.id });
  return row!.id;
}

/** M10: the lead signs a pre-approved attestation once; a second signature (or a race) changes nothing. */
export async function signAttestationRow(
  q: Queryable,
  attestationId: string,
  userId: string,
  at: Date,
): Promise<boolean> {
  const rows = await q
    .update(attestations)
    .set({ signedByUserId: userId, signedAt: at })
    .where(
      and(
        eq(attestations.id, attestationId),
        eq(attestations.state, 'pre_approved'),
        isNull(attestations.signedAt),
      ),
    )
    .returning({ id: attestations.id });
  return rows.length === 1;
}

// ---------------------------------------------------------------------------------------------
// The checkpoint worklist

/**
 * The provider's plans in monitoring (a start date fixed or computed, not closed), with the client's
 * names and current caseworker; `caseworkerUserId` limits them to one caseload.
 */
export async function monitoredPlansOf(
  q: Queryable,
  visibility: ClientVisibility,
  organizationId: string,
  caseworkerUserId: string | null,
) {
  const where = [
    clientScope(visibility),
    eq(plans.organizationId, organizationId),
    ne(plans.status, 'closed'),
    isNotNull(plans.monitoringStartedOn),
  ];
  if (caseworkerUserId) where.push(eq(caseloadAssignments.caseworkerUserId, caseworkerUserId));
  return q
    .select({
      plan: plans,
      client: {
        legalGivenName: clients.legalGivenName,
        legalFamilyName: clients.legalFamilyName,
        preferredName: clients.preferredName,
        purgedAt: clients.purgedAt,
      },
      caseworkerName: users.displayName,
    })
    .from(plans)
    .innerJoin(clients, eq(clients.id, plans.clientId))
    .leftJoin(
      caseloadAssignments,
      and(
        eq(caseloadAssignments.clientId, plans.clientId),
        eq(caseloadAssignments.organizationId, plans.organizationId),
        isNull(caseloadAssignments.endedAt),
      ),
    )
    .leftJoin(users, eq(users.id, caseloadAssignments.caseworkerUserId))
    .where(and(...where));
}

/** Which checkpoints each plan has recorded. */
export async function recordedCheckpointsOf(q: Queryable, planIds: string[]) {
  if (planIds.length === 0) return [];
  return q
    .select({ planId: checkpoints.planId, kind: checkpoints.kind, contactedOn: checkpoints.contactedOn })
    .from(checkpoints)
    .where(inArray(checkpoints.planId, planIds));
}
