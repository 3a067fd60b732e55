import { useQuery } from '@tanstack/react-query';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { get } from '../api.js';
import { SubmitButton, TextField } from '../components/fields.js';
import { Loading } from '../components/Page.js';
import { QueryError } from '../components/QueryError.js';
import { todayIso, useFormatters } from '../format.js';
import { keys } from '../queries.js';
import type { ListOf, ProviderReferralMetrics } from '../types.js';

/** The first day of the fiscal quarter (April–March) holding a date: the period managers report on. */
function quarterStart(iso: string): string {
  const [y, m] = iso.split('-').map(Number) as [number, number];
  const startMonth = [1, 4, 7, 10].filter((q) => q <= m).pop() ?? 1;
  return `${y}-${String(startMonth).padStart(2, '0')}-01`;
}

/**
 * K5 per provider for a period: how fast referrals get a first contact (P7), how often they come back,
 * and how often for lost contact (P8). Counts only; no client is named.
 */
export function ReferralStandardsSection() {
  const { t } = useTranslation();
  const fmt = useFormatters();
  const today = todayIso();
  const [draft, setDraft] = useState({ from: quarterStart(today), to: today });
  const [period, setPeriod] = useState(draft);
  const metrics = useQuery({
    queryKey: keys.referralMetrics(period.from, period.to),
    queryFn: () => get<ListOf<ProviderReferralMetrics>>('/referrals/metrics', period),
  });
  // No referral in the period gives no rate: a dash, not 0 %.
  const percent = (v: number | null) => (v === null ? '—' : fmt.percent(v));
  const days = (v: number | null) => (v === null ? '—' : fmt.decimal(v));
  const valid = draft.from !== '' && draft.to !== '' && draft.from <= draft.to;
  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (valid) setPeriod(draft);
  };
  return (
    <section className="section" aria-labelledby="k5-heading">
      <h2 id="k5-heading">{t('statistics.referrals.title')}</h2>
      <p>{t('statistics.referrals.lead')}</p>
      <form className="form form--inline" onSubmit={submit} noValidate>
        <TextField
          id="metrics-from"
          type="date"
          label={t('statistics.referrals.from')}
          value={draft.from}
          onChange={(v) => setDraft((d) => ({ ...d, from: v }))}
        />
        <TextField
          id="metrics-to"
          type="date"
          label={t('statistics.referrals.to')}
          value={draft.to}
          onChange={(v) => setDraft((d) => ({ ...d, to: v }))}
          error={valid ? undefined : t('statistics.referrals.badPeriod')}
        />
        <div className="actions">
          <SubmitButton variant="secondary">{t('statistics.referrals.show')}</SubmitButton>
        </div>
      </form>
      {metrics.isPending ? <Loading /> : null}
      {metrics.isError ? <QueryError error={metrics.error} onRetry={() => void metrics.refetch()} /> : null}
      {metrics.data && metrics.data.items.length === 0 ? <p>{t('statistics.referrals.empty')}</p> : null}
      {metrics.data && metrics.data.items.length ? (
        <div className="table-wrap">
          <table className="data-table" data-testid="referral-metrics">
            <caption className="ontario-show-for-sr">
              {t('statistics.referrals.caption', {
                from: fmt.date(period.from, 'medium'),
                to: fmt.date(period.to, 'medium'),
              })}
            </caption>
            <thead>
              <tr>
                <th scope="col">{t('statistics.referrals.provider')}</th>
                <th scope="col" className="numeric">
                  {t('statistics.referrals.assigned')}
                </th>
                <th scope="col" className="numeric">
                  {t('statistics.referrals.intakeDays')}
                </th>
                <th scope="col" className="numeric">
                  {t('statistics.referrals.averageDays')}
                </th>
                <th scope="col" className="numeric">
                  {t('statistics.referrals.withinStandard')}
                </th>
                <th scope="col" className="numeric">
                  {t('statistics.referrals.returnedRate')}
                </th>
                <th scope="col" className="numeric">
                  {t('statistics.referrals.lostContactRate')}
                </th>
              </tr>
            </thead>
            <tbody>
              {metrics.data.items.map((m) => (
                <tr key={m.organizationId}>
                  <th scope="row">{m.organizationName}</th>
                  <td className="numeric">{fmt.number(m.referralsAssigned)}</td>
                  <td className="numeric">{days(m.averageBusinessDaysToAssignment)}</td>
                  <td className="numeric">{days(m.averageBusinessDaysToFirstContact)}</td>
                  <td className="numeric">{percent(m.firstContactWithinStandardRate)}</td>
                  <td className="numeric">
                    {percent(m.returnedRate)} ({fmt.number(m.returned)})
                  </td>
                  <td className="numeric">
                    {percent(m.lostContactRate)} ({fmt.number(m.lostContact)})
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      ) : null}
    </section>
  );
}
