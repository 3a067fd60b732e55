import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import i18next from 'i18next';
import { createElement as h, type ComponentType } from 'react';
import { renderToString } from 'react-dom/server';
import { I18nextProvider, initReactI18next } from 'react-i18next';
import { MemoryRouter, Route, Routes } from 'react-router-dom';
import { describe, expect, it, vi } from 'vitest';
import { EN, FR } from '../../../web/src/i18n/resources.js';
import { BudgetEditPage } from '../../../web/src/pages/supports/BudgetEditPage.js';
import { BudgetsPage } from '../../../web/src/pages/supports/BudgetsPage.js';
import { supportKeys } from '../../../web/src/pages/supports/data.js';
import { PlanSupportsPage } from '../../../web/src/pages/supports/PlanSupportsPage.js';
import { SupportApprovalsPage } from '../../../web/src/pages/supports/SupportApprovalsPage.js';
import { SupportPage } from '../../../web/src/pages/supports/SupportPage.js';
import { SupportRequestPage } from '../../../web/src/pages/supports/SupportRequestPage.js';
import type {
  BudgetRow,
  Budgets,
  BudgetTotals,
  PlanSupports,
  SupportView,
} from '../../../web/src/pages/supports/types.js';
import { SessionProvider } from '../../../web/src/session.js';
import type { Me, Permission } from '../../../web/src/types.js';

vi.hoisted(() => {
  const g = globalThis as Record<string, unknown>;
  g.navigator ??= { language: 'en' };
  g.document ??= { documentElement: {} };
  const error = console.error.bind(console);
  console.error = (...args: unknown[]) => {
    if (typeof args[0] === 'string' && args[0].includes('useLayoutEffect does nothing on the server')) return;
    error(...args);
  };
});

/**
 * The supports screens rendered to HTML from fixed API answers, in both languages: each state shows
 * the step its `actions` allow and nothing else, money is formatted to the cent by the domain's
 * formatter, and no translation key is left showing.
 */
const PLAN = '00000000-0000-4000-8000-000000000001';
const SUPPORT = '00000000-0000-4000-8000-000000000002';
const ORG = '00000000-0000-4000-8000-000000000003';

function support(over: Partial<SupportView> = {}): SupportView {
  return {
    id: SUPPORT,
    reference: 'ERFS-000123',
    clientId: '00000000-0000-4000-8000-000000000004',
    clientName: 'Alex Client',
    planId: PLAN,
    planReference: 'EAP-2026-000123',
    organizationId: ORG,
    organizationName: 'Riverside Employment Centre',
    kind: 'client',
    category: 'technology',
    employerUse: null,
    fundingSource: 'erfs',
    odspReserveUse: null,
    description: 'Laptop',
    vendorName: 'Synthetic Electronics',
    sellerKind: 'business',
    purchaseForm: 'goods_or_services',
    amountCents: 120_000,
    servicesDebt: false,
    periodFrom: null,
    periodTo: null,
    employerProvidesPpe: false,
    planGoalOrdinal: 1,
    planItemId: null,
    planItemTitle: null,
    justification: {
      evidenceOfNeed: 'No computer',
      whyCouldNotPay: 'Low income',
      reasonableCost: 'Three quotes',
      barrierTemporary: true,
      noOtherFundingSource: true,
    },
    saCoordinationNote: null,
    plannedIssueOn: '2026-05-04',
    state: 'pre_approval_pending',
    preApprovalReasons: ['item_exceeds_1000'],
    requestedAt: '2026-05-01T15:00:00.000Z',
    requestedByName: 'Casey Worker',
    approvedOn: null,
    preApprovedAt: null,
    preApprovedByName: null,
    preApprovalNote: null,
    issuedOn: null,
    paymentMethod: null,
    paymentReference: null,
    reportDueOn: null,
    reportState: null,
    reportedOn: null,
    reportNote: null,
    evidence: [],
    evidenceProblems: [],
    reviewedAt: null,
    reviewedByName: null,
    withholdReason: null,
    reviewNote: null,
    suggestedWithholdReasons: [],
    cancelledAt: null,
    cancelReason: null,
    placementId: null,
    actions: [],
    ...over,
  };
}

