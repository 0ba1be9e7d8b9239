// Creating a patient, after a search found nobody: identity as on the ID document, contact details.
import { Button, Group, NativeSelect, Paper, SimpleGrid, Stack, Text, TextInput, Title } from '@mantine/core';
import { useForm } from '@mantine/form';
import { zod4Resolver } from 'mantine-form-zod-resolver';
import type { PatientView } from '../api/types.ts';
import { ErrorAlert } from '../components/ErrorAlert.tsx';
import { fr } from '../i18n/fr.ts';
import { todayInParis } from '../lib/dates.ts';
import { requiredField, selectOptions, setServerFieldErrors } from '../lib/forms.ts';
import { useCreatePatient } from './api.ts';
import { emptyPatientForm, patientFormSchema, toPatientInput, type PatientFormValues } from './schema.ts';

const labels = fr.patients.fields;
const SEX_OPTIONS = selectOptions(['F', 'M', 'U'] as const, fr.patients.sex, fr.common.choose);

type Props = { initialValues: Partial<PatientFormValues>; onCancel: () => void; onCreated: (patient: PatientView) => void };

export function PatientForm({ initialValues, onCancel, onCreated }: Props) {
  const create = useCreatePatient();
  const form = useForm<PatientFormValues>({
    initialValues: { ...emptyPatientForm, ...initialValues },
    validate: zod4Resolver(patientFormSchema),
  });
  const submit = form.onSubmit((values) =>
    create.mutate(toPatientInput(values), { onSuccess: onCreated, onError: (error) => setServerFieldErrors(form, error) }),
  );
  const showAlert = create.isError && Object.keys(form.errors).length === 0;

  return (
    <Paper withBorder p="md" radius="md" component="section" aria-labelledby="new-patient-title">
      <form onSubmit={submit} noValidate>
        <Stack>
          <div>
            <Title order={2} id="new-patient-title">
              {fr.patients.formHeading}
            </Title>
            <Text>{fr.patients.formIntro}</Text>
          </div>
          {showAlert && <ErrorAlert error={create.error} />}
          <SimpleGrid cols={{ base: 1, sm: 2 }}>
            <TextInput label={labels.birthName} {...requiredField} autoComplete="off" {...form.getInputProps('birthName')} />
            <TextInput label={labels.usedName} autoComplete="off" {...form.getInputProps('usedName')} />
            <TextInput label={labels.givenName} {...requiredField} autoComplete="off" {...form.getInputProps('givenName')} />
            <TextInput
              label={labels.birthGivenNames}
              description={labels.birthGivenNamesHelp}
              autoComplete="off"
              {...form.getInputProps('birthGivenNames')}
            />
            <TextInput label={labels.birthDate} type="date" max={todayInParis()} {...requiredField} {...form.getInputProps('birthDate')} />
            <NativeSelect label={labels.sex} data={SEX_OPTIONS} {...requiredField} {...form.getInputProps('sex')} />
            <TextInput label={labels.birthplaceName} autoComplete="off" {...form.getInputProps('birthplaceName')} />
            <TextInput label={labels.addressLine} autoComplete="off" {...form.getInputProps('addressLine')} />
            <TextInput label={labels.postalCode} inputMode="numeric" maxLength={5} autoComplete="off" {...form.getInputProps('postalCode')} />
            <TextInput label={labels.communeName} autoComplete="off" {...form.getInputProps('communeName')} />
            <TextInput label={labels.phone} type="tel" autoComplete="off" {...form.getInputProps('phone')} />
          </SimpleGrid>
          <Group justify="flex-end">
            <Button variant="default" onClick={onCancel}>
              {fr.common.cancel}
            </Button>
            <Button type="submit" loading={create.isPending}>
              {fr.patients.create}
            </Button>
          </Group>
        </Stack>
      </form>
    </Paper>
  );
}
