import { useEffect, useId, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import { PageAlert } from '../../components/Alert.js';
import { torontoDate } from '../../../../src/domain/calendar/iso-date.js';
import { problemMessage, problemToFormErrors } from '../../forms.js';
import type { ConferenceStatus, PlanPhase, TaskDue } from './types.js';

/** The plan the workspace shows, as much of it as the panels need (shared notes hang on its items, I2). */
export interface PanelPlan {
  id: string;
  status: string;
  items: { id: string; name: string }[];
}

export interface PanelProps {
  clientId: string;
  plan: PanelPlan | null;
}

/**
 * A refusal said in full: the rule it cites first (I2, A1 …), then the API's words in the interface
 * language, so a caseworker learns which rule stopped them and not only that something failed.
 */
export function useProblemText(): (error: unknown) => string {
  const { t, i18n } = useTranslation();
  return (error) =>
    problemToFormErrors(error, t, i18n.language).summary ?? problemMessage(error, t, i18n.language);
}

/** A list that could not load: the problem with its rule, and a way to try again. */
export function LoadError({ error, onRetry }: { error: unknown; onRetry?: () => void }) {
  const { t } = useTranslation();
  const text = useProblemText();
  const headingId = useId();
  return (
    <PageAlert kind="error" heading={t('errors.loadFailed')} headingId={headingId}>
      <p>{text(error)}</p>
      {onRetry ? (
        <button type="button" className="ontario-button ontario-button--secondary" onClick={onRetry}>
          {t('common.retry')}
        </button>
      ) : null}
    </PageAlert>
  );
}

/**
 * A refused action outside a form (mark done, mark seen, assign): it takes focus when it appears so a
 * keyboard or screen-reader user learns at once why nothing changed.
 */
export function ActionError({ error, heading }: { error: unknown; heading?: string }) {
  const { t } = useTranslation();
  const text = useProblemText();
  const headingId = useId();
  const ref = useRef<HTMLDivElement>(null);
  useEffect(() => {
    if (error) ref.current?.focus();
  }, [error]);
  if (!error) return null;
  return (
    <PageAlert
      ref={ref}
      kind="error"
      heading={heading ?? t('casework.common.actionFailed')}
      headingId={headingId}
    >
      <p>{text(error)}</p>
    </PageAlert>
  );
}

export function PhaseLabel({ phase }: { phase: PlanPhase }) {
  const { t } = useTranslation();
  return <>{t(`casework.phases.${phase}`)}</>;
}

const DUE_TAG: Record<TaskDue, string> = {
  overdue: 'tag--danger',
  due_today: 'tag--warning',
  upcoming: 'tag--muted',
};

export function DueTag({ due }: { due: TaskDue }) {
  const { t } = useTranslation();
  return (
    <span className={`tag ${DUE_TAG[due]}`} data-testid="task-due" data-due={due}>
      {t(`casework.due.${due}`)}
    </span>
  );
}

const CONFERENCE_TAG: Record<ConferenceStatus, string> = {
  requested: 'tag--warning',
  in_discussion: 'tag--warning',
  decided: 'tag--ok',
  withdrawn: 'tag--muted',
};

export function ConferenceStatusTag({ status, stalled }: { status: ConferenceStatus; stalled: boolean }) {
  const { t } = useTranslation();
  return (
    <>
      <span className={`tag ${CONFERENCE_TAG[status]}`} data-testid="conference-status" data-status={status}>
        {t(`casework.conferenceStatuses.${status}`)}
      </span>
      {stalled ? (
        <>
          {' '}
          <span className="tag tag--danger" data-testid="conference-stalled">
            {t('casework.conferences.stalled')}
          </span>
        </>
      ) : null}
    </>
  );
}

export const isOpenConference = (status: ConferenceStatus) =>
  status === 'requested' || status === 'in_discussion';

/** A live region for "Saved" after a write that leaves the form in place. */
export function SavedStatus({ message }: { message: string | null }) {
  return (
    <p role="status" className={message ? 'notice-text' : undefined}>
      {message ?? ''}
    </p>
  );
}

/** An instant's date in Ontario (YYYY-MM-DD), as the API counts days since contact. */
export const ontarioDateOf = (instant: string) => torontoDate(new Date(instant));
