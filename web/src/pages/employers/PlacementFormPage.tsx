import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate, useSearchParams } from 'react-router-dom';
import { PageAlert } from '../../components/Alert.js';
import { ErrorSummary } from '../../components/ErrorSummary.js';
import {
  Checkbox,
  RadioGroup,
  SelectField,
  SubmitButton,
  TextAreaField,
  TextField,
} from '../../components/fields.js';
import { QueryStatus } from '../../components/QueryStatus.js';
import { todayIso, useFormatters } from '../../format.js';
import { useFormErrors } from '../../forms.js';
import { itemName, PlanPageFrame } from '../plans/shared.js';
import type { PlanDetail } from '../plans/types.js';
import { useCreatePlacement, useEmployer, useEmployers } from './data.js';
import {
  emptyPlacement,
  placementDraftProblems,
  placementFieldId,
  placementInputOf,
  siteVisitRule,
  supportProblemsOf,
  type PlacementDraft,
} from './logic.js';
import { EligibleTag, RuleProblems } from './shared.js';
import { EMPLOYER_SUPPORT_USES, type EmployerSupportUse, type SupportProblem } from './types.js';

/**
 * F10, F14: a placement with an employer, set up from the client's plan: the Training Incentive
 * Placement Agreement's terms, the employer support that pays it (justified as every support is, F4;
 * coordinated with SA for SA clients, F9) and whether it is meant to continue as a job (F14).
 */
export function PlacementFormPage() {
  const { t } = useTranslation();
  return (
    <PlanPageFrame
      title={(plan) =>
        plan
          ? t('employers.placementForm.title', { reference: plan.reference })
          : t('employers.placementForm.titleLoading')
      }
      back={(plan) => ({ to: `/plans/${plan.id}/supports`, label: t('employers.placementForm.back') })}
    >
      {(plan) => <PlacementForm plan={plan} />}
    </PlanPageFrame>
  );
}

