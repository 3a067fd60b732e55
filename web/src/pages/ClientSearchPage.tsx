import { useQuery } from '@tanstack/react-query';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useLocation, useNavigate } from 'react-router-dom';
import { get } from '../api.js';
import { PageAlert } from '../components/Alert.js';
import { ErrorSummary } from '../components/ErrorSummary.js';
import { SubmitButton, TextField } from '../components/fields.js';
import { OntarioCallout } from '../components/Ods.js';
import { Loading, Page } from '../components/Page.js';
import { QueryError } from '../components/QueryError.js';
import { useFormatters } from '../format.js';
import { collect, isBlank, looksLikeSin, useFormErrors } from '../forms.js';
import { useCan } from '../session.js';
import { newClientLink, type SearchCriteria } from '../search.js';
import type { ClientSearchResult, ListOf } from '../types.js';
import { StartOrResume } from './assessments/ClientAssessmentsSection.js';

const SEARCH_FIELD_IDS: Record<string, string> = {
  name: 'search-name',
  dateOfBirth: 'search-dob',
  sin: 'search-sin',
};

const readCriteria = (state: unknown): SearchCriteria | null => {
  const c = (state as { criteria?: SearchCriteria } | null)?.criteria;
  return c && typeof c.name === 'string' ? c : null;
};

export function ClientSearchPage() {
  const { t } = useTranslation();
  const can = useCan();
  const location = useLocation();
  const navigate = useNavigate();
  // Criteria live in history state, not the URL: a SIN must not end up in bookmarks or shared links.
  const [criteria, setCriteria] = useState<SearchCriteria | null>(() => readCriteria(location.state));
  const [name, setName] = useState(criteria?.name ?? '');
  const [dateOfBirth, setDateOfBirth] = useState(criteria?.dateOfBirth ?? '');
  const [sin, setSin] = useState(criteria?.sin ?? '');
  const form = useFormErrors();
  // C3: a consent withdrawal just recorded on a client's record lands here.
  const [revoked] = useState(() => (location.state as { revoked?: string } | null)?.revoked ?? null);

  const results = useQuery({
    queryKey: ['clients', 'search', criteria],
    queryFn: ({ signal }) =>
      get<ListOf<ClientSearchResult>>(
        '/clients',
        { name: criteria?.name, dateOfBirth: criteria?.dateOfBirth, sin: criteria?.sin, limit: 25 },
        signal,
      ),
    enabled: criteria !== null,
  });

  const submit = (event: FormEvent) => {
    event.preventDefault();
    const next = { name: name.trim(), dateOfBirth, sin: sin.trim() };
    const ok = form.check(
      collect([
        ['name', isBlank(next.name) && !next.dateOfBirth && !next.sin && t('clients.search.errors.needOne')],
        ['name', next.name.length === 1 && t('clients.search.errors.nameShort')],
        ['sin', next.sin && !looksLikeSin(next.sin) && t('clients.search.errors.sinFormat')],
      ]),
    );
    if (!ok) return;
    form.clear();
    setCriteria(next);
    navigate(location.pathname, { replace: true, state: { criteria: next } });
  };

  const labels = {
    name: t('clients.search.name'),
    dateOfBirth: t('clients.fields.dateOfBirth'),
    sin: t('clients.fields.sin'),
  };

  return (
    <Page title={t('clients.search.title')}>
      {revoked ? (
        <div data-testid="consent-revoked-notice">
          <PageAlert kind="success" heading={t('assessments.revoke.done')} live>
            <p>{t('assessments.revoke.doneBody', { reference: revoked })}</p>
          </PageAlert>
        </div>
      ) : null}
      <OntarioCallout headingLevel="h2" heading={t('clients.search.searchFirstTitle')} colour="blue">
        <p>{t('clients.search.searchFirstBody')}</p>
      </OntarioCallout>
      <ErrorSummary form={form} labels={labels} idFor={(f) => SEARCH_FIELD_IDS[f] ?? f} />
      <form
        className="form"
        onSubmit={submit}
        noValidate
        role="search"
        aria-label={t('clients.search.formLabel')}
      >
        <TextField
          id="search-name"
          label={labels.name}
          hint={t('clients.search.nameHint')}
          value={name}
          onChange={setName}
          error={form.field('name')}
          autoComplete="off"
          spellCheck={false}
        />
        <TextField
          id="search-dob"
          type="date"
          label={labels.dateOfBirth}
          value={dateOfBirth}
          onChange={setDateOfBirth}
          error={form.field('dateOfBirth')}
          width={10}
          autoComplete="off"
        />
        <TextField
          id="search-sin"
          label={labels.sin}
          hint={t('clients.search.sinHint')}
          value={sin}
          onChange={setSin}
          error={form.field('sin')}
          inputMode="numeric"
          width={10}
          autoComplete="off"
        />
        <SubmitButton testId="search-submit">{t('clients.search.submit')}</SubmitButton>
      </form>

      {criteria ? (
        <section className="section" aria-labelledby="results-heading">
          <h2 id="results-heading">{t('clients.search.resultsTitle')}</h2>
          {results.isPending ? <Loading label={t('clients.search.searching')} /> : null}
          {results.isError ? (
            <QueryError error={results.error} onRetry={() => void results.refetch()} />
          ) : null}
          {results.data ? <SearchResults items={results.data.items} /> : null}
          {results.data && can('client.create') ? (
            <p>
              <Link to={newClientLink(criteria)} data-testid="add-client">
                {t('clients.search.noMatchAdd')}
              </Link>
            </p>
          ) : null}
        </section>
      ) : null}
    </Page>
  );
}

