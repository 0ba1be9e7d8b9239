// Creating a patient (after a search found nobody) or correcting one's identity. Fields are checked as
// they are left; once birth name, first given name and birth date are valid, the records that may be
// the same person are searched and shown above the save button (identity vigilance, R-INS-7).
import { Alert, Button, Group, NativeSelect, Paper, SimpleGrid, Stack, Text, TextInput, Title } from '@mantine/core';
import { useForm } from '@mantine/form';
import { useDebouncedValue } from '@mantine/hooks';
import { zod4Resolver } from 'mantine-form-zod-resolver';
import { useEffect, useRef, useState } from 'react';
import type { DuplicateCandidate, PatientView, Sex, StrictTrait, TypedIdentity } from '../api/types.ts';
import { ErrorAlert } from '../components/ErrorAlert.tsx';
import { fr } from '../i18n/fr.ts';
import { todayInParis } from '../lib/dates.ts';
import { requiredField, selectOptions, setServerFieldErrors } from '../lib/forms.ts';
import { possibleDuplicatesOf, useCreatePatient, useDuplicateCandidates, useUpdatePatient } from './api.ts';
import { DuplicateCandidates } from './DuplicateCandidates.tsx';
import {
  changesOf,
  emptyPatientForm,
  formValuesOf,
  namesOrBirthDateChanged,
  patientFormSchema,
  STRICT_FIELDS,
  toPatientInput,
  typedIdentityOf,
  type PatientFormValues,
} from './schema.ts';

const labels = fr.patients.fields;
const SEX_OPTIONS = selectOptions(['F', 'M', 'U'] as const, fr.patients.sex, fr.common.choose);
/** How long typing must pause before the duplicate search runs. */
const DUPLICATE_SEARCH_DELAY_MS = 400;

/**
 * The candidates to review for the identity typed now: those the live search found, plus those the
 * server named when it stopped a save (409 `patients.possible_duplicates`) for this same identity.
 */
function useDuplicateReview(typed: TypedIdentity | null) {
  const typedKey = typed ? JSON.stringify(typed) : '';
  const [debouncedKey] = useDebouncedValue(typedKey, DUPLICATE_SEARCH_DELAY_MS);
  const search = useDuplicateCandidates(debouncedKey ? (JSON.parse(debouncedKey) as TypedIdentity) : null);
  const [fromServer, setFromServer] = useState<{ key: string; candidates: DuplicateCandidate[] }>({ key: '', candidates: [] });
  const [reviewed, setReviewed] = useState<ReadonlySet<string>>(new Set());

  const live = debouncedKey ? (search.data?.items ?? []) : [];
  const shown = [...(fromServer.key === typedKey ? fromServer.candidates : []), ...live].filter(
    (candidate, index, all) => all.findIndex((other) => other.patient.id === candidate.patient.id) === index,
  );
  return {
    shown,
    reviewed,
    unreviewed: shown.filter((candidate) => !reviewed.has(candidate.patient.id)),
    reviewedIds: shown.map((candidate) => candidate.patient.id).filter((id) => reviewed.has(id)),
    searching: typedKey !== '' && (typedKey !== debouncedKey || search.isFetching),
    review: (patientId: string, checked: boolean) =>
      setReviewed((previous) => {
        const next = new Set(previous);
        if (checked) next.add(patientId);
        else next.delete(patientId);
        return next;
      }),
    stoppedBy: (candidates: DuplicateCandidate[]) => setFromServer({ key: typedKey, candidates }),
  };
}

type Props =
  | { mode: 'create'; initialValues: Partial<PatientFormValues>; onCancel: () => void; onSaved: (patient: PatientView) => void }
  | { mode: 'edit'; patient: PatientView; onCancel: () => void; onSaved: (patient: PatientView) => void };

export function PatientForm(props: Props) {
  return props.mode === 'create' ? <CreatePatientForm {...props} /> : <EditPatientForm {...props} />;
}

