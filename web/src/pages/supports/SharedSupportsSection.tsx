import { useTranslation } from 'react-i18next';
import { QueryStatus } from '../../components/QueryStatus.js';
import { useFormatters } from '../../format.js';
import { usePlanSupports } from './data.js';
import { useSupportWords, useWhatLabel } from './shared.js';

/**
 * I3: on the plan the SA caseworker follows, the financial supports issued to the client (the API
 * sends them only issued, reported, approved or withheld, without the justification or the files),
 * so social assistance can see what was paid and avoid paying it twice (F9).
 */
export function SharedSupportsSection({ planId }: { planId: string }) {
  const { t } = useTranslation();
  const fmt = useFormatters();
  const words = useSupportWords();
  const what = useWhatLabel();
  const supports = usePlanSupports(planId);
  const list = supports.data?.supports ?? [];
  return (
    <section className="section" aria-labelledby="shared-supports-heading" data-testid="shared-supports">
      <h2 id="shared-supports-heading">{t('supports.shared.heading')}</h2>
      <QueryStatus query={supports} />
      {supports.data && list.length === 0 ? (
        <p className="tag--muted" data-testid="shared-supports-none">
          {t('supports.shared.none')}
        </p>
      ) : null}
      {list.length ? (
        <div className="table-wrap">
          <table className="data-table">
            <caption className="ontario-show-for-sr">{t('supports.shared.caption')}</caption>
            <thead>
              <tr>
                <th scope="col">{t('supports.fields.reference')}</th>
                <th scope="col">{t('supports.fields.what')}</th>
                <th scope="col" className="numeric">
                  {t('supports.fields.amount')}
                </th>
                <th scope="col">{t('supports.fields.issued')}</th>
                <th scope="col">{t('supports.fields.state')}</th>
              </tr>
            </thead>
            <tbody>
              {list.map((s) => (
                <tr key={s.id} data-testid="shared-support" data-reference={s.reference}>
                  <th scope="row">{s.reference}</th>
                  <td>
                    {what(s)}
                    <br />
                    <span className="tag--muted">{s.vendorName}</span>
                  </td>
                  <td className="numeric">{words.money(s.amountCents)}</td>
                  <td>{s.issuedOn ? fmt.date(s.issuedOn) : '—'}</td>
                  <td>{t(`supports.states.${s.state}`)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      ) : null}
    </section>
  );
}
