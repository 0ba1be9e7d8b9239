// For a person who reaches Trame through their care teams only (no membership: an invited professional):
// the teams they are in, and, until they choose one, a password form so they can come back without a link.
import { Alert, Anchor, Button, Group, Paper, PasswordInput, Stack, Text, Title } from '@mantine/core';
import { useForm } from '@mantine/form';
import { Link, useLocation } from 'react-router';
import { useCurrentUser } from '../auth/api.ts';
import { ErrorAlert } from '../components/ErrorAlert.tsx';
import { rememberedToken, useCompleteAccount, useMyCareTeams } from '../files/team-api.ts';
import { fr } from '../i18n/fr.ts';
import { formatDate } from '../lib/dates.ts';
import { setServerFieldErrors } from '../lib/forms.ts';
import { notifySuccess } from '../lib/notify.ts';

const texts = fr.careTeam;
const MIN_PASSWORD = 12;

function PasswordForm({ token }: { token: string }) {
  const complete = useCompleteAccount(token);
  const form = useForm({
    initialValues: { password: '' },
    validate: { password: (value) => (value.length < MIN_PASSWORD ? texts.banner.passwordTooShort : null) },
  });
  return (
    <form
      noValidate
      onSubmit={form.onSubmit(({ password }) =>
        complete.mutate(password, { onSuccess: ({ email }) => notifySuccess(texts.banner.done(email)), onError: (error) => setServerFieldErrors(form, error) }),
      )}
    >
      <Group align="flex-end" gap="sm">
        {complete.isError && Object.keys(form.errors).length === 0 && <ErrorAlert error={complete.error} />}
        <PasswordInput
          label={texts.banner.password}
          description={texts.banner.passwordHelp}
          autoComplete="new-password"
          required
          withAsterisk={false}
          style={{ flex: '1 1 16rem' }}
          {...form.getInputProps('password')}
        />
        <Button type="submit" loading={complete.isPending}>
          {texts.banner.submit}
        </Button>
      </Group>
    </form>
  );
}

export function InvitedPersonBanner() {
  const me = useCurrentUser();
  const withoutMembership = me.memberships.length === 0;
  const mine = useMyCareTeams(withoutMembership);
  // the list of their teams stands in for « Ma journée », which needs a membership
  const onHome = useLocation().pathname === '/';
  if (!withoutMembership || !mine.data || (!mine.data.needsPassword && !onHome)) return null;
  const token = rememberedToken.get();
  return (
    <Stack gap="sm" mb="md">
      {mine.data.needsPassword && (
        <Alert color="indigo" title={texts.banner.title}>
          <Stack gap="xs">
            <Text size="sm">{texts.banner.text}</Text>
            {token ? <PasswordForm token={token} /> : <Text size="sm">{texts.banner.noLink}</Text>}
          </Stack>
        </Alert>
      )}
      {onHome && (
        <Paper withBorder p="sm" radius="md">
          <Title order={2} size="h5" mb="xs">
            {texts.mine.title}
          </Title>
          {mine.data.files.length === 0 ? (
            <Text size="sm">{texts.mine.empty}</Text>
          ) : (
            <Stack component="ul" gap={4} p={0} m={0} style={{ listStyle: 'none' }}>
              {mine.data.files.map((file) => (
                <li key={file.fileId}>
                  <Anchor component={Link} to={`/files/${file.fileId}`} fw={600}>
                    {file.patient.givenName} {file.patient.familyName.toUpperCase()}
                  </Anchor>
                  <Text size="sm" c="dimmed">
                    {file.structureName} — {texts.mine.since(fr.roles.careTeam[file.role] ?? file.role, formatDate(file.since))}
                  </Text>
                </li>
              ))}
            </Stack>
          )}
        </Paper>
      )}
    </Stack>
  );
}
