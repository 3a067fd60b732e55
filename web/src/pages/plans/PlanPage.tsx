import type { TFunction } from 'i18next';
import { useState, type Dispatch, type FormEvent, type SetStateAction } from 'react';
import { useTranslation } from 'react-i18next';
import { centsToInput, dollarsToCents } from '../../money.js';
import { Link } from 'react-router-dom';
import { PageAlert } from '../../components/Alert.js';
import { ErrorSummary } from '../../components/ErrorSummary.js';
import { RadioGroup, SelectField, SubmitButton, TextAreaField, TextField } from '../../components/fields.js';
import { todayIso, useFormatters } from '../../format.js';
import { collect, useFormErrors, type FieldMessages, type FormErrorsState } from '../../forms.js';
import { useCan } from '../../session.js';
import { SharedSupportsSection } from '../supports/SharedSupportsSection.js';
import { useCatalogue, usePlanStep } from './data.js';
import { PlanHistorySection } from './PlanHistory.js';
import { ItemStatusTag, itemName, PlanPageFrame, PlanStatusTag, useClosureLabel } from './shared.js';
import {
  isEarlyExit,
  PLAN_ITEM_OUTCOMES,
  PLAN_ITEM_STATUSES,
  SIGNATURE_METHODS,
  SUB_GOAL_KINDS,
  type ClosureReason,
  type ItemCreate,
  type ItemUpdate,
  type PlanDetail,
  type PlanGoal,
  type PlanItem,
  type PlanItemOutcome,
  type PlanItemStatus,
  type PlanSubGoal,
  type SignatureMethod,
  type SubGoalKind,
} from './types.js';

/**
 * The Employment Action Plan (A1–A10): the provider builds it with the client (two goals, sub-goals,
 * items from the SSM's catalogue or custom), prints the summary for signature, records it, activates,
 * and later refers to training, resumes or closes. The SA caseworker sees the same page read-only,
 * with the comments shared on each item (I2).
 */
export function PlanPage() {
  const { t } = useTranslation();
  return (
    <PlanPageFrame
      title={(p) => (p ? t('plans.plan.title', { reference: p.reference }) : t('plans.plan.titleLoading'))}
      back={(p) => ({ to: `/clients/${p.clientId}/workspace`, label: t('plans.plan.backToWorkspace') })}
    >
      {(plan) => <PlanBody plan={plan} />}
    </PlanPageFrame>
  );
}

function PlanBody({ plan }: { plan: PlanDetail }) {
  const { t } = useTranslation();
  const [flash, setFlash] = useState<string | null>(null);
  const can = (a: PlanDetail['actions'][number]) => !plan.readOnly && plan.actions.includes(a);
  const canSession = useCan();
  const done = (message: string) => () => setFlash(message);
  return (
    <div className="plan" data-testid="plan" data-status={plan.status} data-readonly={plan.readOnly}>
      <div role="status" className="plan-flash">
        {flash ? (
          <PageAlert kind="success" heading={flash}>
            <p>{t('plans.plan.savedBody')}</p>
          </PageAlert>
        ) : null}
      </div>
      <PlanHeader plan={plan} />
      {plan.readOnly ? (
        <PageAlert kind="informational" heading={t('plans.plan.readOnlyHeading')}>
          <p>{t('plans.plan.readOnlyBody')}</p>
        </PageAlert>
      ) : null}
      {plan.status !== 'draft' && plan.actions.includes('print_summary') ? (
        <p className="actions">
          <Link to={`/plans/${plan.id}/summary`} data-testid="print-summary">
            {t('plans.sign.printSummary')}
          </Link>
        </p>
      ) : null}
      {plan.status !== 'draft' ? (
        <p className="actions">
          <Link to={`/plans/${plan.id}/monitoring`} data-testid="open-monitoring">
            {t('monitoring.openFromPlan')}
          </Link>
          {canSession('support.read') ? (
            <Link to={`/plans/${plan.id}/supports`} data-testid="open-supports">
              {t('supports.openFromPlan')}
            </Link>
          ) : null}
        </p>
      ) : null}
      {plan.onHold ? <OnHoldNotice plan={plan} /> : null}
      {plan.closure ? <ClosureDetails plan={plan} /> : null}
      {plan.status === 'draft' && !plan.readOnly ? <ActivationChecklist plan={plan} /> : null}
      <GoalsSection plan={plan} editable={can('edit')} onSaved={done(t('plans.goals.saved'))} />
      <SubGoalsSection plan={plan} editable={can('edit')} onSaved={setFlash} />
      {!plan.readOnly && plan.status === 'draft' ? <SignSection plan={plan} onSaved={setFlash} /> : null}
      {can('record_training_referral') ? (
        <TrainingReferralForm plan={plan} onSaved={done(t('plans.training.saved'))} />
      ) : null}
      {can('resume') ? <ResumeForm plan={plan} onSaved={done(t('plans.resume.saved'))} /> : null}
      {can('close') ? <CloseForm plan={plan} onSaved={done(t('plans.close.saved'))} /> : null}
      {plan.readOnly && plan.status !== 'draft' && canSession('support.read') ? (
        <SharedSupportsSection planId={plan.id} />
      ) : null}
      {!plan.readOnly ? <PlanHistorySection planId={plan.id} /> : null}
    </div>
  );
}

