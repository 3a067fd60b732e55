import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate, useParams } from 'react-router-dom';
import { post } from '../../api.js';
import { ErrorSummary } from '../../components/ErrorSummary.js';
import { SelectField, SubmitButton, TextAreaField } from '../../components/fields.js';
import { OntarioCallout } from '../../components/Ods.js';
import { Loading, Page } from '../../components/Page.js';
import { QueryError } from '../../components/QueryError.js';
import { collect, useFormErrors } from '../../forms.js';
import { keys, useClient } from '../../queries.js';
import { useSession } from '../../session.js';
import {
  SOURCES_BY_PATHWAY,
  type Client,
  type Pathway,
  type Referral,
  type ReferralCreate,
  type ReferralSource,
  type ScreeningResult,
} from '../../types.js';
import { pathwayOf } from '../../../../src/domain/referral/pathways.js';
import { NotFoundPage } from '../NotFoundPage.js';
import { barriersOf, ClientChoiceField, emptyNeeds, NeedsFields, type NeedsValues } from './ReferralNeeds.js';
import {
  emptyScreening,
  ScreeningQuestions,
  ScreeningResultView,
  screeningAnswers,
  screeningGaps,
  type ScreeningDraft,
} from './screening.js';

interface Values extends NeedsValues {
  source: ReferralSource | '';
  clientChoiceOrganizationId: string;
  notes: string;
}

function initialSource(pathway: Pathway, client: Client): ReferralSource | '' {
  if (pathway === 'social_assistance') {
    if (client.socialAssistance?.program === 'odsp') return 'odsp';
    if (client.socialAssistance?.program === 'ow') return 'ontario_works';
    return '';
  }
  return pathway === 'self_referral' ? 'walk_in' : '';
}

/**
 * Refer a client (P1–P3): social assistance to SSM intake with its notes, SSM intake from a named
 * source after the screening tool (E1–E6), or a provider recording a walk-in. The client is found
 * first (C1), so the referral starts from their record.
 */
export function ReferralFormPage() {
  const { t } = useTranslation();
  const { clientId } = useParams();
  const client = useClient(clientId);
  if (client.isError) {
    return (
      <Page title={t('referrals.form.title')}>
        <QueryError error={client.error} onRetry={() => void client.refetch()} />
      </Page>
    );
  }
  if (!clientId) return <NotFoundPage />;
  if (client.isPending) {
    return (
      <Page title={t('referrals.form.title')}>
        <Loading />
      </Page>
    );
  }
  return <ReferralForm client={client.data} />;
}

