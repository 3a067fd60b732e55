import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import { problemMessage } from '../forms.js';
import { PageAlert } from './Alert.js';

/** A query that failed: what happened, and a way to try again. */
export function QueryError({ error, onRetry }: { error: unknown; onRetry?: () => void }) {
  const { t, i18n } = useTranslation();
  const headingId = useId();
  return (
    <PageAlert kind="error" heading={t('errors.loadFailed')} headingId={headingId}>
      <p>{problemMessage(error, t, i18n.language)}</p>
      {onRetry ? (
        <button type="button" className="ontario-button ontario-button--secondary" onClick={onRetry}>
          {t('common.retry')}
        </button>
      ) : null}
    </PageAlert>
  );
}
