import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api, get } from '../../api.js';
import { planKeys } from '../plans/data.js';
import type {
  EmployerChecklist,
  EmployerInput,
  EmployerSummary,
  EmployerView,
  PlacementInput,
  PlacementPatch,
  PlacementView,
} from './types.js';

/** Query keys of the employer and placement screens, so a step invalidates exactly what it changed. */
export const employerKeys = {
  all: ['employers'] as const,
  listAll: ['employers', 'list'] as const,
  list: (search: string) => ['employers', 'list', search] as const,
  one: (id: string) => ['employers', 'one', id] as const,
  placement: (id: string) => ['placements', 'one', id] as const,
  planPlacements: (planId: string) => ['placements', 'plan', planId] as const,
};

const enc = encodeURIComponent;

export const useEmployers = (search: string, enabled = true) =>
  useQuery({
    queryKey: employerKeys.list(search),
    queryFn: () => get<{ employers: EmployerSummary[] }>('/employers', { search: search || undefined }),
    enabled,
  });

export const useEmployer = (id: string | undefined) =>
  useQuery({
    queryKey: employerKeys.one(id ?? ''),
    queryFn: () => get<EmployerView>(`/employers/${enc(id ?? '')}`),
    enabled: Boolean(id),
  });

/** Reading a placement shows the client's name and is audited: read when the page asks. */
export const usePlacement = (id: string | undefined) =>
  useQuery({
    queryKey: employerKeys.placement(id ?? ''),
    queryFn: () => get<PlacementView>(`/placements/${enc(id ?? '')}`),
    enabled: Boolean(id),
    refetchOnWindowFocus: false,
  });

interface StepOptions<T> {
  onSuccess?: (view: T) => void;
  onError?: (e: unknown) => void;
}

/** Registers an employer (F10 Employer Registration Form); the registry list refetches. */
export function useRegisterEmployer(options: StepOptions<EmployerView> = {}) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: EmployerInput) => api<EmployerView>('/employers', { method: 'POST', body }),
    onSuccess: (view) => {
      queryClient.setQueryData(employerKeys.one(view.id), view);
      void queryClient.invalidateQueries({ queryKey: employerKeys.listAll });
      options.onSuccess?.(view);
    },
    ...(options.onError ? { onError: options.onError } : {}),
  });
}

/**
 * One step on an employer (details, checklist, a contact, a location, a site visit): every such
 * route answers with the employer as it now stands, so the page shows it at once and the list
 * (eligibility, last visit) refetches.
 */
export function useEmployerStep<TBody>(
  employerId: string,
  path: '' | '/checklist' | '/contacts' | '/locations' | '/site-visits',
  options: StepOptions<EmployerView> & { method?: 'POST' | 'PATCH' | 'PUT' } = {},
) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: TBody) =>
      api<EmployerView>(`/employers/${enc(employerId)}${path}`, {
        method: options.method ?? 'POST',
        body: body ?? {},
      }),
    onSuccess: (view) => {
      queryClient.setQueryData(employerKeys.one(view.id), view);
      void queryClient.invalidateQueries({ queryKey: employerKeys.listAll });
      // A placement's readiness follows the employer's checklist and visits (F10).
      void queryClient.invalidateQueries({ queryKey: ['placements'] });
      options.onSuccess?.(view);
    },
    ...(options.onError ? { onError: options.onError } : {}),
  });
}

export type ChecklistBody = { checklist: EmployerChecklist };

/** The placement and its employer support go together (one transaction on the API). */
function invalidateAfterPlacement(queryClient: ReturnType<typeof useQueryClient>, view: PlacementView) {
  queryClient.setQueryData(employerKeys.placement(view.id), view);
  void queryClient.invalidateQueries({ queryKey: employerKeys.planPlacements(view.planId) });
  void queryClient.invalidateQueries({ queryKey: employerKeys.one(view.employerId) });
  void queryClient.invalidateQueries({ queryKey: employerKeys.listAll });
  void queryClient.invalidateQueries({ queryKey: ['supports'] });
  // The employer support counts in the provider's ERFS budget from its request on (F3).
  void queryClient.invalidateQueries({ queryKey: ['budgets'] });
  void queryClient.invalidateQueries({ queryKey: ['monitoring'] });
  void queryClient.invalidateQueries({ queryKey: planKeys.history(view.planId) });
}

export function useCreatePlacement(planId: string, options: StepOptions<PlacementView> = {}) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: PlacementInput) =>
      api<PlacementView>(`/plans/${enc(planId)}/placements`, { method: 'POST', body }),
    onSuccess: (view) => {
      invalidateAfterPlacement(queryClient, view);
      options.onSuccess?.(view);
    },
    ...(options.onError ? { onError: options.onError } : {}),
  });
}

/** A change to a placement (PATCH) or its end (POST /end); the API answers with the placement. */
export function usePlacementStep<TBody extends PlacementPatch | { endedOn: string }>(
  placementId: string,
  kind: 'patch' | 'end',
  options: StepOptions<PlacementView> = {},
) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: TBody) =>
      kind === 'patch'
        ? api<PlacementView>(`/placements/${enc(placementId)}`, { method: 'PATCH', body })
        : api<PlacementView>(`/placements/${enc(placementId)}/end`, { method: 'POST', body }),
    onSuccess: (view) => {
      invalidateAfterPlacement(queryClient, view);
      options.onSuccess?.(view);
    },
    ...(options.onError ? { onError: options.onError } : {}),
  });
}
