/**
 * F3 (with F7, F8): a provider's ERFS allocation for a fiscal year (1 April – 31 March,
 * `calendar/fiscal-year.ts`) and where it stands.
 *
 * Interpretations (integer cents throughout):
 * - Allocation = base amount per client (funding agreement) × client volume + the amount reallocated
 *   from operational funding. The reallocation is at most 10% of the operational funding allocation,
 *   floored to the cent: `floor(operational × 10 / 100)`, so $100,000.05 of operational funding
 *   allows $10,000.00 (1,000,000.5 cents floored), and one cent more is refused. It is never
 *   negative (§13 moves money into ERFS, not out of it).
 * - A support belongs to the fiscal year of its issue date, or of its approval date while it is only
 *   committed, or of its request date before that.
 * - Committed = approved, not yet issued. Spent = issued, reported or report approved (not withheld).
 *   Withheld is shown apart and is not spent: the SSM does not fund it. Pending (requested or waiting
 *   for pre-approval) is shown for information and not deducted. Remaining = allocation − committed
 *   − spent; negative means over-committed.
 * - Year-end: the returnable underspend is allocation − spent, never negative. A commitment not
 *   issued by 31 March keeps no money: it is underspend.
 * - F7: status-quo supports are paid from ERFS, so they count in the totals, and are also reported
 *   apart (`ofWhichStatusQuo`, and quarterly with `statusQuoByQuarter`): they are reported to the SSM
 *   quarterly outside the EAP.
 * - F8: supports paid from the ODSP Client Reserve are tracked apart and never touch the ERFS
 *   allocation; when the reserve amount is known its remainder is computed the same way.
 */
import { ymdOf, type IsoDate } from '../calendar/iso-date.js';
import { fiscalQuarterOf, fiscalYearOf, type FiscalQuarterNumber } from '../calendar/fiscal-year.js';
import { assertCents } from './pre-approval.js';
import {
  COMMITTED_STATES,
  SPENT_STATES,
  type FundingSource,
  type RequestState,
  type SupportProblem,
} from './types.js';

/** F3: the share of operational funding that may be moved into ERFS, as a fraction num/den. */
export const MAX_REALLOCATION = { numerator: 10, denominator: 100 } as const;

/** F3: the most that may be reallocated from `operationalCents`, floored to the cent. */
export function maxReallocationCents(operationalCents: number): number {
  assertCents(operationalCents, 'operationalCents');
  return Math.floor((operationalCents * MAX_REALLOCATION.numerator) / MAX_REALLOCATION.denominator);
}

/** F3: whether a reallocation is allowed; empty = it is. */
export function reallocationProblems(operationalCents: number, reallocationCents: number): SupportProblem[] {
  assertCents(reallocationCents, 'reallocationCents');
  const max = maxReallocationCents(operationalCents);
  if (reallocationCents <= max) return [];
  return [
    {
      rule: 'F3',
      code: 'reallocation_over_10_percent',
      en: 'At most 10% of operational funding may be reallocated to financial supports.',
      fr: 'Au plus 10 % du financement de fonctionnement peut être réaffecté aux soutiens financiers.',
    },
  ];
}

export interface AllocationInput {
  basePerClientCents: number;
  clientVolume: number;
  operationalCents: number;
  reallocationCents: number;
}

/** F3: the year's ERFS allocation. Throws if the reallocation is refused (check `reallocationProblems`). */
export function erfsAllocationCents(a: AllocationInput): number {
  assertCents(a.basePerClientCents, 'basePerClientCents');
  if (!Number.isSafeInteger(a.clientVolume) || a.clientVolume < 0)
    throw new RangeError(`clientVolume must be a non-negative integer, got ${String(a.clientVolume)}`);
  if (reallocationProblems(a.operationalCents, a.reallocationCents).length > 0)
    throw new RangeError('Reallocation exceeds 10% of operational funding');
  const total = a.basePerClientCents * a.clientVolume + a.reallocationCents;
  if (!Number.isSafeInteger(total)) throw new RangeError('Allocation is too large');
  return total;
}

/** One support as the budget reads it. */
export interface BudgetLine {
  state: RequestState;
  cents: number;
  fundingSource: FundingSource;
  /** F7: for a status-quo client. */
  statusQuo: boolean;
  requestedOn: IsoDate;
  approvedOn: IsoDate | null;
  issuedOn: IsoDate | null;
}

export interface BudgetTotals {
  pendingCents: number;
  committedCents: number;
  spentCents: number;
  withheldCents: number;
}

