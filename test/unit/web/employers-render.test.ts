import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import i18next from 'i18next';
import { createElement as h } from 'react';
import { renderToString } from 'react-dom/server';
import { I18nextProvider, initReactI18next } from 'react-i18next';
import { MemoryRouter, Route, Routes } from 'react-router-dom';
import { describe, expect, it, vi } from 'vitest';
import { torontoDate } from '../../../src/domain/calendar/iso-date.js';
import {
  EMPLOYER_CHECKLIST_LABELS,
  PLACEMENT_REQUIREMENT_LABELS,
  siteVisitWindowOpensOn,
} from '../../../src/domain/supports/employers.js';
import { formatDate } from '../../../web/src/format.js';
import { EN, FR } from '../../../web/src/i18n/resources.js';
import { employerKeys } from '../../../web/src/pages/employers/data.js';
import { EmployerPage } from '../../../web/src/pages/employers/EmployerPage.js';
import { EmployersPage } from '../../../web/src/pages/employers/EmployersPage.js';
import { PlacementPage } from '../../../web/src/pages/employers/PlacementPage.js';
import {
  EMPLOYER_CHECKLIST_ITEMS,
  type EmployerView,
  type PlacementView,
} from '../../../web/src/pages/employers/types.js';
import { SessionProvider } from '../../../web/src/session.js';
import type { Me, Permission } from '../../../web/src/types.js';

// The app's i18n module (reached through the session module) reads the browser's language and sets
// <html lang> when it loads; give it the little it needs in Node.
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
 * The employer and placement pages rendered to HTML from fixed API answers, in both languages: the
 * F10 criteria and readiness requirements in the domain's own words, the 12-month rule with its
 * date, money from integer cents and the F13 report date.
 */
const EMPLOYER = '00000000-0000-4000-8000-0000000000e1';
const PLACEMENT = '00000000-0000-4000-8000-0000000000a1';
const TODAY = torontoDate(new Date());

const employer = (over: Partial<EmployerView> = {}): EmployerView => ({
  id: EMPLOYER,
  legalName: 'Lakeshore Fabrication Ltd.',
  operatingName: null,
  organizationName: 'Riverside Employment Centre',
  registeredOn: '2026-01-12',
  eligible: false,
  lastInPersonVisitOn: null,
  placementCount: 1,
  ontarioLicenceNumber: null,
  wsibAccountNumber: '1234567',
  workplaceInsuranceNote: null,
  liabilityInsurer: 'Great Lakes Mutual',
  liabilityPolicyNumber: null,
  liabilityInsuranceExpiresOn: '2027-01-31',
  checklist: {
    licensed_in_ontario: true,
    compliant_and_insured: false,
    not_ssm_or_eo_provider: null,
    not_hiring_family: true,
    not_otherwise_funded: true,
    wsib_and_liability_insurance: true,
    not_replacing_staff: true,
  },
  checklistCheckedOn: '2026-01-12',
  checklistProblems: [],
  contacts: [
    {
      id: '00000000-0000-4000-8000-0000000000c1',
      name: 'Dana Okafor',
      title: null,
      phone: null,
      email: null,
    },
  ],
  locations: [
    {
      id: '00000000-0000-4000-8000-0000000000d1',
      label: 'Main plant',
      street: '1200 Walker Road',
      city: 'Windsor',
      postalCode: 'N8Y 2N9',
    },
  ],
  siteVisits: [
    {
      id: '00000000-0000-4000-8000-0000000000f1',
      visitedOn: '2024-01-05',
      mode: 'in_person',
      visitedByName: 'Casey Worker',
      locationId: '00000000-0000-4000-8000-0000000000d1',
      notes: '',
    },
  ],
  siteVisitWindowOpensOn: siteVisitWindowOpensOn(TODAY),
  placements: [
    {
      id: PLACEMENT,
      planReference: 'EAP-000042',
      clientName: 'Alex Client',
      startsOn: '2026-02-01',
      endsOn: '2026-04-30',
      state: 'approved',
    },
  ],
  canManage: true,
  ...over,
});

const placement = (over: Partial<PlacementView> = {}): PlacementView => ({
  id: PLACEMENT,
  planId: '00000000-0000-4000-8000-000000000001',
  planReference: 'EAP-000042',
  supportId: '00000000-0000-4000-8000-0000000000b1',
  support: {
    id: '00000000-0000-4000-8000-0000000000b1',
    reference: 'ERFS-000007',
    state: 'approved',
    amountCents: 90_000,
    employerUse: 'placement_incentive',
    preApprovalReasons: [],
    approvedOn: '2026-01-20',
    issuedOn: null,
    reportDueOn: '2026-05-21',
    reportedOn: null,
  },
  employerId: EMPLOYER,
  employerName: 'Lakeshore Fabrication Ltd.',
  location: null,
  jobTitle: 'Machine operator trainee',
  startsOn: '2026-02-01',
  endsOn: '2026-04-30',
  endedOn: '2026-04-30',
  minutesPerWeek: 1800,
  scheduleNote: '',
  hourlyWageCents: 1825,
  trainingIncentiveCents: 90_000,
  intendedToContinue: true,
  agreementSignedOn: null,
  clientConsentSignedOn: '2026-01-15',
  readiness: { missing: ['site_visit', 'placement_agreement'] },
  reportDueOn: '2026-05-21',
  actions: ['record_agreement'],
  ...over,
});

