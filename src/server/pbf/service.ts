/**
 * Performance-based funding (K4, K6, M5, M8, M9, M10, F12): the SSM's review of checkpoint
 * submissions and attestations, the provider's quarterly statement (screen and CSV), finance's
 * payment of approved lines, and the per-provider funding agreement. Every change writes the plan's
 * history and refreshes the ledger in one transaction; every read of client records is audited.
 */
import type { z } from 'zod';
import type { Database, Transaction } from '../../db/connection.js';
import { displayNameOf } from '../../db/repositories/case-management.js';
import {
  attestationRow,
  checkpointRow,
  fundingAgreementOf,
  ledgerLineOf,
  markApprovedLinesPaid,
  organizationById,
  plansWithUnpaidLines,
  requestedAttestations,
  saveFundingAgreement,
  setAttestationDecision,
  setCheckpointReview,
  statementLines,
  submittedCheckpoints,
} from '../../db/repositories/pbf.js';
import { userNames } from '../../db/repositories/monitoring.js';
import { clientVisibility } from '../../domain/access/policy.js';
import type { Stream } from '../../domain/assessment/types.js';
import {
  fiscalQuarterLabel,
  fiscalQuarterRange,
  type FiscalQuarterNumber,
} from '../../domain/calendar/fiscal-year.js';
import {
  countedJobsSummary,
  hoursText,
  statementJobQuality,
  type CheckpointOutcome,
} from '../../domain/monitoring/job-quality.js';
import { csvRow, dollarsOf, payableCentsOf, statementTotals } from '../../domain/monitoring/pbf-ledger.js';
import {
  DEFAULT_FUNDING_AGREEMENT_AMOUNTS,
  evidenceGaps,
  fundingAgreementProblems,
  PBF_CHECKPOINTS,
  type FundingAgreementAmounts,
  type PbfCheckpoint,
} from '../../domain/monitoring/pbf.js';
import type { CheckpointKind } from '../../domain/monitoring/types.js';
import { audit, auditEach } from '../audit/record.js';
import { PersonalDataKey } from '../clients/personal-data.js';
import type { RequestContext } from '../http/context.js';
import { conflict, forbidden, notFound, ProblemError } from '../http/problem.js';
import {
  ATTESTATION_ATTEMPTS_FIELD,
  ATTESTATION_DECISION_REASON_FIELD,
  ATTESTATION_OTHER_FACTORS_FIELD,
  ATTESTATION_RATIONALE_FIELD,
  checkpointEvidenceOf,
  checkpointFundedOutcome,
  loadPlanMonitoringFacts,
  REVIEW_REASON_FIELD,
  type PlanMonitoringFacts,
} from '../monitoring/facts.js';
import {
  evidenceViewOf,
  keyOfPlanId,
  keyOfVisiblePlan,
  planEventBy,
  planInScope,
} from '../monitoring/shared.js';
import type { PersonCrypto } from '../privacy/crypto.js';
import { lineKey, statementLineOutcomes } from './job-quality.js';
import { refreshPbfLedger, refreshPbfLedgers } from './ledger.js';
import type {
  attestationDecisionSchema,
  checkpointReviewSchema,
  fundingAgreementSchema,
  reviewQueueSchema,
  Statement,
} from './schemas.js';

export interface PbfDeps {
  db: Database;
  crypto: PersonCrypto;
  now: () => Date;
}

const isPbfCheckpoint = (k: CheckpointKind): k is PbfCheckpoint =>
  (PBF_CHECKPOINTS as readonly string[]).includes(k);

async function keyOfPlan(q: Database | Transaction, deps: PbfDeps, planId: string): Promise<PersonalDataKey> {
  const key = await keyOfPlanId(q, deps.crypto, planId);
  if (!key) throw notFound('Plan');
  return key;
}

const planEvent = planEventBy;

const reviewMovedOn = () =>
  conflict('review_changed', 'Someone else reviewed this just now; reload the review queue and try again.', {
    messageFr: 'Quelqu’un d’autre vient de faire cet examen; rechargez la file d’examen et réessayez.',
  });

// ---------------------------------------------------------------------------------------------
// The review queue (M9, M10)