function PlanHeader({ plan }: { plan: PlanDetail }) {
  const { t } = useTranslation();
  const fmt = useFormatters();
  return (
    <dl className="details plan-header" data-testid="plan-header">
      <dt>{t('plans.fields.reference')}</dt>
      <dd data-testid="plan-reference">{plan.reference}</dd>
      <dt>{t('plans.fields.client')}</dt>
      <dd>
        {plan.client.displayName} <span className="tag--muted">({plan.client.reference})</span>
        {plan.client.saProgram ? (
          <>
            {' '}
            <span className="tag tag--warning">{t(`saPrograms.${plan.client.saProgram}`)}</span>
          </>
        ) : null}
      </dd>
      <dt>{t('plans.fields.status')}</dt>
      <dd>
        <PlanStatusTag status={plan.status} />{' '}
        <span className="tag--muted">{t(`plans.phases.${plan.phase}`)}</span>
      </dd>
      <dt>{t('plans.fields.organization')}</dt>
      <dd>{plan.organization.name}</dd>
      <dt>{t('plans.fields.assessment')}</dt>
      <dd>
        {plan.readOnly ? (
          plan.assessment.reference
        ) : (
          <Link to={`/assessments/${plan.assessment.id}/summary`}>{plan.assessment.reference}</Link>
        )}{' '}
        <span className="tag--muted">
          ({t('plans.fields.submittedOn', { date: fmt.dateTime(plan.assessment.submittedAt) })})
        </span>
      </dd>
      <dt>{t('plans.fields.stream')}</dt>
      <dd data-testid="plan-stream" data-stream={plan.stream}>
        {t('assessments.segmentation.streamValue', {
          letter: plan.stream,
          name: t(`streams.${plan.stream}`),
        })}{' '}
        <span className="tag--muted">{t('plans.fields.streamInternal')}</span>
      </dd>
      {plan.activatedAt ? (
        <>
          <dt>{t('plans.fields.activatedAt')}</dt>
          <dd>{fmt.dateTime(plan.activatedAt)}</dd>
        </>
      ) : null}
      <dt>{t('plans.fields.signature')}</dt>
      <dd data-testid="plan-signature">
        {plan.signature ? (
          <>
            {t('plans.sign.signedOn', {
              date: fmt.date(plan.signature.signedOn),
              method: t(`plans.signatureMethods.${plan.signature.method}`),
            })}
            {!plan.signature.current ? (
              <>
                {' '}
                <span className="tag tag--danger">{t('plans.sign.outdated')}</span>
              </>
            ) : null}
          </>
        ) : (
          <span className="tag--muted">{t('plans.sign.notSigned')}</span>
        )}
      </dd>
      <dt>{t('plans.fields.totalCost')}</dt>
      <dd data-testid="plan-total">{fmt.money(plan.totalCostCents)}</dd>
    </dl>
  );
}

function OnHoldNotice({ plan }: { plan: PlanDetail }) {
  const { t } = useTranslation();
  const fmt = useFormatters();
  if (!plan.onHold) return null;
  return (
    <PageAlert kind="informational" heading={t('plans.onHold.heading')}>
      <p data-testid="plan-on-hold">
        {t('plans.onHold.body', {
          date: fmt.date(plan.onHold.since.slice(0, 10)),
          program: plan.training ? t(`plans.trainingPrograms.${plan.training.program}`) : '—',
        })}
      </p>
    </PageAlert>
  );
}

function ClosureDetails({ plan }: { plan: PlanDetail }) {
  const { t } = useTranslation();
  const fmt = useFormatters();
  const label = useClosureLabel();
  const c = plan.closure;
  if (!c) return null;
  return (
    <section className="section" aria-labelledby="closure-heading" data-testid="plan-closure">
      <h2 id="closure-heading">{t('plans.closure.heading')}</h2>
      <dl className="details">
        <dt>{t('plans.closure.closedAt')}</dt>
        <dd>{fmt.dateTime(c.closedAt)}</dd>
        <dt>{t('plans.closure.reason')}</dt>
        <dd data-testid="closure-reason" data-reason={c.reason}>
          {label(c.reason)}
        </dd>
        <dt>{t('plans.closure.phase')}</dt>
        <dd>{t(`plans.phases.${c.phase}`)}</dd>
        {c.earlyExit ? (
          <>
            <dt>{t('plans.closure.earlyExit')}</dt>
            <dd>
              <span className="tag tag--warning">{t('plans.closure.earlyExitYes')}</span>
            </dd>
          </>
        ) : null}
        {c.note ? (
          <>
            <dt>{t('plans.closure.note')}</dt>
            <dd className="pre-wrap">{c.note}</dd>
          </>
        ) : null}
      </dl>
    </section>
  );
}

/** A2/A3: what still stands between the draft and activation, said in words. */
function ActivationChecklist({ plan }: { plan: PlanDetail }) {
  const { t } = useTranslation();
  return (
    <section className="section" aria-labelledby="activation-heading" data-testid="activation-problems">
      <h2 id="activation-heading">{t('plans.activation.heading')}</h2>
      {plan.activationProblems.length ? (
        <>
          <p>{t('plans.activation.intro')}</p>
          <ul>
            {plan.activationProblems.map((p) => (
              <li key={`${p.rule}-${p.code}`} data-testid="activation-problem" data-code={p.code}>
                <strong>{p.rule}</strong>{' '}
                {t(`plans.activation.problems.${p.code}`, {
                  defaultValue: t('plans.activation.problemFallback', { code: p.code }),
                })}
              </li>
            ))}
          </ul>
        </>
      ) : (
        <p data-testid="activation-ready">{t('plans.activation.ready')}</p>
      )}
    </section>
  );
}

