import { useTranslation } from 'react-i18next';
import { useFormatters } from '../format.js';
import type { CompletionClock, FirstContactClock } from '../types.js';

/** P7: where the first contact attempt stands, counted in business days on the catchment calendar. */
export function FirstContactStatus({ clock }: { clock: FirstContactClock | null }) {
  const { t } = useTranslation();
  const fmt = useFormatters();
  if (!clock) return <span className="tag--muted">—</span>;
  const date = fmt.date(clock.dueOn, 'medium');
  const tone =
    clock.state === 'overdue' ? 'tag--danger' : clock.state === 'due_today' ? 'tag--warning' : 'tag--ok';
  return (
    <span className={`tag ${tone}`} data-testid="first-contact-clock" data-state={clock.state}>
      {t(`referrals.clock.firstContact.${clock.state}`, {
        date,
        count: Math.abs(clock.businessDaysLeft),
      })}
    </span>
  );
}

/** P11: the 120 days from the SSM referral to an active plan. */
export function CompletionStatus({ clock }: { clock: CompletionClock | null }) {
  const { t } = useTranslation();
  const fmt = useFormatters();
  if (!clock) return <span className="tag--muted">—</span>;
  const date = fmt.date(clock.deadline, 'medium');
  if (clock.incomplete) {
    return (
      <span className="tag tag--danger" data-testid="completion-clock" data-state="incomplete">
        {t('referrals.clock.completion.incomplete', { date })}
      </span>
    );
  }
  return (
    <span
      className={`tag ${clock.daysLeft <= 14 ? 'tag--warning' : 'tag--muted-box'}`}
      data-testid="completion-clock"
      data-state="running"
    >
      {t('referrals.clock.completion.running', { date, count: clock.daysLeft })}
    </span>
  );
}
