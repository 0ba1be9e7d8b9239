// My account: API tokens and the second factor.
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api } from '../api/client.ts';
import type { ApiTokenView, Items, TotpSetup } from '../api/types.ts';
import { authKeys } from '../auth/api.ts';

export const accountKeys = {
  tokens: ['account', 'tokens'] as const,
};

export function useTokens() {
  return useQuery({ queryKey: accountKeys.tokens, queryFn: () => api.get<Items<ApiTokenView>>('/api/tokens') });
}

export function useCreateToken() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (name: string) => api.post<{ token: string; item: ApiTokenView }>('/api/tokens', { name }),
    onSettled: () => queryClient.invalidateQueries({ queryKey: accountKeys.tokens }),
  });
}

export function useRevokeToken() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (id: string) => api.delete<void>(`/api/tokens/${id}`),
    onSettled: () => queryClient.invalidateQueries({ queryKey: accountKeys.tokens }),
  });
}

export function useTotpSetup() {
  return useMutation({ mutationFn: () => api.post<TotpSetup>('/api/auth/totp/setup') });
}

export function useEnableTotp() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (code: string) => api.post<void>('/api/auth/totp/enable', { code }),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: authKeys.me }),
  });
}
