// « Suivre ma demande »: the state of a public request and the DAC's message, from its tracking code.
import { Alert, Anchor, Button, Container, Group, Loader, Paper, Stack, Text, TextInput, Title } from '@mantine/core';
import { useDocumentTitle } from '@mantine/hooks';
import { useState } from 'react';
import { Link, useSearchParams } from 'react-router';
import { isApiError } from '../api/client.ts';
import { ErrorAlert } from '../components/ErrorAlert.tsx';
import { fr } from '../i18n/fr.ts';
import { formatDate } from '../lib/dates.ts';
import { usePublicReferralStatus } from './api.ts';

const p = fr.referrals.publicForm;

export function PublicTrackingPage() {
  useDocumentTitle(fr.app.title(p.trackTitle));
  const [params, setParams] = useSearchParams();
  const code = params.get('code') ?? '';
  const [typed, setTyped] = useState(code);
  const status = usePublicReferralStatus(code);
  return (
    <Container size="sm" py="xl">
      <Stack>
        <Title order={1}>{p.trackTitle}</Title>
        <Text>{p.trackIntro}</Text>
        <Group
          component="form"
          align="flex-end"
          onSubmit={(event) => {
            event.preventDefault();
            setParams({ code: typed.trim().toUpperCase() });
          }}
        >
          <TextInput label={p.code} value={typed} onChange={(event) => setTyped(event.currentTarget.value)} autoComplete="off" style={{ flex: '1 1 14rem' }} />
          <Button type="submit">{p.check}</Button>
        </Group>
        {code && status.isPending && <Loader aria-label={fr.common.loading} />}
        {status.isError && (isApiError(status.error, 404) ? <Alert color="orange" role="alert">{p.codeUnknown}</Alert> : <ErrorAlert error={status.error} />)}
        {status.data && (
          <Paper withBorder p="md" radius="md" aria-live="polite">
            <Stack gap="xs">
              <Title order={2} size="h4">
                {p.statusOf(status.data.structureName)}
              </Title>
              <Text size="sm">{formatDate(status.data.receivedAt)}</Text>
              <Text fw={600}>{p.publicStatuses[status.data.status]}</Text>
              {status.data.outcomeMessage && (
                <Text>
                  {p.answer}
                  {'\u00a0:'} {status.data.outcomeMessage}
                </Text>
              )}
            </Stack>
          </Paper>
        )}
        <Anchor component={Link} to="/demande-appui">
          {p.pageTitle}
        </Anchor>
      </Stack>
    </Container>
  );
}
