import { describe, expect, it } from 'vitest';
import {
  budgetPosition,
  budgetTotals,
  erfsAllocationCents,
  maxReallocationCents,
  reallocationProblems,
  statusQuoByQuarter,
  yearEndReturnableCents,
  type BudgetLine,
} from '../../../src/domain/supports/budgets.js';

const line = (over: Partial<BudgetLine>): BudgetLine => ({
  state: 'issued',
  cents: 10_000,
  fundingSource: 'erfs',
  statusQuo: false,
  requestedOn: '2026-05-01',
  approvedOn: '2026-05-02',
  issuedOn: '2026-05-03',
  ...over,
});

describe('reallocation (F3)', () => {
  it('F3: at most 10% of operational funding, floored to the cent', () => {
    expect(maxReallocationCents(10_000_005)).toBe(1_000_000);
    expect(maxReallocationCents(10_000_009)).toBe(1_000_000);
    expect(maxReallocationCents(10_000_010)).toBe(1_000_001);
  });

  it('F3: exactly 10% is allowed; one cent more is refused', () => {
    expect(reallocationProblems(10_000_000, 1_000_000)).toEqual([]);
    expect(reallocationProblems(10_000_000, 1_000_001).map((p) => p.code)).toEqual([
      'reallocation_over_10_percent',
    ]);
  });

  it('F3: allocation = base per client × client volume + reallocation', () => {
    expect(
      erfsAllocationCents({
        basePerClientCents: 45_000,
        clientVolume: 300,
        operationalCents: 200_000_000,
        reallocationCents: 20_000_000,
      }),
    ).toBe(33_500_000);
  });

  it('F3: an allocation with a refused reallocation throws', () => {
    expect(() =>
      erfsAllocationCents({
        basePerClientCents: 1,
        clientVolume: 1,
        operationalCents: 100,
        reallocationCents: 11,
      }),
    ).toThrow(RangeError);
  });
});

describe('budgetTotals and budgetPosition (F3, F7, F8)', () => {
  it('F3: committed = approved; spent = issued/reported/report approved; withheld apart; pending not deducted', () => {
    expect(
      budgetTotals([
        line({ state: 'draft', cents: 1 }),
        line({ state: 'requested', cents: 2 }),
        line({ state: 'pre_approval_pending', cents: 4 }),
        line({ state: 'approved', cents: 8 }),
        line({ state: 'issued', cents: 16 }),
        line({ state: 'reported', cents: 32 }),
        line({ state: 'report_approved', cents: 64 }),
        line({ state: 'withheld', cents: 128 }),
        line({ state: 'cancelled', cents: 256 }),
      ]),
    ).toEqual({ pendingCents: 6, committedCents: 8, spentCents: 112, withheldCents: 128 });
  });

  it('F3: remaining = allocation − committed − spent, for the fiscal year only (1 April – 31 March)', () => {
    const p = budgetPosition({
      fiscalYear: 2026,
      allocationCents: 100_000,
      odspReserveCents: null,
      lines: [
        line({ state: 'approved', cents: 20_000, issuedOn: null, approvedOn: '2027-03-31' }),
        line({ state: 'report_approved', cents: 30_000, issuedOn: '2026-04-01' }),
        line({ state: 'withheld', cents: 5_000 }),
        line({ state: 'issued', cents: 99_999, issuedOn: '2026-03-31' }),
        line({ state: 'issued', cents: 99_999, issuedOn: '2027-04-01' }),
      ],
    });
    expect(p.erfs).toEqual({
      pendingCents: 0,
      committedCents: 20_000,
      spentCents: 30_000,
      withheldCents: 5_000,
    });
    expect(p.remainingCents).toBe(50_000);
    expect(p.returnableCents).toBe(70_000);
  });

  it('F3: year-end underspend returns to the SSM; an overspend returns nothing', () => {
    expect(yearEndReturnableCents(100_000, 99_999)).toBe(1);
    expect(yearEndReturnableCents(100_000, 100_001)).toBe(0);
  });

  it('F8: the ODSP Client Reserve is tracked apart and does not touch the ERFS allocation', () => {
    const p = budgetPosition({
      fiscalYear: 2026,
      allocationCents: 100_000,
      odspReserveCents: 50_000,
      lines: [line({ fundingSource: 'odsp_client_reserve', cents: 40_000 }), line({ cents: 10_000 })],
    });
    expect(p.erfs.spentCents).toBe(10_000);
    expect(p.remainingCents).toBe(90_000);
    expect(p.odspReserve.spentCents).toBe(40_000);
    expect(p.odspReserveRemainingCents).toBe(10_000);
  });

  it('F7: status-quo supports count in ERFS and are reported apart, by quarter', () => {
    const lines = [
      line({ statusQuo: true, cents: 7_000, issuedOn: '2024-01-15' }),
      line({ statusQuo: true, cents: 3_000, issuedOn: '2024-03-31' }),
      line({ statusQuo: false, cents: 1_000, issuedOn: '2024-02-01' }),
    ];
    const p = budgetPosition({ fiscalYear: 2023, allocationCents: 50_000, odspReserveCents: null, lines });
    expect(p.erfs.spentCents).toBe(11_000);
    expect(p.ofWhichStatusQuo.spentCents).toBe(10_000);
    const q = statusQuoByQuarter(lines, 2023);
    expect(q[4].spentCents).toBe(10_000);
    expect(q[3].spentCents).toBe(0);
  });
});
