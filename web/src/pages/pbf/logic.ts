/**
 * The PBF screens' pure helpers (no React, no browser), so the unit tests can reach them.
 */
import type { FieldMessages } from '../../forms.js';
import { centsToInput, dollarsToCents } from '../../money.js';
import {
  PBF_CHECKPOINTS,
  STREAMS,
  type FiscalQuarterNumber,
  type FundingAgreementAmounts,
  type PbfCheckpoint,
  type Stream,
} from './types.js';

/** "2026–27": the fiscal year a quarter belongs to, as the ministry writes it. */
export const fiscalYearName = (fiscalYear: number) =>
  `${fiscalYear}–${String((fiscalYear + 1) % 100).padStart(2, '0')}`;

/** The fiscal years a statement can be asked for: this one and the three before it. */
export const fiscalYearChoices = (current: number) => [current, current - 1, current - 2, current - 3];

export const isQuarter = (n: number): n is FiscalQuarterNumber => n === 1 || n === 2 || n === 3 || n === 4;

export type Inputs = Record<Stream, Record<PbfCheckpoint, string>>;

/** The field path the API reports a problem on ("amounts.B.month_3"), also the input's id with dashes. */
export const fieldOf = (stream: Stream, checkpoint: PbfCheckpoint) => `amounts.${stream}.${checkpoint}`;
export const idOf = (field: string) => `funding-${field.replace(/\./g, '-')}`;

/** The grid to edit, in dollars as the interface language writes them ("250.00" / "250,00"). */
export const inputsOf = (amounts: FundingAgreementAmounts, locale = 'en'): Inputs => {
  const toInput = (cents: number) => centsToInput(cents, locale === 'fr' ? 'fr' : 'en');
  return Object.fromEntries(
    STREAMS.map((s) => [s, Object.fromEntries(PBF_CHECKPOINTS.map((c) => [c, toInput(amounts[s][c])]))]),
  ) as Inputs;
};

/**
 * Reads the grid typed in dollars into integer cents (K4: amounts by stream and checkpoint), with a
 * message for each amount that is not one.
 */
export function amountsFromInputs(
  inputs: Inputs,
  invalid: string,
): { amounts: FundingAgreementAmounts | null; problems: FieldMessages } {
  const problems: FieldMessages = {};
  const amounts = Object.fromEntries(
    STREAMS.map((s) => [
      s,
      Object.fromEntries(
        PBF_CHECKPOINTS.map((c) => {
          const cents = dollarsToCents(inputs[s][c]);
          if (cents === null) problems[fieldOf(s, c)] = invalid;
          return [c, cents ?? 0];
        }),
      ),
    ]),
  ) as FundingAgreementAmounts;
  return { amounts: Object.keys(problems).length ? null : amounts, problems };
}
