// Identity vigilance (R-INS-7): which existing records may be the same person as the identity being
// typed, and how sure we are. Pure: the repository fetches a small set of rows that share a birth date
// (or its day/month transposition), the exact names, or an INS; this file decides and explains.
import { normaliseForSearch } from '#src/core/search-text.ts';
import { frenchPhoneticKey } from './phonetic.ts';

export type CandidateReason =
  | 'same_ins'
  | 'same_names'
  | 'phonetic_names'
  | 'similar_names'
  | 'used_name_matches_birth_name'
  | 'same_birth_date'
  | 'transposed_birth_date'
  | 'same_given_name'
  | 'same_sex'
  | 'different_sex';

/** Sex is F, M or U (unknown); typed as a string so stored rows fit without a cast. */
export type TypedIdentity = { birthName: string; usedName?: string | null | undefined; givenName: string; birthDate: string; sex: string };
export type StoredIdentity = TypedIdentity & { sameIns: boolean };
export type CandidateScore = { score: number; reasons: CandidateReason[] };

/** A score from which a record is shown as a possible duplicate. */
export const CANDIDATE_THRESHOLD = 60;
/** Similarity (trigrams, as pg_trgm computes it) from which two family names count as a likely typo. */
export const SIMILAR_NAME_THRESHOLD = 0.45;

/** The date with day and month swapped, when that is another real date: 1950-03-07 → 1950-07-03. */
export function transposedDate(birthDate: string): string | null {
  const [year, month, day] = birthDate.split('-');
  if (!year || !month || !day || month === day || Number(day) > 12) return null;
  return `${year}-${day}-${month}`;
}

function trigrams(value: string): Set<string> {
  const grams = new Set<string>();
  for (const word of value.split(' ').filter(Boolean)) {
    const padded = `  ${word} `;
    for (let i = 0; i + 3 <= padded.length; i++) grams.add(padded.slice(i, i + 3));
  }
  return grams;
}

/** pg_trgm's similarity: shared trigrams over all trigrams of both (words padded with two spaces before, one after). */
export function trigramSimilarity(a: string, b: string): number {
  const left = trigrams(normaliseForSearch(a));
  const right = trigrams(normaliseForSearch(b));
  if (left.size === 0 || right.size === 0) return 0;
  let shared = 0;
  for (const gram of left) if (right.has(gram)) shared++;
  return shared / (left.size + right.size - shared);
}

type FamilyMatch = { points: number; reason: CandidateReason } | null;

/** How the family names relate. A used name typed as the birth name (or the reverse) is a classic source of duplicates. */
function familyMatch(typed: TypedIdentity, stored: TypedIdentity): FamilyMatch {
  const typedBirth = normaliseForSearch(typed.birthName);
  const storedBirth = normaliseForSearch(stored.birthName);
  if (typedBirth === storedBirth) return { points: 35, reason: 'same_names' };
  const typedNames = [typed.birthName, typed.usedName].filter((n): n is string => !!n).map(normaliseForSearch);
  const storedNames = [stored.birthName, stored.usedName].filter((n): n is string => !!n).map(normaliseForSearch);
  if (typedNames.some((n) => storedNames.includes(n))) return { points: 30, reason: 'used_name_matches_birth_name' };
  // A name without a Latin letter has an empty key, which must not match another such name.
  const typedKeys = new Set(typedNames.map(frenchPhoneticKey).filter(Boolean));
  if (storedNames.some((n) => typedKeys.has(frenchPhoneticKey(n)))) return { points: 25, reason: 'phonetic_names' };
  const best = Math.max(...typedNames.flatMap((t) => storedNames.map((s) => trigramSimilarity(t, s))));
  return best >= SIMILAR_NAME_THRESHOLD ? { points: 15, reason: 'similar_names' } : null;
}

function dateMatch(typed: string, stored: string): { points: number; reason?: CandidateReason } {
  if (typed === stored) return { points: 40, reason: 'same_birth_date' };
  if (transposedDate(typed) === stored) return { points: 30, reason: 'transposed_birth_date' };
  // Same year, or same day and month: a one-part typo in the date.
  if (typed.slice(0, 4) === stored.slice(0, 4) || typed.slice(5) === stored.slice(5)) return { points: 15 };
  return { points: 0 };
}

function givenMatch(typed: string, stored: string): { points: number; reason?: CandidateReason } {
  const a = normaliseForSearch(typed).split(' ')[0] ?? '';
  const b = normaliseForSearch(stored).split(' ')[0] ?? '';
  if (a === b) return { points: 20, reason: 'same_given_name' };
  if (frenchPhoneticKey(a) === frenchPhoneticKey(b)) return { points: 15, reason: 'same_given_name' };
  return { points: -10 };
}

/**
 * Scores a stored record against the typed identity; null when it is not a candidate. The same INS is
 * always a candidate. Otherwise names and birth date must both come close: 35 + 40 + 20 for an exact
 * match, 60 the threshold, a different sex costs 30 (a typo in sex is rare, twins of both sexes are not).
 */
export function scoreCandidate(typed: TypedIdentity, stored: StoredIdentity): CandidateScore | null {
  if (stored.sameIns) return { score: 100, reasons: ['same_ins'] };
  const family = familyMatch(typed, stored);
  if (!family) return null;
  const date = dateMatch(typed.birthDate, stored.birthDate);
  const given = givenMatch(typed.givenName, stored.givenName);
  const reasons: CandidateReason[] = [family.reason];
  if (date.reason) reasons.push(date.reason);
  if (given.reason) reasons.push(given.reason);
  let score = family.points + date.points + given.points;
  const sexesKnown = typed.sex !== 'U' && stored.sex !== 'U';
  if (sexesKnown && typed.sex !== stored.sex) {
    score -= 30;
    reasons.push('different_sex');
  } else if (sexesKnown) {
    reasons.push('same_sex');
  }
  if (score < CANDIDATE_THRESHOLD) return null;
  return { score: Math.min(score, 99), reasons };
}

/** Candidates best first, at most `limit`. */
export function rankCandidates<T extends StoredIdentity>(typed: TypedIdentity, stored: readonly T[], limit = 10): { row: T; score: number; reasons: CandidateReason[] }[] {
  return stored
    .flatMap((row) => {
      const scored = scoreCandidate(typed, row);
      return scored ? [{ row, ...scored }] : [];
    })
    .sort((a, b) => b.score - a.score)
    .slice(0, limit);
}
