import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate, useParams } from 'react-router-dom';
import { ErrorSummary } from '../../components/ErrorSummary.js';
import { SubmitButton, TextField } from '../../components/fields.js';
import { Page } from '../../components/Page.js';
import { QueryStatus } from '../../components/QueryStatus.js';
import { collect, isBlank, useFormErrors } from '../../forms.js';
import {
  erfsAllocationCents,
  maxReallocationCents,
  reallocationProblems,
} from '../../../../src/domain/supports/budgets.js';
import { NotFoundPage } from '../NotFoundPage.js';
import { fiscalYearName } from '../pbf/logic.js';
import { useBudgets, useSaveBudget } from './data.js';
import { centsToInput, dollarsToCents, parseCount } from '../../money.js';
import { useSupportWords } from './shared.js';
import type { BudgetRow } from './types.js';

/**
 * F3: SSM finance sets a provider's ERFS allocation for a fiscal year: the base amount per client
 * times the client volume, plus what is moved from operational funding (at most 10% of it, shown
 * as the typed operational amount changes), and the ODSP Client Reserve kept apart (F8).
 */
export function BudgetEditPage() {
  const { t } = useTranslation();
  const { organizationId, fiscalYear: yearParam } = useParams();
  const fiscalYear = Number(yearParam);
  const valid = Number.isInteger(fiscalYear) && fiscalYear > 2000 && fiscalYear < 3000;
  const budgets = useBudgets(valid ? fiscalYear : null);
  if (!valid) return <NotFoundPage />;
  const row = budgets.data?.providers.find((p) => p.organizationId === organizationId);
  if (budgets.data && !row) return <NotFoundPage />;
  return (
    <Page
      title={
        row
          ? t('supports.budgetEdit.title', {
              provider: row.organizationName,
              year: fiscalYearName(fiscalYear),
            })
          : t('supports.budgetEdit.titleLoading')
      }
      back={{ to: `/budgets?fiscalYear=${fiscalYear}`, label: t('supports.budgetEdit.back') }}
      lead={t('supports.budgetEdit.lead')}
    >
      <QueryStatus query={budgets} />
      {row ? <BudgetForm row={row} fiscalYear={fiscalYear} /> : null}
    </Page>
  );
}

