import { useTranslation } from 'react-i18next';
import { Link, useSearchParams } from 'react-router-dom';
import { SelectField } from '../components/fields.js';
import { Loading, Page } from '../components/Page.js';
import { QueryError } from '../components/QueryError.js';
import { useFormatters } from '../format.js';
import { useOrganizations, useUsers } from '../queries.js';
import { useSession } from '../session.js';
import type { User } from '../types.js';
import { StatusTag } from './OrganizationsPage.js';

export function UsersPage() {
  const { t } = useTranslation();
  const me = useSession();
  const fmt = useFormatters();
  const isSsmAdmin = me.user.roles.includes('ssm_admin');
  const [params, setParams] = useSearchParams();
  // Only SSM admins see other organizations' staff; everyone else sees their own organization's.
  const organizationId = isSsmAdmin ? (params.get('organizationId') ?? '') : me.organization.id;
  const organizations = useOrganizations('', true);
  const users = useUsers(organizationId);

  return (
    <Page title={t('users.title')}>
      {me.permissions.includes('user.manage') ? (
        <p className="actions">
          <Link
            className="ontario-button ontario-button--primary"
            to={`/users/new${organizationId ? `?organizationId=${organizationId}` : ''}`}
          >
            {t('users.add')}
          </Link>
        </p>
      ) : null}
      {isSsmAdmin ? (
        <form className="form" onSubmit={(e) => e.preventDefault()} aria-label={t('users.filters')}>
          <SelectField
            id="filter-organization"
            label={t('users.filterOrganization')}
            value={organizationId}
            onChange={(v) => setParams(v ? { organizationId: v } : {}, { replace: true })}
            placeholder={t('users.allOrganizations')}
            options={(organizations.data?.items ?? []).map((o) => ({ value: o.id, label: fmt.orgName(o) }))}
          />
        </form>
      ) : (
        <p>{t('users.ownOrganization', { name: me.organization.name })}</p>
      )}
      {users.isPending ? <Loading /> : null}
      {users.isError ? <QueryError error={users.error} onRetry={() => void users.refetch()} /> : null}
      {users.data ? (
        <>
          <p role="status">{t('users.count', { count: users.data.items.length })}</p>
          {users.data.items.length ? (
            <UserTable users={users.data.items} showOrganization={!organizationId} />
          ) : null}
        </>
      ) : null}
    </Page>
  );
}

export function UserTable({ users, showOrganization }: { users: User[]; showOrganization: boolean }) {
  const { t } = useTranslation();
  const fmt = useFormatters();
  return (
    <div className="table-wrap">
      <table className="data-table">
        <caption className="ontario-show-for-sr">{t('users.title')}</caption>
        <thead>
          <tr>
            <th scope="col">{t('users.fields.displayName')}</th>
            <th scope="col">{t('users.fields.email')}</th>
            {showOrganization ? <th scope="col">{t('users.fields.organization')}</th> : null}
            <th scope="col">{t('users.fields.roles')}</th>
            <th scope="col">{t('users.fields.lastSignIn')}</th>
            <th scope="col">{t('common.status')}</th>
          </tr>
        </thead>
        <tbody>
          {users.map((u) => (
            <tr key={u.id} data-testid="user-row">
              <td>
                <Link to={`/users/${u.id}`}>{u.displayName}</Link>
              </td>
              <td>{u.email}</td>
              {showOrganization ? <td>{u.organizationName}</td> : null}
              <td>{u.roles.map((r) => t(`roles.${r}`)).join(', ')}</td>
              <td>{u.lastSignInAt ? fmt.dateTime(u.lastSignInAt) : t('users.never')}</td>
              <td>
                <StatusTag active={u.active} />
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
