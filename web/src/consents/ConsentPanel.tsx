// The file's « Consentement » tab: was the person informed; is there an objection; the consents to
// share outside the care team, with whom and what, and their withdrawal (effective at once).
import { Alert, Badge, Button, Group, Loader, Paper, Stack, Text, Title } from '@mantine/core';
import { useState } from 'react';
import type { ConsentView, FileView } from '../api/types.ts';
import { ConfirmButton } from '../components/ConfirmButton.tsx';
import { ErrorAlert } from '../components/ErrorAlert.tsx';
import { fr } from '../i18n/fr.ts';
import { formatDate } from '../lib/dates.ts';
import { personName } from '../lib/names.ts';
import { notifyError, notifySuccess } from '../lib/notify.ts';
import { useConsents, useWithdrawConsent } from './api.ts';
import { ConsentModal } from './ConsentModal.tsx';

const c = fr.consents;

export function coveredWords(categories: readonly string[]): string {
  return categories.map((code) => c.categories[code] ?? code).join(', ');
}

function ConsentLine({ consent, fileId, canRecord }: { consent: ConsentView; fileId: string; canRecord: boolean }) {
  const withdraw = useWithdrawConsent(fileId);
  const what = c.kinds[consent.kind] ?? consent.kind;
  return (
    <Paper component="li" withBorder p="sm" radius="md">
      <Stack gap={4}>
        <Group justify="space-between" gap="xs">
          <Text fw={700}>{what}</Text>
          <Badge color={consent.active ? 'teal.9' : 'gray.7'} variant={consent.active ? 'filled' : 'outline'}>
            {consent.active ? c.active : c.withdrawnOn(formatDate(consent.withdrawnAt!))}
          </Badge>
        </Group>
        {consent.recipient && <Text size="sm">{c.to(consent.recipient.name)}</Text>}
        {consent.kind === 'sharing' && <Text size="sm">{c.covers(coveredWords(consent.categories))}</Text>}
        <Text size="sm">{c.collected(formatDate(consent.collectedAt), consent.collectedBy ? personName(consent.collectedBy) : '?', c.channels[consent.channel] ?? consent.channel)}</Text>
        {consent.comment && <Text size="sm" fs="italic">{consent.comment}</Text>}
        {canRecord && consent.active && (
          <Group justify="flex-end">
            <ConfirmButton
              size="xs"
              label={c.withdraw}
              ariaLabel={c.withdrawLabel(what)}
              title={c.withdraw}
              message={c.withdrawConfirm}
              confirmLabel={c.withdraw}
              loading={withdraw.isPending}
              onConfirm={(close) => withdraw.mutate(consent, { onSuccess: () => notifySuccess(c.withdrawn), onError: notifyError, onSettled: close })}
            />
          </Group>
        )}
      </Stack>
    </Paper>
  );
}

export function ConsentPanel({ file }: { file: FileView }) {
  const consents = useConsents(file.id);
  const [recording, setRecording] = useState<string | null>(null);
  const canRecord = file.access.via === 'holder' && file.permissions.canUpdate;
  if (consents.isPending) return <Loader aria-label={fr.common.loading} />;
  if (consents.isError) return <ErrorAlert error={consents.error} />;
  const { informedAt, opposed, items } = consents.data;
  const information = items.find((i) => i.kind === 'information' && i.active);
  return (
    <Stack>
      {informedAt && information ? (
        <Text size="sm">{c.informedOn(formatDate(informedAt), c.channels[information.channel] ?? '')}</Text>
      ) : (
        <Alert color="orange" variant="light" role="status">
          <Stack gap="xs">
            <Text size="sm">{c.notInformed}</Text>
            {canRecord && (
              <Button size="xs" variant="outline" onClick={() => setRecording('information')} style={{ alignSelf: 'flex-start' }}>
                {c.recordInformation}
              </Button>
            )}
          </Stack>
        </Alert>
      )}
      {opposed && (
        <Alert color="red" variant="light" role="status">
          {c.opposed}
        </Alert>
      )}
      <Group justify="space-between">
        <Title order={3} size="h5">
          {c.list}
        </Title>
        {canRecord && <Button size="xs" onClick={() => setRecording('sharing')}>{c.record}</Button>}
      </Group>
      {items.filter((i) => i.kind !== 'information').length === 0 ? (
        <Text size="sm">{c.empty}</Text>
      ) : (
        <Stack component="ul" gap="xs" p={0} m={0} style={{ listStyle: 'none' }} aria-label={c.list}>
          {items.filter((i) => i.kind !== 'information').map((consent) => (
            <ConsentLine key={consent.id} consent={consent} fileId={file.id} canRecord={canRecord} />
          ))}
        </Stack>
      )}
      {!canRecord && <Text size="sm" c="dimmed">{c.readOnly}</Text>}
      {recording && <ConsentModal fileId={file.id} opened initialKind={recording} onClose={() => setRecording(null)} />}
    </Stack>
  );
}
