import { useQuery, useQueryClient, type QueryClient } from '@tanstack/react-query';
import { createContext, useContext } from 'react';
import { ApiError, get, put, setCsrfToken } from './api.js';
import { applyLocale, currentLocale } from './i18n/index.js';
import type { Locale, Me, Permission } from './types.js';

export const meQueryKey = ['me'] as const;

const SESSION_HINT_KEY = 'pathways.signedIn';

/**
 * Whether this browser signed in and has not signed out since. The sign-in page only asks the API
 * "who am I?" when this is set: asking without a session earns a 401, which the browser logs as an error.
 */
export function hasSessionHint(): boolean {
  try {
    return window.localStorage.getItem(SESSION_HINT_KEY) === '1';
  } catch {
    return false;
  }
}

function setSessionHint(on: boolean): void {
  try {
    if (on) window.localStorage.setItem(SESSION_HINT_KEY, '1');
    else window.localStorage.removeItem(SESSION_HINT_KEY);
  } catch {
    // Storage blocked: the sign-in page just will not notice an existing session.
  }
}

/** The signed-in user, or null when nobody is signed in (the API answers 401). */
export async function fetchMe(): Promise<Me | null> {
  try {
    const me = await get<Me>('/auth/me');
    setCsrfToken(me.csrfToken);
    setSessionHint(true);
    return me;
  } catch (error) {
    if (error instanceof ApiError && error.status === 401) {
      setCsrfToken(null);
      setSessionHint(false);
      return null;
    }
    throw error;
  }
}

export function useMeQuery(options: { enabled?: boolean } = {}) {
  return useQuery({
    queryKey: meQueryKey,
    queryFn: fetchMe,
    staleTime: 5 * 60_000,
    enabled: options.enabled ?? true,
  });
}

export type SessionEndReason = 'signedOut' | 'passwordChanged' | 'expired';
let endReason: SessionEndReason | null = null;

/** Why the last session ended, for the sign-in page to say so. */
export const sessionEndReason = (): SessionEndReason | null => endReason;

/**
 * Forget everything cached for the previous user, so nothing of theirs shows to the next one, and
 * mark the session as ended: the authenticated layout then sends the browser to sign-in.
 */
export function endSession(queryClient: QueryClient, reason: SessionEndReason = 'expired'): void {
  endReason = reason;
  setCsrfToken(null);
  setSessionHint(false);
  queryClient.removeQueries({ predicate: (query) => query.queryKey[0] !== meQueryKey[0] });
  queryClient.setQueryData(meQueryKey, null);
}

/** Start a session from the sign-in response, carrying over the language chosen before sign-in. */
export function startSession(queryClient: QueryClient, me: Me): Me {
  endReason = null;
  setCsrfToken(me.csrfToken);
  setSessionHint(true);
  queryClient.removeQueries({ predicate: (query) => query.queryKey[0] !== meQueryKey[0] });
  const locale = currentLocale();
  if (me.user.locale !== locale) {
    // The language on screen is the user's latest choice; failing to save it is not worth an error.
    put('/auth/me/locale', { locale }).catch(() => undefined);
  }
  const started = { ...me, user: { ...me.user, locale } };
  queryClient.setQueryData(meQueryKey, started);
  return started;
}

const SessionContext = createContext<Me | null>(null);
export const SessionProvider = SessionContext.Provider;

/** The signed-in user. Only for components rendered inside the authenticated layout. */
export function useSession(): Me {
  const me = useContext(SessionContext);
  if (!me) throw new Error('useSession() used outside the authenticated layout');
  return me;
}

export function useCan(): (permission: Permission) => boolean {
  const me = useSession();
  return (permission) => me.permissions.includes(permission);
}

/** Switches the language, and saves it to the user's account when someone is signed in. */
export function useSwitchLocale(): (locale: Locale) => void {
  const queryClient = useQueryClient();
  return (locale) => {
    void applyLocale(locale);
    const me = queryClient.getQueryData<Me | null>(meQueryKey);
    if (!me) return;
    const next: Me = { ...me, user: { ...me.user, locale } };
    queryClient.setQueryData(meQueryKey, next);
    put('/auth/me/locale', { locale }).catch(() => undefined);
  };
}
