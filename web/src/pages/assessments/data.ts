import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api, get } from '../../api.js';
import type {
  AssessmentBucket,
  AssessmentDetail,
  AssessmentWorklist,
  ClientAssessments,
  ClientCopy,
  ConsentNotice,
  ConsentRevocation,
  ListOf,
  QuestionBank,
} from '../../types.js';

/** Query keys of the Common Assessment screens, so a step invalidates exactly what it changed. */
export const assessmentKeys = {
  all: ['assessments'] as const,
  one: (id: string) => ['assessments', 'one', id] as const,
  worklist: (bucket: AssessmentBucket | '') => ['assessments', 'worklist', bucket] as const,
  worklistAll: ['assessments', 'worklist'] as const,
  ofClient: (clientId: string) => ['assessments', 'client', clientId] as const,
  clientCopy: (id: string) => ['assessments', 'client-copy', id] as const,
  bank: (version: string) => ['question-banks', version] as const,
  notice: ['consent-notice'] as const,
  revocations: ['consent-revocations'] as const,
};

const enc = encodeURIComponent;

export const useAssessment = (id: string | undefined) =>
  useQuery({
    queryKey: assessmentKeys.one(id ?? ''),
    queryFn: () => get<AssessmentDetail>(`/assessments/${enc(id ?? '')}`),
    enabled: Boolean(id),
  });

/** A published bank never changes (its version names it), so it is fetched once per session. */
export const useQuestionBank = (version: string | undefined) =>
  useQuery({
    queryKey: assessmentKeys.bank(version ?? ''),
    queryFn: () => get<QuestionBank>(`/assessments/question-banks/${enc(version ?? '')}`),
    enabled: Boolean(version),
    staleTime: Infinity,
  });

export const useConsentNotice = () =>
  useQuery({
    queryKey: assessmentKeys.notice,
    queryFn: () => get<ConsentNotice>('/assessments/consent-notice'),
    staleTime: 10 * 60_000,
  });

export const useClientAssessments = (clientId: string | undefined, enabled = true) =>
  useQuery({
    queryKey: assessmentKeys.ofClient(clientId ?? ''),
    queryFn: () => get<ClientAssessments>(`/clients/${enc(clientId ?? '')}/assessments`),
    enabled: Boolean(clientId) && enabled,
  });

export const useAssessmentWorklist = (bucket: AssessmentBucket | '', enabled = true) =>
  useQuery({
    queryKey: assessmentKeys.worklist(bucket),
    queryFn: () => get<AssessmentWorklist>('/assessments/worklist', { bucket: bucket || undefined }),
    enabled,
  });

export const useClientCopy = (id: string | undefined) =>
  useQuery({
    queryKey: assessmentKeys.clientCopy(id ?? ''),
    queryFn: () => get<ClientCopy>(`/assessments/${enc(id ?? '')}/client-copy`),
    enabled: Boolean(id),
  });

export const useConsentRevocations = (enabled = true) =>
  useQuery({
    queryKey: assessmentKeys.revocations,
    queryFn: () => get<ListOf<ConsentRevocation>>('/consent-revocations'),
    enabled,
  });

/**
 * One step on an assessment (answers, identity, service level, a note, submit …): every such route
 * answers with the assessment as it now stands, so the page shows it at once and the lists refetch.
 */
export function useAssessmentStep<TBody>(
  assessmentId: string,
  path: string,
  options: {
    method?: 'POST' | 'PUT' | 'PATCH';
    onSuccess?: (a: AssessmentDetail) => void;
    onError?: (e: unknown) => void;
  } = {},
) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: TBody) =>
      api<AssessmentDetail>(`/assessments/${enc(assessmentId)}${path}`, {
        method: options.method ?? 'POST',
        body: body ?? {},
      }),
    onSuccess: (detail) => {
      queryClient.setQueryData(assessmentKeys.one(detail.id), detail);
      void queryClient.invalidateQueries({ queryKey: assessmentKeys.worklistAll });
      void queryClient.invalidateQueries({ queryKey: assessmentKeys.ofClient(detail.client.id) });
      void queryClient.invalidateQueries({ queryKey: assessmentKeys.clientCopy(detail.id) });
      options.onSuccess?.(detail);
    },
    ...(options.onError ? { onError: options.onError } : {}),
  });
}