function SearchResults({ items }: { items: ClientSearchResult[] }) {
  const { t } = useTranslation();
  const fmt = useFormatters();
  const can = useCan();
  // C1: an in-progress assessment shows in the results, to resume rather than start another.
  const showAssessments = can('assessment.read');
  if (items.length === 0) {
    return <p role="status">{t('clients.search.noResults')}</p>;
  }
  const duplicates = items.filter((c) => c.likelyDuplicate).length;
  return (
    <>
      <p role="status">
        {t('clients.search.resultCount', { count: items.length })}
        {duplicates > 0 ? ` ${t('clients.search.duplicateCount', { count: duplicates })}` : ''}
      </p>
      <div className="table-wrap">
        <table className="data-table">
          <caption className="ontario-show-for-sr">{t('clients.search.resultsTitle')}</caption>
          <thead>
            <tr>
              <th scope="col">{t('clients.fields.name')}</th>
              <th scope="col">{t('clients.fields.reference')}</th>
              <th scope="col">{t('clients.fields.dateOfBirth')}</th>
              <th scope="col">{t('clients.fields.sinShort')}</th>
              <th scope="col">{t('clients.search.match')}</th>
              {showAssessments ? <th scope="col">{t('assessments.client.column')}</th> : null}
            </tr>
          </thead>
          <tbody>
            {items.map((c) => (
              <tr
                key={c.id}
                data-testid="client-row"
                className={c.likelyDuplicate ? 'row--flagged' : undefined}
              >
                <td>
                  <Link to={`/clients/${c.id}`}>
                    {c.legalFamilyName}, {c.legalGivenName}
                  </Link>
                  {c.preferredName ? (
                    <>
                      <br />
                      <span>{t('clients.search.preferred', { name: c.preferredName })}</span>
                    </>
                  ) : null}
                </td>
                <td>{c.reference}</td>
                <td>{fmt.date(c.dateOfBirth)}</td>
                <td>{c.sinMasked ?? t('common.none')}</td>
                <td>
                  {c.likelyDuplicate ? (
                    <>
                      <span className="tag tag--warning">{t('clients.search.likelyDuplicate')}</span>
                      <br />
                    </>
                  ) : null}
                  {c.matchReasons.map((r) => t(`matchReasons.${r}`, { defaultValue: r })).join(', ')}
                </td>
                {showAssessments ? (
                  <td data-testid="search-assessment">
                    {c.assessmentInProgress ? (
                      <>
                        <span className="tag tag--warning">
                          {t('assessments.client.inProgress', {
                            reference: c.assessmentInProgress.reference,
                          })}
                        </span>
                        <br />
                      </>
                    ) : null}
                    {can('assessment.conduct') ? (
                      <StartOrResume clientId={c.id} inProgress={c.assessmentInProgress} variant="link" />
                    ) : null}
                  </td>
                ) : null}
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </>
  );
}
