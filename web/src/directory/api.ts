// The directory: people (to add to a care team) and structures.
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { api } from '../api/client.ts';
import type { DirectoryPerson, Items, StructureView } from '../api/types.ts';

export const directoryKeys = {
  all: ['directory'] as const,
  people: (q: string) => [...directoryKeys.all, 'people', q] as const,
  structures: () => [...directoryKeys.all, 'structures'] as const,
};

export const MIN_SEARCH_LENGTH = 2;

export function usePeopleSearch(q: string) {
  const query = q.trim();
  return useQuery({
    queryKey: directoryKeys.people(query),
    queryFn: () => api.get<Items<DirectoryPerson>>('/api/people', { q: query, limit: 10 }),
    enabled: query.length >= MIN_SEARCH_LENGTH,
    placeholderData: keepPreviousData,
  });
}

export function useStructures() {
  return useQuery({
    queryKey: directoryKeys.structures(),
    queryFn: () => api.get<Items<StructureView>>('/api/structures'),
  });
}
