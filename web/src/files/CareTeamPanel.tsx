// Équipe de soins: who takes part in the patient's care, as what, since when; coordinators add and end memberships.
import { Badge, Button, EmptyState, Group, Paper, Stack, Text, Title } from '@mantine/core';
import { useDisclosure } from '@mantine/hooks';
import type { CareTeamMemberView, FileView } from '../api/types.ts';
import { ConfirmButton } from '../components/ConfirmButton.tsx';
import { fr } from '../i18n/fr.ts';
import { formatDate } from '../lib/dates.ts';
import { personName } from '../lib/names.ts';
import { notifyError, notifySuccess } from '../lib/notify.ts';
import { AddMemberModal } from './AddMemberModal.tsx';
import { useEndTeamMember } from './api.ts';

function period(member: CareTeamMemberView): string {
  const start = formatDate(member.periodStart);
  return member.periodEnd ? fr.common.period(start, formatDate(member.periodEnd)) : fr.common.since(start);
}

function MemberCard({ member, fileId, canManage }: { member: CareTeamMemberView; fileId: string; canManage: boolean }) {
  const end = useEndTeamMember(fileId);
  const name = personName(member.person);
  return (
    <Paper component="li" withBorder p="sm" radius="md">
      <Group justify="space-between" align="flex-start" wrap="nowrap">
        <div>
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
        </div>
        {canManage && member.active && (
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
        )}
      </Group>
    </Paper>
  );
}

function MemberList({ title, members, file }: { title: string; members: CareTeamMemberView[]; file: FileView }) {
  if (members.length === 0) return null;
  return (
    <section>
      <Title order={3} size="h5" mb="xs">
        {title}
      </Title>
      <Stack component="ul" gap="xs" p={0} m={0} style={{ listStyle: 'none' }}>
        {members.map((member) => (
          <MemberCard key={member.id} member={member} fileId={file.id} canManage={file.permissions.canManageTeam} />
        ))}
      </Stack>
    </section>
  );
}

export function CareTeamPanel({ file }: { file: FileView }) {
  const [adding, { open, close }] = useDisclosure(false);
  const canManage = file.permissions.canManageTeam;
  const active = file.careTeam.filter((member) => member.active);
  const past = file.careTeam.filter((member) => !member.active);
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
          <MemberList title={fr.team.active} members={active} file={file} />
          <MemberList title={fr.team.past} members={past} file={file} />
        </>
      )}
    </Stack>
  );
}
