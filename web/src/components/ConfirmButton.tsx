// A destructive action asked once, clearly: the button opens a dialog that says what will happen.
import { Button, Group, Modal, Stack, Text, type ButtonProps } from '@mantine/core';
import { useDisclosure } from '@mantine/hooks';
import { fr } from '../i18n/fr.ts';

type Props = {
  /** The button's visible text and, when it needs more context, its accessible name. */
  label: string;
  ariaLabel?: string;
  title: string;
  message: string;
  confirmLabel: string;
  loading?: boolean;
  onConfirm: (close: () => void) => void;
} & Pick<ButtonProps, 'size' | 'variant'>;

export function ConfirmButton({ label, ariaLabel, title, message, confirmLabel, loading, onConfirm, ...buttonProps }: Props) {
  const [opened, { open, close }] = useDisclosure(false);
  return (
    <>
      <Button color="red.9" variant="outline" aria-label={ariaLabel} {...buttonProps} onClick={open}>
        {label}
      </Button>
      <Modal opened={opened} onClose={close} title={title} centered>
        <Stack>
          <Text>{message}</Text>
          <Group justify="flex-end">
            <Button variant="default" onClick={close}>
              {fr.common.cancel}
            </Button>
            <Button color="red.9" loading={loading} onClick={() => onConfirm(close)}>
              {confirmLabel}
            </Button>
          </Group>
        </Stack>
      </Modal>
    </>
  );
}
