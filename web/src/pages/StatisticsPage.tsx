import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { get } from '../api.js';
import { Loading, Page } from '../components/Page.js';
import { QueryError } from '../components/QueryError.js';
import { useFormatters } from '../format.js';
import { keys } from '../queries.js';
import { ReferralStandardsSection } from './ReferralStandardsSection.js';
import type { ClientStatistics } from '../types.js';

interface Row {
  key: string;
  label: string;
  value: number;
}

/** A count per category with its share; the bar is decoration, the numbers carry the meaning. */
function BreakdownTable({
  caption,
  rows,
  total,
  headers,
}: {
  caption: string;
  rows: Row[];
  total: number;
  headers: [string, string, string];
}) {
  const fmt = useFormatters();
  return (
    <div className="table-wrap">
      <table className="data-table">
        <caption className="ontario-show-for-sr">{caption}</caption>
        <thead>
          <tr>
            <th scope="col">{headers[0]}</th>
            <th scope="col" className="numeric">
              {headers[1]}
            </th>
            <th scope="col">{headers[2]}</th>
          </tr>
        </thead>
        <tbody>
          {rows.map((r) => {
            const share = total ? r.value / total : 0;
            return (
              <tr key={r.key}>
                <th scope="row">{r.label}</th>
                <td className="numeric">{fmt.number(r.value)}</td>
                <td>
                  <span
                    className="bar"
                    aria-hidden="true"
                    style={{ width: `${Math.round(share * 12)}rem` }}
                  />
                  {fmt.percent(share)}
                </td>
              </tr>
            );
          })}
        </tbody>
      </table>
    </div>
  );
}

export function StatisticsPage() {
  const { t } = useTranslation();
  const fmt = useFormatters();
  const stats = useQuery({
    queryKey: keys.statistics,
    queryFn: () => get<ClientStatistics>('/statistics/clients'),
  });
  const data = stats.data;
  const headers: [string, string, string] = [
    t('statistics.category'),
    t('statistics.clients'),
    t('statistics.share'),
  ];

  return (
    <Page title={t('statistics.title')} lead={t('statistics.lead')}>
      {stats.isPending ? <Loading /> : null}
      {stats.isError ? <QueryError error={stats.error} onRetry={() => void stats.refetch()} /> : null}
      {data ? (
        <>
          <dl className="stat-grid">
            <div className="stat">
              <dt>{t('statistics.totalClients')}</dt>
              <dd data-testid="stat-total-clients">{fmt.number(data.totalClients)}</dd>
            </div>
            <div className="stat">
              <dt>{t('statistics.providers')}</dt>
              <dd>{fmt.number(data.providers)}</dd>
            </div>
            <div className="stat">
              <dt>{t('statistics.sites')}</dt>
              <dd>{fmt.number(data.sites)}</dd>
            </div>
          </dl>
          <section className="section" aria-labelledby="by-region-heading">
            <h2 id="by-region-heading">{t('statistics.byRegion')}</h2>
            <BreakdownTable
              caption={t('statistics.byRegionCaption')}
              headers={[t('statistics.region'), headers[1], headers[2]]}
              total={data.totalClients}
              rows={data.byRegion.map((r) => ({
                key: r.regionId ?? 'none',
                label: r.regionId ? fmt.name(r) : t('statistics.noRegion'),
                value: r.clients,
              }))}
            />
          </section>
          <section className="section" aria-labelledby="by-sa-heading">
            <h2 id="by-sa-heading">{t('statistics.bySocialAssistance')}</h2>
            <BreakdownTable
              caption={t('statistics.bySocialAssistanceCaption')}
              headers={headers}
              total={data.totalClients}
              rows={(['ow', 'odsp', 'none'] as const).map((k) => ({
                key: k,
                label: k === 'none' ? t('statistics.noSocialAssistance') : t(`saPrograms.${k}`),
                value: data.bySocialAssistance[k],
              }))}
            />
          </section>
          <section className="section" aria-labelledby="by-language-heading">
            <h2 id="by-language-heading">{t('statistics.byLanguage')}</h2>
            <BreakdownTable
              caption={t('statistics.byLanguageCaption')}
              headers={[t('statistics.language'), headers[1], headers[2]]}
              total={data.totalClients}
              rows={(['en', 'fr', 'other'] as const).map((k) => ({
                key: k,
                label: t(`clientLanguages.${k}`),
                value: data.byLanguage[k],
              }))}
            />
          </section>
        </>
      ) : null}
      <ReferralStandardsSection />
    </Page>
  );
}
