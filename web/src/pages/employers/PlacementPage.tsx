import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useLocation, useParams } from 'react-router-dom';
import { PRE_APPROVAL_REASON_LABELS } from '../../../../src/domain/supports/pre-approval.js';
import { isApiError } from '../../api.js';
import { PageAlert } from '../../components/Alert.js';
import { ErrorSummary } from '../../components/ErrorSummary.js';
import { SubmitButton, TextField } from '../../components/fields.js';
import { Page } from '../../components/Page.js';
import { QueryStatus } from '../../components/QueryStatus.js';
import { todayIso, useFormatters } from '../../format.js';
import { collect, useFormErrors } from '../../forms.js';
import { formatHours } from '../monitoring/shared.js';
import { NotFoundPage } from '../NotFoundPage.js';
import { usePlacement, usePlacementStep } from './data.js';
import { supportProblemsOf } from './logic.js';
import { ReadinessList, RuleProblems, SupportStateTag, useMoney } from './shared.js';
import type { PlacementPatch, PlacementView, SupportProblem } from './types.js';

/**
 * F10, F13, F14: one placement: its terms, what is still missing before it may start (and before its
 * employer support may be paid), the agreement and consent dates, its end and the report due 15
 * business days after, and the employer support that pays it.
 */
export function PlacementPage() {
  const { t } = useTranslation();
  const { placementId } = useParams();
  const placement = usePlacement(placementId);
  if (placement.isError && isApiError(placement.error) && placement.error.status === 404)
    return <NotFoundPage />;
  const view = placement.data;
  return (
    <Page
      title={
        view
          ? t('employers.placementPage.title', { jobTitle: view.jobTitle, employer: view.employerName })
          : t('employers.placementPage.titleLoading')
      }
      back={
        view ? { to: `/plans/${view.planId}/supports`, label: t('employers.placementPage.back') } : undefined
      }
    >
      <QueryStatus query={placement} />
      {view ? <PlacementBody view={view} /> : null}
    </Page>
  );
}

function PlacementBody({ view }: { view: PlacementView }) {
  const { t } = useTranslation();
  const location = useLocation();
  const created = (location.state as { created?: boolean } | null)?.created === true;
  const [flash, setFlash] = useState<string | null>(created ? t('employers.placementPage.created') : null);
  return (
    <div data-testid="placement" data-placement-id={view.id} data-ready={view.readiness.missing.length === 0}>
      <div role="status">
        {flash ? (
          <PageAlert kind="success" heading={flash}>
            <p>{t('employers.placementPage.savedBody')}</p>
          </PageAlert>
        ) : null}
      </div>
      <ReadinessSection view={view} onSaved={setFlash} />
      <TermsSection view={view} />
      <SupportSection view={view} />
      <EndSection view={view} onSaved={setFlash} />
    </div>
  );
}

function TermsSection({ view }: { view: PlacementView }) {
  const { t } = useTranslation();
  const fmt = useFormatters();
  const money = useMoney();
  return (
    <section className="section" aria-labelledby="terms-heading" data-testid="placement-terms">
      <h2 id="terms-heading">{t('employers.placementPage.termsHeading')}</h2>
      <dl className="details">
        <dt>{t('employers.placement.fields.employer')}</dt>
        <dd>
          <Link to={`/employers/${view.employerId}`}>{view.employerName}</Link>
        </dd>
        <dt>{t('employers.placement.fields.location')}</dt>
        <dd>
          {view.location
            ? `${view.location.label} – ${t('employers.locations.address', {
                street: view.location.street,
                city: view.location.city,
                postalCode: view.location.postalCode,
              })}`
            : t('common.notSpecified')}
        </dd>
        <dt>{t('employers.placement.fields.plan')}</dt>
        <dd>
          <Link to={`/plans/${view.planId}`}>{view.planReference}</Link>
        </dd>
        <dt>{t('employers.placement.fields.jobTitle')}</dt>
        <dd>{view.jobTitle}</dd>
        <dt>{t('employers.placement.fields.dates')}</dt>
        <dd data-testid="placement-dates">
          {t('employers.placementPage.dates', { from: fmt.date(view.startsOn), to: fmt.date(view.endsOn) })}
        </dd>
        <dt>{t('employers.placement.fields.hours')}</dt>
        <dd>{t('employers.placementPage.hours', { hours: formatHours(view.minutesPerWeek, fmt.locale) })}</dd>
        {view.scheduleNote ? (
          <>
            <dt>{t('employers.placement.fields.scheduleNote')}</dt>
            <dd className="pre-wrap">{view.scheduleNote}</dd>
          </>
        ) : null}
        <dt>{t('employers.placement.fields.wage')}</dt>
        <dd>
          {view.hourlyWageCents === null
            ? t('common.notProvided')
            : t('employers.placementPage.wage', { wage: money(view.hourlyWageCents) })}
        </dd>
        <dt>{t('employers.placement.fields.incentive')}</dt>
        <dd data-testid="placement-incentive">{money(view.trainingIncentiveCents)}</dd>
        {view.support.employerUse ? (
          <>
            <dt>{t('employers.placement.fields.employerUse')}</dt>
            <dd>{t(`employers.employerUses.${view.support.employerUse}`)}</dd>
          </>
        ) : null}
        <dt>{t('employers.placement.fields.intendedToContinue')}</dt>
        <dd data-testid="placement-intended" data-intended={view.intendedToContinue}>
          {view.intendedToContinue ? t('employers.placementPage.intendedYes') : t('common.no')}
        </dd>
      </dl>
    </section>
  );
}

