/**
 * The PBF ledger (K4, M5, M8, M9, M10, F12): one line per plan per PBF checkpoint, recomputed from
 * the plan's monitoring facts by the domain rules in the same transaction as every change that can
 * move a line, so a statement is a plain read. `paidAt` is the ledger's own fact: a paid line is
 * final and never recomputed (a later funding-agreement change moves unpaid amounts only).
 *
 * M5 is decided across clients: a stacked outcome counts only while the provider's stacked outcomes
 * stay within 5% of its funded outcomes for the checkpoint period (provider, checkpoint, fiscal
 * quarter of the due date). Each refresh recomputes the periods the plan's lines are (or were) in and
 * re-resolves every other plan of those periods whose refusal changed.
 */
import type { Transaction } from '../../db/connection.js';
import {
  deleteUnpaidLinesOfPlan,
  fundingAgreementOf,
  ledgerLinesOfPlan,
  periodLines,
  upsertLedgerLine,
  type LedgerLineRow,
} from '../../db/repositories/pbf.js';
import type { Stream } from '../../domain/assessment/types.js';
import { fiscalQuarterOf, type FiscalQuarterNumber } from '../../domain/calendar/fiscal-year.js';
import type { IsoDate } from '../../domain/calendar/iso-date.js';
import {
  checkpointLineFacts,
  isFundedOutcomeLine,
  pbfEligibilityOf,
  stackingRefusalsInPeriod,
  type CheckpointPeriod,
} from '../../domain/monitoring/pbf-ledger.js';
import {
  DEFAULT_FUNDING_AGREEMENT_AMOUNTS,
  PBF_CHECKPOINTS,
  pbfExclusion,
  resolveLedger,
  type ClientLedger,
  type PbfCheckpoint,
} from '../../domain/monitoring/pbf.js';
import {
  checkpointEvidenceOf,
  checkpointFundedOutcome,
  loadPlanMonitoringFacts,
} from '../monitoring/facts.js';
import { keyOfPlanId } from '../monitoring/shared.js';
import type { PersonCrypto } from '../privacy/crypto.js';

export interface LedgerDeps {
  crypto: PersonCrypto;
  now: () => Date;
}

type Flags = Partial<Record<PbfCheckpoint, boolean>>;

interface PlanLedger {
  planId: string;
  clientId: string;
  organizationId: string;
  catchmentId: string;
  stream: Stream;
  existing: Map<PbfCheckpoint, LedgerLineRow>;
  /** Per checkpoint: its due date and M2's stacked flag (met outcomes only). */
  checkpoints: { checkpoint: PbfCheckpoint; dueOn: IsoDate; stacked: boolean }[];
  /** The ledger with these M5 refusals. */
  resolve: (refused: Flags) => ClientLedger;
}

/** Everything the ledger needs of one plan, or null before monitoring has started (no lines yet). */
async function planLedger(tx: Transaction, planId: string, deps: LedgerDeps): Promise<PlanLedger | null> {
  const key = await keyOfPlanId(tx, deps.crypto, planId);
  if (!key) throw new Error(`plan ${planId} not found`);
  const facts = await loadPlanMonitoringFacts(tx, planId, key);
  const existing = new Map((await ledgerLinesOfPlan(tx, planId)).map((l) => [l.checkpoint, l]));
  if (!facts.start) return null;
  const plan = facts.plan;
  const agreement = await fundingAgreementOf(tx, plan.organizationId);
  const amounts = agreement?.amounts ?? DEFAULT_FUNDING_AGREEMENT_AMOUNTS;
  const exclusion = pbfExclusion(
    pbfEligibilityOf({
      signedOn: plan.signedOn,
      serviceLevel: facts.serviceLevel,
      closureReason: plan.status === 'closed' ? plan.closureReason : null,
      trainingProgram: plan.trainingProgram,
      outcomeRecorded: facts.outcome !== null,
    }),
  );
  const records = PBF_CHECKPOINTS.map((checkpoint) => {
    const record = facts.records[checkpoint];
    const dueOn = record?.row.dueOn ?? facts.schedule.find((c) => c.kind === checkpoint)!.dueOn;
    const decision = checkpointFundedOutcome(facts, checkpoint);
    return {
      checkpoint,
      dueOn,
      fundedOutcome: decision ? { met: decision.met, stacked: decision.met && decision.stacked } : null,
      evidence: checkpointEvidenceOf(facts, checkpoint),
      reviewState: record?.row.reviewState ?? null,
      paid: existing.get(checkpoint)?.paidAt != null,
    };
  });
  return {
    planId,
    clientId: plan.clientId,
    organizationId: plan.organizationId,
    catchmentId: plan.catchmentId,
    stream: plan.stream,
    existing,
    checkpoints: records.map((r) => ({
      checkpoint: r.checkpoint,
      dueOn: r.dueOn,
      stacked: r.fundedOutcome?.stacked ?? false,
    })),
    resolve: (refused) =>
      resolveLedger({
        stream: plan.stream,
        amounts,
        exclusion,
        checkpoints: records.map((r) =>
          checkpointLineFacts({
            ...r,
            supportPeriods: facts.supportPeriods,
            stackingRefused: refused[r.checkpoint] ?? false,
          }),
        ),
      }),
  };
}

