// The commune list being edited: kept sorted by name as a French reader expects, merged without duplicates.
import type { TerritoryCommune } from '../api/types.ts';
export { normaliseForSearch as normalise } from '../../../src/core/search-text.ts';

const collator = new Intl.Collator('fr', { sensitivity: 'base', numeric: true });

export function byName(a: TerritoryCommune, b: TerritoryCommune): number {
  return collator.compare(a.name, b.name) || a.insee.localeCompare(b.insee);
}

/** The list with the new communes added (those already in it are left alone), and how many were new. */
export function mergeCommunes(list: readonly TerritoryCommune[], adding: readonly TerritoryCommune[]): { communes: TerritoryCommune[]; added: number } {
  const known = new Set(list.map((c) => c.insee));
  const fresh: TerritoryCommune[] = [];
  for (const commune of adding) {
    if (known.has(commune.insee)) continue;
    known.add(commune.insee);
    fresh.push(commune);
  }
  return { communes: [...list, ...fresh].sort(byName), added: fresh.length };
}

export function populationOf(list: readonly TerritoryCommune[]): number {
  return list.reduce((sum, c) => sum + c.population, 0);
}

export function sameCodes(a: readonly TerritoryCommune[], b: readonly TerritoryCommune[]): boolean {
  if (a.length !== b.length) return false;
  const codes = new Set(a.map((c) => c.insee));
  return b.every((c) => codes.has(c.insee));
}
