import { useTranslation } from 'react-i18next';
import { isApiError } from '../../api.js';
import { useFormatters } from '../../format.js';
import { QueryStatus } from '../../components/QueryStatus.js';
import { usePlanHistory } from './data.js';

/** A4: every change to the plan, oldest first, as the append-only history records it. */
export function PlanHistorySection({ planId, headingLevel = 2 }: { planId: string; headingLevel?: 2 | 3 }) {
  const { t } = useTranslation();
  const fmt = useFormatters();
  const history = usePlanHistory(planId);
  const Heading = headingLevel === 2 ? 'h2' : 'h3';
  const headingId = `plan-history-heading-${planId}`;
  // I2: the SA side does not read the provider's history; say nothing rather than an error.
  if (history.isError && isApiError(history.error) && history.error.status === 403) return null;
  return (
    <section className="section" aria-labelledby={headingId} data-testid="plan-history">
      <Heading id={headingId}>{t('plans.history.heading')}</Heading>
      <QueryStatus query={history} />
      {history.data && history.data.events.length === 0 ? <p>{t('plans.history.empty')}</p> : null}
      {history.data?.events.length ? (
        <ol className="timeline">
          {history.data.events.map((e) => (
            <li key={e.id} data-testid="plan-event" data-kind={e.kind}>
              <p className="timeline__when tag--muted">
                {fmt.dateTime(e.at)} · {e.user.name || t('plans.history.system')}
                {e.organizationName ? `, ${e.organizationName}` : ''}
              </p>
              <p>{t(`plans.eventKinds.${e.kind}`, { defaultValue: e.kind })}</p>
            </li>
          ))}
        </ol>
      ) : null}
    </section>
  );
}
