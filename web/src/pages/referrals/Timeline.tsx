import type { TFunction } from 'i18next';
import { useTranslation } from 'react-i18next';
import { useFormatters } from '../../format.js';
import type { TimelineEvent } from '../../types.js';

const text = (value: unknown) => (typeof value === 'string' ? value : '');

/** What an event's detail adds, in the interface language; ids are never shown. */
function eventDetail(
  event: TimelineEvent,
  t: TFunction,
  organizationName: (id: string) => string | null,
): string | null {
  const d = event.detail;
  switch (event.kind) {
    case 'created':
      return t(`referralSources.${text(d.source)}`, { defaultValue: text(d.source) });
    case 'assigned': {
      const name = organizationName(text(d.organizationId));
      const parts = [name ?? ''];
      if (typeof d.rank === 'number') parts.push(t('referrals.timelineDetail.rank', { rank: d.rank }));
      if (d.override === true) parts.push(t('referrals.timelineDetail.override'));
      if (d.rule === 'P3') parts.push(t('referrals.timelineDetail.walkIn'));
      return parts.filter(Boolean).join(' · ');
    }
    case 'contact_attempt':
      return `${t(`contactMethods.${text(d.method)}`, { defaultValue: text(d.method) })} · ${t(
        `contactResults.${text(d.result)}`,
        { defaultValue: text(d.result) },
      )}`;
    case 'appointment_offered':
      return [
        t(`appointmentModes.${text(d.mode)}`, { defaultValue: text(d.mode) }),
        d.saCaseworkerInvited === true ? t('referrals.timelineDetail.saInvited') : '',
      ]
        .filter(Boolean)
        .join(' · ');
    case 'returned':
      return t(`returnReasons.${text(d.reason)}`, { defaultValue: text(d.reason) });
    case 'ssm_decision':
      return t(`ssmDecisions.${text(d.decision)}`, { defaultValue: text(d.decision) });
    case 'closed':
      return t(`closeReasons.${text(d.reason)}`, { defaultValue: text(d.reason) });
    case 'screened':
      return t(`screeningOutcomes.${text(d.outcome)}`, { defaultValue: text(d.outcome) });
    default:
      return null;
  }
}

/** The referral's full history, oldest first: who did what, when, from which organization. */
export function Timeline({
  events,
  organizationName,
}: {
  events: TimelineEvent[];
  organizationName: (id: string) => string | null;
}) {
  const { t } = useTranslation();
  const fmt = useFormatters();
  return (
    <section className="section" aria-labelledby="timeline-heading">
      <h2 id="timeline-heading">{t('referrals.timelineTitle')}</h2>
      {events.length === 0 ? <p>{t('referrals.timelineEmpty')}</p> : null}
      <ol className="timeline" data-testid="referral-timeline">
        {events.map((e, i) => {
          const detail = eventDetail(e, t, organizationName);
          return (
            <li key={`${e.at}-${i}`} data-testid="timeline-event" data-kind={e.kind}>
              <p className="timeline__when">
                <time dateTime={e.at}>{fmt.dateTime(e.at)}</time>
              </p>
              <p className="timeline__what">
                <strong>{t(`referrals.timeline.${e.kind}`, { defaultValue: e.kind })}</strong>
                {detail ? ` — ${detail}` : null}
              </p>
              <p className="timeline__who tag--muted">
                {[e.actorName ?? t('referrals.timelineDetail.system'), e.actorOrganizationName]
                  .filter(Boolean)
                  .join(', ')}
              </p>
            </li>
          );
        })}
      </ol>
    </section>
  );
}
