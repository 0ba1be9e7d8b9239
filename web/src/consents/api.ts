// The patient's information, consents and objection, seen from one of their files.
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api } from '../api/client.ts';
import type { ConsentSummary, ConsentView } from '../api/types.ts';
import { fileKeys } from '../files/api.ts';

const consentKey = (fileId: string) => [...fileKeys.file(fileId), 'consents'] as const;

export function useConsents(fileId: string) {
  return useQuery({ queryKey: consentKey(fileId), queryFn: () => api.get<ConsentSummary>(`/api/files/${fileId}/consents`) });
}

export type NewConsent = {
  kind: string;
  recipientStructureId?: string | null;
  recipientPersonId?: string | null;
  categories?: string[];
  collectedAt: string;
  channel: string;
  documentId?: string | null;
  comment?: string | null;
};

function useRefresh(fileId: string) {
  const queryClient = useQueryClient();
  return () => queryClient.invalidateQueries({ queryKey: fileKeys.file(fileId) });
}

export function useRecordConsent(fileId: string) {
  const refresh = useRefresh(fileId);
  return useMutation({ mutationFn: (input: NewConsent) => api.post<ConsentView>(`/api/files/${fileId}/consents`, input), onSettled: refresh });
}

export function useWithdrawConsent(fileId: string) {
  const refresh = useRefresh(fileId);
  return useMutation({ mutationFn: (consent: ConsentView) => api.post<ConsentView>(`/api/consents/${consent.id}/withdraw`, { version: consent.version }), onSettled: refresh });
}

/** The file's documents, to point at a signed consent (the documents capability's list). */
export function useFileDocumentChoices(fileId: string) {
  return useQuery({
    queryKey: [...fileKeys.file(fileId), 'documents', 'choices'],
    queryFn: () => api.get<{ items: { id: string; title: string }[] }>(`/api/files/${fileId}/documents`),
    retry: false,
  });
}