function GoalsSection({
  plan,
  editable,
  onSaved,
}: {
  plan: PlanDetail;
  editable: boolean;
  onSaved: () => void;
}) {
  const { t } = useTranslation();
  const [editing, setEditing] = useState(false);
  const blank = plan.goals.every((g) => !g.title.trim());
  const showForm = editable && (editing || blank);
  return (
    <section className="section" aria-labelledby="goals-heading" data-testid="plan-goals">
      <h2 id="goals-heading">{t('plans.goals.heading')}</h2>
      <p className="tag--muted">{t('plans.goals.intro')}</p>
      {showForm ? (
        <GoalsForm
          plan={plan}
          onDone={() => {
            setEditing(false);
            onSaved();
          }}
          onCancel={blank ? undefined : () => setEditing(false)}
        />
      ) : (
        <>
          <ol className="plan-goals">
            {plan.goals.map((g) => (
              <li key={g.ordinal} data-testid="plan-goal" data-ordinal={g.ordinal}>
                <h3>
                  {t('plans.goals.goalLabel', { n: g.ordinal })}{' '}
                  {g.title || <span className="tag--muted">{t('plans.goals.notSet')}</span>}
                </h3>
                {g.description ? <p className="pre-wrap">{g.description}</p> : null}
              </li>
            ))}
          </ol>
          {editable ? (
            <p className="actions">
              <button
                type="button"
                className="ontario-button ontario-button--secondary"
                onClick={() => setEditing(true)}
                data-testid="goals-edit"
              >
                {t('plans.goals.edit')}
              </button>
            </p>
          ) : null}
        </>
      )}
    </section>
  );
}

function GoalsForm({
  plan,
  onDone,
  onCancel,
}: {
  plan: PlanDetail;
  onDone: () => void;
  onCancel: (() => void) | undefined;
}) {
  const { t } = useTranslation();
  const form = useFormErrors();
  const initial = (n: 1 | 2): PlanGoal =>
    plan.goals.find((g) => g.ordinal === n) ?? { ordinal: n, title: '', description: '' };
  const [goals, setGoals] = useState<PlanGoal[]>([initial(1), initial(2)]);
  const save = usePlanStep<{ goals: PlanGoal[] }>(plan.id, '/goals', {
    method: 'PUT',
    onError: form.fromError,
    onSuccess: onDone,
  });
  const set = (i: number, field: 'title' | 'description', value: string) =>
    setGoals((gs) => gs.map((g, j) => (j === i ? { ...g, [field]: value } : g)));
  const labels: Record<string, string> = {};
  goals.forEach((g, i) => {
    labels[`goals.${i}.title`] = t('plans.goals.titleN', { n: g.ordinal });
    labels[`goals.${i}.description`] = t('plans.goals.descriptionN', { n: g.ordinal });
  });
  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (save.isPending) return;
    // A2: the plan has two goals; both need a title before activation, one is enough to save.
    if (
      !form.check(
        collect([['goals.0.title', !goals.some((g) => g.title.trim()) && t('plans.goals.errors.title')]]),
      )
    )
      return;
    form.clear();
    save.mutate({
      goals: goals.map((g) => ({
        ordinal: g.ordinal,
        title: g.title.trim(),
        description: g.description.trim(),
      })),
    });
  };
  return (
    <>
      <ErrorSummary
        form={form}
        labels={labels}
        idFor={(f) => {
          const [, i, field] = f.split('.');
          return i !== undefined && field ? `goal-${Number(i) + 1}-${field}` : 'goal-1-title';
        }}
      />
      <form className="form" onSubmit={submit} noValidate data-testid="goals-form">
        {goals.map((g, i) => (
          <fieldset className="ontario-fieldset plan-goal-fields" key={g.ordinal}>
            <legend className="ontario-fieldset__legend">{t('plans.goals.goalN', { n: g.ordinal })}</legend>
            <TextField
              id={`goal-${g.ordinal}-title`}
              label={labels[`goals.${i}.title`] ?? ''}
              value={g.title}
              onChange={(v) => set(i, 'title', v)}
              error={form.field(`goals.${i}.title`)}
              required
            />
            <TextAreaField
              id={`goal-${g.ordinal}-description`}
              label={labels[`goals.${i}.description`] ?? ''}
              hint={t('plans.goals.descriptionHint')}
              value={g.description}
              onChange={(v) => set(i, 'description', v)}
              error={form.field(`goals.${i}.description`)}
              rows={3}
              maxLength={2000}
              optional
            />
          </fieldset>
        ))}
        <div className="actions">
          <SubmitButton pending={save.isPending} testId="goals-submit">
            {save.isPending ? t('common.saving') : t('plans.goals.submit')}
          </SubmitButton>
          {onCancel ? (
            <button type="button" className="ontario-button ontario-button--tertiary" onClick={onCancel}>
              {t('common.cancel')}
            </button>
          ) : null}
        </div>
      </form>
    </>
  );
}

function SubGoalsSection({
  plan,
  editable,
  onSaved,
}: {
  plan: PlanDetail;
  editable: boolean;
  onSaved: (message: string) => void;
}) {
  const { t } = useTranslation();
  return (
    <section className="section" aria-labelledby="subgoals-heading" data-testid="plan-sub-goals">
      <h2 id="subgoals-heading">{t('plans.subGoals.heading')}</h2>
      {plan.subGoals.length === 0 ? <p data-testid="sub-goals-empty">{t('plans.subGoals.none')}</p> : null}
      {([1, 2] as const).map((ordinal) => {
        const under = plan.subGoals.filter((s) => s.goalOrdinal === ordinal);
        if (!under.length) return null;
        const goal = plan.goals.find((g) => g.ordinal === ordinal);
        return (
          <div key={ordinal} className="plan-goal-block">
            <h3>
              {t('plans.goals.goalN', { n: ordinal })}
              {goal?.title ? `: ${goal.title}` : ''}
            </h3>
            {under.map((s) => (
              <SubGoalView key={s.id} plan={plan} subGoal={s} editable={editable} onSaved={onSaved} />
            ))}
          </div>
        );
      })}
      {editable ? <AddSubGoalForm plan={plan} onSaved={() => onSaved(t('plans.subGoals.added'))} /> : null}
    </section>
  );
}

