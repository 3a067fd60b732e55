import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import i18next from 'i18next';
import { createElement as h } from 'react';
import { renderToString } from 'react-dom/server';
import { I18nextProvider, initReactI18next } from 'react-i18next';
import { MemoryRouter, Route, Routes } from 'react-router-dom';
import { describe, expect, it, vi } from 'vitest';
import { EN, FR } from '../../../web/src/i18n/resources.js';
import { monitoringKeys } from '../../../web/src/pages/monitoring/data.js';
import { CheckpointWorklistPage } from '../../../web/src/pages/monitoring/CheckpointWorklistPage.js';
import { MonitoringPage } from '../../../web/src/pages/monitoring/MonitoringPage.js';
import {
  SATISFACTION_QUESTION,
  type CheckpointWorklist,
  type EvidenceView,
  type MonitoringView,
} from '../../../web/src/pages/monitoring/types.js';
import { SessionProvider } from '../../../web/src/session.js';
import type { Me, Permission } from '../../../web/src/types.js';

// The app's i18n module (reached through the session module) reads the browser's language and sets
// <html lang> when it loads; give it the little it needs in Node.
vi.hoisted(() => {
  const g = globalThis as Record<string, unknown>;
  g.navigator ??= { language: 'en' };
  g.document ??= { documentElement: {} };
  // React Router's links use layout effects, which the server renderer warns about on every render.
  const error = console.error.bind(console);
  console.error = (...args: unknown[]) => {
    if (typeof args[0] === 'string' && args[0].includes('useLayoutEffect does nothing on the server')) return;
    error(...args);
  };
});

/**
 * The monitoring page rendered to HTML from a fixed API answer, in both languages: every section,
 * form and state renders without throwing, and the K3 question appears word for word.
 */
const PLAN = '00000000-0000-4000-8000-000000000001';
const JOB = '00000000-0000-4000-8000-000000000002';

const evidence = (over: Partial<EvidenceView> = {}): EvidenceView => ({
  id: '00000000-0000-4000-8000-000000000010',
  kind: 'pay_stub',
  fileName: 'stub.pdf',
  contentType: 'application/pdf',
  byteSize: 120_000,
  showsClientName: true,
  showsBusinessName: true,
  coversDate: true,
  showsTwentyPlusHours: false,
  sufficient: false,
  uploadedAt: '2026-03-01T15:00:00.000Z',
  uploadedBy: 'Casey Worker',
  ...over,
});

const checkpoint = (kind: MonitoringView['checkpoints'][number]['kind'], dueOn: string) => ({
  kind,
  dueOn,
  windowOpensOn: dueOn,
  windowClosesOn: dueOn,
  state: 'upcoming' as const,
  pbf: kind !== 'completion',
  record: null,
  fundedOutcome: null,
  evidence: [],
  evidenceGaps: [],
  attestation: null,
  ledger: null,
});

function started(): MonitoringView {
  return {
    planId: PLAN,
    planReference: 'EAP-2026-000123',
    clientId: '00000000-0000-4000-8000-000000000003',
    clientName: 'Alex Client',
    stream: 'B',
    planStatus: 'active',
    phase: 'monitoring',
    entry: { employed: true, minutesPerWeek: 600 },
    outcome: {
      kind: 'employed',
      endedOn: '2026-02-01',
      allActivitiesOfferedConfirmed: false,
      note: null,
      recordedAt: '2026-02-01T15:00:00.000Z',
      recordedBy: 'Casey Worker',
    },
    openItemCount: 0,
    jobs: [
      {
        id: JOB,
        employerName: 'Maple Foods',
        atEntryEmployer: false,
        startedOn: '2026-02-01',
        endedOn: null,
        minutesPerWeek: 1350,
        hourlyWageCents: 1850,
        nocCode: '65201',
        nocCategory: { en: 'Sales and service occupations', fr: 'Vente et services' },
        permanence: 'permanent',
        hoursReached20On: null,
        placementIntendedToContinue: false,
        startDateEvidence: [evidence({ kind: 'offer_letter', sufficient: true })],
        supportPeriods: [
          { id: '00000000-0000-4000-8000-000000000020', startsOn: '2026-02-01', endsOn: null },
        ],
      },
    ],
    monitoringStart: {
      startOn: '2026-02-01',
      triggers: ['pre_employment_ended', 'funded_job_started'],
      fixed: true,
    },
    planClosesOn: '2027-03-03',
    checkpoints: [
      { ...checkpoint('completion', '2026-02-01'), state: 'completed' },
      {
        ...checkpoint('month_1', '2026-03-01'),
        state: 'completed',
        record: {
          id: '00000000-0000-4000-8000-000000000030',
          contactedOn: '2026-03-01',
          esqStatus: 'employed',
          satisfaction: 'prefer_not_to_answer',
          note: 'Doing well',
          recordedAt: '2026-03-01T15:00:00.000Z',
          recordedBy: 'Casey Worker',
          jobs: [{ jobId: JOB, minutesPerWeek: 1350, hourlyWageCents: 1850, nocCode: '65201' }],
          reviewState: 'rejected',
          reviewReason: 'Stub does not show hours',
          reviewedAt: '2026-03-05T15:00:00.000Z',
          submittedAt: '2026-03-02T15:00:00.000Z',
        },
        fundedOutcome: {
          met: true,
          reason: 'single_job',
          stacked: false,
          regime: 'any_employer',
          countedJobIds: [JOB],
        },
        evidence: [evidence()],
        evidenceGaps: [
          { rule: 'M9', part: 'checkpoint', code: 'no_sufficient_document' },
          { rule: 'M10', part: 'start_date', code: 'attestation_not_signed_by_lead' },
        ],
        attestation: {
          id: '00000000-0000-4000-8000-000000000040',
          covers: ['start_date'],
          rationale: 'Employer closed',
          attempts: 'Called twice',
          otherFactors: null,
          state: 'pre_approved',
          requestedAt: '2026-03-02T15:00:00.000Z',
          requestedBy: 'Casey Worker',
          decidedAt: '2026-03-03T15:00:00.000Z',
          decisionReason: null,
          signedAt: null,
          signedBy: null,
        },
        ledger: {
          state: 'deferred',
          reason: 'employer_supports_active',
          amountCents: 50_000,
          retroactive: false,
          stacked: false,
          stackingRefused: false,
          paidAt: null,
        },
      },
      { ...checkpoint('month_3', '2026-05-01'), state: 'due' },
      checkpoint('month_6', '2026-08-01'),
      checkpoint('month_12', '2027-02-01'),
    ],
    actions: {
      recordOutcome: false,
      addJob: true,
      recordCheckpoint: ['month_1', 'month_3'],
      submit: ['month_1'],
    },
  };
}

