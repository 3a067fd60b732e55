import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import { Page } from '../../components/Page.js';
import { QueryStatus } from '../../components/QueryStatus.js';
import { useFormatters } from '../../format.js';
import { useSupportApprovals } from './data.js';
import { PreApprovalReasons, ProblemList, ReportDue, useSupportWords, useWhatLabel } from './shared.js';
import type { SupportView } from './types.js';

/**
 * The SSM's financial-support queue: requests waiting for pre-approval, each with the F6 rule(s)
 * that call for it, oldest first; and reports to review (F13), with what the evidence still lacks.
 */
export function SupportApprovalsPage() {
  const { t } = useTranslation();
  const approvals = useSupportApprovals();
  return (
    <Page title={t('supports.approvals.title')} lead={t('supports.approvals.lead')}>
      <QueryStatus query={approvals} />
      {approvals.data ? (
        <>
          <section className="section" aria-labelledby="pre-approvals-heading">
            <h2 id="pre-approvals-heading">
              {t('supports.approvals.preApprovals', { count: approvals.data.preApprovals.length })}
            </h2>
            <QueueTable supports={approvals.data.preApprovals} kind="pre-approval" />
          </section>
          <section className="section" aria-labelledby="reports-heading">
            <h2 id="reports-heading">
              {t('supports.approvals.reports', { count: approvals.data.reports.length })}
            </h2>
            <QueueTable supports={approvals.data.reports} kind="report" />
          </section>
        </>
      ) : null}
    </Page>
  );
}

function QueueTable({ supports, kind }: { supports: SupportView[]; kind: 'pre-approval' | 'report' }) {
  const { t } = useTranslation();
  const fmt = useFormatters();
  const words = useSupportWords();
  const what = useWhatLabel();
  if (supports.length === 0)
    return (
      <p className="tag--muted" data-testid={`${kind}-queue-empty`}>
        {t(kind === 'pre-approval' ? 'supports.approvals.noPreApprovals' : 'supports.approvals.noReports')}
      </p>
    );
  return (
    <div className="table-wrap">
      <table className="data-table" data-testid={`${kind}-queue`}>
        <caption className="ontario-show-for-sr">
          {t(
            kind === 'pre-approval'
              ? 'supports.approvals.preApprovalsCaption'
              : 'supports.approvals.reportsCaption',
          )}
        </caption>
        <thead>
          <tr>
            <th scope="col">{t('supports.fields.reference')}</th>
            <th scope="col">{t('supports.fields.client')}</th>
            <th scope="col">{t('supports.fields.organization')}</th>
            <th scope="col">{t('supports.fields.what')}</th>
            <th scope="col" className="numeric">
              {t('supports.fields.amount')}
            </th>
            <th scope="col">
              {kind === 'pre-approval' ? t('supports.approvals.why') : t('supports.approvals.evidence')}
            </th>
          </tr>
        </thead>
        <tbody>
          {supports.map((s) => (
            <tr key={s.id} data-testid={`${kind}-row`} data-reference={s.reference}>
              <th scope="row">
                <Link
                  to={`/supports/${s.id}`}
                  aria-label={t('supports.approvals.open', { reference: s.reference, what: what(s) })}
                >
                  {s.reference}
                </Link>
                <br />
                <span className="tag--muted">
                  {kind === 'pre-approval'
                    ? t('supports.approvals.requestedAt', { when: fmt.dateTime(s.requestedAt) })
                    : s.reportedOn
                      ? t('supports.support.reportedOn', { date: fmt.date(s.reportedOn) })
                      : null}
                </span>
              </th>
              <td>
                {s.clientName ?? '—'}
                {s.planReference ? (
                  <>
                    <br />
                    <span className="tag--muted">{s.planReference}</span>
                  </>
                ) : null}
              </td>
              <td>{s.organizationName}</td>
              <td>
                {what(s)}
                <br />
                <span className="tag--muted">{s.description}</span>
              </td>
              <td className="numeric">{words.money(s.amountCents)}</td>
              <td>
                {kind === 'pre-approval' ? (
                  <PreApprovalReasons reasons={s.preApprovalReasons} />
                ) : (
                  <>
                    <ReportDue support={s} />
                    {s.evidenceProblems.length ? (
                      <ProblemList problems={s.evidenceProblems} testId="queue-evidence-problems" />
                    ) : (
                      <p>
                        <span className="tag tag--ok">{t('supports.evidence.acceptable')}</span>
                      </p>
                    )}
                  </>
                )}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
