// The observatory's register and its new entries.
import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api, type QueryParams } from '../api/client.ts';
import type { BreakdownList, BreakdownView } from '../api/types.ts';
import { fileKeys } from '../files/api.ts';

export type BreakdownFilter = { from?: string; to?: string; kind?: string; cause?: string; territoryId?: string };

export function useBreakdowns(filter: BreakdownFilter) {
  return useQuery({ queryKey: ['breakdowns', filter], queryFn: () => api.get<BreakdownList>('/api/breakdowns', filter as QueryParams), placeholderData: keepPreviousData });
}

export function exportUrl(filter: BreakdownFilter): string {
  const params = new URLSearchParams(Object.entries(filter).filter(([, v]) => v) as [string, string][]);
  return `/api/breakdowns/export.csv${params.size ? `?${params}` : ''}`;
}

export type NewBreakdown = { occurredOn: string; kind: string; cause: string; consequence: string; structuresInvolved: string[]; description?: string | null; communeInsee?: string | null };

export function useRecordBreakdown(fileId?: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (input: NewBreakdown) => api.post<BreakdownView>(fileId ? `/api/files/${fileId}/breakdowns` : '/api/breakdowns', input),
    onSettled: () => Promise.all([queryClient.invalidateQueries({ queryKey: ['breakdowns'] }), ...(fileId ? [queryClient.invalidateQueries({ queryKey: fileKeys.timeline(fileId) })] : [])]),
  });
}
