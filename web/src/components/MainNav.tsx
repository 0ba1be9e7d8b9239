// The navigation links the acting role can use; the current page is marked for screen readers too.
import { NavLink, Stack } from '@mantine/core';
import { Link, useLocation } from 'react-router';
import type { MeView } from '../api/types.ts';
import { useCurrentUser } from '../auth/api.ts';
import { mayDo } from '../auth/rights.ts';
import { fr } from '../i18n/fr.ts';

type NavItem = { to: string; label: string; visible: (me: MeView) => boolean };

const ITEMS: NavItem[] = [
  { to: '/', label: fr.nav.home, visible: () => true },
  { to: '/files', label: fr.nav.myFiles, visible: (me) => mayDo(me, 'file.list-mine') },
  { to: '/patients', label: fr.nav.patients, visible: (me) => mayDo(me, 'patient.search') },
  { to: '/identity', label: fr.nav.identity, visible: (me) => mayDo(me, 'identity.review') },
  { to: '/account', label: fr.nav.account, visible: () => true },
  { to: '/admin', label: fr.nav.admin, visible: (me) => mayDo(me, 'account.manage') },
];

function isCurrent(to: string, pathname: string): boolean {
  return to === '/' ? pathname === '/' : pathname === to || pathname.startsWith(`${to}/`);
}

export function MainNav({ onNavigate }: { onNavigate: () => void }) {
  const me = useCurrentUser();
  const { pathname } = useLocation();
  return (
    <nav aria-label={fr.nav.label}>
      <Stack gap={4}>
        {ITEMS.filter((item) => item.visible(me)).map((item) => {
          const current = isCurrent(item.to, pathname);
          return (
            <NavLink
              key={item.to}
              component={Link}
              to={item.to}
              label={item.label}
              active={current}
              aria-current={current ? 'page' : undefined}
              onClick={onNavigate}
            />
          );
        })}
      </Stack>
    </nav>
  );
}
