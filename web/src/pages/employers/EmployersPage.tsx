import { useEffect, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useSearchParams } from 'react-router-dom';
import { SubmitButton, TextField } from '../../components/fields.js';
import { Page } from '../../components/Page.js';
import { QueryStatus } from '../../components/QueryStatus.js';
import { useFormatters } from '../../format.js';
import { useCan } from '../../session.js';
import { useEmployers } from './data.js';
import { EligibleTag } from './shared.js';
import type { EmployerSummary } from './types.js';

/**
 * F10: the employers the provider (or, for SSM staff, the catchment) works with, searchable by name,
 * each with whether it passes the eligibility checklist and when it was last visited in person.
 */
export function EmployersPage() {
  const { t } = useTranslation();
  const can = useCan();
  // The search lives in the URL so the list comes back on "Back".
  const [params, setParams] = useSearchParams();
  const search = params.get('search') ?? '';
  const [text, setText] = useState(search);
  useEffect(() => setText(search), [search]);
  const employers = useEmployers(search);

  const submit = (e: FormEvent) => {
    e.preventDefault();
    const next = text.trim();
    setParams(next ? { search: next } : {}, { replace: true });
  };

  return (
    <Page title={t('employers.list.title')} lead={t('employers.list.lead')}>
      {can('employer.manage') ? (
        <p className="actions">
          <Link
            className="ontario-button ontario-button--primary"
            to="/employers/new"
            data-testid="register-employer"
          >
            {t('employers.list.register')}
          </Link>
        </p>
      ) : null}
      <form className="form" role="search" onSubmit={submit} aria-label={t('employers.list.searchLabel')}>
        <div className="inline-fields">
          <TextField
            id="employer-search"
            label={t('employers.list.search')}
            hint={t('employers.list.searchHint')}
            value={text}
            onChange={setText}
            type="search"
            width={20}
          />
          <div className="ontario-form-group">
            <SubmitButton variant="secondary" testId="employer-search-submit">
              {t('employers.list.searchSubmit')}
            </SubmitButton>
          </div>
        </div>
      </form>
      <QueryStatus query={employers} />
      {employers.data ? <EmployerTable employers={employers.data.employers} search={search} /> : null}
    </Page>
  );
}

function EmployerTable({ employers, search }: { employers: EmployerSummary[]; search: string }) {
  const { t } = useTranslation();
  const fmt = useFormatters();
  if (employers.length === 0)
    return (
      <p data-testid="employers-none">
        {search ? t('employers.list.noneMatching', { search }) : t('employers.list.none')}
      </p>
    );
  return (
    <div className="table-wrap">
      <table className="data-table" data-testid="employers">
        <caption className="ontario-show-for-sr">
          {t('employers.list.caption', { count: employers.length })}
        </caption>
        <thead>
          <tr>
            <th scope="col">{t('employers.fields.legalName')}</th>
            <th scope="col">{t('employers.fields.registeredBy')}</th>
            <th scope="col">{t('employers.fields.registeredOn')}</th>
            <th scope="col">{t('employers.fields.eligibility')}</th>
            <th scope="col">{t('employers.fields.lastInPersonVisitOn')}</th>
            <th scope="col" className="numeric">
              {t('employers.fields.placementCount')}
            </th>
          </tr>
        </thead>
        <tbody>
          {employers.map((e) => (
            <tr key={e.id} data-testid="employer-row" data-employer-id={e.id}>
              <th scope="row">
                <Link to={`/employers/${e.id}`}>{e.legalName}</Link>
                {e.operatingName && e.operatingName !== e.legalName ? (
                  <>
                    <br />
                    <span className="tag--muted">
                      {t('employers.list.operatingAs', { name: e.operatingName })}
                    </span>
                  </>
                ) : null}
              </th>
              <td>{e.organizationName}</td>
              <td>
                {e.registeredOn ? fmt.date(e.registeredOn, 'medium') : t('employers.list.notRegistered')}
              </td>
              <td>
                <EligibleTag eligible={e.eligible} />
              </td>
              <td>
                {e.lastInPersonVisitOn
                  ? fmt.date(e.lastInPersonVisitOn, 'medium')
                  : t('employers.visits.never')}
              </td>
              <td className="numeric">{fmt.number(e.placementCount)}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
