import { Fragment, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useSearchParams } from 'react-router-dom';
import { PageAlert } from '../../components/Alert.js';
import { Page } from '../../components/Page.js';
import { QueryStatus } from '../../components/QueryStatus.js';
import { SelectField } from '../../components/fields.js';
import { useFormatters } from '../../format.js';
import { problemMessage } from '../../forms.js';
import { useOrganizations } from '../../queries.js';
import { useCan, useSession } from '../../session.js';
import { statementCsvUrl, useMarkPaid, useStatement } from './data.js';
import { fiscalYearChoices, fiscalYearName, isQuarter } from './logic.js';
import { currentFiscalQuarter, LedgerStateTag, useQuarterLabel } from './shared.js';
import {
  PBF_CHECKPOINTS,
  STREAMS,
  type Share,
  type Statement,
  type StatementJobQuality,
  type StatementQuery,
} from './types.js';

/**
 * A provider's quarterly PBF statement (K6): every ledger line whose checkpoint fell due in the
 * quarter, with its state and amount, the totals those lines add up to, the split by stream and the
 * share of outcomes met by job stacking (M5), and beside the counts the quality of the jobs (L4):
 * hours, wage, permanence and full time by stream, retention by checkpoint, and each line's job.
 * Provider staff see their own; the SSM picks a provider of the catchment. Finance marks the
 * approved lines paid.
 */
export function PbfStatementPage() {
  const { t } = useTranslation();
  const me = useSession();
  const [params, setParams] = useSearchParams();
  const isProvider = me.organization.kind === 'provider';
  const providers = useOrganizations(isProvider ? undefined : 'provider');
  const current = currentFiscalQuarter();
  const fiscalYear = Number(params.get('fiscalYear')) || current.fiscalYear;
  const askedQuarter = Number(params.get('quarter'));
  const quarter = isQuarter(askedQuarter) ? askedQuarter : current.quarter;
  const organizationId = isProvider ? me.organization.id : (params.get('organizationId') ?? '');
  const query: StatementQuery | null = organizationId ? { organizationId, fiscalYear, quarter } : null;
  const statement = useStatement(query);
  const quarterLabel = useQuarterLabel();

  const choose = (next: Partial<{ organizationId: string; fiscalYear: number; quarter: number }>) => {
    const merged = {
      organizationId: isProvider ? '' : organizationId,
      fiscalYear: String(fiscalYear),
      quarter: String(quarter),
      ...Object.fromEntries(Object.entries(next).map(([k, v]) => [k, String(v)])),
    };
    setParams(Object.fromEntries(Object.entries(merged).filter(([, v]) => v !== '')), { replace: true });
  };

  const providerOptions = (isProvider ? [] : (providers.data?.items ?? []))
    .filter((o) => o.kind === 'provider')
    .map((o) => ({ value: o.id, label: o.name }));
  return (
    <Page title={t('pbf.statement.title')} lead={t('pbf.statement.lead')}>
      <form className="filters" onSubmit={(e) => e.preventDefault()} data-testid="statement-filters">
        {isProvider ? (
          <p>
            <strong>{t('pbf.statement.providerFixed')}</strong> {me.organization.name}
          </p>
        ) : (
          <>
            <QueryStatus query={providers} />
            <SelectField
              id="statement-provider"
              label={t('pbf.fields.provider')}
              value={organizationId}
              onChange={(v) => choose({ organizationId: v })}
              options={providerOptions}
              placeholder={t('pbf.statement.chooseProvider')}
              width={20}
            />
          </>
        )}
        <SelectField
          id="statement-fiscal-year"
          label={t('pbf.quarter.fiscalYear')}
          hint={t('pbf.quarter.fiscalYearHint')}
          value={String(fiscalYear)}
          onChange={(v) => choose({ fiscalYear: Number(v) })}
          options={fiscalYearChoices(current.fiscalYear).map((y) => ({
            value: String(y),
            label: fiscalYearName(y),
          }))}
          width={10}
        />
        <SelectField
          id="statement-quarter"
          label={t('pbf.quarter.quarter')}
          value={String(quarter)}
          onChange={(v) => choose({ quarter: Number(v) })}
          options={([1, 2, 3, 4] as const).map((q) => ({
            value: String(q),
            label: quarterLabel({ fiscalYear, quarter: q }, true),
          }))}
        />
      </form>
      {!query ? <p data-testid="statement-choose">{t('pbf.statement.chooseFirst')}</p> : null}
      <QueryStatus query={{ ...statement, isPending: statement.isPending && query !== null }} />
      {statement.data && query ? <StatementBody statement={statement.data} query={query} /> : null}
    </Page>
  );
}