function notStarted(): MonitoringView {
  return {
    ...started(),
    phase: 'pre_employment',
    entry: { employed: false, minutesPerWeek: null },
    outcome: null,
    openItemCount: 2,
    jobs: [],
    monitoringStart: null,
    planClosesOn: null,
    checkpoints: [],
    actions: { recordOutcome: true, addJob: true, recordCheckpoint: [], submit: [] },
  };
}

async function render(
  view: MonitoringView,
  locale: 'en' | 'fr',
  permissions: Permission[],
  page: 'monitoring' | 'worklist' = 'monitoring',
  worklist?: CheckpointWorklist,
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
  queryClient.setQueryData(monitoringKeys.plan(PLAN), view);
  if (worklist) queryClient.setQueryData(monitoringKeys.worklist('mine'), worklist);
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
            { initialEntries: [page === 'worklist' ? '/checkpoints' : `/plans/${PLAN}/monitoring`] },
            h(
              Routes,
              null,
              h(Route, { path: '/plans/:planId/monitoring', element: h(MonitoringPage) }),
              h(Route, { path: '/checkpoints', element: h(CheckpointWorklistPage) }),
            ),
          ),
        ),
      ),
    ),
  );
}

const decode = (html: string) =>
  html
    .replace(/&#x27;/g, "'")
    .replace(/&quot;/g, '"')
    .replace(/&amp;/g, '&');

describe('monitoring page (rendered)', () => {
  it('K3/M9/M10: renders a started timeline for the lead, with the satisfaction question word for word', async () => {
    for (const locale of ['en', 'fr'] as const) {
      const html = decode(
        await render(started(), locale, ['monitoring.read', 'monitoring.write', 'attestation.sign']),
      );
      expect(html).toContain(SATISFACTION_QUESTION[locale]);
      expect(html).toContain('data-testid="attestation-sign"');
      expect(html).toContain('data-testid="checkpoint-submit"');
      expect(html).toContain('data-rule="M9"');
      expect(html).not.toMatch(/monitoring\.[a-zA-Z]+\.[a-zA-Z_]+/);
    }
  });

  it('M4: offers the outcome form with the confirmation when items are still open', async () => {
    for (const locale of ['en', 'fr'] as const) {
      const html = decode(await render(notStarted(), locale, ['monitoring.read', 'monitoring.write']));
      expect(html).toContain('data-testid="outcome-form"');
      expect(html).not.toMatch(/monitoring\.[a-zA-Z]+\.[a-zA-Z_]+/);
    }
  });

  it('I2: shows SA caseworkers the timeline read-only', async () => {
    const html = await render(started(), 'en', ['monitoring.read']);
    expect(html).not.toContain('<form');
    expect(html).not.toContain('data-testid="evidence-withdraw"');
    expect(html).toContain('data-testid="checkpoint"');
  });

  it('M7: lists the worklist by bucket, each row linking to the monitoring page', async () => {
    const item = {
      planId: PLAN,
      planReference: 'EAP-2026-000123',
      clientId: '00000000-0000-4000-8000-000000000003',
      clientName: 'Alex Client',
      caseworkerName: 'Casey Worker',
      stream: 'B' as const,
      kind: 'month_3' as const,
      dueOn: '2026-05-01',
      windowClosesOn: '2026-05-31',
    };
    const worklist: CheckpointWorklist = {
      items: [
        { ...item, bucket: 'overdue', state: 'overdue' },
        { ...item, kind: 'month_6', bucket: 'due_this_week', state: 'due' },
      ],
      counts: { overdue: 1, due_this_week: 1, due_later: 0, upcoming: 0 },
    };
    for (const locale of ['en', 'fr'] as const) {
      const html = decode(await render(started(), locale, ['monitoring.write'], 'worklist', worklist));
      expect(html.match(/data-testid="checkpoint-row"/g)).toHaveLength(2);
      expect(html).toContain(`href="/plans/${PLAN}/monitoring"`);
      expect(html).not.toMatch(/monitoring\.[a-zA-Z]+\.[a-zA-Z_]+/);
    }
  });
});
