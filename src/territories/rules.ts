// Pure rules of territories: what a territory's name and commune list must be.
import { BadInput } from '#src/core/http/errors.ts';

export const TERRITORY_KINDS = ['dac', 'cpts', 'other'] as const;
export type TerritoryKind = (typeof TERRITORY_KINDS)[number];

/** A région has at most about 5,000 communes (Grand Est); a territory is smaller. */
export const MAX_COMMUNES = 5000;
export const NAME_MAX_LENGTH = 200;

/** The name, trimmed; an empty name is refused (400 naming `name`). */
export function checkName(name: string): string {
  const trimmed = name.trim().replace(/\s+/g, ' ');
  if (!trimmed) throw new BadInput('territories.name_required', 'The territory needs a name', { name: 'required' });
  if (trimmed.length > NAME_MAX_LENGTH) throw new BadInput('territories.name_too_long', 'The name is too long', { name: `at most ${NAME_MAX_LENGTH} characters` });
  return trimmed;
}

/**
 * The commune list as stored: INSEE codes trimmed and upper-cased (2A/2B), duplicates merged, sorted.
 * Unknown codes are refused with a 400 naming `communes` and listing them. A commune may belong to
 * several territories (a CPTS inside a DAC's area): that is not checked here, and is allowed.
 */
export function checkCommuneCodes(codes: readonly string[], isKnown: (insee: string) => boolean): string[] {
  const unique = [...new Set(codes.map((code) => code.trim().toUpperCase()))].sort();
  const unknown = unique.filter((code) => !isKnown(code));
  if (unknown.length > 0) {
    const listed = unknown.slice(0, 10).join(', ') + (unknown.length > 10 ? ` and ${unknown.length - 10} more` : '');
    throw new BadInput('territories.commune_unknown', `Unknown INSEE commune code: ${listed}`, { communes: `unknown INSEE code ${listed}` });
  }
  if (unique.length > MAX_COMMUNES) throw new BadInput('territories.too_many_communes', 'Too many communes', { communes: `at most ${MAX_COMMUNES} communes` });
  return unique;
}

const collator = new Intl.Collator('fr', { sensitivity: 'base', numeric: true });

/** Sorts by name as a French reader expects (« Écouflant » between « Cantenay » and « Feneu »). */
export function byFrenchName<T extends { name: string; insee?: string }>(a: T, b: T): number {
  return collator.compare(a.name, b.name) || (a.insee ?? '').localeCompare(b.insee ?? '');
}
