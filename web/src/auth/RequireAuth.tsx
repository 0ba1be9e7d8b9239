// Lets logged-in people through; sends the others to the login page, remembering where they were going.
import { Center, Loader } from '@mantine/core';
import { Navigate, useLocation } from 'react-router';
import { ErrorAlert } from '../components/ErrorAlert.tsx';
import { fr } from '../i18n/fr.ts';
import { useMe } from './api.ts';

export function RequireAuth({ children }: { children: React.ReactNode }) {
  const me = useMe();
  const location = useLocation();
  if (me.isPending) {
    return (
      <Center h="100vh">
        <Loader aria-label={fr.common.loading} />
      </Center>
    );
  }
  if (me.isError) return <ErrorAlert error={me.error} m="md" />;
  if (!me.data) {
    const next = encodeURIComponent(location.pathname + location.search);
    return <Navigate to={`/login?next=${next}`} replace />;
  }
  return children;
}

/** Only paths of this app: a crafted `next` must not send anyone to another site. */
export function safeNextPath(next: string | null): string {
  return next && next.startsWith('/') && !next.startsWith('//') ? next : '/';
}
