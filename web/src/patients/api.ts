// Patients: search, create, read, and the files of one patient.
import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api } from '../api/client.ts';
import type { FileSummary, Items, PatientInput, PatientSummary, PatientView } from '../api/types.ts';
import { MIN_SEARCH_LENGTH } from '../directory/api.ts';

export type PatientSearch = { q: string; birthDate: string };

export const patientKeys = {
  all: ['patients'] as const,
  search: (search: PatientSearch) => [...patientKeys.all, 'search', search] as const,
  patient: (id: string) => [...patientKeys.all, id] as const,
  detail: (id: string) => [...patientKeys.patient(id), 'detail'] as const,
  files: (id: string) => [...patientKeys.patient(id), 'files'] as const,
};

export function usePatientSearch(search: PatientSearch) {
  return useQuery({
    queryKey: patientKeys.search(search),
    queryFn: () => api.get<Items<PatientSummary>>('/api/patients', { q: search.q, birthDate: search.birthDate, limit: 20 }),
    enabled: search.q.length >= MIN_SEARCH_LENGTH,
    placeholderData: keepPreviousData,
  });
}

export function usePatient(id: string) {
  return useQuery({ queryKey: patientKeys.detail(id), queryFn: () => api.get<PatientView>(`/api/patients/${id}`) });
}

export function usePatientFiles(id: string) {
  return useQuery({
    queryKey: patientKeys.files(id),
    queryFn: () => api.get<Items<FileSummary>>(`/api/patients/${id}/files`),
  });
}

export function useCreatePatient() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (input: PatientInput) => api.post<PatientView>('/api/patients', input),
    onSuccess: (patient) => {
      queryClient.setQueryData(patientKeys.detail(patient.id), patient);
      return queryClient.invalidateQueries({ queryKey: [...patientKeys.all, 'search'] });
    },
  });
}
