// The administration forms: what the web checks before sending (the server checks again).
import { z } from 'zod';
import { MEMBERSHIP_ROLES, SECTORS, STRUCTURE_KINDS } from '../api/types.ts';
import { fr } from '../i18n/fr.ts';

const required = z.string().trim().min(1, fr.validation.required);
const choice = <T extends readonly [string, ...string[]]>(values: T) => z.enum(values, { error: fr.validation.choose });

export const personSchema = z.object({
  email: z.string().trim().regex(/^[^\s@]+@[^\s@]+\.[^\s@]+$/, fr.validation.email),
  givenName: required,
  familyName: required,
  sector: choice(SECTORS),
  profession: z.string(),
  rpps: z.string().trim().regex(/^(\d{11})?$/, fr.validation.rpps),
  password: z.string().min(12, fr.validation.password),
  structureId: z.string().min(1, fr.validation.choose),
  role: choice(MEMBERSHIP_ROLES),
});

export const structureSchema = z.object({
  name: required,
  kind: choice(STRUCTURE_KINDS),
  finess: z.string().trim().regex(/^([0-9A-Za-z]{9})?$/, fr.validation.finess),
  siret: z.string().trim().regex(/^(\d{14})?$/, fr.validation.siret),
  communeName: z.string(),
});

export type PersonFormValues = Record<keyof z.input<typeof personSchema>, string>;
export type StructureFormValues = Record<keyof z.input<typeof structureSchema>, string>;
