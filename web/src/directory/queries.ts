// The regional directory (professionals and establishments of the national extractions) and the
// offers establishments describe: searches, pages, the link to a Trame structure, offer writes.
import { keepPreviousData, useInfiniteQuery, useMutation, useQueries, useQuery, useQueryClient } from '@tanstack/react-query';
import { api } from '../api/client.ts';
import type {
  CommuneView,
  DirectoryOrganizationView,
  DirectoryPractitioner,
  DirectoryProfessionalView,
  DirectoryStatus,
  Items,
  OfferInput,
  OfferList,
  OrientationOfferView,
  TerritorySummary,
  TerritoryView,
} from '../api/types.ts';

export const PAGE_SIZE = 20;
export const MIN_QUERY_LENGTH = 2;

export type DirectoryTab = 'professionals' | 'organizations';
export type DirectorySearch = { q: string; profession?: string | undefined; commune?: string | undefined };

export const annuaireKeys = {
  all: ['annuaire'] as const,
  search: (tab: DirectoryTab, search: DirectorySearch) => [...annuaireKeys.all, tab, 'search', search] as const,
  professional: (id: string) => [...annuaireKeys.all, 'professional', id] as const,
  organization: (id: string) => [...annuaireKeys.all, 'organization', id] as const,
  practitioners: (id: string) => [...annuaireKeys.all, 'organization', id, 'professionals'] as const,
  offers: (organizationId: string) => [...annuaireKeys.all, 'organization', organizationId, 'offers'] as const,
  status: () => [...annuaireKeys.all, 'status'] as const,
  communes: (q: string) => [...annuaireKeys.all, 'communes', q] as const,
  commune: (insee: string) => [...annuaireKeys.all, 'commune', insee] as const,
  territories: () => [...annuaireKeys.all, 'territories'] as const,
  territory: (id: string) => [...annuaireKeys.all, 'territory', id] as const,
};

/** A search runs once something is asked: 2 letters of a name, or a filter. */
export function isAsked(search: DirectorySearch): boolean {
  return search.q.trim().length >= MIN_QUERY_LENGTH || Boolean(search.profession) || Boolean(search.commune);
}

function nextOffset<T>(last: Items<T>, pages: Items<T>[]): number | undefined {
  return last.items.length === PAGE_SIZE ? pages.length * PAGE_SIZE : undefined;
}

export function useProfessionalSearch(search: DirectorySearch, enabled: boolean) {
  return useInfiniteQuery({
    queryKey: annuaireKeys.search('professionals', search),
    queryFn: ({ pageParam }) =>
      api.get<Items<DirectoryProfessionalView>>('/api/directory/professionals', {
        q: search.q.trim(),
        profession: search.profession,
        commune: search.commune,
        limit: PAGE_SIZE,
        offset: pageParam,
      }),
    initialPageParam: 0,
    getNextPageParam: nextOffset,
    enabled: enabled && isAsked(search),
    placeholderData: keepPreviousData,
  });
}

export function useOrganizationSearch(search: DirectorySearch, enabled: boolean) {
  return useInfiniteQuery({
    queryKey: annuaireKeys.search('organizations', { q: search.q, commune: search.commune }),
    queryFn: ({ pageParam }) =>
      api.get<Items<DirectoryOrganizationView>>('/api/directory/organizations', { q: search.q.trim(), commune: search.commune, limit: PAGE_SIZE, offset: pageParam }),
    initialPageParam: 0,
    getNextPageParam: nextOffset,
    enabled: enabled && isAsked({ q: search.q, commune: search.commune }),
    placeholderData: keepPreviousData,
  });
}

export function useProfessional(id: string | undefined) {
  return useQuery({
    queryKey: annuaireKeys.professional(id ?? ''),
    queryFn: () => api.get<DirectoryProfessionalView>(`/api/directory/professionals/${id}`),
    enabled: Boolean(id),
  });
}

export function useOrganization(id: string | undefined) {
  return useQuery({
    queryKey: annuaireKeys.organization(id ?? ''),
    queryFn: () => api.get<DirectoryOrganizationView>(`/api/directory/organizations/${id}`),
    enabled: Boolean(id),
  });
}

export function usePractitioners(organizationId: string) {
  return useInfiniteQuery({
    queryKey: annuaireKeys.practitioners(organizationId),
    queryFn: ({ pageParam }) => api.get<Items<DirectoryPractitioner>>(`/api/directory/organizations/${organizationId}/professionals`, { limit: PAGE_SIZE, offset: pageParam }),
    initialPageParam: 0,
    getNextPageParam: nextOffset,
  });
}

export function useDirectoryStatus(enabled = true) {
  return useQuery({
    queryKey: annuaireKeys.status(),
    queryFn: () => api.get<DirectoryStatus>('/api/directory/status'),
    enabled,
    staleTime: 5 * 60_000,
  });
}