/** The date that puts a line in a fiscal year (see the header). */
export function budgetDateOf(line: BudgetLine): IsoDate {
  const on = line.issuedOn ?? line.approvedOn ?? line.requestedOn;
  ymdOf(on);
  return on;
}

const PENDING: readonly RequestState[] = ['requested', 'pre_approval_pending'];

/** Adds up lines by state (draft and cancelled count nowhere). */
export function budgetTotals(lines: readonly BudgetLine[]): BudgetTotals {
  const t: BudgetTotals = { pendingCents: 0, committedCents: 0, spentCents: 0, withheldCents: 0 };
  for (const l of lines) {
    assertCents(l.cents, 'cents');
    if (PENDING.includes(l.state)) t.pendingCents += l.cents;
    else if ((COMMITTED_STATES as readonly RequestState[]).includes(l.state)) t.committedCents += l.cents;
    else if ((SPENT_STATES as readonly RequestState[]).includes(l.state)) t.spentCents += l.cents;
    else if (l.state === 'withheld') t.withheldCents += l.cents;
  }
  return t;
}

export interface BudgetPosition {
  fiscalYear: number;
  allocationCents: number;
  /** ERFS-funded lines of the year, status-quo ones included. */
  erfs: BudgetTotals;
  /** F7: the status-quo part of `erfs`, reported apart. */
  ofWhichStatusQuo: BudgetTotals;
  /** allocation − committed − spent (may be negative). */
  remainingCents: number;
  /** allocation − spent, never negative: what returns to the SSM if the year ended now. */
  returnableCents: number;
  /** F8: ODSP Client Reserve lines, apart. */
  odspReserve: BudgetTotals;
  /** F8: reserve − committed − spent, when the reserve amount is known. */
  odspReserveRemainingCents: number | null;
}

export interface BudgetInput {
  fiscalYear: number;
  allocationCents: number;
  odspReserveCents: number | null;
  /** The provider's supports (any year; those of other years are ignored). */
  lines: readonly BudgetLine[];
}

/** F3/F7/F8: the provider's ERFS position for a fiscal year. */
export function budgetPosition(b: BudgetInput): BudgetPosition {
  assertCents(b.allocationCents, 'allocationCents');
  const ofYear = b.lines.filter((l) => fiscalYearOf(budgetDateOf(l)) === b.fiscalYear);
  const erfsLines = ofYear.filter((l) => l.fundingSource === 'erfs');
  const erfs = budgetTotals(erfsLines);
  const odspReserve = budgetTotals(ofYear.filter((l) => l.fundingSource === 'odsp_client_reserve'));
  if (b.odspReserveCents !== null) assertCents(b.odspReserveCents, 'odspReserveCents');
  return {
    fiscalYear: b.fiscalYear,
    allocationCents: b.allocationCents,
    erfs,
    ofWhichStatusQuo: budgetTotals(erfsLines.filter((l) => l.statusQuo)),
    remainingCents: b.allocationCents - erfs.committedCents - erfs.spentCents,
    returnableCents: yearEndReturnableCents(b.allocationCents, erfs.spentCents),
    odspReserve,
    odspReserveRemainingCents:
      b.odspReserveCents === null
        ? null
        : b.odspReserveCents - odspReserve.committedCents - odspReserve.spentCents,
  };
}

/** F3: underspend returned to the SSM at fiscal year end. */
export function yearEndReturnableCents(allocationCents: number, spentCents: number): number {
  assertCents(allocationCents, 'allocationCents');
  assertCents(spentCents, 'spentCents');
  return Math.max(0, allocationCents - spentCents);
}

/** F7: status-quo ERFS of a fiscal year by quarter, for the quarterly report outside the EAP. */
export function statusQuoByQuarter(
  lines: readonly BudgetLine[],
  fiscalYear: number,
): Record<FiscalQuarterNumber, BudgetTotals> {
  const byQuarter = { 1: [], 2: [], 3: [], 4: [] } as Record<FiscalQuarterNumber, BudgetLine[]>;
  for (const l of lines) {
    if (!l.statusQuo || l.fundingSource !== 'erfs') continue;
    const q = fiscalQuarterOf(budgetDateOf(l));
    if (q.fiscalYear === fiscalYear) byQuarter[q.quarter].push(l);
  }
  return {
    1: budgetTotals(byQuarter[1]),
    2: budgetTotals(byQuarter[2]),
    3: budgetTotals(byQuarter[3]),
    4: budgetTotals(byQuarter[4]),
  };
}