function SubGoalView({
  plan,
  subGoal,
  editable,
  onSaved,
}: {
  plan: PlanDetail;
  subGoal: PlanSubGoal;
  editable: boolean;
  onSaved: (message: string) => void;
}) {
  const { t } = useTranslation();
  const headingId = `subgoal-${subGoal.id}-heading`;
  return (
    <div
      className="panel plan-sub-goal"
      role="group"
      aria-labelledby={headingId}
      data-testid="sub-goal"
      data-kind={subGoal.kind}
      data-goal={subGoal.goalOrdinal}
    >
      <h4 id={headingId}>{t(`plans.subGoalKinds.${subGoal.kind}`)}</h4>
      {subGoal.items.length === 0 ? (
        <p className="tag--muted" data-testid="sub-goal-no-items">
          {t('plans.items.none')}
        </p>
      ) : (
        <ul className="plan-items">
          {subGoal.items.map((item) => (
            <ItemView
              key={item.id}
              plan={plan}
              item={item}
              editable={editable}
              onSaved={() => onSaved(t('plans.items.updated'))}
            />
          ))}
        </ul>
      )}
      {editable ? (
        <AddItemForm plan={plan} subGoal={subGoal} onSaved={() => onSaved(t('plans.items.added'))} />
      ) : null}
    </div>
  );
}

function ItemView({
  plan,
  item,
  editable,
  onSaved,
}: {
  plan: PlanDetail;
  item: PlanItem;
  editable: boolean;
  onSaved: () => void;
}) {
  const { t } = useTranslation();
  const fmt = useFormatters();
  const name = itemName(item, fmt.locale);
  return (
    <li className="plan-item" data-testid="plan-item" data-item-id={item.id} data-code={item.code ?? ''}>
      <p className="plan-item__name">
        <strong data-testid="item-name">{name}</strong>{' '}
        {item.custom ? <span className="tag tag--muted-box">{t('plans.items.custom')}</span> : null}{' '}
        <ItemStatusTag status={item.status} />
        {item.outcome ? (
          <>
            {' '}
            <span className="tag tag--muted-box" data-testid="item-outcome">
              {t(`plans.itemOutcomes.${item.outcome}`)}
            </span>
          </>
        ) : null}
      </p>
      <dl className="details details--compact">
        <dt>{t('plans.items.cost')}</dt>
        <dd data-testid="item-cost">{fmt.money(item.costCents)}</dd>
        <dt>{t('plans.items.planned')}</dt>
        <dd>
          {t('plans.items.dateRange', { start: fmt.date(item.plannedStart), end: fmt.date(item.plannedEnd) })}
        </dd>
        {item.actualEnd ? (
          <>
            <dt>{t('plans.items.actualEnd')}</dt>
            <dd>{fmt.date(item.actualEnd)}</dd>
          </>
        ) : null}
        {item.trainingProgram ? (
          <>
            <dt>{t('plans.items.trainingProgram')}</dt>
            <dd>{t(`plans.trainingPrograms.${item.trainingProgram}`)}</dd>
          </>
        ) : null}
      </dl>
      <ItemComments item={item} />
      {editable ? <ItemEditForm plan={plan} item={item} onSaved={onSaved} /> : null}
    </li>
  );
}

/** I2: the notes shared on this item, which the SA caseworker reads too. */
function ItemComments({ item }: { item: PlanItem }) {
  const { t } = useTranslation();
  const fmt = useFormatters();
  if (!item.comments.length) return null;
  return (
    <div className="plan-item__comments">
      <h5 className="ontario-h6">{t('plans.items.comments', { count: item.comments.length })}</h5>
      <ol className="timeline" data-testid="item-comments">
        {item.comments.map((c) => (
          <li key={c.id} data-testid="item-comment">
            <p className="timeline__when tag--muted">
              {fmt.dateTime(c.at)} · {c.author.name}, {c.author.organizationName}
            </p>
            <p className="pre-wrap">{c.body}</p>
          </li>
        ))}
      </ol>
    </div>
  );
}

/** An item's cost and planned dates, as the add and the edit forms both hold them (money as typed). */
interface CostAndDates {
  cost: string;
  plannedStart: string;
  plannedEnd: string;
}

const costAndDatesLabels = (t: TFunction) => ({
  costCents: t('plans.items.costDollars'),
  plannedStart: t('plans.items.plannedStart'),
  plannedEnd: t('plans.items.plannedEnd'),
});

/** The checks on an item's cost and dates, the same whether it is being added or edited. */
const costAndDatesChecks = (
  { cost, plannedStart, plannedEnd }: CostAndDates,
  t: TFunction,
): [string, string | false][] => [
  ['costCents', dollarsToCents(cost) === null && t('plans.items.errors.cost')],
  ['plannedStart', !plannedStart && t('plans.items.errors.plannedStart')],
  ['plannedEnd', !plannedEnd && t('plans.items.errors.plannedEnd')],
  [
    'plannedEnd',
    !!plannedEnd && !!plannedStart && plannedEnd < plannedStart && t('plans.items.errors.endBeforeStart'),
  ],
];

/**
 * An item's cost and planned-date fields. `endNotBeforeStart` keeps the end's date picker from offering
 * a day before the start (the add form does; the edit form never has).
 */
function CostAndDatesFields({
  idPrefix: p,
  value,
  onChange,
  form,
  endNotBeforeStart = false,
}: {
  idPrefix: string;
  value: CostAndDates;
  onChange: Dispatch<SetStateAction<CostAndDates>>;
  form: FormErrorsState;
  endNotBeforeStart?: boolean;
}) {
  const { t } = useTranslation();
  const labels = costAndDatesLabels(t);
  const set = (field: keyof CostAndDates) => (v: string) => onChange((was) => ({ ...was, [field]: v }));
  return (
    <>
      <TextField
        id={`${p}-costCents`}
        label={labels.costCents}
        hint={t('plans.items.costHint')}
        value={value.cost}
        onChange={set('cost')}
        error={form.field('costCents')}
        inputMode="decimal"
        width={7}
        required
      />
      <TextField
        id={`${p}-plannedStart`}
        type="date"
        label={labels.plannedStart}
        value={value.plannedStart}
        onChange={set('plannedStart')}
        error={form.field('plannedStart')}
        width={10}
        required
      />
      <TextField
        id={`${p}-plannedEnd`}
        type="date"
        label={labels.plannedEnd}
        value={value.plannedEnd}
        onChange={set('plannedEnd')}
        error={form.field('plannedEnd')}
        width={10}
        min={endNotBeforeStart ? value.plannedStart || undefined : undefined}
        required
      />
    </>
  );
}

