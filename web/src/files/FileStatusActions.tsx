// The file's state: suspend (with a reason: a hospital stay, say) and resume, close (with one of the
// closure reasons) or reopen. Sends the version read: if someone changed the file meanwhile, the
// server answers 409, the file reloads and the user is told.
import { Button, Group, Modal, Select, Stack, Text } from '@mantine/core';
import { useDisclosure } from '@mantine/hooks';
import { useState } from 'react';
import type { FileView } from '../api/types.ts';
import { fr } from '../i18n/fr.ts';
import { notifyError, notifySuccess } from '../lib/notify.ts';
import { useUpdateFile } from './api.ts';

const texts = fr.files.page;
const closureOptions = Object.entries(texts.closureReasons).map(([value, label]) => ({ value, label }));
const suspensionOptions = Object.entries(texts.suspensionReasons).map(([value, label]) => ({ value, label }));

type ReasonDialog = { title: string; text: string; label: string; help?: string; options: { value: string; label: string }[]; confirm: string };

/** A change of state that needs a reason, asked once in a dialog. */
function ReasonChange({ dialog, buttonLabel, pending, onConfirm }: { dialog: ReasonDialog; buttonLabel: string; pending: boolean; onConfirm: (reason: string, done: () => void) => void }) {
  const [opened, { open, close }] = useDisclosure(false);
  const [reason, setReason] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);
  const confirm = () => {
    if (!reason) {
      setError(fr.validation.required);
      return;
    }
    onConfirm(reason, () => {
      setReason(null);
      close();
    });
  };
  return (
    <>
      <Button variant="outline" onClick={open}>
        {buttonLabel}
      </Button>
      <Modal opened={opened} onClose={close} title={dialog.title}>
        <Stack>
          <Text>{dialog.text}</Text>
          <Select
            label={dialog.label}
            description={dialog.help}
            data={dialog.options}
            value={reason}
            error={error}
            data-autofocus
            comboboxProps={{ withinPortal: false }}
            onChange={(value) => {
              setReason(value);
              setError(null);
            }}
          />
          <Group justify="flex-end">
            <Button variant="default" onClick={close}>
              {fr.common.cancel}
            </Button>
            <Button loading={pending} onClick={confirm}>
              {dialog.confirm}
            </Button>
          </Group>
        </Stack>
      </Modal>
    </>
  );
}

export function FileStatusActions({ file }: { file: FileView }) {
  const update = useUpdateFile(file);
  const change = (body: Record<string, string>, message: string, done?: () => void) =>
    update.mutate(body, { onSuccess: () => notifySuccess(message), onError: notifyError, onSettled: done });

  if (file.status === 'closed') {
    return (
      <Button variant="outline" loading={update.isPending} onClick={() => change({ status: 'open' }, texts.reopened)}>
        {texts.reopen}
      </Button>
    );
  }
  const close = (
    <ReasonChange
      buttonLabel={texts.close}
      pending={update.isPending}
      dialog={{ title: texts.closeTitle, text: texts.closeText, label: texts.closureReasonLabel, help: texts.closureReasonHelp, options: closureOptions, confirm: texts.confirmClose }}
      onConfirm={(reason, done) => change({ status: 'closed', closureReason: reason }, texts.closed, done)}
    />
  );
  return (
    <Group gap="xs">
      {file.status === 'suspended' ? (
        <Button variant="outline" loading={update.isPending} onClick={() => change({ status: 'open' }, texts.resumed)}>
          {texts.resume}
        </Button>
      ) : (
        <ReasonChange
          buttonLabel={texts.suspend}
          pending={update.isPending}
          dialog={{ title: texts.suspendTitle, text: texts.suspendText, label: texts.suspensionReasonLabel, options: suspensionOptions, confirm: texts.confirmSuspend }}
          onConfirm={(reason, done) => change({ status: 'suspended', suspensionReason: reason }, texts.suspended, done)}
        />
      )}
      {close}
    </Group>
  );
}
