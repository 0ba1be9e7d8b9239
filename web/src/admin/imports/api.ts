// Imports of the national extractions into the regional directory: upload, progress, reports, the
// directory's freshness and the completeness of the offers' descriptions (ROR, indicator 3.2).
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api, uploadFile } from '../../api/client.ts';
import type { DirectoryImportKind, DirectoryImportReport, DirectoryImportView, Items, OfferCompleteness } from '../../api/types.ts';
import { annuaireKeys } from '../../directory/queries.ts';

export const importKeys = {
  all: ['directory-imports'] as const,
  list: () => [...importKeys.all, 'list'] as const,
  run: (id: string) => [...importKeys.all, 'run', id] as const,
  completeness: () => [...importKeys.all, 'completeness'] as const,
};

const POLL_MS = 1000;

export function useImports() {
  return useQuery({
    queryKey: importKeys.list(),
    queryFn: () => api.get<Items<DirectoryImportView>>('/api/directory/imports'),
    // a run in progress moves: the list follows it
    refetchInterval: (query) => (query.state.data?.items.some((run) => run.status === 'running') ? 2 * POLL_MS : false),
  });
}

/** A run: polled every second while it is running, then its report stays. */
export function useImportRun(id: string | undefined) {
  const queryClient = useQueryClient();
  return useQuery({
    queryKey: importKeys.run(id ?? ''),
    queryFn: async () => {
      const run = await api.get<DirectoryImportReport>(`/api/directory/imports/${id}`);
      if (run.status !== 'running') {
        // what it changed shows everywhere at once
        void queryClient.invalidateQueries({ queryKey: annuaireKeys.all });
        void queryClient.invalidateQueries({ queryKey: importKeys.list() });
        void queryClient.invalidateQueries({ queryKey: importKeys.completeness() });
      }
      return run;
    },
    enabled: Boolean(id),
    refetchInterval: (query) => (query.state.data?.status === 'running' ? POLL_MS : false),
    staleTime: (query) => (query.state.data?.status === 'running' ? 0 : Infinity),
  });
}

export function useCompleteness() {
  return useQuery({
    queryKey: importKeys.completeness(),
    queryFn: () => api.get<Items<OfferCompleteness>>('/api/orientation/completeness'),
  });
}

export type UploadInput = { kind: DirectoryImportKind; file: File; partial: boolean };

/** Sends the file as it is; the server answers 202 with the run, which then goes on by itself. */
export function useStartImport(onProgress: (sent: number, total: number) => void) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ kind, file, partial }: UploadInput) =>
      uploadFile<DirectoryImportView>('/api/directory/imports', { kind, fileName: file.name.slice(0, 200), partial: String(partial) }, file, onProgress),
    onSuccess: (run) => {
      queryClient.setQueryData<Items<DirectoryImportView>>(importKeys.list(), (list) => (list ? { items: [run, ...list.items] } : list));
    },
    onSettled: () => queryClient.invalidateQueries({ queryKey: importKeys.list() }),
  });
}
