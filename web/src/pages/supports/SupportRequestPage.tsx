import { useEffect, useMemo, useState, type Dispatch, type FormEvent, type SetStateAction } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate, useParams } from 'react-router-dom';
import { isApiError } from '../../api.js';
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
import { Page } from '../../components/Page.js';
import { QueryStatus } from '../../components/QueryStatus.js';
import { todayIso } from '../../format.js';
import { collect, defaultFieldId, isBlank, useFormErrors } from '../../forms.js';
import { preApprovalReasons } from '../../../../src/domain/supports/pre-approval.js';
import { NotFoundPage } from '../NotFoundPage.js';
import { usePlan } from '../plans/data.js';
import { usePlanSupports, usePreview, useRequestSupport } from './data.js';
import { DATED_CATEGORIES, emptyDraft, requestBodyOf, type RequestDraft } from './logic.js';
import { dollarsToCents } from '../../money.js';
import { PreApprovalReasons, ProblemList, useSupportWords } from './shared.js';
import {
  ODSP_RESERVE_USES,
  PURCHASE_FORMS,
  SELLER_KINDS,
  SUPPORT_CATEGORIES,
  type OdspReserveUse,
  type PlanSupports,
  type PurchaseForm,
  type SellerKind,
  type SupportCategory,
} from './types.js';

/** A value that settles: the latest one once it has not changed for `ms`. */
function useSettled<T>(value: T, ms: number): T {
  const key = JSON.stringify(value);
  const [settled, setSettled] = useState(value);
  useEffect(() => {
    const timer = window.setTimeout(() => setSettled(JSON.parse(key) as T), ms);
    return () => window.clearTimeout(timer);
  }, [key, ms]);
  return settled;
}

/**
 * F1–F9: a provider caseworker asks for a client support on the plan. The form asks for the five
 * F4 principles, the F5 category's own facts, the F9 coordination note for an SA client and, for an
 * ODSP client, the F8 reserve; before submitting, the API's preview says whether F6 calls for the
 * SSM's pre-approval and what is still missing.
 */
export function SupportRequestPage() {
  const { t } = useTranslation();
  const { planId } = useParams();
  const plan = usePlan(planId);
  const supports = usePlanSupports(planId);
  if (supports.isError && isApiError(supports.error) && supports.error.status === 404)
    return <NotFoundPage />;
  return (
    <Page
      title={t('supports.request.title')}
      back={planId ? { to: `/plans/${planId}/supports`, label: t('supports.request.back') } : undefined}
      lead={
        plan.data
          ? t('supports.request.lead', {
              client: plan.data.client.displayName,
              reference: plan.data.reference,
            })
          : undefined
      }
    >
      <QueryStatus query={supports} />
      {supports.data && planId ? <RequestForm planId={planId} view={supports.data} /> : null}
    </Page>
  );
}

