// Connexion: e-mail and password, then the second-factor code when the account asks for it.
import { Alert, Button, Container, Paper, PasswordInput, Stack, Text, TextInput, Title } from '@mantine/core';
import { useForm } from '@mantine/form';
import { useDocumentTitle } from '@mantine/hooks';
import { zod4Resolver } from 'mantine-form-zod-resolver';
import { useState } from 'react';
import { Navigate, useSearchParams } from 'react-router';
import { z } from 'zod';
import { isApiError } from '../api/client.ts';
import { errorMessage } from '../api/errors.ts';
import { ErrorAlert } from '../components/ErrorAlert.tsx';
import { fr } from '../i18n/fr.ts';
import { useLogin, useMe } from './api.ts';
import { safeNextPath } from './RequireAuth.tsx';

const loginSchema = z.object({
  email: z.string().trim().min(1, fr.validation.required),
  password: z.string().min(1, fr.validation.required),
  totpCode: z.string(),
});

const TOTP_CODE = /^\d{6}$/;

export function LoginPage() {
  useDocumentTitle(fr.app.title(fr.auth.pageTitle));
  const me = useMe();
  const [params] = useSearchParams();
  const login = useLogin();
  const [needsCode, setNeedsCode] = useState(false);
  const form = useForm({
    initialValues: { email: '', password: '', totpCode: '' },
    validate: zod4Resolver(loginSchema),
  });

  if (me.data) return <Navigate to={safeNextPath(params.get('next'))} replace />;

  const submit = form.onSubmit(({ email, password, totpCode }) => {
    const code = totpCode.replace(/\s/g, '');
    if (needsCode && !TOTP_CODE.test(code)) {
      form.setFieldError('totpCode', fr.account.totp.codeInvalid);
      return;
    }
    login.mutate(
      { email: email.trim(), password, totpCode: needsCode ? code : undefined },
      {
        onError: (error) => {
          if (!isApiError(error)) return;
          if (error.code === 'auth.totp_required') setNeedsCode(true);
          if (error.code === 'auth.totp_invalid') form.setFieldError('totpCode', errorMessage(error));
        },
      },
    );
  });

  const failure = login.error;
  const askingForCode = isApiError(failure) && failure.code === 'auth.totp_required';
  const showFailure = failure && !askingForCode && !(isApiError(failure) && failure.code === 'auth.totp_invalid');

  return (
    <Container component="main" size={440} py="xl">
      <Stack gap="lg">
        <div>
          <Text fw={700} fz="xl" c="indigo.8">
            {fr.app.name}
          </Text>
          <Title order={1}>{fr.auth.heading}</Title>
          <Text mt="xs">{fr.auth.intro}</Text>
        </div>
        <Paper withBorder p="lg" radius="md">
          <form onSubmit={submit} noValidate>
            <Stack>
              {showFailure && <ErrorAlert error={failure} title={fr.auth.failed} />}
              <TextInput
                label={fr.auth.email}
                type="email"
                autoComplete="username"
                required
                withAsterisk={false}
                {...form.getInputProps('email')}
              />
              <PasswordInput
                label={fr.auth.password}
                autoComplete="current-password"
                required
                withAsterisk={false}
                {...form.getInputProps('password')}
              />
              {needsCode && (
                <>
                  {askingForCode && <Alert color="indigo">{fr.auth.totpPrompt}</Alert>}
                  <TextInput
                    label={fr.auth.totpCode}
                    description={fr.auth.totpHelp}
                    inputMode="numeric"
                    autoComplete="one-time-code"
                    maxLength={7}
                    required
                    withAsterisk={false}
                    autoFocus
                    {...form.getInputProps('totpCode')}
                  />
                </>
              )}
              <Button type="submit" loading={login.isPending} size="md">
                {fr.auth.submit}
              </Button>
            </Stack>
          </form>
        </Paper>
      </Stack>
    </Container>
  );
}
