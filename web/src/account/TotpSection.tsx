// Second factor: start the setup (link and secret shown as text for the authenticator app), then
// confirm with a first code.
import { Alert, Button, Group, Stack, Text, TextInput, Title } from '@mantine/core';
import { useState } from 'react';
import { errorMessage } from '../api/errors.ts';
import { useCurrentUser } from '../auth/api.ts';
import { CopyField } from '../components/CopyField.tsx';
import { ErrorAlert } from '../components/ErrorAlert.tsx';
import { fr } from '../i18n/fr.ts';
import { notifySuccess } from '../lib/notify.ts';
import { useEnableTotp, useTotpSetup } from './api.ts';

const texts = fr.account.totp;

function EnableForm() {
  const enable = useEnableTotp();
  const [code, setCode] = useState('');
  const [error, setError] = useState<string | null>(null);
  const submit = (event: React.FormEvent) => {
    event.preventDefault();
    const digits = code.replace(/\s/g, '');
    if (!/^\d{6}$/.test(digits)) {
      setError(texts.codeInvalid);
      return;
    }
    enable.mutate(digits, { onSuccess: () => notifySuccess(texts.done), onError: (failure) => setError(errorMessage(failure)) });
  };
  return (
    <form onSubmit={submit} noValidate>
      <Group align="flex-end">
        <TextInput
          label={texts.code}
          inputMode="numeric"
          autoComplete="one-time-code"
          maxLength={7}
          value={code}
          error={error}
          onChange={(event) => {
            setCode(event.currentTarget.value);
            setError(null);
          }}
        />
        <Button type="submit" loading={enable.isPending}>
          {texts.confirm}
        </Button>
      </Group>
    </form>
  );
}

export function TotpSection() {
  const me = useCurrentUser();
  const setup = useTotpSetup();
  return (
    <Stack component="section" aria-labelledby="totp-title">
      <Title order={2} id="totp-title">
        {texts.heading}
      </Title>
      {me.totpEnabled ? (
        <Alert color="teal">{texts.enabled}</Alert>
      ) : setup.data ? (
        <Stack>
          <Text>{texts.step1}</Text>
          <CopyField label={texts.uri} value={setup.data.uri} copyLabel={texts.copyUri} />
          <CopyField label={texts.secret} value={setup.data.secret} copyLabel={texts.copySecret} />
          <Text>{texts.step2}</Text>
          <EnableForm />
        </Stack>
      ) : (
        <Stack align="flex-start">
          <Text>{texts.intro}</Text>
          {setup.isError && <ErrorAlert error={setup.error} />}
          <Button onClick={() => setup.mutate()} loading={setup.isPending}>
            {texts.start}
          </Button>
        </Stack>
      )}
    </Stack>
  );
}
