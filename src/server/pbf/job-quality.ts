/**
 * L4 on the statement: the checkpoint outcomes of the statement's lines, read from each plan's
 * monitoring facts (the same facts the ledger judges with, so a line's met outcome and its job
 * quality never disagree). One facts load per plan; a statement covers one provider's quarter.
 */
import type { Database } from '../../db/connection.js';
import type { CountedJob } from '../../domain/monitoring/job-quality.js';
import type { PbfCheckpoint } from '../../domain/monitoring/pbf.js';
import {
  checkpointFundedOutcome,
  loadPlanMonitoringFacts,
  type PlanMonitoringFacts,
} from '../monitoring/facts.js';
import { keyOfPlanId } from '../monitoring/shared.js';
import type { PersonCrypto } from '../privacy/crypto.js';

/** M2 at one recorded checkpoint and the jobs that made it; null while the checkpoint is not recorded. */
export interface LineOutcome {
  fundedOutcomeMet: boolean;
  jobs: CountedJob[];
}

/**
 * The counted jobs (M2's `countedJobIds`) with the hours and wage the checkpoint's ESQ confirmed,
 * and the job's permanence. A counted job the ESQ does not name keeps its own hours and wage (as M2
 * reads it).
 */
export function checkpointOutcomeOf(
  facts: PlanMonitoringFacts,
  checkpoint: PbfCheckpoint,
): LineOutcome | null {
  const decision = checkpointFundedOutcome(facts, checkpoint);
  if (!decision) return null;
  const esq = facts.records[checkpoint]?.jobs ?? [];
  const jobs = decision.countedJobIds.flatMap((id) => {
    const job = facts.jobs.find((j) => j.id === id);
    if (!job) return [];
    const confirmed = esq.find((e) => e.jobId === id);
    return [
      {
        minutesPerWeek: confirmed?.minutesPerWeek ?? job.minutesPerWeek,
        hourlyWageCents: confirmed ? confirmed.hourlyWageCents : job.hourlyWageCents,
        permanence: job.permanence,
      },
    ];
  });
  return { fundedOutcomeMet: decision.met, jobs };
}

/** Per line (by plan and checkpoint): its outcome, or null when the checkpoint is not recorded. */
export async function statementLineOutcomes(
  db: Database,
  crypto: PersonCrypto,
  lines: readonly { planId: string; checkpoint: PbfCheckpoint }[],
): Promise<Map<string, LineOutcome | null>> {
  const out = new Map<string, LineOutcome | null>();
  for (const planId of new Set(lines.map((l) => l.planId))) {
    const key = await keyOfPlanId(db, crypto, planId);
    if (!key) continue;
    const facts = await loadPlanMonitoringFacts(db, planId, key);
    for (const l of lines)
      if (l.planId === planId) out.set(lineKey(l), checkpointOutcomeOf(facts, l.checkpoint));
  }
  return out;
}

export const lineKey = (l: { planId: string; checkpoint: PbfCheckpoint }) => `${l.planId}:${l.checkpoint}`;
