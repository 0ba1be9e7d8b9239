// The session: who I am, logging in and out, and which membership I act through.
import { useMutation, useQuery, useQueryClient, type QueryClient } from '@tanstack/react-query';
import { api, isApiError, setCsrfToken } from '../api/client.ts';
import type { MeView, SessionView } from '../api/types.ts';

export const authKeys = {
  me: ['auth', 'me'] as const,
};

function startSession(queryClient: QueryClient, session: SessionView): void {
  setCsrfToken(session.csrfToken);
  queryClient.setQueryData(authKeys.me, session.me);
}

const isNotSession = (query: { queryKey: readonly unknown[] }) => query.queryKey[0] !== authKeys.me[0];

/** Not logged in reads as `null`, not as an error. */
async function fetchMe(): Promise<MeView | null> {
  try {
    const session = await api.get<SessionView>('/api/auth/me');
    setCsrfToken(session.csrfToken);
    return session.me;
  } catch (error) {
    if (isApiError(error, 401)) return null;
    throw error;
  }
}

export function useMe() {
  return useQuery({ queryKey: authKeys.me, queryFn: fetchMe, staleTime: 5 * 60_000 });
}

/** The logged-in person, inside the pages that RequireAuth guards. */
export function useCurrentUser(): MeView {
  const { data } = useMe();
  if (!data) throw new Error('useCurrentUser is only for pages behind RequireAuth');
  return data;
}

/** A request answered `auth.required`: the session ended, so the app goes back to the login page. */
export function forgetExpiredSession(queryClient: QueryClient, error: unknown): void {
  if (isApiError(error, 401) && error.code === 'auth.required') queryClient.setQueryData(authKeys.me, null);
}

export type LoginInput = { email: string; password: string; totpCode?: string };

export function useLogin() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (input: LoginInput) => api.post<SessionView>('/api/auth/login', input),
    onSuccess: (session) => startSession(queryClient, session),
  });
}

export function useLogout() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: () => api.post<void>('/api/auth/logout'),
    onSettled: () => {
      // The session query stays, set to null: RequireAuth observes it and shows the login page.
      setCsrfToken(null);
      queryClient.setQueryData(authKeys.me, null);
      queryClient.removeQueries({ predicate: isNotSession });
    },
  });
}

/** Switching membership changes every right: everything but the session is read again. */
export function useSwitchActing() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (membershipId: string) => api.post<SessionView>('/api/auth/acting', { membershipId }),
    onSuccess: (session) => {
      startSession(queryClient, session);
      void queryClient.resetQueries({ predicate: isNotSession });
    },
  });
}
