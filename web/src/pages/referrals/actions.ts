import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api } from '../../api.js';
import { keys } from '../../queries.js';
import type { Referral } from '../../types.js';

/**
 * One step on a referral (assign, log an attempt, return …): every such route answers with the
 * referral as it now stands, so the page shows it at once and the worklists are refetched.
 */
export function useReferralStep<TBody>(
  referralId: string,
  path: string,
  options: {
    method?: 'POST' | 'PUT';
    onSuccess?: (r: Referral) => void;
    onError?: (e: unknown) => void;
  } = {},
) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: TBody) =>
      api<Referral>(`/referrals/${encodeURIComponent(referralId)}${path}`, {
        method: options.method ?? 'POST',
        body: body ?? {},
      }),
    onSuccess: (referral) => {
      queryClient.setQueryData(keys.referral(referral.id), referral);
      void queryClient.invalidateQueries({ queryKey: keys.worklist });
      void queryClient.invalidateQueries({ queryKey: ['referrals', 'list'] });
      void queryClient.invalidateQueries({ queryKey: keys.suggestions(referral.id) });
      options.onSuccess?.(referral);
    },
    ...(options.onError ? { onError: options.onError } : {}),
  });
}