const issued = (over: Partial<SupportView> = {}) =>
  support({
    state: 'issued',
    approvedOn: '2026-05-02',
    issuedOn: '2026-05-04',
    paymentMethod: 'purchase_card',
    reportDueOn: '2026-05-25',
    reportState: 'due',
    evidenceProblems: [
      {
        rule: 'F13',
        code: 'no_itemized_receipt',
        en: 'Attach the itemized receipt.',
        fr: 'Joignez le reçu détaillé.',
      },
    ],
    ...over,
  });

const zero: BudgetTotals = { pendingCents: 0, committedCents: 0, spentCents: 0, withheldCents: 0 };
const row: BudgetRow = {
  organizationId: ORG,
  organizationName: 'Riverside Employment Centre',
  configured: true,
  basePerClientCents: 50_000,
  clientVolume: 200,
  operationalCents: 1_000_000_00,
  reallocationCents: 5_000_000,
  maxReallocationCents: 10_000_000,
  odspReserveCents: null,
  position: {
    fiscalYear: 2026,
    allocationCents: 15_000_000,
    erfs: { pendingCents: 120_000, committedCents: 0, spentCents: 135_000, withheldCents: 0 },
    ofWhichStatusQuo: zero,
    remainingCents: 14_865_000,
    returnableCents: 14_865_000,
    odspReserve: zero,
    odspReserveRemainingCents: null,
  },
  statusQuoByQuarter: { 1: zero, 2: zero, 3: zero, 4: zero },
  yearEnded: false,
};

const planSupports: PlanSupports = {
  supports: [support(), issued({ id: '00000000-0000-4000-8000-000000000009', reference: 'ERFS-000124' })],
  requesting: { allowed: true, problems: [] },
  planTotalCents: 240_000,
  thresholds: { itemCents: 100_000, planTotalCents: 350_000 },
  clientFlags: {
    saProgram: 'odsp',
    disabilitySelfIdentification: 'yes',
    statusQuo: false,
    serviceLevel: null,
  },
  goals: [{ ordinal: 1, title: 'Work in logistics' }],
  items: [
    {
      id: '00000000-0000-4000-8000-0000000000aa',
      title: 'Forklift course',
      titleFr: 'Cours de chariot élévateur',
      goalOrdinal: 1,
    },
  ],
};

