// Coordination files: lists, one file with its journal, timeline, care team and access log, and the
// live updates that keep an open file page current.
import {
  keepPreviousData,
  useInfiniteQuery,
  useMutation,
  useQuery,
  useQueryClient,
  type InfiniteData,
  type QueryClient,
  type QueryKey,
} from '@tanstack/react-query';
import { useEffect } from 'react';
import { api, isApiError, type ApiError } from '../api/client.ts';
import type {
  AccessLogEntry,
  CareTeamMemberView,
  CareTeamRole,
  FileStatus,
  FileSummary,
  FileView,
  Items,
  JournalCategory,
  JournalEntryView,
  Page,
  PersonRef,
  TimelineItem,
} from '../api/types.ts';
import { patientKeys } from '../patients/api.ts';

export type FileStatusFilter = FileStatus | 'all';
export type FileScope = 'mine' | 'structure';
export type FileFilters = { q: string; status: FileStatusFilter; scope?: FileScope; limit?: number };

export const fileKeys = {
  all: ['files'] as const,
  lists: () => [...fileKeys.all, 'list'] as const,
  list: (filters: FileFilters) => [...fileKeys.lists(), filters] as const,
  file: (id: string) => [...fileKeys.all, 'file', id] as const,
  detail: (id: string) => [...fileKeys.file(id), 'detail'] as const,
  journal: (id: string) => [...fileKeys.file(id), 'journal'] as const,
  timeline: (id: string) => [...fileKeys.file(id), 'timeline'] as const,
  accessLog: (id: string) => [...fileKeys.file(id), 'accessLog'] as const,
};

function invalidate(queryClient: QueryClient, keys: readonly QueryKey[]) {
  return Promise.all(keys.map((queryKey) => queryClient.invalidateQueries({ queryKey })));
}

/** After a change to a file: its own queries and the lists that summarise it. */
function invalidateFile(queryClient: QueryClient, fileId: string) {
  return invalidate(queryClient, [fileKeys.file(fileId), fileKeys.lists()]);
}

export function useFiles(filters: FileFilters) {
  return useQuery({
    queryKey: fileKeys.list(filters),
    queryFn: () =>
      api.get<Items<FileSummary>>('/api/files', { q: filters.q, status: filters.status, scope: filters.scope ?? 'mine', limit: filters.limit ?? 100 }),
    placeholderData: keepPreviousData,
  });
}

export function useFile(id: string) {
  return useQuery({ queryKey: fileKeys.detail(id), queryFn: () => api.get<FileView>(`/api/files/${id}`) });
}

export function useJournal(fileId: string) {
  return useInfiniteQuery({
    queryKey: fileKeys.journal(fileId),
    queryFn: ({ pageParam }) => api.get<Page<JournalEntryView>>(`/api/files/${fileId}/journal`, { before: pageParam, limit: 50 }),
    initialPageParam: undefined as string | undefined,
    getNextPageParam: (last) => last.nextBefore ?? undefined,
  });
}

export function useTimeline(fileId: string) {
  return useInfiniteQuery({
    queryKey: fileKeys.timeline(fileId),
    queryFn: ({ pageParam }) => api.get<Page<TimelineItem>>(`/api/files/${fileId}/timeline`, { before: pageParam, limit: 100 }),
    initialPageParam: undefined as string | undefined,
    getNextPageParam: (last) => last.nextBefore ?? undefined,
  });
}

export function useAccessLog(fileId: string) {
  return useQuery({
    queryKey: fileKeys.accessLog(fileId),
    queryFn: () => api.get<Items<AccessLogEntry>>(`/api/files/${fileId}/access-log`),
  });
}

/** Refreshes the file, its journal and its timeline whenever the server says the file changed. */
export function useLiveFile(fileId: string) {
  const queryClient = useQueryClient();
  useEffect(() => {
    const source = new EventSource(`/api/files/${fileId}/live`);
    source.addEventListener('change', () => {
      void invalidate(queryClient, [fileKeys.detail(fileId), fileKeys.journal(fileId), fileKeys.timeline(fileId), fileKeys.lists()]);
    });
    return () => source.close();
  }, [fileId, queryClient]);
}

