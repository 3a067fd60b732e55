import { useTranslation } from 'react-i18next';
import { Link, useLocation, useSearchParams } from 'react-router-dom';
import { PageAlert } from '../../components/Alert.js';
import { SelectField } from '../../components/fields.js';
import { Page } from '../../components/Page.js';
import { QueryStatus } from '../../components/QueryStatus.js';
import { todayIso, useFormatters } from '../../format.js';
import { useCan } from '../../session.js';
import { fiscalYearOf } from '../../../../src/domain/calendar/fiscal-year.js';
import { fiscalYearName } from '../pbf/logic.js';
import { useBudgets } from './data.js';
import { budgetYearChoices } from './logic.js';
import { useSupportWords } from './shared.js';
import type { BudgetRow, Budgets, BudgetTotals } from './types.js';

const QUARTERS = [1, 2, 3, 4] as const;

/**
 * F3/F7/F8: each provider's ERFS allocation for a fiscal year and where it stands — pending,
 * committed, spent, withheld, remaining and what would return to the SSM at year end — with the
 * ODSP Client Reserve (F8) and the status-quo supports by quarter (F7) apart. A provider sees its
 * own; the SSM sees its catchment's, and finance sets each allocation.
 */
export function BudgetsPage() {
  const { t } = useTranslation();
  const [params, setParams] = useSearchParams();
  const current = fiscalYearOf(todayIso());
  const asked = Number(params.get('fiscalYear'));
  const fiscalYear = Number.isInteger(asked) && asked > 2000 ? asked : current;
  const budgets = useBudgets(fiscalYear);
  // F3: back from the allocation form, say whose budget was saved.
  const savedFor = (useLocation().state as { savedFor?: string } | null)?.savedFor;
  return (
    <Page title={t('supports.budgets.title')} lead={t('supports.budgets.lead')}>
      <div role="status" className="plan-flash">
        {savedFor ? (
          <PageAlert kind="success" heading={t('supports.budgets.saved', { organization: savedFor })} />
        ) : null}
      </div>
      <form className="filters" onSubmit={(e) => e.preventDefault()}>
        <SelectField
          id="budgets-fiscal-year"
          label={t('supports.budgets.fiscalYear')}
          hint={t('supports.budgets.fiscalYearHint')}
          value={String(fiscalYear)}
          onChange={(v) => setParams({ fiscalYear: v }, { replace: true })}
          options={budgetYearChoices(current).map((y) => ({ value: String(y), label: fiscalYearName(y) }))}
          width={10}
        />
      </form>
      <QueryStatus query={budgets} />
      {budgets.data ? <BudgetTables budgets={budgets.data} /> : null}
    </Page>
  );
}

