// Creating a structure: a DAC, a CPTS, a hospital…
import { Button, Group, Modal, NativeSelect, SimpleGrid, Stack, TextInput } from '@mantine/core';
import { useForm } from '@mantine/form';
import { zod4Resolver } from 'mantine-form-zod-resolver';
import { STRUCTURE_KINDS, type StructureKind } from '../api/types.ts';
import { ErrorAlert } from '../components/ErrorAlert.tsx';
import { fr } from '../i18n/fr.ts';
import { closeOnSaved, requiredField, selectOptions, withoutEmpty } from '../lib/forms.ts';
import { useCreateStructure } from './api.ts';
import { structureSchema, type StructureFormValues } from './schemas.ts';

const labels = fr.admin.structures.fields;
const EMPTY: StructureFormValues = { name: '', kind: '', finess: '', siret: '', communeName: '' };

export function CreateStructureModal({ opened, onClose }: { opened: boolean; onClose: () => void }) {
  const create = useCreateStructure();
  const form = useForm({ initialValues: EMPTY, validate: zod4Resolver(structureSchema) });

  const close = () => {
    form.reset();
    create.reset();
    onClose();
  };

  const submit = form.onSubmit((values) => {
    const trimmed = withoutEmpty(values);
    create.mutate(
      { ...trimmed, name: values.name.trim(), kind: values.kind as StructureKind },
      closeOnSaved(form, fr.admin.structures.created, close),
    );
  });

  return (
    <Modal opened={opened} onClose={close} title={fr.admin.structures.createTitle} size="lg">
      <form onSubmit={submit} noValidate>
        <Stack>
          {create.isError && Object.keys(form.errors).length === 0 && <ErrorAlert error={create.error} />}
          <SimpleGrid cols={{ base: 1, sm: 2 }}>
            <TextInput label={labels.name} {...requiredField} data-autofocus {...form.getInputProps('name')} />
            <NativeSelect
              label={labels.kind}
              data={selectOptions(STRUCTURE_KINDS, fr.admin.kinds, fr.common.choose)}
              {...requiredField}
              {...form.getInputProps('kind')}
            />
            <TextInput label={labels.finess} description={labels.finessHelp} {...form.getInputProps('finess')} />
            <TextInput label={labels.siret} description={labels.siretHelp} inputMode="numeric" {...form.getInputProps('siret')} />
            <TextInput label={labels.communeName} {...form.getInputProps('communeName')} />
          </SimpleGrid>
          <Group justify="flex-end">
            <Button variant="default" onClick={close}>
              {fr.common.cancel}
            </Button>
            <Button type="submit" loading={create.isPending}>
              {fr.admin.structures.submit}
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}
