import { useTranslation } from 'react-i18next';
import { Link, useSearchParams } from 'react-router-dom';
import { Loading, Page } from '../../components/Page.js';
import { QueryError } from '../../components/QueryError.js';
import { CompletionStatus, FirstContactStatus } from '../../components/ReferralClocks.js';
import { useFormatters } from '../../format.js';
import { useReferrals, useWorklist } from '../../queries.js';
import { useCan } from '../../session.js';
import {
  WORKLIST_BUCKETS,
  type ReferralSummary,
  type WorklistBucket,
  type WorklistView,
} from '../../types.js';

const isBucket = (view: WorklistView, value: string | null): value is WorklistBucket =>
  value !== null && (WORKLIST_BUCKETS[view] as readonly string[]).includes(value);

/**
 * The referral worklist of whoever is signed in: SSM intake's queue, a provider's leads, an SA
 * caseworker's referrals. Each tab is a bucket the API computes with the business-day clocks (P7, P11),
 * so the counts are right to the day.
 */
export function ReferralsPage() {
  const { t } = useTranslation();
  const can = useCan();
  const [params, setParams] = useSearchParams();
  const worklist = useWorklist();
  const view = worklist.data?.view;
  const requested = params.get('bucket');
  const bucket: WorklistBucket | '' = view && isBucket(view, requested) ? requested : '';
  const referrals = useReferrals(bucket);

  const title = view ? t(`referrals.worklist.title.${view}`) : t('referrals.worklist.title.default');
  return (
    <Page title={title} lead={view ? t(`referrals.worklist.lead.${view}`) : undefined}>
      {can('referral.assign') ? (
        <p className="actions">
          <Link className="ontario-button ontario-button--secondary" to="/referrals/trf-import">
            {t('referrals.trf.open')}
          </Link>
        </p>
      ) : null}
      {can('referral.create') ? <p>{t('referrals.worklist.howToRefer')}</p> : null}
      {worklist.isPending ? <Loading /> : null}
      {worklist.isError ? (
        <QueryError error={worklist.error} onRetry={() => void worklist.refetch()} />
      ) : null}
      {worklist.data ? (
        <nav aria-label={t('referrals.worklist.bucketsLabel')} className="bucket-tabs">
          <ul>
            <li>
              <Link
                to="/referrals"
                aria-current={bucket === '' ? 'page' : undefined}
                data-testid="bucket-all"
                onClick={(e) => {
                  e.preventDefault();
                  setParams({});
                }}
              >
                {t('referrals.buckets.all')}
              </Link>
            </li>
            {worklist.data.buckets.map((b) => (
              <li key={b.bucket}>
                <Link
                  to={`/referrals?bucket=${b.bucket}`}
                  aria-current={bucket === b.bucket ? 'page' : undefined}
                  data-testid={`bucket-${b.bucket}`}
                  onClick={(e) => {
                    e.preventDefault();
                    setParams({ bucket: b.bucket });
                  }}
                >
                  {t(`referrals.buckets.${b.bucket}`)}{' '}
                  <span className="bucket-tabs__count" data-testid={`bucket-count-${b.bucket}`}>
                    {b.count}
                  </span>
                </Link>
              </li>
            ))}
          </ul>
        </nav>
      ) : null}
      {referrals.isPending ? <Loading /> : null}
      {referrals.isError ? (
        <QueryError error={referrals.error} onRetry={() => void referrals.refetch()} />
      ) : null}
      {referrals.data && view ? <ReferralTable view={view} items={referrals.data.items} /> : null}
    </Page>
  );
}

function ReferralTable({ view, items }: { view: WorklistView; items: ReferralSummary[] }) {
  const { t } = useTranslation();
  const fmt = useFormatters();
  if (items.length === 0) return <p data-testid="referrals-empty">{t('referrals.worklist.empty')}</p>;
  return (
    <div className="table-wrap">
      <table className="data-table" data-testid="referrals-table">
        <caption className="ontario-show-for-sr">{t('referrals.worklist.caption')}</caption>
        <thead>
          <tr>
            <th scope="col">{t('referrals.fields.reference')}</th>
            <th scope="col">{t('referrals.fields.client')}</th>
            <th scope="col">{t('referrals.fields.source')}</th>
            <th scope="col">
              {view === 'provider' ? t('referrals.fields.sentToYou') : t('referrals.fields.receivedAt')}
            </th>
            {view === 'sa' ? null : <th scope="col">{t('referrals.fields.firstContact')}</th>}
            {view === 'sa' ? null : <th scope="col">{t('referrals.fields.completion')}</th>}
            <th scope="col">{t('referrals.fields.bucket')}</th>
            {view === 'provider' ? null : <th scope="col">{t('referrals.fields.provider')}</th>}
          </tr>
        </thead>
        <tbody>
          {items.map((r) => (
            <tr key={r.id} data-testid="referral-row" data-reference={r.reference}>
              <th scope="row">
                <Link to={`/referrals/${r.id}`}>{r.reference}</Link>
                {r.warmReferral ? (
                  <>
                    {' '}
                    <span className="tag tag--warning">{t('referrals.warmTag')}</span>
                  </>
                ) : null}
              </th>
              <td>{r.clientName}</td>
              <td>{t(`referralSources.${r.source}`)}</td>
              {/* A provider's P7 clock starts when the referral reached it, not when SSM intake got it. */}
              <td>{fmt.dateTime(view === 'provider' ? (r.assignedAt ?? r.receivedAt) : r.receivedAt)}</td>
              {view === 'sa' ? null : (
                <td>
                  <FirstContactStatus clock={r.firstContact} />
                </td>
              )}
              {view === 'sa' ? null : (
                <td>
                  <CompletionStatus clock={r.completion} />
                </td>
              )}
              <td>
                {t(`referrals.buckets.${r.bucket}`)}
                {r.returnReason ? (
                  <>
                    <br />
                    <span className="tag--muted">{t(`returnReasons.${r.returnReason}`)}</span>
                  </>
                ) : null}
              </td>
              {view === 'provider' ? null : (
                <td>{r.assignedOrganizationName ?? <span className="tag--muted">—</span>}</td>
              )}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
