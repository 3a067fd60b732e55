import { QueryClient, type QueryKey } from '@tanstack/react-query';
import { describe, expect, it } from 'vitest';
import { EMPLOYER_SUPPORT_USES, REQUEST_STATES, SUPPORT_KINDS } from '../../../src/domain/supports/types.js';
import { EN, FR } from '../../../web/src/i18n/resources.js';
import { employerKeys } from '../../../web/src/pages/employers/data.js';
import { planKeys } from '../../../web/src/pages/plans/data.js';
import { queriesAfterSupportStep, supportKeys } from '../../../web/src/pages/supports/data.js';
import {
  budgetYearChoices,
  emptyDraft,
  requestBodyOf,
  type RequestDraft,
} from '../../../web/src/pages/supports/logic.js';
import {
  EVIDENCE_KINDS,
  ODSP_RESERVE_USES,
  PAYMENT_METHODS,
  PURCHASE_FORMS,
  REPORT_STATES,
  SELLER_KINDS,
  type PlanSupports,
} from '../../../web/src/pages/supports/types.js';

type Tree = { [key: string]: string | Tree };
const at = (tree: Tree, path: string): string | Tree | undefined =>
  path
    .split('.')
    .reduce<string | Tree | undefined>((node, k) => (typeof node === 'object' ? node[k] : undefined), tree);

describe('supports translations', () => {
  it('label every value the supports API can send, in both languages', () => {
    const families: [string, readonly string[]][] = [
      ['supports.states', REQUEST_STATES],
      ['supports.reportStates', REPORT_STATES],
      ['supports.kinds', SUPPORT_KINDS],
      ['supports.employerUses', EMPLOYER_SUPPORT_USES],
      ['supports.sellerKinds', SELLER_KINDS],
      ['supports.purchaseForms', PURCHASE_FORMS],
      ['supports.odspReserveUses', ODSP_RESERVE_USES],
      ['supports.paymentMethods', PAYMENT_METHODS],
      ['supports.evidenceKinds', EVIDENCE_KINDS],
    ];
    for (const [prefix, values] of families)
      for (const v of values) {
        expect(typeof at(EN as unknown as Tree, `${prefix}.${v}`), `en ${prefix}.${v}`).toBe('string');
        expect(typeof at(FR as unknown as Tree, `${prefix}.${v}`), `fr ${prefix}.${v}`).toBe('string');
      }
  });
});

const flags = (over: Partial<PlanSupports['clientFlags']> = {}): PlanSupports['clientFlags'] => ({
  saProgram: null,
  disabilitySelfIdentification: null,
  statusQuo: false,
  serviceLevel: null,
  ...over,
});

const laptop = (over: Partial<RequestDraft> = {}): RequestDraft => ({
  ...emptyDraft('2026-05-04'),
  category: 'technology',
  description: 'Laptop for an online course',
  vendorName: 'Synthetic Electronics',
  amount: '1,200.00',
  evidenceOfNeed: 'No computer at home',
  whyCouldNotPay: 'On Ontario Works',
  reasonableCost: 'Cheapest of three quotes',
  barrierTemporary: true,
  noOtherFundingSource: true,
  link: 'goal:1',
  ...over,
});

