import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Navigate, useNavigate } from 'react-router-dom';
import { PageAlert } from '../../components/Alert.js';
import { ErrorSummary } from '../../components/ErrorSummary.js';
import { Checkbox, RadioGroup, SelectField, SubmitButton, TextField } from '../../components/fields.js';
import { todayIso, useFormatters } from '../../format.js';
import { useFormErrors, type FieldMessages } from '../../forms.js';
import {
  DUAL_PROCESS_SOURCE_LABELS,
  PHOTO_ID_LABELS,
  verifyIdentity,
} from '../../../../src/domain/assessment/identity.js';
import {
  DUAL_PROCESS_SOURCES,
  IDENTITY_METHODS,
  PHOTO_ID_KINDS,
  REFUSED_ID_KINDS,
  type AssessmentDetail,
  type DualProcessSource,
  type IdentityEvidence,
  type IdentityMethod,
  type PhotoIdKind,
  type RefusedIdKind,
} from '../../types.js';
import { useAssessmentStep } from './data.js';
import { inLocale } from './logic.js';
import { AssessmentPage } from './shared.js';

interface DualItem {
  source: DualProcessSource | '';
  document: string;
  original: boolean;
}

interface Values {
  method: IdentityMethod | '';
  kind: PhotoIdKind | RefusedIdKind | '';
  expiresOn: string;
  seen: 'in_person' | 'video' | '';
  items: [DualItem, DualItem];
}

const emptyItem = (): DualItem => ({ source: '', document: '', original: false });

/** The ids of the fields, from the API's field paths ("items.1.source" → "identity-items-1-source"). */
const idFor = (field: string) => `identity-${field.replace(/\./g, '-')}`;

function evidenceOf(v: Values): IdentityEvidence | null {
  switch (v.method) {
    case 'photo_id':
      return {
        method: 'photo_id',
        kind: v.kind as PhotoIdKind,
        expiresOn: v.expiresOn,
        seen: v.seen as 'in_person',
      };
    case 'dual_process':
      return {
        method: 'dual_process',
        items: v.items.map((i) => ({
          source: i.source as DualProcessSource,
          document: i.document.trim(),
          original: i.original,
        })),
      };
    case 'sa_documentation':
      return { method: 'sa_documentation' };
    default:
      return null;
  }
}

/**
 * C4: identity is verified before the CA is completed, from valid government photo ID seen in person
 * or on camera, or the dual process (two originals from two kinds of source), or for SA clients SA's
 * own documentation. Only the kind of document is recorded: never a number, a copy or a photo.
 */
export function IdentityPage() {
  const { t } = useTranslation();
  return (
    <AssessmentPage title={() => t('assessments.identity.title')}>
      {(detail) =>
        detail.actions.includes('verify_identity') ? (
          <IdentityForm detail={detail} />
        ) : (
          <Navigate to={`/assessments/${detail.id}`} replace />
        )
      }
    </AssessmentPage>
  );
}

