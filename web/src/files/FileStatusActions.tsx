// Closing a file (with one of the server's closure reasons) or reopening it. Sends the version read: if
// someone changed the file meanwhile, the server answers 409, the file reloads and the user is told.
import { Button, Group, Modal, Select, Stack, Text } from '@mantine/core';
import { useDisclosure } from '@mantine/hooks';
import { useState } from 'react';
import type { FileView } from '../api/types.ts';
import { fr } from '../i18n/fr.ts';
import { notifyError, notifySuccess } from '../lib/notify.ts';
import { useUpdateFile } from './api.ts';

const texts = fr.files.page;
const reasonOptions = Object.entries(texts.closureReasons).map(([value, label]) => ({ value, label }));

export function FileStatusActions({ file }: { file: FileView }) {
  const update = useUpdateFile(file);
  const [closing, { open, close }] = useDisclosure(false);
  const [reason, setReason] = useState<string | null>(null);
  const [reasonError, setReasonError] = useState<string | null>(null);

  if (file.status === 'closed') {
    return (
      <Button
        variant="outline"
        loading={update.isPending}
        onClick={() => update.mutate({ status: 'open' }, { onSuccess: () => notifySuccess(texts.reopened), onError: notifyError })}
      >
        {texts.reopen}
      </Button>
    );
  }

  const confirmClose = () => {
    if (!reason) {
      setReasonError(fr.validation.required);
      return;
    }
    update.mutate(
      { status: 'closed', closureReason: reason },
      {
        onSuccess: () => {
          notifySuccess(texts.closed);
          setReason(null);
        },
        onError: notifyError,
        onSettled: close,
      },
    );
  };

  return (
    <>
      <Button variant="outline" onClick={open}>
        {texts.close}
      </Button>
      <Modal opened={closing} onClose={close} title={texts.closeTitle}>
        <Stack>
          <Text>{texts.closeText}</Text>
          <Select
            label={texts.closureReasonLabel}
            description={texts.closureReasonHelp}
            data={reasonOptions}
            value={reason}
            error={reasonError}
            data-autofocus
            comboboxProps={{ withinPortal: false }}
            onChange={(value) => {
              setReason(value);
              setReasonError(null);
            }}
          />
          <Group justify="flex-end">
            <Button variant="default" onClick={close}>
              {fr.common.cancel}
            </Button>
            <Button loading={update.isPending} onClick={confirmClose}>
              {texts.confirmClose}
            </Button>
          </Group>
        </Stack>
      </Modal>
    </>
  );
}
