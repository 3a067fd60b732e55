import { useTranslation } from 'react-i18next';
import { Link, useLocation, useParams } from 'react-router-dom';
import { isApiError } from '../api.js';
import { PageAlert } from '../components/Alert.js';
import { Loading, Page } from '../components/Page.js';
import { QueryError } from '../components/QueryError.js';
import { useFormatters } from '../format.js';
import { useCatchment, useOrganization, useSites, useUsers } from '../queries.js';
import { useSession } from '../session.js';
import type { Me, Organization, Site } from '../types.js';
import { NotFoundPage } from './NotFoundPage.js';
import { OrganizationKindLabel, StatusTag } from './OrganizationsPage.js';
import { UserTable } from './UsersPage.js';

/** Mirrors the API's rule: SSM admins manage every organization; provider admins only their own. */
export function canManageOrg(
  me: Me,
  permission: 'site.manage' | 'user.manage' | 'user.read',
  organizationId: string,
): boolean {
  if (!me.permissions.includes(permission)) return false;
  return me.user.roles.includes('ssm_admin') || organizationId === me.organization.id;
}

export const hasSites = (org: Pick<Organization, 'kind'>) =>
  org.kind === 'provider' || org.kind === 'sa_office';

export function OrganizationDetailPage() {
  const { t } = useTranslation();
  const { organizationId } = useParams();
  const location = useLocation();
  const me = useSession();
  const fmt = useFormatters();
  const org = useOrganization(organizationId);
  const saved = (location.state as { saved?: string } | null)?.saved;

  if (org.isError && isApiError(org.error) && org.error.status === 404) return <NotFoundPage />;
  const data = org.data;

  return (
    <Page
      title={data ? fmt.orgName(data) : t('organizations.detailTitle')}
      back={{ to: '/organizations', label: t('organizations.backToList') }}
    >
      {org.isPending ? <Loading /> : null}
      {org.isError ? <QueryError error={org.error} onRetry={() => void org.refetch()} /> : null}
      {data ? (
        <>
          {saved ? (
            <PageAlert
              kind="success"
              heading={t(`organizations.saved.${saved}`, { defaultValue: t('common.saved') })}
              live
            />
          ) : null}
          <dl className="details">
            <dt>{t('organizations.fields.kind')}</dt>
            <dd>
              <OrganizationKindLabel org={data} />
            </dd>
            <dt>{t('organizations.fields.name')}</dt>
            <dd>{data.name}</dd>
            <dt>{t('organizations.fields.nameFr')}</dt>
            <dd lang={data.nameFr ? 'fr' : undefined}>{data.nameFr ?? t('common.notProvided')}</dd>
            <dt>{t('organizations.fields.email')}</dt>
            <dd>{data.email ?? t('common.notProvided')}</dd>
            <dt>{t('organizations.fields.phone')}</dt>
            <dd>{data.phone ?? t('common.notProvided')}</dd>
            <dt>{t('common.status')}</dt>
            <dd>
              <StatusTag active={data.active} />
            </dd>
          </dl>
          {me.permissions.includes('organization.manage') ? (
            <p className="actions">
              <Link
                className="ontario-button ontario-button--secondary"
                to={`/organizations/${data.id}/edit`}
              >
                {t('organizations.edit')}
              </Link>
            </p>
          ) : null}
          {hasSites(data) ? <SitesSection org={data} /> : null}
          {canManageOrg(me, 'user.read', data.id) ? <UsersSection org={data} /> : null}
        </>
      ) : null}
    </Page>
  );
}

function SitesSection({ org }: { org: Organization }) {
  const { t } = useTranslation();
  const me = useSession();
  const sites = useSites(org.id);
  const canManage = canManageOrg(me, 'site.manage', org.id);
  return (
    <section className="section" aria-labelledby="sites-heading">
      <h2 id="sites-heading">{t('sites.title')}</h2>
      {canManage ? (
        <p className="actions">
          <Link
            className="ontario-button ontario-button--secondary"
            to={`/organizations/${org.id}/sites/new`}
          >
            {t('sites.add')}
          </Link>
        </p>
      ) : null}
      {sites.isPending ? <Loading /> : null}
      {sites.isError ? <QueryError error={sites.error} onRetry={() => void sites.refetch()} /> : null}
      {sites.data && sites.data.items.length === 0 ? <p>{t('sites.empty')}</p> : null}
      {sites.data && sites.data.items.length ? (
        <SiteTable sites={sites.data.items} canManage={canManage} />
      ) : null}
    </section>
  );
}

function SiteTable({ sites, canManage }: { sites: Site[]; canManage: boolean }) {
  const { t } = useTranslation();
  const fmt = useFormatters();
  const catchment = useCatchment();
  const regionName = (id: string) => {
    const region = catchment.data?.regions.find((r) => r.id === id);
    return region ? fmt.name(region) : '';
  };
  return (
    <div className="table-wrap">
      <table className="data-table">
        <caption className="ontario-show-for-sr">{t('sites.title')}</caption>
        <thead>
          <tr>
            <th scope="col">{t('sites.fields.name')}</th>
            <th scope="col">{t('sites.fields.address')}</th>
            <th scope="col">{t('sites.fields.region')}</th>
            <th scope="col">{t('sites.fields.languages')}</th>
            <th scope="col" className="numeric">
              {t('sites.fields.intakeCapacity')}
            </th>
            <th scope="col">{t('common.status')}</th>
            {canManage ? (
              <th scope="col">
                <span className="ontario-show-for-sr">{t('common.actions')}</span>
              </th>
            ) : null}
          </tr>
        </thead>
        <tbody>
          {sites.map((s) => (
            <tr key={s.id} data-testid="site-row">
              <td>{s.name}</td>
              <td>
                {s.street}
                <br />
                {s.city} {s.postalCode}
              </td>
              <td>{regionName(s.regionId)}</td>
              <td>{s.languages.map((l) => t(`serviceLanguages.${l}`, { defaultValue: l })).join(', ')}</td>
              <td className="numeric">{fmt.number(s.intakeCapacity)}</td>
              <td>
                <StatusTag active={s.active} />
              </td>
              {canManage ? (
                <td>
                  <Link to={`/sites/${s.id}/edit`}>
                    {t('common.edit')}
                    <span className="ontario-show-for-sr"> {s.name}</span>
                  </Link>
                </td>
              ) : null}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

function UsersSection({ org }: { org: Organization }) {
  const { t } = useTranslation();
  const me = useSession();
  const users = useUsers(org.id);
  return (
    <section className="section" aria-labelledby="users-heading">
      <h2 id="users-heading">{t('users.title')}</h2>
      {canManageOrg(me, 'user.manage', org.id) ? (
        <p className="actions">
          <Link
            className="ontario-button ontario-button--secondary"
            to={`/users/new?organizationId=${org.id}`}
          >
            {t('users.add')}
          </Link>
        </p>
      ) : null}
      {users.isPending ? <Loading /> : null}
      {users.isError ? <QueryError error={users.error} onRetry={() => void users.refetch()} /> : null}
      {users.data && users.data.items.length === 0 ? <p>{t('users.empty')}</p> : null}
      {users.data && users.data.items.length ? (
        <UserTable users={users.data.items} showOrganization={false} />
      ) : null}
    </section>
  );
}
