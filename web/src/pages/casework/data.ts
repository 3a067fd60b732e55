import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api, get, post } from '../../api.js';
import type {
  CaseNote,
  Caseload,
  CaseloadBoard,
  CaseloadEntry,
  CaseloadQuery,
  Conference,
  ConferenceCreate,
  ConferenceMessageCreate,
  ConferenceQueueFilter,
  IcmEvents,
  NoteCreate,
  NoteTemplate,
  NoteTemplateUpdate,
  SharedClient,
  Task,
  TaskCreate,
  TaskUpdate,
} from './types.js';

/**
 * Query keys of the case-management screens. Everything sits under 'casework' so a write that can
 * move several lists at once (a task done changes the caseload's counts) invalidates them together.
 */
export const caseworkKeys = {
  all: ['casework'] as const,
  notes: (clientId: string) => ['casework', 'notes', clientId] as const,
  templates: (includeInactive: boolean) => ['casework', 'note-templates', includeInactive] as const,
  templatesAll: ['casework', 'note-templates'] as const,
  tasks: (clientId: string) => ['casework', 'tasks', clientId] as const,
  tasksAll: ['casework', 'tasks'] as const,
  myTasks: ['casework', 'tasks', 'me', 'open'] as const,
  caseload: (query: CaseloadQuery) => ['casework', 'caseload', query] as const,
  caseloadAll: ['casework', 'caseload'] as const,
  board: (noContactDays: number) => ['casework', 'caseload', 'board', noContactDays] as const,
  shared: ['casework', 'shared-clients'] as const,
  icm: (clientId: string) => ['casework', 'icm', clientId] as const,
  conferences: (clientId: string) => ['casework', 'conferences', clientId] as const,
  queue: (status: ConferenceQueueFilter) => ['casework', 'conference-queue', status] as const,
  queueAll: ['casework', 'conference-queue'] as const,
};

const enc = encodeURIComponent;

export const useNotes = (clientId: string, enabled = true) =>
  useQuery({
    queryKey: caseworkKeys.notes(clientId),
    queryFn: () => get<{ notes: CaseNote[] }>(`/clients/${enc(clientId)}/notes`),
    enabled: Boolean(clientId) && enabled,
  });

/** Templates change rarely (the SSM edits them): fetched once every few minutes at most. */
export const useNoteTemplates = (includeInactive = false, enabled = true) =>
  useQuery({
    queryKey: caseworkKeys.templates(includeInactive),
    queryFn: () =>
      get<{ templates: NoteTemplate[] }>('/note-templates', {
        includeInactive: includeInactive || undefined,
      }),
    enabled,
    staleTime: 5 * 60_000,
  });

export const useClientTasks = (clientId: string, enabled = true) =>
  useQuery({
    queryKey: caseworkKeys.tasks(clientId),
    queryFn: () => get<{ tasks: Task[] }>('/tasks', { clientId }),
    enabled: Boolean(clientId) && enabled,
  });

/** The signed-in caseworker's open tasks, over all their clients (home page: what is overdue). */
export const useMyOpenTasks = (enabled = true) =>
  useQuery({
    queryKey: caseworkKeys.myTasks,
    queryFn: () => get<{ tasks: Task[] }>('/tasks', { assignee: 'me', status: 'open' }),
    enabled,
  });

export const useCaseload = (query: CaseloadQuery, enabled = true) =>
  useQuery({
    queryKey: caseworkKeys.caseload(query),
    queryFn: () => get<Caseload>('/caseload', { ...query }),
    enabled,
  });

export const useCaseloadBoard = (noContactDays: number, enabled = true) =>
  useQuery({
    queryKey: caseworkKeys.board(noContactDays),
    queryFn: () => get<CaseloadBoard>('/caseload/board', { noContactDays }),
    enabled,
  });

export const useSharedClients = (enabled = true) =>
  useQuery({
    queryKey: caseworkKeys.shared,
    queryFn: () => get<{ clients: SharedClient[] }>('/shared-clients'),
    enabled,
  });

