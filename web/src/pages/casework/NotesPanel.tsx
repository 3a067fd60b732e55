import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { ErrorSummary } from '../../components/ErrorSummary.js';
import { Loading } from '../../components/Page.js';
import { Checkbox, RadioGroup, SelectField, SubmitButton, TextAreaField } from '../../components/fields.js';
import { useFormatters } from '../../format.js';
import { collect, isBlank, useFormErrors } from '../../forms.js';
import { useCan, useSession } from '../../session.js';
import { useAddNote, useNoteTemplates, useNotes } from './data.js';
import { LoadError, SavedStatus, type PanelPlan, type PanelProps } from './shared.js';
import {
  CONTACT_CHANNELS,
  NOTE_VISIBILITIES,
  type CaseNote,
  type ContactChannel,
  type NoteTemplate,
  type NoteVisibility,
} from './types.js';

/**
 * The client's notes. I2: provider staff see internal and shared notes; the SA caseworker sees only
 * the shared ones (the API leaves internal notes out) and writes nothing here — SA records in SAMS
 * and talks to the provider in case conferences.
 */
export function NotesPanel({ clientId, plan }: PanelProps) {
  const { t } = useTranslation();
  const can = useCan();
  const me = useSession();
  const notes = useNotes(clientId, can('case_note.read'));
  return (
    <section className="section" aria-labelledby="casework-notes-heading" data-testid="notes-panel">
      <h2 id="casework-notes-heading">{t('casework.notes.title')}</h2>
      {can('case_note.write') ? (
        <NoteForm clientId={clientId} plan={plan} />
      ) : (
        <p className="tag--muted">
          {me.organization.kind === 'sa_office'
            ? t('casework.notes.readOnly')
            : t('casework.notes.readOnlyStaff')}
        </p>
      )}
      <h3>{t('casework.notes.listTitle')}</h3>
      {notes.isPending && can('case_note.read') ? <Loading /> : null}
      {notes.isError ? <LoadError error={notes.error} onRetry={() => void notes.refetch()} /> : null}
      {notes.data ? <NoteList notes={notes.data.notes} /> : null}
    </section>
  );
}

function NoteList({ notes }: { notes: CaseNote[] }) {
  const { t } = useTranslation();
  const fmt = useFormatters();
  if (notes.length === 0) return <p data-testid="notes-empty">{t('casework.notes.empty')}</p>;
  const newestFirst = [...notes].sort((a, b) => b.at.localeCompare(a.at));
  return (
    <ol className="timeline" data-testid="notes-list">
      {newestFirst.map((n) => (
        <li key={n.id} data-testid="note" data-visibility={n.visibility}>
          <p className="timeline__when">
            {fmt.dateTime(n.at)} · {n.author.name} ({n.author.organizationName})
          </p>
          <p>
            {n.visibility === 'internal' ? (
              <span className="tag tag--warning">{t('casework.notes.internalTag')}</span>
            ) : (
              <>
                <span className="tag tag--ok">{t('casework.notes.sharedTag')}</span>{' '}
                {n.planItemName ? t('casework.notes.onItem', { item: n.planItemName }) : null}
              </>
            )}
            {n.contactChannel ? (
              <>
                {' '}
                <span className="tag tag--muted">
                  {t('casework.notes.contactBy', {
                    channel: t(`casework.contactChannels.${n.contactChannel}`),
                  })}
                </span>
              </>
            ) : null}
          </p>
          <p className="pre-wrap">{n.body}</p>
        </li>
      ))}
    </ol>
  );
}

const templateTitle = (tpl: NoteTemplate, locale: string) =>
  locale === 'fr' ? tpl.titleFr || tpl.titleEn : tpl.titleEn || tpl.titleFr;
const templateBody = (tpl: NoteTemplate, locale: string) =>
  locale === 'fr' ? tpl.bodyFr || tpl.bodyEn : tpl.bodyEn || tpl.bodyFr;

type NoteField = 'templateId' | 'visibility' | 'planItemId' | 'contactChannel' | 'body';

