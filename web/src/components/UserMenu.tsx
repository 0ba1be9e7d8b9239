// The account menu: who I am and as what, switching membership when I have several, logging out.
import { Avatar, Box, Group, Menu, Text, UnstyledButton, VisuallyHidden } from '@mantine/core';
import { Link, useNavigate } from 'react-router';
import type { MeView } from '../api/types.ts';
import { useCurrentUser, useLogout, useSwitchActing } from '../auth/api.ts';
import { fr } from '../i18n/fr.ts';
import { personName } from '../lib/names.ts';
import { notifyError, notifySuccess } from '../lib/notify.ts';

function actingLabel(me: MeView): string {
  return me.acting ? fr.header.acting(me.acting.role, me.acting.structureName) : fr.header.noActing;
}

export function UserMenu() {
  const me = useCurrentUser();
  const navigate = useNavigate();
  const logout = useLogout();
  const switchActing = useSwitchActing();
  const name = personName(me);

  const actAs = (membershipId: string) =>
    switchActing.mutate(membershipId, {
      onSuccess: ({ me: updated }) => {
        if (updated.acting) notifySuccess(fr.header.switched(updated.acting.role, updated.acting.structureName));
        navigate('/');
      },
      onError: notifyError,
    });

  return (
    <Menu position="bottom-end" width={300}>
      <Menu.Target>
        {/* The accessible name is the visible text (WCAG 2.5.3), completed for screen readers. */}
        <UnstyledButton p={4}>
          <Group gap="xs" wrap="nowrap">
            <Avatar color="indigo" radius="xl" size="md" aria-hidden>
              {`${me.givenName[0] ?? ''}${me.familyName[0] ?? ''}`}
            </Avatar>
            <Box visibleFrom="md">
              <Text fw={600} size="sm" lineClamp={1}>
                {name}
              </Text>
              <Text size="xs" c="dimmed" lineClamp={1}>
                {actingLabel(me)}
              </Text>
            </Box>
            <VisuallyHidden hiddenFrom="md">{`${name}, ${actingLabel(me)}`}</VisuallyHidden>
            <VisuallyHidden>{fr.header.userMenu}</VisuallyHidden>
          </Group>
        </UnstyledButton>
      </Menu.Target>
      <Menu.Dropdown>
        {me.memberships.length > 1 && (
          <>
            <Menu.Label>{fr.header.switchActing}</Menu.Label>
            {me.memberships.map((membership) => {
              const current = membership.id === me.acting?.id;
              return (
                <Menu.Item key={membership.id} disabled={current || switchActing.isPending} onClick={() => actAs(membership.id)}>
                  {fr.header.acting(membership.role, membership.structureName)} {current && fr.header.current}
                </Menu.Item>
              );
            })}
            <Menu.Divider />
          </>
        )}
        <Menu.Item component={Link} to="/account">
          {fr.nav.account}
        </Menu.Item>
        <Menu.Item onClick={() => logout.mutate()}>{fr.header.logout}</Menu.Item>
      </Menu.Dropdown>
    </Menu>
  );
}