/** The SSM's queue: submitted PBF checkpoints with their evidence, and attestations awaiting pre-approval. Audited. */
export async function reviewQueue(
  deps: PbfDeps,
  ctx: RequestContext,
): Promise<z.infer<typeof reviewQueueSchema>> {
  const visibility = clientVisibility(ctx.actor);
  const submitted = await submittedCheckpoints(deps.db, visibility);
  const requested = await requestedAttestations(deps.db, visibility);
  const factsByPlan = new Map<string, { key: PersonalDataKey; facts: PlanMonitoringFacts }>();
  for (const planId of new Set(submitted.map((s) => s.planId))) {
    const key = await keyOfPlan(deps.db, deps, planId);
    factsByPlan.set(planId, { key, facts: await loadPlanMonitoringFacts(deps.db, planId, key) });
  }
  const uploaders = [...factsByPlan.values()].flatMap(({ facts }) => [
    ...facts.startDateEvidence,
    ...Object.values(facts.records).flatMap((r) => r.evidence),
  ]);
  const names = await userNames(
    deps.db,
    uploaders.map((e) => e.uploadedByUserId),
  );
  const checkpoints = submitted.map((s) => {
    const { key, facts } = factsByPlan.get(s.planId)!;
    const kind = s.checkpoint.kind;
    const record = facts.records[kind];
    const decision = checkpointFundedOutcome(facts, kind);
    // The start-date proof of the jobs held (M9), then this checkpoint's own documents.
    const evidence = [...facts.startDateEvidence, ...(record?.evidence ?? [])];
    return {
      checkpointId: s.checkpoint.id,
      planId: s.planId,
      planReference: s.planReference,
      clientId: s.clientId,
      clientName: displayNameOf(s),
      providerName: s.providerName,
      stream: s.stream,
      kind,
      dueOn: s.checkpoint.dueOn,
      submittedAt: s.checkpoint.submittedAt?.toISOString() ?? null,
      esqStatus: s.checkpoint.esqStatus,
      fundedOutcome: decision
        ? { met: decision.met, reason: decision.reason, stacked: decision.stacked }
        : null,
      evidence: evidence.map((e) => evidenceViewOf(e, key, names, { withFileName: true })),
      evidenceGaps: evidenceGaps(checkpointEvidenceOf(facts, kind)),
      attestationState: record?.attestation?.state ?? null,
      attestationSigned: record?.attestation?.signedAt != null,
    };
  });
  const keys = new Map<string, PersonalDataKey>();
  const attestations = [];
  for (const a of requested) {
    const key = keys.get(a.planId) ?? (await keyOfPlan(deps.db, deps, a.planId));
    keys.set(a.planId, key);
    attestations.push({
      id: a.attestation.id,
      planId: a.planId,
      planReference: a.planReference,
      clientId: a.clientId,
      clientName: displayNameOf(a),
      providerName: a.providerName,
      kind: a.kind,
      covers: a.attestation.covers,
      rationale: key.openText(ATTESTATION_RATIONALE_FIELD, a.attestation.rationaleSealed) ?? '',
      attempts: key.openText(ATTESTATION_ATTEMPTS_FIELD, a.attestation.attemptsSealed) ?? '',
      otherFactors: key.openText(ATTESTATION_OTHER_FACTORS_FIELD, a.attestation.otherFactorsSealed),
      requestedAt: a.attestation.requestedAt.toISOString(),
      requestedBy: a.requestedByName,
    });
  }
  await deps.db.transaction(async (tx) => {
    await auditEach(
      tx,
      ctx,
      'read',
      'checkpoint',
      submitted.map((s) => ({ entityId: s.checkpoint.id, clientId: s.clientId })),
    );
    await auditEach(
      tx,
      ctx,
      'read',
      'attestation',
      requested.map((a) => ({ entityId: a.attestation.id, clientId: a.clientId })),
    );
  });
  return { checkpoints, attestations };
}

// ---------------------------------------------------------------------------------------------
// Reviewing a checkpoint (M9, M10)

