// Requests for support: the queue, my requests, one request and the triage steps; the public form.
import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api } from '../api/client.ts';
import type { Items, PublicReferralForm, PublicReferralStatus, ReferralContentInput, ReferralSummary, ReferralView } from '../api/types.ts';
import { fileKeys } from '../files/api.ts';

export const referralKeys = {
  all: ['referrals'] as const,
  queue: (status: string, mine: boolean) => [...referralKeys.all, 'queue', status, mine] as const,
  mine: () => [...referralKeys.all, 'mine'] as const,
  one: (id: string) => [...referralKeys.all, 'one', id] as const,
};

export function useReferralQueue(status: string, mine: boolean, enabled = true) {
  return useQuery({
    queryKey: referralKeys.queue(status, mine),
    queryFn: () => api.get<Items<ReferralSummary>>('/api/referrals', { scope: 'queue', status, assigned: mine ? 'me' : 'all', limit: 100 }),
    placeholderData: keepPreviousData,
    enabled,
  });
}

export function useMyReferrals() {
  return useQuery({ queryKey: referralKeys.mine(), queryFn: () => api.get<Items<ReferralSummary>>('/api/referrals', { scope: 'mine', limit: 100 }) });
}

export function useReferral(id: string) {
  return useQuery({ queryKey: referralKeys.one(id), queryFn: () => api.get<ReferralView>(`/api/referrals/${id}`) });
}

export type ReferralStep =
  | { step: 'assign'; assigneeId: string }
  | { step: 'request-info'; message: string }
  | { step: 'add-info'; message: string }
  | { step: 'accept'; patientId: string; mission: string; supportLevel?: string; message?: string }
  | { step: 'redirect'; organizationId?: string; name?: string; message: string }
  | { step: 'close'; reason: string; message: string };

/** One triage step on the version read: a 409 means someone else moved it first. */
export function useReferralStep(referral: { id: string; version: number }) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ step, ...body }: ReferralStep) => api.post<ReferralView>(`/api/referrals/${referral.id}/${step}`, { version: referral.version, ...body }),
    onSuccess: (updated) => queryClient.setQueryData(referralKeys.one(referral.id), updated),
    onSettled: () => Promise.all([queryClient.invalidateQueries({ queryKey: referralKeys.all }), queryClient.invalidateQueries({ queryKey: fileKeys.lists() })]),
  });
}

export type NewReferral = ReferralContentInput & { channel: 'app' | 'phone'; requesterCategory?: string; requesterName?: string; requesterPhone?: string | null };

export function useSubmitReferral() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (input: NewReferral) => api.post<ReferralView>('/api/referrals', input),
    onSettled: () => queryClient.invalidateQueries({ queryKey: referralKeys.all }),
  });
}

export function usePublicReferralForm() {
  return useQuery({ queryKey: ['public-referral-form'], queryFn: () => api.get<PublicReferralForm>('/api/public/referral-form'), staleTime: Infinity });
}

export type PublicSubmission = ReferralContentInput & {
  requesterCategory: string;
  requesterName: string;
  requesterPhone?: string | null;
  requesterEmail?: string | null;
  formToken: string;
  website?: string;
};

export function useSubmitPublicReferral() {
  return useMutation({ mutationFn: (input: PublicSubmission) => api.post<{ trackingCode: string; structureName: string }>('/api/public/referrals', input) });
}

export function usePublicReferralStatus(code: string) {
  return useQuery({
    queryKey: ['public-referral-status', code],
    queryFn: () => api.get<PublicReferralStatus>('/api/public/referrals/status', { code }),
    enabled: code.length >= 8,
    retry: false,
  });
}
