import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useId, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { del, get, post } from '../api.js';
import { PageAlert } from '../components/Alert.js';
import { ErrorSummary } from '../components/ErrorSummary.js';
import { RadioGroup, SelectField, SubmitButton, TextField } from '../components/fields.js';
import { Loading, Page } from '../components/Page.js';
import { QueryError } from '../components/QueryError.js';
import { todayIso, useFormatters } from '../format.js';
import { collect, isBlank, problemMessage, useFormErrors } from '../forms.js';
import { keys } from '../queries.js';
import { useCan } from '../session.js';
import type { BusinessDays, Closure, ListOf, NonBusinessDay } from '../types.js';

const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;

export function CalendarPage() {
  const { t } = useTranslation();
  const can = useCan();
  return (
    <Page title={t('calendar.title')} lead={t('calendar.lead')}>
      <NonBusinessDays />
      {can('calendar.manage') ? <Closures /> : null}
      <BusinessDayCalculator />
    </Page>
  );
}

function NonBusinessDays() {
  const { t } = useTranslation();
  const fmt = useFormatters();
  const thisYear = new Date().getFullYear();
  const [year, setYear] = useState(thisYear);
  const days = useQuery({
    queryKey: keys.nonBusinessDays(year),
    queryFn: () => get<ListOf<NonBusinessDay>>('/calendar/non-business-days', { year }),
  });
  const years = [thisYear - 1, thisYear, thisYear + 1, thisYear + 2];

  return (
    <section className="section" aria-labelledby="non-business-heading">
      <h2 id="non-business-heading">{t('calendar.nonBusiness.title')}</h2>
      <p>{t('calendar.nonBusiness.intro')}</p>
      <SelectField
        id="calendar-year"
        label={t('calendar.nonBusiness.year')}
        value={String(year)}
        onChange={(v) => setYear(Number(v))}
        width={10}
        options={years.map((y) => ({ value: String(y), label: String(y) }))}
      />
      {days.isPending ? <Loading /> : null}
      {days.isError ? <QueryError error={days.error} onRetry={() => void days.refetch()} /> : null}
      {days.data && days.data.items.length === 0 ? <p>{t('calendar.nonBusiness.empty')}</p> : null}
      {days.data && days.data.items.length ? (
        <div className="table-wrap">
          <table className="data-table">
            <caption>{t('calendar.nonBusiness.caption', { year })}</caption>
            <thead>
              <tr>
                <th scope="col">{t('calendar.fields.date')}</th>
                <th scope="col">{t('calendar.fields.name')}</th>
                <th scope="col">{t('calendar.fields.kind')}</th>
              </tr>
            </thead>
            <tbody>
              {days.data.items.map((d) => (
                <tr key={`${d.date}-${d.kind}`} data-testid="non-business-day">
                  <td>{fmt.date(d.date, 'full')}</td>
                  <td>{fmt.name(d)}</td>
                  <td>{t(`calendar.kinds.${d.kind}`)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      ) : null}
    </section>
  );
}

function Closures() {
  const { t, i18n } = useTranslation();
  const fmt = useFormatters();
  const queryClient = useQueryClient();
  const closures = useQuery({
    queryKey: keys.closures,
    queryFn: () => get<ListOf<Closure>>('/calendar/closures'),
  });
  const [date, setDate] = useState('');
  const [nameEn, setNameEn] = useState('');
  const [nameFr, setNameFr] = useState('');
  const [notice, setNotice] = useState<string | null>(null);
  const noticeId = useId();
  const form = useFormErrors();

  const refresh = () => void queryClient.invalidateQueries({ queryKey: keys.calendarAll });
  const add = useMutation({
    mutationFn: () =>
      post<Closure>('/calendar/closures', { date, nameEn: nameEn.trim(), nameFr: nameFr.trim() }),
    onSuccess: (c) => {
      setDate('');
      setNameEn('');
      setNameFr('');
      setNotice(t('calendar.closures.added', { name: fmt.name(c), date: fmt.date(c.date) }));
      refresh();
    },
    onError: form.fromError,
  });
  const remove = useMutation({
    mutationFn: (c: Closure) => del(`/calendar/closures/${c.id}`),
    onSuccess: (_, c) => {
      setNotice(t('calendar.closures.removed', { name: fmt.name(c), date: fmt.date(c.date) }));
      refresh();
    },
  });

  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (add.isPending) return;
    setNotice(null);
    const ok = form.check(
      collect([
        ['date', !ISO_DATE.test(date) && t('calendar.closures.errors.dateRequired')],
        ['nameEn', nameEn.trim().length < 2 && t('calendar.closures.errors.nameEnRequired')],
        ['nameFr', nameFr.trim().length < 2 && t('calendar.closures.errors.nameFrRequired')],
      ]),
    );
    if (ok) {
      form.clear();
      add.mutate();
    }
  };

  const ids = { date: 'closure-date', nameEn: 'closure-nameEn', nameFr: 'closure-nameFr' } as Record<
    string,
    string
  >;

  return (
    <section className="section" aria-labelledby="closures-heading">
      <h2 id="closures-heading">{t('calendar.closures.title')}</h2>
      <p>{t('calendar.closures.intro')}</p>
      {notice ? <PageAlert kind="success" heading={notice} headingId={noticeId} live /> : null}
      {remove.isError ? (
        <p className="field-error-text" role="alert">
          {problemMessage(remove.error, t, i18n.language)}
        </p>
      ) : null}
      {closures.isPending ? <Loading /> : null}
      {closures.isError ? (
        <QueryError error={closures.error} onRetry={() => void closures.refetch()} />
      ) : null}
      {closures.data && closures.data.items.length === 0 ? <p>{t('calendar.closures.empty')}</p> : null}
      {closures.data && closures.data.items.length ? (
        <div className="table-wrap">
          <table className="data-table">
            <caption className="ontario-show-for-sr">{t('calendar.closures.title')}</caption>
            <thead>
              <tr>
                <th scope="col">{t('calendar.fields.date')}</th>
                <th scope="col">{t('calendar.fields.nameEn')}</th>
                <th scope="col">{t('calendar.fields.nameFr')}</th>
                <th scope="col">
                  <span className="ontario-show-for-sr">{t('common.actions')}</span>
                </th>
              </tr>
            </thead>
            <tbody>
              {closures.data.items.map((c) => (
                <tr key={c.id} data-testid="closure-row">
                  <td>{fmt.date(c.date)}</td>
                  <td lang="en">{c.nameEn}</td>
                  <td lang="fr">{c.nameFr}</td>
                  <td>
                    <button
                      type="button"
                      className="link-button"
                      onClick={() => {
                        if (!remove.isPending) remove.mutate(c);
                      }}
                    >
                      {t('common.delete')}
                      <span className="ontario-show-for-sr"> {fmt.name(c)}</span>
                    </button>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      ) : null}

      <h3>{t('calendar.closures.addTitle')}</h3>
      <ErrorSummary
        form={form}
        labels={{
          date: t('calendar.fields.date'),
          nameEn: t('calendar.fields.nameEn'),
          nameFr: t('calendar.fields.nameFr'),
        }}
        idFor={(f) => ids[f] ?? f}
      />
      <form className="form" onSubmit={submit} noValidate>
        <TextField
          id="closure-date"
          type="date"
          label={t('calendar.fields.date')}
          value={date}
          onChange={setDate}
          error={form.field('date')}
          required
          width={10}
        />
        <TextField
          id="closure-nameEn"
          label={t('calendar.fields.nameEn')}
          value={nameEn}
          onChange={setNameEn}
          error={form.field('nameEn')}
          required
          lang="en"
        />
        <TextField
          id="closure-nameFr"
          label={t('calendar.fields.nameFr')}
          value={nameFr}
          onChange={setNameFr}
          error={form.field('nameFr')}
          required
          lang="fr"
        />
        <SubmitButton pending={add.isPending} variant="secondary">
          {t('calendar.closures.add')}
        </SubmitButton>
      </form>
    </section>
  );
}

type Mode = 'add' | 'count';

function BusinessDayCalculator() {
  const { t } = useTranslation();
  const fmt = useFormatters();
  const [mode, setMode] = useState<Mode>('add');
  const [from, setFrom] = useState(todayIso());
  const [days, setDays] = useState('10');
  const [to, setTo] = useState('');
  const form = useFormErrors();
  const calc = useMutation({
    mutationFn: (query: { from: string; add?: number; to?: string }) =>
      get<BusinessDays>('/calendar/business-days', query),
    onError: form.fromError,
  });

  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (calc.isPending) return;
    const n = Number(days);
    const ok = form.check(
      collect([
        ['from', !ISO_DATE.test(from) && t('calendar.calculator.errors.fromRequired')],
        [
          'add',
          mode === 'add' &&
            (isBlank(days) || !Number.isInteger(n) || n < 0 || n > 3660) &&
            t('calendar.calculator.errors.days'),
        ],
        [
          'to',
          mode === 'count' &&
            (!ISO_DATE.test(to)
              ? t('calendar.calculator.errors.toRequired')
              : to < from && t('calendar.calculator.errors.toBeforeFrom')),
        ],
      ]),
    );
    if (ok) {
      form.clear();
      calc.mutate(mode === 'add' ? { from, add: n } : { from, to });
    }
  };

  const ids: Record<string, string> = { from: 'calc-from', add: 'calc-days', to: 'calc-to' };
  const result = calc.data;

  return (
    <section className="section" aria-labelledby="calculator-heading">
      <h2 id="calculator-heading">{t('calendar.calculator.title')}</h2>
      <p>{t('calendar.calculator.intro')}</p>
      <ErrorSummary
        form={form}
        labels={{
          from: t('calendar.calculator.from'),
          add: t('calendar.calculator.days'),
          to: t('calendar.calculator.to'),
        }}
        idFor={(f) => ids[f] ?? f}
      />
      <form className="form" onSubmit={submit} noValidate>
        <RadioGroup
          id="calc-mode"
          label={t('calendar.calculator.mode')}
          options={[
            { value: 'add', label: t('calendar.calculator.modeAdd') },
            { value: 'count', label: t('calendar.calculator.modeCount') },
          ]}
          value={mode}
          onChange={(v) => {
            setMode(v === 'count' ? 'count' : 'add');
            calc.reset();
          }}
        />
        <TextField
          id="calc-from"
          type="date"
          label={t('calendar.calculator.from')}
          value={from}
          onChange={setFrom}
          error={form.field('from')}
          required
          width={10}
        />
        {mode === 'add' ? (
          <TextField
            id="calc-days"
            label={t('calendar.calculator.days')}
            value={days}
            onChange={setDays}
            error={form.field('add')}
            required
            inputMode="numeric"
            width={5}
          />
        ) : (
          <TextField
            id="calc-to"
            type="date"
            label={t('calendar.calculator.to')}
            value={to}
            onChange={setTo}
            error={form.field('to')}
            required
            width={10}
          />
        )}
        <SubmitButton pending={calc.isPending} variant="secondary" testId="calc-submit">
          {t('calendar.calculator.submit')}
        </SubmitButton>
      </form>
      <div role="status" aria-live="polite" data-testid="calc-result">
        {result ? (
          <p className="ontario-lead-statement">
            {mode === 'add'
              ? t('calendar.calculator.resultAdd', {
                  count: result.businessDays,
                  from: fmt.date(result.from, 'full'),
                  to: fmt.date(result.to, 'full'),
                })
              : t('calendar.calculator.resultCount', {
                  count: result.businessDays,
                  from: fmt.date(result.from, 'full'),
                  to: fmt.date(result.to, 'full'),
                })}
          </p>
        ) : null}
      </div>
    </section>
  );
}
