// Équipe de soins: who takes part in the patient's care, as what, for which period; current members
// first, then past ones (history is kept). Coordinators add members, invite professionals without an
// account (and follow their link), and end memberships.
import { Badge, Button, EmptyState, Group, Paper, Stack, Text, Title } from '@mantine/core';
import { useDisclosure } from '@mantine/hooks';
import type { CareTeamMemberView, FileView, InvitationView } from '../api/types.ts';
import { ConfirmButton } from '../components/ConfirmButton.tsx';
import { fr } from '../i18n/fr.ts';
import { formatDate } from '../lib/dates.ts';
import { personName } from '../lib/names.ts';
import { notifyError, notifySuccess } from '../lib/notify.ts';
import { AddMemberModal } from './AddMemberModal.tsx';
import { useEndTeamMember } from './api.ts';
import { useInvitations, useResendInvitation, useRevokeInvitation } from './team-api.ts';

const texts = fr.careTeam;

function period(member: CareTeamMemberView): string {
  const start = formatDate(member.periodStart);
  return member.periodEnd ? fr.common.period(start, formatDate(member.periodEnd)) : fr.common.since(start);
}

/** « Invité·e — lien envoyé le … », « Lien ouvert le … », « Compte créé ». */
function invitationStatus(invitation: InvitationView): string {
  if (invitation.accountCompletedAt) return texts.accountCreated;
  if (invitation.state === 'expired') return texts.expiredStatus(formatDate(invitation.expiresAt));
  if (invitation.firstUsedAt) return texts.openedStatus(formatDate(invitation.firstUsedAt));
  return invitation.mailStatus === 'sent' ? texts.invitedStatus(formatDate(invitation.createdAt)) : texts.invitedNotSent(formatDate(invitation.createdAt));
}

function InvitationLine({ invitation, fileId, canManage }: { invitation: InvitationView; fileId: string; canManage: boolean }) {
  const resend = useResendInvitation(fileId);
  const revoke = useRevokeInvitation(fileId);
  const name = personName(invitation.person);
  const open = !invitation.accountCompletedAt && invitation.state !== 'revoked';
  return (
    <Group gap="xs" mt={4}>
      <Text size="sm" fw={600} c={invitation.accountCompletedAt ? 'teal.9' : 'dark.6'}>
        {invitationStatus(invitation)}
      </Text>
      {canManage && open && (
        <>
          <Button
            size="xs"
            variant="default"
            aria-label={texts.resendLabel(name)}
            loading={resend.isPending}
            onClick={() =>
              resend.mutate(invitation.id, {
                onSuccess: (answer) => notifySuccess(answer.link ? `${texts.resent(name)} ${answer.link}` : texts.resent(name)),
                onError: notifyError,
              })
            }
          >
            {texts.resend}
          </Button>
          {invitation.state === 'valid' && (
            <ConfirmButton
              size="xs"
              label={texts.revoke}
              ariaLabel={texts.revokeLabel(name)}
              title={texts.revokeTitle}
              message={texts.revokeText(name)}
              confirmLabel={texts.revoke}
              loading={revoke.isPending}
              onConfirm={(close) =>
                revoke.mutate(invitation.id, {
                  onSuccess: () => {
                    notifySuccess(texts.revoked);
                    close();
                  },
                  onError: (error) => {
                    notifyError(error);
                    close();
                  },
                })
              }
            />
          )}
        </>
      )}
    </Group>
  );
}

function MemberCard({ member, fileId, canManage, invitation }: { member: CareTeamMemberView; fileId: string; canManage: boolean; invitation: InvitationView | undefined }) {
  const end = useEndTeamMember(fileId);
  const name = personName(member.person);
  return (
    <Paper component="li" withBorder p="sm" radius="md">
      <Group justify="space-between" align="flex-start" wrap="nowrap">
        <div style={{ minWidth: 0, flex: 1 }}>
          <Text fw={700}>{name}</Text>
          {member.person.profession && <Text size="sm">{member.person.profession}</Text>}
          <Group gap="xs" mt={4}>
            <Badge color="indigo.8" variant="filled">
              {fr.roles.careTeam[member.role] ?? member.role}
            </Badge>
            <Text size="sm" c="dimmed">
              {period(member)}
            </Text>
          </Group>
          {invitation && member.active && <InvitationLine invitation={invitation} fileId={fileId} canManage={canManage} />}
        </div>
        {canManage && member.active && (
          <div style={{ flexShrink: 0 }}>
            <ConfirmButton
              size="xs"
              label={fr.team.end}
              ariaLabel={fr.team.endLabel(name)}
              title={fr.team.endTitle}
              message={fr.team.endText(name)}
              confirmLabel={fr.team.confirmEnd}
              loading={end.isPending}
              onConfirm={(close) =>
                end.mutate(member, {
                  onSuccess: () => {
                    notifySuccess(fr.team.ended(name));
                    close();
                  },
                  onError: (error) => {
                    notifyError(error);
                    close();
                  },
                })
              }
            />
          </div>
        )}
      </Group>
    </Paper>
  );
}

function MemberList({ title, members, file, invitations }: { title: string; members: CareTeamMemberView[]; file: FileView; invitations: Map<string, InvitationView> }) {
  if (members.length === 0) return null;
  return (
    <section>
      <Title order={3} size="h5" mb="xs">
        {title}
      </Title>
      <Stack component="ul" gap="xs" p={0} m={0} style={{ listStyle: 'none' }}>
        {members.map((member) => (
          <MemberCard key={member.id} member={member} fileId={file.id} canManage={file.permissions.canManageTeam} invitation={invitations.get(member.id)} />
        ))}
      </Stack>
    </section>
  );
}

/** The newest invitation of each membership (a re-sent link replaces the previous one). */
function latestByMember(items: InvitationView[] | undefined): Map<string, InvitationView> {
  const latest = new Map<string, InvitationView>();
  for (const invitation of items ?? []) if (!latest.has(invitation.memberId)) latest.set(invitation.memberId, invitation);
  return latest;
}

export function CareTeamPanel({ file }: { file: FileView }) {
  const [adding, { open, close }] = useDisclosure(false);
  const canManage = file.permissions.canManageTeam;
  const invitations = latestByMember(useInvitations(file.id, canManage).data?.items);
  // a membership that starts later stays with the current ones; past ones are those whose period ended
  const ended = (member: CareTeamMemberView) => !member.active && member.periodEnd !== null && Date.parse(member.periodEnd) <= Date.now();
  const active = file.careTeam.filter((member) => !ended(member));
  // the most recent departures first
  const past = file.careTeam.filter(ended).sort((a, b) => b.periodEnd!.localeCompare(a.periodEnd!));
  return (
    <Stack>
      {canManage && (
        <Group>
          <Button onClick={open}>{fr.team.add}</Button>
          <AddMemberModal fileId={file.id} opened={adding} onClose={close} />
        </Group>
      )}
      {file.careTeam.length === 0 ? (
        <EmptyState title={fr.team.emptyTitle} description={canManage ? fr.team.emptyText : fr.team.emptyTextReadOnly} />
      ) : (
        <>
          <MemberList title={fr.team.active} members={active} file={file} invitations={invitations} />
          <MemberList title={fr.team.past} members={past} file={file} invitations={invitations} />
        </>
      )}
    </Stack>
  );
}