function CreatePatientForm({ initialValues, onCancel, onSaved }: Extract<Props, { mode: 'create' }>) {
  const create = useCreatePatient();
  const form = usePatientForm({ ...emptyPatientForm, ...initialValues });
  const duplicates = useDuplicateReview(typedIdentityOf(form.values));
  return (
    <IdentityForm
      form={form}
      duplicates={duplicates}
      mutation={create}
      editing={false}
      heading={fr.patients.formHeading}
      intro={fr.patients.formIntro}
      submitLabel={fr.patients.create}
      onCancel={onCancel}
      onValid={(values, handlers) => create.mutate({ input: toPatientInput(values), reviewedCandidates: duplicates.reviewedIds }, { onSuccess: onSaved, ...handlers })}
    />
  );
}

function EditPatientForm({ patient, onCancel, onSaved }: Extract<Props, { mode: 'edit' }>) {
  const update = useUpdatePatient(patient);
  const [nothingChanged, setNothingChanged] = useState(false);
  const form = usePatientForm(formValuesOf(patient), () => setNothingChanged(false));
  const typed = namesOrBirthDateChanged(patient, form.values) ? typedIdentityOf(form.values, patient.id) : null;
  const duplicates = useDuplicateReview(typed);
  const locked = patient.identity.strictTraitsLocked;
  return (
    <IdentityForm
      form={form}
      duplicates={duplicates}
      mutation={update}
      editing
      heading={fr.patients.edit.heading}
      intro={fr.patients.edit.intro}
      submitLabel={fr.patients.edit.save}
      lockedTraits={locked ? STRICT_FIELDS : []}
      notice={
        locked ? (
          <Alert color="blue" variant="light">
            {fr.patients.edit.locked}
          </Alert>
        ) : patient.identityStatus === 'VALI' ? (
          <Alert color="orange" variant="light">
            {fr.patients.edit.validatedWarning}
          </Alert>
        ) : null
      }
      footer={nothingChanged ? <Text role="status">{fr.patients.edit.nothingChanged}</Text> : null}
      onCancel={onCancel}
      onValid={(values, handlers) => {
        const changes = changesOf(patient, values);
        if (Object.keys(changes).length === 0) {
          setNothingChanged(true);
          return;
        }
        update.mutate({ changes, reviewedCandidates: duplicates.reviewedIds }, { onSuccess: onSaved, ...handlers });
      }}
    />
  );
}

function usePatientForm(initialValues: PatientFormValues, onValuesChange?: () => void) {
  return useForm<PatientFormValues>({ initialValues, validate: zod4Resolver(patientFormSchema), validateInputOnBlur: true, onValuesChange });
}

type FormHandle = ReturnType<typeof usePatientForm>;
type SaveHandlers = { onError: (error: unknown) => void };

type IdentityFormProps = {
  form: FormHandle;
  duplicates: ReturnType<typeof useDuplicateReview>;
  mutation: { isPending: boolean; isError: boolean; error: unknown };
  editing: boolean;
  heading: string;
  intro: string;
  submitLabel: string;
  lockedTraits?: readonly StrictTrait[];
  notice?: React.ReactNode;
  footer?: React.ReactNode;
  onCancel: () => void;
  onValid: (values: PatientFormValues, handlers: SaveHandlers) => void;
};