/** The checkpoint and its plan, if the reviewer's catchment holds the client (else 404: no existence leak). */
async function reviewable(deps: PbfDeps, ctx: RequestContext, checkpointId: string) {
  const checkpoint = await checkpointRow(deps.db, checkpointId);
  if (!checkpoint) throw notFound('Checkpoint');
  const plan = await planInScope(deps.db, ctx, checkpoint.planId);
  if (!plan) throw notFound('Checkpoint');
  if (!isPbfCheckpoint(checkpoint.kind))
    throw conflict('not_a_pbf_checkpoint', 'The completion checkpoint is not submitted for PBF review.', {
      messageFr: 'Le point de contrôle de fin n’est pas soumis à l’examen du FAR.',
    });
  return { checkpoint, plan, kind: checkpoint.kind };
}

async function ledgerSummary(tx: Transaction, planId: string, kind: PbfCheckpoint) {
  const line = await ledgerLineOf(tx, planId, kind);
  return line ? { state: line.state, reason: line.reason, amountCents: line.amountCents } : null;
}

/**
 * The SSM approves a submitted checkpoint. Choice (M9): approval of a checkpoint whose funded
 * outcome is met but whose evidence is insufficient (no sufficient document and no pre-approved,
 * lead-signed attestation) is refused with 422 rather than recorded, so an approval always means
 * "verified"; the SSM rejects it with a reason instead, or waits for the provider's evidence. A
 * checkpoint whose outcome is not met may be approved (the SSM accepts the report); its line stays
 * not met. Either way the ledger, not the approval, decides what is earned.
 */
export async function approveCheckpoint(
  deps: PbfDeps,
  ctx: RequestContext,
  checkpointId: string,
): Promise<z.infer<typeof checkpointReviewSchema>> {
  const { checkpoint, plan, kind } = await reviewable(deps, ctx, checkpointId);
  if (checkpoint.reviewState !== 'submitted')
    throw conflict('checkpoint_not_submitted', 'Only a checkpoint submitted for review can be approved.', {
      messageFr: 'Seul un point de contrôle soumis à l’examen peut être approuvé.',
    });
  const now = deps.now();
  const key = keyOfVisiblePlan(deps.crypto, plan);
  const ledger = await deps.db.transaction(async (tx) => {
    const facts = await loadPlanMonitoringFacts(tx, checkpoint.planId, key);
    const decision = checkpointFundedOutcome(facts, kind);
    const gaps = evidenceGaps(checkpointEvidenceOf(facts, kind));
    if (decision?.met && gaps.length > 0) {
      const rule = gaps[0]!.rule;
      const codes = gaps.map((g) => `${g.part}: ${g.code}`).join(', ');
      throw new ProblemError(422, 'rule_refused', 'Refused by a program rule', {
        rule,
        detail: `${rule}: the checkpoint's evidence is not sufficient (${codes}); it cannot be approved until a sufficient document or a pre-approved, lead-signed attestation covers it.`,
        messageFr: `${rule} : la preuve du point de contrôle est insuffisante (${codes}); il ne peut être approuvé avant qu’un document suffisant ou une attestation préapprouvée et signée par la direction le couvre.`,
        errors: gaps.map((g) => ({
          field: 'params.checkpointId',
          message: `${g.rule}: ${g.code}`,
          code: g.code,
        })),
      });
    }
    if (
      !(await setCheckpointReview(tx, checkpointId, ['submitted'], {
        reviewState: 'approved',
        reviewedAt: now,
        reviewedByUserId: ctx.actor.userId,
        reviewReasonSealed: null,
        updatedAt: now,
      }))
    )
      throw reviewMovedOn();
    await planEvent(tx, ctx, checkpoint.planId, now, 'checkpoint_approved', { checkpointId, kind });
    await refreshPbfLedger(tx, checkpoint.planId, deps);
    await audit(tx, ctx, 'update', 'checkpoint', checkpointId, plan.plan.clientId);
    return ledgerSummary(tx, checkpoint.planId, kind);
  });
  return { checkpointId, reviewState: 'approved', ledger };
}

/**
 * The SSM rejects a submitted checkpoint, or reverses an approval not yet paid: the line is no
 * longer payable (`ssm_rejected`). A paid line is final (409). The provider may correct and resubmit.
 */