export const useIcmEvents = (clientId: string, enabled = true) =>
  useQuery({
    queryKey: caseworkKeys.icm(clientId),
    queryFn: () => get<IcmEvents>(`/clients/${enc(clientId)}/icm-events`),
    enabled: Boolean(clientId) && enabled,
  });

export const useClientConferences = (clientId: string, enabled = true) =>
  useQuery({
    queryKey: caseworkKeys.conferences(clientId),
    queryFn: () => get<{ conferences: Conference[] }>(`/clients/${enc(clientId)}/case-conferences`),
    enabled: Boolean(clientId) && enabled,
  });

export const useConferenceQueue = (status: ConferenceQueueFilter, enabled = true) =>
  useQuery({
    queryKey: caseworkKeys.queue(status),
    queryFn: () => get<{ conferences: Conference[] }>('/case-conferences', { status }),
    enabled,
  });

/** A write on a client's record: refetch every case-management list, they share counts. */
function useCaseworkMutation<TBody, TResult>(
  mutationFn: (body: TBody) => Promise<TResult>,
  options: { onSuccess?: (result: TResult) => void; onError?: (e: unknown) => void } = {},
) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn,
    onSuccess: (result) => {
      void queryClient.invalidateQueries({ queryKey: caseworkKeys.all });
      options.onSuccess?.(result);
    },
    ...(options.onError ? { onError: options.onError } : {}),
  });
}

type Callbacks<T> = { onSuccess?: (result: T) => void; onError?: (e: unknown) => void };

export const useAddNote = (clientId: string, cb: Callbacks<CaseNote> = {}) =>
  useCaseworkMutation((body: NoteCreate) => post<CaseNote>(`/clients/${enc(clientId)}/notes`, body), cb);

export const useAddTask = (clientId: string, cb: Callbacks<Task> = {}) =>
  useCaseworkMutation((body: TaskCreate) => post<Task>(`/clients/${enc(clientId)}/tasks`, body), cb);

export const useUpdateTask = (cb: Callbacks<Task> = {}) =>
  useCaseworkMutation(
    ({ id, ...body }: TaskUpdate & { id: string }) =>
      api<Task>(`/tasks/${enc(id)}`, { method: 'PATCH', body }),
    cb,
  );

export const useAssignCaseworker = (cb: Callbacks<CaseloadEntry> = {}) =>
  useCaseworkMutation(
    ({ clientId, caseworkerUserId }: { clientId: string; caseworkerUserId: string }) =>
      api<CaseloadEntry>(`/clients/${enc(clientId)}/caseworker`, {
        method: 'PUT',
        body: { caseworkerUserId },
      }),
    cb,
  );

export const useMarkIcmSeen = (clientId: string, cb: Callbacks<void> = {}) =>
  useCaseworkMutation(() => post<void>(`/clients/${enc(clientId)}/icm-events/seen`), cb);

export const useRequestConference = (clientId: string, cb: Callbacks<Conference> = {}) =>
  useCaseworkMutation(
    (body: ConferenceCreate) => post<Conference>(`/clients/${enc(clientId)}/case-conferences`, body),
    cb,
  );

export const useConferenceMessage = (conferenceId: string, cb: Callbacks<Conference> = {}) =>
  useCaseworkMutation(
    (body: ConferenceMessageCreate) =>
      post<Conference>(`/case-conferences/${enc(conferenceId)}/messages`, body),
    cb,
  );

export const useWithdrawConference = (conferenceId: string, cb: Callbacks<Conference> = {}) =>
  useCaseworkMutation(() => post<Conference>(`/case-conferences/${enc(conferenceId)}/withdraw`), cb);

export const useSaveNoteTemplate = (cb: Callbacks<NoteTemplate> = {}) =>
  useCaseworkMutation(
    ({ id, ...body }: NoteTemplateUpdate & { id?: string }) =>
      id
        ? api<NoteTemplate>(`/note-templates/${enc(id)}`, { method: 'PATCH', body })
        : post<NoteTemplate>('/note-templates', body),
    cb,
  );
