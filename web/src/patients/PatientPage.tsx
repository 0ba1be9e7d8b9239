// One patient: identity banner, the identity and its INS (with the coordinator's actions), the files I
// may see and opening one, the merges, and the identity history. A merged record points to the one kept.
import { Button, EmptyState, Grid, Group, Loader, Stack, Title } from '@mantine/core';
import { useDocumentTitle } from '@mantine/hooks';
import { useState } from 'react';
import { useNavigate, useParams } from 'react-router';
import type { PatientView } from '../api/types.ts';
import { useCurrentUser } from '../auth/api.ts';
import { mayDo } from '../auth/rights.ts';
import { ErrorAlert } from '../components/ErrorAlert.tsx';
import { PatientBanner } from '../components/PatientBanner.tsx';
import { LoadFailure } from '../components/StatusPages.tsx';
import { useOpenFile } from '../files/api.ts';
import { FilesTable } from '../files/FilesTable.tsx';
import { fr } from '../i18n/fr.ts';
import { IdentityHistory } from '../identity/IdentityHistory.tsx';
import { IdentityPanel } from '../identity/IdentityPanel.tsx';
import { MergedNotice } from '../identity/MergedNotice.tsx';
import { MergesPanel } from '../identity/MergesPanel.tsx';
import { patientName } from '../lib/names.ts';
import { notifyError, notifySuccess } from '../lib/notify.ts';
import { usePatient, usePatientFiles } from './api.ts';
import { PatientForm } from './PatientForm.tsx';
import { LifelinePanel } from '../files/LifelinePanel.tsx';

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

function MergedPatient({ patient, survivorId }: { patient: PatientView; survivorId: string }) {
  const me = useCurrentUser();
  return (
    <Stack>
      <MergedNotice survivorId={survivorId} />
      <PatientBanner patient={patient} />
      <MergesPanel patientId={patient.id} canReview={mayDo(me, 'identity.review')} />
      <IdentityHistory patientId={patient.id} />
    </Stack>
  );
}

function LivePatient({ patient }: { patient: PatientView }) {
  const me = useCurrentUser();
  const [editing, setEditing] = useState(false);
  const canEdit = mayDo(me, 'patient.update');
  return (
    <Stack>
      <PatientBanner patient={patient} />
      <Grid gap="md">
        <Grid.Col span={{ base: 12, lg: 7 }}>
          <Stack>
            {editing ? (
              <PatientForm
                mode="edit"
                patient={patient}
                onCancel={() => setEditing(false)}
                onSaved={() => {
                  notifySuccess(fr.patients.edit.saved);
                  setEditing(false);
                }}
              />
            ) : (
              <IdentityPanel patient={patient} canManage={mayDo(me, 'patient.manage-identity')} onEdit={canEdit ? () => setEditing(true) : undefined} />
            )}
            <Group justify="space-between">
              <Title order={2} size="h3">
                {texts.filesHeading}
              </Title>
              {mayDo(me, 'file.open') && <OpenFileButton patientId={patient.id} />}
            </Group>
            <PatientFiles patientId={patient.id} />
            <Title order={2} size="h3">
              {fr.lifeline.heading}
            </Title>
            <LifelinePanel patientId={patient.id} />
          </Stack>
        </Grid.Col>
        <Grid.Col span={{ base: 12, lg: 5 }}>
          <Stack>
            <MergesPanel patientId={patient.id} canReview={mayDo(me, 'identity.review')} />
            <IdentityHistory patientId={patient.id} />
          </Stack>
        </Grid.Col>
      </Grid>
    </Stack>
  );
}

export function PatientPage() {
  const { patientId = '' } = useParams();
  const patient = usePatient(patientId);
  useDocumentTitle(fr.app.title(patient.data ? patientName(patient.data) : fr.patients.pageTitle));

  if (patient.isPending) return <Loader aria-label={fr.common.loading} />;
  if (patient.isError) return <LoadFailure error={patient.error} notFoundTitle={texts.notFoundTitle} notFoundText={texts.notFoundText} />;
  if (patient.data.mergedInto) return <MergedPatient key={patient.data.id} patient={patient.data} survivorId={patient.data.mergedInto} />;
  return <LivePatient key={patient.data.id} patient={patient.data} />;
}