/** Upserts the plan's unpaid lines; a paid line stays exactly as finance paid it. */
async function writeLines(tx: Transaction, p: PlanLedger, ledger: ClientLedger, now: Date): Promise<void> {
  for (const line of ledger.lines) {
    const prior = p.existing.get(line.checkpoint);
    if (prior?.paidAt) continue;
    const c = p.checkpoints.find((x) => x.checkpoint === line.checkpoint)!;
    const { fiscalYear, quarter } = fiscalQuarterOf(c.dueOn);
    await upsertLedgerLine(tx, {
      planId: p.planId,
      clientId: p.clientId,
      organizationId: p.organizationId,
      catchmentId: p.catchmentId,
      stream: p.stream,
      checkpoint: line.checkpoint,
      dueOn: c.dueOn,
      fiscalYear,
      fiscalQuarter: quarter,
      amountCents: line.amountCents,
      state: line.state,
      reason: line.reason,
      retroactive: line.retroactive,
      stacked: c.stacked,
      stackingRefused: line.reason === 'stacking_cap',
      updatedAt: now,
    });
  }
}

const storedFlags = (p: PlanLedger): Flags =>
  Object.fromEntries([...p.existing].map(([cp, l]) => [cp, l.stackingRefused]));

const samePeriod = (a: CheckpointPeriod, b: CheckpointPeriod) =>
  a.organizationId === b.organizationId &&
  a.checkpoint === b.checkpoint &&
  a.fiscalYear === b.fiscalYear &&
  a.quarter === b.quarter;

/**
 * Recomputes the plan's four PBF ledger lines from the facts (resolveLedger, M5 cap for the
 * provider's period), upserting pbf_ledger_lines. Call inside the transaction of every change that
 * can move a line. Keeps paidAt.
 */
export async function refreshPbfLedger(tx: Transaction, planId: string, deps: LedgerDeps): Promise<void> {
  const p = await planLedger(tx, planId, deps);
  if (!p) {
    // Lines exist once monitoring has started; before (or if the start went away) there are none.
    await deleteUnpaidLinesOfPlan(tx, planId);
    return;
  }
  const now = deps.now();
  // Pass 1, without the cap: which of the plan's lines are funded outcomes (M5's population).
  const uncapped = p.resolve({});
  const flags: Flags = {};
  /** Other plans whose refusal for one checkpoint changed. */
  const changed = new Map<string, Flags>();
  const recompute = (
    period: CheckpointPeriod,
    own: { dueOn: IsoDate; stacked: boolean; paid: boolean } | null,
  ) =>
    periodLines(tx, period, planId).then((others) => {
      const funded = others.filter(isFundedOutcomeLine);
      const refused = stackingRefusalsInPeriod([
        ...funded.map((l) => ({
          planId: l.planId,
          dueOn: l.dueOn,
          stacked: l.stacked,
          paid: l.paidAt !== null,
        })),
        ...(own ? [{ planId, ...own }] : []),
      ]);
      for (const l of funded) {
        const isRefused = refused.has(l.planId);
        if (l.paidAt === null && isRefused !== l.stackingRefused)
          changed.set(l.planId, { ...changed.get(l.planId), [period.checkpoint]: isRefused });
      }
      return refused.has(planId);
    });

  for (const c of p.checkpoints) {
    const prior = p.existing.get(c.checkpoint);
    if (prior?.paidAt) {
      flags[c.checkpoint] = prior.stackingRefused;
      continue;
    }
    const line = uncapped.lines.find((l) => l.checkpoint === c.checkpoint)!;
    const period: CheckpointPeriod = {
      organizationId: p.organizationId,
      checkpoint: c.checkpoint,
      ...fiscalQuarterOf(c.dueOn),
    };
    const candidate = isFundedOutcomeLine({ ...line, stackingRefused: false });
    flags[c.checkpoint] = await recompute(
      period,
      candidate ? { dueOn: c.dueOn, stacked: c.stacked, paid: false } : null,
    );
    // The line left another period (its due date moved before the checkpoint was recorded): that
    // period is recomputed without it.
    if (prior) {
      const before: CheckpointPeriod = {
        organizationId: prior.organizationId,
        checkpoint: c.checkpoint,
        fiscalYear: prior.fiscalYear,
        quarter: prior.fiscalQuarter as FiscalQuarterNumber,
      };
      if (!samePeriod(before, period)) await recompute(before, null);
    }
  }
  await writeLines(tx, p, p.resolve(flags), now);

  // Other plans whose stacked outcome the cap now counts or refuses: re-resolve them with the
  // period's verdict (their other checkpoints keep theirs; their funded-outcome status is unchanged,
  // so no further period moves).
  for (const [otherId, override] of changed) {
    const other = await planLedger(tx, otherId, deps);
    if (!other) continue;
    await writeLines(tx, other, other.resolve({ ...storedFlags(other), ...override }), now);
  }
}

/** K4: a funding-agreement change moves the provider's unpaid lines (paid ones keep their amount). */
export async function refreshPbfLedgers(tx: Transaction, planIds: readonly string[], deps: LedgerDeps) {
  for (const planId of planIds) await refreshPbfLedger(tx, planId, deps);
}
