// One coordination file: the patient banner, the file's state and actions, then its content, kept
// current by the server's live events.
import { Alert, Group, Loader, Paper, Stack, Text, Title } from '@mantine/core';
import { useDocumentTitle } from '@mantine/hooks';
import { useParams } from 'react-router';
import type { FileView } from '../api/types.ts';
import { PatientBanner } from '../components/PatientBanner.tsx';
import { LoadFailure } from '../components/StatusPages.tsx';
import { fr } from '../i18n/fr.ts';
import { formatDate } from '../lib/dates.ts';
import { patientName } from '../lib/names.ts';
import { useFile, useLiveFile } from './api.ts';
import { FileStatusActions } from './FileStatusActions.tsx';
import { FileStatusBadge } from './FileStatusBadge.tsx';
import { coveredWords } from '../consents/ConsentPanel.tsx';
import { FileReporting } from './FileReporting.tsx';
import { FileTabs } from './FileTabs.tsx';
import { BreakdownButton } from '../breakdowns/BreakdownModal.tsx';

const texts = fr.files.page;

function FileHeader({ file }: { file: FileView }) {
  return (
    <Paper withBorder p="sm" radius="md">
      <Group justify="space-between" gap="sm">
        <div>
          <Group gap="xs">
            <Title order={2} size="h4">
              {texts.heldBy(file.structure.name)}
            </Title>
            <FileStatusBadge status={file.status} />
          </Group>
          <Text size="sm">
            {texts.openedOn(formatDate(file.openedAt))}
            {file.closedAt && ` · ${texts.closedOn(formatDate(file.closedAt))}`}
          </Text>
          {file.status === 'closed' && file.closureReason && <Text size="sm">{texts.closureReason(texts.closureReasons[file.closureReason] ?? file.closureReason)}</Text>}
          {file.status === 'suspended' && file.suspendedAt && (
            <Text size="sm" fw={600}>
              {texts.suspendedSince(formatDate(file.suspendedAt), texts.suspensionReasons[file.suspensionReason ?? 'other'] ?? '')}
            </Text>
          )}
          {file.access.via === 'holder' && <FileReporting file={file} />}
        </div>
        <Group gap="xs">
          {file.access.via === 'holder' && <BreakdownButton fileId={file.id} />}
          {file.permissions.canUpdate && <FileStatusActions file={file} />}
        </Group>
      </Group>
    </Paper>
  );
}

function FileContent({ file }: { file: FileView }) {
  useLiveFile(file.id);
  return (
    <Stack>
      <PatientBanner patient={file.patient} referent={file.referent} linkToIdentity />
      <FileHeader file={file} />
      {file.access.via === 'consent' && (
        <Alert color="blue" variant="light" role="status">
          {fr.consents.consentNotice(coveredWords(file.access.sharedCategories ?? ['file']))}
        </Alert>
      )}
      <FileTabs file={file} />
    </Stack>
  );
}

export function FilePage() {
  const { fileId = '' } = useParams();
  const file = useFile(fileId);
  useDocumentTitle(fr.app.title(file.data ? texts.title(patientName(file.data.patient)) : fr.files.myFilesTitle));
  if (file.isPending) return <Loader aria-label={fr.common.loading} />;
  if (file.isError) return <LoadFailure error={file.error} notFoundTitle={texts.notFoundTitle} notFoundText={texts.notFoundText} />;
  return <FileContent file={file.data} />;
}
