// The care team beyond its members: directory search, invitations (send, re-send, revoke), the public
// invitation link, and an invited professional's own teams.
import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api, setCsrfToken } from '../api/client.ts';
import type { CareTeamMemberView, DirectoryProfessionalView, InvitationInput, InvitationPreview, InvitationView, InviteAnswer, Items, MeView, MyCareTeams } from '../api/types.ts';
import { authKeys } from '../auth/api.ts';
import { MIN_SEARCH_LENGTH } from '../directory/api.ts';
import { fileKeys } from './api.ts';

export const teamKeys = {
  invitations: (fileId: string) => [...fileKeys.file(fileId), 'invitations'] as const,
  professionals: (q: string) => ['directory', 'professionals', 'team', q] as const,
  preview: (token: string) => ['invitation', token] as const,
  mine: ['care-teams', 'mine'] as const,
};

/** The token of the link this browser came through: the password is chosen with it (the banner needs it). */
const TOKEN_KEY = 'trame.invitationToken';
export const rememberedToken = {
  get: () => sessionStorage.getItem(TOKEN_KEY),
  set: (token: string) => sessionStorage.setItem(TOKEN_KEY, token),
  clear: () => sessionStorage.removeItem(TOKEN_KEY),
};

export function useProfessionalSearch(q: string) {
  const query = q.trim();
  return useQuery({
    queryKey: teamKeys.professionals(query),
    queryFn: () => api.get<Items<DirectoryProfessionalView>>('/api/directory/professionals', { q: query, limit: 10 }),
    enabled: query.length >= MIN_SEARCH_LENGTH,
    placeholderData: keepPreviousData,
  });
}

export function useInvitations(fileId: string, enabled: boolean) {
  return useQuery({
    queryKey: teamKeys.invitations(fileId),
    queryFn: () => api.get<Items<InvitationView>>(`/api/files/${fileId}/invitations`),
    enabled,
  });
}

export type MemberInput = { personId: string; role: InvitationInput['role']; periodStart?: string; periodEnd?: string | null };

function useFileMutation<I, O>(fileId: string, mutationFn: (input: I) => Promise<O>) {
  const queryClient = useQueryClient();
  return useMutation({ mutationFn, onSettled: () => queryClient.invalidateQueries({ queryKey: fileKeys.file(fileId) }) });
}

export function useAddMember(fileId: string) {
  return useFileMutation(fileId, (input: MemberInput) => api.post<CareTeamMemberView>(`/api/files/${fileId}/team`, input));
}

export function useInvite(fileId: string) {
  return useFileMutation(fileId, (input: InvitationInput) => api.post<InviteAnswer>(`/api/files/${fileId}/invitations`, input));
}

export function useResendInvitation(fileId: string) {
  return useFileMutation(fileId, (invitationId: string) =>
    api.post<{ invitation: InvitationView; link: string | null }>(`/api/files/${fileId}/invitations/${invitationId}/resend`),
  );
}

export function useRevokeInvitation(fileId: string) {
  return useFileMutation(fileId, (invitationId: string) => api.post<InvitationView>(`/api/files/${fileId}/invitations/${invitationId}/revoke`));
}

export function useInvitationPreview(token: string) {
  return useQuery({ queryKey: teamKeys.preview(token), queryFn: () => api.get<InvitationPreview>(`/api/invitations/${token}`), retry: false });
}

export function useOpenInvitation(token: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: () => api.post<{ fileId: string; me: MeView; csrfToken: string }>(`/api/invitations/${token}/open`),
    onSuccess: (session) => {
      setCsrfToken(session.csrfToken);
      rememberedToken.set(token);
      queryClient.setQueryData(authKeys.me, session.me);
    },
  });
}

export function useCompleteAccount(token: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (password: string) => api.post<{ email: string }>(`/api/invitations/${token}/account`, { password }),
    onSuccess: () => {
      rememberedToken.clear();
      void queryClient.invalidateQueries({ queryKey: teamKeys.mine });
    },
  });
}

export function useMyCareTeams(enabled = true) {
  return useQuery({ queryKey: teamKeys.mine, queryFn: () => api.get<MyCareTeams>('/api/care-teams/mine'), enabled });
}