function RequestForm({ planId, view }: { planId: string; view: PlanSupports }) {
  const { t, i18n } = useTranslation();
  const words = useSupportWords();
  const navigate = useNavigate();
  const form = useFormErrors();
  const [draft, setDraft] = useState<RequestDraft>(() => emptyDraft(todayIso()));
  const set =
    <K extends keyof RequestDraft>(key: K) =>
    (value: RequestDraft[K]) =>
      setDraft((d) => ({ ...d, [key]: value }));
  const flags = view.clientFlags;
  const body = useMemo(() => requestBodyOf(draft, flags), [draft, flags]);
  const settled = useSettled(body, 400);
  const preview = usePreview(planId, settled);
  const previewFresh =
    preview.data !== undefined &&
    !preview.isPlaceholderData &&
    settled !== null &&
    JSON.stringify(settled) === JSON.stringify(body);
  const submit = useRequestSupport(planId, {
    onSuccess: (s) => navigate(`/supports/${s.id}`, { state: { flash: 'requested' } }),
    onError: form.fromError,
  });

  const dated = draft.category !== '' && DATED_CATEGORIES.includes(draft.category);
  const reserve = flags.saProgram === 'odsp' && draft.useOdspReserve;
  const labels: Record<string, string> = {
    category: t('supports.fields.category'),
    description: t('supports.fields.description'),
    vendorName: t('supports.fields.vendorName'),
    sellerKind: t('supports.fields.sellerKind'),
    purchaseForm: t('supports.fields.purchaseForm'),
    amountCents: t('supports.fields.amount'),
    servicesDebt: t('supports.fields.servicesDebt'),
    periodFrom: t(
      draft.category === 'emergency_childcare' ? 'supports.fields.careFrom' : 'supports.fields.trainingFrom',
    ),
    periodTo: t(
      draft.category === 'emergency_childcare' ? 'supports.fields.careTo' : 'supports.fields.trainingTo',
    ),
    employerProvidesPpe: t('supports.fields.employerProvidesPpe'),
    link: t('supports.fields.link'),
    planGoalOrdinal: t('supports.fields.link'),
    planItemId: t('supports.fields.link'),
    'justification.evidenceOfNeed': t('supports.fields.evidenceOfNeed'),
    'justification.whyCouldNotPay': t('supports.fields.whyCouldNotPay'),
    'justification.reasonableCost': t('supports.fields.reasonableCost'),
    'justification.barrierTemporary': t('supports.fields.barrierTemporary'),
    'justification.noOtherFundingSource': t('supports.fields.noOtherFundingSource'),
    saCoordinationNote: t('supports.fields.saCoordinationNote'),
    plannedIssueOn: t('supports.fields.plannedIssueOn'),
    fundingSource: t('supports.fields.useOdspReserve'),
    odspReserveUse: t('supports.fields.odspReserveUse'),
  };
  const idFor = (field: string) =>
    field === 'planGoalOrdinal' || field === 'planItemId'
      ? 'link'
      : field === 'fundingSource'
        ? 'useOdspReserve'
        : defaultFieldId(field);

  const onSubmit = (e: FormEvent) => {
    e.preventDefault();
    if (submit.isPending) return;
    const cents = dollarsToCents(draft.amount);
    const ok = form.check(
      collect([
        ['category', !draft.category && t('supports.request.errors.category')],
        ['description', isBlank(draft.description) && t('supports.request.errors.description')],
        ['vendorName', isBlank(draft.vendorName) && t('supports.request.errors.vendorName')],
        ['amountCents', (cents === null || cents < 1) && t('supports.request.errors.amount')],
        [
          'servicesDebt',
          draft.purchaseForm === 'debt_payment' && !draft.servicesDebt && t('supports.request.errors.debt'),
        ],
        ['periodFrom', dated && !draft.periodFrom && t('supports.request.errors.periodFrom')],
        ['periodTo', dated && !draft.periodTo && t('supports.request.errors.periodTo')],
        ['plannedIssueOn', !draft.plannedIssueOn && t('supports.request.errors.plannedIssueOn')],
        ['odspReserveUse', reserve && !draft.odspReserveUse && t('supports.request.errors.odspReserveUse')],
      ]),
    );
    if (!ok || !body) return;
    form.clear();
    submit.mutate(body);
  };

  const linkOptions = [
    ...view.goals.map((g) => ({ value: `goal:${g.ordinal}`, label: t('supports.request.goalOption', g) })),
    ...view.items.map((i) => ({
      value: `item:${i.id}`,
      label: t('supports.request.itemOption', {
        title: i18n.language === 'fr' ? i.titleFr : i.title,
        ordinal: i.goalOrdinal,
      }),
    })),
  ];

  return (
    <form className="form" noValidate onSubmit={onSubmit} data-testid="support-request-form">
      <ErrorSummary form={form} labels={labels} idFor={idFor} />

      <h2>{t('supports.request.whatHeading')}</h2>
      <SelectField
        id="category"
        label={labels.category ?? ''}
        hint={draft.category ? words.categoryDescription(draft.category) : t('supports.request.categoryHint')}
        placeholder={t('common.choose')}
        options={SUPPORT_CATEGORIES.map((c) => ({ value: c, label: words.category(c) }))}
        value={draft.category}
        onChange={(v) => set('category')(v as SupportCategory | '')}
        error={form.field('category')}
        required
      />
      <TextAreaField
        id="description"
        label={labels.description ?? ''}
        hint={t('supports.request.descriptionHint')}
        value={draft.description}
        onChange={set('description')}
        maxLength={2000}
        rows={3}
        error={form.field('description')}
        required
      />
      {draft.category === 'special_equipment_supplies' ? (
        <Checkbox
          id="employerProvidesPpe"
          label={labels.employerProvidesPpe ?? ''}
          hint={t('supports.request.ppeHint')}
          checked={draft.employerProvidesPpe}
          onChange={set('employerProvidesPpe')}
        />
      ) : null}
      {dated ? (
        <div className="inline-fields">
          <TextField
            id="periodFrom"
            type="date"
            label={labels.periodFrom ?? ''}
            value={draft.periodFrom}
            onChange={set('periodFrom')}
            error={form.field('periodFrom')}
            required
          />
          <TextField
            id="periodTo"
            type="date"
            label={labels.periodTo ?? ''}
            hint={t(
              draft.category === 'emergency_childcare'
                ? 'supports.request.childcareHint'
                : 'supports.request.trainingHint',
            )}
            value={draft.periodTo}
            onChange={set('periodTo')}
            error={form.field('periodTo')}
            required
          />
        </div>
      ) : null}

      <h2>{t('supports.request.purchaseHeading')}</h2>
      <TextField
        id="vendorName"
        label={labels.vendorName ?? ''}
        value={draft.vendorName}
        onChange={set('vendorName')}
        error={form.field('vendorName')}
        required
      />
      <RadioGroup
        id="sellerKind"
        label={labels.sellerKind ?? ''}
        hint={t('supports.request.sellerHint')}
        options={SELLER_KINDS.map((k) => ({ value: k, label: t(`supports.sellerKinds.${k}`) }))}
        value={draft.sellerKind}
        onChange={(v) => set('sellerKind')(v as SellerKind)}
        error={form.field('sellerKind')}
        inline
      />
      <SelectField
        id="purchaseForm"
        label={labels.purchaseForm ?? ''}
        options={PURCHASE_FORMS.map((p) => ({ value: p, label: t(`supports.purchaseForms.${p}`) }))}
        value={draft.purchaseForm}
        onChange={(v) => set('purchaseForm')(v as PurchaseForm)}
        error={form.field('purchaseForm')}
      />
      <TextField
        id="amountCents"
        label={labels.amountCents ?? ''}
        hint={t('supports.request.amountHint')}
        inputMode="decimal"
        width={10}
        value={draft.amount}
        onChange={set('amount')}
        error={form.field('amountCents')}
        required
      />
      <Checkbox
        id="servicesDebt"
        label={labels.servicesDebt ?? ''}
        hint={t('supports.request.debtHint')}
        checked={draft.servicesDebt}
        onChange={set('servicesDebt')}
      />
      {form.field('servicesDebt') ? (
        <p className="field-error-text" data-testid="servicesDebt-error">
          {form.field('servicesDebt')}
        </p>
      ) : null}
      <TextField
        id="plannedIssueOn"
        type="date"
        label={labels.plannedIssueOn ?? ''}
        value={draft.plannedIssueOn}
        onChange={set('plannedIssueOn')}
        error={form.field('plannedIssueOn')}
        required
      />

      <h2>{t('supports.request.needHeading')}</h2>
      <p className="ontario-hint">{t('supports.request.needHint')}</p>
      <TextAreaField
        id="justification-evidenceOfNeed"
        label={labels['justification.evidenceOfNeed'] ?? ''}
        hint={t('supports.request.evidenceOfNeedHint')}
        value={draft.evidenceOfNeed}
        onChange={set('evidenceOfNeed')}
        maxLength={4000}
        rows={3}
        error={form.field('justification.evidenceOfNeed')}
      />
      <TextAreaField
        id="justification-whyCouldNotPay"
        label={labels['justification.whyCouldNotPay'] ?? ''}
        value={draft.whyCouldNotPay}
        onChange={set('whyCouldNotPay')}
        maxLength={4000}
        rows={3}
        error={form.field('justification.whyCouldNotPay')}
      />
      <SelectField
        id="link"
        label={labels.link ?? ''}
        hint={t('supports.request.linkHint')}
        placeholder={t('supports.request.linkNone')}
        options={linkOptions}
        value={draft.link}
        onChange={set('link')}
        error={form.field('planGoalOrdinal') ?? form.field('planItemId')}
      />
      <Checkbox
        id="justification-barrierTemporary"
        label={labels['justification.barrierTemporary'] ?? ''}
        checked={draft.barrierTemporary}
        onChange={set('barrierTemporary')}
      />
      <Checkbox
        id="justification-noOtherFundingSource"
        label={labels['justification.noOtherFundingSource'] ?? ''}
        hint={t('supports.request.noOtherFundingSourceHint')}
        checked={draft.noOtherFundingSource}
        onChange={set('noOtherFundingSource')}
      />
      <TextAreaField
        id="justification-reasonableCost"
        label={labels['justification.reasonableCost'] ?? ''}
        hint={t('supports.request.reasonableCostHint')}
        value={draft.reasonableCost}
        onChange={set('reasonableCost')}
        maxLength={4000}
        rows={3}
        error={form.field('justification.reasonableCost')}
      />

      {flags.saProgram ? (
        <>
          <h2>{t('supports.request.saHeading', { program: t(`saPrograms.${flags.saProgram}`) })}</h2>
          <TextAreaField
            id="saCoordinationNote"
            label={labels.saCoordinationNote ?? ''}
            hint={t('supports.request.saCoordinationHint')}
            value={draft.saCoordinationNote}
            onChange={set('saCoordinationNote')}
            maxLength={4000}
            rows={3}
            error={form.field('saCoordinationNote')}
          />
        </>
      ) : null}

      {flags.saProgram === 'odsp' ? (
        <OdspReserveFields draft={draft} setDraft={setDraft} error={form.field('odspReserveUse')} />
      ) : null}

      <PreviewPanel
        complete={body !== null}
        reasons={
          previewFresh
            ? (preview.data?.preApprovalReasons ?? [])
            : body
              ? // Until the API has answered for this very request, the same F6 rule on the plan's total.
                preApprovalReasons({
                  itemCents: body.amountCents,
                  clientPlanTotalCents:
                    body.fundingSource === 'odsp_client_reserve' ? 0 : view.planTotalCents,
                  servicesDebt: body.servicesDebt,
                  category: body.category,
                })
              : null
        }
        checked={previewFresh}
        problems={preview.data && body ? preview.data.problems : []}
        failed={preview.isError}
      />

      <div className="actions">
        <SubmitButton pending={submit.isPending} testId="support-request-submit">
          {submit.isPending ? t('common.saving') : t('supports.request.submit')}
        </SubmitButton>
      </div>
    </form>
  );
}

