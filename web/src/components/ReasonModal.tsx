// A decision that needs its reason written down (identity alerts, merges, dismissals): the dialog says
// what will happen, asks for the reason, and shows the server's refusal in French if there is one.
import { Button, Group, Modal, Stack, Text, Textarea } from '@mantine/core';
import { useEffect, useState } from 'react';
import { fr } from '../i18n/fr.ts';
import { ErrorAlert } from './ErrorAlert.tsx';

/** The server wants at least 3 characters (docs/api.md). */
const MIN_REASON = 3;

type Props = {
  opened: boolean;
  onClose: () => void;
  title: string;
  /** What will happen, said before the reason is asked. */
  children?: React.ReactNode;
  text?: string;
  reasonLabel: string;
  reasonHelp?: string;
  confirmLabel: string;
  /** Red for what takes something away (merge, un-merge); the primary colour otherwise. */
  destructive?: boolean;
  loading: boolean;
  error: unknown;
  onConfirm: (reason: string) => void;
};

export function ReasonModal({ opened, onClose, title, children, text, reasonLabel, reasonHelp, confirmLabel, destructive, loading, error, onConfirm }: Props) {
  const [reason, setReason] = useState('');
  const [reasonError, setReasonError] = useState<string | null>(null);
  useEffect(() => {
    if (!opened) {
      setReason('');
      setReasonError(null);
    }
  }, [opened]);
  const confirm = () => {
    if (reason.trim().length < MIN_REASON) {
      setReasonError(fr.identity.reasonTooShort);
      return;
    }
    onConfirm(reason.trim());
  };
  return (
    <Modal opened={opened} onClose={onClose} title={title} size="lg">
      <Stack>
        {text && <Text>{text}</Text>}
        {children}
        {error ? <ErrorAlert error={error} /> : null}
        <Textarea
          label={reasonLabel}
          description={reasonHelp}
          required
          withAsterisk={false}
          autosize
          minRows={2}
          value={reason}
          error={reasonError}
          data-autofocus
          onChange={(event) => {
            setReason(event.currentTarget.value);
            setReasonError(null);
          }}
        />
        <Group justify="flex-end">
          <Button variant="default" onClick={onClose}>
            {fr.common.cancel}
          </Button>
          <Button color={destructive ? 'red.9' : undefined} loading={loading} onClick={confirm}>
            {confirmLabel}
          </Button>
        </Group>
      </Stack>
    </Modal>
  );
}