function BudgetTables({ budgets }: { budgets: Budgets }) {
  const { t } = useTranslation();
  const fmt = useFormatters();
  const words = useSupportWords();
  const can = useCan();
  const year = fiscalYearName(budgets.fiscalYear);
  if (budgets.providers.length === 0) return <p data-testid="budgets-none">{t('supports.budgets.none')}</p>;
  const withReserve = budgets.providers.filter(
    (p) => p.odspReserveCents !== null || hasAny(p.position.odspReserve),
  );
  const withStatusQuo = budgets.providers.filter((p) =>
    QUARTERS.some((q) => hasAny(p.statusQuoByQuarter[q])),
  );
  return (
    <div data-testid="budgets" data-fiscal-year={budgets.fiscalYear}>
      <div className="table-wrap">
        <table className="data-table" data-testid="budgets-table">
          <caption>{t('supports.budgets.caption', { year })}</caption>
          <thead>
            <tr>
              <th scope="col">{t('supports.budgets.provider')}</th>
              <th scope="col" className="numeric">
                {t('supports.budgets.allocation')}
              </th>
              <th scope="col" className="numeric">
                {t('supports.budgets.pending')}
              </th>
              <th scope="col" className="numeric">
                {t('supports.budgets.committed')}
              </th>
              <th scope="col" className="numeric">
                {t('supports.budgets.spent')}
              </th>
              <th scope="col" className="numeric">
                {t('supports.budgets.withheld')}
              </th>
              <th scope="col" className="numeric">
                {t('supports.budgets.remaining')}
              </th>
              <th scope="col" className="numeric">
                {t('supports.budgets.returnable')}
              </th>
              {can('budget.manage') ? <th scope="col">{t('common.actions')}</th> : null}
            </tr>
          </thead>
          <tbody>
            {budgets.providers.map((p) => (
              <ProviderRow key={p.organizationId} row={p} fiscalYear={budgets.fiscalYear} />
            ))}
          </tbody>
        </table>
      </div>
      <p className="ontario-hint">{t('supports.budgets.hint')}</p>

      <section className="section" aria-labelledby="odsp-reserve-heading">
        <h2 id="odsp-reserve-heading">{t('supports.budgets.odspHeading')}</h2>
        <p>{t('supports.budgets.odspLead')}</p>
        {withReserve.length === 0 ? (
          <p className="tag--muted" data-testid="odsp-reserve-none">
            {t('supports.budgets.odspNone')}
          </p>
        ) : (
          <div className="table-wrap">
            <table className="data-table" data-testid="odsp-reserve-table">
              <caption className="ontario-show-for-sr">{t('supports.budgets.odspCaption', { year })}</caption>
              <thead>
                <tr>
                  <th scope="col">{t('supports.budgets.provider')}</th>
                  <th scope="col" className="numeric">
                    {t('supports.budgets.reserve')}
                  </th>
                  <th scope="col" className="numeric">
                    {t('supports.budgets.pending')}
                  </th>
                  <th scope="col" className="numeric">
                    {t('supports.budgets.committed')}
                  </th>
                  <th scope="col" className="numeric">
                    {t('supports.budgets.spent')}
                  </th>
                  <th scope="col" className="numeric">
                    {t('supports.budgets.remaining')}
                  </th>
                </tr>
              </thead>
              <tbody>
                {withReserve.map((p) => (
                  <tr
                    key={p.organizationId}
                    data-testid="odsp-reserve-row"
                    data-organization-id={p.organizationId}
                  >
                    <th scope="row">{p.organizationName}</th>
                    <td className="numeric">
                      {p.odspReserveCents === null ? '—' : words.money(p.odspReserveCents)}
                    </td>
                    <td className="numeric">{words.money(p.position.odspReserve.pendingCents)}</td>
                    <td className="numeric">{words.money(p.position.odspReserve.committedCents)}</td>
                    <td className="numeric">{words.money(p.position.odspReserve.spentCents)}</td>
                    <td className="numeric">
                      {p.position.odspReserveRemainingCents === null
                        ? '—'
                        : words.money(p.position.odspReserveRemainingCents)}
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        )}
      </section>

      <section className="section" aria-labelledby="status-quo-heading">
        <h2 id="status-quo-heading">{t('supports.budgets.statusQuoHeading')}</h2>
        <p>{t('supports.budgets.statusQuoLead')}</p>
        {withStatusQuo.length === 0 ? (
          <p className="tag--muted" data-testid="status-quo-none">
            {t('supports.budgets.statusQuoNone')}
          </p>
        ) : (
          <div className="table-wrap">
            <table className="data-table" data-testid="status-quo-table">
              <caption className="ontario-show-for-sr">
                {t('supports.budgets.statusQuoCaption', { year })}
              </caption>
              <thead>
                <tr>
                  <th scope="col">{t('supports.budgets.provider')}</th>
                  {QUARTERS.map((q) => (
                    <th scope="col" className="numeric" key={q}>
                      {t('supports.budgets.quarter', { quarter: q })}
                    </th>
                  ))}
                </tr>
              </thead>
              <tbody>
                {withStatusQuo.map((p) => (
                  <tr key={p.organizationId} data-testid="status-quo-row">
                    <th scope="row">{p.organizationName}</th>
                    {QUARTERS.map((q) => {
                      const totals = p.statusQuoByQuarter[q];
                      return (
                        <td className="numeric" key={q}>
                          {t('supports.budgets.statusQuoCell', {
                            spent: words.money(totals.spentCents),
                            committed: words.money(totals.committedCents),
                          })}
                        </td>
                      );
                    })}
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        )}
      </section>
      <p className="tag--muted">{t('supports.budgets.asOf', { date: fmt.date(todayIso()) })}</p>
    </div>
  );
}

const hasAny = (t: BudgetTotals) =>
  t.pendingCents > 0 || t.committedCents > 0 || t.spentCents > 0 || t.withheldCents > 0;

function ProviderRow({ row: p, fiscalYear }: { row: BudgetRow; fiscalYear: number }) {
  const { t } = useTranslation();
  const words = useSupportWords();
  const fmt = useFormatters();
  const can = useCan();
  const pos = p.position;
  return (
    <tr
      data-testid="budget-row"
      data-organization-id={p.organizationId}
      data-configured={p.configured}
      data-spent-cents={pos.erfs.spentCents}
    >
      <th scope="row">
        {p.organizationName}
        {!p.configured ? (
          <>
            <br />
            <span className="tag tag--warning">{t('supports.budgets.notConfigured')}</span>
          </>
        ) : null}
        {p.yearEnded ? (
          <>
            <br />
            <span className="tag tag--muted">{t('supports.budgets.yearEnded')}</span>
          </>
        ) : null}
      </th>
      <td className="numeric" data-testid="budget-allocation" data-cents={pos.allocationCents}>
        {words.money(pos.allocationCents)}
        <br />
        <span className="tag--muted">
          {t('supports.budgets.allocationFormula', {
            base: words.money(p.basePerClientCents),
            volume: fmt.number(p.clientVolume),
            reallocation: words.money(p.reallocationCents),
          })}
        </span>
      </td>
      <td className="numeric" data-testid="budget-pending" data-cents={pos.erfs.pendingCents}>
        {words.money(pos.erfs.pendingCents)}
      </td>
      <td className="numeric" data-testid="budget-committed" data-cents={pos.erfs.committedCents}>
        {words.money(pos.erfs.committedCents)}
      </td>
      <td className="numeric" data-testid="budget-spent" data-cents={pos.erfs.spentCents}>
        {words.money(pos.erfs.spentCents)}
      </td>
      <td className="numeric" data-testid="budget-withheld" data-cents={pos.erfs.withheldCents}>
        {words.money(pos.erfs.withheldCents)}
      </td>
      <td className="numeric" data-testid="budget-remaining" data-cents={pos.remainingCents}>
        {pos.remainingCents < 0 ? (
          <span className="tag tag--danger">{words.money(pos.remainingCents)}</span>
        ) : (
          words.money(pos.remainingCents)
        )}
      </td>
      <td className="numeric" data-testid="budget-returnable" data-cents={pos.returnableCents}>
        {words.money(pos.returnableCents)}
      </td>
      {can('budget.manage') ? (
        <td>
          <Link
            to={`/budgets/${p.organizationId}/${fiscalYear}`}
            aria-label={t('supports.budgets.editFor', { provider: p.organizationName })}
            data-testid="budget-edit"
          >
            {t('common.edit')}
          </Link>
        </td>
      ) : null}
    </tr>
  );
}
