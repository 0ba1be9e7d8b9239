// « Signaler une rupture de parcours »: from the register, or from a file (the patient's commune then
// comes by default).
import { Button, Group, Modal, NativeSelect, SimpleGrid, Stack, TextInput, Textarea } from '@mantine/core';
import { useForm } from '@mantine/form';
import { useDisclosure } from '@mantine/hooks';
import { isApiError } from '../api/client.ts';
import { fr } from '../i18n/fr.ts';
import { todayInParis } from '../lib/dates.ts';
import { requiredField } from '../lib/forms.ts';
import { notifyError, notifySuccess } from '../lib/notify.ts';
import { useRecordBreakdown } from './api.ts';

const b = fr.breakdowns;
const f = b.form;
const options = (labels: Record<string, string>) => [{ value: '', label: fr.common.choose, disabled: true }, ...Object.entries(labels).map(([value, label]) => ({ value, label }))];

type Values = { occurredOn: string; kind: string; cause: string; consequence: string; structures: string; description: string; communeInsee: string };

export function BreakdownModal({ opened, onClose, fileId }: { opened: boolean; onClose: () => void; fileId?: string }) {
  const record = useRecordBreakdown(fileId);
  const form = useForm<Values>({
    initialValues: { occurredOn: todayInParis(), kind: '', cause: '', consequence: '', structures: '', description: '', communeInsee: '' },
    validate: {
      occurredOn: (v) => (!v ? fr.validation.required : v > todayInParis() ? fr.validation.serverField : null),
      kind: (v) => (v ? null : fr.validation.required),
      cause: (v) => (v ? null : fr.validation.required),
      consequence: (v) => (v ? null : fr.validation.required),
    },
  });
  const submit = (values: Values) =>
    record.mutate(
      {
        occurredOn: values.occurredOn,
        kind: values.kind,
        cause: values.cause,
        consequence: values.consequence,
        structuresInvolved: values.structures.split('\n').map((s) => s.trim()).filter(Boolean),
        description: values.description.trim() || null,
        communeInsee: values.communeInsee.trim() || null,
      },
      {
        onSuccess: () => {
          notifySuccess(f.recorded);
          form.reset();
          onClose();
        },
        onError: (error) => {
          if (isApiError(error, 400)) for (const path of Object.keys(error.fields)) form.setFieldError(path as keyof Values, fr.validation.serverField);
          else notifyError(error);
        },
      },
    );
  return (
    <Modal opened={opened} onClose={onClose} title={fileId ? f.fromFileTitle : f.title} size="lg">
      <form noValidate onSubmit={form.onSubmit(submit)}>
        <Stack>
          <SimpleGrid cols={{ base: 1, sm: 2 }}>
            <TextInput type="date" label={f.occurredOn} {...requiredField} {...form.getInputProps('occurredOn')} />
            <NativeSelect label={f.kind} data={options(b.kinds)} {...requiredField} {...form.getInputProps('kind')} />
            <NativeSelect label={f.cause} data={options(b.causes)} {...requiredField} {...form.getInputProps('cause')} />
            <NativeSelect label={f.consequence} data={options(b.consequences)} {...requiredField} {...form.getInputProps('consequence')} />
          </SimpleGrid>
          <Textarea label={f.structures} description={f.structuresHelp} autosize minRows={2} {...form.getInputProps('structures')} />
          <Textarea label={f.description} autosize minRows={3} {...form.getInputProps('description')} />
          <TextInput label={f.commune} description={fileId ? f.communeHelp : undefined} maxLength={5} {...form.getInputProps('communeInsee')} />
          <Group justify="flex-end">
            <Button variant="default" onClick={onClose}>
              {fr.common.cancel}
            </Button>
            <Button type="submit" loading={record.isPending}>
              {f.submit}
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}

/** The file page's action: a breakdown seen in this patient's path. */
export function BreakdownButton({ fileId }: { fileId: string }) {
  const [opened, { open, close }] = useDisclosure(false);
  return (
    <>
      <Button variant="outline" color="gray.8" onClick={open}>
        {f.button}
      </Button>
      <BreakdownModal opened={opened} onClose={close} fileId={fileId} />
    </>
  );
}
