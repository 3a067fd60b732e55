import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useLocation } from 'react-router-dom';
import { PageAlert } from '../../components/Alert.js';
import { ErrorSummary } from '../../components/ErrorSummary.js';
import { RadioGroup, SubmitButton } from '../../components/fields.js';
import { useFormatters } from '../../format.js';
import { collect, useFormErrors } from '../../forms.js';
import {
  CONSENT_CHANNELS,
  type AssessmentDetail,
  type ConsentChannel,
  type QuestionBank,
} from '../../types.js';
import { BilingualNotice } from './ConsentPage.js';
import { useAssessmentStep, useConsentNotice } from './data.js';
import { tasksOf } from './logic.js';
import { AssessmentPage, TaskStatusTag } from './shared.js';

/**
 * One assessment as a task list (C3–C8): what is done, what is next, and what cannot start yet.
 * Only what the API's `actions` allows is a link.
 */
export function TaskListPage() {
  const { t } = useTranslation();
  const location = useLocation();
  const flash =
    (location.state as { started?: boolean; submitted?: boolean; referred?: boolean } | null) ?? {};
  return (
    <AssessmentPage
      title={(d) =>
        d ? t('assessments.tasks.title', { reference: d.reference }) : t('assessments.titleLoading')
      }
      back={(d) => ({ to: `/clients/${d.client.id}`, label: t('assessments.backToClient') })}
      needsBank
    >
      {(detail, bank) => (
        <>
          {flash.started ? <PageAlert kind="success" heading={t('assessments.tasks.started')} live /> : null}
          <Status detail={detail} />
          {detail.actions.includes('confirm_consent') && detail.consent.needsReconfirmation ? (
            <ReconfirmPanel detail={detail} />
          ) : null}
          {bank ? <TaskList detail={detail} bank={bank} /> : null}
        </>
      )}
    </AssessmentPage>
  );
}

function Status({ detail }: { detail: AssessmentDetail }) {
  const { t, i18n } = useTranslation();
  const fmt = useFormatters();
  const reading = detail.consent.lastReading;
  return (
    <>
      {detail.cancellation ? (
        <PageAlert kind="warning" heading={t('assessments.cancelledHeading')}>
          <p>
            {t(`cancelReasons.${detail.cancellation.reason}`)} · {fmt.dateTime(detail.cancellation.at)}
          </p>
          {detail.cancellation.note ? <p className="pre-wrap">{detail.cancellation.note}</p> : null}
        </PageAlert>
      ) : null}
      {detail.closedInError ? (
        <PageAlert kind="warning" heading={t('assessments.closedInErrorHeading')}>
          <p className="pre-wrap">{detail.closedInError.reason}</p>
        </PageAlert>
      ) : null}
      {reading ? (
        <p data-testid="consent-reading">
          {t('assessments.tasks.consentRecorded', {
            when: fmt.dateTime(reading.at),
            channel: t(`consentChannels.${reading.channel}`).toLocaleLowerCase(
              i18n.language === 'fr' ? 'fr-CA' : 'en-CA',
            ),
            who: reading.byName ?? '—',
            organization: reading.organizationName ?? '—',
          })}
          {detail.consent.carriedOver ? ` ${t('assessments.tasks.consentCarriedOver')}` : ''}
        </p>
      ) : null}
    </>
  );
}

/** C9: a CA resumed on a later day has the notice read again before any answer changes. */
function ReconfirmPanel({ detail }: { detail: AssessmentDetail }) {
  const { t } = useTranslation();
  const notice = useConsentNotice();
  const form = useFormErrors();
  const [channel, setChannel] = useState<ConsentChannel | ''>('');
  const confirm = useAssessmentStep<{ channel: ConsentChannel; noticeVersion: string }>(
    detail.id,
    '/consent-readings',
    {
      onError: form.fromError,
    },
  );
  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (confirm.isPending || !notice.data) return;
    if (!form.check(collect([['channel', !channel && t('assessments.consent.errors.channel')]]))) return;
    form.clear();
    confirm.mutate({ channel: channel as ConsentChannel, noticeVersion: notice.data.version });
  };
  return (
    <section className="section panel" aria-labelledby="reconfirm-heading" data-testid="reconfirm-panel">
      <h2 id="reconfirm-heading">{t('assessments.reconfirm.title')}</h2>
      <p>
        {detail.consent.carriedOver
          ? t('assessments.reconfirm.carriedOver')
          : t('assessments.reconfirm.body')}
      </p>
      {notice.data ? <BilingualNotice notice={notice.data} /> : null}
      <ErrorSummary
        form={form}
        labels={{ channel: t('assessments.consent.channel') }}
        idFor={(f) => `reconfirm-${f}`}
      />
      <form className="form" onSubmit={submit} noValidate>
        <RadioGroup
          id="reconfirm-channel"
          label={t('assessments.consent.channel')}
          options={CONSENT_CHANNELS.map((c) => ({ value: c, label: t(`consentChannels.${c}`) }))}
          value={channel}
          onChange={(v) => setChannel(v as ConsentChannel)}
          error={form.field('channel')}
          inline
          required
        />
        <SubmitButton pending={confirm.isPending} testId="reconfirm-submit">
          {t('assessments.reconfirm.submit')}
        </SubmitButton>
      </form>
    </section>
  );
}

function TaskList({ detail, bank }: { detail: AssessmentDetail; bank: QuestionBank }) {
  const { t, i18n } = useTranslation();
  const groups = tasksOf(detail, bank, i18n.language, t);
  return (
    <div data-testid="task-list">
      {groups.map((group) => (
        <section key={group.id} className="section" aria-labelledby={`tasks-${group.id}`}>
          <h2 id={`tasks-${group.id}`}>{group.title}</h2>
          <ul className="task-list">
            {group.tasks.map((task) => {
              const statusId = `task-${task.id}-status`;
              return (
                <li
                  key={task.id}
                  className="task-list__item"
                  data-testid={`task-${task.id}`}
                  data-status={task.status}
                >
                  <span className="task-list__name">
                    {task.to ? (
                      <Link to={task.to} aria-describedby={statusId} data-testid={`task-link-${task.id}`}>
                        {task.label}
                      </Link>
                    ) : (
                      task.label
                    )}
                  </span>
                  <TaskStatusTag status={task.status} id={statusId} />
                </li>
              );
            })}
          </ul>
        </section>
      ))}
    </div>
  );
}
