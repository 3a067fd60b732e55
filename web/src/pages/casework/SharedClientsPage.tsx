import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import { Page } from '../../components/Page.js';
import { QueryStatus } from '../../components/QueryStatus.js';
import { useFormatters } from '../../format.js';
import { useSharedClients } from './data.js';
import { PlanStatusTag } from '../plans/shared.js';
import { LoadError, PhaseLabel } from './shared.js';

/**
 * I2/I4: the SA caseworker's clients served by a provider — who holds them, where the plan stands,
 * what changed since they last looked, the conferences still open and when a comment was last
 * shared with them. Plans open read-only (web-plan's plan page).
 */
export function SharedClientsPage() {
  const { t } = useTranslation();
  const fmt = useFormatters();
  const shared = useSharedClients();
  const clients = shared.data?.clients ?? [];
  return (
    <Page title={t('casework.shared.title')} lead={t('casework.shared.lead')}>
      <QueryStatus query={shared} failure={LoadError} />
      {shared.data && clients.length === 0 ? (
        <p data-testid="shared-empty">{t('casework.shared.empty')}</p>
      ) : null}
      {clients.length ? (
        <div className="table-wrap">
          <table className="data-table" data-testid="shared-table">
            <caption className="ontario-show-for-sr">
              {t('casework.shared.caption', { count: clients.length })}
            </caption>
            <thead>
              <tr>
                <th scope="col">{t('casework.caseload.fields.client')}</th>
                <th scope="col">{t('casework.shared.fields.provider')}</th>
                <th scope="col">{t('casework.caseload.fields.plan')}</th>
                <th scope="col" className="numeric">
                  {t('casework.shared.fields.newEvents')}
                </th>
                <th scope="col" className="numeric">
                  {t('casework.shared.fields.openConferences')}
                </th>
                <th scope="col">{t('casework.shared.fields.lastComment')}</th>
              </tr>
            </thead>
            <tbody>
              {clients.map((c) => (
                <tr key={c.clientId} data-testid="shared-row" data-reference={c.reference}>
                  <th scope="row">
                    <Link to={`/clients/${c.clientId}`}>{c.displayName}</Link>{' '}
                    <span className="tag--muted">({c.reference})</span>
                  </th>
                  <td>
                    {c.provider?.name ?? (
                      <span className="tag--muted">{t('casework.shared.noProvider')}</span>
                    )}
                    {c.caseworker ? (
                      <>
                        <br />
                        <span className="tag--muted">{c.caseworker.name}</span>
                      </>
                    ) : null}
                  </td>
                  <td>
                    {c.plan ? (
                      <>
                        <Link
                          to={`/plans/${c.plan.id}`}
                          aria-label={t('casework.shared.openPlan', {
                            reference: c.plan.reference,
                            client: c.displayName,
                          })}
                        >
                          {c.plan.reference}
                        </Link>{' '}
                        <PlanStatusTag status={c.plan.status} />
                        <br />
                        <PhaseLabel phase={c.plan.phase} />
                      </>
                    ) : (
                      <span className="tag--muted">{t('casework.shared.noPlan')}</span>
                    )}
                  </td>
                  <td className="numeric">
                    {c.newEvents ? <span className="tag tag--warning">{c.newEvents}</span> : 0}
                  </td>
                  <td className="numeric">{c.openConferences}</td>
                  <td>
                    {c.lastSharedCommentAt ? (
                      fmt.dateTime(c.lastSharedCommentAt)
                    ) : (
                      <span className="tag--muted">—</span>
                    )}
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