/** F10: the readiness list, with the two dates the caseworker records here. */
function ReadinessSection({ view, onSaved }: { view: PlacementView; onSaved: (m: string) => void }) {
  const { t } = useTranslation();
  const fmt = useFormatters();
  return (
    <section className="section" aria-labelledby="readiness-heading" data-testid="placement-readiness">
      <h2 id="readiness-heading">{t('employers.readiness.heading')}</h2>
      <ReadinessList missing={view.readiness.missing} />
      {view.actions.includes('start') ? (
        <p data-testid="placement-may-start">
          {t('employers.placementPage.mayStart', { date: fmt.date(view.startsOn) })}
        </p>
      ) : null}
      <dl className="details">
        <dt>{t('employers.placement.fields.agreementSignedOn')}</dt>
        <dd data-testid="agreement-signed-on">
          {view.agreementSignedOn ? fmt.date(view.agreementSignedOn) : t('employers.placementPage.notYet')}
        </dd>
        <dt>{t('employers.placement.fields.clientConsentSignedOn')}</dt>
        <dd data-testid="consent-signed-on">
          {view.clientConsentSignedOn
            ? fmt.date(view.clientConsentSignedOn)
            : t('employers.placementPage.notYet')}
        </dd>
      </dl>
      {view.actions.includes('record_agreement') ? (
        <SignedOnForm
          view={view}
          field="agreementSignedOn"
          onSaved={() => onSaved(t('employers.placementPage.agreementSaved'))}
        />
      ) : null}
      {view.actions.includes('record_consent') ? (
        <SignedOnForm
          view={view}
          field="clientConsentSignedOn"
          onSaved={() => onSaved(t('employers.placementPage.consentSaved'))}
        />
      ) : null}
      {view.readiness.missing.some(
        (m) => m === 'eligibility_check' || m === 'site_visit' || m === 'employer_registration',
      ) ? (
        <p>
          <Link to={`/employers/${view.employerId}`} data-testid="placement-open-employer">
            {t('employers.placementPage.fixAtEmployer', { employer: view.employerName })}
          </Link>
        </p>
      ) : null}
    </section>
  );
}

function SignedOnForm({
  view,
  field,
  onSaved,
}: {
  view: PlacementView;
  field: 'agreementSignedOn' | 'clientConsentSignedOn';
  onSaved: () => void;
}) {
  const { t } = useTranslation();
  const form = useFormErrors();
  const today = todayIso();
  const [date, setDate] = useState(view[field] ?? today);
  const save = usePlacementStep<PlacementPatch>(view.id, 'patch', {
    onSuccess: onSaved,
    onError: form.fromError,
  });
  const label = t(`employers.placement.fields.${field}`);
  const inputId = `placement-record-${field}`;
  const submit = (e: FormEvent) => {
    e.preventDefault();
    if (save.isPending) return;
    const ok = form.check(
      collect([
        [field, !date ? t('employers.errors.required') : date > today && t('employers.errors.future')],
      ]),
    );
    if (!ok) return;
    form.clear();
    save.mutate({ [field]: date });
  };
  const testId = field === 'agreementSignedOn' ? 'record-agreement' : 'record-consent';
  return (
    <form noValidate onSubmit={submit} className="form panel" data-testid={`${testId}-form`}>
      <ErrorSummary form={form} labels={{ [field]: label }} idFor={() => inputId} />
      <TextField
        id={inputId}
        label={label}
        type="date"
        max={today}
        value={date}
        onChange={setDate}
        error={form.field(field)}
        required
      />
      <SubmitButton pending={save.isPending} testId={`${testId}-submit`} variant="secondary">
        {save.isPending
          ? t('common.saving')
          : field === 'agreementSignedOn'
            ? t('employers.placementPage.recordAgreement')
            : t('employers.placementPage.recordConsent')}
      </SubmitButton>
    </form>
  );
}

