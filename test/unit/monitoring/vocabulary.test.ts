import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import {
  FUNDED_OUTCOME_REASONS,
  FUNDED_OUTCOME_REGIMES,
} from '../../../src/domain/monitoring/funded-outcome.js';
import {
  EVIDENCE_GAP_CODES,
  EVIDENCE_GAP_RULES,
  EVIDENCE_PARTS,
  LINE_REASONS,
  PBF_EXCLUSION_RULES,
} from '../../../src/domain/monitoring/pbf.js';
import { CHECKPOINT_STATES, MONITORING_TRIGGERS } from '../../../src/domain/monitoring/schedule.js';
import { CHECKPOINT_WORKLIST_SCOPES } from '../../../src/domain/monitoring/worklist.js';
import { monitoringViewSchema, worklistSchema } from '../../../src/server/monitoring/schemas.js';
import {
  checkpointReviewSchema,
  reviewQueueSchema,
  statementSchema,
} from '../../../src/server/pbf/schemas.js';
import * as monitoringWeb from '../../../web/src/pages/monitoring/types.js';
import * as pbfWeb from '../../../web/src/pages/pbf/types.js';

/**
 * One list per code (M2, M3, M7, M9, M10, K4, F12): the domain declares each vocabulary the API sends
 * once, the response schemas enumerate it (so the OpenAPI names every code and an unknown one is
 * never sent), and the web labels exactly that list.
 */
function enumsOf(schema: z.ZodType): string[][] {
  const found: string[][] = [];
  const walk = (node: unknown) => {
    if (Array.isArray(node)) node.forEach(walk);
    else if (node && typeof node === 'object') {
      const o = node as Record<string, unknown>;
      if (Array.isArray(o.enum)) found.push(o.enum as string[]);
      Object.values(o).forEach(walk);
    }
  };
  walk(z.toJSONSchema(schema, { io: 'output', unrepresentable: 'any' }));
  return found;
}

describe('the codes the monitoring and PBF API sends', () => {
  it('M2/M3/M7/M9/F12: the monitoring view enumerates the domain lists', () => {
    const enums = enumsOf(monitoringViewSchema);
    for (const list of [
      FUNDED_OUTCOME_REASONS,
      FUNDED_OUTCOME_REGIMES,
      EVIDENCE_GAP_RULES,
      EVIDENCE_GAP_CODES,
      EVIDENCE_PARTS,
      LINE_REASONS,
      CHECKPOINT_STATES,
      MONITORING_TRIGGERS,
    ])
      expect(enums).toContainEqual([...list]);
    expect(enumsOf(worklistSchema)).toContainEqual([...CHECKPOINT_STATES]);
  });

  it('M9/K4: the PBF review queue, review results and statements enumerate them too', () => {
    const queue = enumsOf(reviewQueueSchema);
    for (const list of [FUNDED_OUTCOME_REASONS, EVIDENCE_GAP_CODES, EVIDENCE_PARTS, EVIDENCE_GAP_RULES])
      expect(queue).toContainEqual([...list]);
    expect(enumsOf(checkpointReviewSchema)).toContainEqual([...LINE_REASONS]);
    expect(enumsOf(statementSchema)).toContainEqual([...LINE_REASONS]);
  });

  it('K4: every exclusion rule is a line reason', () => {
    for (const rule of PBF_EXCLUSION_RULES) expect(LINE_REASONS).toContain(rule);
  });

  it('the web labels the domain’s own lists, not copies', () => {
    expect(monitoringWeb.FUNDED_OUTCOME_REASONS).toBe(FUNDED_OUTCOME_REASONS);
    expect(monitoringWeb.FUNDED_OUTCOME_REGIMES).toBe(FUNDED_OUTCOME_REGIMES);
    expect(monitoringWeb.EVIDENCE_GAP_CODES).toBe(EVIDENCE_GAP_CODES);
    expect(monitoringWeb.EVIDENCE_PARTS).toBe(EVIDENCE_PARTS);
    expect(monitoringWeb.LEDGER_LINE_REASONS).toBe(LINE_REASONS);
    expect(monitoringWeb.CHECKPOINT_STATES).toBe(CHECKPOINT_STATES);
    expect(monitoringWeb.MONITORING_TRIGGERS).toBe(MONITORING_TRIGGERS);
    expect(monitoringWeb.WORKLIST_SCOPES).toBe(CHECKPOINT_WORKLIST_SCOPES);
    expect(pbfWeb.LINE_REASONS).toBe(LINE_REASONS);
    expect(pbfWeb.FUNDED_OUTCOME_REASONS).toBe(FUNDED_OUTCOME_REASONS);
    expect(pbfWeb.EVIDENCE_GAP_CODES).toBe(EVIDENCE_GAP_CODES);
    expect(pbfWeb.EVIDENCE_PARTS).toBe(EVIDENCE_PARTS);
  });
});
