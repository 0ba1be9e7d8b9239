// Creating a person with a first membership (structure and role) and an initial password.
import { Button, Group, Modal, NativeSelect, PasswordInput, SimpleGrid, Stack, TextInput } from '@mantine/core';
import { useForm } from '@mantine/form';
import { zod4Resolver } from 'mantine-form-zod-resolver';
import { MEMBERSHIP_ROLES, SECTORS, type MembershipRole, type Sector } from '../api/types.ts';
import { ErrorAlert } from '../components/ErrorAlert.tsx';
import { useStructures } from '../directory/api.ts';
import { fr } from '../i18n/fr.ts';
import { closeOnSaved, requiredField, selectOptions, withoutEmpty } from '../lib/forms.ts';
import { useCreatePerson } from './api.ts';
import { personSchema, type PersonFormValues } from './schemas.ts';

const labels = fr.admin.people.fields;
const EMPTY: PersonFormValues = {
  email: '',
  givenName: '',
  familyName: '',
  sector: '',
  profession: '',
  rpps: '',
  password: '',
  structureId: '',
  role: '',
};

export function CreatePersonModal({ opened, onClose }: { opened: boolean; onClose: () => void }) {
  const create = useCreatePerson();
  const structures = useStructures();
  const form = useForm({ initialValues: EMPTY, validate: zod4Resolver(personSchema) });
  const structureLabels = Object.fromEntries((structures.data?.items ?? []).map((structure) => [structure.id, structure.name]));

  const close = () => {
    form.reset();
    create.reset();
    onClose();
  };

  const submit = form.onSubmit(({ structureId, role, sector, ...person }) => {
    const input = {
      ...withoutEmpty(person),
      email: person.email.trim(),
      givenName: person.givenName.trim(),
      familyName: person.familyName.trim(),
      password: person.password,
      sector: sector as Sector,
      memberships: [{ structureId, role: role as MembershipRole }],
    };
    create.mutate(input, closeOnSaved(form, fr.admin.people.created, close));
  });

  return (
    <Modal opened={opened} onClose={close} title={fr.admin.people.createTitle} size="xl">
      <form onSubmit={submit} noValidate>
        <Stack>
          {create.isError && Object.keys(form.errors).length === 0 && <ErrorAlert error={create.error} />}
          <SimpleGrid cols={{ base: 1, sm: 2 }}>
            <TextInput label={labels.givenName} {...requiredField} data-autofocus {...form.getInputProps('givenName')} />
            <TextInput label={labels.familyName} {...requiredField} {...form.getInputProps('familyName')} />
            <TextInput label={labels.email} type="email" {...requiredField} {...form.getInputProps('email')} />
            <NativeSelect label={labels.sector} data={selectOptions(SECTORS, fr.admin.sectors, fr.common.choose)} {...requiredField} {...form.getInputProps('sector')} />
            <TextInput label={labels.profession} {...form.getInputProps('profession')} />
            <TextInput label={labels.rpps} description={labels.rppsHelp} inputMode="numeric" {...form.getInputProps('rpps')} />
            <NativeSelect
              label={labels.structure}
              data={selectOptions(Object.keys(structureLabels), structureLabels, fr.common.choose)}
              {...requiredField}
              {...form.getInputProps('structureId')}
            />
            <NativeSelect
              label={labels.role}
              data={selectOptions(MEMBERSHIP_ROLES, fr.roles.membership, fr.common.choose)}
              {...requiredField}
              {...form.getInputProps('role')}
            />
            <PasswordInput
              label={labels.password}
              {...requiredField}
              description={`${fr.common.required}. ${labels.passwordHelp}`}
              autoComplete="new-password"
              {...form.getInputProps('password')}
            />
          </SimpleGrid>
          <Group justify="flex-end">
            <Button variant="default" onClick={close}>
              {fr.common.cancel}
            </Button>
            <Button type="submit" loading={create.isPending}>
              {fr.admin.people.submit}
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}