function SupportSection({ view }: { view: PlacementView }) {
  const { t } = useTranslation();
  const fmt = useFormatters();
  const money = useMoney();
  return (
    <section className="section" aria-labelledby="support-heading" data-testid="placement-support">
      <h2 id="support-heading">{t('employers.placementPage.supportHeading')}</h2>
      <p>
        <Link to={`/supports/${view.supportId}`} data-testid="placement-support-link">
          {t('employers.placementPage.supportLink', { reference: view.support.reference })}
        </Link>{' '}
        <SupportStateTag state={view.support.state} /> {money(view.support.amountCents)}
      </p>
      {view.support.state === 'pre_approval_pending' && view.support.preApprovalReasons.length > 0 ? (
        <>
          <p>{t('employers.placementPage.preApprovalLead')}</p>
          <ul data-testid="placement-pre-approval-reasons">
            {view.support.preApprovalReasons.map((r) => (
              <li key={r}>{PRE_APPROVAL_REASON_LABELS[r][fmt.locale]}</li>
            ))}
          </ul>
        </>
      ) : null}
      <p className="ontario-hint">{t('employers.placementPage.supportHint')}</p>
    </section>
  );
}

/** F13: the placement's actual end starts the 15-business-day reporting clock of its support. */
function EndSection({ view, onSaved }: { view: PlacementView; onSaved: (m: string) => void }) {
  const { t } = useTranslation();
  const fmt = useFormatters();
  const form = useFormErrors();
  const today = todayIso();
  const [endedOn, setEndedOn] = useState(today);
  const [ruleProblems, setRuleProblems] = useState<SupportProblem[]>([]);
  const end = usePlacementStep<{ endedOn: string }>(view.id, 'end', {
    onSuccess: () => onSaved(t('employers.placementPage.ended')),
    onError: (e) => {
      setRuleProblems(supportProblemsOf(e));
      form.fromError(e);
    },
  });
  const submit = (e: FormEvent) => {
    e.preventDefault();
    if (end.isPending) return;
    setRuleProblems([]);
    const ok = form.check(
      collect([
        [
          'endedOn',
          !endedOn
            ? t('employers.errors.required')
            : endedOn < view.startsOn
              ? t('employers.errors.endsBeforeStart')
              : endedOn > today && t('employers.errors.future'),
        ],
      ]),
    );
    if (!ok) return;
    form.clear();
    end.mutate({ endedOn });
  };
  return (
    <section className="section" aria-labelledby="end-heading" data-testid="placement-end">
      <h2 id="end-heading">{t('employers.placementPage.endHeading')}</h2>
      {view.endedOn ? (
        <dl className="details">
          <dt>{t('employers.placement.fields.endedOn')}</dt>
          <dd data-testid="placement-ended-on">{fmt.date(view.endedOn)}</dd>
          <dt>{t('employers.placement.fields.reportDueOn')}</dt>
          <dd data-testid="placement-report-due" data-date={view.reportDueOn ?? ''}>
            {view.reportDueOn
              ? t('employers.placementPage.reportDue', { date: fmt.date(view.reportDueOn) })
              : t('common.notSpecified')}
          </dd>
        </dl>
      ) : (
        <p>{t('employers.placementPage.notEnded', { date: fmt.date(view.endsOn) })}</p>
      )}
      {view.actions.includes('end') ? (
        <form noValidate onSubmit={submit} className="form panel" data-testid="end-form">
          <ErrorSummary
            form={form}
            labels={{ endedOn: t('employers.placement.fields.endedOn') }}
            idFor={() => 'placement-endedOn'}
          />
          <RuleProblems problems={ruleProblems} />
          <TextField
            id="placement-endedOn"
            label={t('employers.placement.fields.endedOn')}
            hint={t('employers.placementPage.endHint')}
            type="date"
            min={view.startsOn}
            max={today}
            value={endedOn}
            onChange={setEndedOn}
            error={form.field('endedOn')}
            required
          />
          <SubmitButton pending={end.isPending} testId="end-submit" variant="secondary">
            {end.isPending ? t('common.saving') : t('employers.placementPage.end')}
          </SubmitButton>
        </form>
      ) : null}
    </section>
  );
}