function PlacementForm({ plan }: { plan: PlanDetail }) {
  const { t } = useTranslation();
  const fmt = useFormatters();
  const navigate = useNavigate();
  const [params] = useSearchParams();
  const form = useFormErrors();
  const [draft, setDraft] = useState<PlacementDraft>(() => emptyPlacement(params.get('employerId') ?? ''));
  const [ruleProblems, setRuleProblems] = useState<SupportProblem[]>([]);
  const employers = useEmployers('');
  const employer = useEmployer(draft.employerId || undefined);
  const create = useCreatePlacement(plan.id, {
    onSuccess: (view) => navigate(`/placements/${view.id}`, { state: { created: true } }),
    onError: (e) => {
      setRuleProblems(supportProblemsOf(e));
      form.fromError(e);
    },
  });
  const set = <K extends keyof PlacementDraft>(key: K, value: PlacementDraft[K]) =>
    setDraft((d) => ({ ...d, [key]: value }));
  const saClient = plan.client.saProgram !== null;

  const labels: Record<string, string> = {
    employerId: t('employers.placement.fields.employer'),
    locationId: t('employers.placement.fields.location'),
    jobTitle: t('employers.placement.fields.jobTitle'),
    startsOn: t('employers.placement.fields.startsOn'),
    endsOn: t('employers.placement.fields.endsOn'),
    minutesPerWeek: t('employers.placement.fields.hours'),
    scheduleNote: t('employers.placement.fields.scheduleNote'),
    hourlyWageCents: t('employers.placement.fields.wage'),
    trainingIncentiveCents: t('employers.placement.fields.incentive'),
    employerUse: t('employers.placement.fields.employerUse'),
    intendedToContinue: t('employers.placement.fields.intendedToContinue'),
    agreementSignedOn: t('employers.placement.fields.agreementSignedOn'),
    clientConsentSignedOn: t('employers.placement.fields.clientConsentSignedOn'),
    planGoalOrdinal: t('employers.placement.fields.link'),
    planItemId: t('employers.placement.fields.link'),
    'justification.evidenceOfNeed': t('employers.justification.evidenceOfNeed'),
    'justification.whyCouldNotPay': t('employers.justification.whyCouldNotPay'),
    'justification.reasonableCost': t('employers.justification.reasonableCost'),
    'justification.barrierTemporary': t('employers.justification.barrierTemporary'),
    'justification.noOtherFundingSource': t('employers.justification.noOtherFundingSource'),
    saCoordinationNote: t('employers.placement.fields.saCoordinationNote'),
  };
  const id = placementFieldId;
  const err = (field: string) => form.field(field);

  const submit = (e: FormEvent) => {
    e.preventDefault();
    if (create.isPending) return;
    setRuleProblems([]);
    const problems = placementDraftProblems(draft, {
      required: t('employers.errors.required'),
      hours: t('employers.errors.hours'),
      money: t('employers.errors.money'),
      incentive: t('employers.errors.incentive'),
      endsBeforeStart: t('employers.errors.endsBeforeStart'),
    });
    if (!form.check(problems)) return;
    form.clear();
    create.mutate(placementInputOf(draft));
  };

  const linkOptions = plan.goals.flatMap((g) => [
    {
      value: `goal:${g.ordinal}`,
      label: t('employers.placement.goalOption', { n: g.ordinal, title: g.title }),
    },
    ...plan.subGoals
      .filter((s) => s.goalOrdinal === g.ordinal)
      .flatMap((s) => s.items)
      .map((i) => ({
        value: `item:${i.id}`,
        label: t('employers.placement.itemOption', { n: g.ordinal, title: itemName(i, fmt.locale) }),
      })),
  ]);
  const locations = employer.data?.locations ?? [];
  const visits =
    employer.data && draft.startsOn ? siteVisitRule(employer.data.siteVisits, draft.startsOn) : null;

  return (
    <form noValidate onSubmit={submit} className="form" data-testid="placement-form">
      <p className="ontario-lead-statement">
        {t('employers.placementForm.lead', { client: plan.client.displayName })}
      </p>
      <ErrorSummary form={form} labels={labels} idFor={id} />
      <RuleProblems problems={ruleProblems} />

      <h2>{t('employers.placementForm.employerHeading')}</h2>
      <QueryStatus query={employers} />
      {employers.data && employers.data.employers.length === 0 ? (
        <PageAlert kind="informational" heading={t('employers.placementForm.noEmployersHeading')}>
          <p>
            <Link to="/employers/new">{t('employers.list.register')}</Link>
          </p>
        </PageAlert>
      ) : null}
      <SelectField
        id={id('employerId')}
        label={labels.employerId ?? ''}
        value={draft.employerId}
        onChange={(v) => setDraft((d) => ({ ...d, employerId: v, locationId: '' }))}
        placeholder={t('common.choose')}
        options={(employers.data?.employers ?? []).map((e) => ({ value: e.id, label: e.legalName }))}
        error={err('employerId')}
        required
      />
      {employer.data ? (
        <p data-testid="placement-employer-status">
          <EligibleTag eligible={employer.data.eligible} />{' '}
          {visits
            ? visits.covering
              ? t('employers.placementForm.visitCovers', { date: fmt.date(visits.covering.on) })
              : t('employers.placementForm.visitNeeded', { date: fmt.date(visits.opensOn) })
            : null}{' '}
          <Link to={`/employers/${employer.data.id}`}>{t('employers.placementForm.openEmployer')}</Link>
        </p>
      ) : null}
      {locations.length > 0 ? (
        <SelectField
          id={id('locationId')}
          label={labels.locationId ?? ''}
          value={draft.locationId}
          onChange={(v) => set('locationId', v)}
          placeholder={t('employers.placementForm.noLocation')}
          options={locations.map((l) => ({ value: l.id, label: `${l.label} – ${l.street}, ${l.city}` }))}
          error={err('locationId')}
          optional
        />
      ) : null}

      <h2>{t('employers.placementForm.termsHeading')}</h2>
      <TextField
        id={id('jobTitle')}
        label={labels.jobTitle ?? ''}
        value={draft.jobTitle}
        onChange={(v) => set('jobTitle', v)}
        error={err('jobTitle')}
        required
      />
      <div className="inline-fields">
        <TextField
          id={id('startsOn')}
          label={labels.startsOn ?? ''}
          type="date"
          value={draft.startsOn}
          onChange={(v) => set('startsOn', v)}
          error={err('startsOn')}
          required
        />
        <TextField
          id={id('endsOn')}
          label={labels.endsOn ?? ''}
          type="date"
          min={draft.startsOn || undefined}
          value={draft.endsOn}
          onChange={(v) => set('endsOn', v)}
          error={err('endsOn')}
          required
        />
      </div>
      <div className="inline-fields">
        <TextField
          id={id('minutesPerWeek')}
          label={labels.minutesPerWeek ?? ''}
          hint={t('employers.placementForm.hoursHint')}
          inputMode="decimal"
          width={5}
          value={draft.hours}
          onChange={(v) => set('hours', v)}
          error={err('minutesPerWeek')}
          required
        />
        <TextField
          id={id('hourlyWageCents')}
          label={labels.hourlyWageCents ?? ''}
          hint={t('employers.placementForm.moneyHint')}
          inputMode="decimal"
          width={7}
          value={draft.wage}
          onChange={(v) => set('wage', v)}
          error={err('hourlyWageCents')}
          optional
        />
      </div>
      <TextAreaField
        id={id('scheduleNote')}
        label={labels.scheduleNote ?? ''}
        hint={t('employers.placementForm.scheduleHint')}
        rows={2}
        value={draft.scheduleNote}
        onChange={(v) => set('scheduleNote', v)}
        error={err('scheduleNote')}
        maxLength={1000}
        optional
      />
      <TextField
        id={id('trainingIncentiveCents')}
        label={labels.trainingIncentiveCents ?? ''}
        hint={t('employers.placementForm.incentiveHint')}
        inputMode="decimal"
        width={10}
        value={draft.incentive}
        onChange={(v) => set('incentive', v)}
        error={err('trainingIncentiveCents')}
        required
      />
      <RadioGroup
        id={id('employerUse')}
        label={labels.employerUse ?? ''}
        value={draft.employerUse}
        onChange={(v) => set('employerUse', v as EmployerSupportUse)}
        options={EMPLOYER_SUPPORT_USES.map((u) => ({ value: u, label: t(`employers.employerUses.${u}`) }))}
        error={err('employerUse')}
        required
      />
      <RadioGroup
        id={id('intendedToContinue')}
        label={labels.intendedToContinue ?? ''}
        hint={t('employers.placementForm.intendedHint')}
        value={draft.intendedToContinue}
        onChange={(v) => set('intendedToContinue', v === 'yes' ? 'yes' : 'no')}
        options={[
          { value: 'yes', label: t('common.yes') },
          { value: 'no', label: t('common.no') },
        ]}
        error={err('intendedToContinue')}
        inline
        required
      />

      <h2>{t('employers.placementForm.signaturesHeading')}</h2>
      <p className="ontario-hint">{t('employers.placementForm.signaturesHint')}</p>
      <div className="inline-fields">
        <TextField
          id={id('agreementSignedOn')}
          label={labels.agreementSignedOn ?? ''}
          type="date"
          max={todayIso()}
          value={draft.agreementSignedOn}
          onChange={(v) => set('agreementSignedOn', v)}
          error={err('agreementSignedOn')}
          optional
        />
        <TextField
          id={id('clientConsentSignedOn')}
          label={labels.clientConsentSignedOn ?? ''}
          type="date"
          max={todayIso()}
          value={draft.clientConsentSignedOn}
          onChange={(v) => set('clientConsentSignedOn', v)}
          error={err('clientConsentSignedOn')}
          optional
        />
      </div>

      <h2>{t('employers.justification.heading')}</h2>
      <p className="ontario-hint">{t('employers.justification.hint')}</p>
      <SelectField
        id={id('link')}
        label={labels.planItemId ?? ''}
        value={draft.link}
        onChange={(v) => set('link', v)}
        placeholder={t('common.choose')}
        options={linkOptions}
        error={err('planItemId') ?? err('planGoalOrdinal')}
        required
      />
      <TextAreaField
        id={id('justification.evidenceOfNeed')}
        label={labels['justification.evidenceOfNeed'] ?? ''}
        hint={t('employers.justification.evidenceOfNeedHint')}
        value={draft.evidenceOfNeed}
        onChange={(v) => set('evidenceOfNeed', v)}
        error={err('justification.evidenceOfNeed')}
        maxLength={4000}
        required
      />
      <TextAreaField
        id={id('justification.whyCouldNotPay')}
        label={labels['justification.whyCouldNotPay'] ?? ''}
        value={draft.whyCouldNotPay}
        onChange={(v) => set('whyCouldNotPay', v)}
        error={err('justification.whyCouldNotPay')}
        maxLength={4000}
        required
      />
      <TextAreaField
        id={id('justification.reasonableCost')}
        label={labels['justification.reasonableCost'] ?? ''}
        hint={t('employers.justification.reasonableCostHint')}
        value={draft.reasonableCost}
        onChange={(v) => set('reasonableCost', v)}
        error={err('justification.reasonableCost')}
        maxLength={4000}
        required
      />
      <Checkbox
        id={id('justification.barrierTemporary')}
        label={labels['justification.barrierTemporary'] ?? ''}
        checked={draft.barrierTemporary}
        onChange={(v) => set('barrierTemporary', v)}
      />
      <Checkbox
        id={id('justification.noOtherFundingSource')}
        label={labels['justification.noOtherFundingSource'] ?? ''}
        checked={draft.noOtherFundingSource}
        onChange={(v) => set('noOtherFundingSource', v)}
      />
      <TextAreaField
        id={id('saCoordinationNote')}
        label={labels.saCoordinationNote ?? ''}
        hint={saClient ? t('employers.placementForm.saNoteHintSa') : t('employers.placementForm.saNoteHint')}
        value={draft.saCoordinationNote}
        onChange={(v) => set('saCoordinationNote', v)}
        error={err('saCoordinationNote')}
        maxLength={4000}
        required={saClient}
        optional={!saClient}
      />
      <div className="actions">
        <SubmitButton pending={create.isPending} testId="placement-submit">
          {create.isPending ? t('common.saving') : t('employers.placementForm.submit')}
        </SubmitButton>
      </div>
    </form>
  );
}
