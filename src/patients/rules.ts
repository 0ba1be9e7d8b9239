// Pure rules of the minimal patient identity. The INS rules (domain/rules.md §1-2) come with the identity capability.
import { BadInput } from '#src/core/http/errors.ts';
import { normaliseForSearch } from '#src/core/search-text.ts';

export const OLDEST_BIRTH_YEAR = 1890;

/** A birth date is a real calendar date, not in the future, not before 1890. */
export function checkBirthDate(birthDate: string, now: Date): void {
  const parsed = new Date(`${birthDate}T00:00:00Z`);
  const valid = !Number.isNaN(parsed.getTime()) && parsed.toISOString().slice(0, 10) === birthDate;
  if (!valid) throw new BadInput('patients.birth_date_invalid', 'Not a calendar date', { birthDate: 'not a calendar date' });
  if (parsed.getTime() > now.getTime()) throw new BadInput('patients.birth_date_future', 'Birth date in the future', { birthDate: 'in the future' });
  if (parsed.getUTCFullYear() < OLDEST_BIRTH_YEAR) {
    throw new BadInput('patients.birth_date_too_old', 'Birth date too old', { birthDate: `before ${OLDEST_BIRTH_YEAR}` });
  }
}

export type SearchNames = { searchBirthName: string; searchUsedName: string | null; searchGivenName: string };

export function searchNamesOf(patient: { birthName: string; usedName?: string | null; givenName: string }): SearchNames {
  return {
    searchBirthName: normaliseForSearch(patient.birthName),
    searchUsedName: patient.usedName ? normaliseForSearch(patient.usedName) : null,
    searchGivenName: normaliseForSearch(patient.givenName),
  };
}

export type NameSplit = { family: string; given: string | null };

/**
 * The ways a typed query can read as "family name, then given name" (or the other way round):
 * "le gall ma" → {le gall, ma}, {le, gall ma}, and given-first readings. At most three words are split.
 */
export function nameSplitsOf(query: string): NameSplit[] {
  const words = normaliseForSearch(query).split(' ').filter(Boolean).slice(0, 4);
  if (words.length === 0) return [];
  const splits: NameSplit[] = [{ family: words.join(' '), given: null }];
  for (let cut = 1; cut < words.length && words.length <= 3; cut++) {
    const head = words.slice(0, cut).join(' ');
    const tail = words.slice(cut).join(' ');
    splits.push({ family: head, given: tail }, { family: tail, given: head });
  }
  return splits;
}
