// Territories (the communes a DAC or a CPTS serves) and the commune reference they are built from.
import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api, isApiError } from '../api/client.ts';
import type {
  CommuneGroupKind,
  CommuneGroups,
  CommuneView,
  Items,
  TerritoryInput,
  TerritorySummary,
  TerritoryUpdate,
  TerritoryView,
} from '../api/types.ts';
import { MIN_SEARCH_LENGTH } from '../directory/api.ts';

export type CommuneScope = 'region' | 'france';

export const territoryKeys = {
  all: ['territories'] as const,
  list: () => [...territoryKeys.all, 'list'] as const,
  detail: (id: string) => [...territoryKeys.all, 'detail', id] as const,
  communes: (q: string, scope: CommuneScope) => ['communes', 'search', q, scope] as const,
  groups: () => ['communes', 'groups'] as const,
  group: (kind: CommuneGroupKind, code: string) => ['communes', 'group', kind, code] as const,
};

// Reference geography changes once a year: never worth asking again during a session.
const REFERENCE = { staleTime: Infinity, gcTime: 30 * 60_000 };

export function useTerritories() {
  return useQuery({ queryKey: territoryKeys.list(), queryFn: () => api.get<Items<TerritorySummary>>('/api/territories') });
}

export function useTerritory(id: string | undefined) {
  return useQuery({
    queryKey: territoryKeys.detail(id ?? ''),
    queryFn: () => api.get<TerritoryView>(`/api/territories/${id}`),
    enabled: id !== undefined,
  });
}

export function useCommuneSearch(q: string, scope: CommuneScope) {
  const query = q.trim();
  return useQuery({
    queryKey: territoryKeys.communes(query, scope),
    queryFn: () => api.get<Items<CommuneView>>('/api/communes', { q: query, scope, limit: 12 }),
    enabled: query.length >= MIN_SEARCH_LENGTH,
    placeholderData: keepPreviousData,
    ...REFERENCE,
  });
}

export function useCommuneGroups() {
  return useQuery({ queryKey: territoryKeys.groups(), queryFn: () => api.get<CommuneGroups>('/api/communes/groups'), ...REFERENCE });
}

/** Every commune of a département, arrondissement or intercommunalité (asked when added). */
export function useFetchGroupCommunes() {
  const queryClient = useQueryClient();
  return (kind: CommuneGroupKind, code: string) =>
    queryClient.fetchQuery({
      queryKey: territoryKeys.group(kind, code),
      queryFn: () => api.get<Items<CommuneView>>(`/api/communes/groups/${kind}/${code}`),
      ...REFERENCE,
    });
}

export function useCreateTerritory() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (input: TerritoryInput) => api.post<TerritoryView>('/api/territories', input),
    onSuccess: (view) => {
      queryClient.setQueryData(territoryKeys.detail(view.id), view);
      return queryClient.invalidateQueries({ queryKey: territoryKeys.list() });
    },
  });
}

export function useUpdateTerritory(id: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (update: TerritoryUpdate) => api.patch<TerritoryView>(`/api/territories/${id}`, update),
    onSuccess: (view) => {
      queryClient.setQueryData(territoryKeys.detail(id), view);
      return queryClient.invalidateQueries({ queryKey: territoryKeys.list() });
    },
  });
}

/** Someone else saved the territory since it was read: the editor must reload it. */
export function isStale(error: unknown): boolean {
  return isApiError(error, 409) && error.code === 'territories.stale';
}
