// The merges a patient record took part in (as the record kept or the record merged), with « Annuler
// la fusion » for identity referents while the 30 days last.
import { Anchor, Button, Paper, Stack, Text, Title } from '@mantine/core';
import { useState } from 'react';
import { Link } from 'react-router';
import type { PatientMerge, PatientSummary } from '../api/types.ts';
import { ErrorAlert } from '../components/ErrorAlert.tsx';
import { ReasonModal } from '../components/ReasonModal.tsx';
import { fr } from '../i18n/fr.ts';
import { formatBirthDate, formatDate, formatDateTime } from '../lib/dates.ts';
import { patientName, personName } from '../lib/names.ts';
import { notifySuccess } from '../lib/notify.ts';
import { usePatientMerges, useUndoMerge } from './api.ts';

const texts = fr.identity.merges;

function recordName(patient: PatientSummary): string {
  return `${patientName(patient)} (${formatBirthDate(patient.birthDate)})`;
}

function PatientLink({ patient, current }: { patient: PatientSummary; current: string }) {
  if (patient.id === current) return <>{recordName(patient)}</>;
  return (
    <Anchor component={Link} to={`/patients/${patient.id}`}>
      {recordName(patient)}
    </Anchor>
  );
}

function UndoMergeButton({ merge }: { merge: PatientMerge }) {
  const undo = useUndoMerge(merge);
  const [opened, setOpened] = useState(false);
  const close = () => {
    undo.reset();
    setOpened(false);
  };
  return (
    <>
      <Button variant="outline" color="red.9" size="sm" aria-label={texts.undoLabel(recordName(merge.merged))} onClick={() => setOpened(true)}>
        {texts.undo}
      </Button>
      <ReasonModal
        opened={opened}
        onClose={close}
        title={texts.undoTitle}
        text={texts.undoText(recordName(merge.merged), recordName(merge.survivor))}
        reasonLabel={fr.identity.flag.reason}
        reasonHelp={texts.undoReasonHelp}
        confirmLabel={texts.undoConfirm}
        destructive
        loading={undo.isPending}
        error={undo.error}
        onConfirm={(reason) =>
          undo.mutate(reason, {
            onSuccess: () => {
              notifySuccess(texts.undoneDone);
              close();
            },
          })
        }
      />
    </>
  );
}

function MergeItem({ merge, patientId, canReview }: { merge: PatientMerge; patientId: string; canReview: boolean }) {
  return (
    <Paper component="li" withBorder p="sm" radius="md">
      <Stack gap={4} align="flex-start">
        <Text fw={600}>
          <PatientLink patient={merge.merged} current={patientId} /> {texts.mergedIntoWords} <PatientLink patient={merge.survivor} current={patientId} />
        </Text>
        <Text size="sm">
          {texts.byOn(merge.mergedBy ? personName(merge.mergedBy) : texts.someone, formatDateTime(merge.mergedAt))}{' '}
          {fr.identity.history.reason(merge.reason)}
        </Text>
        <Text size="sm">{texts.movedFiles(merge.movedFileIds.length)}</Text>
        {merge.undoneAt ? (
          <Text size="sm" fw={600}>
            {texts.undone(merge.undoneBy ? personName(merge.undoneBy) : texts.someone, formatDate(merge.undoneAt), merge.undoReason ?? '')}
          </Text>
        ) : (
          merge.canUndo && <Text size="sm">{texts.undoUntil(formatDate(merge.undoUntil))}</Text>
        )}
        {canReview && merge.canUndo && <UndoMergeButton merge={merge} />}
      </Stack>
    </Paper>
  );
}

/** Nothing when the record was never merged. */
export function MergesPanel({ patientId, canReview }: { patientId: string; canReview: boolean }) {
  const merges = usePatientMerges(patientId);
  if (merges.isError) return <ErrorAlert error={merges.error} />;
  if (!merges.data || merges.data.items.length === 0) return null;
  return (
    <Paper withBorder p="md" radius="md" component="section" aria-labelledby="merges-heading">
      <Stack>
        <Title order={2} size="h3" id="merges-heading">
          {texts.heading}
        </Title>
        <Stack component="ul" gap="xs" p={0} m={0} style={{ listStyle: 'none' }}>
          {merges.data.items.map((merge) => (
            <MergeItem key={merge.id} merge={merge} patientId={patientId} canReview={canReview} />
          ))}
        </Stack>
      </Stack>
    </Paper>
  );
}
