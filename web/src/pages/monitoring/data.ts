import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api, get } from '../../api.js';
import { planKeys } from '../plans/data.js';
import type { CheckpointWorklist, MonitoringView, WorklistScope } from './types.js';

/** Query keys of the monitoring screens, so a step invalidates exactly what it changed. */
export const monitoringKeys = {
  all: ['monitoring'] as const,
  plan: (planId: string) => ['monitoring', 'plan', planId] as const,
  worklistAll: ['monitoring', 'worklist'] as const,
  worklist: (scope: WorklistScope) => ['monitoring', 'worklist', scope] as const,
};

const enc = encodeURIComponent;

export const useMonitoring = (planId: string | undefined) =>
  useQuery({
    queryKey: monitoringKeys.plan(planId ?? ''),
    queryFn: () => get<MonitoringView>(`/plans/${enc(planId ?? '')}/monitoring`),
    enabled: Boolean(planId),
  });

export const useCheckpointWorklist = (scope: WorklistScope) =>
  useQuery({
    queryKey: monitoringKeys.worklist(scope),
    queryFn: () => get<CheckpointWorklist>('/checkpoints/worklist', { scope }),
  });

/**
 * One monitoring step (outcome, job, employer support, checkpoint, evidence, attestation, submit):
 * every such route answers with the monitoring view as it now stands, so the page shows it at once;
 * the plan (its phase), its history and the worklists refetch.
 */
export function useMonitoringStep<TBody>(
  planId: string,
  path: string,
  options: {
    method?: 'POST' | 'PATCH';
    /** The path is from the API root (`/evidence/…`, `/attestations/…`), not under the plan. */
    root?: boolean;
    onSuccess?: (view: MonitoringView) => void;
    onError?: (e: unknown) => void;
  } = {},
) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: TBody) =>
      api<MonitoringView>(options.root ? path : `/plans/${enc(planId)}${path}`, {
        method: options.method ?? 'POST',
        body: body ?? {},
      }),
    onSuccess: (view) => {
      queryClient.setQueryData(monitoringKeys.plan(view.planId), view);
      void queryClient.invalidateQueries({ queryKey: monitoringKeys.worklistAll });
      void queryClient.invalidateQueries({ queryKey: planKeys.one(view.planId) });
      void queryClient.invalidateQueries({ queryKey: planKeys.history(view.planId) });
      void queryClient.invalidateQueries({ queryKey: ['casework'] });
      options.onSuccess?.(view);
    },
    ...(options.onError ? { onError: options.onError } : {}),
  });
}
