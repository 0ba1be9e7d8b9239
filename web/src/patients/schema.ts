// The patient identity form: what the web checks while typing before sending a PatientInput (the
// server checks again), and what of it the duplicate search needs.
import { z } from 'zod';
import type { PatientInput, PatientView, Sex, StrictTrait, TypedIdentity } from '../api/types.ts';
import type { PatientChanges } from './api.ts';
import { fr } from '../i18n/fr.ts';
import { todayInParis } from '../lib/dates.ts';
import { withoutEmpty } from '../lib/forms.ts';

/** The civil status writes names with letters (accents allowed), spaces, hyphens and apostrophes (as the server). */
const NAME = /^[\p{L}][\p{L} '’-]*$/u;
const OLDEST_BIRTH_YEAR = 1890;

const required = z.string().trim().min(1, fr.validation.required);
const name = required.regex(NAME, fr.validation.name);
const optionalName = z.string().trim().regex(/^$|^[\p{L}][\p{L} '’-]*$/u, fr.validation.name);

/** A real calendar date, not in the future, not before 1890: the checks of the server, in French. */
export function birthDateProblem(value: string): string | null {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(value)) return fr.validation.date;
  const parsed = new Date(`${value}T00:00:00Z`);
  if (Number.isNaN(parsed.getTime()) || parsed.toISOString().slice(0, 10) !== value) return fr.validation.birthDateInvalid;
  if (value > todayInParis()) return fr.validation.birthDateFuture;
  if (parsed.getUTCFullYear() < OLDEST_BIRTH_YEAR) return fr.validation.birthDateTooOld;
  return null;
}

const birthDate = z.string().superRefine((value, ctx) => {
  const problem = birthDateProblem(value);
  if (problem) ctx.addIssue({ code: 'custom', message: problem });
});

export const patientFormSchema = z.object({
  birthName: name,
  usedName: optionalName,
  givenName: name,
  birthGivenNames: optionalName,
  usedGivenName: optionalName,
  birthDate,
  sex: z.enum(['F', 'M', 'U'], { error: fr.validation.choose }),
  // 5 characters: a commune (2A/2B for Corsica) or 99 + a country code.
  birthplaceInsee: z.string().trim().regex(/^$|^(\d{5}|2[AB]\d{3})$/i, fr.validation.insee),
  birthplaceName: z.string(),
  addressLine: z.string(),
  postalCode: z.string().trim().regex(/^(\d{5})?$/, fr.validation.postalCode),
  communeName: z.string(),
  phone: z.string().trim().regex(/^(\+?[\d\s.-]{10,20})?$/, fr.validation.phone),
}).superRefine((values, ctx) => {
  // The list of birth given names starts with the first one, as the civil status (and INSi) write it.
  const first = comparable(values.givenName);
  const list = comparable(values.birthGivenNames);
  if (first && list && list !== first && !list.startsWith(`${first} `)) {
    ctx.addIssue({ code: 'custom', path: ['birthGivenNames'], message: fr.validation.givenNamesStart(values.givenName.trim()) });
  }
});

function comparable(value: string): string {
  return value.normalize('NFD').replace(/\p{M}/gu, '').toLowerCase().replace(/\s+/g, ' ').trim();
}

export type PatientFormValues = Record<keyof z.input<typeof patientFormSchema>, string>;

export const emptyPatientForm: PatientFormValues = {
  birthName: '',
  usedName: '',
  givenName: '',
  birthGivenNames: '',
  usedGivenName: '',
  birthDate: '',
  sex: '',
  birthplaceInsee: '',
  birthplaceName: '',
  addressLine: '',
  postalCode: '',
  communeName: '',
  phone: '',
};

export const STRICT_FIELDS: readonly StrictTrait[] = ['birthName', 'givenName', 'birthGivenNames', 'birthDate', 'sex', 'birthplaceInsee'];

/** The form filled with a stored patient. */
export function formValuesOf(patient: PatientView): PatientFormValues {
  return Object.fromEntries(Object.keys(emptyPatientForm).map((key) => [key, String(patient[key as keyof PatientView] ?? '')])) as PatientFormValues;
}

function trimmedValues(values: PatientFormValues): PatientFormValues {
  const trimmed = Object.fromEntries(Object.entries(values).map(([key, value]) => [key, value.trim().replace(/\s+/g, ' ')])) as PatientFormValues;
  return { ...trimmed, birthplaceInsee: trimmed.birthplaceInsee.toUpperCase() };
}

/** Called once the schema accepted the values. */
export function toPatientInput(values: PatientFormValues): PatientInput {
  const trimmed = trimmedValues(values);
  return { ...withoutEmpty(trimmed), birthName: trimmed.birthName, givenName: trimmed.givenName, birthDate: trimmed.birthDate, sex: trimmed.sex as Sex };
}

// The server writes family names and INSEE codes in capitals: typing them in lower case changes nothing.
const CASE_BLIND: readonly string[] = ['birthName', 'usedName', 'birthplaceInsee'];

/** The fields the user changed, an emptied optional field as null (PATCH). */
export function changesOf(patient: PatientView, values: PatientFormValues): PatientChanges {
  const before = trimmedValues(formValuesOf(patient));
  const after = trimmedValues(values);
  const changes: Record<string, string | null> = {};
  for (const key of Object.keys(after) as (keyof PatientFormValues)[]) {
    const same = CASE_BLIND.includes(key) ? before[key].toUpperCase() === after[key].toUpperCase() : before[key] === after[key];
    if (!same) changes[key] = after[key] === '' ? null : after[key];
  }
  return changes as PatientChanges;
}

/**
 * What the duplicate search needs, once birth name, first given name and birth date are valid; the
 * sex when chosen (unknown otherwise). Null while the identity is incomplete.
 */
export function typedIdentityOf(values: PatientFormValues, excludePatientId?: string): TypedIdentity | null {
  const trimmed = trimmedValues(values);
  if (!NAME.test(trimmed.birthName) || !NAME.test(trimmed.givenName) || birthDateProblem(trimmed.birthDate)) return null;
  const usedName = NAME.test(trimmed.usedName) ? trimmed.usedName : undefined;
  const sex: Sex = trimmed.sex === 'F' || trimmed.sex === 'M' ? trimmed.sex : 'U';
  return {
    birthName: trimmed.birthName,
    ...(usedName ? { usedName } : {}),
    givenName: trimmed.givenName,
    birthDate: trimmed.birthDate,
    sex,
    ...(excludePatientId ? { excludePatientId } : {}),
  };
}

/** Whether an edit touches what the server compares for duplicates: names or birth date. */
export function namesOrBirthDateChanged(patient: PatientView, values: PatientFormValues): boolean {
  const changes = changesOf(patient, values);
  return ['birthName', 'usedName', 'givenName', 'birthDate'].some((key) => key in changes);
}
