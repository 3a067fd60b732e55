import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, NavLink } from 'react-router-dom';
import logoUrl from '@ongov/ontario-design-system-component-library/src/components/ontario-header/assets/ontario-logo--desktop.svg';
import { post } from '../api.js';
import { endSession, useSwitchLocale } from '../session.js';
import type { Me, OrganizationKind, Permission } from '../types.js';

export function SkipLink() {
  const { t } = useTranslation();
  return (
    <a className="skip-link" href="#main-content">
      {t('layout.skipToContent')}
    </a>
  );
}

export function LanguageToggle() {
  const { t, i18n } = useTranslation();
  const switchLocale = useSwitchLocale();
  const other = i18n.language === 'fr' ? 'en' : 'fr';
  return (
    <button
      type="button"
      className="ontario-language-toggler ontario-language-toggler--small"
      data-testid="language-toggle"
      lang={other}
      onClick={() => switchLocale(other)}
    >
      {t('layout.otherLanguage')}
    </button>
  );
}

/** The ODS application header's black bar: the Ontario logo and the language toggle. */
function TopBar() {
  const { t } = useTranslation();
  return (
    <div className="ontario-application-header">
      <div className="ontario-row">
        <div className="ontario-columns ontario-small-6 ontario-application-header__logo">
          <Link to="/">
            <img src={logoUrl} alt={t('layout.logoAlt')} width={100} height={25} />
          </Link>
        </div>
        <div className="ontario-columns ontario-small-6 ontario-application-header__lang-toggle">
          <LanguageToggle />
        </div>
      </div>
    </div>
  );
}

function SignOutButton() {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const signOut = useMutation({
    mutationFn: () => post<void>('/auth/sign-out'),
    // Whatever the API says, the person asked to leave: end the session here too (the layout then
    // goes to sign-in).
    onSettled: () => endSession(queryClient, 'signedOut'),
    meta: { allowUnauthenticated: true },
  });
  return (
    <button
      type="button"
      className="header-action"
      data-testid="sign-out"
      onClick={() => {
        if (!signOut.isPending) signOut.mutate();
      }}
    >
      {t('layout.signOut')}
    </button>
  );
}

interface NavItem {
  name: string;
  to: string;
  permission?: Permission;
  /** For a page that is one side's work, though others hold its permission (the SA's shared clients). */
  organizationKind?: OrganizationKind;
  /** Active only on its own path, not under it (My caseload is not the caseload board). */
  end?: boolean;
}

/** Only what the user can use: each entry needs the permission its page needs. */
const NAV_ITEMS: NavItem[] = [
  { name: 'home', to: '/' },
  { name: 'referrals', to: '/referrals', permission: 'referral.read' },
  { name: 'assessments', to: '/assessments', permission: 'assessment.read' },
  { name: 'clients', to: '/clients', permission: 'client.search' },
  { name: 'organizations', to: '/organizations', permission: 'organization.read' },
  { name: 'users', to: '/users', permission: 'user.read' },
  { name: 'consentRevocations', to: '/consent-revocations', permission: 'consent.removal' },
  { name: 'calendar', to: '/calendar', permission: 'calendar.read' },
  { name: 'statistics', to: '/statistics', permission: 'statistics.read' },
  { name: 'audit', to: '/audit', permission: 'audit.verify' },
  { name: 'caseload', to: '/caseload', permission: 'caseload.read', end: true },
  { name: 'caseloadBoard', to: '/caseload/board', permission: 'caseload.assign' },
  { name: 'checkpoints', to: '/checkpoints', permission: 'monitoring.write' },
  { name: 'pbfReview', to: '/pbf/review', permission: 'pbf.review' },
  { name: 'pbfStatements', to: '/pbf/statements', permission: 'pbf.read' },
  // F6/F11: the SSM's queue of pre-approvals and reports to review.
  { name: 'supportApprovals', to: '/supports/approvals', permission: 'support.approve' },
  { name: 'budgets', to: '/budgets', permission: 'budget.read' },
  { name: 'employers', to: '/employers', permission: 'employer.read' },
  { name: 'sharedClients', to: '/shared-clients', permission: 'plan.read', organizationKind: 'sa_office' },
  // I4: the SSM's queue; providers and SA take part in conferences from the client's workspace.
  {
    name: 'caseConferences',
    to: '/case-conferences',
    permission: 'conference.take_part',
    organizationKind: 'ssm',
  },
  { name: 'noteTemplates', to: '/note-templates', permission: 'note_template.manage' },
  // A7: the SSM keeps the plan-item catalogue.
  { name: 'planCatalogue', to: '/plan-catalogue', permission: 'plan_catalogue.manage' },
  { name: 'account', to: '/account' },
];

export function navItemsFor(
  permissions: readonly Permission[],
  organizationKind?: OrganizationKind,
): NavItem[] {
  return NAV_ITEMS.filter(
    (item) =>
      (!item.permission || permissions.includes(item.permission)) &&
      (!item.organizationKind || item.organizationKind === organizationKind),
  );
}

function MainNav({ me }: { me: Me }) {
  const { t } = useTranslation();
  return (
    <nav aria-label={t('nav.label')} className="main-nav">
      <div className="ontario-row">
        <ul className="main-nav__list">
          {navItemsFor(me.permissions, me.organization.kind).map((item) => (
            <li key={item.name}>
              <NavLink
                to={item.to}
                end={item.to === '/' || item.end === true}
                data-testid={`nav-${item.name}`}
                className="main-nav__link"
              >
                {t(`nav.${item.name}`)}
              </NavLink>
            </li>
          ))}
        </ul>
      </div>
    </nav>
  );
}

function Footer() {
  const { t } = useTranslation();
  return (
    <footer className="app-footer">
      <div className="ontario-row">
        <div className="ontario-columns ontario-small-12">
          <p>{t('layout.footer')}</p>
        </div>
      </div>
    </footer>
  );
}

/** The frame of every page: skip link, header with language toggle (and the user's menu), main, footer. */
export function Layout({ me, children }: { me?: Me | null; children: ReactNode }) {
  const { t } = useTranslation();
  return (
    <>
      <SkipLink />
      <header className="app-header">
        <TopBar />
        <div className="ontario-application-subheader">
          <div className="ontario-row">
            <div className="ontario-columns ontario-small-12 ontario-application-subheader__container">
              <p className="ontario-application-subheader__heading">
                <Link to="/">{t('app.name')}</Link>
              </p>
              {me ? (
                <div className="header-user">
                  <span className="header-user__name">
                    {me.user.displayName}
                    <span className="header-user__org">{me.organization.name}</span>
                  </span>
                  <SignOutButton />
                </div>
              ) : null}
            </div>
          </div>
        </div>
        {me ? <MainNav me={me} /> : null}
      </header>
      <main id="main-content" tabIndex={-1}>
        <div className="ontario-row">
          <div className="ontario-columns ontario-small-12">{children}</div>
        </div>
      </main>
      <Footer />
    </>
  );
}
