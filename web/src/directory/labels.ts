// The French labels of the offers' thesauri (src/orientation/rules.ts: kinds of care, specialties,
// situations accepted, parts of a complete description), typed by their codes. The texts live in
// fr.ts (`fr.offers`); this is the one module the screens import them from (directory, orientation).
import type { CareKind, Condition, DescriptionPart, Specialty } from '../../../src/orientation/rules.ts';
import { CARE_KINDS, CONDITIONS, SPECIALTIES } from '../../../src/orientation/rules.ts';
import { fr } from '../i18n/fr.ts';

export { CARE_KINDS, CONDITIONS, SPECIALTIES };
export type { CareKind, Condition, DescriptionPart, Specialty };

export const careKindLabels: Record<CareKind, string> = fr.offers.careKinds;
export const specialtyLabels: Record<Specialty, string> = fr.offers.specialties;
export const conditionLabels: Record<Condition, string> = fr.offers.conditions;
export const missingPartLabels: Record<DescriptionPart, string> = fr.offers.missingParts;

/** A label of an open thesaurus, or the code itself when the server knows a newer one. */
export function labelOf(labels: Record<string, string>, code: string): string {
  return labels[code] ?? code;
}

/** Options of a Select or MultiSelect, in the thesaurus' order. */
export function optionsOf<T extends string>(codes: readonly T[], labels: Record<T, string>): { value: T; label: string }[] {
  return codes.map((value) => ({ value, label: labels[value] }));
}

/** « capacité, horaires » */
export function missingText(missing: readonly string[]): string {
  return missing.map((part) => labelOf(missingPartLabels, part)).join(', ');
}

/** Professions of the search filter: RPPS profession codes, most searched first. */
export const PROFESSION_CODES = ['10', '60', '21', '70', '40', '50'] as const;
