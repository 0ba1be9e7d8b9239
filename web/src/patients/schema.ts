// The patient creation form: what the web checks before sending a PatientInput (the server checks again).
import { z } from 'zod';
import type { PatientInput, Sex } from '../api/types.ts';
import { fr } from '../i18n/fr.ts';
import { todayInParis } from '../lib/dates.ts';
import { withoutEmpty } from '../lib/forms.ts';

const required = z.string().trim().min(1, fr.validation.required);

export const patientFormSchema = z.object({
  birthName: required,
  usedName: z.string(),
  givenName: required,
  birthGivenNames: z.string(),
  birthDate: z
    .string()
    .regex(/^\d{4}-\d{2}-\d{2}$/, fr.validation.date)
    .refine((date) => date <= todayInParis(), fr.validation.birthDateFuture),
  sex: z.enum(['F', 'M', 'U'], { error: fr.validation.choose }),
  birthplaceName: z.string(),
  addressLine: z.string(),
  postalCode: z.string().trim().regex(/^(\d{5})?$/, fr.validation.postalCode),
  communeName: z.string(),
  phone: z.string().trim().regex(/^(\+?[\d\s.-]{10,20})?$/, fr.validation.phone),
});

export type PatientFormValues = Record<keyof z.input<typeof patientFormSchema>, string>;

export const emptyPatientForm: PatientFormValues = {
  birthName: '',
  usedName: '',
  givenName: '',
  birthGivenNames: '',
  birthDate: '',
  sex: '',
  birthplaceName: '',
  addressLine: '',
  postalCode: '',
  communeName: '',
  phone: '',
};

/** Called once the schema accepted the values. */
export function toPatientInput(values: PatientFormValues): PatientInput {
  const trimmed = Object.fromEntries(Object.entries(values).map(([key, value]) => [key, value.trim()])) as PatientFormValues;
  return { ...withoutEmpty(trimmed), birthName: trimmed.birthName, givenName: trimmed.givenName, birthDate: trimmed.birthDate, sex: trimmed.sex as Sex };
}
