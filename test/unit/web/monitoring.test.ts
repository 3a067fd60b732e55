import { describe, expect, it } from 'vitest';
import { EN, FR } from '../../../web/src/i18n/resources.js';
import { contentTypeName } from '../../../web/src/pages/monitoring/Evidence.js';
import {
  formatBytes,
  formatHours,
  jobActiveOn,
  minutesToInput,
  parseHours,
} from '../../../web/src/pages/monitoring/shared.js';
import {
  CHECKPOINT_STATES,
  CHECKPOINT_WORKLIST_BUCKETS,
  EVIDENCE_CONTENT_TYPES,
  EVIDENCE_GAP_CODES,
  EVIDENCE_MAX_BYTES,
  EVIDENCE_PARTS,
  FUNDED_OUTCOME_REGIMES,
  JOB_PERMANENCE,
  MONITORING_TRIGGERS,
  OUTCOME_KINDS,
  SATISFACTION_ANSWERS,
  WORKLIST_SCOPES,
} from '../../../web/src/pages/monitoring/types.js';
import { evidenceGaps } from '../../../src/domain/monitoring/pbf.js';

type Tree = { [key: string]: string | Tree };
const at = (tree: Tree, path: string): unknown =>
  path.split('.').reduce<unknown>((node, key) => (node as Tree | undefined)?.[key], tree);

describe('monitoring labels (M1–M10, K3, K4, F12, F14)', () => {
  it('has an English and a French label for every code the monitoring API sends', () => {
    const families: [string, readonly string[]][] = [
      ['monitoring.outcomeKinds', OUTCOME_KINDS],
      ['monitoring.permanence', JOB_PERMANENCE],
      ['monitoring.satisfaction', SATISFACTION_ANSWERS],
      ['monitoring.checkpointStates', CHECKPOINT_STATES],
      ['monitoring.buckets', CHECKPOINT_WORKLIST_BUCKETS],
      ['monitoring.worklist.bucketHints', CHECKPOINT_WORKLIST_BUCKETS],
      ['monitoring.worklist.scopes', WORKLIST_SCOPES],
      ['monitoring.triggers', MONITORING_TRIGGERS],
      ['monitoring.fundedOutcomeRegimes', FUNDED_OUTCOME_REGIMES],
    ];
    for (const [prefix, values] of families) {
      expect(values.length, prefix).toBeGreaterThan(0);
      for (const value of values) {
        expect(typeof at(EN as Tree, `${prefix}.${value}`), `en ${prefix}.${value}`).toBe('string');
        expect(typeof at(FR as Tree, `${prefix}.${value}`), `fr ${prefix}.${value}`).toBe('string');
      }
    }
  });

  it('M9/M10: labels every gap the domain can report', () => {
    const none = { startDateProof: null, documents: [], attestation: null };
    const attested = {
      ...none,
      attestation: {
        ssmPreApproved: false,
        signedByLeadEmploymentStaff: false,
        hasRationale: false,
        hasAttemptsSummary: true,
        covers: ['start_date', 'checkpoint'] as const,
      },
    };
    for (const gap of [...evidenceGaps(none), ...evidenceGaps(attested)]) {
      expect(EVIDENCE_GAP_CODES).toContain(gap.code);
      expect(EVIDENCE_PARTS).toContain(gap.part);
    }
  });

  it('K3: offers every satisfaction answer, 1 to 5 and "prefer not to answer"', () => {
    expect(SATISFACTION_ANSWERS).toEqual(['1', '2', '3', '4', '5', 'prefer_not_to_answer']);
    expect(at(EN as Tree, 'monitoring.satisfaction.prefer_not_to_answer')).toBe('Prefer not to answer');
  });
});

describe('hours per week', () => {
  it('turns hours typed either way into whole minutes per week, the API unit', () => {
    expect(parseHours('20')).toBe(1200);
    expect(parseHours('22.5')).toBe(1350);
    expect(parseHours('22,5')).toBe(1350);
    expect(parseHours(' 37.5 ')).toBe(2250);
    expect(parseHours('19.99')).toBe(1199);
  });

  it('refuses what is not hours in a week', () => {
    for (const bad of ['', 'abc', '-5', '0', '169', '20.123', '1e2']) expect(parseHours(bad), bad).toBeNull();
  });

  it('shows minutes as hours with at most one decimal, and back for editing', () => {
    expect(formatHours(1350, 'en')).toBe('22.5');
    expect(formatHours(1350, 'fr')).toBe('22,5');
    expect(formatHours(1200, 'en')).toBe('20');
    expect(minutesToInput(1350)).toBe('22.5');
    expect(parseHours(minutesToInput(1230))).toBe(1230);
  });

  it('M7: a job counts on a checkpoint date from its first day to its last, inclusive', () => {
    const job = { startedOn: '2026-02-01', endedOn: '2026-03-31' };
    expect(jobActiveOn(job, '2026-02-01')).toBe(true);
    expect(jobActiveOn(job, '2026-03-31')).toBe(true);
    expect(jobActiveOn(job, '2026-04-01')).toBe(false);
    expect(jobActiveOn(job, '2026-01-31')).toBe(false);
    expect(jobActiveOn({ startedOn: '2026-02-01', endedOn: null }, '2027-01-01')).toBe(true);
  });
});

describe('evidence limits (M9)', () => {
  it('names the accepted types and the size limit as people say them', () => {
    expect(EVIDENCE_CONTENT_TYPES.map(contentTypeName)).toEqual(['PDF', 'JPEG', 'PNG', 'WEBP']);
    expect(formatBytes(EVIDENCE_MAX_BYTES, 'en')).toBe('5 MB');
    expect(formatBytes(EVIDENCE_MAX_BYTES, 'fr')).toBe('5 Mo');
    expect(formatBytes(2048, 'en')).toBe('2 KB');
  });
});
