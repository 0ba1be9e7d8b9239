// Adding a professional to the care team: find them in the directory, say their role.
import { Button, Group, Modal, NativeSelect, Stack } from '@mantine/core';
import { useForm } from '@mantine/form';
import { zod4Resolver } from 'mantine-form-zod-resolver';
import { useState } from 'react';
import { z } from 'zod';
import { CARE_TEAM_ROLES, type CareTeamRole, type DirectoryPerson } from '../api/types.ts';
import { ErrorAlert } from '../components/ErrorAlert.tsx';
import { fr } from '../i18n/fr.ts';
import { selectOptions, setServerFieldErrors } from '../lib/forms.ts';
import { personName } from '../lib/names.ts';
import { notifySuccess } from '../lib/notify.ts';
import { useAddTeamMember } from './api.ts';
import { PersonSearch } from './PersonSearch.tsx';

const memberSchema = z.object({
  personId: z.string().min(1, fr.team.personRequired),
  role: z.enum(CARE_TEAM_ROLES, { error: fr.team.roleRequired }),
});

const ROLE_OPTIONS = selectOptions(CARE_TEAM_ROLES, fr.roles.careTeam, fr.team.rolePlaceholder);

export function AddMemberModal({ fileId, opened, onClose }: { fileId: string; opened: boolean; onClose: () => void }) {
  const add = useAddTeamMember(fileId);
  const [person, setPerson] = useState<DirectoryPerson | null>(null);
  const form = useForm({ initialValues: { personId: '', role: '' }, validate: zod4Resolver(memberSchema) });

  const close = () => {
    form.reset();
    setPerson(null);
    add.reset();
    onClose();
  };

  const submit = form.onSubmit((values) =>
    add.mutate(
      { personId: values.personId, role: values.role as CareTeamRole },
      {
        onSuccess: () => {
          if (person) notifySuccess(fr.team.added(personName(person)));
          close();
        },
        onError: (error) => setServerFieldErrors(form, error),
      },
    ),
  );

  return (
    <Modal opened={opened} onClose={close} title={fr.team.addTitle} size="lg">
      <form onSubmit={submit} noValidate>
        <Stack>
          {add.isError && Object.keys(form.errors).length === 0 && <ErrorAlert error={add.error} />}
          <PersonSearch
            value={person}
            error={form.errors.personId}
            onChange={(chosen) => {
              setPerson(chosen);
              form.setFieldValue('personId', chosen?.id ?? '');
            }}
          />
          <NativeSelect label={fr.team.role} data={ROLE_OPTIONS} required withAsterisk={false} {...form.getInputProps('role')} />
          <Group justify="flex-end">
            <Button variant="default" onClick={close}>
              {fr.common.cancel}
            </Button>
            <Button type="submit" loading={add.isPending}>
              {fr.team.confirmAdd}
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}
