import { useTranslation } from 'react-i18next';
import { Link, useSearchParams } from 'react-router-dom';
import { Page } from '../../components/Page.js';
import { QueryStatus } from '../../components/QueryStatus.js';
import { useFormatters } from '../../format.js';
import { useConferenceQueue } from './data.js';
import { ConferenceStatusTag, LoadError } from './shared.js';
import { CONFERENCE_QUEUE_FILTERS, type ConferenceQueueFilter } from './types.js';

const isFilter = (value: string | null): value is ConferenceQueueFilter =>
  value !== null && (CONFERENCE_QUEUE_FILTERS as readonly string[]).includes(value);

/**
 * I4: the SSM's queue of case conferences across the catchment — the open ones, and the stalled
 * ones where nobody else answered within 2 business days and the SSM should help.
 */
export function ConferenceQueuePage() {
  const { t } = useTranslation();
  const fmt = useFormatters();
  const [params, setParams] = useSearchParams();
  const asked = params.get('status');
  const status: ConferenceQueueFilter = isFilter(asked) ? asked : 'open';
  const queue = useConferenceQueue(status);
  const conferences = queue.data?.conferences ?? [];
  return (
    <Page title={t('casework.queue.title')} lead={t('casework.queue.lead')}>
      <nav aria-label={t('casework.queue.filtersLabel')} className="bucket-tabs">
        <ul>
          {CONFERENCE_QUEUE_FILTERS.map((f) => (
            <li key={f}>
              <Link
                to={`/case-conferences?status=${f}`}
                aria-current={status === f ? 'page' : undefined}
                data-testid={`conference-filter-${f}`}
                onClick={(e) => {
                  e.preventDefault();
                  setParams({ status: f });
                }}
              >
                {t(`casework.queue.filters.${f}`)}
              </Link>
            </li>
          ))}
        </ul>
      </nav>
      <QueryStatus query={queue} failure={LoadError} />
      {queue.data && conferences.length === 0 ? (
        <p data-testid="queue-empty">{t('casework.queue.empty')}</p>
      ) : null}
      {conferences.length ? (
        <div className="table-wrap">
          <table className="data-table" data-testid="queue-table">
            <caption className="ontario-show-for-sr">
              {t('casework.queue.caption', { filter: t(`casework.queue.filters.${status}`) })}
            </caption>
            <thead>
              <tr>
                <th scope="col">{t('casework.conferences.fields.topic')}</th>
                <th scope="col">{t('casework.caseload.fields.client')}</th>
                <th scope="col">{t('casework.conferences.fields.requested')}</th>
                <th scope="col">{t('common.status')}</th>
                <th scope="col">{t('casework.conferences.fields.response')}</th>
              </tr>
            </thead>
            <tbody>
              {conferences.map((c) => (
                <tr key={c.id} data-testid="queue-row" data-stalled={c.stalled}>
                  <th scope="row">
                    <Link to={`/clients/${c.clientId}/workspace`}>{c.topic}</Link>
                  </th>
                  <td>
                    {c.client.displayName} <span className="tag--muted">({c.client.reference})</span>
                  </td>
                  <td>
                    {fmt.dateTime(c.requestedAt)}
                    <br />
                    <span className="tag--muted">
                      {c.requestedBy.name}, {c.requestedBy.organizationName} (
                      {t(`casework.sides.${c.requestedBy.side}`)})
                    </span>
                  </td>
                  <td>
                    <ConferenceStatusTag status={c.status} stalled={c.stalled} />
                  </td>
                  <td>
                    {c.firstResponseAt
                      ? t('casework.conferences.answeredAfter', {
                          at: fmt.dateTime(c.firstResponseAt),
                          count: c.responseBusinessDays ?? 0,
                        })
                      : t('casework.conferences.noAnswer', { date: fmt.date(c.responseDueOn) })}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      ) : null}
    </Page>
  );
}