function BudgetForm({ row, fiscalYear }: { row: BudgetRow; fiscalYear: number }) {
  const { t } = useTranslation();
  const words = useSupportWords();
  const navigate = useNavigate();
  const form = useFormErrors();
  const lang = words.lang;
  const [base, setBase] = useState(row.configured ? centsToInput(row.basePerClientCents, lang) : '');
  const [volume, setVolume] = useState(row.configured ? String(row.clientVolume) : '');
  const [operational, setOperational] = useState(
    row.configured ? centsToInput(row.operationalCents, lang) : '',
  );
  const [reallocation, setReallocation] = useState(
    row.configured ? centsToInput(row.reallocationCents, lang) : centsToInput(0, lang),
  );
  const [reserve, setReserve] = useState(
    row.odspReserveCents === null ? '' : centsToInput(row.odspReserveCents, lang),
  );
  const save = useSaveBudget(row.organizationId, fiscalYear, {
    onError: form.fromError,
    onSuccess: () =>
      navigate(`/budgets?fiscalYear=${fiscalYear}`, { state: { savedFor: row.organizationName } }),
  });

  const baseCents = dollarsToCents(base);
  const volumeCount = parseCount(volume);
  const operationalCents = dollarsToCents(operational);
  const reallocationCents = dollarsToCents(reallocation);
  const reserveCents = isBlank(reserve) ? null : dollarsToCents(reserve);
  const max = operationalCents === null ? null : maxReallocationCents(operationalCents);
  const overCap =
    operationalCents !== null &&
    reallocationCents !== null &&
    reallocationProblems(operationalCents, reallocationCents).length > 0;
  const allocation =
    baseCents !== null &&
    volumeCount !== null &&
    operationalCents !== null &&
    reallocationCents !== null &&
    !overCap
      ? erfsAllocationCents({
          basePerClientCents: baseCents,
          clientVolume: volumeCount,
          operationalCents,
          reallocationCents,
        })
      : null;

  const labels = {
    basePerClientCents: t('supports.budgetEdit.base'),
    clientVolume: t('supports.budgetEdit.volume'),
    operationalCents: t('supports.budgetEdit.operational'),
    reallocationCents: t('supports.budgetEdit.reallocation'),
    odspReserveCents: t('supports.budgetEdit.reserve'),
  };
  const submit = (e: FormEvent) => {
    e.preventDefault();
    if (save.isPending) return;
    const amount = t('supports.budgetEdit.errors.amount');
    const ok = form.check(
      collect([
        ['basePerClientCents', baseCents === null && amount],
        ['clientVolume', volumeCount === null && t('supports.budgetEdit.errors.volume')],
        ['operationalCents', operationalCents === null && amount],
        [
          'reallocationCents',
          reallocationCents === null
            ? amount
            : overCap && max !== null && t('supports.budgetEdit.errors.overCap', { max: words.money(max) }),
        ],
        ['odspReserveCents', !isBlank(reserve) && reserveCents === null && amount],
      ]),
    );
    if (
      !ok ||
      baseCents === null ||
      volumeCount === null ||
      operationalCents === null ||
      reallocationCents === null
    )
      return;
    form.clear();
    save.mutate({
      basePerClientCents: baseCents,
      clientVolume: volumeCount,
      operationalCents,
      reallocationCents,
      odspReserveCents: reserveCents,
    });
  };

  return (
    <form className="form" noValidate onSubmit={submit} data-testid="budget-form">
      <ErrorSummary form={form} labels={labels} />
      <TextField
        id="basePerClientCents"
        label={labels.basePerClientCents}
        hint={t('supports.budgetEdit.baseHint')}
        inputMode="decimal"
        width={10}
        value={base}
        onChange={setBase}
        error={form.field('basePerClientCents')}
        required
      />
      <TextField
        id="clientVolume"
        label={labels.clientVolume}
        hint={t('supports.budgetEdit.volumeHint')}
        inputMode="numeric"
        width={7}
        value={volume}
        onChange={setVolume}
        error={form.field('clientVolume')}
        required
      />
      <TextField
        id="operationalCents"
        label={labels.operationalCents}
        hint={t('supports.budgetEdit.operationalHint')}
        inputMode="decimal"
        width={10}
        value={operational}
        onChange={setOperational}
        error={form.field('operationalCents')}
        required
      />
      <TextField
        id="reallocationCents"
        label={labels.reallocationCents}
        hint={
          max === null
            ? t('supports.budgetEdit.reallocationHint')
            : t('supports.budgetEdit.reallocationMax', { max: words.money(max) })
        }
        inputMode="decimal"
        width={10}
        value={reallocation}
        onChange={setReallocation}
        error={form.field('reallocationCents')}
        required
      />
      <p data-testid="max-reallocation" data-cents={max ?? undefined} className="tag--muted">
        {t('supports.budgetEdit.savedMax', { max: words.money(row.maxReallocationCents) })}
      </p>
      <TextField
        id="odspReserveCents"
        label={labels.odspReserveCents}
        hint={t('supports.budgetEdit.reserveHint')}
        inputMode="decimal"
        width={10}
        value={reserve}
        onChange={setReserve}
        error={form.field('odspReserveCents')}
        optional
      />
      <p aria-live="polite" data-testid="allocation-preview" data-cents={allocation ?? undefined}>
        {allocation === null
          ? t('supports.budgetEdit.allocationIncomplete')
          : t('supports.budgetEdit.allocation', { amount: words.money(allocation) })}
      </p>
      <div className="actions">
        <SubmitButton pending={save.isPending} testId="budget-save">
          {save.isPending ? t('common.saving') : t('supports.budgetEdit.save')}
        </SubmitButton>
      </div>
    </form>
  );
}
