import { useRef, useState, type FormEvent, type RefObject } from 'react';
import { useTranslation } from 'react-i18next';
import { ErrorSummary } from '../../components/ErrorSummary.js';
import { Page } from '../../components/Page.js';
import { QueryStatus } from '../../components/QueryStatus.js';
import { RadioGroup, SubmitButton, TextAreaField, TextField } from '../../components/fields.js';
import { collect, isBlank, useFormErrors } from '../../forms.js';
import { useNoteTemplates, useSaveNoteTemplate } from './data.js';
import { ActionError, LoadError, SavedStatus } from './shared.js';
import {
  NOTE_VISIBILITIES,
  type NoteTemplate,
  type NoteTemplateInput,
  type NoteVisibility,
} from './types.js';

const EMPTY: NoteTemplateInput = { titleEn: '', titleFr: '', bodyEn: '', bodyFr: '', visibility: 'internal' };

/**
 * The SSM's note templates: job aids caseworkers start a note from, in both languages, each for an
 * internal note or a comment shared with SA (I2). Retired templates are deactivated, never deleted,
 * since notes written from them still name them.
 */
export function NoteTemplatesPage() {
  const { t, i18n } = useTranslation();
  const templates = useNoteTemplates(true);
  const [editing, setEditing] = useState<NoteTemplate | null>(null);
  const [saved, setSaved] = useState<string | null>(null);
  const [error, setError] = useState<unknown>(null);
  const formHeading = useRef<HTMLHeadingElement>(null);
  const toggle = useSaveNoteTemplate({
    onSuccess: (tpl) => {
      setError(null);
      setSaved(tpl.active ? t('casework.templates.reactivated') : t('casework.templates.deactivated'));
    },
    onError: setError,
  });
  const list = templates.data?.templates ?? [];
  const title = (tpl: NoteTemplate) => (i18n.language === 'fr' ? tpl.titleFr : tpl.titleEn);
  return (
    <Page title={t('casework.templates.title')} lead={t('casework.templates.lead')}>
      <QueryStatus query={templates} failure={LoadError} />
      <SavedStatus message={saved} />
      <ActionError error={error} />
      {templates.data && list.length === 0 ? <p>{t('casework.templates.empty')}</p> : null}
      {list.length ? (
        <div className="table-wrap">
          <table className="data-table" data-testid="templates-table">
            <caption className="ontario-show-for-sr">{t('casework.templates.title')}</caption>
            <thead>
              <tr>
                <th scope="col">{t('casework.templates.fields.title')}</th>
                <th scope="col">{t('casework.notes.fields.visibility')}</th>
                <th scope="col">{t('common.status')}</th>
                <th scope="col">{t('common.actions')}</th>
              </tr>
            </thead>
            <tbody>
              {list.map((tpl) => (
                <tr key={tpl.id} data-testid="template-row" data-active={tpl.active}>
                  <th scope="row">{title(tpl)}</th>
                  <td>{t(`casework.visibilities.${tpl.visibility}`)}</td>
                  <td>
                    <span className={`tag ${tpl.active ? 'tag--ok' : 'tag--muted'}`}>
                      {tpl.active ? t('common.active') : t('common.inactive')}
                    </span>
                  </td>
                  <td>
                    <div className="inline-actions">
                      <button
                        type="button"
                        className="link-button"
                        aria-label={t('casework.templates.editOf', { title: title(tpl) })}
                        onClick={() => {
                          setSaved(null);
                          setEditing(tpl);
                          // The form is above the fold on a long list: take the keyboard there.
                          setTimeout(() => formHeading.current?.focus(), 0);
                        }}
                      >
                        {t('common.edit')}
                      </button>
                      <button
                        type="button"
                        className="link-button"
                        data-testid="template-toggle"
                        aria-label={
                          tpl.active
                            ? t('casework.templates.deactivateOf', { title: title(tpl) })
                            : t('casework.templates.reactivateOf', { title: title(tpl) })
                        }
                        onClick={() => {
                          setSaved(null);
                          if (!toggle.isPending) toggle.mutate({ id: tpl.id, active: !tpl.active });
                        }}
                      >
                        {tpl.active ? t('casework.templates.deactivate') : t('casework.templates.reactivate')}
                      </button>
                    </div>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      ) : null}
      <TemplateForm
        key={editing?.id ?? 'new'}
        template={editing}
        headingRef={formHeading}
        onDone={(message) => {
          setEditing(null);
          setSaved(message);
        }}
        onCancel={() => setEditing(null)}
      />
    </Page>
  );
}

function TemplateForm({
  template,
  headingRef,
  onDone,
  onCancel,
}: {
  template: NoteTemplate | null;
  headingRef: RefObject<HTMLHeadingElement>;
  onDone: (message: string) => void;
  onCancel: () => void;
}) {
  const { t } = useTranslation();
  const form = useFormErrors();
  const [values, setValues] = useState<NoteTemplateInput>(template ?? EMPTY);
  const set = (key: keyof NoteTemplateInput) => (value: string) => setValues((v) => ({ ...v, [key]: value }));
  const save = useSaveNoteTemplate({
    onSuccess: () => {
      setValues(EMPTY);
      onDone(template ? t('casework.templates.updated') : t('casework.templates.added'));
    },
    onError: form.fromError,
  });
  const labels = {
    titleEn: t('casework.templates.fields.titleEn'),
    titleFr: t('casework.templates.fields.titleFr'),
    bodyEn: t('casework.templates.fields.bodyEn'),
    bodyFr: t('casework.templates.fields.bodyFr'),
    visibility: t('casework.notes.fields.visibility'),
  };
  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (save.isPending) return;
    const ok = form.check(
      collect([
        ['titleEn', isBlank(values.titleEn) && t('casework.templates.errors.title')],
        ['titleFr', isBlank(values.titleFr) && t('casework.templates.errors.title')],
        ['bodyEn', isBlank(values.bodyEn) && t('casework.templates.errors.body')],
        ['bodyFr', isBlank(values.bodyFr) && t('casework.templates.errors.body')],
      ]),
    );
    if (!ok) return;
    form.clear();
    const body = {
      titleEn: values.titleEn.trim(),
      titleFr: values.titleFr.trim(),
      bodyEn: values.bodyEn.trim(),
      bodyFr: values.bodyFr.trim(),
      visibility: values.visibility,
    };
    save.mutate(template ? { id: template.id, ...body } : body);
  };
  return (
    <section className="section" aria-labelledby="template-form-heading">
      <h2 id="template-form-heading" ref={headingRef} tabIndex={-1}>
        {template ? t('casework.templates.editTitle') : t('casework.templates.addTitle')}
      </h2>
      <ErrorSummary form={form} labels={labels} idFor={(f) => `template-${f}`} />
      <form className="form" noValidate onSubmit={submit}>
        <TextField
          id="template-titleEn"
          label={labels.titleEn}
          lang="en"
          value={values.titleEn}
          onChange={set('titleEn')}
          error={form.field('titleEn')}
          required
        />
        <TextField
          id="template-titleFr"
          label={labels.titleFr}
          lang="fr"
          value={values.titleFr}
          onChange={set('titleFr')}
          error={form.field('titleFr')}
          required
        />
        <TextAreaField
          id="template-bodyEn"
          label={labels.bodyEn}
          value={values.bodyEn}
          onChange={set('bodyEn')}
          error={form.field('bodyEn')}
          rows={6}
          maxLength={8000}
          required
        />
        <TextAreaField
          id="template-bodyFr"
          label={labels.bodyFr}
          value={values.bodyFr}
          onChange={set('bodyFr')}
          error={form.field('bodyFr')}
          rows={6}
          maxLength={8000}
          required
        />
        <RadioGroup
          id="template-visibility"
          label={labels.visibility}
          hint={t('casework.templates.hints.visibility')}
          options={NOTE_VISIBILITIES.map((v) => ({ value: v, label: t(`casework.visibilities.${v}`) }))}
          value={values.visibility}
          onChange={(v) => set('visibility')(v as NoteVisibility)}
          error={form.field('visibility')}
        />
        <div className="actions">
          <SubmitButton pending={save.isPending} testId="template-submit">
            {template ? t('common.saveChanges') : t('casework.templates.submit')}
          </SubmitButton>
          {template ? (
            <button type="button" className="ontario-button ontario-button--tertiary" onClick={onCancel}>
              {t('common.cancel')}
            </button>
          ) : null}
        </div>
      </form>
    </section>
  );
}
