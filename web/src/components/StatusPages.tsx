// Pages that say why nothing else can be shown: refused, not found, crashed.
import { Button, Container, Stack, Text, Title } from '@mantine/core';
import { useDocumentTitle } from '@mantine/hooks';
import { Link } from 'react-router';
import { isApiError } from '../api/client.ts';
import { errorMessage } from '../api/errors.ts';
import { fr } from '../i18n/fr.ts';
import { ErrorAlert } from './ErrorAlert.tsx';

function StatusPage({ title, text, action }: { title: string; text: string; action?: React.ReactNode }) {
  useDocumentTitle(fr.app.title(title));
  return (
    <Container size="sm" py="xl">
      <Stack align="flex-start">
        <Title order={1}>{title}</Title>
        <Text size="lg">{text}</Text>
        {action ?? (
          <Button component={Link} to="/" variant="light">
            {fr.common.backHome}
          </Button>
        )}
      </Stack>
    </Container>
  );
}

export function NotFoundPage() {
  return <StatusPage title={fr.common.pageNotFound} text={fr.common.pageNotFoundText} />;
}

export function CrashPage() {
  return (
    <StatusPage
      title={fr.errors.title}
      text={fr.app.crashed}
      action={<Button onClick={() => window.location.reload()}>{fr.app.reload}</Button>}
    />
  );
}

/** A failed read of a page's main record: refused (403), unknown (404), or anything else. */
export function LoadFailure({ error, notFoundTitle, notFoundText }: { error: unknown; notFoundTitle: string; notFoundText: string }) {
  if (isApiError(error, 403)) return <StatusPage title={fr.common.accessDenied} text={errorMessage(error)} />;
  if (isApiError(error, 404)) return <StatusPage title={notFoundTitle} text={notFoundText} />;
  return <ErrorAlert error={error} />;
}