function ReferralForm({ client }: { client: Client }) {
  const { t, i18n } = useTranslation();
  const me = useSession();
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  // P1: the pathway follows from who refers.
  const pathway = pathwayOf(me.organization.kind);
  const form = useFormErrors();
  const [values, setValues] = useState<Values>(() => ({
    source: pathway ? initialSource(pathway, client) : '',
    clientChoiceOrganizationId: '',
    ...emptyNeeds(client.language),
    notes: '',
  }));
  const [screening, setScreening] = useState<ScreeningDraft>(() => emptyScreening(client));
  const [preview, setPreview] = useState<ScreeningResult | null>(null);
  const set =
    <K extends keyof Values>(key: K) =>
    (value: Values[K]) =>
      setValues((v) => ({ ...v, [key]: value }));

  const check = useMutation({
    mutationFn: () => post<ScreeningResult>('/screening', screeningAnswers(screening)),
    onSuccess: setPreview,
    onError: form.fromError,
  });

  const save = useMutation({
    mutationFn: (body: ReferralCreate) => post<Referral>('/referrals', body),
    onSuccess: (saved) => {
      queryClient.setQueryData(keys.referral(saved.id), saved);
      void queryClient.invalidateQueries({ queryKey: keys.referralsAll });
      navigate(`/referrals/${saved.id}`, { state: { saved: 'created' } });
    },
    onError: form.fromError,
  });

  if (!pathway) return <NotFoundPage />;
  const direct = pathway === 'direct_to_ssm';

  const labels: Record<string, string> = {
    source: t('referrals.fields.source'),
    clientChoiceOrganizationId: t('referrals.fields.clientChoice'),
    'barriers.language': t('referrals.fields.language'),
    notes: t('referrals.fields.notes'),
    'screening.livesInOntario': t('referrals.screening.livesInOntario'),
    'screening.hasSin': t('referrals.screening.hasSin'),
    'screening.workAuthorization': t('referrals.screening.workAuthorization'),
    'screening.workPermit': t('referrals.screening.workPermit'),
    'screening.secondarySchoolCompleted': t('referrals.screening.secondarySchoolCompleted'),
    'screening.currentlyEmployed': t('referrals.screening.currentlyEmployed'),
    'screening.seekingSelfEmployment': t('referrals.screening.seekingSelfEmployment'),
    'screening.dateOfBirth': t('clients.fields.dateOfBirth'),
  };

  const gaps = () => (direct ? screeningGaps(screening, t, 'screening.') : {});

  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (save.isPending) return;
    const ok = form.check({
      ...collect([['source', !values.source && t('referrals.form.errors.sourceRequired')]]),
      ...gaps(),
    });
    if (!ok) return;
    form.clear();
    save.mutate({
      clientId: client.id,
      source: values.source as ReferralSource,
      clientChoiceOrganizationId:
        pathway === 'self_referral' ? null : values.clientChoiceOrganizationId || null,
      warmReferral: values.warmReferral,
      barriers: barriersOf(values),
      notes: values.notes.trim() || null,
      ...(direct ? { screening: screeningAnswers(screening) } : {}),
    });
  };

  const runCheck = () => {
    if (check.isPending) return;
    if (form.check(gaps())) {
      form.clear();
      check.mutate();
    }
  };

  const name = `${client.legalGivenName} ${client.legalFamilyName}`;
  return (
    <Page
      title={t('referrals.form.title')}
      back={{ to: `/clients/${client.id}`, label: t('referrals.form.backToClient') }}
      lead={t('referrals.form.lead', { name, reference: client.reference })}
    >
      <OntarioCallout headingLevel="h2" heading={t(`referrals.form.pathwayTitle.${pathway}`)}>
        <p>{t(`referrals.form.pathwayBody.${pathway}`)}</p>
      </OntarioCallout>
      <ErrorSummary form={form} labels={labels} />
      <form className="form" onSubmit={submit} noValidate>
        <section className="form-section" aria-labelledby="source-heading">
          <h2 id="source-heading">{t('referrals.form.sourceSection')}</h2>
          <SelectField
            id="source"
            label={labels.source ?? ''}
            options={SOURCES_BY_PATHWAY[pathway].map((s) => ({
              value: s,
              label: t(`referralSources.${s}`),
            }))}
            placeholder={t('common.choose')}
            value={values.source}
            onChange={(v) => set('source')(v as ReferralSource | '')}
            error={form.field('source')}
            required
          />
          {pathway !== 'self_referral' ? (
            <ClientChoiceField
              value={values.clientChoiceOrganizationId}
              onChange={set('clientChoiceOrganizationId')}
              error={form.field('clientChoiceOrganizationId')}
            />
          ) : null}
        </section>

        {direct ? (
          <section className="form-section" aria-labelledby="screening-heading">
            <h2 id="screening-heading">{t('referrals.screening.title')}</h2>
            <p>{t('referrals.screening.intro')}</p>
            <ScreeningQuestions
              draft={screening}
              onChange={(next) => {
                setScreening(next);
                // A changed answer makes an earlier eligibility check stale.
                setPreview(null);
              }}
              form={form}
              idPrefix="screening"
            />
            <div className="actions">
              <button
                type="button"
                className="ontario-button ontario-button--secondary"
                data-testid="screening-check"
                aria-disabled={check.isPending ? true : undefined}
                onClick={runCheck}
              >
                {t('referrals.screening.check')}
              </button>
            </div>
            <div aria-live="polite">{preview ? <ScreeningResultView result={preview} /> : null}</div>
          </section>
        ) : null}

        <section className="form-section" aria-labelledby="needs-heading">
          <h2 id="needs-heading">{t('referrals.form.needsSection')}</h2>
          <NeedsFields
            values={values}
            onChange={(next) => setValues((v) => ({ ...v, ...next }))}
            form={form}
          />
          <TextAreaField
            id="notes"
            label={labels.notes ?? ''}
            hint={t(`referrals.form.notesHint.${pathway}`)}
            value={values.notes}
            onChange={set('notes')}
            error={form.field('notes')}
            maxLength={4000}
            rows={6}
            optional
          />
        </section>
        <div className="actions">
          <SubmitButton pending={save.isPending} testId="referral-submit">
            {save.isPending ? t('common.saving') : t(`referrals.form.submit.${pathway}`)}
          </SubmitButton>
        </div>
        <p className="ontario-hint" lang={i18n.language}>
          {t('referrals.form.privacy')}
        </p>
      </form>
    </Page>
  );
}
