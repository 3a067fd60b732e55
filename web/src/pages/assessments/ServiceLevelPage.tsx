import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Navigate, useNavigate } from 'react-router-dom';
import { PageAlert } from '../../components/Alert.js';
import { ErrorSummary } from '../../components/ErrorSummary.js';
import { CheckboxGroup, RadioGroup, SubmitButton, TextAreaField } from '../../components/fields.js';
import { useFormErrors, type FieldMessages } from '../../forms.js';
import { useSession } from '../../session.js';
import {
  checkServiceLevel,
  SELF_DIRECTED_INDICATOR_LABELS,
  serviceLevelNotes,
} from '../../../../src/domain/assessment/service-level.js';
import {
  SELF_DIRECTED_INDICATORS,
  SERVICE_LEVELS,
  type AssessmentDetail,
  type QuestionBank,
  type SelfDirectedIndicator,
  type ServiceLevel,
} from '../../types.js';
import { ScreeningResultView } from '../referrals/screening.js';
import { useAssessmentStep } from './data.js';
import { inLocale } from './logic.js';
import { AssessmentPage } from './shared.js';

interface Body {
  level: ServiceLevel;
  indicators: SelfDirectedIndicator[];
  rationale?: string;
}

/**
 * S1–S5 after Module 1: the provider sets the service level from everything it knows, with the
 * eligibility rules' outcome in front of it (E1–E6). Never a dead end: whoever cannot have
 * case-managed service is offered self-directed service. SA clients are always case-managed (S2).
 */
export function ServiceLevelPage() {
  const { t } = useTranslation();
  return (
    <AssessmentPage title={() => t('assessments.serviceLevel.title')} needsBank>
      {(detail, bank) =>
        !detail.actions.includes('set_service_level') ? (
          <Navigate to={`/assessments/${detail.id}`} replace />
        ) : bank ? (
          <ServiceLevelForm detail={detail} bank={bank} />
        ) : null
      }
    </AssessmentPage>
  );
}

