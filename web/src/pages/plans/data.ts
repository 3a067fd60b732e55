import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api, get } from '../../api.js';
import type {
  CatalogueCoverage,
  CatalogueItem,
  ClientPlans,
  PlanDetail,
  PlanHistory,
  PlanSummary,
  SubGoalKind,
} from './types.js';

/** Query keys of the plan screens, so a step invalidates exactly what it changed. */
export const planKeys = {
  all: ['plans'] as const,
  one: (id: string) => ['plans', 'one', id] as const,
  summary: (id: string) => ['plans', 'summary', id] as const,
  history: (id: string) => ['plans', 'history', id] as const,
  ofClient: (clientId: string) => ['plans', 'client', clientId] as const,
  catalogueAll: ['plan-catalogue'] as const,
  catalogue: (kind: SubGoalKind | '', includeInactive: boolean) =>
    ['plan-catalogue', 'list', kind, includeInactive] as const,
  coverage: ['plan-catalogue', 'coverage'] as const,
};

const enc = encodeURIComponent;

export const usePlan = (id: string | undefined) =>
  useQuery({
    queryKey: planKeys.one(id ?? ''),
    queryFn: () => get<PlanDetail>(`/plans/${enc(id ?? '')}`),
    enabled: Boolean(id),
  });

/** Reading the summary records that it was printed (A3), so it is always read fresh. */
export const usePlanSummary = (id: string | undefined) =>
  useQuery({
    queryKey: planKeys.summary(id ?? ''),
    queryFn: () => get<PlanSummary>(`/plans/${enc(id ?? '')}/summary`),
    enabled: Boolean(id),
    staleTime: 0,
    refetchOnWindowFocus: false,
  });

export const usePlanHistory = (id: string | undefined, enabled = true) =>
  useQuery({
    queryKey: planKeys.history(id ?? ''),
    queryFn: () => get<PlanHistory>(`/plans/${enc(id ?? '')}/history`),
    enabled: Boolean(id) && enabled,
  });

export const useClientPlans = (clientId: string | undefined, enabled = true) =>
  useQuery({
    queryKey: planKeys.ofClient(clientId ?? ''),
    queryFn: () => get<ClientPlans>(`/clients/${enc(clientId ?? '')}/plans`),
    enabled: Boolean(clientId) && enabled,
  });

export const useCatalogue = (kind: SubGoalKind | '', includeInactive = false, enabled = true) =>
  useQuery({
    queryKey: planKeys.catalogue(kind, includeInactive),
    queryFn: () =>
      get<{ items: CatalogueItem[] }>('/plan-catalogue', {
        subGoalKind: kind || undefined,
        includeInactive: includeInactive ? 'true' : undefined,
      }),
    enabled,
    staleTime: 5 * 60_000,
  });

export const useCatalogueCoverage = (enabled = true) =>
  useQuery({
    queryKey: planKeys.coverage,
    queryFn: () => get<CatalogueCoverage>('/plan-catalogue/coverage'),
    enabled,
  });

/**
 * One step on a plan (goals, a sub-goal, an item, signature, activation, closure …): every such route
 * answers with the plan as it now stands, so the page shows it at once and the lists refetch.
 */
export function usePlanStep<TBody>(
  planId: string,
  path: string,
  options: {
    method?: 'POST' | 'PUT' | 'PATCH';
    onSuccess?: (plan: PlanDetail) => void;
    onError?: (e: unknown) => void;
  } = {},
) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: TBody) =>
      api<PlanDetail>(`/plans/${enc(planId)}${path}`, {
        method: options.method ?? 'POST',
        body: body ?? {},
      }),
    onSuccess: (plan) => {
      queryClient.setQueryData(planKeys.one(plan.id), plan);
      void queryClient.invalidateQueries({ queryKey: planKeys.ofClient(plan.clientId) });
      void queryClient.invalidateQueries({ queryKey: planKeys.history(plan.id) });
      // The caseload and shared-client lists show the plan's status too.
      void queryClient.invalidateQueries({ queryKey: ['casework'] });
      options.onSuccess?.(plan);
    },
    ...(options.onError ? { onError: options.onError } : {}),
  });
}