function IdentityForm({ form, duplicates, mutation, editing, heading, intro, submitLabel, lockedTraits = [], notice, footer, onCancel, onValid }: IdentityFormProps) {
  const headingId = editing ? 'patient-form-edit' : 'patient-form-new';
  const candidatesHeading = useRef<HTMLHeadingElement>(null);
  const [reviewError, setReviewError] = useState(false);
  const [focusRequest, setFocusRequest] = useState(0);
  useEffect(() => {
    if (focusRequest > 0) candidatesHeading.current?.focus();
  }, [focusRequest]);
  const stop = () => {
    setReviewError(true);
    setFocusRequest((n) => n + 1);
  };

  const submit = form.onSubmit((values) => {
    if (duplicates.unreviewed.length > 0) {
      stop();
      return;
    }
    onValid(values, {
      onError: (error) => {
        const candidates = possibleDuplicatesOf(error);
        if (candidates) {
          duplicates.stoppedBy(candidates);
          stop();
        } else setServerFieldErrors(form, error);
      },
    });
  });

  const stoppedForDuplicates = possibleDuplicatesOf(mutation.error) !== null;
  const showAlert = mutation.isError && !stoppedForDuplicates && Object.keys(form.errors).length === 0;
  const locked = (field: StrictTrait) =>
    lockedTraits.includes(field) ? { readOnly: true, variant: 'filled' as const, description: fr.patients.edit.lockedField } : {};
  const sexLocked = lockedTraits.includes('sex');

  return (
    <Paper withBorder p="md" radius="md" component="section" aria-labelledby={headingId}>
      <form onSubmit={submit} noValidate>
        <Stack>
          <div>
            <Title order={2} id={headingId}>
              {heading}
            </Title>
            <Text>{intro}</Text>
          </div>
          {notice}
          {showAlert && <ErrorAlert error={mutation.error} />}
          <Title order={3} size="h4">
            {fr.patients.identitySection}
          </Title>
          <SimpleGrid cols={{ base: 1, sm: 2 }}>
            <TextInput label={labels.birthName} autoComplete="off" {...requiredField} description={labels.birthNameHelp} {...form.getInputProps('birthName')} {...locked('birthName')} />
            <TextInput label={labels.usedName} description={labels.usedNameHelp} autoComplete="off" {...form.getInputProps('usedName')} />
            <TextInput label={labels.givenName} autoComplete="off" {...requiredField} description={labels.givenNameHelp} {...form.getInputProps('givenName')} {...locked('givenName')} />
            <TextInput
              label={labels.birthGivenNames}
              description={labels.birthGivenNamesHelp}
              autoComplete="off"
              {...form.getInputProps('birthGivenNames')}
              {...locked('birthGivenNames')}
            />
            <TextInput label={labels.usedGivenName} description={labels.usedGivenNameHelp} autoComplete="off" {...form.getInputProps('usedGivenName')} />
            <TextInput label={labels.birthDate} type="date" min="1890-01-01" max={todayInParis()} {...requiredField} {...form.getInputProps('birthDate')} {...locked('birthDate')} />
            {sexLocked ? (
              <TextInput label={labels.sex} value={fr.patients.sex[form.values.sex as Sex] ?? ''} readOnly variant="filled" description={fr.patients.edit.lockedField} />
            ) : (
              <NativeSelect label={labels.sex} data={SEX_OPTIONS} {...requiredField} {...form.getInputProps('sex')} />
            )}
            <TextInput
              label={labels.birthplaceInsee}
              description={labels.birthplaceInseeHelp}
              autoComplete="off"
              maxLength={5}
              {...form.getInputProps('birthplaceInsee')}
              {...locked('birthplaceInsee')}
            />
            <TextInput label={labels.birthplaceName} autoComplete="off" {...form.getInputProps('birthplaceName')} />
          </SimpleGrid>
          <DuplicateCandidates
            headingRef={candidatesHeading}
            candidates={duplicates.shown}
            reviewed={duplicates.reviewed}
            onReview={(id, checked) => {
              duplicates.review(id, checked);
              setReviewError(false);
            }}
            searching={duplicates.searching}
            reviewError={reviewError && duplicates.unreviewed.length > 0}
            editing={editing}
          />
          <Title order={3} size="h4">
            {fr.patients.contactSection}
          </Title>
          <SimpleGrid cols={{ base: 1, sm: 2 }}>
            <TextInput label={labels.addressLine} autoComplete="off" {...form.getInputProps('addressLine')} />
            <TextInput label={labels.postalCode} inputMode="numeric" maxLength={5} autoComplete="off" {...form.getInputProps('postalCode')} />
            <TextInput label={labels.communeName} autoComplete="off" {...form.getInputProps('communeName')} />
            <TextInput label={labels.phone} type="tel" autoComplete="off" {...form.getInputProps('phone')} />
          </SimpleGrid>
          {footer}
          <Group justify="flex-end">
            <Button variant="default" onClick={onCancel}>
              {fr.common.cancel}
            </Button>
            <Button type="submit" loading={mutation.isPending}>
              {submitLabel}
            </Button>
          </Group>
        </Stack>
      </form>
    </Paper>
  );
}
