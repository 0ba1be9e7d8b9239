// Patients: search, duplicate candidates, create, read, update, and the files of one patient.
import { keepPreviousData, useMutation, useQuery, useQueryClient, type QueryClient } from '@tanstack/react-query';
import { api, isApiError } from '../api/client.ts';
import type { DuplicateCandidate, FileSummary, Items, PatientInput, PatientSummary, PatientView, TypedIdentity } from '../api/types.ts';
import { MIN_SEARCH_LENGTH } from '../directory/api.ts';

export type PatientSearch = { q: string; birthDate: string };

export const patientKeys = {
  all: ['patients'] as const,
  search: (search: PatientSearch) => [...patientKeys.all, 'search', search] as const,
  duplicates: (typed: TypedIdentity) => [...patientKeys.all, 'duplicates', typed] as const,
  patient: (id: string) => [...patientKeys.all, id] as const,
  detail: (id: string) => [...patientKeys.patient(id), 'detail'] as const,
  files: (id: string) => [...patientKeys.patient(id), 'files'] as const,
  history: (id: string) => [...patientKeys.patient(id), 'identity-history'] as const,
  merges: (id: string) => [...patientKeys.patient(id), 'merges'] as const,
};

export function usePatientSearch(search: PatientSearch) {
  return useQuery({
    queryKey: patientKeys.search(search),
    queryFn: () => api.get<Items<PatientSummary>>('/api/patients', { q: search.q, birthDate: search.birthDate, limit: 20 }),
    enabled: search.q.length >= MIN_SEARCH_LENGTH,
    placeholderData: keepPreviousData,
  });
}

/** Records that may be the person being typed; `null` until the names and birth date are complete. */
export function useDuplicateCandidates(typed: TypedIdentity | null) {
  return useQuery({
    queryKey: patientKeys.duplicates(typed ?? { birthName: '', givenName: '', birthDate: '', sex: 'U' }),
    queryFn: () => api.post<Items<DuplicateCandidate>>('/api/patients/duplicate-candidates', typed),
    enabled: typed !== null,
    staleTime: 10_000,
  });
}

export function usePatient(id: string | null) {
  return useQuery({
    queryKey: patientKeys.detail(id ?? ''),
    queryFn: () => api.get<PatientView>(`/api/patients/${id}`),
    enabled: id !== null && id !== '',
  });
}

export function usePatientFiles(id: string) {
  return useQuery({
    queryKey: patientKeys.files(id),
    queryFn: () => api.get<Items<FileSummary>>(`/api/patients/${id}/files`),
  });
}

/** The 409 that stops a save while possible duplicates were not reviewed: their list, else null. */
export function possibleDuplicatesOf(error: unknown): DuplicateCandidate[] | null {
  if (!isApiError(error, 409) || error.code !== 'patients.possible_duplicates') return null;
  const candidates = error.details.candidates;
  return Array.isArray(candidates) ? (candidates as DuplicateCandidate[]) : [];
}

/** A changed identity changes lists, the patient's pages and the vigilance queue (a reviewed candidate is queued). */
export function refreshAfterIdentityChange(queryClient: QueryClient, patient: PatientView) {
  queryClient.setQueryData(patientKeys.detail(patient.id), patient);
  return Promise.all([
    queryClient.invalidateQueries({ queryKey: [...patientKeys.all, 'search'] }),
    queryClient.invalidateQueries({ queryKey: patientKeys.history(patient.id) }),
    queryClient.invalidateQueries({ queryKey: ['identity'] }),
    queryClient.invalidateQueries({ queryKey: ['files'] }),
  ]);
}

export type PatientSave = { input: PatientInput; reviewedCandidates: string[] };

export function useCreatePatient() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ input, reviewedCandidates }: PatientSave) => api.post<PatientView>('/api/patients', { ...input, reviewedCandidates }),
    onSuccess: (patient) => refreshAfterIdentityChange(queryClient, patient),
  });
}

/** Only the changed fields, with the version read; an emptied optional field is sent as null. */
export type PatientChanges = { [K in keyof PatientInput]?: PatientInput[K] | null };

export function useUpdatePatient(patient: PatientView) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ changes, reviewedCandidates }: { changes: PatientChanges; reviewedCandidates: string[] }) =>
      api.patch<PatientView>(`/api/patients/${patient.id}`, { version: patient.version, ...changes, reviewedCandidates }),
    onSuccess: (updated) => refreshAfterIdentityChange(queryClient, updated),
    onError: (error) => {
      if (isApiError(error, 409) && error.code === 'patients.version_stale') {
        void queryClient.invalidateQueries({ queryKey: patientKeys.detail(patient.id) });
      }
    },
  });
}
