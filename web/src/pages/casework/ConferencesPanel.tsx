import { useEffect, useRef, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { ErrorSummary } from '../../components/ErrorSummary.js';
import { QueryStatus } from '../../components/QueryStatus.js';
import {
  Checkbox,
  RadioGroup,
  SelectField,
  SubmitButton,
  TextAreaField,
  TextField,
} from '../../components/fields.js';
import { useFormatters } from '../../format.js';
import { collect, isBlank, useFormErrors } from '../../forms.js';
import { useCan } from '../../session.js';
import {
  useClientConferences,
  useConferenceMessage,
  useRequestConference,
  useWithdrawConference,
} from './data.js';
import {
  ActionError,
  ConferenceStatusTag,
  isOpenConference,
  LoadError,
  SavedStatus,
  type PanelProps,
} from './shared.js';
import { CONFERENCE_CHANNELS, type Conference, type ConferenceChannel } from './types.js';

/**
 * I4: case conferences on this client between the provider, the SA office and the SSM — requested by
 * any party, answered in a thread, closed by a decision. A conference with no answer from another
 * party within 2 business days is flagged stalled so the SSM can step in.
 */
export function ConferencesPanel({ clientId }: PanelProps) {
  const { t } = useTranslation();
  const can = useCan();
  const conferences = useClientConferences(clientId);
  const list = [...(conferences.data?.conferences ?? [])].sort(
    (a, b) =>
      Number(isOpenConference(b.status)) - Number(isOpenConference(a.status)) ||
      b.requestedAt.localeCompare(a.requestedAt),
  );
  return (
    <section
      className="section"
      aria-labelledby="casework-conferences-heading"
      data-testid="conferences-panel"
    >
      <h2 id="casework-conferences-heading">{t('casework.conferences.title')}</h2>
      <p>{t('casework.conferences.intro')}</p>
      {can('conference.take_part') ? <RequestConference clientId={clientId} /> : null}
      <QueryStatus query={conferences} failure={LoadError} />
      {conferences.data && list.length === 0 ? (
        <p data-testid="conferences-empty">{t('casework.conferences.empty')}</p>
      ) : null}
      {list.map((c) => (
        <ConferenceCard key={c.id} conference={c} />
      ))}
    </section>
  );
}

/** One conference: who asked, who takes part, how fast the others answered (K5), the thread. */
export function ConferenceCard({ conference: c }: { conference: Conference }) {
  const { t } = useTranslation();
  const fmt = useFormatters();
  const can = useCan();
  const open = isOpenConference(c.status);
  const headingId = `conference-${c.id}-topic`;
  return (
    <article
      className="panel section"
      aria-labelledby={headingId}
      data-testid="conference"
      data-status={c.status}
    >
      <h3 id={headingId}>{c.topic}</h3>
      <p>
        <ConferenceStatusTag status={c.status} stalled={c.stalled} />
      </p>
      <dl className="details">
        <dt>{t('casework.conferences.fields.requested')}</dt>
        <dd>
          {t('casework.conferences.requestedBy', {
            name: c.requestedBy.name,
            organization: c.requestedBy.organizationName,
            side: t(`casework.sides.${c.requestedBy.side}`),
            at: fmt.dateTime(c.requestedAt),
          })}
        </dd>
        <dt>{t('casework.conferences.fields.channel')}</dt>
        <dd>{t(`casework.conferenceChannels.${c.channel}`)}</dd>
        <dt>{t('casework.conferences.fields.includeClient')}</dt>
        <dd>{c.includeClient ? t('common.yes') : t('common.no')}</dd>
        <dt>{t('casework.conferences.fields.participants')}</dt>
        <dd>
          <ul>
            {c.participants.map((p, i) => (
              <li key={`${p.organizationName}-${i}`}>
                {p.userName ? `${p.userName}, ` : ''}
                {p.organizationName} ({t(`casework.sides.${p.side}`)})
              </li>
            ))}
          </ul>
        </dd>
        <dt>{t('casework.conferences.fields.response')}</dt>
        <dd data-testid="conference-response">
          {c.firstResponseAt
            ? t('casework.conferences.answeredAfter', {
                at: fmt.dateTime(c.firstResponseAt),
                count: c.responseBusinessDays ?? 0,
              })
            : t('casework.conferences.noAnswer', { date: fmt.date(c.responseDueOn) })}
        </dd>
        {c.decidedAt ? (
          <>
            <dt>{t('casework.conferences.fields.decided')}</dt>
            <dd>{fmt.dateTime(c.decidedAt)}</dd>
          </>
        ) : null}
      </dl>
      <h4>{t('casework.conferences.thread')}</h4>
      <ol className="timeline" data-testid="conference-thread">
        {c.messages.map((m) => (
          <li key={m.id} data-testid="conference-message" data-kind={m.kind}>
            <p className="timeline__when">
              {fmt.dateTime(m.at)} · {m.author.name} ({m.author.organizationName},{' '}
              {t(`casework.sides.${m.author.side}`)}) · {t(`casework.conferenceChannels.${m.channel}`)}
            </p>
            <p>
              <span className={`tag ${m.kind === 'decision' ? 'tag--ok' : 'tag--muted'}`}>
                {t(`casework.messageKinds.${m.kind}`)}
              </span>
            </p>
            <p className="pre-wrap">{m.body}</p>
          </li>
        ))}
      </ol>
      {open && can('conference.take_part') ? <ReplyForm conference={c} withdraw={c.canWithdraw} /> : null}
    </article>
  );
}

function ReplyForm({ conference, withdraw }: { conference: Conference; withdraw: boolean }) {
  const { t } = useTranslation();
  const form = useFormErrors();
  const prefix = `conference-${conference.id}`;
  const [kind, setKind] = useState<'reply' | 'decision'>('reply');
  const [channel, setChannel] = useState<ConferenceChannel>(conference.channel);
  const [body, setBody] = useState('');
  const [saved, setSaved] = useState<string | null>(null);
  const [withdrawError, setWithdrawError] = useState<unknown>(null);
  const send = useConferenceMessage(conference.id, {
    onSuccess: () => {
      setBody('');
      setKind('reply');
      setSaved(t('casework.conferences.sent'));
    },
    onError: form.fromError,
  });
  const withdrawal = useWithdrawConference(conference.id, { onError: setWithdrawError });
  const labels = {
    kind: t('casework.conferences.fields.kind'),
    channel: t('casework.conferences.fields.channel'),
    body: t('casework.conferences.fields.message'),
  };
  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (send.isPending) return;
    setSaved(null);
    if (!form.check(collect([['body', isBlank(body) && t('casework.conferences.errors.body')]]))) return;
    form.clear();
    send.mutate({ kind, channel, body: body.trim() });
  };
  const formHeading = `${prefix}-reply-heading`;
  return (
    <div className="form-section">
      <h4 id={formHeading}>{t('casework.conferences.replyTitle')}</h4>
      <ErrorSummary form={form} labels={labels} idFor={(f) => `${prefix}-${f}`} />
      <form className="form" noValidate onSubmit={submit} aria-labelledby={formHeading}>
        <RadioGroup
          id={`${prefix}-kind`}
          label={labels.kind}
          hint={t('casework.conferences.hints.kind')}
          options={(['reply', 'decision'] as const).map((k) => ({
            value: k,
            label: t(`casework.messageKinds.${k}`),
          }))}
          value={kind}
          onChange={(v) => setKind(v as 'reply' | 'decision')}
          inline
        />
        <SelectField
          id={`${prefix}-channel`}
          label={labels.channel}
          options={CONFERENCE_CHANNELS.map((c) => ({
            value: c,
            label: t(`casework.conferenceChannels.${c}`),
          }))}
          value={channel}
          onChange={(v) => setChannel(v as ConferenceChannel)}
          error={form.field('channel')}
        />
        <TextAreaField
          id={`${prefix}-body`}
          label={labels.body}
          value={body}
          onChange={setBody}
          error={form.field('body')}
          maxLength={8000}
          required
        />
        <div className="actions">
          <SubmitButton pending={send.isPending} testId="conference-send">
            {kind === 'decision'
              ? t('casework.conferences.recordDecision')
              : t('casework.conferences.sendReply')}
          </SubmitButton>
          {withdraw ? (
            <button
              type="button"
              className="ontario-button ontario-button--tertiary"
              data-testid="conference-withdraw"
              onClick={() => {
                if (!withdrawal.isPending) withdrawal.mutate(undefined);
              }}
            >
              {t('casework.conferences.withdraw')}
            </button>
          ) : null}
        </div>
        <SavedStatus message={saved} />
      </form>
      <ActionError error={withdrawError} />
    </div>
  );
}

