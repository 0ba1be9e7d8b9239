// The « Orientation » tab of a file: the requests sent for the patient and their answers, the way to
// « Trouver une ressource » prefilled with the patient, and, for the file's coordinator and care team,
// recording an answer received by phone and cancelling a request.
import { Anchor, Button, Collapse, EmptyState, Group, Loader, Modal, Paper, Stack, Text, Title } from '@mantine/core';
import { useDisclosure } from '@mantine/hooks';
import { notifications } from '@mantine/notifications';
import { useState } from 'react';
import { Link } from 'react-router';
import type { FileView, OrientationRequestView } from '../api/types.ts';
import { useCurrentUser } from '../auth/api.ts';
import { fr } from '../i18n/fr.ts';
import { ageInYears, formatDate, formatDateTime } from '../lib/dates.ts';
import { personName } from '../lib/names.ts';
import { notifySuccess } from '../lib/notify.ts';
import { AnswerModal } from './AnswerModal.tsx';
import { useCancelRequest, useFileRequests } from './api.ts';
import { canRequestOnFile, orientationErrorMessage } from './format.ts';
import { OrientationError } from './OrientationError.tsx';
import { RequestStatusBadge } from './RequestStatusBadge.tsx';

const texts = fr.orientation.file;

/** « Trouver une ressource » for this patient: the search prefilled with the patient's commune and age. */
export function searchLinkFor(file: FileView): string {
  const params = new URLSearchParams({ fileId: file.id });
  if (file.patient.communeInsee) params.set('commune', file.patient.communeInsee);
  params.set('age', String(ageInYears(file.patient.birthDate)));
  return `/orientation?${params.toString()}`;
}

const OPEN_STATUSES = new Set(['sent', 'waiting_list']);

function CancelButton({ request }: { request: OrientationRequestView }) {
  const cancel = useCancelRequest();
  const [opened, { open, close }] = useDisclosure(false);
  const organization = request.organization.name;
  const confirm = () =>
    cancel.mutate(request, {
      onSuccess: () => notifySuccess(texts.cancelled),
      onError: (error) => notifications.show({ title: fr.errors.title, message: orientationErrorMessage(error), color: 'red', autoClose: 10_000 }),
      onSettled: close,
    });
  return (
    <>
      <Button size="xs" color="red.9" variant="outline" aria-label={texts.cancelLabel(organization)} onClick={open}>
        {texts.cancel}
      </Button>
      <Modal opened={opened} onClose={close} title={texts.cancelTitle}>
        <Stack>
          <Text>{texts.cancelText(organization)}</Text>
          <Group justify="flex-end">
            <Button variant="default" onClick={close}>
              {texts.keep}
            </Button>
            <Button color="red.9" loading={cancel.isPending} onClick={confirm}>
              {texts.cancel}
            </Button>
          </Group>
        </Stack>
      </Modal>
    </>
  );
}

function RequestCard({ request, canAct, onRecord }: { request: OrientationRequestView; canAct: boolean; onRecord: () => void }) {
  const [showMessage, { toggle }] = useDisclosure(false);
  const messageId = `orientation-message-${request.id}`;
  const answered = request.answeredBy && request.answeredAt;
  return (
    <Paper component="li" withBorder p="sm" radius="md">
      <Stack gap={6}>
        <Group justify="space-between" align="flex-start" gap="xs">
          <div style={{ flex: '1 1 12rem', minWidth: 0 }}>
            <Text fw={700}>{request.offer.name}</Text>
            <Anchor component={Link} to={`/directory/organizations/${request.organization.id}`} size="sm">
              {request.organization.name}
            </Anchor>
          </div>
          <RequestStatusBadge status={request.status} refusalReason={request.refusalReason} />
        </Group>
        <Text size="sm">{texts.sentOn(formatDate(request.createdAt), personName(request.requestedBy))}</Text>
        {answered && (
          <Text size="sm">
            {request.answerRecordedByRequester
              ? texts.recordedBy(personName(request.answeredBy!), formatDateTime(request.answeredAt!))
              : texts.answeredBy(personName(request.answeredBy!), formatDateTime(request.answeredAt!))}
          </Text>
        )}
        {request.answerNote && <Text size="sm">{texts.note(request.answerNote)}</Text>}
        <Group justify="space-between" gap="xs">
          <Anchor component="button" type="button" size="sm" onClick={toggle} aria-expanded={showMessage} aria-controls={messageId}>
            {showMessage ? texts.hideMessage : texts.showMessage}
          </Anchor>
          {canAct && OPEN_STATUSES.has(request.status) && (
            <Group gap="xs">
              <Button size="xs" variant="outline" aria-label={texts.recordAnswerLabel(request.organization.name)} onClick={onRecord}>
                {texts.recordAnswer}
              </Button>
              <CancelButton request={request} />
            </Group>
          )}
        </Group>
        <Collapse expanded={showMessage} id={messageId}>
          <Text size="sm" style={{ whiteSpace: 'pre-wrap' }} bg="gray.0" p="xs">
            {request.message}
          </Text>
        </Collapse>
      </Stack>
    </Paper>
  );
}

export function FileOrientationPanel({ file }: { file: FileView }) {
  const me = useCurrentUser();
  const requests = useFileRequests(file.id);
  const [recording, setRecording] = useState<OrientationRequestView | null>(null);
  const canAct = canRequestOnFile(me, file);
  const canSearch = canAct && file.status === 'open';

  const findButton = canSearch && (
    <Button component={Link} to={searchLinkFor(file)}>
      {texts.find}
    </Button>
  );

  let content: React.ReactNode;
  if (requests.isPending) content = <Loader aria-label={fr.common.loading} />;
  else if (requests.isError) content = <OrientationError error={requests.error} />;
  else if (requests.data.length === 0)
    content = <EmptyState title={texts.emptyTitle} description={canSearch ? texts.emptyText : texts.emptyReadOnly} />;
  else
    content = (
      <Stack component="ul" gap="xs" p={0} m={0} style={{ listStyle: 'none' }} aria-label={texts.listLabel}>
        {requests.data.map((request) => (
          <RequestCard key={request.id} request={request} canAct={canAct} onRecord={() => setRecording(request)} />
        ))}
      </Stack>
    );

  return (
    <Stack>
      <Group justify="space-between" gap="xs">
        <Title order={3} size="h5">
          {texts.heading}
        </Title>
        {findButton}
      </Group>
      {content}
      <AnswerModal request={recording} mode="requester" onClose={() => setRecording(null)} />
    </Stack>
  );
}