function OdspReserveFields({
  draft,
  setDraft,
  error,
}: {
  draft: RequestDraft;
  setDraft: Dispatch<SetStateAction<RequestDraft>>;
  error: string | undefined;
}) {
  const { t } = useTranslation();
  const set =
    <K extends keyof RequestDraft>(key: K) =>
    (value: RequestDraft[K]) =>
      setDraft((d) => ({ ...d, [key]: value }));
  return (
    <>
      <h2>{t('supports.request.odspHeading')}</h2>
      <Checkbox
        id="useOdspReserve"
        label={t('supports.fields.useOdspReserve')}
        hint={t('supports.request.odspHint')}
        checked={draft.useOdspReserve}
        onChange={set('useOdspReserve')}
      />
      {draft.useOdspReserve ? (
        <>
          <SelectField
            id="odspReserveUse"
            label={t('supports.fields.odspReserveUse')}
            placeholder={t('common.choose')}
            options={ODSP_RESERVE_USES.map((u) => ({ value: u, label: t(`supports.odspReserveUses.${u}`) }))}
            value={draft.odspReserveUse}
            onChange={(v) => set('odspReserveUse')(v as OdspReserveUse | '')}
            error={error}
            required
          />
          {draft.odspReserveUse === 'specialized_diagnostic_assessment' ? (
            <>
              <Checkbox
                id="odsp-infoNotObtainableOtherwise"
                label={t('supports.odsp.infoNotObtainableOtherwise')}
                checked={draft.infoNotObtainableOtherwise}
                onChange={set('infoNotObtainableOtherwise')}
              />
              <Checkbox
                id="odsp-byProfessional"
                label={t('supports.odsp.byProfessional')}
                checked={draft.byProfessional}
                onChange={set('byProfessional')}
              />
              <Checkbox
                id="odsp-writtenConsent"
                label={t('supports.odsp.writtenConsent')}
                checked={draft.writtenConsent}
                onChange={set('writtenConsent')}
              />
            </>
          ) : null}
          {draft.odspReserveUse === 'workplace_accommodation' ? (
            <RadioGroup
              id="odsp-owedByEmployer"
              label={t('supports.odsp.owedByEmployer')}
              options={[
                { value: 'yes', label: t('supports.odsp.owedYes') },
                { value: 'no', label: t('supports.odsp.owedNo') },
              ]}
              value={draft.owedByEmployer}
              onChange={(v) => set('owedByEmployer')(v === 'yes' ? 'yes' : 'no')}
            />
          ) : null}
        </>
      ) : null}
    </>
  );
}

