import { useQueryClient } from '@tanstack/react-query';
import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { useParams } from 'react-router-dom';
import { isApiError } from '../../api.js';
import { Page } from '../../components/Page.js';
import { QueryStatus } from '../../components/QueryStatus.js';
import { useFormatters } from '../../format.js';
import { NotFoundPage } from '../NotFoundPage.js';
import { planKeys, usePlanSummary } from './data.js';
import type { PlanSummary } from './types.js';

type SummaryItem = PlanSummary['subGoals'][number]['items'][number];

function summaryItemName(item: SummaryItem, locale: string): string {
  if (item.customTitle) return item.customTitle;
  return locale === 'fr' ? item.nameFr || item.nameEn : item.nameEn || item.nameFr;
}

/**
 * What the client signs (A3): the plan in the client's language (the interface language, which the
 * caseworker switches to the client's), its goals, sub-goals and items with dates and costs, the
 * documents the client will need (A5) and the signature lines. Client-facing, so it carries no
 * stream and no score: the API never sends them here. Printing hides the app around it.
 */
export function PlanSummaryPage() {
  const { t } = useTranslation();
  const fmt = useFormatters();
  const { planId } = useParams();
  const summary = usePlanSummary(planId);
  const queryClient = useQueryClient();
  const printedAt = summary.data?.printedAt;
  useEffect(() => {
    // A3: reading the summary records the printed revision, which lets the signature be recorded.
    if (planId && printedAt) {
      void queryClient.invalidateQueries({ queryKey: planKeys.one(planId) });
      void queryClient.invalidateQueries({ queryKey: planKeys.history(planId) });
    }
  }, [planId, printedAt, queryClient]);
  if (summary.isError && isApiError(summary.error) && summary.error.status === 404) return <NotFoundPage />;
  const s = summary.data;
  return (
    <Page
      title={s ? t('plans.summary.title', { reference: s.reference }) : t('plans.plan.titleLoading')}
      back={planId ? { to: `/plans/${planId}`, label: t('plans.summary.back') } : undefined}
    >
      <QueryStatus query={summary} />
      {s ? (
        <div className="plan-summary" data-testid="plan-summary" lang={fmt.locale}>
          <p className="no-print actions">
            <button
              type="button"
              className="ontario-button ontario-button--primary"
              onClick={() => window.print()}
              data-testid="print"
            >
              {t('plans.summary.print')}
            </button>
          </p>
          <p className="no-print tag--muted">{t('plans.summary.languageHint')}</p>
          <dl className="details">
            <dt>{t('plans.summary.client')}</dt>
            <dd data-testid="summary-client">
              {s.client.displayName} ({s.client.reference})
            </dd>
            <dt>{t('plans.fields.reference')}</dt>
            <dd data-testid="summary-reference">{s.reference}</dd>
            <dt>{t('plans.summary.provider')}</dt>
            <dd>
              {s.organization.name}
              {s.organization.siteName ? ` — ${s.organization.siteName}` : ''}
              {s.organization.phone ? ` · ${s.organization.phone}` : ''}
            </dd>
            <dt>{t('plans.summary.caseworker')}</dt>
            <dd>{s.caseworker.name}</dd>
            {s.printedAt ? (
              <>
                <dt>{t('plans.summary.preparedOn')}</dt>
                <dd>
                  {fmt.dateTime(s.printedAt)}{' '}
                  <span className="tag--muted">{t('plans.summary.revision', { revision: s.revision })}</span>
                </dd>
              </>
            ) : null}
          </dl>

          <section className="section" aria-labelledby="summary-goals-heading">
            <h2 id="summary-goals-heading">{t('plans.summary.goalsHeading')}</h2>
            <ol className="plan-goals">
              {s.goals.map((g) => (
                <li key={g.ordinal} data-testid="summary-goal">
                  <h3>
                    {t('plans.goals.goalLabel', { n: g.ordinal })} {g.title || '—'}
                  </h3>
                  {g.description ? <p className="pre-wrap">{g.description}</p> : null}
                </li>
              ))}
            </ol>
          </section>

          <section className="section" aria-labelledby="summary-steps-heading">
            <h2 id="summary-steps-heading">{t('plans.summary.stepsHeading')}</h2>
            {s.subGoals.length === 0 ? <p>{t('plans.subGoals.none')}</p> : null}
            {s.subGoals.map((sg, i) => (
              <div key={`${sg.kind}-${i}`} className="plan-summary__sub-goal" data-testid="summary-sub-goal">
                <h3>
                  {t(`plans.subGoalKinds.${sg.kind}`)}
                  {sg.goalOrdinal ? (
                    <span className="tag--muted"> ({t('plans.goals.goalN', { n: sg.goalOrdinal })})</span>
                  ) : null}
                </h3>
                <div className="table-wrap">
                  <table className="data-table">
                    <caption className="ontario-show-for-sr">{t(`plans.subGoalKinds.${sg.kind}`)}</caption>
                    <thead>
                      <tr>
                        <th scope="col">{t('plans.summary.item')}</th>
                        <th scope="col">{t('plans.items.plannedStart')}</th>
                        <th scope="col">{t('plans.items.plannedEnd')}</th>
                        <th scope="col" className="numeric">
                          {t('plans.items.cost')}
                        </th>
                      </tr>
                    </thead>
                    <tbody>
                      {sg.items.map((item, j) => (
                        <tr key={j} data-testid="summary-item">
                          <th scope="row">{summaryItemName(item, fmt.locale)}</th>
                          <td>{fmt.date(item.plannedStart)}</td>
                          <td>{fmt.date(item.plannedEnd)}</td>
                          <td className="numeric">{fmt.money(item.costCents)}</td>
                        </tr>
                      ))}
                    </tbody>
                  </table>
                </div>
              </div>
            ))}
            <p data-testid="summary-total">
              <strong>{t('plans.summary.total')}</strong> {fmt.money(s.totalCostCents)}
            </p>
          </section>

          {s.documentsNotice ? (
            <section
              className="section plan-summary__notice"
              data-testid="documents-notice"
              aria-labelledby="summary-documents-heading"
            >
              <h2 id="summary-documents-heading">{t('plans.summary.documentsHeading')}</h2>
              <p>{t('plans.summary.documentsBody')}</p>
              <ul>
                <li>{t('plans.summary.documentsReceipts')}</li>
                <li>{t('plans.summary.documentsWages')}</li>
              </ul>
            </section>
          ) : null}

          <section className="section plan-summary__signatures" aria-labelledby="summary-sign-heading">
            <h2 id="summary-sign-heading">{t('plans.summary.signHeading')}</h2>
            <p>{t('plans.summary.agreement')}</p>
            {s.signature ? (
              <p data-testid="summary-signed">
                {t('plans.sign.signedOn', {
                  date: fmt.date(s.signature.signedOn),
                  method: t(`plans.signatureMethods.${s.signature.method}`),
                })}
              </p>
            ) : null}
            <div className="signature-lines">
              <p className="signature-line">
                <span className="signature-line__rule" aria-hidden="true" />
                {t('plans.summary.clientSignature')}
              </p>
              <p className="signature-line">
                <span className="signature-line__rule" aria-hidden="true" />
                {t('plans.summary.date')}
              </p>
              <p className="signature-line">
                <span className="signature-line__rule" aria-hidden="true" />
                {t('plans.summary.caseworkerSignature')}
              </p>
              <p className="signature-line">
                <span className="signature-line__rule" aria-hidden="true" />
                {t('plans.summary.date')}
              </p>
            </div>
          </section>
        </div>
      ) : null}
    </Page>
  );
}