function ServiceLevelForm({ detail, bank }: { detail: AssessmentDetail; bank: QuestionBank }) {
  const { t, i18n } = useTranslation();
  const me = useSession();
  const navigate = useNavigate();
  const form = useFormErrors();
  const sa = detail.facts.saClient;
  const [level, setLevel] = useState<ServiceLevel | ''>(
    detail.serviceLevel?.level ?? (sa ? 'case_managed' : ''),
  );
  const [indicators, setIndicators] = useState<SelfDirectedIndicator[]>(
    detail.serviceLevel?.indicators ?? [],
  );
  const [rationale, setRationale] = useState(detail.serviceLevel?.rationale ?? '');
  const save = useAssessmentStep<Body>(detail.id, '/service-level', {
    method: 'PUT',
    onError: form.fromError,
    onSuccess: () => navigate(`/assessments/${detail.id}`),
  });
  const eligible = detail.eligibility.outcome === 'case_managed_eligible';
  const levels = sa ? (['case_managed'] as const) : SERVICE_LEVELS;
  const questionText = (id: string) => {
    const q = bank.sections.flatMap((s) => s.questions).find((x) => x.id === id);
    return q ? inLocale(i18n.language, q.en, q.fr) : id;
  };
  const labels = {
    level: t('assessments.serviceLevel.level'),
    indicators: t('assessments.serviceLevel.indicators'),
    rationale: t('assessments.serviceLevel.rationale'),
  };

  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (save.isPending) return;
    const problems: FieldMessages = {};
    if (!level) problems.level = t('assessments.serviceLevel.errors.level');
    else {
      const actorKind =
        me.organization.kind === 'sa_office'
          ? 'sa_office'
          : me.organization.kind === 'ssm'
            ? 'ssm'
            : 'provider';
      for (const p of checkServiceLevel({
        level,
        saClient: sa,
        actorKind,
        indicators,
        rationale: rationale.trim() || null,
        eligibility: detail.eligibility,
      }))
        problems[p.field || 'level'] ??=
          `${p.rule}${i18n.language === 'fr' ? ' : ' : ': '}${inLocale(i18n.language, p.en, p.fr)}`;
    }
    if (!form.check(problems) || !level) return;
    form.clear();
    save.mutate({
      level,
      indicators: level === 'self_directed' ? indicators : [],
      ...(rationale.trim() ? { rationale: rationale.trim() } : {}),
    });
  };

  return (
    <>
      <section className="section" aria-labelledby="eligibility-heading" data-testid="eligibility-panel">
        <h2 id="eligibility-heading">{t('assessments.serviceLevel.eligibilityTitle')}</h2>
        <p>{t('assessments.serviceLevel.eligibilityIntro')}</p>
        <ScreeningResultView result={detail.eligibility} />
        {detail.eligibility.pending.length ? (
          <>
            <p>{t('assessments.serviceLevel.pending')}</p>
            <ul data-testid="eligibility-pending">
              {detail.eligibility.pending.map((id) => (
                <li key={id}>{questionText(id)}</li>
              ))}
            </ul>
          </>
        ) : null}
        <p className="tag--muted">{t('assessments.serviceLevel.informsOnly')}</p>
      </section>
      {sa ? (
        <PageAlert kind="informational" heading={t('assessments.serviceLevel.saHeading')}>
          <p>{t('assessments.serviceLevel.saBody')}</p>
        </PageAlert>
      ) : null}
      <ErrorSummary form={form} labels={labels} idFor={(f) => `sl-${f}`} />
      <form className="form" onSubmit={submit} noValidate>
        <RadioGroup
          id="sl-level"
          label={labels.level}
          hint={sa ? undefined : t('assessments.serviceLevel.levelHint')}
          options={levels.map((l) => ({ value: l, label: t(`serviceLevels.${l}`) }))}
          value={level}
          onChange={(v) => setLevel(v as ServiceLevel)}
          error={form.field('level')}
          required
        />
        {!sa && !eligible && level !== 'self_directed' ? (
          <p className="callout-inline" data-testid="self-directed-offered">
            {t('assessments.serviceLevel.notEligible')}
          </p>
        ) : null}
        {level === 'self_directed' ? (
          <>
            <CheckboxGroup
              id="sl-indicators"
              label={labels.indicators}
              hint={t('assessments.serviceLevel.indicatorsHint')}
              options={SELF_DIRECTED_INDICATORS.map((i) => ({
                value: i,
                label: inLocale(
                  i18n.language,
                  SELF_DIRECTED_INDICATOR_LABELS[i].en,
                  SELF_DIRECTED_INDICATOR_LABELS[i].fr,
                ),
              }))}
              values={indicators}
              onChange={(v) => setIndicators(v as SelfDirectedIndicator[])}
              error={form.field('indicators')}
            />
          </>
        ) : null}
        {level
          ? serviceLevelNotes(level).map((n) => (
              <PageAlert
                key={n.code}
                kind="informational"
                heading={t(`assessments.serviceLevel.noteHeading.${n.rule}`)}
              >
                <p data-testid={`service-level-note-${n.rule}`}>{inLocale(i18n.language, n.en, n.fr)}</p>
              </PageAlert>
            ))
          : null}
        <TextAreaField
          id="sl-rationale"
          label={labels.rationale}
          hint={t('assessments.serviceLevel.rationaleHint')}
          value={rationale}
          onChange={setRationale}
          error={form.field('rationale')}
          maxLength={2000}
          required={level === 'self_directed'}
          optional={level !== 'self_directed'}
        />
        <SubmitButton pending={save.isPending} testId="service-level-submit">
          {save.isPending ? t('common.saving') : t('assessments.serviceLevel.submit')}
        </SubmitButton>
      </form>
    </>
  );
}
