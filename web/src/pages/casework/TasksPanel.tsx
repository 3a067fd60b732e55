import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { ErrorSummary } from '../../components/ErrorSummary.js';
import { QueryStatus } from '../../components/QueryStatus.js';
import { SelectField, SubmitButton, TextField } from '../../components/fields.js';
import { todayIso, useFormatters } from '../../format.js';
import { collect, isBlank, useFormErrors } from '../../forms.js';
import { useUsers } from '../../queries.js';
import { useCan, useSession } from '../../session.js';
import { useAddTask, useClientTasks, useUpdateTask } from './data.js';
import { ActionError, DueTag, LoadError, SavedStatus, type PanelPlan, type PanelProps } from './shared.js';
import type { Task, TaskStatus } from './types.js';

export interface Assignee {
  id: string;
  name: string;
}

/**
 * Who a task can go to: the provider's caseworkers and leads. A lead can list them (user.read, as the
 * assessment summary's assignable caseworkers are); a caseworker cannot, and gives tasks to themselves.
 */
export function useAssignees(): Assignee[] {
  const me = useSession();
  const can = useCan();
  const users = useUsers(me.organization.id, can('user.read'));
  const self = { id: me.user.id, name: me.user.displayName };
  const staff = (users.data?.items ?? [])
    .filter((u) => u.active && u.roles.some((r) => r === 'provider_caseworker' || r === 'provider_lead'))
    .map((u) => ({ id: u.id, name: u.displayName }));
  return staff.some((u) => u.id === self.id) ? staff : [self, ...staff];
}

/** J9: the client's tasks with their due state, added, done, cancelled or handed to a colleague. */
export function TasksPanel({ clientId, plan }: PanelProps) {
  const { t } = useTranslation();
  const can = useCan();
  const mayWork = can('task.work');
  const tasks = useClientTasks(clientId, mayWork);
  const assignees = useAssignees();
  const [showClosed, setShowClosed] = useState(false);

  const all = tasks.data?.tasks ?? [];
  const open = all.filter((x) => x.status === 'open').sort((a, b) => a.dueOn.localeCompare(b.dueOn));
  const closed = all.filter((x) => x.status !== 'open');
  return (
    <section className="section" aria-labelledby="casework-tasks-heading" data-testid="tasks-panel">
      <h2 id="casework-tasks-heading">{t('casework.tasks.title')}</h2>
      {!mayWork ? (
        <p className="tag--muted">{t('casework.tasks.providerOnly')}</p>
      ) : (
        <>
          <QueryStatus query={tasks} failure={LoadError} />
          {tasks.data ? (
            <>
              <TaskTable
                tasks={open}
                assignees={assignees}
                caption={t('casework.tasks.openCaption')}
                empty={t('casework.tasks.empty')}
              />
              {closed.length ? (
                <p>
                  <button
                    type="button"
                    className="link-button"
                    aria-expanded={showClosed}
                    aria-controls="tasks-closed"
                    onClick={() => setShowClosed((v) => !v)}
                  >
                    {showClosed
                      ? t('casework.tasks.hideClosed')
                      : t('casework.tasks.showClosed', { count: closed.length })}
                  </button>
                </p>
              ) : null}
              <div id="tasks-closed" hidden={!showClosed}>
                {showClosed ? (
                  <TaskTable
                    tasks={closed}
                    assignees={assignees}
                    caption={t('casework.tasks.closedCaption')}
                    empty=""
                  />
                ) : null}
              </div>
            </>
          ) : null}
          <AddTaskForm clientId={clientId} plan={plan} assignees={assignees} />
        </>
      )}
    </section>
  );
}

