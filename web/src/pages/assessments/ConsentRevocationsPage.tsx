import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { post } from '../../api.js';
import { PageAlert } from '../../components/Alert.js';
import { Loading, Page } from '../../components/Page.js';
import { QueryError } from '../../components/QueryError.js';
import { useFormatters } from '../../format.js';
import { problemMessage } from '../../forms.js';
import type { ConsentRevocation } from '../../types.js';
import { assessmentKeys, useConsentRevocations } from './data.js';

/**
 * C3: the SSM's queue of consent revocations. Each is acknowledged (the ministry is told to stop
 * sharing), then the person's information is removed: their data key is destroyed, so what was
 * sealed with it can never be read again.
 */
export function ConsentRevocationsPage() {
  const { t } = useTranslation();
  const list = useConsentRevocations();
  return (
    <Page title={t('assessments.revocations.title')} lead={t('assessments.revocations.lead')}>
      {list.isPending ? <Loading /> : null}
      {list.isError ? <QueryError error={list.error} onRetry={() => void list.refetch()} /> : null}
      {list.data && list.data.items.length === 0 ? (
        <p data-testid="revocations-empty">{t('assessments.revocations.empty')}</p>
      ) : null}
      {list.data?.items.length ? (
        <ul className="ranking" data-testid="revocations">
          {list.data.items.map((r) => (
            <Revocation key={r.id} revocation={r} />
          ))}
        </ul>
      ) : null}
    </Page>
  );
}

function Revocation({ revocation: r }: { revocation: ConsentRevocation }) {
  const { t, i18n } = useTranslation();
  const fmt = useFormatters();
  const queryClient = useQueryClient();
  const [confirming, setConfirming] = useState(false);
  const step = useMutation({
    mutationFn: (action: 'acknowledge' | 'remove') =>
      post<ConsentRevocation>(`/consent-revocations/${r.id}/${action}`),
    onSuccess: () => {
      setConfirming(false);
      void queryClient.invalidateQueries({ queryKey: assessmentKeys.revocations });
      void queryClient.invalidateQueries({ queryKey: ['clients'] });
    },
  });
  const headingId = `revocation-${r.id}`;
  return (
    <li data-testid="revocation" data-state={r.state} aria-labelledby={headingId}>
      <h2 className="ontario-h5" id={headingId}>
        {r.clientName} <span className="tag--muted">({r.clientReference})</span>{' '}
        <span className={`tag ${r.state === 'removed' ? 'tag--ok' : 'tag--warning'}`}>
          {t(`assessments.revocations.states.${r.state}`)}
        </span>
      </h2>
      <dl className="details">
        <dt>{t('assessments.revocations.receivedOn')}</dt>
        <dd>{fmt.date(r.receivedOn)}</dd>
        <dt>{t('assessments.revocations.from')}</dt>
        <dd>
          {r.receivedByName}, {r.organizationName}
        </dd>
        <dt>{t('assessments.revocations.notice')}</dt>
        <dd className="pre-wrap">
          {r.noticeToSsm ?? <span className="tag--muted">{t('assessments.revocations.removedText')}</span>}
        </dd>
        {r.acknowledgedAt ? (
          <>
            <dt>{t('assessments.revocations.acknowledgedAt')}</dt>
            <dd>{fmt.dateTime(r.acknowledgedAt)}</dd>
          </>
        ) : null}
        {r.removedAt ? (
          <>
            <dt>{t('assessments.revocations.removedAt')}</dt>
            <dd>{fmt.dateTime(r.removedAt)}</dd>
          </>
        ) : null}
      </dl>
      {step.isError ? (
        <p className="field-error-text" role="alert">
          {problemMessage(step.error, t, i18n.language)}
        </p>
      ) : null}
      <div className="actions">
        {r.state === 'queued' ? (
          <button
            type="button"
            className="ontario-button ontario-button--secondary"
            data-testid="revocation-acknowledge"
            aria-disabled={step.isPending ? true : undefined}
            onClick={() => !step.isPending && step.mutate('acknowledge')}
          >
            {t('assessments.revocations.acknowledge')}
          </button>
        ) : null}
        {r.state !== 'removed' && !confirming ? (
          <button
            type="button"
            className="ontario-button ontario-button--secondary"
            data-testid="revocation-remove"
            onClick={() => setConfirming(true)}
          >
            {t('assessments.revocations.remove')}
          </button>
        ) : null}
      </div>
      {confirming ? (
        <PageAlert kind="warning" heading={t('assessments.revocations.confirmHeading')}>
          <p>{t('assessments.revocations.confirmBody', { name: r.clientName })}</p>
          <div className="actions">
            <button
              type="button"
              className="ontario-button ontario-button--primary"
              data-testid="revocation-remove-confirm"
              aria-disabled={step.isPending ? true : undefined}
              onClick={() => !step.isPending && step.mutate('remove')}
            >
              {t('assessments.revocations.confirm')}
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
      ) : null}
    </li>
  );
}