export async function rejectCheckpoint(
  deps: PbfDeps,
  ctx: RequestContext,
  checkpointId: string,
  reason: string,
): Promise<z.infer<typeof checkpointReviewSchema>> {
  const { checkpoint, plan, kind } = await reviewable(deps, ctx, checkpointId);
  if (checkpoint.reviewState !== 'submitted' && checkpoint.reviewState !== 'approved')
    throw conflict(
      'checkpoint_not_submitted',
      'Only a checkpoint submitted for review, or approved and not yet paid, can be rejected.',
      {
        messageFr:
          'Seul un point de contrôle soumis à l’examen, ou approuvé et pas encore payé, peut être rejeté.',
      },
    );
  const now = deps.now();
  const key = keyOfVisiblePlan(deps.crypto, plan);
  const ledger = await deps.db.transaction(async (tx) => {
    const line = await ledgerLineOf(tx, checkpoint.planId, kind);
    if (line?.paidAt)
      throw conflict(
        'line_paid',
        'K6: this checkpoint’s PBF line has been paid; a paid line cannot be reversed.',
        {
          rule: 'K6',
          messageFr:
            'K6 : la ligne de FAR de ce point de contrôle a été payée; une ligne payée ne peut être annulée.',
        },
      );
    if (
      !(await setCheckpointReview(tx, checkpointId, [checkpoint.reviewState], {
        reviewState: 'rejected',
        reviewedAt: now,
        reviewedByUserId: ctx.actor.userId,
        reviewReasonSealed: key.sealText(REVIEW_REASON_FIELD, reason),
        updatedAt: now,
      }))
    )
      throw reviewMovedOn();
    // The reason is personal text: sealed on the checkpoint, never copied into the history.
    await planEvent(tx, ctx, checkpoint.planId, now, 'checkpoint_rejected', {
      checkpointId,
      kind,
      reversedApproval: checkpoint.reviewState === 'approved',
    });
    await refreshPbfLedger(tx, checkpoint.planId, deps);
    await audit(tx, ctx, 'update', 'checkpoint', checkpointId, plan.plan.clientId);
    return ledgerSummary(tx, checkpoint.planId, kind);
  });
  return { checkpointId, reviewState: 'rejected', ledger };
}

// ---------------------------------------------------------------------------------------------
// Attestations (M10)

async function decidable(deps: PbfDeps, ctx: RequestContext, attestationId: string) {
  const attestation = await attestationRow(deps.db, attestationId);
  if (!attestation) throw notFound('Attestation');
  const plan = await planInScope(deps.db, ctx, attestation.planId);
  if (!plan) throw notFound('Attestation');
  if (attestation.state !== 'requested')
    throw conflict(
      'attestation_decided',
      'M10: this attestation has already been pre-approved or rejected.',
      {
        rule: 'M10',
        messageFr: 'M10 : cette attestation a déjà été préapprouvée ou rejetée.',
      },
    );
  const checkpoint = await checkpointRow(deps.db, attestation.checkpointId);
  return { attestation, plan, kind: checkpoint!.kind };
}

/** M10: the SSM pre-approves (or rejects) an attestation; it counts once the lead has also signed it. */
export async function decideAttestation(
  deps: PbfDeps,
  ctx: RequestContext,
  attestationId: string,
  decision: { preApprove: true } | { preApprove: false; reason: string },
): Promise<z.infer<typeof attestationDecisionSchema>> {
  const { attestation, plan, kind } = await decidable(deps, ctx, attestationId);
  const now = deps.now();
  const key = keyOfVisiblePlan(deps.crypto, plan);
  const state = decision.preApprove ? 'pre_approved' : 'rejected';
  const ledger = await deps.db.transaction(async (tx) => {
    if (
      !(await setAttestationDecision(tx, attestationId, {
        state,
        decidedAt: now,
        decidedByUserId: ctx.actor.userId,
        decisionReasonSealed: decision.preApprove
          ? null
          : key.sealText(ATTESTATION_DECISION_REASON_FIELD, decision.reason),
      }))
    )
      throw reviewMovedOn();
    await planEvent(
      tx,
      ctx,
      attestation.planId,
      now,
      decision.preApprove ? 'attestation_pre_approved' : 'attestation_rejected',
      { attestationId, checkpointId: attestation.checkpointId, kind },
    );
    await refreshPbfLedger(tx, attestation.planId, deps);
    await audit(tx, ctx, 'update', 'attestation', attestationId, plan.plan.clientId);
    return isPbfCheckpoint(kind) ? ledgerSummary(tx, attestation.planId, kind) : null;
  });
  return { attestationId, checkpointId: attestation.checkpointId, state, ledger };
}