function TaskTable({
  tasks,
  assignees,
  caption,
  empty,
}: {
  tasks: Task[];
  assignees: Assignee[];
  caption: string;
  empty: string;
}) {
  const { t } = useTranslation();
  const fmt = useFormatters();
  const [error, setError] = useState<unknown>(null);
  if (tasks.length === 0) return <p data-testid="tasks-empty">{empty}</p>;
  return (
    <>
      <ActionError error={error} />
      <div className="table-wrap">
        <table className="data-table" data-testid="tasks-table">
          <caption className="ontario-show-for-sr">{caption}</caption>
          <thead>
            <tr>
              <th scope="col">{t('casework.tasks.fields.title')}</th>
              <th scope="col">{t('casework.tasks.fields.dueOn')}</th>
              <th scope="col">{t('casework.tasks.fields.assignee')}</th>
              <th scope="col">{t('common.status')}</th>
              <th scope="col">{t('common.actions')}</th>
            </tr>
          </thead>
          <tbody>
            {tasks.map((task) => (
              <tr key={task.id} data-testid="task-row" data-status={task.status}>
                <th scope="row">{task.title}</th>
                <td>
                  {fmt.date(task.dueOn, 'medium')}
                  {task.status === 'open' ? (
                    <>
                      <br />
                      <DueTag due={task.due} />
                    </>
                  ) : null}
                </td>
                <td>{task.assignee.name}</td>
                <td>
                  {t(`casework.taskStatuses.${task.status}`)}
                  {task.completedAt ? (
                    <>
                      <br />
                      <span className="tag--muted">{fmt.dateTime(task.completedAt)}</span>
                    </>
                  ) : null}
                </td>
                <td>
                  {task.status === 'open' ? (
                    <TaskActions task={task} assignees={assignees} onError={setError} />
                  ) : null}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </>
  );
}

function TaskActions({
  task,
  assignees,
  onError,
}: {
  task: Task;
  assignees: Assignee[];
  onError: (e: unknown) => void;
}) {
  const { t } = useTranslation();
  const [reassigning, setReassigning] = useState(false);
  const [assigneeId, setAssigneeId] = useState(task.assignee.id);
  const update = useUpdateTask({
    onSuccess: () => {
      onError(null);
      setReassigning(false);
    },
    onError,
  });
  const setStatus = (status: TaskStatus) => {
    if (!update.isPending) update.mutate({ id: task.id, status });
  };
  const others = assignees.filter((a) => a.id !== task.assignee.id);
  return (
    <div className="inline-actions">
      <button
        type="button"
        className="ontario-button ontario-button--secondary ontario-button--small"
        data-testid="task-done"
        aria-label={t('casework.tasks.markDoneOf', { title: task.title })}
        onClick={() => setStatus('done')}
      >
        {t('casework.tasks.markDone')}
      </button>
      <button
        type="button"
        className="ontario-button ontario-button--tertiary ontario-button--small"
        data-testid="task-cancel"
        aria-label={t('casework.tasks.cancelOf', { title: task.title })}
        onClick={() => setStatus('cancelled')}
      >
        {t('casework.tasks.cancelTask')}
      </button>
      {others.length ? (
        reassigning ? (
          <form
            className="form--inline"
            noValidate
            onSubmit={(e) => {
              e.preventDefault();
              if (!update.isPending && assigneeId !== task.assignee.id)
                update.mutate({ id: task.id, assigneeUserId: assigneeId });
            }}
          >
            <SelectField
              id={`task-${task.id}-assignee`}
              label={t('casework.tasks.reassignTo')}
              options={assignees.map((a) => ({ value: a.id, label: a.name }))}
              value={assigneeId}
              onChange={setAssigneeId}
            />
            <SubmitButton pending={update.isPending} variant="secondary" testId="task-reassign-save">
              {t('casework.tasks.reassignSave')}
            </SubmitButton>
          </form>
        ) : (
          <button
            type="button"
            className="link-button"
            data-testid="task-reassign"
            aria-label={t('casework.tasks.reassignOf', { title: task.title })}
            onClick={() => setReassigning(true)}
          >
            {t('casework.tasks.reassign')}
          </button>
        )
      ) : null}
    </div>
  );
}

function AddTaskForm({
  clientId,
  plan,
  assignees,
}: {
  clientId: string;
  plan: PanelPlan | null;
  assignees: Assignee[];
}) {
  const { t } = useTranslation();
  const me = useSession();
  const form = useFormErrors();
  const [title, setTitle] = useState('');
  const [dueOn, setDueOn] = useState('');
  const [assigneeUserId, setAssignee] = useState(me.user.id);
  const [planItemId, setPlanItemId] = useState('');
  const [saved, setSaved] = useState<string | null>(null);
  const add = useAddTask(clientId, {
    onSuccess: () => {
      setTitle('');
      setDueOn('');
      setPlanItemId('');
      setSaved(t('casework.tasks.added'));
    },
    onError: form.fromError,
  });
  const labels = {
    title: t('casework.tasks.fields.title'),
    dueOn: t('casework.tasks.fields.dueOn'),
    assigneeUserId: t('casework.tasks.fields.assignee'),
    planItemId: t('casework.tasks.fields.planItem'),
  };
  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (add.isPending) return;
    setSaved(null);
    const ok = form.check(
      collect([
        ['title', isBlank(title) && t('casework.tasks.errors.title')],
        ['dueOn', !dueOn && t('casework.tasks.errors.dueOn')],
      ]),
    );
    if (!ok) return;
    form.clear();
    add.mutate({
      title: title.trim(),
      dueOn,
      ...(assigneeUserId !== me.user.id ? { assigneeUserId } : {}),
      ...(planItemId ? { planItemId } : {}),
    });
  };
  return (
    <div className="form-section">
      <h3 id="task-form-heading">{t('casework.tasks.addTitle')}</h3>
      <ErrorSummary form={form} labels={labels} idFor={(f) => `task-${f}`} />
      <form className="form" noValidate onSubmit={submit} aria-labelledby="task-form-heading">
        <TextField
          id="task-title"
          label={labels.title}
          value={title}
          onChange={setTitle}
          error={form.field('title')}
          required
        />
        <TextField
          id="task-dueOn"
          label={labels.dueOn}
          type="date"
          min={todayIso()}
          value={dueOn}
          onChange={setDueOn}
          error={form.field('dueOn')}
          width={10}
          required
        />
        {assignees.length > 1 ? (
          <SelectField
            id="task-assigneeUserId"
            label={labels.assigneeUserId}
            options={assignees.map((a) => ({
              value: a.id,
              label: a.id === me.user.id ? t('casework.tasks.me', { name: a.name }) : a.name,
            }))}
            value={assigneeUserId}
            onChange={setAssignee}
            error={form.field('assigneeUserId')}
          />
        ) : (
          <p className="tag--muted">{t('casework.tasks.assignedToYou')}</p>
        )}
        {plan?.items.length ? (
          <SelectField
            id="task-planItemId"
            label={labels.planItemId}
            options={plan.items.map((i) => ({ value: i.id, label: i.name }))}
            placeholder={t('casework.tasks.noItem')}
            value={planItemId}
            onChange={setPlanItemId}
            error={form.field('planItemId')}
            optional
          />
        ) : null}
        <SubmitButton pending={add.isPending} testId="task-submit">
          {t('casework.tasks.submit')}
        </SubmitButton>
        <SavedStatus message={saved} />
      </form>
    </div>
  );
}