function IdentityForm({ detail }: { detail: AssessmentDetail }) {
  const { t, i18n } = useTranslation();
  const fmt = useFormatters();
  const navigate = useNavigate();
  const form = useFormErrors();
  const [values, setValues] = useState<Values>({
    method: '',
    kind: '',
    expiresOn: '',
    seen: '',
    items: [emptyItem(), emptyItem()],
  });
  const set = <K extends keyof Values>(key: K, value: Values[K]) =>
    setValues((v) => ({ ...v, [key]: value }));
  const setItem = (index: 0 | 1, patch: Partial<DualItem>) =>
    setValues((v) => {
      const items: [DualItem, DualItem] = [v.items[0], v.items[1]];
      items[index] = { ...items[index], ...patch };
      return { ...v, items };
    });
  const save = useAssessmentStep<IdentityEvidence>(detail.id, '/identity', {
    method: 'PUT',
    onError: form.fromError,
    onSuccess: () => navigate(`/assessments/${detail.id}`),
  });
  const methods = IDENTITY_METHODS.filter((m) => m !== 'sa_documentation' || detail.facts.saClient);

  const labels: Record<string, string> = {
    method: t('assessments.identity.method'),
    kind: t('assessments.identity.kind'),
    expiresOn: t('assessments.identity.expiresOn'),
    seen: t('assessments.identity.seen'),
    items: t('assessments.identity.dualTitle'),
    'items.0': t('assessments.identity.item', { n: 1 }),
    'items.1': t('assessments.identity.item', { n: 2 }),
  };

  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (save.isPending) return;
    const problems: FieldMessages = {};
    const need = (field: string, missing: boolean) => {
      if (missing) problems[field] = t('assessments.identity.errors.required');
    };
    need('method', !values.method);
    if (values.method === 'photo_id') {
      need('kind', !values.kind);
      need('expiresOn', !values.expiresOn);
      need('seen', !values.seen);
    }
    if (values.method === 'dual_process') {
      values.items.forEach((item, i) => {
        need(`items.${i}.source`, !item.source);
        need(`items.${i}.document`, item.document.trim().length < 2);
      });
    }
    const evidence = evidenceOf(values);
    if (evidence && Object.keys(problems).length === 0) {
      // The same rules the API applies (C4), so the refusal says why at once, in the interface language.
      const check = verifyIdentity(evidence, { today: todayIso(), saClient: detail.facts.saClient });
      if (!check.ok)
        for (const p of check.problems) problems[p.field] ??= inLocale(i18n.language, p.en, p.fr);
    }
    if (!form.check(problems) || !evidence) return;
    form.clear();
    save.mutate(evidence);
  };

  return (
    <>
      <PageAlert kind="warning" heading={t('assessments.identity.noCopiesHeading')}>
        <p>{t('assessments.identity.noCopiesBody')}</p>
      </PageAlert>
      {detail.identity ? (
        <p data-testid="identity-verified">
          {t('assessments.identity.verified', {
            method: t(`identityMethods.${detail.identity.method}`),
            when: fmt.dateTime(detail.identity.verifiedAt),
            who: detail.identity.byName ?? '—',
          })}
        </p>
      ) : null}
      <ErrorSummary form={form} labels={labels} idFor={idFor} />
      <form className="form" onSubmit={submit} noValidate>
        <RadioGroup
          id={idFor('method')}
          label={labels.method ?? ''}
          options={methods.map((m) => ({ value: m, label: t(`identityMethods.${m}`) }))}
          value={values.method}
          onChange={(v) => set('method', v as IdentityMethod)}
          error={form.field('method')}
          required
        />
        {values.method === 'photo_id' ? (
          <section className="form-section" aria-labelledby="photo-heading">
            <h2 id="photo-heading">{t('assessments.identity.photoTitle')}</h2>
            <SelectField
              id={idFor('kind')}
              label={labels.kind ?? ''}
              hint={t('assessments.identity.kindHint')}
              options={[...PHOTO_ID_KINDS, ...REFUSED_ID_KINDS].map((k) => ({
                value: k,
                label: inLocale(i18n.language, PHOTO_ID_LABELS[k].en, PHOTO_ID_LABELS[k].fr),
              }))}
              placeholder={t('common.choose')}
              value={values.kind}
              onChange={(v) => set('kind', v as PhotoIdKind)}
              error={form.field('kind')}
              required
            />
            <TextField
              id={idFor('expiresOn')}
              type="date"
              label={labels.expiresOn ?? ''}
              hint={t('assessments.identity.expiresOnHint')}
              value={values.expiresOn}
              onChange={(v) => set('expiresOn', v)}
              error={form.field('expiresOn')}
              width={10}
              required
            />
            <RadioGroup
              id={idFor('seen')}
              label={labels.seen ?? ''}
              options={(['in_person', 'video'] as const).map((s) => ({
                value: s,
                label: t(`assessments.identity.seenHow.${s}`),
              }))}
              value={values.seen}
              onChange={(v) => set('seen', v as 'in_person')}
              error={form.field('seen')}
              inline
              required
            />
          </section>
        ) : null}
        {values.method === 'dual_process' ? (
          <section className="form-section" aria-labelledby="dual-heading">
            <h2 id="dual-heading">{labels.items}</h2>
            <p>{t('assessments.identity.dualIntro')}</p>
            {form.field('items') && !form.field('items.0') && !form.field('items.1') ? (
              <p className="field-error-text" id={idFor('items')} tabIndex={-1}>
                {form.field('items')}
              </p>
            ) : null}
            {([0, 1] as const).map((i) => (
              <fieldset key={i} className="ontario-fieldset dual-item" id={idFor(`items.${i}`)} tabIndex={-1}>
                <legend className="ontario-fieldset__legend">
                  {t('assessments.identity.item', { n: i + 1 })}
                </legend>
                <SelectField
                  id={idFor(`items.${i}.source`)}
                  label={t('assessments.identity.source')}
                  options={DUAL_PROCESS_SOURCES.map((s) => ({
                    value: s,
                    label: inLocale(
                      i18n.language,
                      DUAL_PROCESS_SOURCE_LABELS[s].en,
                      DUAL_PROCESS_SOURCE_LABELS[s].fr,
                    ),
                  }))}
                  placeholder={t('common.choose')}
                  value={values.items[i].source}
                  onChange={(v) => setItem(i, { source: v as DualProcessSource })}
                  error={form.field(`items.${i}.source`)}
                  required
                />
                <TextField
                  id={idFor(`items.${i}.document`)}
                  label={t('assessments.identity.document')}
                  hint={t('assessments.identity.documentHint')}
                  value={values.items[i].document}
                  onChange={(v) => setItem(i, { document: v })}
                  error={form.field(`items.${i}.document`)}
                  autoComplete="off"
                  required
                />
                <Checkbox
                  id={idFor(`items.${i}.original`)}
                  label={t('assessments.identity.original')}
                  checked={values.items[i].original}
                  onChange={(v) => setItem(i, { original: v })}
                />
                {form.field(`items.${i}.original`) ? (
                  <p className="field-error-text">{form.field(`items.${i}.original`)}</p>
                ) : null}
              </fieldset>
            ))}
          </section>
        ) : null}
        {values.method === 'sa_documentation' ? <p>{t('assessments.identity.saBody')}</p> : null}
        <p>{t('assessments.identity.cannotVerify')}</p>
        <SubmitButton pending={save.isPending} testId="identity-submit">
          {save.isPending ? t('common.saving') : t('assessments.identity.submit')}
        </SubmitButton>
      </form>
    </>
  );
}
