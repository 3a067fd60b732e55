import { useTranslation } from 'react-i18next';
import { Link, useSearchParams } from 'react-router-dom';
import { Loading, Page } from '../../components/Page.js';
import { QueryError } from '../../components/QueryError.js';
import { useFormatters } from '../../format.js';
import { ASSESSMENT_BUCKETS, type AssessmentBucket, type AssessmentWorklistItem } from '../../types.js';
import { useAssessmentWorklist } from './data.js';
import { AgeingTag, StatusTag } from './shared.js';

const isBucket = (value: string | null): value is AssessmentBucket =>
  value !== null && (ASSESSMENT_BUCKETS as readonly string[]).includes(value);

/**
 * The assessments worklist: what is in progress, what reached this provider through a referral (C6),
 * what is ageing past 120 days (C9, S4), service pending (S5), returned to the SSM (C10), submitted.
 */
export function AssessmentsPage() {
  const { t } = useTranslation();
  const [params, setParams] = useSearchParams();
  const requested = params.get('bucket');
  const bucket: AssessmentBucket = isBucket(requested) ? requested : 'in_progress';
  const worklist = useAssessmentWorklist(bucket);

  return (
    <Page title={t('assessments.worklist.title')} lead={t('assessments.worklist.lead')}>
      <p>{t('assessments.worklist.howToStart')}</p>
      {worklist.isError ? (
        <QueryError error={worklist.error} onRetry={() => void worklist.refetch()} />
      ) : null}
      <nav aria-label={t('assessments.worklist.bucketsLabel')} className="bucket-tabs">
        <ul>
          {ASSESSMENT_BUCKETS.map((b) => {
            const count = worklist.data?.buckets.find((x) => x.bucket === b)?.count;
            return (
              <li key={b}>
                <Link
                  to={`/assessments?bucket=${b}`}
                  aria-current={bucket === b ? 'page' : undefined}
                  data-testid={`assessment-bucket-${b}`}
                  onClick={(e) => {
                    e.preventDefault();
                    setParams({ bucket: b });
                  }}
                >
                  {t(`assessments.buckets.${b}`)}{' '}
                  {count !== undefined ? (
                    <span className="bucket-tabs__count" data-testid={`assessment-bucket-count-${b}`}>
                      {count}
                    </span>
                  ) : null}
                </Link>
              </li>
            );
          })}
        </ul>
      </nav>
      <p className="tag--muted">{t(`assessments.bucketHelp.${bucket}`)}</p>
      {worklist.isPending ? <Loading /> : null}
      {worklist.data ? <WorklistTable items={worklist.data.items} bucket={bucket} /> : null}
    </Page>
  );
}

function WorklistTable({ items, bucket }: { items: AssessmentWorklistItem[]; bucket: AssessmentBucket }) {
  const { t } = useTranslation();
  const fmt = useFormatters();
  if (items.length === 0) return <p data-testid="assessments-empty">{t('assessments.worklist.empty')}</p>;
  return (
    <div className="table-wrap">
      <table className="data-table" data-testid="assessments-table">
        <caption className="ontario-show-for-sr">
          {t('assessments.worklist.caption', { bucket: t(`assessments.buckets.${bucket}`) })}
        </caption>
        <thead>
          <tr>
            <th scope="col">{t('assessments.fields.reference')}</th>
            <th scope="col">{t('assessments.fields.client')}</th>
            <th scope="col">{t('assessments.fields.status')}</th>
            <th scope="col">{t('assessments.fields.holder')}</th>
            <th scope="col">{t('assessments.fields.started')}</th>
            <th scope="col" className="numeric">
              {t('assessments.fields.ageDays')}
            </th>
            <th scope="col">{t('assessments.fields.serviceLevel')}</th>
          </tr>
        </thead>
        <tbody>
          {items.map((a) => (
            <tr key={a.id} data-testid="assessment-row" data-reference={a.reference}>
              <th scope="row">
                <Link to={`/assessments/${a.id}`}>{a.reference}</Link>
              </th>
              <td>
                {a.client.name} <span className="tag--muted">({a.client.reference})</span>
              </td>
              <td>
                <StatusTag status={a.status} />
              </td>
              <td>{a.holderName}</td>
              <td>{fmt.dateTime(a.startedAt)}</td>
              <td className="numeric">
                {fmt.number(a.ageing.days)}
                {a.status === 'in_progress' && a.ageing.state !== 'open' ? (
                  <>
                    <br />
                    <AgeingTag state={a.ageing.state} days={a.ageing.days} />
                  </>
                ) : null}
              </td>
              <td>
                {a.serviceLevel ? (
                  t(`serviceLevels.${a.serviceLevel}`)
                ) : (
                  <span className="tag--muted">—</span>
                )}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