/** F6 before submitting: whether the SSM must pre-approve and why, and what F1–F9 still miss. */
function PreviewPanel({
  complete,
  reasons,
  checked,
  problems,
  failed,
}: {
  complete: boolean;
  reasons: Parameters<typeof PreApprovalReasons>[0]['reasons'] | null;
  checked: boolean;
  problems: Parameters<typeof ProblemList>[0]['problems'];
  failed: boolean;
}) {
  const { t } = useTranslation();
  const needs = reasons !== null && reasons.length > 0;
  return (
    <section
      className="panel"
      aria-labelledby="preview-heading"
      data-testid="support-preview"
      data-checked={checked}
      data-needs-pre-approval={reasons === null ? undefined : needs}
    >
      <h2 id="preview-heading" className="ontario-h4">
        {t('supports.preview.heading')}
      </h2>
      <div aria-live="polite">
        {reasons === null ? (
          <p className="tag--muted">{t('supports.preview.incomplete')}</p>
        ) : needs ? (
          <>
            <p data-testid="preview-needs-pre-approval">
              <strong>{t('supports.preview.needs')}</strong>
            </p>
            <PreApprovalReasons reasons={reasons} />
          </>
        ) : (
          <p data-testid="preview-no-pre-approval">
            <strong>{t('supports.preview.notNeeded')}</strong>
          </p>
        )}
        {complete && problems.length ? (
          <>
            <p>{t('supports.preview.stillMissing')}</p>
            <ProblemList problems={problems} testId="preview-problems" />
          </>
        ) : null}
        {failed ? (
          <PageAlert kind="warning" heading={t('supports.preview.failed')}>
            <p>{t('supports.preview.failedBody')}</p>
          </PageAlert>
        ) : null}
      </div>
    </section>
  );
}