function NoteForm({ clientId, plan }: { clientId: string; plan: PanelPlan | null }) {
  const { t, i18n } = useTranslation();
  const form = useFormErrors();
  const templates = useNoteTemplates();
  const [templateId, setTemplateId] = useState('');
  const [visibility, setVisibility] = useState<NoteVisibility>('internal');
  const [planItemId, setPlanItemId] = useState('');
  const [isContact, setIsContact] = useState(false);
  const [contactChannel, setContactChannel] = useState<ContactChannel | ''>('');
  const [body, setBody] = useState('');
  const [saved, setSaved] = useState<string | null>(null);
  const items = plan?.items ?? [];

  const add = useAddNote(clientId, {
    onSuccess: () => {
      setTemplateId('');
      setBody('');
      setIsContact(false);
      setContactChannel('');
      setSaved(t('casework.notes.added'));
    },
    onError: form.fromError,
  });

  const chooseTemplate = (id: string) => {
    setTemplateId(id);
    const tpl = templates.data?.templates.find((x) => x.id === id);
    if (!tpl) return;
    // The template's wording in the language the caseworker works in, and the visibility it is for.
    setBody(templateBody(tpl, i18n.language));
    setVisibility(tpl.visibility);
  };

  const labels: Record<NoteField, string> = {
    templateId: t('casework.notes.fields.template'),
    visibility: t('casework.notes.fields.visibility'),
    planItemId: t('casework.notes.fields.planItem'),
    contactChannel: t('casework.notes.fields.contactChannel'),
    body: t('casework.notes.fields.body'),
  };

  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (add.isPending) return;
    setSaved(null);
    const shared = visibility === 'shared_with_sa';
    const ok = form.check(
      collect([
        // I2: a note shared with SA always hangs on an item of the plan.
        ['planItemId', shared && !planItemId && t('casework.notes.errors.planItem')],
        ['contactChannel', isContact && !contactChannel && t('casework.notes.errors.contactChannel')],
        ['body', isBlank(body) && t('casework.notes.errors.body')],
      ]),
    );
    if (!ok) return;
    form.clear();
    add.mutate({
      visibility,
      body: body.trim(),
      ...(shared && planItemId ? { planItemId } : {}),
      ...(templateId ? { templateId } : {}),
      ...(isContact && contactChannel ? { contactChannel } : {}),
    });
  };

  const activeTemplates = (templates.data?.templates ?? []).filter((x) => x.active);
  return (
    <div className="form-section">
      <h3 id="note-form-heading">{t('casework.notes.addTitle')}</h3>
      <ErrorSummary form={form} labels={labels} idFor={(f) => `note-${f}`} />
      <form className="form" noValidate onSubmit={submit} aria-labelledby="note-form-heading">
        {templates.isError ? <LoadError error={templates.error} /> : null}
        <SelectField
          id="note-templateId"
          label={labels.templateId}
          hint={t('casework.notes.hints.template')}
          options={activeTemplates.map((x) => ({ value: x.id, label: templateTitle(x, i18n.language) }))}
          placeholder={t('casework.notes.noTemplate')}
          value={templateId}
          onChange={chooseTemplate}
          optional
        />
        <RadioGroup
          id="note-visibility"
          label={labels.visibility}
          hint={t('casework.notes.hints.visibility')}
          options={NOTE_VISIBILITIES.map((v) => ({ value: v, label: t(`casework.visibilities.${v}`) }))}
          value={visibility}
          onChange={(v) => setVisibility(v as NoteVisibility)}
          error={form.field('visibility')}
        />
        {visibility === 'shared_with_sa' ? (
          items.length ? (
            <SelectField
              id="note-planItemId"
              label={labels.planItemId}
              hint={t('casework.notes.hints.planItem')}
              options={items.map((i) => ({ value: i.id, label: i.name }))}
              placeholder={t('common.choose')}
              value={planItemId}
              onChange={setPlanItemId}
              error={form.field('planItemId')}
              required
            />
          ) : (
            <p className="notice-text" id="note-planItemId" tabIndex={-1} data-testid="note-no-items">
              {t('casework.notes.noItems')}
            </p>
          )
        ) : null}
        <Checkbox
          id="note-isContact"
          label={t('casework.notes.fields.isContact')}
          checked={isContact}
          onChange={setIsContact}
        />
        {isContact ? (
          <SelectField
            id="note-contactChannel"
            label={labels.contactChannel}
            options={CONTACT_CHANNELS.map((c) => ({ value: c, label: t(`casework.contactChannels.${c}`) }))}
            placeholder={t('common.choose')}
            value={contactChannel}
            onChange={(v) => setContactChannel(v as ContactChannel | '')}
            error={form.field('contactChannel')}
            required
          />
        ) : null}
        <TextAreaField
          id="note-body"
          label={labels.body}
          value={body}
          onChange={setBody}
          error={form.field('body')}
          rows={5}
          maxLength={8000}
          required
        />
        <SubmitButton pending={add.isPending} testId="note-submit">
          {t('casework.notes.submit')}
        </SubmitButton>
        <SavedStatus message={saved} />
      </form>
    </div>
  );
}
