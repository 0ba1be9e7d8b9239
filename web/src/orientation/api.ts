// Orientation: « Trouver une ressource » (the ranked search of offers), the requests a file sends,
// the requests an establishment receives, and their answers.
import { keepPreviousData, useMutation, useQuery, useQueryClient, type QueryClient } from '@tanstack/react-query';
import { api } from '../api/client.ts';
import type {
  Items,
  OrientationAnswer,
  OrientationRequestStatus,
  OrientationRequestView,
  OrientationSearchAnswer,
} from '../api/types.ts';
import { fileKeys } from '../files/api.ts';

/** The search criteria, as the page keeps them in its address. */
export type OrientationCriteria = {
  careKind?: string;
  specialty?: string;
  condition?: string;
  commune?: string;
  age?: number;
  freeOnly: boolean;
  radiusKm: number;
};

export type IncomingFilter = OrientationRequestStatus | 'all';

export const orientationKeys = {
  all: ['orientation'] as const,
  search: (criteria: OrientationCriteria) => [...orientationKeys.all, 'search', criteria] as const,
  incomingLists: () => [...orientationKeys.all, 'incoming'] as const,
  incoming: (filter: IncomingFilter) => [...orientationKeys.incomingLists(), filter] as const,
  // Under the file's detail key: the live events that refresh an open file refresh its requests too.
  fileRequests: (fileId: string) => [...fileKeys.detail(fileId), 'orientation-requests'] as const,
};

/** A search needs a need (kind of care, specialty or situation) and the patient's commune. */
export function isSearchable(criteria: OrientationCriteria): boolean {
  return Boolean((criteria.careKind || criteria.specialty || criteria.condition) && criteria.commune);
}

export function useOrientationSearch(criteria: OrientationCriteria) {
  return useQuery({
    queryKey: orientationKeys.search(criteria),
    queryFn: () =>
      api.get<OrientationSearchAnswer>('/api/orientation/search', {
        careKind: criteria.careKind,
        specialty: criteria.specialty,
        condition: criteria.condition,
        commune: criteria.commune,
        age: criteria.age,
        freeOnly: String(criteria.freeOnly),
        radiusKm: criteria.radiusKm,
        limit: 50,
      }),
    enabled: isSearchable(criteria),
    placeholderData: keepPreviousData,
  });
}

export function useFileRequests(fileId: string | undefined) {
  return useQuery({
    queryKey: orientationKeys.fileRequests(fileId ?? ''),
    queryFn: async () => (await api.get<Items<OrientationRequestView>>(`/api/files/${fileId}/orientation-requests`)).items,
    enabled: Boolean(fileId),
  });
}

export function useIncomingRequests(filter: IncomingFilter) {
  return useQuery({
    queryKey: orientationKeys.incoming(filter),
    queryFn: async () =>
      (await api.get<Items<OrientationRequestView>>('/api/orientation/requests/incoming', { status: filter === 'all' ? undefined : filter })).items,
    placeholderData: keepPreviousData,
  });
}

function refreshRequests(queryClient: QueryClient, fileId: string) {
  return Promise.all([
    queryClient.invalidateQueries({ queryKey: orientationKeys.fileRequests(fileId) }),
    queryClient.invalidateQueries({ queryKey: orientationKeys.incomingLists() }),
    queryClient.invalidateQueries({ queryKey: fileKeys.timeline(fileId) }),
  ]);
}

/** Puts the request the server answered in the file's list at once, before the refresh. */
function remember(queryClient: QueryClient, request: OrientationRequestView) {
  queryClient.setQueryData<OrientationRequestView[]>(orientationKeys.fileRequests(request.fileId), (list) => {
    if (!list) return list;
    return list.some((r) => r.id === request.id) ? list.map((r) => (r.id === request.id ? request : r)) : [request, ...list];
  });
}

export function useSendRequest(fileId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (input: { offerId: string; message: string }) => api.post<OrientationRequestView>(`/api/files/${fileId}/orientation-requests`, input),
    onSuccess: (request) => remember(queryClient, request),
    onSettled: () => refreshRequests(queryClient, fileId),
  });
}

/** Sends the version read: on 409 the lists reload and the caller tells the user. */
export function useAnswerRequest() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ request, answer }: { request: OrientationRequestView; answer: Omit<OrientationAnswer, 'version'> }) =>
      api.post<OrientationRequestView>(`/api/orientation/requests/${request.id}/answer`, { version: request.version, ...answer }),
    onSuccess: (request) => remember(queryClient, request),
    onSettled: (_data, _error, { request }) => refreshRequests(queryClient, request.fileId),
  });
}

export function useCancelRequest() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (request: OrientationRequestView) => api.post<OrientationRequestView>(`/api/orientation/requests/${request.id}/cancel`, { version: request.version }),
    onSuccess: (request) => remember(queryClient, request),
    onSettled: (_data, _error, request) => refreshRequests(queryClient, request.fileId),
  });
}

/**
 * Whether my acting structure is an establishment of the directory, so that orientation requests can
 * be addressed to it (the « Demandes reçues » entry is useless to a DAC, say).
 */
export function useReceivesOrientationRequests(structureId: string | undefined, allowed: boolean): boolean {
  const linked = useQuery({
    queryKey: [...orientationKeys.all, 'linked-establishment', structureId],
    queryFn: () => api.get<Items<{ id: string }>>('/api/directory/organizations', { structureId, limit: 1 }),
    enabled: allowed && Boolean(structureId),
    staleTime: 10 * 60_000,
  });
  return allowed && (linked.data?.items.length ?? 0) > 0;
}
