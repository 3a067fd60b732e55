import { useTranslation } from 'react-i18next';
import { Link, useLocation, useParams } from 'react-router-dom';
import { isApiError } from '../../api.js';
import { PageAlert } from '../../components/Alert.js';
import { Loading, Page } from '../../components/Page.js';
import { QueryError } from '../../components/QueryError.js';
import { CompletionStatus, FirstContactStatus } from '../../components/ReferralClocks.js';
import { useFormatters } from '../../format.js';
import { useClient, useOrganizations, useReferral } from '../../queries.js';
import { useCan, useSession } from '../../session.js';
import type { Referral } from '../../types.js';
import { intakeMayClose } from '../../../../src/domain/referral/closing.js';
import { NotFoundPage } from '../NotFoundPage.js';
import { Factors, languageInSentence } from './Factors.js';
import { AssignPanel, ClosePanel, DecisionPanel, ScreeningPanel } from './IntakePanels.js';
import { AppointmentForm, ContactAttemptForm, ContactRecord, ReturnForm } from './LeadPanels.js';
import { ScreeningResultView } from './screening.js';
import { Timeline } from './Timeline.js';

/**
 * One referral for everyone who works it: what it says, where it stands against P7 and P11, the matrix
 * for SSM intake, the provider's contact work and returns, the SSM's decision, and the full timeline.
 */
export function ReferralDetailPage() {
  const { t } = useTranslation();
  const { referralId } = useParams();
  const referral = useReferral(referralId);
  const location = useLocation();
  const saved = (location.state as { saved?: 'created' } | null)?.saved;

  if (referral.isError && isApiError(referral.error) && referral.error.status === 404)
    return <NotFoundPage />;
  const title = referral.data
    ? t('referrals.detail.title', { reference: referral.data.reference })
    : t('referrals.detail.titleLoading');
  return (
    <Page title={title} back={{ to: '/referrals', label: t('referrals.detail.back') }}>
      {referral.isPending ? <Loading /> : null}
      {referral.isError ? (
        <QueryError error={referral.error} onRetry={() => void referral.refetch()} />
      ) : null}
      {saved ? <PageAlert kind="success" heading={t('referrals.detail.created')} live /> : null}
      {referral.data ? <ReferralBody referral={referral.data} /> : null}
    </Page>
  );
}