/** Says which Trame structure the establishment is (platform administrators). */
export function useLinkStructure(organizationId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (structureId: string | null) => api.patch<DirectoryOrganizationView>(`/api/directory/organizations/${organizationId}`, { structureId }),
    onSuccess: (organization) => queryClient.setQueryData(annuaireKeys.organization(organizationId), organization),
    // who may describe the offers changed with it
    onSettled: () => queryClient.invalidateQueries({ queryKey: annuaireKeys.offers(organizationId) }),
  });
}

// ---- offers ---------------------------------------------------------------------------------------

export function useOffers(organizationId: string) {
  return useQuery({
    queryKey: annuaireKeys.offers(organizationId),
    queryFn: () => api.get<OfferList>('/api/orientation/offers', { organizationId, limit: 100 }),
  });
}

/** Puts the offer the server answered in the establishment's list at once; the list then reloads (completeness). */
function useRememberOffer(organizationId: string) {
  const queryClient = useQueryClient();
  return {
    remember: (offer: OrientationOfferView) =>
      queryClient.setQueryData<OfferList>(annuaireKeys.offers(organizationId), (list) => {
        if (!list) return list;
        const known = list.items.some((o) => o.id === offer.id);
        return { ...list, items: known ? list.items.map((o) => (o.id === offer.id ? offer : o)) : [...list.items, offer] };
      }),
    refresh: () => queryClient.invalidateQueries({ queryKey: annuaireKeys.offers(organizationId) }),
  };
}

export function useCreateOffer(organizationId: string) {
  const { remember, refresh } = useRememberOffer(organizationId);
  return useMutation({
    mutationFn: (input: OfferInput) => api.post<OrientationOfferView>('/api/orientation/offers', { organizationId, ...input }),
    onSuccess: remember,
    onSettled: refresh,
  });
}

/** Sends only what changed, with the version read: on 409 the list reloads and the caller says so. */
export function useUpdateOffer(organizationId: string) {
  const { remember, refresh } = useRememberOffer(organizationId);
  return useMutation({
    mutationFn: ({ id, version, changes }: { id: string; version: number; changes: Partial<OfferInput> }) =>
      api.patch<OrientationOfferView>(`/api/orientation/offers/${id}`, { version, ...changes }),
    onSuccess: remember,
    onSettled: refresh,
  });
}

// ---- communes and territories (the served area of an offer, the commune filter) -------------------

export function useCommuneSearch(q: string) {
  const query = q.trim();
  return useQuery({
    queryKey: annuaireKeys.communes(query),
    queryFn: () => api.get<Items<CommuneView>>('/api/communes', { q: query, limit: 10 }),
    enabled: query.length >= MIN_QUERY_LENGTH,
    placeholderData: keepPreviousData,
    staleTime: Infinity,
  });
}

/** One commune by its INSEE code (the address of a search holds only the code). */
export function useCommune(insee: string | undefined) {
  return useQuery({
    queryKey: annuaireKeys.commune(insee ?? ''),
    queryFn: () => api.get<Items<CommuneView>>('/api/communes', { q: insee, scope: 'france', limit: 10 }),
    enabled: Boolean(insee),
    staleTime: Infinity,
    select: (answer) => answer.items.find((commune) => commune.insee === insee) ?? null,
  });
}

export function useTerritoryList(enabled: boolean) {
  return useQuery({
    queryKey: annuaireKeys.territories(),
    queryFn: () => api.get<Items<TerritorySummary>>('/api/territories'),
    enabled,
    staleTime: 5 * 60_000,
  });
}

/** One territory with its communes, when asked for (to add them all to a served area). */
export function useFetchTerritory() {
  const queryClient = useQueryClient();
  return (id: string) =>
    queryClient.fetchQuery({ queryKey: annuaireKeys.territory(id), queryFn: () => api.get<TerritoryView>(`/api/territories/${id}`), staleTime: 5 * 60_000 });
}

/**
 * Names of the communes of a served area: those of the region's territories (one request each, few),
 * then, for the codes still unknown, one search each (the first 40 only: the rest keep their code).
 */
export function useCommuneNames(codes: readonly string[], enabled: boolean): Map<string, string> {
  const territories = useTerritoryList(enabled);
  const details = useQueries({
    queries: (territories.data?.items ?? []).map((t) => ({
      queryKey: annuaireKeys.territory(t.id),
      queryFn: () => api.get<TerritoryView>(`/api/territories/${t.id}`),
      enabled,
      staleTime: 5 * 60_000,
    })),
  });
  const names = new Map<string, string>();
  for (const detail of details) for (const commune of detail.data?.communes ?? []) names.set(commune.insee, commune.name);
  const settled = territories.isSuccess && details.every((d) => !d.isPending);
  const unknown = settled ? codes.filter((code) => !names.has(code)).slice(0, 40) : [];
  const singles = useQueries({
    queries: unknown.map((insee) => ({
      queryKey: annuaireKeys.commune(insee),
      queryFn: () => api.get<Items<CommuneView>>('/api/communes', { q: insee, scope: 'france', limit: 10 }),
      enabled,
      staleTime: Infinity,
    })),
  });
  singles.forEach((single, i) => {
    const found = single.data?.items.find((c) => c.insee === unknown[i]);
    if (found) names.set(found.insee, found.name);
  });
  return names;
}
