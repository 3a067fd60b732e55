import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate, useParams } from 'react-router-dom';
import { isApiError, post } from '../../api.js';
import { PageAlert } from '../../components/Alert.js';
import { ErrorSummary } from '../../components/ErrorSummary.js';
import { RadioGroup } from '../../components/fields.js';
import { Loading, Page } from '../../components/Page.js';
import { QueryError } from '../../components/QueryError.js';
import { collect, useFormErrors } from '../../forms.js';
import { useClient } from '../../queries.js';
import {
  CONSENT_CHANNELS,
  type AssessmentDetail,
  type ConsentChannel,
  type ConsentCreate,
  type ConsentNotice,
} from '../../types.js';
import { NotFoundPage } from '../NotFoundPage.js';
import { assessmentKeys, useClientAssessments, useConsentNotice } from './data.js';

/** The Notice of Collection and Consent in one language, laid out to be read aloud word for word. */
export function NoticeText({
  notice,
  lang,
  testId,
}: {
  notice: ConsentNotice;
  lang: 'en' | 'fr';
  testId?: string;
}) {
  return (
    <div className="notice-text pre-wrap" lang={lang} data-testid={testId}>
      {lang === 'fr' ? notice.fr : notice.en}
    </div>
  );
}

/** The notice in the interface language, with the other language one click away (C3). */
export function BilingualNotice({ notice }: { notice: ConsentNotice }) {
  const { t, i18n } = useTranslation();
  const here = i18n.language === 'fr' ? 'fr' : 'en';
  const other = here === 'fr' ? 'en' : 'fr';
  return (
    <>
      <NoticeText notice={notice} lang={here} testId="consent-notice" />
      <p className="tag--muted">{t('assessments.consent.version', { version: notice.version })}</p>
      <details className="other-language">
        <summary>{t('assessments.consent.otherLanguage')}</summary>
        <NoticeText notice={notice} lang={other} />
      </details>
    </>
  );
}

/**
 * C3: before any question, the caseworker reads the notice verbatim and records the client's verbal
 * consent. Without consent the assessment stops and nothing is stored; the person is still welcome
 * to other services.
 */
export function ConsentPage() {
  const { t } = useTranslation();
  const { clientId } = useParams();
  const client = useClient(clientId);
  const notice = useConsentNotice();
  const existing = useClientAssessments(clientId);
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const form = useFormErrors();
  const [channel, setChannel] = useState<ConsentChannel | ''>('');
  const [refused, setRefused] = useState(false);

  const record = useMutation({
    mutationFn: (body: ConsentCreate) =>
      post<AssessmentDetail>(`/clients/${clientId ?? ''}/assessments`, body),
    onSuccess: (detail, body) => {
      queryClient.setQueryData(assessmentKeys.one(detail.id), detail);
      void queryClient.invalidateQueries({ queryKey: assessmentKeys.ofClient(detail.client.id) });
      void queryClient.invalidateQueries({ queryKey: assessmentKeys.worklistAll });
      void queryClient.invalidateQueries({ queryKey: ['clients', 'search'] });
      if (body.consent.given) navigate(`/assessments/${detail.id}`, { state: { started: true } });
    },
    onError: (error, body) => {
      // The API answers a refusal with 422 C3 and stores nothing: that is the expected answer here.
      if (!body.consent.given && isApiError(error) && error.status === 422 && error.problem.rule === 'C3') {
        setRefused(true);
        return;
      }
      form.fromError(error);
    },
  });

  if (!clientId || (client.isError && isApiError(client.error) && client.error.status === 404))
    return <NotFoundPage />;

  const name = client.data ? `${client.data.legalGivenName} ${client.data.legalFamilyName}` : '';
  if (refused) {
    return (
      <Page
        title={t('assessments.consent.refusedTitle')}
        back={{ to: `/clients/${clientId}`, label: t('assessments.backToClient') }}
      >
        <div data-testid="consent-refused">
          <PageAlert kind="informational" heading={t('assessments.consent.refusedHeading')}>
            <p>{t('assessments.consent.refusedNothingRecorded')}</p>
          </PageAlert>
          <p>{t('assessments.consent.refusedOffer', { name })}</p>
          <ul>
            <li>{t('assessments.consent.offerSelfDirected')}</li>
            <li>{t('assessments.consent.offerStabilization')}</li>
            <li>{t('assessments.consent.offerCommunity')}</li>
          </ul>
          <p>{t('assessments.consent.refusedLater')}</p>
          <p>
            <Link to={`/clients/${clientId}`}>{t('assessments.backToClient')}</Link>
          </p>
        </div>
      </Page>
    );
  }

  const inProgress = existing.data?.items.find((a) => a.status === 'in_progress');
  const labels = { channel: t('assessments.consent.channel') };
  const send = (given: boolean) => {
    if (record.isPending || !notice.data) return;
    if (given && !form.check(collect([['channel', !channel && t('assessments.consent.errors.channel')]])))
      return;
    form.clear();
    record.mutate({
      consent: {
        given,
        // Nothing is stored on a refusal; the channel only has to be one the API knows.
        channel: channel || 'in_person',
        noticeVersion: notice.data.version,
      },
    });
  };
  const submit = (event: FormEvent) => {
    event.preventDefault();
    send(true);
  };

  return (
    <Page
      title={t('assessments.consent.title')}
      back={{ to: `/clients/${clientId}`, label: t('assessments.backToClient') }}
      lead={
        client.data ? t('assessments.consent.lead', { name, reference: client.data.reference }) : undefined
      }
    >
      {client.isError ? <QueryError error={client.error} onRetry={() => void client.refetch()} /> : null}
      {notice.isError ? <QueryError error={notice.error} onRetry={() => void notice.refetch()} /> : null}
      {notice.isPending || client.isPending ? <Loading /> : null}
      {inProgress ? (
        <PageAlert kind="informational" heading={t('assessments.consent.resumeHeading')}>
          <p>{t('assessments.consent.resumeBody', { reference: inProgress.reference })}</p>
        </PageAlert>
      ) : null}
      {notice.data && client.data ? (
        <>
          <section className="section" aria-labelledby="notice-heading">
            <h2 id="notice-heading">{t('assessments.consent.noticeHeading')}</h2>
            <p>{t('assessments.consent.readVerbatim')}</p>
            <BilingualNotice notice={notice.data} />
          </section>
          <ErrorSummary form={form} labels={labels} />
          <form className="form" onSubmit={submit} noValidate>
            <RadioGroup
              id="channel"
              label={labels.channel}
              hint={t('assessments.consent.channelHint')}
              options={CONSENT_CHANNELS.map((c) => ({ value: c, label: t(`consentChannels.${c}`) }))}
              value={channel}
              onChange={(v) => setChannel(v as ConsentChannel)}
              error={form.field('channel') ?? form.field('consent.channel')}
              required
            />
            <p>{t('assessments.consent.askClient')}</p>
            <div className="actions">
              <button
                type="submit"
                className="ontario-button ontario-button--primary"
                data-testid="consent-given"
                aria-disabled={record.isPending ? true : undefined}
              >
                {t('assessments.consent.agrees')}
              </button>
              <button
                type="button"
                className="ontario-button ontario-button--secondary"
                data-testid="consent-refused-button"
                aria-disabled={record.isPending ? true : undefined}
                onClick={() => send(false)}
              >
                {t('assessments.consent.refuses')}
              </button>
            </div>
          </form>
        </>
      ) : null}
    </Page>
  );
}
