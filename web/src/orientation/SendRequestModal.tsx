// Sends an orientation request from a file to one offer: who it goes to, and a message prefilled
// with what the establishment needs to answer (who, where, for what), to complete.
import { Button, Group, Modal, Stack, Text, Textarea } from '@mantine/core';
import { useEffect, useState } from 'react';
import type { FileView, MeView, OrientationRequestView, OrientationResult } from '../api/types.ts';
import { fr } from '../i18n/fr.ts';
import { ageInYears } from '../lib/dates.ts';
import { patientName, personName } from '../lib/names.ts';
import { useSendRequest } from './api.ts';
import { OrientationError } from './OrientationError.tsx';
import { inSentence } from './labels.ts';

const texts = fr.orientation.request;

type Props = {
  file: FileView;
  me: MeView;
  /** The offer chosen; null when the dialog is closed. */
  result: OrientationResult | null;
  /** What the search looked for, in words (« médecin généraliste, maison de santé »). */
  need: string;
  onClose: () => void;
  onSent: (request: OrientationRequestView) => void;
};

export function messageTemplate(file: FileView, me: MeView, need: string): string {
  const patient = file.patient;
  const sender = [personName(me), me.acting?.structureName].filter(Boolean).join(', ');
  return texts.template({
    civility: texts.civility[patient.sex] ?? '',
    name: patientName(patient),
    age: fr.dates.age(ageInYears(patient.birthDate)),
    commune: patient.communeName ?? null,
    need: inSentence(need),
    sender,
  });
}

export function SendRequestModal({ file, me, result, need, onClose, onSent }: Props) {
  const send = useSendRequest(file.id);
  const [message, setMessage] = useState('');
  const [messageError, setMessageError] = useState<string | null>(null);
  const offerId = result?.offer.id;

  useEffect(() => {
    if (!offerId) return;
    setMessage(messageTemplate(file, me, need));
    setMessageError(null);
    send.reset();
    // a new template for each offer chosen, not at each refresh of the file
  }, [offerId]);

  const submit = () => {
    if (!result) return;
    if (message.trim() === '') {
      setMessageError(texts.messageRequired);
      return;
    }
    send.mutate({ offerId: result.offer.id, message: message.trim() }, { onSuccess: onSent });
  };

  return (
    <Modal opened={result !== null} onClose={onClose} title={texts.title} size="lg">
      {result && (
        <Stack>
          <div>
            <Text size="sm" c="dimmed">
              {texts.to}
            </Text>
            <Text fw={600}>{result.offer.name}</Text>
            <Text>{result.offer.organization.name}</Text>
          </div>
          {send.isError && <OrientationError error={send.error} />}
          <Textarea
            label={texts.message}
            description={texts.messageHelp}
            required
            withAsterisk={false}
            autosize
            minRows={8}
            maxRows={16}
            maxLength={4000}
            value={message}
            error={messageError}
            data-autofocus
            onChange={(event) => {
              setMessage(event.currentTarget.value);
              setMessageError(null);
            }}
          />
          <Group justify="flex-end">
            <Button variant="default" onClick={onClose}>
              {fr.common.cancel}
            </Button>
            <Button loading={send.isPending} onClick={submit}>
              {texts.send}
            </Button>
          </Group>
        </Stack>
      )}
    </Modal>
  );
}