function ItemEditForm({ plan, item, onSaved }: { plan: PlanDetail; item: PlanItem; onSaved: () => void }) {
  const { t } = useTranslation();
  const fmt = useFormatters();
  const form = useFormErrors();
  const [open, setOpen] = useState(false);
  const [status, setStatus] = useState<PlanItemStatus>(item.status);
  const [outcome, setOutcome] = useState<PlanItemOutcome | ''>(item.outcome ?? '');
  const [actualEnd, setActualEnd] = useState(item.actualEnd ?? '');
  const [costAndDates, setCostAndDates] = useState<CostAndDates>({
    cost: centsToInput(item.costCents, fmt.locale === 'fr' ? 'fr' : 'en'),
    plannedStart: item.plannedStart,
    plannedEnd: item.plannedEnd,
  });
  const { plannedStart, plannedEnd } = costAndDates;
  const save = usePlanStep<ItemUpdate>(plan.id, `/items/${encodeURIComponent(item.id)}`, {
    method: 'PATCH',
    onError: form.fromError,
    onSuccess: () => {
      setOpen(false);
      onSaved();
    },
  });
  const p = `edit-${item.id}`;
  const labels = {
    status: t('plans.items.status'),
    outcome: t('plans.items.outcome'),
    actualEnd: t('plans.items.actualEnd'),
    ...costAndDatesLabels(t),
  };
  const ended = status === 'completed' || status === 'cancelled';
  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (save.isPending) return;
    const cents = dollarsToCents(costAndDates.cost);
    const problems: FieldMessages = collect([
      ...costAndDatesChecks(costAndDates, t),
      ['actualEnd', actualEnd && actualEnd > todayIso() && t('plans.items.errors.future')],
      ['outcome', status === 'completed' && !outcome && t('plans.items.errors.outcome')],
    ]);
    if (!form.check(problems) || cents === null) return;
    form.clear();
    const body: ItemUpdate = {};
    if (status !== item.status) body.status = status;
    if ((outcome || null) !== item.outcome) body.outcome = outcome || null;
    if ((actualEnd || null) !== item.actualEnd) body.actualEnd = actualEnd || null;
    if (cents !== item.costCents) body.costCents = cents;
    if (plannedStart !== item.plannedStart) body.plannedStart = plannedStart;
    if (plannedEnd !== item.plannedEnd) body.plannedEnd = plannedEnd;
    if (Object.keys(body).length === 0) {
      setOpen(false);
      return;
    }
    save.mutate(body);
  };
  return (
    <details
      className="plan-item__edit"
      open={open}
      onToggle={(e) => setOpen((e.currentTarget as HTMLDetailsElement).open)}
    >
      <summary data-testid="item-edit-open">
        {t('plans.items.edit')}
        <span className="ontario-show-for-sr">: {itemName(item, fmt.locale)}</span>
      </summary>
      <ErrorSummary form={form} labels={labels} idFor={(f) => `${p}-${f}`} />
      <form className="form" onSubmit={submit} noValidate data-testid="item-edit-form">
        <SelectField
          id={`${p}-status`}
          label={labels.status}
          options={PLAN_ITEM_STATUSES.map((s) => ({ value: s, label: t(`plans.itemStatuses.${s}`) }))}
          value={status}
          onChange={(v) => setStatus(v as PlanItemStatus)}
          error={form.field('status')}
          required
        />
        <SelectField
          id={`${p}-outcome`}
          label={labels.outcome}
          options={PLAN_ITEM_OUTCOMES.map((o) => ({ value: o, label: t(`plans.itemOutcomes.${o}`) }))}
          placeholder={t('plans.items.noOutcome')}
          value={outcome}
          onChange={(v) => setOutcome(v as PlanItemOutcome | '')}
          error={form.field('outcome')}
          required={status === 'completed'}
          optional={status !== 'completed'}
        />
        <TextField
          id={`${p}-actualEnd`}
          type="date"
          label={labels.actualEnd}
          value={actualEnd}
          onChange={setActualEnd}
          error={form.field('actualEnd')}
          width={10}
          max={todayIso()}
          optional={!ended}
        />
        <CostAndDatesFields idPrefix={p} value={costAndDates} onChange={setCostAndDates} form={form} />
        <SubmitButton pending={save.isPending} variant="secondary" testId="item-edit-submit">
          {save.isPending ? t('common.saving') : t('plans.items.saveChanges')}
        </SubmitButton>
      </form>
    </details>
  );
}