async function render(
  path: string,
  locale: 'en' | 'fr',
  data: { employer?: EmployerView; placement?: PlacementView; list?: EmployerView[] },
  permissions: Permission[] = ['employer.read', 'employer.manage', 'support.read', 'support.request'],
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
  if (data.employer) queryClient.setQueryData(employerKeys.one(data.employer.id), data.employer);
  if (data.placement) queryClient.setQueryData(employerKeys.placement(data.placement.id), data.placement);
  if (data.list) queryClient.setQueryData(employerKeys.list(''), { employers: data.list });
  const me = { permissions, user: { locale }, organization: { kind: 'provider' } } as unknown as Me;
  return renderToString(
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
            h(
              Routes,
              null,
              h(Route, { path: '/employers', element: h(EmployersPage) }),
              h(Route, { path: '/employers/:employerId', element: h(EmployerPage) }),
              h(Route, { path: '/placements/:placementId', element: h(PlacementPage) }),
            ),
          ),
        ),
      ),
    ),
  );
}

/** Text as the browser shows it: the renderer escapes apostrophes and ampersands. */
const text = (html: string) =>
  html
    .replace(/<!-- -->/g, '')
    .replace(/&#x27;/g, "'")
    .replace(/&amp;/g, '&')
    .replace(/&quot;/g, '"');

describe('employer page (F10)', () => {
  for (const locale of ['en', 'fr'] as const) {
    it(`shows the seven criteria in the domain's words and the 12-month rule with its date (${locale})`, async () => {
      const html = text(await render(`/employers/${EMPLOYER}`, locale, { employer: employer() }));
      for (const item of EMPLOYER_CHECKLIST_ITEMS)
        expect(html).toContain(EMPLOYER_CHECKLIST_LABELS[item][locale]);
      const opens = formatDate(siteVisitWindowOpensOn(TODAY), locale);
      expect(html).toContain(
        locale === 'en'
          ? `An in-person visit on or after ${opens} is needed for a placement starting today.`
          : `Une visite en personne le ${opens} ou après est nécessaire pour un placement commençant aujourd’hui.`,
      );
      // A visit more than 12 months ago covers nothing today.
      expect(html).toContain('data-covered="false"');
      expect(html).toContain('data-answer="no"');
      expect(html).toContain('data-answer="not_checked"');
      expect(html).toContain('data-testid="checklist-edit"');
    });
  }

  it('offers no change to an employer another provider registered', async () => {
    const html = await render(`/employers/${EMPLOYER}`, 'en', { employer: employer({ canManage: false }) });
    expect(html).not.toContain('data-testid="checklist-edit"');
    expect(html).not.toContain('data-testid="visit-add"');
    expect(html).not.toContain('data-testid="employer-edit"');
  });

  it('says a recent in-person visit covers a placement starting today', async () => {
    const html = await render(`/employers/${EMPLOYER}`, 'en', {
      employer: employer({
        siteVisits: [{ ...employer().siteVisits[0]!, visitedOn: TODAY }],
      }),
    });
    expect(html).toContain('data-covered="true"');
  });
});

describe('employer registry', () => {
  it('lists each employer with its eligibility and last in-person visit', async () => {
    const html = text(
      await render('/employers', 'fr', {
        list: [employer({ eligible: true, lastInPersonVisitOn: '2026-03-01' })],
      }),
    );
    expect(html).toContain('Lakeshore Fabrication Ltd.');
    expect(html).toContain('Admissible');
    expect(html).toContain(formatDate('2026-03-01', 'fr', 'medium'));
    expect(html).toContain('data-testid="register-employer"');
  });
});

describe('placement page (F10, F13, F14)', () => {
  for (const locale of ['en', 'fr'] as const) {
    it(`lists what is missing, the incentive in cents as money and the report date (${locale})`, async () => {
      const html = text(await render(`/placements/${PLACEMENT}`, locale, { placement: placement() }));
      expect(html).toContain(PLACEMENT_REQUIREMENT_LABELS.site_visit[locale]);
      expect(html).toContain(PLACEMENT_REQUIREMENT_LABELS.placement_agreement[locale]);
      expect(html).not.toContain(PLACEMENT_REQUIREMENT_LABELS.client_consent[locale]);
      expect(html).toContain(locale === 'en' ? '$900.00' : '900,00\u00a0$');
      expect(html).toContain(locale === 'en' ? '$18.25' : '18,25\u00a0$');
      expect(html).toContain(formatDate('2026-05-21', locale));
      expect(html).toContain('data-testid="record-agreement-form"');
      expect(html).not.toContain('data-testid="record-consent-form"');
      expect(html).toContain('href="/supports/00000000-0000-4000-8000-0000000000b1"');
    });
  }

  it('says it is ready when nothing is missing, and may start once coverage is confirmed', async () => {
    const html = await render(`/placements/${PLACEMENT}`, 'en', {
      placement: placement({ readiness: { missing: [] }, actions: ['start', 'end'], endedOn: null }),
    });
    expect(html).toContain('data-testid="placement-ready"');
    expect(html).toContain('data-testid="placement-may-start"');
    expect(html).toContain('data-testid="end-form"');
    expect(html).not.toContain('data-testid="placement-missing"');
  });

  it('names the F6 reasons while the employer support waits for the SSM', async () => {
    const html = text(
      await render(`/placements/${PLACEMENT}`, 'en', {
        placement: placement({
          support: {
            ...placement().support,
            state: 'pre_approval_pending',
            preApprovalReasons: ['item_exceeds_1000'],
          },
        }),
      }),
    );
    expect(html).toContain('The item costs more than $1,000.00.');
  });
});
