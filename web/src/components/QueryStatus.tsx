import type { ComponentType } from 'react';
import { Loading } from './Page.js';
import { QueryError } from './QueryError.js';

/** The parts of a TanStack query that its loading and failure states read. */
export interface QueryState {
  isPending: boolean;
  isError: boolean;
  error: unknown;
  refetch: () => unknown;
}

/**
 * A query's loading and failure states, side by side as every list and panel shows them: "Loading…"
 * while it reads, then the failure with a way to try again. `failure` words the failure another way
 * (case management cites the rule that refused it).
 */
export function QueryStatus({
  query,
  failure: Failure = QueryError,
}: {
  query: QueryState;
  failure?: ComponentType<{ error: unknown; onRetry?: () => void }>;
}) {
  return (
    <>
      {query.isPending ? <Loading /> : null}
      {query.isError ? <Failure error={query.error} onRetry={() => void query.refetch()} /> : null}
    </>
  );
}
