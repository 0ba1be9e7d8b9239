// The frame of every page once logged in: header (logo, patient search, account menu), navigation, content.
import { Anchor, AppShell, Burger, Group } from '@mantine/core';
import { useDisclosure } from '@mantine/hooks';
import { Link, Outlet, ScrollRestoration } from 'react-router';
import { useCurrentUser } from '../auth/api.ts';
import { mayDo } from '../auth/rights.ts';
import { fr } from '../i18n/fr.ts';
import { QuickPatientSearch } from '../patients/QuickPatientSearch.tsx';
import { InvitedPersonBanner } from '../invitations/InvitedPersonBanner.tsx';
import classes from './AppLayout.module.css';
import { MainNav } from './MainNav.tsx';
import { UserMenu } from './UserMenu.tsx';

export function AppLayout() {
  const me = useCurrentUser();
  const [navOpened, nav] = useDisclosure(false);
  return (
    <AppShell
      header={{ height: 60 }}
      navbar={{ width: 240, breakpoint: 'sm', collapsed: { mobile: !navOpened } }}
      padding={{ base: 'sm', sm: 'lg' }}
    >
      <a href="#main" className={classes.skipLink}>
        {fr.app.skipToContent}
      </a>
      <AppShell.Header>
        <Group h="100%" px="sm" justify="space-between" wrap="nowrap" gap="sm">
          <Group gap="xs" wrap="nowrap">
            <Burger
              opened={navOpened}
              onClick={nav.toggle}
              hiddenFrom="sm"
              size="sm"
              aria-label={navOpened ? fr.nav.closeMenu : fr.nav.openMenu}
              aria-controls="main-navigation"
            />
            <Anchor component={Link} to="/" fw={800} fz="xl" underline="never">
              {fr.app.name}
            </Anchor>
          </Group>
          {mayDo(me, 'patient.search') && <QuickPatientSearch />}
          <UserMenu />
        </Group>
      </AppShell.Header>
      <AppShell.Navbar p="sm" id="main-navigation" className={classes.navbar} data-collapsed={!navOpened || undefined}>
        <MainNav onNavigate={nav.close} />
      </AppShell.Navbar>
      <AppShell.Main id="main" tabIndex={-1} className={classes.main}>
        <InvitedPersonBanner />
        <Outlet />
      </AppShell.Main>
      {/* A new page opens at its top (after saving a long form, say); back and forward restore the position. */}
      <ScrollRestoration />
    </AppShell>
  );
}