function ReferralBody({ referral }: { referral: Referral }) {
  const { t, i18n } = useTranslation();
  const fmt = useFormatters();
  const can = useCan();
  const me = useSession();
  const providers = useOrganizations('provider', true);
  const mine = referral.assignedOrganizationId === me.organization.id;
  const canWork = can('referral.work') && mine && referral.status === 'assigned';
  const isIntake = can('referral.assign');
  // The client's record gives the preferred contact method (P8) and the date of birth for screening.
  const needsClient = canWork || (isIntake && referral.status === 'awaiting_assignment');
  const client = useClient(needsClient && can('client.read') ? referral.clientId : undefined);
  const orgName = (id: string | null) => {
    if (!id) return null;
    const org = providers.data?.items.find((o) => o.id === id);
    return org ? fmt.orgName(org) : null;
  };
  const barriers = [
    referral.barriers.transportation ? t('referrals.fields.transportation') : null,
    referral.barriers.childcare ? t('referrals.fields.childcare') : null,
    referral.barriers.language
      ? t('referrals.detail.needsLanguage', {
          language: languageInSentence(t(`serviceLanguages.${referral.barriers.language}`), i18n.language),
        })
      : null,
    ...referral.barriers.accessibility.map((f) => t(`accessibilityFeatures.${f}`)),
  ].filter((b): b is string => Boolean(b));
  const direct = referral.pathway === 'direct_to_ssm';

  return (
    <>
      <p className="ontario-lead-statement">
        {can('client.read') ? (
          <Link to={`/clients/${referral.clientId}`}>{referral.clientName}</Link>
        ) : (
          referral.clientName
        )}{' '}
        <span className="tag--muted">({referral.clientReference})</span>
      </p>
      <section className="section" aria-labelledby="summary-heading">
        <h2 id="summary-heading">{t('referrals.detail.summary')}</h2>
        <dl className="details">
          <dt>{t('referrals.fields.status')}</dt>
          <dd data-testid="referral-status" data-status={referral.status}>
            {t(`referralStatuses.${referral.status}`)}
            {referral.redirectRequested ? (
              <>
                {' '}
                <span className="tag tag--warning">{t('referrals.detail.redirectTag')}</span>
              </>
            ) : null}
          </dd>
          <dt>{t('referrals.fields.pathway')}</dt>
          <dd>{t(`pathways.${referral.pathway}`)}</dd>
          <dt>{t('referrals.fields.source')}</dt>
          <dd>{t(`referralSources.${referral.source}`)}</dd>
          <dt>{t('referrals.fields.receivedAt')}</dt>
          <dd>{fmt.dateTime(referral.receivedAt)}</dd>
          <dt>{t('referrals.fields.clientChoice')}</dt>
          <dd>
            {referral.clientChoiceOrganizationId ? (
              (orgName(referral.clientChoiceOrganizationId) ?? '…')
            ) : (
              <span className="tag--muted">{t('referrals.detail.noChoice')}</span>
            )}
          </dd>
          <dt>{t('referrals.fields.warmReferral')}</dt>
          <dd>{referral.warmReferral ? t('common.yes') : t('common.no')}</dd>
          <dt>{t('referrals.fields.barriers')}</dt>
          <dd>
            {barriers.length ? barriers.join(' · ') : <span className="tag--muted">{t('common.none')}</span>}
          </dd>
          <dt>{t('referrals.fields.notes')}</dt>
          <dd className="pre-wrap">
            {referral.notes ?? <span className="tag--muted">{t('common.none')}</span>}
          </dd>
          <dt>{t('referrals.fields.provider')}</dt>
          <dd data-testid="assigned-provider">
            {referral.assignedOrganizationId ? (
              <>
                {orgName(referral.assignedOrganizationId) ?? '…'}
                {referral.assignedAt ? (
                  <span className="tag--muted"> · {fmt.dateTime(referral.assignedAt)}</span>
                ) : null}
              </>
            ) : (
              <span className="tag--muted">{t('referrals.detail.notAssigned')}</span>
            )}
          </dd>
          {referral.firstContact ? (
            <>
              <dt>{t('referrals.fields.firstContact')}</dt>
              <dd>
                <FirstContactStatus clock={referral.firstContact} />
              </dd>
            </>
          ) : null}
          {referral.completion ? (
            <>
              <dt>{t('referrals.fields.completion')}</dt>
              <dd>
                <CompletionStatus clock={referral.completion} />
              </dd>
            </>
          ) : null}
          {referral.returnReason ? (
            <>
              <dt>{t('referrals.fields.returnReason')}</dt>
              <dd data-testid="return-reason">
                {t(`returnReasons.${referral.returnReason}`)}
                {referral.returnNote ? <span className="pre-wrap"> — {referral.returnNote}</span> : null}
              </dd>
            </>
          ) : null}
          {referral.closeReason ? (
            <>
              <dt>{t('referrals.fields.closeReason')}</dt>
              <dd data-testid="close-reason">
                {t(`closeReasons.${referral.closeReason}`)}
                {referral.closeNote ? <span className="pre-wrap"> — {referral.closeNote}</span> : null}
              </dd>
            </>
          ) : null}
          {referral.ssmDecision ? (
            <>
              <dt>{t('referrals.fields.ssmDecision')}</dt>
              <dd>
                {t(`ssmDecisions.${referral.ssmDecision}`)}
                {referral.decisionNote ? <span className="pre-wrap"> — {referral.decisionNote}</span> : null}
              </dd>
            </>
          ) : null}
        </dl>
        {referral.completion?.incomplete && canWork ? (
          <PageAlert kind="warning" heading={t('referrals.detail.incompleteTitle')}>
            <p>{t('referrals.detail.incompleteBody')}</p>
          </PageAlert>
        ) : null}
      </section>

      {direct && referral.screening ? (
        <section className="section" aria-labelledby="screening-result-heading">
          <h2 id="screening-result-heading">{t('referrals.screening.resultTitle')}</h2>
          <ScreeningResultView result={referral.screening} />
          <p className="tag--muted">
            {t('referrals.screening.screenedBy', {
              when: fmt.dateTime(referral.screening.screenedAt),
              who: referral.screening.screenedByName ?? t('referrals.timelineDetail.system'),
            })}
          </p>
        </section>
      ) : null}
      {direct &&
      isIntake &&
      referral.status === 'awaiting_assignment' &&
      referral.screening?.outcome !== 'case_managed_eligible' ? (
        // Keyed on the client's record so the questions start from it once it has loaded.
        <ScreeningPanel key={client.data?.id ?? 'loading'} referral={referral} client={client.data} />
      ) : null}

      {referral.explanation ? (
        <section className="section" aria-labelledby="why-heading">
          <h2 id="why-heading">{mine ? t('referrals.detail.whyYou') : t('referrals.detail.whyProvider')}</h2>
          <p>
            {t('referrals.detail.whyIntro', {
              rank: referral.explanation.rank,
              site: referral.explanation.siteName,
            })}
          </p>
          <Factors factors={referral.explanation.factors} testId="explanation" />
          {referral.overrideReason ? (
            <p>
              {t('referrals.detail.overrideReason')}{' '}
              <span className="pre-wrap">{referral.overrideReason}</span>
            </p>
          ) : null}
        </section>
      ) : null}

      {isIntake &&
      referral.status === 'awaiting_assignment' &&
      (!direct || referral.screening?.outcome === 'case_managed_eligible') ? (
        <AssignPanel referral={referral} />
      ) : null}
      {isIntake && referral.status === 'returned' ? <DecisionPanel referral={referral} /> : null}
      {isIntake && intakeMayClose(referral.status) ? <ClosePanel referral={referral} /> : null}

      {canWork ? (
        <section className="section" aria-labelledby="work-heading">
          <h2 id="work-heading">{t('referrals.detail.workTitle')}</h2>
          <div className="panels">
            {/* Keyed on the preference so the method starts on it once the client's record has loaded. */}
            <ContactAttemptForm
              key={client.data?.preferredContactMethod ?? 'none'}
              referral={referral}
              preferredMethod={client.data?.preferredContactMethod ?? null}
            />
            <AppointmentForm referral={referral} />
          </div>
        </section>
      ) : null}
      {referral.status !== 'awaiting_assignment' || referral.contactAttempts.length ? (
        <ContactRecord referral={referral} canWork={canWork} />
      ) : null}
      {canWork ? <ReturnForm referral={referral} /> : null}

      <Timeline events={referral.timeline} organizationName={orgName} />
    </>
  );
}
