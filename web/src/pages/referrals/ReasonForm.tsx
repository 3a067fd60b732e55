import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { ErrorSummary } from '../../components/ErrorSummary.js';
import { SelectField, SubmitButton, TextAreaField } from '../../components/fields.js';
import { collect, useFormErrors, type FormErrorsState } from '../../forms.js';
import type { Referral } from '../../types.js';
import { useReferralStep } from './actions.js';

export interface ReasonFormTexts {
  title: string;
  intro: string;
  reason: string;
  note: string;
  submit: string;
  reasonRequired: string;
  noteRequired: string;
}

/**
 * A step that ends a referral's stay with someone, for one of a fixed list of reasons and an optional
 * note that some reasons require: a provider's return (P10) or SSM intake's close. `idPrefix` keeps
 * the ids apart from another form on the same page; the API's field names stay `reason` and `note`.
 */
export function ReasonForm<R extends string>({
  referral,
  path,
  ...view
}: {
  referral: Referral;
  path: string;
} & Omit<ReasonFormViewProps<R>, 'form' | 'pending' | 'onSubmit'>) {
  const form = useFormErrors();
  const step = useReferralStep<{ reason: R; note: string | null }>(referral.id, path, {
    onError: form.fromError,
  });
  return (
    <ReasonFormView {...view} form={form} pending={step.isPending} onSubmit={(body) => step.mutate(body)} />
  );
}

export interface ReasonFormViewProps<R extends string> {
  reasons: readonly R[];
  labelOf: (reason: R) => string;
  needsNote: (reason: R) => boolean;
  initialReason?: R | '';
  texts: ReasonFormTexts;
  idPrefix?: string;
  testId: string;
  form: FormErrorsState;
  pending: boolean;
  onSubmit: (body: { reason: R; note: string | null }) => void;
}

/**
 * The reason-and-note form itself, for any record whose step takes `{ reason, note }`: a referral's
 * return or close, an assessment's cancellation (C9).
 */
export function ReasonFormView<R extends string>({
  reasons,
  labelOf,
  needsNote,
  initialReason = '',
  texts,
  idPrefix = '',
  testId,
  form,
  pending,
  onSubmit,
}: ReasonFormViewProps<R>) {
  const { t } = useTranslation();
  const [reason, setReason] = useState<R | ''>(initialReason);
  const [note, setNote] = useState('');
  const noteRequired = reason !== '' && needsNote(reason);
  const idFor = (field: string) => `${idPrefix}${field}`;
  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (pending) return;
    const ok = form.check(
      collect([
        ['reason', !reason && texts.reasonRequired],
        ['note', noteRequired && note.trim().length < 3 && texts.noteRequired],
      ]),
    );
    if (!ok || !reason) return;
    form.clear();
    onSubmit({ reason, note: note.trim() || null });
  };
  const headingId = idFor('reason-heading');
  return (
    <section className="section" aria-labelledby={headingId}>
      <h2 id={headingId}>{texts.title}</h2>
      <p>{texts.intro}</p>
      <ErrorSummary form={form} labels={{ reason: texts.reason, note: texts.note }} idFor={idFor} />
      <form className="form" onSubmit={submit} noValidate>
        <SelectField
          id={idFor('reason')}
          label={texts.reason}
          options={reasons.map((r) => ({ value: r, label: labelOf(r) }))}
          placeholder={t('common.choose')}
          value={reason}
          onChange={(v) => setReason(v as R | '')}
          error={form.field('reason')}
          required
        />
        <TextAreaField
          id={idFor('note')}
          label={texts.note}
          value={note}
          onChange={setNote}
          error={form.field('note')}
          maxLength={2000}
          optional={!noteRequired}
          required={noteRequired}
        />
        <div className="actions">
          <SubmitButton pending={pending} variant="secondary" testId={testId}>
            {texts.submit}
          </SubmitButton>
        </div>
      </form>
    </section>
  );
}
