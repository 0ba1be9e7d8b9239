// Platform administration: people with their memberships, structures.
import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api } from '../api/client.ts';
import type { AdminPersonInput, AdminPersonView, Items, StructureInput } from '../api/types.ts';
import { directoryKeys } from '../directory/api.ts';

export const adminKeys = {
  people: ['admin', 'people'] as const,
  peopleSearch: (q: string) => [...adminKeys.people, q] as const,
};

export function useAdminPeople(q: string) {
  return useQuery({
    queryKey: adminKeys.peopleSearch(q),
    queryFn: () => api.get<Items<AdminPersonView>>('/api/admin/people', { q }),
    placeholderData: keepPreviousData,
  });
}

export function useCreatePerson() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (input: AdminPersonInput) => api.post<unknown>('/api/admin/people', input),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: adminKeys.people }),
  });
}

export function useCreateStructure() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (input: StructureInput) => api.post<unknown>('/api/admin/structures', input),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: directoryKeys.structures() }),
  });
}