// ---------------------------------------------------------------------------------------------
// Statements (K6), payment, funding agreements (K4)

/**
 * The provider a PBF read or change names: one of the actor's catchment (else 404); provider staff
 * only their own (else 403).
 */
async function providerInScope(deps: PbfDeps, ctx: RequestContext, organizationId: string) {
  const org = await organizationById(deps.db, organizationId);
  if (!org || org.kind !== 'provider' || org.catchmentId !== ctx.actor.catchmentId)
    throw notFound('Provider');
  if (ctx.actor.organizationKind !== 'ssm' && org.id !== ctx.actor.organizationId)
    throw forbidden('A provider reads its own PBF statements and funding agreement only.');
  return org;
}

export interface QuarterInput {
  organizationId: string;
  fiscalYear: number;
  quarter: number;
}

/**
 * The provider's PBF lines whose checkpoint falls in the fiscal quarter, with totals computed from
 * them and, beside the counts, L4's job quality of the lines' recorded checkpoints: each line's
 * counted jobs (hours summed, best wage, permanent if any) and, over the lines, hours, wage,
 * permanence and full time overall and by stream, with retention per checkpoint. Audited.
 */
export async function getStatement(
  deps: PbfDeps,
  ctx: RequestContext,
  input: QuarterInput,
  options: { audited?: boolean } = {},
): Promise<Statement> {
  const org = await providerInScope(deps, ctx, input.organizationId);
  const q = { fiscalYear: input.fiscalYear, quarter: input.quarter as FiscalQuarterNumber };
  const rows = await statementLines(deps.db, clientVisibility(ctx.actor), input);
  const outcomes = await statementLineOutcomes(
    deps.db,
    deps.crypto,
    rows.map((r) => r.line),
  );
  const recorded: CheckpointOutcome[] = [];
  const lines = rows.map((r) => {
    const outcome = outcomes.get(lineKey(r.line)) ?? null;
    const stream = r.line.stream as Stream;
    if (outcome) recorded.push({ checkpoint: r.line.checkpoint, stream, ...outcome });
    return {
      lineId: r.line.id,
      planId: r.line.planId,
      planReference: r.planReference,
      clientId: r.client.id,
      clientName: r.client.purgedAt ? null : displayNameOf(r.client),
      stream,
      checkpoint: r.line.checkpoint,
      dueOn: r.line.dueOn,
      state: r.line.state,
      reason: r.line.reason,
      retroactive: r.line.retroactive,
      stacked: r.line.stacked,
      stackingRefused: r.line.stackingRefused,
      amountCents: r.line.amountCents,
      payableCents: payableCentsOf(r.line),
      paidAt: r.line.paidAt?.toISOString() ?? null,
      fundedOutcomeMet: outcome?.fundedOutcomeMet ?? null,
      ...countedJobsSummary(outcome?.jobs ?? []),
    };
  });
  if (!options.audited)
    await deps.db.transaction((tx) =>
      auditEach(
        tx,
        ctx,
        'read',
        'pbf_ledger_line',
        lines.map((l) => ({ entityId: l.lineId, clientId: l.clientId })),
      ),
    );
  const range = fiscalQuarterRange(q);
  return {
    organizationId: org.id,
    organizationName: org.name,
    fiscalYear: input.fiscalYear,
    quarter: input.quarter,
    label: fiscalQuarterLabel(q),
    from: range.from,
    to: range.to,
    lines,
    ...statementTotals(lines),
    jobQuality: statementJobQuality(recorded),
  };
}

const CSV_HEADER = [
  'plan_reference',
  'client_name',
  'stream',
  'checkpoint',
  'due_on',
  'state',
  'reason',
  'retroactive',
  'stacked',
  'stacking_refused',
  'amount',
  'payable',
  'paid_at',
  'hours_per_week',
  'hourly_wage',
  'permanence',
];

/**
 * K6: the statement as CSV: a header row, one row per line, a totals row; amounts in dollars. L4:
 * each line's counted jobs' hours a week (one decimal), best hourly wage (dollars) and permanence,
 * empty when the outcome is not met; the totals row leaves them empty (job quality is on screen).
 */
