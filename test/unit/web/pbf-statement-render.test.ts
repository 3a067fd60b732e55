import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import i18next from 'i18next';
import { createElement as h } from 'react';
import { renderToString } from 'react-dom/server';
import { I18nextProvider, initReactI18next } from 'react-i18next';
import { MemoryRouter, Route, Routes } from 'react-router-dom';
import { describe, expect, it, vi } from 'vitest';
import { statementJobQuality } from '../../../src/domain/monitoring/job-quality.js';
import { EN, FR } from '../../../web/src/i18n/resources.js';
import { pbfKeys } from '../../../web/src/pages/pbf/data.js';
import { PbfStatementPage } from '../../../web/src/pages/pbf/PbfStatementPage.js';
import { JOB_PERMANENCE, type Statement, type StatementLine } from '../../../web/src/pages/pbf/types.js';
import { SessionProvider } from '../../../web/src/session.js';
import type { Me } from '../../../web/src/types.js';

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

/** L4 on the statement page, rendered from a fixed API answer in both languages. */
const ORG = '00000000-0000-4000-8000-000000000100';

type Tree = { [key: string]: string | Tree };
function keysOf(tree: Tree, prefix = ''): string[] {
  return Object.entries(tree).flatMap(([k, v]) =>
    typeof v === 'string' ? [`${prefix}${k}`] : keysOf(v, `${prefix}${k}.`),
  );
}

const line = (n: number, over: Partial<StatementLine>): StatementLine => ({
  lineId: `00000000-0000-4000-8000-00000000020${n}`,
  planId: `00000000-0000-4000-8000-00000000030${n}`,
  planReference: `EAP-${n}`,
  clientId: `00000000-0000-4000-8000-00000000040${n}`,
  clientName: `Client ${n}`,
  stream: 'B',
  checkpoint: 'month_1',
  dueOn: '2025-07-02',
  state: 'earned',
  reason: null,
  retroactive: false,
  stacked: false,
  stackingRefused: false,
  amountCents: 30_000,
  payableCents: 30_000,
  paidAt: null,
  fundedOutcomeMet: true,
  minutesPerWeek: 1850,
  hourlyWageCents: 2150,
  permanence: 'permanent',
  ...over,
});

function statement(): Statement {
  const lines = [
    line(1, {}),
    line(2, {
      checkpoint: 'month_3',
      dueOn: '2025-09-02',
      state: 'not_met',
      reason: 'funded_outcome_not_met',
      amountCents: 45_000,
      payableCents: 0,
      fundedOutcomeMet: false,
      minutesPerWeek: null,
      hourlyWageCents: null,
      permanence: null,
    }),
  ];
  return {
    organizationId: ORG,
    organizationName: 'Provider One',
    fiscalYear: 2025,
    quarter: 2,
    label: '2025–26 Q2',
    from: '2025-07-01',
    to: '2025-09-30',
    lines,
    totals: {
      earnedCents: 30_000,
      releasedCents: 0,
      approvedCents: 0,
      paidCents: 0,
      deferredCents: 0,
      payableCents: 30_000,
      notMetCount: 1,
      lineCount: 2,
    },
    byStream: {
      A: { count: 0, payableCents: 0 },
      B: { count: 2, payableCents: 30_000 },
      C: { count: 0, payableCents: 0 },
    },
    stackedShare: { stacked: 0, funded: 1 },
    jobQuality: statementJobQuality([
      {
        checkpoint: 'month_1',
        stream: 'B',
        fundedOutcomeMet: true,
        jobs: [{ minutesPerWeek: 1850, hourlyWageCents: 2150, permanence: 'permanent' }],
      },
      { checkpoint: 'month_3', stream: 'B', fundedOutcomeMet: false, jobs: [] },
    ]),
  };
}

async function render(locale: 'en' | 'fr') {
  const i18n = i18next.createInstance();
  await i18n.use(initReactI18next).init({
    resources: { en: { translation: EN }, fr: { translation: FR } },
    lng: locale,
    fallbackLng: 'en',
    interpolation: { escapeValue: false },
    initAsync: false,
  });
  const queryClient = new QueryClient();
  queryClient.setQueryData(
    pbfKeys.statement({ organizationId: ORG, fiscalYear: 2025, quarter: 2 }),
    statement(),
  );
  const me = {
    permissions: ['pbf.read'],
    user: { locale },
    organization: { kind: 'provider', id: ORG, name: 'Provider One' },
  } as unknown as Me;
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
            { initialEntries: ['/pbf/statements?fiscalYear=2025&quarter=2'] },
            h(Routes, null, h(Route, { path: '/pbf/statements', element: h(PbfStatementPage) })),
          ),
        ),
      ),
    ),
  );
}

const text = (html: string) => html.replace(/<!-- -->/g, '').replace(/&#x27;/g, "'");

describe('L4 job quality on the PBF statement page', () => {
  it('L4: has the same job-quality labels in English and French, and a label for each permanence', () => {
    const en = keysOf(EN.pbf.statement.jobQuality as Tree).sort();
    const fr = keysOf(FR.pbf.statement.jobQuality as Tree).sort();
    expect(en.length).toBeGreaterThan(0);
    expect(fr).toEqual(en);
    for (const p of JOB_PERMANENCE) {
      expect(typeof EN.monitoring.permanence[p]).toBe('string');
      expect(typeof FR.monitoring.permanence[p]).toBe('string');
    }
  });

  it('L4: shows the job-quality table by stream with caption and headers, retention per checkpoint and each line’s job (EN)', async () => {
    const html = text(await render('en'));
    expect(html).toContain('data-testid="statement-job-quality"');
    expect(html).toContain(
      '<caption class="ontario-show-for-sr">Job quality of the met outcomes by stream, 2025–26 Q2</caption>',
    );
    for (const header of ['Met outcomes', 'Average hours a week', 'Median hourly wage', 'In permanent work'])
      expect(html).toContain(`<th scope="col" class="numeric">${header}</th>`);
    // Stream B: one met outcome at 30.8 h, $21.50, permanent and full time.
    const b = html.slice(html.indexOf('data-testid="job-quality-B"'));
    expect(b).toMatch(/^[^]*?30\.8 h[^]*?\$21\.50[^]*?100% \(1 of 1\)[^]*?100% \(1 of 1\)/);
    expect(html).toContain('All streams');
    expect(html).toContain('data-testid="retention-month_1"');
    const m3 = html.slice(html.indexOf('data-testid="retention-month_3"'));
    expect(m3).toMatch(/^[^]*?>0<[^]*?>1<[^]*?0%/);
    expect(html).toContain('<th scope="col">Type of job</th>');
    expect(html).toMatch(/data-testid="line-permanence">Permanent</);
  });

  it('L4: renders in French with French labels and amounts', async () => {
    const html = text(await render('fr'));
    expect(html).toContain('Qualité des emplois');
    expect(html).toContain('Salaire horaire médian');
    expect(html).toContain('Maintien en emploi par point de contrôle');
    expect(html).toMatch(/21,50\s\$/);
    expect(html).toMatch(/30,8 h/);
  });
});