export type OpenedFile = { fileId: string; alreadyOpen: boolean };

/**
 * The contract does not say where a 409 `files.already_open` names the open file: take
 * `details.fileId` if the server gives it, else the patient's open file in my acting structure.
 */
async function findOpenFile(patientId: string, conflict: ApiError, structureId: string | undefined): Promise<string | undefined> {
  if (typeof conflict.details.fileId === 'string') return conflict.details.fileId;
  const { items } = await api.get<Items<FileSummary>>(`/api/patients/${patientId}/files`);
  const open = items.filter((file) => file.status === 'open');
  return (open.find((file) => file.structure.id === structureId) ?? open[0])?.id;
}

export function useOpenFile(patientId: string, actingStructureId: string | undefined) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: async (): Promise<OpenedFile> => {
      try {
        const file = await api.post<FileView>('/api/files', { patientId });
        queryClient.setQueryData(fileKeys.detail(file.id), file);
        return { fileId: file.id, alreadyOpen: false };
      } catch (error) {
        if (!isApiError(error, 409) || error.code !== 'files.already_open') throw error;
        const fileId = await findOpenFile(patientId, error, actingStructureId);
        if (!fileId) throw error;
        return { fileId, alreadyOpen: true };
      }
    },
    onSettled: () => invalidate(queryClient, [fileKeys.lists(), patientKeys.files(patientId)]),
  });
}

export type FileUpdate = { status?: FileStatus; closureReason?: string; suspensionReason?: string; mission?: string | null; supportLevel?: string | null };

/** Sends the version read: on 409 the file is reloaded and the caller tells the user. */
export function useUpdateFile(file: FileView) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (update: FileUpdate) => api.patch<FileView>(`/api/files/${file.id}`, { version: file.version, ...update }),
    onSuccess: (updated) => queryClient.setQueryData(fileKeys.detail(file.id), updated),
    onSettled: () => invalidate(queryClient, [fileKeys.file(file.id), fileKeys.lists(), patientKeys.files(file.patient.id)]),
  });
}

export type JournalInput = { text: string; category: JournalCategory };
type JournalPages = InfiniteData<Page<JournalEntryView>, string | undefined>;

const PENDING_PREFIX = 'pending-';
let pendingCount = 0;

/** An entry shown before the server confirmed it. */
export function isPendingEntry(entry: JournalEntryView): boolean {
  return entry.id.startsWith(PENDING_PREFIX);
}

/** Shows the entry at once, takes it back if the server refuses it. */
export function usePostJournalEntry(fileId: string, author: PersonRef) {
  const queryClient = useQueryClient();
  const queryKey = fileKeys.journal(fileId);
  return useMutation({
    mutationFn: (input: JournalInput) => api.post<JournalEntryView>(`/api/files/${fileId}/journal`, input),
    onMutate: async (input) => {
      await queryClient.cancelQueries({ queryKey });
      const previous = queryClient.getQueryData<JournalPages>(queryKey);
      const pending: JournalEntryView = {
        id: `${PENDING_PREFIX}${++pendingCount}`,
        author,
        writtenAt: new Date().toISOString(),
        ...input,
      };
      queryClient.setQueryData<JournalPages>(queryKey, (data) =>
        data && { ...data, pages: data.pages.map((page, i) => (i === 0 ? { ...page, items: [pending, ...page.items] } : page)) },
      );
      return { previous };
    },
    onError: (_error, _input, context) => {
      if (context?.previous) queryClient.setQueryData(queryKey, context.previous);
    },
    onSettled: () => invalidateFile(queryClient, fileId),
  });
}

export type TeamMemberInput = { personId: string; role: CareTeamRole };

export function useAddTeamMember(fileId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (input: TeamMemberInput) => api.post<CareTeamMemberView>(`/api/files/${fileId}/team`, input),
    onSettled: () => invalidateFile(queryClient, fileId),
  });
}

export function useEndTeamMember(fileId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (member: CareTeamMemberView) =>
      api.post<CareTeamMemberView>(`/api/files/${fileId}/team/${member.id}/end`, { version: member.version }),
    onSettled: () => invalidateFile(queryClient, fileId),
  });
}