function AddSubGoalForm({ plan, onSaved }: { plan: PlanDetail; onSaved: () => void }) {
  const { t } = useTranslation();
  const form = useFormErrors();
  const [goalOrdinal, setGoalOrdinal] = useState<'1' | '2'>('1');
  const [kind, setKind] = useState<SubGoalKind | ''>('');
  const add = usePlanStep<{ goalOrdinal: 1 | 2; kind: SubGoalKind }>(plan.id, '/sub-goals', {
    onError: form.fromError,
    onSuccess: () => {
      setKind('');
      onSaved();
    },
  });
  const taken = new Set(
    plan.subGoals.filter((s) => String(s.goalOrdinal) === goalOrdinal).map((s) => s.kind),
  );
  const labels = { goalOrdinal: t('plans.subGoals.goal'), kind: t('plans.subGoals.kind') };
  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (add.isPending) return;
    if (!form.check(collect([['kind', !kind && t('plans.subGoals.errors.kind')]])) || !kind) return;
    form.clear();
    add.mutate({ goalOrdinal: goalOrdinal === '2' ? 2 : 1, kind });
  };
  return (
    <div className="plan-add" data-testid="add-sub-goal">
      <h3>{t('plans.subGoals.addHeading')}</h3>
      <ErrorSummary form={form} labels={labels} idFor={(f) => `subgoal-${f}`} />
      <form className="form" onSubmit={submit} noValidate>
        <SelectField
          id="subgoal-goalOrdinal"
          label={labels.goalOrdinal}
          options={plan.goals.map((g) => ({
            value: String(g.ordinal),
            label: g.title
              ? `${t('plans.goals.goalLabel', { n: g.ordinal })} ${g.title}`
              : t('plans.goals.goalN', { n: g.ordinal }),
          }))}
          value={goalOrdinal}
          onChange={(v) => setGoalOrdinal(v === '2' ? '2' : '1')}
          error={form.field('goalOrdinal')}
          required
        />
        <SelectField
          id="subgoal-kind"
          label={labels.kind}
          options={SUB_GOAL_KINDS.filter((k) => !taken.has(k)).map((k) => ({
            value: k,
            label: t(`plans.subGoalKinds.${k}`),
          }))}
          placeholder={t('common.choose')}
          value={kind}
          onChange={(v) => setKind(v as SubGoalKind | '')}
          error={form.field('kind')}
          required
        />
        <SubmitButton pending={add.isPending} variant="secondary" testId="subgoal-submit">
          {t('plans.subGoals.add')}
        </SubmitButton>
      </form>
    </div>
  );
}

function AddItemForm({
  plan,
  subGoal,
  onSaved,
}: {
  plan: PlanDetail;
  subGoal: PlanSubGoal;
  onSaved: () => void;
}) {
  const { t } = useTranslation();
  const fmt = useFormatters();
  const form = useFormErrors();
  const [open, setOpen] = useState(false);
  const [source, setSource] = useState<'catalogue' | 'custom'>('catalogue');
  const [catalogueItemId, setCatalogueItemId] = useState('');
  const [customTitle, setCustomTitle] = useState('');
  const [costAndDates, setCostAndDates] = useState<CostAndDates>({
    cost: '0.00',
    plannedStart: todayIso(),
    plannedEnd: '',
  });
  const { plannedStart, plannedEnd } = costAndDates;
  const catalogue = useCatalogue(subGoal.kind, false, open);
  const add = usePlanStep<ItemCreate>(plan.id, '/items', {
    onError: form.fromError,
    onSuccess: () => {
      setCatalogueItemId('');
      setCustomTitle('');
      setCostAndDates((v) => ({ ...v, cost: '0.00', plannedEnd: '' }));
      setOpen(false);
      onSaved();
    },
  });
  const p = `additem-${subGoal.id}`;
  const labels = {
    source: t('plans.items.source'),
    catalogueItemId: t('plans.items.catalogueItem'),
    customTitle: t('plans.items.customTitle'),
    ...costAndDatesLabels(t),
  };
  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (add.isPending) return;
    const cents = dollarsToCents(costAndDates.cost);
    const problems = collect([
      [
        'catalogueItemId',
        source === 'catalogue' && !catalogueItemId && t('plans.items.errors.catalogueItem'),
      ],
      [
        'customTitle',
        source === 'custom' && customTitle.trim().length < 2 && t('plans.items.errors.customTitle'),
      ],
      ...costAndDatesChecks(costAndDates, t),
    ]);
    if (!form.check(problems) || cents === null) return;
    form.clear();
    add.mutate({
      subGoalId: subGoal.id,
      ...(source === 'catalogue' ? { catalogueItemId } : { customTitle: customTitle.trim() }),
      costCents: cents,
      plannedStart,
      plannedEnd,
    });
  };
  const chosen = catalogue.data?.items.find((i) => i.id === catalogueItemId);
  return (
    <details
      className="plan-add"
      open={open}
      onToggle={(e) => setOpen((e.currentTarget as HTMLDetailsElement).open)}
    >
      <summary data-testid="add-item-open">
        {t('plans.items.add')}
        <span className="ontario-show-for-sr">: {t(`plans.subGoalKinds.${subGoal.kind}`)}</span>
      </summary>
      <ErrorSummary form={form} labels={labels} idFor={(f) => `${p}-${f}`} />
      <form className="form" onSubmit={submit} noValidate data-testid="add-item-form">
        <RadioGroup
          id={`${p}-source`}
          label={labels.source}
          options={[
            { value: 'catalogue', label: t('plans.items.fromCatalogue') },
            { value: 'custom', label: t('plans.items.customBasic') },
          ]}
          value={source}
          onChange={(v) => setSource(v === 'custom' ? 'custom' : 'catalogue')}
          inline
        />
        {source === 'catalogue' ? (
          <>
            {catalogue.isPending && open ? <p className="loading">{t('common.loading')}</p> : null}
            {catalogue.isError ? (
              <p className="field-error-text">{t('plans.items.catalogueFailed')}</p>
            ) : null}
            <SelectField
              id={`${p}-catalogueItemId`}
              label={labels.catalogueItemId}
              hint={t('plans.items.catalogueHint', { kind: t(`plans.subGoalKinds.${subGoal.kind}`) })}
              options={(catalogue.data?.items ?? [])
                .filter((i) => i.active)
                .map((i) => ({ value: i.id, label: `${fmt.name(i)} (${i.code})` }))}
              placeholder={t('common.choose')}
              value={catalogueItemId}
              onChange={setCatalogueItemId}
              error={form.field('catalogueItemId')}
              required
            />
            {chosen ? (
              <p className="ontario-hint" data-testid="catalogue-description">
                {fmt.locale === 'fr' ? chosen.descriptionFr || chosen.descriptionEn : chosen.descriptionEn}
              </p>
            ) : null}
          </>
        ) : (
          <TextField
            id={`${p}-customTitle`}
            label={labels.customTitle}
            hint={t('plans.items.customHint')}
            value={customTitle}
            onChange={setCustomTitle}
            error={form.field('customTitle')}
            required
          />
        )}
        <CostAndDatesFields
          idPrefix={p}
          value={costAndDates}
          onChange={setCostAndDates}
          form={form}
          endNotBeforeStart
        />
        <SubmitButton pending={add.isPending} variant="secondary" testId="add-item-submit">
          {t('plans.items.addSubmit')}
        </SubmitButton>
      </form>
    </details>
  );
}

