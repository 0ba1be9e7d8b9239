// One patient: identity banner, the files I may see, and for a coordinator, opening a coordination file.
import { Button, EmptyState, Group, Loader, Stack, Title } from '@mantine/core';
import { useDocumentTitle } from '@mantine/hooks';
import { useNavigate, useParams } from 'react-router';
import { useCurrentUser } from '../auth/api.ts';
import { mayDo } from '../auth/rights.ts';
import { ErrorAlert } from '../components/ErrorAlert.tsx';
import { PatientBanner } from '../components/PatientBanner.tsx';
import { LoadFailure } from '../components/StatusPages.tsx';
import { useOpenFile } from '../files/api.ts';
import { FilesTable } from '../files/FilesTable.tsx';
import { fr } from '../i18n/fr.ts';
import { patientName } from '../lib/names.ts';
import { notifyError, notifySuccess } from '../lib/notify.ts';
import { usePatient, usePatientFiles } from './api.ts';

const texts = fr.patients.page;

function OpenFileButton({ patientId }: { patientId: string }) {
  const me = useCurrentUser();
  const navigate = useNavigate();
  const open = useOpenFile(patientId, me.acting?.structureId);
  const onClick = () =>
    open.mutate(undefined, {
      onSuccess: ({ fileId, alreadyOpen }) => {
        notifySuccess(alreadyOpen ? texts.alreadyOpen : texts.fileOpened);
        navigate(`/files/${fileId}`);
      },
      onError: notifyError,
    });
  return (
    <Button onClick={onClick} loading={open.isPending}>
      {texts.openFile}
    </Button>
  );
}

function PatientFiles({ patientId }: { patientId: string }) {
  const files = usePatientFiles(patientId);
  if (files.isPending) return <Loader aria-label={fr.common.loading} />;
  if (files.isError) return <ErrorAlert error={files.error} />;
  if (files.data.items.length === 0) return <EmptyState title={texts.noFilesTitle} description={texts.noFilesText} />;
  return <FilesTable files={files.data.items} showPatient={false} label={texts.filesHeading} />;
}

export function PatientPage() {
  const { patientId = '' } = useParams();
  const me = useCurrentUser();
  const patient = usePatient(patientId);
  useDocumentTitle(fr.app.title(patient.data ? patientName(patient.data) : fr.patients.pageTitle));

  if (patient.isPending) return <Loader aria-label={fr.common.loading} />;
  if (patient.isError) return <LoadFailure error={patient.error} notFoundTitle={texts.notFoundTitle} notFoundText={texts.notFoundText} />;
  return (
    <Stack>
      <PatientBanner patient={patient.data} />
      <Group justify="space-between">
        <Title order={2}>{texts.filesHeading}</Title>
        {mayDo(me, 'file.open') && <OpenFileButton patientId={patientId} />}
      </Group>
      <PatientFiles patientId={patientId} />
    </Stack>
  );
}
