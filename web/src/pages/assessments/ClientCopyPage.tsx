import { useTranslation } from 'react-i18next';
import { useParams } from 'react-router-dom';
import { isApiError } from '../../api.js';
import { Loading, Page } from '../../components/Page.js';
import { QueryError } from '../../components/QueryError.js';
import { useFormatters } from '../../format.js';
import { NotFoundPage } from '../NotFoundPage.js';
import { NoticeText } from './ConsentPage.js';
import { useClientCopy } from './data.js';
import { inLocale } from './logic.js';

/**
 * The client's own copy (C3 a written notice on request, C9 their answers), printable. It carries
 * only what the API sends for the client: never the stream, the score, its factors or the service
 * level indicators (C8).
 */
export function ClientCopyPage() {
  const { t } = useTranslation();
  const fmt = useFormatters();
  const { assessmentId } = useParams();
  const copy = useClientCopy(assessmentId);
  if (copy.isError && isApiError(copy.error) && copy.error.status === 404) return <NotFoundPage />;
  const locale = fmt.locale;
  return (
    <Page
      title={
        copy.data
          ? t('assessments.clientCopy.title', { reference: copy.data.reference })
          : t('assessments.titleLoading')
      }
      back={
        assessmentId
          ? { to: `/assessments/${assessmentId}/summary`, label: t('assessments.clientCopy.back') }
          : undefined
      }
    >
      {copy.isPending ? <Loading /> : null}
      {copy.isError ? <QueryError error={copy.error} onRetry={() => void copy.refetch()} /> : null}
      {copy.data ? (
        <div className="client-copy" data-testid="client-copy">
          <p className="no-print actions">
            <button
              type="button"
              className="ontario-button ontario-button--secondary"
              onClick={() => window.print()}
            >
              {t('assessments.clientCopy.print')}
            </button>
          </p>
          <dl className="details">
            <dt>{t('assessments.clientCopy.name')}</dt>
            <dd>{copy.data.clientName}</dd>
            <dt>{t('assessments.fields.reference')}</dt>
            <dd>{copy.data.reference}</dd>
            <dt>{t('assessments.clientCopy.preparedOn')}</dt>
            <dd>{fmt.date(copy.data.preparedOn)}</dd>
          </dl>
          <section className="section" aria-labelledby="copy-notice-heading">
            <h2 id="copy-notice-heading">{t('assessments.consent.noticeHeading')}</h2>
            <NoticeText notice={{ ...copy.data.notice, publishedOn: '' }} lang={locale} />
          </section>
          {copy.data.sections.map((s) => (
            <section key={s.id} className="section" aria-labelledby={`copy-${s.id}`}>
              <h2 id={`copy-${s.id}`}>{inLocale(locale, s.en, s.fr)}</h2>
              {s.answers.length ? (
                <dl className="summary-list">
                  {s.answers.map((a, i) => (
                    <div className="summary-list__row" key={i}>
                      <dt>{inLocale(locale, a.questionEn, a.questionFr)}</dt>
                      <dd>{inLocale(locale, a.answerEn, a.answerFr)}</dd>
                    </div>
                  ))}
                </dl>
              ) : (
                <p>{t('assessments.clientCopy.noAnswers')}</p>
              )}
            </section>
          ))}
          <p className="tag--muted">{t('assessments.clientCopy.footer')}</p>
        </div>
      ) : null}
    </Page>
  );
}