async function render(
  path: string,
  route: string,
  Page: ComponentType,
  locale: 'en' | 'fr',
  permissions: Permission[],
  data: [readonly unknown[], unknown][],
) {
  const i18n = i18next.createInstance();
  await i18n.use(initReactI18next).init({
    resources: { en: { translation: EN }, fr: { translation: FR } },
    lng: locale,
    fallbackLng: 'en',
    interpolation: { escapeValue: false },
    initAsync: false,
  });
  const queryClient = new QueryClient();
  for (const [key, value] of data) queryClient.setQueryData(key, value);
  const me = { permissions, user: { locale }, organization: { kind: 'provider' } } as unknown as Me;
  const html = renderToString(
    h(
      I18nextProvider,
      { i18n },
      h(
        QueryClientProvider,
        { client: queryClient },
        h(
          SessionProvider,
          { value: me },
          h(
            MemoryRouter,
            { initialEntries: [path] },
            h(Routes, null, h(Route, { path: route, element: h(Page) })),
          ),
        ),
      ),
    ),
  );
  return html
    .replace(/&#x27;/g, "'")
    .replace(/&quot;/g, '"')
    .replace(/&amp;/g, '&');
}

const supportPage = (s: SupportView, locale: 'en' | 'fr', permissions: Permission[]) =>
  render(`/supports/${s.id}`, '/supports/:supportId', SupportPage, locale, permissions, [
    [supportKeys.one(s.id), s],
  ]);

const NO_KEYS = /supports\.[a-zA-Z]+\.[a-zA-Z_]+/;

describe('support page (rendered)', () => {
  it('F6: shows the SSM the triggering rule and the pre-approve and refuse buttons, in both languages', async () => {
    for (const locale of ['en', 'fr'] as const) {
      const html = await supportPage(support({ actions: ['pre_approve', 'refuse'] }), locale, [
        'support.read',
        'support.approve',
      ]);
      expect(html).toContain('data-testid="pre-approve"');
      expect(html).toContain('data-testid="pre-approval-refuse"');
      expect(html).toContain('data-reason="item_exceeds_1000"');
      expect(html).toContain(
        locale === 'en' ? 'The item costs more than $1,000.00.' : 'L’article coûte plus de 1 000,00 $.',
      );
      expect(html).toContain(locale === 'en' ? '$1,200.00' : '1\u00a0200,00\u00a0$');
      expect(html).not.toContain('data-testid="issue-form"');
      expect(html).not.toMatch(NO_KEYS);
    }
  });

  it('shows the issue form only when the API offers the issue step', async () => {
    const approved = support({ state: 'approved', preApprovalReasons: [], actions: ['issue', 'cancel'] });
    const html = await supportPage(approved, 'en', ['support.read', 'support.request']);
    expect(html).toContain('data-testid="issue-form"');
    expect(html).toContain('data-testid="pre-approval-none"');
    expect(html).toContain('data-testid="cancel-open"');
    expect(html).not.toContain('data-testid="pre-approval-form"');
    const waiting = await supportPage(support(), 'en', ['support.read', 'support.request']);
    expect(waiting).not.toContain('data-testid="issue-form"');
  });

  it('F13: the issue form says when the report is due: 3 business days for a client support, 15 after the placement for an employer one', async () => {
    const approved = support({ state: 'approved', preApprovalReasons: [], actions: ['issue'] });
    const employer = {
      ...approved,
      kind: 'employer' as const,
      category: null,
      employerUse: 'placement_incentive' as const,
    };
    const client = await supportPage(approved, 'en', ['support.read', 'support.request']);
    expect(client).toContain('is due 3 business days after the issue date (F13)');
    expect(client).not.toContain('15 business days');
    const clientFr = await supportPage(approved, 'fr', ['support.read', 'support.request']);
    expect(clientFr).toContain('est dû 3 jours ouvrables après la date de versement (F13)');
    const emp = await supportPage(employer, 'en', ['support.read', 'support.request']);
    expect(emp).toContain('is due 15 business days after the placement ends (F13)');
  });

  it('F13: shows the report due date, what the evidence lacks, the upload and the report form', async () => {
    for (const locale of ['en', 'fr'] as const) {
      const html = await supportPage(issued({ actions: ['upload_evidence', 'report'] }), locale, [
        'support.read',
        'support.request',
      ]);
      expect(html).toContain('data-due-on="2026-05-25"');
      expect(html).toContain('data-report-state="due"');
      expect(html).toContain('data-code="no_itemized_receipt"');
      expect(html).toContain('data-testid="evidence-upload"');
      expect(html).toContain('data-testid="report-submit"');
      expect(html).not.toMatch(NO_KEYS);
    }
  });

  it('F11: puts the suggested withhold reasons first and marks them', async () => {
    const reported = issued({
      state: 'reported',
      reportState: 'reported',
      reportedOn: '2026-05-10',
      suggestedWithholdReasons: ['malfeasance_review'],
      actions: ['approve_report', 'withhold'],
    });
    const html = await supportPage(reported, 'en', ['support.read', 'support.approve']);
    expect(html).toContain('data-testid="review-approve"');
    const options = [...html.matchAll(/<option value="([a-z_]+)"[^>]*>([^<]*)<\/option>/g)].filter(([, v]) =>
      ['missing_or_improper_evidence', 'no_evidence_of_need', 'malfeasance_review'].includes(v ?? ''),
    );
    expect(options[0]?.[1]).toBe('malfeasance_review');
    expect(options[0]?.[2]).toContain('(suggested)');
  });

  it('F10: an employer support links to its placement for those who may read placements', async () => {
    const PLACEMENT = '00000000-0000-4000-8000-0000000000b7';
    const employer = support({
      kind: 'employer',
      category: null,
      employerUse: 'placement_incentive',
      placementId: PLACEMENT,
    });
    for (const locale of ['en', 'fr'] as const) {
      const html = await supportPage(employer, locale, ['support.read', 'employer.read']);
      expect(html).toContain(`href="/placements/${PLACEMENT}"`);
      expect(html).not.toMatch(NO_KEYS);
    }
    // The SA caseworker reads the support (I3) but not placements (employer.read): no dead link.
    const sa = await supportPage(employer, 'en', ['support.read']);
    expect(sa).not.toContain('/placements/');
    // A client support has no placement.
    const client = await supportPage(support(), 'en', ['support.read', 'employer.read']);
    expect(client).not.toContain('/placements/');
  });

  it('I3: an SA caseworker’s view has no step and no file link', async () => {
    const sa = issued({
      justification: null,
      evidenceProblems: [],
      evidence: [
        {
          id: '00000000-0000-4000-8000-0000000000ee',
          kind: 'itemized_receipt',
          uploadedAt: '2026-05-05T15:00:00.000Z',
        },
      ],
    });
    delete sa.justification;
    const html = await supportPage(sa, 'en', ['support.read']);
    expect(html).not.toContain('<form');
    expect(html).not.toContain('/file"');
    expect(html).toContain('data-testid="evidence-not-shared"');
  });
});

describe('plan supports, request form, approvals and budgets (rendered)', () => {
  it('F6: lists a plan’s supports with the running total against $3,500.00', async () => {
    for (const locale of ['en', 'fr'] as const) {
      const html = await render(
        `/plans/${PLAN}/supports`,
        '/plans/:planId/supports',
        PlanSupportsPage,
        locale,
        ['support.read', 'support.request'],
        [[supportKeys.plan(PLAN), planSupports]],
      );
      expect(html.match(/data-testid="support-row"/g)).toHaveLength(2);
      expect(html).toContain(
        locale === 'en' ? '$2,400.00 of $3,500.00' : '2\u00a0400,00\u00a0$ sur 3\u00a0500,00\u00a0$',
      );
      expect(html).toContain(`href="/plans/${PLAN}/supports/new"`);
      expect(html).not.toMatch(NO_KEYS);
    }
  });

  it('does not offer to request to someone who may only read', async () => {
    const html = await render(
      `/plans/${PLAN}/supports`,
      '/plans/:planId/supports',
      PlanSupportsPage,
      'en',
      ['support.read'],
      [[supportKeys.plan(PLAN), planSupports]],
    );
    expect(html).not.toContain('data-testid="request-support"');
  });

  it('F1: on a plan that is no longer open, says why instead of offering a request', async () => {
    const closed: PlanSupports = {
      ...planSupports,
      requesting: {
        allowed: false,
        problems: [
          {
            rule: 'F1',
            code: 'plan_not_open',
            en: 'The plan is closed (EN).',
            fr: 'Le plan est fermé (FR).',
          },
        ],
      },
    };
    for (const locale of ['en', 'fr'] as const) {
      const html = await render(
        `/plans/${PLAN}/supports`,
        '/plans/:planId/supports',
        PlanSupportsPage,
        locale,
        ['support.read', 'support.request'],
        [[supportKeys.plan(PLAN), closed]],
      );
      expect(html).not.toContain('data-testid="request-support"');
      expect(html).not.toContain('data-testid="new-placement"');
      expect(html).toContain(
        locale === 'en' ? 'F1: The plan is closed (EN).' : 'F1 : Le plan est fermé (FR).',
      );
    }
  });

  it('F8/F9: the request form asks for the SA coordination note and offers the ODSP reserve to an ODSP client only', async () => {
    for (const locale of ['en', 'fr'] as const) {
      const html = await render(
        `/plans/${PLAN}/supports/new`,
        '/plans/:planId/supports/new',
        SupportRequestPage,
        locale,
        ['support.read', 'support.request'],
        [[supportKeys.plan(PLAN), planSupports]],
      );
      expect(html).toContain('id="saCoordinationNote"');
      expect(html).toContain('id="useOdspReserve"');
      expect(html).toContain('value="goal:1"');
      expect(html).toContain('value="item:00000000-0000-4000-8000-0000000000aa"');
      // The plan item is named in the interface language.
      expect(html).toContain(locale === 'en' ? 'Forklift course' : 'Cours de chariot élévateur');
      expect(html).not.toContain(locale === 'en' ? 'Cours de chariot élévateur' : 'Forklift course');
      expect(html).toContain('data-testid="support-preview"');
      expect(html).not.toMatch(NO_KEYS);
    }
    const ow = { ...planSupports, clientFlags: { ...planSupports.clientFlags, saProgram: 'ow' as const } };
    const html = await render(
      `/plans/${PLAN}/supports/new`,
      '/plans/:planId/supports/new',
      SupportRequestPage,
      'en',
      ['support.request'],
      [[supportKeys.plan(PLAN), ow]],
    );
    expect(html).toContain('id="saCoordinationNote"');
    expect(html).not.toContain('id="useOdspReserve"');
  });

  it('lists pre-approvals with their F6 reasons and reports to review', async () => {
    const approvals = {
      preApprovals: [support()],
      reports: [
        issued({
          state: 'reported',
          reportState: 'reported',
          reportedOn: '2026-05-10',
          evidenceProblems: [],
        }),
      ],
    };
    for (const locale of ['en', 'fr'] as const) {
      const html = await render(
        '/supports/approvals',
        '/supports/approvals',
        SupportApprovalsPage,
        locale,
        ['support.approve'],
        [[supportKeys.approvals, approvals]],
      );
      expect(html).toContain('data-testid="pre-approval-row"');
      expect(html).toContain('data-testid="report-row"');
      expect(html).toContain('data-reason="item_exceeds_1000"');
      expect(html).not.toMatch(NO_KEYS);
    }
  });

  it('F3: shows each provider’s position, and the edit link to finance only', async () => {
    const budgets: Budgets = { fiscalYear: 2026, providers: [row] };
    for (const locale of ['en', 'fr'] as const) {
      const html = await render(
        '/budgets?fiscalYear=2026',
        '/budgets',
        BudgetsPage,
        locale,
        ['budget.read', 'budget.manage'],
        [[supportKeys.budgets(2026), budgets]],
      );
      expect(html).toContain('data-spent-cents="135000"');
      expect(html).toContain(locale === 'en' ? '$1,350.00' : '1\u00a0350,00\u00a0$');
      expect(html).toContain(`href="/budgets/${ORG}/2026"`);
      expect(html).not.toMatch(NO_KEYS);
    }
    const provider = await render(
      '/budgets?fiscalYear=2026',
      '/budgets',
      BudgetsPage,
      'en',
      ['budget.read'],
      [[supportKeys.budgets(2026), budgets]],
    );
    expect(provider).not.toContain('data-testid="budget-edit"');
  });

  it('F3: the allocation form shows the 10% cap', async () => {
    const budgets: Budgets = { fiscalYear: 2026, providers: [row] };
    const html = await render(
      `/budgets/${ORG}/2026`,
      '/budgets/:organizationId/:fiscalYear',
      BudgetEditPage,
      'en',
      ['budget.read', 'budget.manage'],
      [[supportKeys.budgets(2026), budgets]],
    );
    expect(html).toContain('data-cents="10000000"');
    expect(html).toContain('At most $100,000.00 (10% of the operational funding).');
    expect(html).toContain('value="500.00"');
  });
});
