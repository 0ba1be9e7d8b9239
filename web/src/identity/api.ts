// The identity of one patient (INSi, identity document, attributes, history) and identity vigilance
// (reports, the referent's queue, merges and their undoing). docs/api.md.
import { useMutation, useQuery, useQueryClient, type QueryClient } from '@tanstack/react-query';
import { api, isApiError } from '../api/client.ts';
import type {
  DocumentKind,
  IdentityEvent,
  InsiOutcome,
  InsiRetrieval,
  Items,
  PatientMerge,
  PatientView,
  StrictTrait,
  Suspicion,
  SuspicionKind,
  SuspicionStatus,
} from '../api/types.ts';
import { patientKeys, refreshAfterIdentityChange } from '../patients/api.ts';

export const identityKeys = {
  all: ['identity'] as const,
  suspicions: (status: SuspicionStatus) => [...identityKeys.all, 'suspicions', status] as const,
};

export function useIdentityHistory(patientId: string) {
  return useQuery({
    queryKey: patientKeys.history(patientId),
    queryFn: () => api.get<Items<IdentityEvent>>(`/api/patients/${patientId}/identity-history`),
  });
}

/** What an INSi call did, as the history recorded it: the traits INSi corrected, a document check lost. */
export type InsiResult = {
  outcome: InsiOutcome | 'unavailable';
  patient: PatientView | null;
  correctedTraits: StrictTrait[];
  documentCheckLost: boolean;
};

function isVersionStale(error: unknown): boolean {
  return isApiError(error, 409) && error.code === 'patients.version_stale';
}

/** After an identity action: the server's view, else (stale version) the patient read again. */
function settle(queryClient: QueryClient, patientId: string) {
  return {
    onSuccess: (patient: PatientView) => refreshAfterIdentityChange(queryClient, patient),
    onError: (error: unknown) => {
      if (isVersionStale(error)) void queryClient.invalidateQueries({ queryKey: patientKeys.patient(patientId) });
    },
  };
}

/**
 * « Récupérer l'INS »: calls INSi with the record's traits. A 503 is an outcome to show, not a failure;
 * the corrected traits are read from the identity history the call just wrote.
 */
export function useInsiRetrieval(patient: PatientView) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: async (): Promise<InsiResult> => {
      let answer: InsiRetrieval;
      try {
        answer = await api.post<InsiRetrieval>(`/api/patients/${patient.id}/insi-retrieval`, { version: patient.version });
      } catch (error) {
        if (isApiError(error, 503)) return { outcome: 'unavailable', patient: null, correctedTraits: [], documentCheckLost: false };
        throw error;
      }
      const history = await api.get<Items<IdentityEvent>>(`/api/patients/${patient.id}/identity-history`);
      queryClient.setQueryData(patientKeys.history(patient.id), history);
      const call = history.items.find((event) => event.kind === 'insi_called');
      const corrected = call?.details.correctedTraits;
      return {
        outcome: answer.outcome,
        patient: answer.patient,
        correctedTraits: Array.isArray(corrected) ? (corrected as StrictTrait[]) : [],
        documentCheckLost: call?.details.documentCheckLost === true,
      };
    },
    onSuccess: (result) => {
      if (result.patient) void refreshAfterIdentityChange(queryClient, result.patient);
      else void queryClient.invalidateQueries({ queryKey: patientKeys.patient(patient.id) });
    },
    onError: settle(queryClient, patient.id).onError,
  });
}

export function useDocumentCheck(patient: PatientView) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (document: DocumentKind) => api.post<PatientView>(`/api/patients/${patient.id}/document-check`, { version: patient.version, document }),
    ...settle(queryClient, patient.id),
  });
}

export type FlagChange = { attribute: 'DOUT' | 'FICT'; set: boolean; reason: string };

export function useIdentityFlag(patient: PatientView) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (change: FlagChange) => api.post<PatientView>(`/api/patients/${patient.id}/attributes`, { version: patient.version, ...change }),
    ...settle(queryClient, patient.id),
  });
}

export type SuspicionReport = { kind: SuspicionKind; patientId: string; otherPatientId?: string; note: string };

export function useReportSuspicion() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (report: SuspicionReport) => api.post<Suspicion>('/api/identity/suspicions', report),
    onSuccess: (_suspicion, report) =>
      Promise.all([
        queryClient.invalidateQueries({ queryKey: identityKeys.all }),
        ...[report.patientId, report.otherPatientId].filter((id): id is string => !!id).map((id) => queryClient.invalidateQueries({ queryKey: patientKeys.patient(id) })),
      ]),
  });
}

export function useSuspicions(status: SuspicionStatus) {
  return useQuery({
    queryKey: identityKeys.suspicions(status),
    queryFn: () => api.get<Items<Suspicion>>('/api/identity/suspicions', { status }),
  });
}

/** After a queue decision: the queue, and every patient it named (attributes, merges, history). */
function refreshPatients(queryClient: QueryClient, patientIds: readonly string[]) {
  return Promise.all([
    queryClient.invalidateQueries({ queryKey: identityKeys.all }),
    queryClient.invalidateQueries({ queryKey: [...patientKeys.all, 'search'] }),
    queryClient.invalidateQueries({ queryKey: ['files'] }),
    ...patientIds.map((id) => queryClient.invalidateQueries({ queryKey: patientKeys.patient(id) })),
  ]);
}

export function useDismissSuspicion(suspicion: Suspicion) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (reason: string) => api.post<Suspicion>(`/api/identity/suspicions/${suspicion.id}/dismiss`, { reason }),
    onSuccess: () => refreshPatients(queryClient, suspicion.patients.map((p) => p.id)),
  });
}

export function usePatientMerges(patientId: string) {
  return useQuery({
    queryKey: patientKeys.merges(patientId),
    queryFn: () => api.get<Items<PatientMerge>>(`/api/patients/${patientId}/merges`),
  });
}

export type MergeRequest = { survivorId: string; mergedPatientId: string; reason: string };

export function useMergePatients() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ survivorId, mergedPatientId, reason }: MergeRequest) =>
      api.post<PatientMerge>(`/api/patients/${survivorId}/merges`, { mergedPatientId, reason }),
    onSuccess: (merge) => refreshPatients(queryClient, [merge.survivor.id, merge.merged.id]),
  });
}

export function useUndoMerge(merge: PatientMerge) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (reason: string) => api.post<PatientMerge>(`/api/patient-merges/${merge.id}/undo`, { reason }),
    onSuccess: () => refreshPatients(queryClient, [merge.survivor.id, merge.merged.id]),
  });
}