function RequestConference({ clientId }: { clientId: string }) {
  const { t } = useTranslation();
  const form = useFormErrors();
  const [opened, setOpened] = useState(false);
  const heading = useRef<HTMLHeadingElement>(null);
  const firstRender = useRef(true);
  useEffect(() => {
    // The button that opened the form is gone: take keyboard focus to what replaced it.
    if (firstRender.current) {
      firstRender.current = false;
      return;
    }
    if (opened) heading.current?.focus();
  }, [opened]);
  const [topic, setTopic] = useState('');
  const [channel, setChannel] = useState<ConferenceChannel | ''>('');
  const [includeClient, setIncludeClient] = useState(false);
  const [body, setBody] = useState('');
  const [saved, setSaved] = useState<string | null>(null);
  const request = useRequestConference(clientId, {
    onSuccess: () => {
      setTopic('');
      setChannel('');
      setIncludeClient(false);
      setBody('');
      setOpened(false);
      setSaved(t('casework.conferences.requested'));
    },
    onError: form.fromError,
  });
  const labels = {
    topic: t('casework.conferences.fields.topic'),
    channel: t('casework.conferences.fields.channel'),
    includeClient: t('casework.conferences.fields.includeClient'),
    body: t('casework.conferences.fields.message'),
  };
  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (request.isPending) return;
    const ok = form.check(
      collect([
        ['topic', isBlank(topic) && t('casework.conferences.errors.topic')],
        ['channel', !channel && t('casework.conferences.errors.channel')],
        ['body', isBlank(body) && t('casework.conferences.errors.body')],
      ]),
    );
    if (!ok || !channel) return;
    form.clear();
    request.mutate({ topic: topic.trim(), channel, includeClient, body: body.trim() });
  };
  return (
    <div className="form-section">
      <SavedStatus message={saved} />
      {!opened ? (
        <button
          type="button"
          className="ontario-button ontario-button--secondary"
          data-testid="conference-request-open"
          onClick={() => {
            setSaved(null);
            setOpened(true);
          }}
        >
          {t('casework.conferences.request')}
        </button>
      ) : (
        <>
          <h3 id="conference-request-heading" ref={heading} tabIndex={-1}>
            {t('casework.conferences.request')}
          </h3>
          <ErrorSummary form={form} labels={labels} idFor={(f) => `conference-request-${f}`} />
          <form
            id="conference-request-form"
            className="form"
            noValidate
            onSubmit={submit}
            aria-labelledby="conference-request-heading"
          >
            <TextField
              id="conference-request-topic"
              label={labels.topic}
              value={topic}
              onChange={setTopic}
              error={form.field('topic')}
              required
            />
            <SelectField
              id="conference-request-channel"
              label={labels.channel}
              options={CONFERENCE_CHANNELS.map((c) => ({
                value: c,
                label: t(`casework.conferenceChannels.${c}`),
              }))}
              placeholder={t('common.choose')}
              value={channel}
              onChange={(v) => setChannel(v as ConferenceChannel | '')}
              error={form.field('channel')}
              required
            />
            <Checkbox
              id="conference-request-includeClient"
              label={labels.includeClient}
              hint={t('casework.conferences.hints.includeClient')}
              checked={includeClient}
              onChange={setIncludeClient}
            />
            <TextAreaField
              id="conference-request-body"
              label={labels.body}
              hint={t('casework.conferences.hints.message')}
              value={body}
              onChange={setBody}
              error={form.field('body')}
              maxLength={8000}
              required
            />
            <div className="actions">
              <SubmitButton pending={request.isPending} testId="conference-request-submit">
                {t('casework.conferences.requestSubmit')}
              </SubmitButton>
              <button
                type="button"
                className="ontario-button ontario-button--tertiary"
                onClick={() => {
                  form.clear();
                  setOpened(false);
                }}
              >
                {t('common.cancel')}
              </button>
            </div>
          </form>
        </>
      )}
    </div>
  );
}
