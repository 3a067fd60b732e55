import { useTranslation } from 'react-i18next';
import { Link, useSearchParams } from 'react-router-dom';
import { Checkbox, SelectField } from '../components/fields.js';
import { Loading, Page } from '../components/Page.js';
import { QueryError } from '../components/QueryError.js';
import { useFormatters } from '../format.js';
import { useOrganizations } from '../queries.js';
import { useCan } from '../session.js';
import { ORGANIZATION_KINDS, type Organization, type OrganizationKind } from '../types.js';

const isKind = (value: string | null): value is OrganizationKind =>
  value !== null && (ORGANIZATION_KINDS as readonly string[]).includes(value);

export function OrganizationsPage() {
  const { t } = useTranslation();
  const can = useCan();
  // Filters live in the URL so the list can be bookmarked and comes back on "Back".
  const [params, setParams] = useSearchParams();
  const kindParam = params.get('kind');
  const kind = isKind(kindParam) ? kindParam : '';
  const includeInactive = params.get('inactive') === 'true';
  const organizations = useOrganizations(kind, includeInactive);

  const setFilter = (key: string, value: string) =>
    setParams(
      (prev) => {
        const next = new URLSearchParams(prev);
        if (value) next.set(key, value);
        else next.delete(key);
        return next;
      },
      { replace: true },
    );

  return (
    <Page title={t('organizations.title')}>
      {can('organization.manage') ? (
        <p className="actions">
          <Link className="ontario-button ontario-button--primary" to="/organizations/new">
            {t('organizations.add')}
          </Link>
        </p>
      ) : null}
      <form className="form" onSubmit={(e) => e.preventDefault()} aria-label={t('organizations.filters')}>
        <div className="inline-fields">
          <SelectField
            id="filter-kind"
            label={t('organizations.filterKind')}
            value={kind}
            onChange={(v) => setFilter('kind', v)}
            placeholder={t('organizations.allKinds')}
            options={ORGANIZATION_KINDS.map((k) => ({ value: k, label: t(`organizationKindsPlural.${k}`) }))}
          />
          <Checkbox
            id="filter-inactive"
            label={t('organizations.includeInactive')}
            checked={includeInactive}
            onChange={(on) => setFilter('inactive', on ? 'true' : '')}
          />
        </div>
      </form>
      {organizations.isPending ? <Loading /> : null}
      {organizations.isError ? (
        <QueryError error={organizations.error} onRetry={() => void organizations.refetch()} />
      ) : null}
      {organizations.data ? <OrganizationTable items={organizations.data.items} /> : null}
    </Page>
  );
}

export function OrganizationKindLabel({ org }: { org: Pick<Organization, 'kind' | 'saProgram'> }) {
  const { t } = useTranslation();
  return (
    <>
      {t(`organizationKinds.${org.kind}`)}
      {org.saProgram ? ` (${t(`saProgramsShort.${org.saProgram}`)})` : ''}
    </>
  );
}

function OrganizationTable({ items }: { items: Organization[] }) {
  const { t } = useTranslation();
  const fmt = useFormatters();
  return (
    <>
      <p role="status">{t('organizations.count', { count: items.length })}</p>
      {items.length ? (
        <div className="table-wrap">
          <table className="data-table">
            <caption className="ontario-show-for-sr">{t('organizations.title')}</caption>
            <thead>
              <tr>
                <th scope="col">{t('organizations.fields.name')}</th>
                <th scope="col">{t('organizations.fields.kind')}</th>
                <th scope="col">{t('organizations.fields.contact')}</th>
                <th scope="col" className="numeric">
                  {t('organizations.fields.sites')}
                </th>
                <th scope="col" className="numeric">
                  {t('organizations.fields.users')}
                </th>
                <th scope="col">{t('common.status')}</th>
              </tr>
            </thead>
            <tbody>
              {items.map((o) => (
                <tr key={o.id} data-testid="organization-row">
                  <td>
                    <Link to={`/organizations/${o.id}`}>{fmt.orgName(o)}</Link>
                  </td>
                  <td>
                    <OrganizationKindLabel org={o} />
                  </td>
                  <td>
                    {o.email ?? ''}
                    {o.email && o.phone ? <br /> : null}
                    {o.phone ?? ''}
                  </td>
                  <td className="numeric">{fmt.number(o.siteCount)}</td>
                  <td className="numeric">{fmt.number(o.userCount)}</td>
                  <td>
                    <StatusTag active={o.active} />
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      ) : null}
    </>
  );
}

export function StatusTag({ active }: { active: boolean }) {
  const { t } = useTranslation();
  return (
    <span className={active ? 'tag tag--ok' : 'tag tag--muted'}>
      {active ? t('common.active') : t('common.inactive')}
    </span>
  );
}
