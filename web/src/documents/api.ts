// A file's documents: list, upload with progress, new versions, changes.
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api, uploadFile } from '../api/client.ts';
import type { DocumentView, Items } from '../api/types.ts';
import { fileKeys } from '../files/api.ts';

const documentsKey = (fileId: string) => [...fileKeys.file(fileId), 'documents'] as const;

export function useFileDocuments(fileId: string) {
  return useQuery({ queryKey: documentsKey(fileId), queryFn: () => api.get<Items<DocumentView>>(`/api/files/${fileId}/documents`) });
}

export type Upload = { file: File; title: string; typeCode: string; visibility: string; isEvaluation: boolean };

export function useUploadDocument(fileId: string, onProgress: (percent: number) => void) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (input: Upload) =>
      uploadFile<DocumentView>(
        `/api/files/${fileId}/documents`,
        { title: input.title, typeCode: input.typeCode, visibility: input.visibility, evaluation: String(input.isEvaluation), filename: input.file.name },
        input.file,
        (sent, total) => onProgress(Math.round((sent / Math.max(1, total)) * 100)),
      ),
    onSettled: () => queryClient.invalidateQueries({ queryKey: fileKeys.file(fileId) }),
  });
}

export function useNewVersion(document: DocumentView) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (file: File) => uploadFile<DocumentView>(`/api/documents/${document.id}/versions`, { version: document.version, filename: file.name }, file),
    onSettled: () => queryClient.invalidateQueries({ queryKey: fileKeys.file(document.fileId) }),
  });
}

export function useUpdateDocument(document: DocumentView) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (change: { visibility?: string; isEvaluation?: boolean }) => api.patch<DocumentView>(`/api/documents/${document.id}`, { version: document.version, ...change }),
    onSettled: () => queryClient.invalidateQueries({ queryKey: fileKeys.file(document.fileId) }),
  });
}
