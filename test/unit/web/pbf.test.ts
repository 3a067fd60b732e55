import { describe, expect, it } from 'vitest';
import {
  DEFAULT_FUNDING_AGREEMENT_AMOUNTS,
  fundingAgreementProblems,
} from '../../../src/domain/monitoring/pbf.js';
import { EN, FR } from '../../../web/src/i18n/resources.js';
import { amountsFromInputs, fiscalYearChoices, fiscalYearName } from '../../../web/src/pages/pbf/logic.js';
import {
  ATTESTATION_STATES,
  CHECKPOINT_KINDS,
  CHECKPOINT_REVIEW_STATES,
  ESQ_STATUSES,
  EVIDENCE_GAP_CODES,
  EVIDENCE_KINDS,
  EVIDENCE_PARTS,
  FUNDED_OUTCOME_REASONS,
  LEDGER_LINE_STATES,
  LINE_REASONS,
  PBF_CHECKPOINTS,
  STREAMS,
} from '../../../web/src/pages/pbf/types.js';

type Tree = { [key: string]: string | Tree };
const at = (tree: Tree, path: string): unknown =>
  path.split('.').reduce<unknown>((node, key) => (node as Tree | undefined)?.[key], tree);

describe('PBF labels (K4, M2, M5, M8–M10, F12)', () => {
  it('has an English and a French label for every code the PBF API sends', () => {
    const families: [string, readonly string[]][] = [
      ['pbf.ledgerStates', LEDGER_LINE_STATES],
      ['pbf.lineReasons', LINE_REASONS],
      ['pbf.reviewStates', CHECKPOINT_REVIEW_STATES],
      ['pbf.attestationStates', ATTESTATION_STATES],
      ['pbf.checkpoints', CHECKPOINT_KINDS],
      ['pbf.esqStatuses', ESQ_STATUSES],
      ['pbf.evidenceKinds', EVIDENCE_KINDS],
      ['pbf.evidenceParts', EVIDENCE_PARTS],
      ['pbf.gaps.codes', EVIDENCE_GAP_CODES],
      ['pbf.fundedOutcome.reasons', FUNDED_OUTCOME_REASONS],
      ['streams', STREAMS],
    ];
    for (const [prefix, values] of families) {
      expect(values.length, prefix).toBeGreaterThan(0);
      for (const value of values) {
        expect(typeof at(EN as Tree, `${prefix}.${value}`), `en ${prefix}.${value}`).toBe('string');
        expect(typeof at(FR as Tree, `${prefix}.${value}`), `fr ${prefix}.${value}`).toBe('string');
      }
    }
  });

  it('cites the rule in the label of each exclusion reason', () => {
    for (const rule of ['K4', 'E7', 'S4', 'A10', 'M11'] as const) {
      expect(EN.pbf.lineReasons[rule]).toMatch(new RegExp(`^${rule}`));
      expect(FR.pbf.lineReasons[rule]).toMatch(new RegExp(`^${rule}`));
    }
  });
});

describe('funding agreement grid (K4)', () => {
  const inputsOf = (f: (s: string, c: string) => string) =>
    Object.fromEntries(
      STREAMS.map((s) => [s, Object.fromEntries(PBF_CHECKPOINTS.map((c) => [c, f(s, c)]))]),
    ) as Parameters<typeof amountsFromInputs>[0];

  it('reads dollars typed in either language into integer cents the domain accepts', () => {
    const { amounts, problems } = amountsFromInputs(
      inputsOf((s, c) => (s === 'B' && c === 'month_3' ? '450,50' : '200')),
      'bad',
    );
    expect(problems).toEqual({});
    expect(amounts?.B.month_3).toBe(45_050);
    expect(amounts?.A.month_1).toBe(20_000);
    expect(fundingAgreementProblems(amounts!)).toEqual([]);
  });

  it('names each cell that is not an amount, by the field path the API reports', () => {
    const { amounts, problems } = amountsFromInputs(
      inputsOf((s, c) => (s === 'C' && c === 'month_12' ? '-5' : s === 'A' && c === 'month_6' ? '' : '1')),
      'bad',
    );
    expect(amounts).toBeNull();
    expect(problems).toEqual({ 'amounts.C.month_12': 'bad', 'amounts.A.month_6': 'bad' });
  });

  it('has a cell for every stream and checkpoint of the defaults', () => {
    for (const s of STREAMS)
      for (const c of PBF_CHECKPOINTS) expect(DEFAULT_FUNDING_AGREEMENT_AMOUNTS[s][c]).toBeGreaterThan(0);
  });
});

describe('fiscal years on the statement (1 April – 31 March)', () => {
  it('names a fiscal year by both calendar years, as the ministry writes them', () => {
    expect(fiscalYearName(2026)).toBe('2026–27');
    expect(fiscalYearName(1999)).toBe('1999–00');
    expect(fiscalYearChoices(2026)).toEqual([2026, 2025, 2024, 2023]);
  });
});
