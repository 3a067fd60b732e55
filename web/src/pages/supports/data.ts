import { useMutation, useQuery, useQueryClient, type QueryKey } from '@tanstack/react-query';
import { apiUrl, get, post, put } from '../../api.js';
import { planKeys } from '../plans/data.js';
import type {
  BudgetInput,
  BudgetRow,
  Budgets,
  IssueInput,
  PlanSupports,
  ReviewInput,
  SupportApprovals,
  SupportEvidenceInput,
  SupportPreview,
  SupportRequestInput,
  SupportView,
} from './types.js';

/** Query keys of the supports screens, so a step invalidates exactly what it changed. */
export const supportKeys = {
  all: ['supports'] as const,
  plan: (planId: string) => ['supports', 'plan', planId] as const,
  one: (id: string) => ['supports', 'one', id] as const,
  approvals: ['supports', 'approvals'] as const,
  budgetsAll: ['budgets'] as const,
  budgets: (fiscalYear: number | null) => ['budgets', fiscalYear ?? 'current'] as const,
};

const enc = encodeURIComponent;

/** Reading a client's supports is audited: read when the page asks, not on every window focus. */
export const usePlanSupports = (planId: string | undefined) =>
  useQuery({
    queryKey: supportKeys.plan(planId ?? ''),
    queryFn: () => get<PlanSupports>(`/plans/${enc(planId ?? '')}/supports`),
    enabled: Boolean(planId),
    refetchOnWindowFocus: false,
  });

export const useSupport = (id: string | undefined) =>
  useQuery({
    queryKey: supportKeys.one(id ?? ''),
    queryFn: () => get<SupportView>(`/supports/${enc(id ?? '')}`),
    enabled: Boolean(id),
    refetchOnWindowFocus: false,
  });

export const useSupportApprovals = () =>
  useQuery({
    queryKey: supportKeys.approvals,
    queryFn: () => get<SupportApprovals>('/supports/approvals'),
    refetchOnWindowFocus: false,
  });

export const useBudgets = (fiscalYear: number | null) =>
  useQuery({
    queryKey: supportKeys.budgets(fiscalYear),
    queryFn: () => get<Budgets>('/budgets', { fiscalYear: fiscalYear ?? undefined }),
  });

/** F6 preview: no write, so it is a query keyed by the request's body (the form debounces it). */
export const usePreview = (planId: string, body: SupportRequestInput | null) =>
  useQuery({
    queryKey: ['supports', 'preview', planId, body] as const,
    queryFn: () => post<SupportPreview>(`/plans/${enc(planId)}/supports/preview`, body),
    enabled: body !== null,
    refetchOnWindowFocus: false,
    retry: false,
    placeholderData: (previous) => previous,
  });

/** The evidence file, decrypted by the API (audited); opened in a new tab. */
export const supportEvidenceFileUrl = (evidenceId: string) =>
  apiUrl(`/support-evidence/${enc(evidenceId)}/file`);

export function useRequestSupport(
  planId: string,
  options: { onSuccess?: (s: SupportView) => void; onError?: (e: unknown) => void } = {},
) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: SupportRequestInput) => post<SupportView>(`/plans/${enc(planId)}/supports`, body),
    onSuccess: (support) => {
      queryClient.setQueryData(supportKeys.one(support.id), support);
      void queryClient.invalidateQueries({ queryKey: supportKeys.all });
      void queryClient.invalidateQueries({ queryKey: supportKeys.budgetsAll });
      if (support.planId) void queryClient.invalidateQueries({ queryKey: planKeys.history(support.planId) });
      options.onSuccess?.(support);
    },
    ...(options.onError ? { onError: options.onError } : {}),
  });
}

export type SupportStep =
  | { step: 'pre-approval'; body: { decision: 'approve' | 'refuse'; note?: string } }
  | { step: 'issue'; body: IssueInput }
  | { step: 'evidence'; body: SupportEvidenceInput }
  | { step: 'report'; body: { note?: string } }
  | { step: 'review'; body: ReviewInput }
  | { step: 'cancel'; body: { reason: string } };

/**
 * What a step on a support leaves stale besides the support itself: the plan's list, the SSM's
 * queue, the budgets (which the step moves) and the plan's history (each step is an event). An
 * employer support's step also moves its placement (coverage, `actions`), the employer page's
 * placement line, and the F12 period / F14 start that monitoring reads.
 */
export function queriesAfterSupportStep(support: Pick<SupportView, 'planId' | 'placementId'>): QueryKey[] {
  const keys: QueryKey[] = [supportKeys.approvals, supportKeys.budgetsAll];
  if (support.planId) keys.push(supportKeys.plan(support.planId), planKeys.history(support.planId));
  if (support.placementId) keys.push(['placements'], ['employers'], ['monitoring']);
  return keys;
}

/**
 * One step on a support: every such route answers with the support as it now stands, so the page
 * shows it at once; what the step moved elsewhere refetches (queriesAfterSupportStep).
 */
export function useSupportStep(
  supportId: string,
  options: { onSuccess?: (s: SupportView, step: SupportStep) => void; onError?: (e: unknown) => void } = {},
) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (s: SupportStep) => post<SupportView>(`/supports/${enc(supportId)}/${s.step}`, s.body),
    onSuccess: (support, step) => {
      queryClient.setQueryData(supportKeys.one(support.id), support);
      for (const queryKey of queriesAfterSupportStep(support))
        void queryClient.invalidateQueries({ queryKey });
      options.onSuccess?.(support, step);
    },
    ...(options.onError ? { onError: options.onError } : {}),
  });
}

export function useSaveBudget(
  organizationId: string,
  fiscalYear: number,
  options: { onSuccess?: (b: BudgetRow) => void; onError?: (e: unknown) => void } = {},
) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: BudgetInput) =>
      put<BudgetRow>(`/budgets/${enc(organizationId)}/${enc(String(fiscalYear))}`, body),
    onSuccess: (row) => {
      void queryClient.invalidateQueries({ queryKey: supportKeys.budgetsAll });
      options.onSuccess?.(row);
    },
    ...(options.onError ? { onError: options.onError } : {}),
  });
}
