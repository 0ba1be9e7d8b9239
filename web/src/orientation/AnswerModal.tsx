// Answers an orientation request: the target establishment's staff answer it in Trame, or the file's
// side types the answer given by phone or mail (then marked so). A refusal needs its reason.
import { Button, Group, Modal, NativeSelect, Radio, Stack, Text, Textarea } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useEffect, useState } from 'react';
import { isApiError } from '../api/client.ts';
import type { OrientationAnswerStatus, OrientationRequestView } from '../api/types.ts';
import { fr } from '../i18n/fr.ts';
import { selectOptions } from '../lib/forms.ts';
import { patientName } from '../lib/names.ts';
import { notifySuccess } from '../lib/notify.ts';
import { useAnswerRequest } from './api.ts';
import { orientationErrorMessage } from './format.ts';
import { REFUSAL_REASONS, refusalReasonLabels } from './labels.ts';
import { OrientationError } from './OrientationError.tsx';

const texts = fr.orientation.answer;
const STATUSES: OrientationAnswerStatus[] = ['accepted', 'refused', 'waiting_list'];
const reasonOptions = selectOptions(REFUSAL_REASONS, refusalReasonLabels, fr.common.choose);

type Props = {
  /** The request answered; null when the dialog is closed. */
  request: OrientationRequestView | null;
  /** `requester`: the file's side records an answer received by phone or mail. */
  mode: 'target' | 'requester';
  initialStatus?: OrientationAnswerStatus | null;
  onClose: () => void;
};

export function AnswerModal({ request, mode, initialStatus = null, onClose }: Props) {
  const answer = useAnswerRequest();
  const [status, setStatus] = useState<OrientationAnswerStatus | null>(initialStatus);
  const [reason, setReason] = useState<string | null>(null);
  const [note, setNote] = useState('');
  const [errors, setErrors] = useState<{ status?: string; reason?: string }>({});
  const requestId = request?.id;

  useEffect(() => {
    if (!requestId) return;
    setStatus(initialStatus);
    setReason(null);
    setNote('');
    setErrors({});
    answer.reset();
    // a fresh form for each request opened
  }, [requestId, initialStatus]);

  const submit = () => {
    if (!request) return;
    if (!status) return setErrors({ status: texts.statusRequired });
    if (status === 'refused' && !reason) return setErrors({ reason: texts.reasonRequired });
    answer.mutate(
      { request, answer: { status, ...(status === 'refused' ? { refusalReason: reason! } : {}), ...(note.trim() ? { note: note.trim() } : {}) } },
      {
        onSuccess: () => {
          notifySuccess(mode === 'requester' ? texts.recorded : texts.done[status]!);
          onClose();
        },
        onError: (error) => {
          // someone else answered or cancelled meanwhile: the list reloads, say so and close
          if (isApiError(error, 409) || isApiError(error, 404)) {
            notifications.show({ title: fr.errors.title, message: orientationErrorMessage(error), color: 'red', autoClose: 10_000 });
            onClose();
          }
        },
      },
    );
  };

  const patient = request?.patient ? patientName(request.patient) : fr.orientation.incoming.unknownPatient;
  return (
    <Modal opened={request !== null} onClose={onClose} title={mode === 'requester' ? texts.recordTitle : texts.title} size="lg">
      {request && (
        <Stack>
          <Text>{mode === 'requester' ? texts.recordIntro(request.organization.name) : texts.intro(patient, request.offer.name)}</Text>
          {answer.isError && !isApiError(answer.error, 409) && <OrientationError error={answer.error} />}
          <Radio.Group
            label={texts.status}
            value={status}
            error={errors.status}
            onChange={(value) => {
              setStatus(value as OrientationAnswerStatus);
              setErrors({});
            }}
          >
            <Stack gap="xs" mt="xs">
              {STATUSES.map((value) => (
                <Radio key={value} value={value} label={texts.choices[value]} />
              ))}
            </Stack>
          </Radio.Group>
          {status === 'refused' && (
            <NativeSelect
              label={texts.reason}
              data={reasonOptions}
              value={reason ?? ''}
              error={errors.reason}
              onChange={(event) => {
                setReason(event.currentTarget.value || null);
                setErrors({});
              }}
            />
          )}
          <Textarea
            label={texts.note}
            description={texts.noteHelp}
            autosize
            minRows={2}
            maxLength={2000}
            value={note}
            onChange={(event) => setNote(event.currentTarget.value)}
          />
          <Group justify="flex-end">
            <Button variant="default" onClick={onClose}>
              {fr.common.cancel}
            </Button>
            <Button loading={answer.isPending} onClick={submit}>
              {texts.save}
            </Button>
          </Group>
        </Stack>
      )}
    </Modal>
  );
}