function StatementBody({ statement: s, query }: { statement: Statement; query: StatementQuery }) {
  const { t } = useTranslation();
  const fmt = useFormatters();
  const can = useCan();
  const quarterLabel = useQuarterLabel();
  const name = quarterLabel({ fiscalYear: s.fiscalYear, quarter: s.quarter });
  const totals: [keyof Statement['totals'], 'money' | 'count'][] = [
    ['earnedCents', 'money'],
    ['releasedCents', 'money'],
    ['approvedCents', 'money'],
    ['paidCents', 'money'],
    ['deferredCents', 'money'],
    ['payableCents', 'money'],
    ['notMetCount', 'count'],
    ['lineCount', 'count'],
  ];
  const share = s.stackedShare.funded ? s.stackedShare.stacked / s.stackedShare.funded : 0;
  const hours = useHours();
  return (
    <div data-testid="statement" data-organization={s.organizationId}>
      <h2>{t('pbf.statement.heading', { provider: s.organizationName, quarter: name })}</h2>
      <p className="tag--muted">
        {t('pbf.statement.period', { from: fmt.date(s.from), to: fmt.date(s.to) })}
      </p>
      <p className="actions">
        <a
          className="ontario-button ontario-button--secondary"
          href={statementCsvUrl(query)}
          download
          data-testid="statement-csv"
        >
          {t('pbf.statement.downloadCsv')}
        </a>
        <Link to={`/pbf/funding-agreements/${s.organizationId}`} data-testid="statement-agreement">
          {t('pbf.statement.fundingAgreement')}
        </Link>
      </p>

      <section className="section" aria-labelledby="statement-totals">
        <h3 id="statement-totals">{t('pbf.statement.totalsHeading')}</h3>
        <dl className="details" data-testid="statement-totals">
          {totals.map(([key, kind]) => (
            <Fragment key={key}>
              <dt>{t(`pbf.statement.totals.${key}`)}</dt>
              <dd data-testid={`total-${key}`}>
                {kind === 'money' ? fmt.money(s.totals[key]) : fmt.number(s.totals[key])}
              </dd>
            </Fragment>
          ))}
        </dl>
      </section>

      <JobQuality quality={s.jobQuality} quarter={name} />

      {can('pbf.pay') ? <MarkPaid statement={s} query={query} /> : null}

      <section className="section" aria-labelledby="statement-streams">
        <h3 id="statement-streams">{t('pbf.statement.byStreamHeading')}</h3>
        <div className="table-wrap">
          <table className="data-table" data-testid="statement-by-stream">
            <caption className="ontario-show-for-sr">
              {t('pbf.statement.byStreamCaption', { quarter: name })}
            </caption>
            <thead>
              <tr>
                <th scope="col">{t('pbf.fields.stream')}</th>
                <th scope="col" className="numeric">
                  {t('pbf.statement.lineCount')}
                </th>
                <th scope="col" className="numeric">
                  {t('pbf.fields.payable')}
                </th>
              </tr>
            </thead>
            <tbody>
              {STREAMS.map((stream) => (
                <tr key={stream} data-testid={`stream-${stream}`}>
                  <th scope="row">
                    {t('pbf.streamValue', { letter: stream, name: t(`streams.${stream}`) })}
                  </th>
                  <td className="numeric">{fmt.number(s.byStream[stream].count)}</td>
                  <td className="numeric">{fmt.money(s.byStream[stream].payableCents)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
        <p data-testid="statement-stacked-share">
          {t('pbf.statement.stackedShare', {
            count: s.stackedShare.funded,
            stacked: fmt.number(s.stackedShare.stacked),
            funded: fmt.number(s.stackedShare.funded),
            share: fmt.percent(share),
          })}
        </p>
      </section>

      <section className="section" aria-labelledby="statement-lines">
        <h3 id="statement-lines">{t('pbf.statement.linesHeading', { count: s.lines.length })}</h3>
        {s.lines.length === 0 ? (
          <p data-testid="statement-empty">{t('pbf.statement.empty')}</p>
        ) : (
          <div className="table-wrap">
            <table className="data-table" data-testid="statement-lines">
              <caption className="ontario-show-for-sr">
                {t('pbf.statement.linesCaption', { quarter: name })}
              </caption>
              <thead>
                <tr>
                  <th scope="col">{t('pbf.fields.client')}</th>
                  <th scope="col">{t('pbf.fields.plan')}</th>
                  <th scope="col">{t('pbf.fields.stream')}</th>
                  <th scope="col">{t('pbf.fields.checkpoint')}</th>
                  <th scope="col">{t('pbf.fields.dueOn')}</th>
                  <th scope="col">{t('pbf.fields.state')}</th>
                  <th scope="col">{t('pbf.fields.reason')}</th>
                  <th scope="col" className="numeric">
                    {t('pbf.statement.jobQuality.lineHours')}
                  </th>
                  <th scope="col" className="numeric">
                    {t('pbf.statement.jobQuality.lineWage')}
                  </th>
                  <th scope="col">{t('pbf.statement.jobQuality.linePermanence')}</th>
                  <th scope="col" className="numeric">
                    {t('pbf.fields.amount')}
                  </th>
                  <th scope="col" className="numeric">
                    {t('pbf.fields.payable')}
                  </th>
                </tr>
              </thead>
              <tbody>
                {s.lines.map((l) => (
                  <tr
                    key={l.lineId}
                    data-testid="statement-line"
                    data-plan-reference={l.planReference}
                    data-checkpoint={l.checkpoint}
                    data-state={l.state}
                  >
                    <th scope="row">{l.clientName ?? t('pbf.review.clientUnnamed')}</th>
                    <td>
                      <Link to={`/plans/${l.planId}/monitoring`} className="nowrap">
                        {l.planReference}
                      </Link>
                    </td>
                    <td>{l.stream}</td>
                    <td>{t(`pbf.checkpoints.${l.checkpoint}`)}</td>
                    <td>{fmt.date(l.dueOn)}</td>
                    <td>
                      <LedgerStateTag state={l.state} />
                      {l.retroactive ? (
                        <span className="tag--muted"> {t('pbf.statement.retroactive')}</span>
                      ) : null}
                      {l.stacked ? <span className="tag--muted"> {t('pbf.statement.stacked')}</span> : null}
                      {l.paidAt ? (
                        <span className="tag--muted">
                          {' '}
                          {t('pbf.statement.paidOn', { date: fmt.dateTime(l.paidAt) })}
                        </span>
                      ) : null}
                    </td>
                    <td>{l.reason ? t(`pbf.lineReasons.${l.reason}`) : ''}</td>
                    <td className="numeric" data-testid="line-hours">
                      {l.minutesPerWeek === null ? <None /> : hours(l.minutesPerWeek)}
                    </td>
                    <td className="numeric" data-testid="line-wage">
                      {l.hourlyWageCents === null ? <None /> : fmt.money(l.hourlyWageCents)}
                    </td>
                    <td data-testid="line-permanence">
                      {l.permanence ? t(`monitoring.permanence.${l.permanence}`) : <None />}
                    </td>
                    <td className="numeric">{fmt.money(l.amountCents)}</td>
                    <td className="numeric">{fmt.money(l.payableCents)}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        )}
      </section>
    </div>
  );
}

/** No figure (nothing met, no wage recorded): a dash on screen, a word for screen readers. */
function None() {
  const { t } = useTranslation();
  return (
    <>
      <span aria-hidden="true">—</span>
      <span className="ontario-show-for-sr">{t('pbf.statement.jobQuality.none')}</span>
    </>
  );
}

/** Integer minutes a week as hours with at most one decimal: 1850 → "30.8 h". */
function useHours() {
  const { t } = useTranslation();
  const fmt = useFormatters();
  return (minutes: number) => t('pbf.statement.jobQuality.hoursValue', { hours: fmt.decimal(minutes / 60) });
}

/**
 * L4: beside the counts, what the met outcomes' jobs are, by stream (the stream mix) and for all
 * streams, and how many recorded checkpoints still found the client in funded work.
 */
function JobQuality({ quality, quarter }: { quality: StatementJobQuality; quarter: string }) {
  const { t } = useTranslation();
  const fmt = useFormatters();
  const hours = useHours();
  const shareOf = (s: Share) =>
    s.denominator === 0 ? (
      <None />
    ) : (
      t('pbf.statement.jobQuality.shareValue', {
        share: fmt.percent(s.numerator / s.denominator),
        numerator: fmt.number(s.numerator),
        denominator: fmt.number(s.denominator),
      })
    );
  const row = (key: string, label: string, q: StatementJobQuality['overall']) => (
    <tr key={key} data-testid={`job-quality-${key}`}>
      <th scope="row">{label}</th>
      <td className="numeric">{fmt.number(q.metCount)}</td>
      <td className="numeric">
        {q.averageMinutesPerWeek === null ? <None /> : hours(q.averageMinutesPerWeek)}
      </td>
      <td className="numeric">
        {q.medianHourlyWageCents === null ? <None /> : fmt.money(q.medianHourlyWageCents)}
      </td>
      <td className="numeric">{shareOf(q.permanent)}</td>
      <td className="numeric">{shareOf(q.fullTime)}</td>
    </tr>
  );
  return (
    <section className="section" aria-labelledby="statement-job-quality" data-testid="statement-job-quality">
      <h3 id="statement-job-quality">{t('pbf.statement.jobQuality.heading')}</h3>
      <p>{t('pbf.statement.jobQuality.lead')}</p>
      <div className="table-wrap">
        <table className="data-table" data-testid="job-quality-by-stream">
          <caption className="ontario-show-for-sr">
            {t('pbf.statement.jobQuality.byStreamCaption', { quarter })}
          </caption>
          <thead>
            <tr>
              <th scope="col">{t('pbf.fields.stream')}</th>
              <th scope="col" className="numeric">
                {t('pbf.statement.jobQuality.metCount')}
              </th>
              <th scope="col" className="numeric">
                {t('pbf.statement.jobQuality.averageHours')}
              </th>
              <th scope="col" className="numeric">
                {t('pbf.statement.jobQuality.medianWage')}
              </th>
              <th scope="col" className="numeric">
                {t('pbf.statement.jobQuality.permanent')}
              </th>
              <th scope="col" className="numeric">
                {t('pbf.statement.jobQuality.fullTime')}
              </th>
            </tr>
          </thead>
          <tbody>
            {STREAMS.map((stream) =>
              row(
                stream,
                t('pbf.streamValue', { letter: stream, name: t(`streams.${stream}`) }),
                quality.byStream[stream],
              ),
            )}
          </tbody>
          <tfoot>{row('overall', t('pbf.statement.jobQuality.allStreams'), quality.overall)}</tfoot>
        </table>
      </div>
      <h4 id="statement-retention">{t('pbf.statement.jobQuality.retentionHeading')}</h4>
      <div className="table-wrap">
        <table className="data-table" data-testid="job-quality-retention">
          <caption className="ontario-show-for-sr">
            {t('pbf.statement.jobQuality.retentionCaption', { quarter })}
          </caption>
          <thead>
            <tr>
              <th scope="col">{t('pbf.fields.checkpoint')}</th>
              <th scope="col" className="numeric">
                {t('pbf.statement.jobQuality.met')}
              </th>
              <th scope="col" className="numeric">
                {t('pbf.statement.jobQuality.recorded')}
              </th>
              <th scope="col" className="numeric">
                {t('pbf.statement.jobQuality.retained')}
              </th>
            </tr>
          </thead>
          <tbody>
            {PBF_CHECKPOINTS.map((checkpoint) => {
              const r = quality.retention[checkpoint];
              return (
                <tr key={checkpoint} data-testid={`retention-${checkpoint}`}>
                  <th scope="row">{t(`pbf.checkpoints.${checkpoint}`)}</th>
                  <td className="numeric">{fmt.number(r.met)}</td>
                  <td className="numeric">{fmt.number(r.recorded)}</td>
                  <td className="numeric">{r.recorded === 0 ? <None /> : fmt.percent(r.met / r.recorded)}</td>
                </tr>
              );
            })}
          </tbody>
        </table>
      </div>
    </section>
  );
}

/** Finance: every approved line of the quarter becomes paid, after a confirmation. */
function MarkPaid({ statement: s, query }: { statement: Statement; query: StatementQuery }) {
  const { t, i18n } = useTranslation();
  const fmt = useFormatters();
  const [confirming, setConfirming] = useState(false);
  const [flash, setFlash] = useState<string | null>(null);
  const pay = useMarkPaid({
    onSuccess: (next) => {
      setConfirming(false);
      setFlash(t('pbf.pay.done', { amount: fmt.money(next.totals.paidCents) }));
    },
  });
  const approved = s.lines.filter((l) => l.state === 'approved');
  const approvedCents = approved.reduce((sum, l) => sum + l.payableCents, 0);
  return (
    <section className="section" aria-labelledby="statement-pay">
      <h3 id="statement-pay">{t('pbf.pay.heading')}</h3>
      <div role="status">{flash ? <PageAlert kind="success" heading={flash} /> : null}</div>
      {approved.length === 0 ? (
        <p data-testid="pay-nothing">{t('pbf.pay.nothing')}</p>
      ) : !confirming ? (
        <p className="actions">
          <button
            type="button"
            className="ontario-button ontario-button--primary"
            data-testid="pay-approved"
            onClick={() => {
              setFlash(null);
              pay.reset();
              setConfirming(true);
            }}
          >
            {t('pbf.pay.button')}
          </button>
        </p>
      ) : (
        <PageAlert kind="warning" heading={t('pbf.pay.confirmHeading')}>
          <p>
            {t('pbf.pay.confirmBody', {
              count: approved.length,
              amount: fmt.money(approvedCents),
              provider: s.organizationName,
            })}
          </p>
          {pay.isError ? (
            <p className="ontario-error-messaging" role="alert">
              {problemMessage(pay.error, t, i18n.language)}
            </p>
          ) : null}
          <div className="actions">
            <button
              type="button"
              className="ontario-button ontario-button--primary"
              data-testid="pay-confirm"
              aria-disabled={pay.isPending ? true : undefined}
              onClick={() => !pay.isPending && pay.mutate(query)}
            >
              {t('pbf.pay.confirm')}
            </button>
            <button
              type="button"
              className="ontario-button ontario-button--secondary"
              onClick={() => setConfirming(false)}
            >
              {t('common.cancel')}
            </button>
          </div>
        </PageAlert>
      )}
    </section>
  );
}
