import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { apiUrl, get, post, put } from '../../api.js';
import type {
  CheckpointReviewResult,
  FundingAgreement,
  FundingAgreementAmounts,
  ReviewQueue,
  Statement,
  StatementQuery,
} from './types.js';

/** Query keys of the PBF screens, so a step invalidates exactly what it changed. */
export const pbfKeys = {
  all: ['pbf'] as const,
  reviewQueue: ['pbf', 'review-queue'] as const,
  statementsAll: ['pbf', 'statements'] as const,
  statement: (q: StatementQuery) => ['pbf', 'statements', q.organizationId, q.fiscalYear, q.quarter] as const,
  fundingAgreement: (organizationId: string) => ['pbf', 'funding-agreement', organizationId] as const,
};

const enc = encodeURIComponent;

/** Reading the queue is audited (client names): it is read when the page asks, not on every focus. */
export const useReviewQueue = (enabled = true) =>
  useQuery({
    queryKey: pbfKeys.reviewQueue,
    queryFn: () => get<ReviewQueue>('/pbf/review-queue'),
    enabled,
    refetchOnWindowFocus: false,
  });

export const useStatement = (q: StatementQuery | null) =>
  useQuery({
    queryKey: pbfKeys.statement(q ?? { organizationId: '', fiscalYear: 0, quarter: 1 }),
    queryFn: () => get<Statement>('/pbf/statements', { ...q }),
    enabled: q !== null,
    refetchOnWindowFocus: false,
  });

/** The CSV of the same statement, downloaded by the browser with the session cookie. */
export const statementCsvUrl = (q: StatementQuery) => apiUrl('/pbf/statements.csv', { ...q });

/** The evidence file, decrypted by the API (audited); opened in a new tab. */
export const evidenceFileUrl = (evidenceId: string) => apiUrl(`/evidence/${enc(evidenceId)}/file`);

export const useFundingAgreement = (organizationId: string | undefined) =>
  useQuery({
    queryKey: pbfKeys.fundingAgreement(organizationId ?? ''),
    queryFn: () => get<FundingAgreement>(`/pbf/funding-agreements/${enc(organizationId ?? '')}`),
    enabled: Boolean(organizationId),
  });

export type ReviewAction =
  | { target: 'checkpoint'; id: string; decision: 'approve' }
  | { target: 'checkpoint'; id: string; decision: 'reject'; reason: string }
  | { target: 'attestation'; id: string; decision: 'pre-approve' }
  | { target: 'attestation'; id: string; decision: 'reject'; reason: string };

/**
 * The SSM's decision on a submission or an attestation. Whatever it was, the queue is read again
 * (the item leaves it) and the statements, whose lines it moves, are dropped from the cache.
 */
export function useReviewDecision(options: { onSuccess?: (a: ReviewAction) => void } = {}) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (a: ReviewAction) =>
      post<CheckpointReviewResult | unknown>(
        `/pbf/${a.target === 'checkpoint' ? 'checkpoints' : 'attestations'}/${enc(a.id)}/${a.decision}`,
        a.decision === 'reject' ? { reason: a.reason } : {},
      ),
    onSuccess: async (_result, a) => {
      void queryClient.invalidateQueries({ queryKey: pbfKeys.statementsAll });
      // Monitoring timelines show the review state and the ledger line too.
      void queryClient.invalidateQueries({ queryKey: ['monitoring'] });
      await queryClient.invalidateQueries({ queryKey: pbfKeys.reviewQueue });
      options.onSuccess?.(a);
    },
  });
}

/** Finance marks every approved line of the quarter paid; the API answers with the statement. */
export function useMarkPaid(options: { onSuccess?: (s: Statement) => void } = {}) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (q: StatementQuery) => post<Statement>('/pbf/statements/pay', q),
    onSuccess: (statement, q) => {
      queryClient.setQueryData(pbfKeys.statement(q), statement);
      void queryClient.invalidateQueries({ queryKey: ['monitoring'] });
      options.onSuccess?.(statement);
    },
  });
}

export function useSaveFundingAgreement(
  organizationId: string,
  options: { onSuccess?: (a: FundingAgreement) => void; onError?: (e: unknown) => void } = {},
) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (amounts: FundingAgreementAmounts) =>
      put<FundingAgreement>(`/pbf/funding-agreements/${enc(organizationId)}`, { amounts }),
    onSuccess: (agreement) => {
      queryClient.setQueryData(pbfKeys.fundingAgreement(organizationId), agreement);
      // Unpaid lines of the provider are repriced.
      void queryClient.invalidateQueries({ queryKey: pbfKeys.statementsAll });
      options.onSuccess?.(agreement);
    },
    ...(options.onError ? { onError: options.onError } : {}),
  });
}
