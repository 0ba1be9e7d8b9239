// The navigation links the acting role can use; the current page is marked for screen readers too.
import { NavLink, Stack } from '@mantine/core';
import { Link, useLocation } from 'react-router';
import type { MeView } from '../api/types.ts';
import { useCurrentUser } from '../auth/api.ts';
import { mayDo } from '../auth/rights.ts';
import { fr } from '../i18n/fr.ts';
import { useReceivesOrientationRequests } from '../orientation/api.ts';

/** What the menu needs to know beyond the acting role. */
type NavFacts = { receivesOrientationRequests: boolean };
type NavItem = { to: string; label: string; visible: (me: MeView, facts: NavFacts) => boolean };

const ITEMS: NavItem[] = [
  { to: '/', label: fr.nav.home, visible: () => true },
  { to: '/files', label: fr.nav.myFiles, visible: (me) => mayDo(me, 'file.list-mine') },
  { to: '/tasks', label: fr.tasks.nav, visible: (me) => mayDo(me, 'task.list-mine') },
  { to: '/referrals', label: fr.referrals.nav, visible: (me) => mayDo(me, 'referral.list-mine') },
  { to: '/patients', label: fr.nav.patients, visible: (me) => mayDo(me, 'patient.search') },
  { to: '/orientation', label: fr.orientation.nav.search, visible: (me) => mayDo(me, 'orientation.search') },
  { to: '/orientation/requests', label: fr.orientation.nav.incoming, visible: (_me, facts) => facts.receivesOrientationRequests },
  { to: '/breakdowns', label: fr.breakdowns.nav, visible: (me) => mayDo(me, 'breakdown.list') },
  { to: '/identity', label: fr.nav.identity, visible: (me) => mayDo(me, 'identity.review') },
  { to: '/directory', label: fr.nav.directory, visible: (me) => mayDo(me, 'directory.read') },
  { to: '/territories', label: fr.nav.territories, visible: (me) => mayDo(me, 'directory.read') },
  { to: '/account', label: fr.nav.account, visible: () => true },
  { to: '/admin', label: fr.nav.admin, visible: (me) => mayDo(me, 'account.manage') },
  { to: '/admin/imports', label: fr.nav.imports, visible: (me) => mayDo(me, 'directory.import') },
];

function isCurrent(to: string, pathname: string): boolean {
  return to === '/' ? pathname === '/' : pathname === to || pathname.startsWith(`${to}/`);
}

/** The entry of the page shown: the longest that matches (« Demandes reçues » under « Trouver une ressource »). */
function currentEntry(items: NavItem[], pathname: string): string | undefined {
  return items.filter((item) => isCurrent(item.to, pathname)).sort((a, b) => b.to.length - a.to.length)[0]?.to;
}

export function MainNav({ onNavigate }: { onNavigate: () => void }) {
  const me = useCurrentUser();
  const { pathname } = useLocation();
  const facts: NavFacts = { receivesOrientationRequests: useReceivesOrientationRequests(me.acting?.structureId, mayDo(me, 'orientation.list-incoming')) };
  const visible = ITEMS.filter((item) => item.visible(me, facts));
  const currentTo = currentEntry(visible, pathname);
  return (
    <nav aria-label={fr.nav.label}>
      <Stack gap={4}>
        {visible.map((item) => {
          const current = item.to === currentTo;
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