export function statementCsv(s: Statement): { fileName: string; body: string } {
  const rows = [
    CSV_HEADER,
    ...s.lines.map((l) => [
      l.planReference,
      l.clientName,
      l.stream,
      l.checkpoint,
      l.dueOn,
      l.state,
      l.reason,
      l.retroactive,
      l.stacked,
      l.stackingRefused,
      dollarsOf(l.amountCents),
      dollarsOf(l.payableCents),
      l.paidAt,
      l.minutesPerWeek === null ? null : hoursText(l.minutesPerWeek),
      l.hourlyWageCents === null ? null : dollarsOf(l.hourlyWageCents),
      l.permanence,
    ]),
    [
      'Total',
      null,
      null,
      null,
      null,
      null,
      null,
      null,
      null,
      null,
      dollarsOf(s.lines.reduce((sum, l) => sum + l.amountCents, 0)),
      dollarsOf(s.totals.payableCents),
      null,
      null,
      null,
      null,
    ],
  ];
  const org = s.organizationName
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-|-$/g, '');
  return {
    fileName: `pbf-${org || s.organizationId}-${s.fiscalYear}-Q${s.quarter}.csv`,
    body: rows.map(csvRow).join('\r\n') + '\r\n',
  };
}

/** K6: finance marks every approved line of the provider's quarter paid, each plan's history told. */
export async function payStatement(
  deps: PbfDeps,
  ctx: RequestContext,
  input: QuarterInput,
): Promise<Statement> {
  await providerInScope(deps, ctx, input.organizationId);
  const now = deps.now();
  await deps.db.transaction(async (tx) => {
    const paid = await markApprovedLinesPaid(tx, input, { userId: ctx.actor.userId, at: now });
    const byPlan = new Map<string, typeof paid>();
    for (const l of paid) byPlan.set(l.planId, [...(byPlan.get(l.planId) ?? []), l]);
    for (const [planId, lines] of byPlan)
      await planEvent(tx, ctx, planId, now, 'pbf_paid', {
        fiscalYear: input.fiscalYear,
        quarter: input.quarter,
        checkpoints: lines.map((l) => l.checkpoint),
        amountCents: lines.reduce((s, l) => s + l.amountCents, 0),
      });
    await audit(tx, ctx, 'update', 'pbf_statement', input.organizationId);
  });
  return getStatement(deps, ctx, input);
}

async function agreementView(
  deps: PbfDeps,
  org: { id: string; name: string },
): Promise<z.infer<typeof fundingAgreementSchema>> {
  const row = await fundingAgreementOf(deps.db, org.id);
  return {
    organizationId: org.id,
    organizationName: org.name,
    amounts: row?.amounts ?? DEFAULT_FUNDING_AGREEMENT_AMOUNTS,
    isDefault: !row,
    updatedAt: row?.updatedAt.toISOString() ?? null,
  };
}

export async function getFundingAgreement(deps: PbfDeps, ctx: RequestContext, organizationId: string) {
  return agreementView(deps, await providerInScope(deps, ctx, organizationId));
}

/** K4: the SSM sets a provider's amounts; the provider's unpaid lines move to them, paid ones keep theirs. */
export async function setFundingAgreement(
  deps: PbfDeps,
  ctx: RequestContext,
  organizationId: string,
  amounts: FundingAgreementAmounts,
) {
  const org = await providerInScope(deps, ctx, organizationId);
  const problems = fundingAgreementProblems(amounts);
  if (problems.length > 0)
    throw new ProblemError(422, 'rule_refused', 'Refused by a program rule', {
      rule: 'K4',
      detail: `K4: ${problems.join('; ')}`,
      // The problems name the amount (`B.month_3: …`); the French says the same of each.
      messageFr: `K4 : ${problems
        .map(
          (p) =>
            `${p.slice(0, p.indexOf(':'))} : le montant doit être un nombre entier de cents, positif ou nul`,
        )
        .join('; ')}`,
    });
  await deps.db.transaction(async (tx) => {
    await saveFundingAgreement(tx, {
      organizationId,
      amounts,
      updatedByUserId: ctx.actor.userId,
      at: deps.now(),
    });
    await refreshPbfLedgers(tx, await plansWithUnpaidLines(tx, organizationId), deps);
    await audit(tx, ctx, 'update', 'funding_agreement', organizationId);
  });
  return agreementView(deps, org);
}
