import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import { Page } from '../components/Page.js';
import { useSession } from '../session.js';
import type { Permission } from '../types.js';

interface QuickLink {
  key: string;
  to: string;
  permission?: Permission;
}

/**
 * The tasks each person can start from home, in the order they are most often needed. Adding a client
 * is reached through search on purpose (C1: search first).
 */
const QUICK_LINKS: QuickLink[] = [
  { key: 'referrals', to: '/referrals', permission: 'referral.read' },
  { key: 'searchClients', to: '/clients', permission: 'client.search' },
  { key: 'organizations', to: '/organizations', permission: 'organization.read' },
  { key: 'users', to: '/users', permission: 'user.read' },
  { key: 'calendar', to: '/calendar', permission: 'calendar.read' },
  { key: 'statistics', to: '/statistics', permission: 'statistics.read' },
  { key: 'audit', to: '/audit', permission: 'audit.verify' },
  { key: 'account', to: '/account' },
];

export function HomePage() {
  const { t } = useTranslation();
  const me = useSession();
  const links = QUICK_LINKS.filter((l) => !l.permission || me.permissions.includes(l.permission));
  const roles = me.user.roles.map((r) => t(`roles.${r}`));

  return (
    <Page title={t('home.title', { name: me.user.displayName })}>
      <dl className="details">
        <dt>{t('home.organization')}</dt>
        <dd>
          {me.organization.name}
          <br />
          <span className="tag--muted">{t(`organizationKinds.${me.organization.kind}`)}</span>
        </dd>
        <dt>{t('home.roles', { count: roles.length })}</dt>
        <dd>{roles.join(', ')}</dd>
      </dl>
      <h2>{t('home.whatToDo')}</h2>
      <ul className="cards">
        {links.map((l) => (
          <li key={l.key}>
            <Link to={l.to}>{t(`home.links.${l.key}.title`)}</Link>
            <p>{t(`home.links.${l.key}.description`)}</p>
          </li>
        ))}
      </ul>
    </Page>
  );
}
