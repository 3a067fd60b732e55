import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useFormatters } from '../../format.js';
import { QueryStatus } from '../../components/QueryStatus.js';
import { useIcmEvents, useMarkIcmSeen } from './data.js';
import { ActionError, LoadError, SavedStatus, type PanelProps } from './shared.js';

/**
 * I4: what changed on the other side of ICM — a new provider or SA caseworker, new contact details —
 * and the plan's milestones SA coordinates on, newest first, with the ones this user has not seen
 * marked "new" until they say they have.
 */
export function IcmEventsPanel({ clientId }: PanelProps) {
  const { t } = useTranslation();
  const fmt = useFormatters();
  const events = useIcmEvents(clientId);
  const [error, setError] = useState<unknown>(null);
  const [saved, setSaved] = useState<string | null>(null);
  const markSeen = useMarkIcmSeen(clientId, {
    onSuccess: () => {
      setError(null);
      setSaved(t('casework.icm.markedSeen'));
    },
    onError: setError,
  });
  const list = [...(events.data?.events ?? [])].sort((a, b) => b.at.localeCompare(a.at));
  const unseen = events.data?.unseen ?? 0;
  return (
    <section className="section" aria-labelledby="casework-icm-heading" data-testid="icm-panel">
      <h2 id="casework-icm-heading">
        {t('casework.icm.title')}{' '}
        {unseen > 0 ? (
          <span className="tag tag--warning" data-testid="icm-unseen">
            {t('casework.icm.unseen', { count: unseen })}
          </span>
        ) : null}
      </h2>
      <p>{t('casework.icm.intro')}</p>
      <QueryStatus query={events} failure={LoadError} />
      {events.data && list.length === 0 ? <p data-testid="icm-empty">{t('casework.icm.empty')}</p> : null}
      {list.length ? (
        <ol className="timeline" data-testid="icm-events">
          {list.map((e) => (
            <li key={e.id} data-testid="icm-event" data-kind={e.kind} data-new={!e.seen}>
              <p className="timeline__when">
                {fmt.dateTime(e.at)} · {e.userName} ({e.organizationName})
              </p>
              <p>
                {!e.seen ? (
                  <>
                    <span className="tag tag--warning">{t('casework.icm.new')}</span>{' '}
                  </>
                ) : null}
                {t(`casework.icmKinds.${e.kind}`)}
              </p>
            </li>
          ))}
        </ol>
      ) : null}
      {unseen > 0 ? (
        <button
          type="button"
          className="ontario-button ontario-button--secondary"
          data-testid="icm-mark-seen"
          onClick={() => {
            setSaved(null);
            if (!markSeen.isPending) markSeen.mutate(undefined);
          }}
        >
          {t('casework.icm.markSeen')}
        </button>
      ) : null}
      <SavedStatus message={saved} />
      <ActionError error={error} />
    </section>
  );
}
