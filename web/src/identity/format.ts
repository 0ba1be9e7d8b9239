// How identity facts are written on screen: the matricule INS grouped like a NIR, the likeness of a
// duplicate candidate, its reasons, the traits INSi corrected.
import type { CandidateReason, IdentityStatus, StrictTrait } from '../api/types.ts';
import { fr } from '../i18n/fr.ts';

/** « 2 40 03 49 007 123 45 »: sex, year, month, department, commune, order, key. */
export function formatMatricule(matricule: string): string {
  const m = matricule.replace(/\s+/g, '');
  if (m.length !== 15) return m;
  return [m.slice(0, 1), m.slice(1, 3), m.slice(3, 5), m.slice(5, 7), m.slice(7, 10), m.slice(10, 13), m.slice(13)].join(' ');
}

/** From this score a candidate reads « très probable »; below, « probable » (the server's threshold is 60). */
const VERY_LIKELY = 80;

export function likeness(score: number): string {
  return fr.patients.duplicates.score(score >= VERY_LIKELY ? fr.patients.duplicates.veryLikely : fr.patients.duplicates.likely, score);
}

export function isVeryLikely(score: number): boolean {
  return score >= VERY_LIKELY;
}

/** The reasons worth reading: « même sexe » says nothing on its own. */
export function reasonsText(reasons: readonly CandidateReason[]): string {
  return reasons
    .filter((reason) => reason !== 'same_sex')
    .map((reason) => fr.candidateReasons[reason] ?? reason)
    .join(', ');
}

export function traitNames(traits: readonly string[]): string[] {
  return traits.map((trait) => fr.identity.strictTraits[trait as StrictTrait] ?? trait);
}

const STATUS_RANK: Record<IdentityStatus, number> = { PROV: 0, RECUP: 1, VALI: 1, QUAL: 2 };

export function statusRank(status: IdentityStatus): number {
  return STATUS_RANK[status];
}

/** Whether the person is under 18 today: a birth certificate or family record book may then check the identity. */
export function isMinor(birthDate: string, now: Date = new Date()): boolean {
  const eighteenth = new Date(`${birthDate}T00:00:00Z`);
  eighteenth.setUTCFullYear(eighteenth.getUTCFullYear() + 18);
  return eighteenth.getTime() > now.getTime();
}
