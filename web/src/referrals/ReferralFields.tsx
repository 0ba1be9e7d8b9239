// The fields of a request that the app's form and the public form share: the person, the situation,
// what makes it complex, how urgent, their agreement to be contacted.
import { Checkbox, Fieldset, NativeSelect, SimpleGrid, Stack, TextInput, Textarea } from '@mantine/core';
import type { useForm } from '@mantine/form';
import { fr } from '../i18n/fr.ts';
import { requiredField, selectOptions } from '../lib/forms.ts';

const texts = fr.referrals;
const URGENCIES = ['within_48h', 'within_week', 'within_month', 'not_urgent'] as const;
export const CRITERIA = [
  'isolation', 'falls', 'memory_complaints', 'caregiver_exhausted_or_far', 'multiple_chronic_conditions', 'polymedication',
  'repeated_hospitalisations', 'social_precarity', 'housing', 'disability', 'psychiatric_disorder', 'end_of_life', 'no_gp',
  'refusal_of_care', 'other',
];

export type ReferralFieldValues = {
  structureId: string;
  givenName: string;
  familyName: string;
  birthDate: string;
  personPhone: string;
  situation: string;
  criteria: string[];
  urgency: string;
  consentToContact: boolean;
};

export const emptyReferralFields: ReferralFieldValues = {
  structureId: '', givenName: '', familyName: '', birthDate: '', personPhone: '', situation: '', criteria: [], urgency: '', consentToContact: false,
};

/** The wire shape of the shared fields; empty optional fields left out. */
export function toReferralContent(values: ReferralFieldValues) {
  return {
    structureId: values.structureId,
    person: {
      givenName: values.givenName.trim(),
      familyName: values.familyName.trim(),
      ...(values.birthDate ? { birthDate: values.birthDate } : {}),
      ...(values.personPhone.trim() ? { phone: values.personPhone.trim() } : {}),
    },
    situation: values.situation.trim(),
    criteria: values.criteria,
    urgency: values.urgency,
    consentToContact: values.consentToContact,
  };
}

/** Server field paths (`person.givenName`) as this form's fields. */
export const SERVER_FIELDS: Record<string, keyof ReferralFieldValues> = {
  'person.givenName': 'givenName',
  'person.familyName': 'familyName',
  'person.birthDate': 'birthDate',
  'person.phone': 'personPhone',
  structureId: 'structureId',
  situation: 'situation',
  urgency: 'urgency',
  consentToContact: 'consentToContact',
};

export function validateReferralFields(values: ReferralFieldValues): Partial<Record<keyof ReferralFieldValues, string>> {
  const errors: Partial<Record<keyof ReferralFieldValues, string>> = {};
  if (!values.structureId) errors.structureId = fr.validation.required;
  if (!values.givenName.trim()) errors.givenName = fr.validation.required;
  if (!values.familyName.trim()) errors.familyName = fr.validation.required;
  if (!values.situation.trim()) errors.situation = fr.validation.required;
  if (!values.urgency) errors.urgency = fr.validation.required;
  if (!values.consentToContact) errors.consentToContact = fr.validation.required;
  return errors;
}

type Props = { form: ReturnType<typeof useForm<ReferralFieldValues>>; structures: { id: string; name: string }[]; personLegend: string };

export function ReferralFields({ form, structures, personLegend }: Props) {
  const f = texts.newForm;
  return (
    <Stack>
      <NativeSelect
        label={f.structure}
        data={[{ value: '', label: fr.common.choose, disabled: true }, ...structures.map((s) => ({ value: s.id, label: s.name }))]}
        {...requiredField}
        {...form.getInputProps('structureId')}
      />
      <Fieldset legend={personLegend}>
        <SimpleGrid cols={{ base: 1, sm: 2 }}>
          <TextInput label={f.familyName} autoComplete="off" {...requiredField} {...form.getInputProps('familyName')} />
          <TextInput label={f.givenName} autoComplete="off" {...requiredField} {...form.getInputProps('givenName')} />
          <TextInput label={f.birthDate} type="date" {...form.getInputProps('birthDate')} />
          <TextInput label={f.personPhone} type="tel" autoComplete="off" {...form.getInputProps('personPhone')} />
        </SimpleGrid>
      </Fieldset>
      <Textarea label={f.situation} description={f.situationHelp} autosize minRows={4} maxRows={12} withAsterisk={false} required {...form.getInputProps('situation')} />
      <Checkbox.Group label={f.criteria} {...form.getInputProps('criteria')}>
        <SimpleGrid cols={{ base: 1, sm: 2, md: 3 }} mt="xs" spacing="xs">
          {CRITERIA.map((code) => (
            <Checkbox key={code} value={code} label={texts.criteria[code]} />
          ))}
        </SimpleGrid>
      </Checkbox.Group>
      <NativeSelect label={f.urgency} data={selectOptions(URGENCIES, texts.urgencies, fr.common.choose)} {...requiredField} {...form.getInputProps('urgency')} />
      <Checkbox label={f.consentToContact} {...form.getInputProps('consentToContact', { type: 'checkbox' })} />
    </Stack>
  );
}