/** A3: print the summary at the current revision, record how the client signed, then activate. */
function SignSection({ plan, onSaved }: { plan: PlanDetail; onSaved: (message: string) => void }) {
  const { t } = useTranslation();
  const fmt = useFormatters();
  const form = useFormErrors();
  const activateForm = useFormErrors();
  const [signedOn, setSignedOn] = useState(todayIso());
  const [method, setMethod] = useState<SignatureMethod | ''>('');
  const sign = usePlanStep<{ signedOn: string; method: SignatureMethod }>(plan.id, '/signature', {
    onError: form.fromError,
    onSuccess: () => onSaved(t('plans.sign.saved')),
  });
  const activate = usePlanStep<Record<string, never>>(plan.id, '/activate', {
    onError: activateForm.fromError,
    onSuccess: () => onSaved(t('plans.activate.saved')),
  });
  const labels = { signedOn: t('plans.sign.date'), method: t('plans.sign.method') };
  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (sign.isPending) return;
    const ok = form.check(
      collect([
        ['signedOn', !signedOn && t('plans.sign.errors.date')],
        ['signedOn', signedOn > todayIso() && t('plans.sign.errors.future')],
        ['method', !method && t('plans.sign.errors.method')],
      ]),
    );
    if (!ok || !method) return;
    form.clear();
    sign.mutate({ signedOn, method });
  };
  const printedCurrent = plan.summaryPrintedAt !== null;
  return (
    <section className="section" aria-labelledby="sign-heading" data-testid="plan-sign">
      <h2 id="sign-heading">{t('plans.sign.heading')}</h2>
      <p>{t('plans.sign.intro')}</p>
      <p className="actions">
        <Link
          className="ontario-button ontario-button--secondary"
          to={`/plans/${plan.id}/summary`}
          data-testid="print-summary"
        >
          {t('plans.sign.printSummary')}
        </Link>
      </p>
      {plan.summaryPrintedAt ? (
        <p className="tag--muted" data-testid="summary-printed">
          {t('plans.sign.printedAt', { when: fmt.dateTime(plan.summaryPrintedAt) })}
        </p>
      ) : null}
      {plan.actions.includes('record_signature') ? (
        <>
          <h3>{t('plans.sign.recordHeading')}</h3>
          {!printedCurrent ? <p className="callout-inline">{t('plans.sign.printFirst')}</p> : null}
          <ErrorSummary form={form} labels={labels} idFor={(f) => `signature-${f}`} />
          <form className="form" onSubmit={submit} noValidate data-testid="signature-form">
            <TextField
              id="signature-signedOn"
              type="date"
              label={labels.signedOn}
              value={signedOn}
              onChange={setSignedOn}
              error={form.field('signedOn')}
              width={10}
              max={todayIso()}
              required
            />
            <RadioGroup
              id="signature-method"
              label={labels.method}
              options={SIGNATURE_METHODS.map((m) => ({ value: m, label: t(`plans.signatureMethods.${m}`) }))}
              value={method}
              onChange={(v) => setMethod(v as SignatureMethod)}
              error={form.field('method')}
              required
            />
            <SubmitButton pending={sign.isPending} variant="secondary" testId="signature-submit">
              {t('plans.sign.submit')}
            </SubmitButton>
          </form>
        </>
      ) : null}
      {plan.actions.includes('activate') ? (
        <>
          <h3>{t('plans.activate.heading')}</h3>
          <p>{t('plans.activate.intro')}</p>
          <ErrorSummary form={activateForm} />
          <form
            className="form"
            noValidate
            onSubmit={(e) => {
              e.preventDefault();
              if (activate.isPending) return;
              activateForm.clear();
              activate.mutate({});
            }}
          >
            <SubmitButton pending={activate.isPending} testId="activate">
              {t('plans.activate.submit')}
            </SubmitButton>
          </form>
        </>
      ) : null}
    </section>
  );
}

