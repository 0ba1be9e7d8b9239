// The page of an invitation link (public): who invites, into which patient's team (initials only until
// the link is opened), until when; « Accéder au dossier » opens a session limited to that care team.
import { Alert, Anchor, Button, Center, Container, Loader, Paper, Stack, Text, Title } from '@mantine/core';
import { useDocumentTitle } from '@mantine/hooks';
import { Link, useNavigate, useParams } from 'react-router';
import { isApiError } from '../api/client.ts';
import { ErrorAlert } from '../components/ErrorAlert.tsx';
import { useInvitationPreview, useOpenInvitation } from '../files/team-api.ts';
import { fr } from '../i18n/fr.ts';
import { formatDate } from '../lib/dates.ts';
import { personName } from '../lib/names.ts';

const texts = fr.careTeam.invitationPage;

/** Why a link cannot be used, in the words of the person holding it. */
function refusalOf(error: unknown): { text: string; login: boolean } | null {
  if (isApiError(error, 404) || isApiError(error, 400)) return { text: texts.notFound, login: false };
  if (!isApiError(error, 410)) return null;
  if (error.code === 'invitations.used') return { text: texts.used, login: true };
  if (error.code === 'invitations.ended') return { text: texts.ended, login: false };
  return { text: error.code === 'invitations.expired' ? texts.expired : texts.revoked, login: false };
}

function Refusal({ error }: { error: unknown }) {
  const refusal = refusalOf(error);
  if (!refusal) return <ErrorAlert error={error} />;
  return (
    <Alert color="orange" title={texts.title}>
      <Stack gap="xs">
        <Text>{refusal.text}</Text>
        {refusal.login && (
          <Anchor component={Link} to="/login">
            {texts.login}
          </Anchor>
        )}
      </Stack>
    </Alert>
  );
}

export function InvitationPage() {
  useDocumentTitle(fr.app.title(texts.title));
  const { token = '' } = useParams();
  const preview = useInvitationPreview(token);
  const open = useOpenInvitation(token);
  const navigate = useNavigate();

  return (
    <Container component="main" size={560} py="xl">
      <Stack gap="lg">
        <Text fw={700} fz="xl" c="indigo.8">
          {fr.app.name}
        </Text>
        {preview.isPending && (
          <Center>
            <Loader aria-label={fr.common.loading} />
          </Center>
        )}
        {preview.isError && <Refusal error={preview.error} />}
        {preview.data && (
          <Paper withBorder p="lg" radius="md">
            <Stack>
              <Title order={1} size="h2">
                {texts.heading(personName(preview.data.invitedBy), preview.data.patientInitials)}
              </Title>
              <Text>{texts.structure(preview.data.structureName)}</Text>
              <Text>{texts.role(fr.roles.careTeam[preview.data.role] ?? preview.data.role)}</Text>
              <Text>{texts.what}</Text>
              <Text size="sm" c="dimmed">
                {texts.expires(formatDate(preview.data.expiresAt))}
              </Text>
              {open.isError && <Refusal error={open.error} />}
              <Button size="md" loading={open.isPending} onClick={() => open.mutate(undefined, { onSuccess: ({ fileId }) => void navigate(`/files/${fileId}`) })}>
                {texts.open}
              </Button>
            </Stack>
          </Paper>
        )}
      </Stack>
    </Container>
  );
}
