import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import { useCan, useSession } from '../../session.js';
import { useConferenceQueue, useMyOpenTasks, useSharedClients } from './data.js';

/**
 * What case management puts in front of someone on arrival: a caseworker's overdue and due-today
 * tasks (J9), the SSM's stalled case conferences (I4), the SA caseworker's unseen changes (I4).
 * Each is one request the matching page reuses from the cache; nothing shows when all is clear.
 */
export function CaseworkAttention() {
  const { t } = useTranslation();
  const can = useCan();
  const me = useSession();
  const works = can('task.work');
  const ssm = me.organization.kind === 'ssm' && can('conference.take_part');
  const sa = me.organization.kind === 'sa_office' && can('plan.read');
  const tasks = useMyOpenTasks(works);
  const stalled = useConferenceQueue('stalled', ssm);
  const shared = useSharedClients(sa);

  const open = tasks.data?.tasks ?? [];
  const items = [
    { key: 'overdueTasks', to: '/caseload?due=overdue', n: open.filter((x) => x.due === 'overdue').length },
    { key: 'dueToday', to: '/caseload?due=this_week', n: open.filter((x) => x.due === 'due_today').length },
    {
      key: 'stalledConferences',
      to: '/case-conferences?status=stalled',
      n: stalled.data?.conferences.length ?? 0,
    },
    {
      key: 'newEvents',
      to: '/shared-clients',
      n: (shared.data?.clients ?? []).reduce((sum, c) => sum + c.newEvents, 0),
    },
  ].filter((i) => i.n > 0);
  if (items.length === 0) return null;
  return (
    <section
      className="section panel"
      aria-labelledby="casework-attention-heading"
      data-testid="casework-attention"
    >
      <h2 id="casework-attention-heading">{t('casework.home.title')}</h2>
      <ul>
        {items.map((i) => (
          <li key={i.key}>
            <Link to={i.to} data-testid={`casework-attention-${i.key}`}>
              {t(`casework.home.${i.key}`, { count: i.n })}
            </Link>
          </li>
        ))}
      </ul>
    </section>
  );
}
