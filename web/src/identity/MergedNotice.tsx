// A record merged into another one: says so, links to the record kept, and goes there after a few
// seconds unless the user chooses to stay (to read this record's history, say).
import { Alert, Anchor, Button, Group, Stack, Text } from '@mantine/core';
import { useEffect, useState } from 'react';
import { Link, useNavigate } from 'react-router';
import { fr } from '../i18n/fr.ts';
import { formatBirthDate } from '../lib/dates.ts';
import { patientName } from '../lib/names.ts';
import { usePatient } from '../patients/api.ts';

const texts = fr.identity.merged;
const REDIRECT_SECONDS = 5;

export function MergedNotice({ survivorId }: { survivorId: string }) {
  const navigate = useNavigate();
  const survivor = usePatient(survivorId);
  const [seconds, setSeconds] = useState<number | null>(REDIRECT_SECONDS);
  const target = `/patients/${survivorId}`;

  useEffect(() => {
    if (seconds === null) return;
    if (seconds <= 0) {
      navigate(target, { replace: true });
      return;
    }
    const timer = setTimeout(() => setSeconds(seconds - 1), 1000);
    return () => clearTimeout(timer);
  }, [seconds, navigate, target]);

  const name = survivor.data ? `${patientName(survivor.data)} (${formatBirthDate(survivor.data.birthDate)})` : texts.fallback;
  return (
    <Alert color="orange" variant="light" title={texts.title}>
      <Stack gap="xs" align="flex-start">
        <Text>
          {texts.text}{' '}
          <Anchor component={Link} to={target} fw={700}>
            {name}
          </Anchor>
          .
        </Text>
        <Text size="sm">{texts.readOnly}</Text>
        <Group gap="sm">
          <Button component={Link} to={target} replace>
            {texts.open}
          </Button>
          {seconds !== null && (
            <Button variant="default" onClick={() => setSeconds(null)}>
              {texts.stay}
            </Button>
          )}
        </Group>
        {seconds !== null && (
          <Text size="sm" aria-live="off">
            {texts.redirecting(seconds)}
          </Text>
        )}
      </Stack>
    </Alert>
  );
}
