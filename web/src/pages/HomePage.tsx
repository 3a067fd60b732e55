import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import { Page } from '../components/Page.js';
import { useAssessmentWorklist, useConsentRevocations } from './assessments/data.js';
import { CaseworkAttention } from './casework/HomeAttention.js';
import { PbfHomeAttention } from './pbf/PbfHomeAttention.js';
import { useCan, useSession } from '../session.js';
import type { OrganizationKind, Permission } from '../types.js';

interface QuickLink {
  key: string;
  to: string;
  permission?: Permission;
  /** For pages only one side works from (the SA caseworker's shared clients, the SSM's queue). */
  organizationKind?: OrganizationKind;
}

/**
 * The tasks each person can start from home, in the order they are most often needed. Adding a client
 * is reached through search on purpose (C1: search first).
 */
const QUICK_LINKS: QuickLink[] = [
  { key: 'referrals', to: '/referrals', permission: 'referral.read' },
  { key: 'assessments', to: '/assessments', permission: 'assessment.read' },
  { key: 'caseload', to: '/caseload', permission: 'caseload.read' },
  { key: 'caseloadBoard', to: '/caseload/board', permission: 'caseload.assign' },
  { key: 'checkpoints', to: '/checkpoints', permission: 'monitoring.write' },
  { key: 'pbfReview', to: '/pbf/review', permission: 'pbf.review' },
  { key: 'pbfStatements', to: '/pbf/statements', permission: 'pbf.read' },
  { key: 'sharedClients', to: '/shared-clients', permission: 'plan.read', organizationKind: 'sa_office' },
  {
    key: 'caseConferences',
    to: '/case-conferences',
    permission: 'conference.take_part',
    organizationKind: 'ssm',
  },
  { key: 'searchClients', to: '/clients', permission: 'client.search' },
  { key: 'organizations', to: '/organizations', permission: 'organization.read' },
  { key: 'users', to: '/users', permission: 'user.read' },
  { key: 'calendar', to: '/calendar', permission: 'calendar.read' },
  { key: 'statistics', to: '/statistics', permission: 'statistics.read' },
  { key: 'audit', to: '/audit', permission: 'audit.verify' },
  { key: 'consentRevocations', to: '/consent-revocations', permission: 'consent.removal' },
  { key: 'planCatalogue', to: '/plan-catalogue', permission: 'plan_catalogue.manage' },
  { key: 'noteTemplates', to: '/note-templates', permission: 'note_template.manage' },
  { key: 'account', to: '/account' },
];

export function HomePage() {
  const { t } = useTranslation();
  const me = useSession();
  const links = QUICK_LINKS.filter(
    (l) =>
      (!l.permission || me.permissions.includes(l.permission)) &&
      (!l.organizationKind || l.organizationKind === me.organization.kind),
  );
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
      <Attention />
      <CaseworkAttention />
      <PbfHomeAttention />
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

/**
 * What is waiting on the SSM, said on arrival: a provider at capacity marked a CA service pending
 * and needs intake to find another option at once (S5); a CA returned to the SSM (C10); a consent
 * revocation to pass on to the ministry and carry out (C3).
 */
function Attention() {
  const can = useCan();
  return can('assessment.assign') || can('consent.removal') ? <AttentionList /> : null;
}

function AttentionList() {
  const { t } = useTranslation();
  const can = useCan();
  const assigns = can('assessment.assign');
  const removes = can('consent.removal');
  const worklist = useAssessmentWorklist(assigns ? 'service_pending' : '', assigns);
  const revocations = useConsentRevocations(removes);
  const count = (bucket: string) => worklist.data?.buckets.find((b) => b.bucket === bucket)?.count ?? 0;
  const items = [
    assigns && {
      key: 'servicePending',
      to: '/assessments?bucket=service_pending',
      n: count('service_pending'),
    },
    assigns && {
      key: 'returnedToSsm',
      to: '/assessments?bucket=returned_to_ssm',
      n: count('returned_to_ssm'),
    },
    removes && {
      key: 'revocations',
      to: '/consent-revocations',
      n: revocations.data?.items.filter((r) => r.state !== 'removed').length ?? 0,
    },
  ].filter((i): i is { key: string; to: string; n: number } => Boolean(i) && (i as { n: number }).n > 0);
  if (items.length === 0) return null;
  return (
    <section className="section panel" aria-labelledby="attention-heading" data-testid="home-attention">
      <h2 id="attention-heading">{t('home.attention.title')}</h2>
      <ul>
        {items.map((i) => (
          <li key={i.key}>
            <Link to={i.to} data-testid={`attention-${i.key}`}>
              {t(`home.attention.${i.key}`, { count: i.n })}
            </Link>
          </li>
        ))}
      </ul>
    </section>
  );
}
