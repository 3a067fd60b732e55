import { useMutation } from '@tanstack/react-query';
import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import { post } from '../api.js';
import { PageAlert } from '../components/Alert.js';
import { OntarioButton, OntarioCallout } from '../components/Ods.js';
import { Loading, Page } from '../components/Page.js';
import { QueryError } from '../components/QueryError.js';
import { useFormatters } from '../format.js';
import type { AuditVerification } from '../types.js';

export function AuditVerifyPage() {
  const { t } = useTranslation();
  const fmt = useFormatters();
  const resultId = useId();
  const verify = useMutation({ mutationFn: () => post<AuditVerification>('/audit/verify') });
  const result = verify.data;

  return (
    <Page title={t('audit.title')} lead={t('audit.lead')}>
      <OntarioCallout headingLevel="h2" heading={t('audit.howTitle')}>
        <p>{t('audit.howBody')}</p>
      </OntarioCallout>
      <div className="actions">
        <OntarioButton
          variant="primary"
          label={t('audit.verify')}
          testId="audit-verify"
          onClick={() => {
            if (!verify.isPending) verify.mutate();
          }}
        />
      </div>
      <div aria-live="polite">
        {verify.isPending ? <Loading label={t('audit.verifying')} /> : null}
        {result && result.ok ? (
          <PageAlert kind="success" heading={t('audit.ok')} headingId={resultId}>
            <p data-testid="audit-result">
              {t('audit.okBody', { count: result.checked, checked: fmt.number(result.checked) })}
            </p>
          </PageAlert>
        ) : null}
        {result && !result.ok ? (
          <PageAlert kind="error" heading={t('audit.broken')} headingId={resultId}>
            <p data-testid="audit-result">
              {t('audit.brokenBody', {
                count: result.checked,
                checked: fmt.number(result.checked),
                seq: result.brokenAt ? fmt.number(result.brokenAt.seq) : '?',
              })}
            </p>
            {result.brokenAt ? (
              <p>
                {t('audit.reason')} <code>{result.brokenAt.reason}</code>
              </p>
            ) : null}
            <p>{t('audit.brokenAdvice')}</p>
          </PageAlert>
        ) : null}
      </div>
      {verify.isError ? <QueryError error={verify.error} /> : null}
    </Page>
  );
}