describe('requestBodyOf (the request form’s body)', () => {
  it('sends integer cents and the F4 principles, linked to the plan goal', () => {
    const body = requestBodyOf(laptop(), flags());
    expect(body).toMatchObject({
      kind: 'client',
      category: 'technology',
      amountCents: 120_000,
      planGoalOrdinal: 1,
      planItemId: null,
      fundingSource: 'erfs',
      saCoordinationNote: null,
      periodFrom: null,
      justification: { barrierTemporary: true, noOtherFundingSource: true },
    });
    expect(body).not.toHaveProperty('odspDeclarations');
  });

  it('waits for the category, what, vendor, a positive amount and the planned issue date before sending', () => {
    expect(requestBodyOf(laptop({ category: '' }), flags())).toBeNull();
    expect(requestBodyOf(laptop({ description: '  ' }), flags())).toBeNull();
    expect(requestBodyOf(laptop({ vendorName: '' }), flags())).toBeNull();
    expect(requestBodyOf(laptop({ amount: '0' }), flags())).toBeNull();
    expect(requestBodyOf(laptop({ amount: '12.345' }), flags())).toBeNull();
    expect(requestBodyOf(laptop({ plannedIssueOn: '' }), flags())).toBeNull();
  });

  it('F5: sends the period only for training and childcare, and employer-provided PPE only for equipment', () => {
    const dates = { periodFrom: '2026-06-01', periodTo: '2026-06-12', employerProvidesPpe: true };
    expect(requestBodyOf(laptop(dates), flags())).toMatchObject({
      periodFrom: null,
      periodTo: null,
      employerProvidesPpe: false,
    });
    expect(requestBodyOf(laptop({ ...dates, category: 'emergency_childcare' }), flags())).toMatchObject({
      periodFrom: '2026-06-01',
      periodTo: '2026-06-12',
    });
    expect(
      requestBodyOf(laptop({ ...dates, category: 'special_equipment_supplies' }), flags()),
    ).toMatchObject({ employerProvidesPpe: true });
  });

  it('F4: links an item by its id', () => {
    const id = '00000000-0000-4000-8000-0000000000aa';
    expect(requestBodyOf(laptop({ link: `item:${id}` }), flags())).toMatchObject({
      planGoalOrdinal: null,
      planItemId: id,
    });
  });

  it('F9: sends the SA coordination note only for a client on social assistance', () => {
    const note = { saCoordinationNote: 'OW caseworker agrees; OW pays nothing for it' };
    expect(requestBodyOf(laptop(note), flags())?.saCoordinationNote).toBeNull();
    expect(requestBodyOf(laptop(note), flags({ saProgram: 'ow' }))?.saCoordinationNote).toBe(
      note.saCoordinationNote,
    );
  });

  it('F8: pays from the ODSP Client Reserve only for an ODSP client, with that use’s declarations', () => {
    const reserve = {
      useOdspReserve: true,
      odspReserveUse: 'specialized_diagnostic_assessment' as const,
      byProfessional: true,
      writtenConsent: true,
    };
    expect(requestBodyOf(laptop(reserve), flags({ saProgram: 'ow' }))?.fundingSource).toBe('erfs');
    expect(requestBodyOf(laptop(reserve), flags({ saProgram: 'odsp' }))).toMatchObject({
      fundingSource: 'odsp_client_reserve',
      odspReserveUse: 'specialized_diagnostic_assessment',
      odspDeclarations: { infoNotObtainableOtherwise: false, byProfessional: true, writtenConsent: true },
    });
    const accommodation = { ...reserve, odspReserveUse: 'workplace_accommodation' as const };
    expect(requestBodyOf(laptop(accommodation), flags({ saProgram: 'odsp' }))?.odspDeclarations).toEqual({
      owedByEmployer: null,
    });
    expect(
      requestBodyOf(laptop({ ...accommodation, owedByEmployer: 'no' }), flags({ saProgram: 'odsp' }))
        ?.odspDeclarations,
    ).toEqual({ owedByEmployer: false });
  });
});

describe('budgetYearChoices (F3 fiscal years)', () => {
  it('offers next year to set up ahead, this one and the three before', () => {
    expect(budgetYearChoices(2026)).toEqual([2027, 2026, 2025, 2024, 2023]);
  });
});

describe('queriesAfterSupportStep (what a step leaves stale)', () => {
  const PLAN = '00000000-0000-4000-8000-000000000001';
  const PLACEMENT = '00000000-0000-4000-8000-0000000000b7';
  /** The cached queries a step invalidates, by the same prefix matching the app's invalidation uses. */
  async function staleAfter(support: { planId: string | null; placementId: string | null }) {
    const client = new QueryClient();
    const cached: QueryKey[] = [
      supportKeys.plan(PLAN),
      supportKeys.approvals,
      supportKeys.budgets(2026),
      planKeys.history(PLAN),
      employerKeys.placement(PLACEMENT),
      employerKeys.one('00000000-0000-4000-8000-0000000000e1'),
      ['monitoring', 'plan', PLAN],
      planKeys.one(PLAN),
    ];
    for (const key of cached) client.setQueryData(key, {});
    for (const queryKey of queriesAfterSupportStep(support))
      await client.invalidateQueries({ queryKey, refetchType: 'none' });
    return cached.filter((key) => client.getQueryState(key)?.isInvalidated).map((key) => JSON.stringify(key));
  }

  it('a client support: the plan’s list and history, the SSM queue and the budgets', async () => {
    expect(await staleAfter({ planId: PLAN, placementId: null })).toEqual(
      [supportKeys.plan(PLAN), supportKeys.approvals, supportKeys.budgets(2026), planKeys.history(PLAN)].map(
        (k) => JSON.stringify(k),
      ),
    );
  });

  it('F10/F12: an employer support also its placement, the employer page and monitoring', async () => {
    const stale = await staleAfter({ planId: PLAN, placementId: PLACEMENT });
    expect(stale).toContain(JSON.stringify(employerKeys.placement(PLACEMENT)));
    expect(stale).toContain(JSON.stringify(employerKeys.one('00000000-0000-4000-8000-0000000000e1')));
    expect(stale).toContain(JSON.stringify(['monitoring', 'plan', PLAN]));
    expect(stale).not.toContain(JSON.stringify(planKeys.one(PLAN)));
  });
});
