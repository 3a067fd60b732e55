import { useTranslation } from 'react-i18next';
import { Link, useSearchParams } from 'react-router-dom';
import { Page } from '../../components/Page.js';
import { QueryStatus } from '../../components/QueryStatus.js';
import { useFormatters } from '../../format.js';
import { useCheckpointWorklist } from './data.js';
import { BucketTag, CheckpointStateTag } from './shared.js';
import {
  CHECKPOINT_WORKLIST_BUCKETS,
  WORKLIST_SCOPES,
  type CheckpointWorklistBucket,
  type CheckpointWorklistItem,
  type WorklistScope,
} from './types.js';

/**
 * M7/M9: the checkpoints to make contact for, so none is seen after its window closes: overdue ones
 * first, then those due this week, later in an open window, and upcoming within 30 days. "Mine" is
 * the caseworker's caseload; "My organization" every plan the provider delivers.
 */
export function CheckpointWorklistPage() {
  const { t } = useTranslation();
  const [params, setParams] = useSearchParams();
  const requested = params.get('scope');
  const scope: WorklistScope = requested === 'organization' ? 'organization' : 'mine';
  const worklist = useCheckpointWorklist(scope);
  return (
    <Page title={t('monitoring.worklist.title')} lead={t('monitoring.worklist.lead')}>
      <nav aria-label={t('monitoring.worklist.scopeLabel')} className="bucket-tabs">
        <ul>
          {WORKLIST_SCOPES.map((s) => (
            <li key={s}>
              <Link
                to={s === 'mine' ? '/checkpoints' : `/checkpoints?scope=${s}`}
                aria-current={scope === s ? 'page' : undefined}
                data-testid={`scope-${s}`}
                onClick={(e) => {
                  e.preventDefault();
                  setParams(s === 'mine' ? {} : { scope: s });
                }}
              >
                {t(`monitoring.worklist.scopes.${s}`)}
              </Link>
            </li>
          ))}
        </ul>
      </nav>
      <QueryStatus query={worklist} />
      {worklist.data ? (
        <>
          <dl className="stat-grid" data-testid="checkpoint-counts">
            {CHECKPOINT_WORKLIST_BUCKETS.map((b) => (
              <div className="stat" key={b}>
                <dt>{t(`monitoring.buckets.${b}`)}</dt>
                <dd data-testid={`checkpoint-count-${b}`}>{worklist.data.counts[b] ?? 0}</dd>
              </div>
            ))}
          </dl>
          {worklist.data.items.length === 0 ? (
            // One plain sentence rather than four empty sections; from "mine", the way to the rest.
            <div className="section" data-testid="checkpoints-all-clear">
              <p>{t(`monitoring.worklist.allClear.${scope}`)}</p>
              {scope === 'mine' ? (
                <p>
                  <Link
                    to="/checkpoints?scope=organization"
                    onClick={(e) => {
                      e.preventDefault();
                      setParams({ scope: 'organization' });
                    }}
                  >
                    {t('monitoring.worklist.seeOrganization')}
                  </Link>
                </p>
              ) : null}
            </div>
          ) : (
            CHECKPOINT_WORKLIST_BUCKETS.map((b) => (
              <BucketSection
                key={b}
                bucket={b}
                scope={scope}
                items={worklist.data.items.filter((i) => i.bucket === b)}
              />
            ))
          )}
        </>
      ) : null}
    </Page>
  );
}

function BucketSection({
  bucket,
  scope,
  items,
}: {
  bucket: CheckpointWorklistBucket;
  scope: WorklistScope;
  items: CheckpointWorklistItem[];
}) {
  const { t } = useTranslation();
  const fmt = useFormatters();
  const headingId = `bucket-${bucket}-heading`;
  return (
    <section className="section" aria-labelledby={headingId} data-testid={`checkpoint-bucket-${bucket}`}>
      <h2 id={headingId}>
        {t(`monitoring.buckets.${bucket}`)} <span className="bucket-tabs__count">({items.length})</span>
      </h2>
      <p className="tag--muted">{t(`monitoring.worklist.bucketHints.${bucket}`)}</p>
      {items.length === 0 ? (
        <p data-testid={`checkpoint-bucket-${bucket}-empty`}>{t('monitoring.worklist.empty')}</p>
      ) : (
        <div className="table-wrap">
          <table className="data-table">
            <caption className="ontario-show-for-sr">
              {t('monitoring.worklist.caption', {
                bucket: t(`monitoring.buckets.${bucket}`),
                count: items.length,
              })}
            </caption>
            <thead>
              <tr>
                <th scope="col">{t('monitoring.fields.client')}</th>
                <th scope="col">{t('monitoring.fields.plan')}</th>
                <th scope="col">{t('monitoring.fields.checkpoint')}</th>
                <th scope="col">{t('monitoring.fields.dueOn')}</th>
                <th scope="col">{t('monitoring.fields.windowClosesOn')}</th>
                <th scope="col">{t('monitoring.fields.stream')}</th>
                {scope === 'organization' ? <th scope="col">{t('monitoring.fields.caseworker')}</th> : null}
              </tr>
            </thead>
            <tbody>
              {items.map((i) => (
                <tr
                  key={`${i.planId}-${i.kind}`}
                  data-testid="checkpoint-row"
                  data-kind={i.kind}
                  data-bucket={i.bucket}
                >
                  <th scope="row">
                    <Link to={`/plans/${i.planId}/monitoring`}>
                      {i.clientName ?? t('monitoring.fields.clientHidden')}
                    </Link>
                  </th>
                  <td>{i.planReference}</td>
                  <td>
                    {t(`pbf.checkpoints.${i.kind}`)} <CheckpointStateTag state={i.state} />
                  </td>
                  <td>{fmt.date(i.dueOn, 'medium')}</td>
                  <td>
                    {fmt.date(i.windowClosesOn, 'medium')}{' '}
                    {i.bucket === 'overdue' ? <BucketTag bucket={i.bucket} /> : null}
                  </td>
                  <td>{i.stream}</td>
                  {scope === 'organization' ? <td>{i.caseworkerName ?? '—'}</td> : null}
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </section>
  );
}