/** A10: a referral to a ministry-retained training program, once the program accepts the client. */
function TrainingReferralForm({ plan, onSaved }: { plan: PlanDetail; onSaved: () => void }) {
  const { t } = useTranslation();
  const fmt = useFormatters();
  const form = useFormErrors();
  const items = plan.subGoals
    .flatMap((s) => s.items)
    .filter((i) => i.trainingProgram && i.status !== 'cancelled');
  const [itemId, setItemId] = useState('');
  const [acceptedOn, setAcceptedOn] = useState(todayIso());
  const save = usePlanStep<{ itemId: string; acceptedOn: string }>(plan.id, '/training-referral', {
    onError: form.fromError,
    onSuccess: onSaved,
  });
  const labels = { itemId: t('plans.training.item'), acceptedOn: t('plans.training.acceptedOn') };
  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (save.isPending) return;
    const ok = form.check(
      collect([
        ['itemId', !itemId && t('plans.training.errors.item')],
        ['acceptedOn', !acceptedOn && t('plans.training.errors.acceptedOn')],
        ['acceptedOn', acceptedOn > todayIso() && t('plans.training.errors.future')],
      ]),
    );
    if (!ok) return;
    form.clear();
    save.mutate({ itemId, acceptedOn });
  };
  return (
    <section className="section" aria-labelledby="training-heading" data-testid="training-referral">
      <h2 id="training-heading">{t('plans.training.heading')}</h2>
      <p>{t('plans.training.intro')}</p>
      <ul>
        <li>{t('plans.training.caseClose')}</li>
        <li>{t('plans.training.caseHold')}</li>
        <li>{t('plans.training.caseExclusive')}</li>
      </ul>
      {items.length === 0 ? (
        <p className="tag--muted">{t('plans.training.noItems')}</p>
      ) : (
        <>
          <ErrorSummary form={form} labels={labels} idFor={(f) => `training-${f}`} />
          <form className="form" onSubmit={submit} noValidate>
            <SelectField
              id="training-itemId"
              label={labels.itemId}
              options={items.map((i) => ({
                value: i.id,
                label: `${itemName(i, fmt.locale)} (${i.trainingProgram ? t(`plans.trainingPrograms.${i.trainingProgram}`) : ''})`,
              }))}
              placeholder={t('common.choose')}
              value={itemId}
              onChange={setItemId}
              error={form.field('itemId')}
              required
            />
            <TextField
              id="training-acceptedOn"
              type="date"
              label={labels.acceptedOn}
              value={acceptedOn}
              onChange={setAcceptedOn}
              error={form.field('acceptedOn')}
              width={10}
              max={todayIso()}
              required
            />
            <SubmitButton pending={save.isPending} variant="secondary" testId="training-submit">
              {t('plans.training.submit')}
            </SubmitButton>
          </form>
        </>
      )}
    </section>
  );
}

/** A10 case 2: the program ended; the item is completed and attained and service resumes. */
function ResumeForm({ plan, onSaved }: { plan: PlanDetail; onSaved: () => void }) {
  const { t } = useTranslation();
  const form = useFormErrors();
  const [completedOn, setCompletedOn] = useState(todayIso());
  const save = usePlanStep<{ completedOn: string }>(plan.id, '/resume', {
    onError: form.fromError,
    onSuccess: onSaved,
  });
  const labels = { completedOn: t('plans.resume.completedOn') };
  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (save.isPending) return;
    const ok = form.check(
      collect([
        ['completedOn', !completedOn && t('plans.resume.errors.completedOn')],
        ['completedOn', completedOn > todayIso() && t('plans.resume.errors.future')],
      ]),
    );
    if (!ok) return;
    form.clear();
    save.mutate({ completedOn });
  };
  return (
    <section className="section" aria-labelledby="resume-heading" data-testid="plan-resume">
      <h2 id="resume-heading">{t('plans.resume.heading')}</h2>
      <p>{t('plans.resume.intro')}</p>
      <ErrorSummary form={form} labels={labels} idFor={(f) => `resume-${f}`} />
      <form className="form" onSubmit={submit} noValidate>
        <TextField
          id="resume-completedOn"
          type="date"
          label={labels.completedOn}
          value={completedOn}
          onChange={setCompletedOn}
          error={form.field('completedOn')}
          width={10}
          max={todayIso()}
          required
        />
        <SubmitButton pending={save.isPending} variant="secondary" testId="resume-submit">
          {t('plans.resume.submit')}
        </SubmitButton>
      </form>
    </section>
  );
}

/** A8/A9/M11: closing is the caseworker's choice, with a reason the phase allows and a note for the SSM. */
function CloseForm({ plan, onSaved }: { plan: PlanDetail; onSaved: () => void }) {
  const { t } = useTranslation();
  const label = useClosureLabel();
  const form = useFormErrors();
  const [reason, setReason] = useState<ClosureReason | ''>('');
  const [note, setNote] = useState('');
  const save = usePlanStep<{ reason: ClosureReason; note: string }>(plan.id, '/close', {
    onError: form.fromError,
    onSuccess: onSaved,
  });
  const labels = { reason: t('plans.close.reason'), note: t('plans.close.note') };
  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (save.isPending) return;
    const ok = form.check(
      collect([
        ['reason', !reason && t('plans.close.errors.reason')],
        ['note', note.trim().length < 3 && t('plans.close.errors.note')],
      ]),
    );
    if (!ok || !reason) return;
    form.clear();
    save.mutate({ reason, note: note.trim() });
  };
  return (
    <section className="section" aria-labelledby="close-heading" data-testid="plan-close">
      <h2 id="close-heading">{t('plans.close.heading')}</h2>
      <p>{t('plans.close.intro', { phase: t(`plans.phases.${plan.phase}`) })}</p>
      <ErrorSummary form={form} labels={labels} idFor={(f) => `close-${f}`} />
      <form className="form" onSubmit={submit} noValidate>
        <SelectField
          id="close-reason"
          label={labels.reason}
          options={plan.closureReasons.map((r) => ({ value: r, label: label(r) }))}
          placeholder={t('common.choose')}
          value={reason}
          onChange={(v) => setReason(v as ClosureReason | '')}
          error={form.field('reason')}
          required
        />
        {reason && isEarlyExit(reason) ? (
          <p className="callout-inline" data-testid="early-exit-warning">
            <strong>{t('plans.close.earlyExitHeading')}</strong> {t('plans.close.earlyExitBody')}
          </p>
        ) : null}
        <TextAreaField
          id="close-note"
          label={labels.note}
          hint={t('plans.close.noteHint')}
          value={note}
          onChange={setNote}
          error={form.field('note')}
          rows={4}
          maxLength={4000}
          required
        />
        <SubmitButton pending={save.isPending} variant="secondary" testId="close-submit">
          {t('plans.close.submit')}
        </SubmitButton>
      </form>
    </section>
  );
}
