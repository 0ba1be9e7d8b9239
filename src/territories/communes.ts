// The communes of France and how they group (départements, arrondissements, intercommunalités), from
// the official geography published by Etalab (@etalab/decoupage-administratif, INSEE's COG with
// La Poste's postal codes and the legal populations). Reference data, not a table: read and indexed
// once, in memory, when this module loads.
import arrondissementsData from '@etalab/decoupage-administratif/data/arrondissements.json' with { type: 'json' };
import communesData from '@etalab/decoupage-administratif/data/communes.json' with { type: 'json' };
import departementsData from '@etalab/decoupage-administratif/data/departements.json' with { type: 'json' };
import epciData from '@etalab/decoupage-administratif/data/epci.json' with { type: 'json' };
import regionsData from '@etalab/decoupage-administratif/data/regions.json' with { type: 'json' };
import { normaliseForSearch } from '#src/core/search-text.ts';

export type Commune = {
  insee: string;
  name: string;
  postalCodes: string[];
  departement: string;
  arrondissement: string | null;
  region: string;
  /** SIREN of the intercommunalité (EPCI) the commune belongs to; a few islands belong to none. */
  epci: string | null;
  /** legal municipal population (0 when INSEE publishes none) */
  population: number;
};

export type GroupKind = 'departement' | 'arrondissement' | 'epci';
export type CommuneGroup = { kind: GroupKind; code: string; name: string; communeCount: number; population: number };

type Indexed = Commune & { words: string[]; searchName: string };

const epciOfCommune = new Map<string, string>();
for (const epci of epciData) for (const member of epci.membres) epciOfCommune.set(member.code, epci.code);

// Delegated and associated communes and municipal arrondissements share codes with history: only
// current communes make up a territory (Paris, Lyon, Marseille count as one commune each).
const communes: Indexed[] = communesData
  .filter((c) => c.type === 'commune-actuelle')
  .map((c) => {
    const searchName = normaliseForSearch(c.nom);
    return {
      insee: c.code,
      name: c.nom,
      postalCodes: c.codesPostaux ?? [],
      departement: c.departement ?? '',
      arrondissement: c.arrondissement ?? null,
      region: c.region ?? '',
      epci: epciOfCommune.get(c.code) ?? null,
      population: c.population ?? 0,
      searchName,
      words: searchName.split(' '),
    };
  })
  // Bigger communes first everywhere: searches and lists keep this order.
  .sort((a, b) => b.population - a.population || a.insee.localeCompare(b.insee));

const byInsee = new Map(communes.map((c) => [c.insee, c]));

/** Communes by the first two letters of each word of their name, for the search. */
const byWordStart = new Map<string, Indexed[]>();
for (const commune of communes) {
  for (const key of new Set(commune.words.filter((w) => w.length >= 2).map((w) => w.slice(0, 2)))) {
    const list = byWordStart.get(key) ?? [];
    list.push(commune);
    byWordStart.set(key, list);
  }
}

const departementNames = new Map(departementsData.map((d) => [d.code, d.nom]));
const regionNames = new Map(regionsData.map((r) => [r.code, r.nom]));
const arrondissementNames = new Map(arrondissementsData.map((a) => [a.code, a.nom]));
const epciNames = new Map(epciData.map((e) => [e.code, e.nom]));

function publicView({ words: _words, searchName: _searchName, ...commune }: Indexed): Commune {
  return commune;
}

export function communeByInsee(code: string): Commune | undefined {
  const found = byInsee.get(code);
  return found && publicView(found);
}

export function regionExists(code: string): boolean {
  return regionNames.has(code);
}

export function regionName(code: string): string | undefined {
  return regionNames.get(code);
}

export function departementName(code: string): string | undefined {
  return departementNames.get(code);
}

export function groupName(kind: GroupKind, code: string): string | undefined {
  if (kind === 'departement') return departementNames.get(code);
  if (kind === 'arrondissement') return arrondissementNames.get(code);
  return epciNames.get(code);
}

export type CommuneSearch = { regionCode?: string | undefined; limit: number };

function matchesWords(commune: Indexed, words: readonly string[]): boolean {
  // Each word typed starts a different word of the name: « ponts ce » finds « Les Ponts-de-Cé ».
  const free = [...commune.words];
  for (const word of [...words].sort((a, b) => b.length - a.length)) {
    const at = free.findIndex((w) => w.startsWith(word));
    if (at < 0) return false;
    free.splice(at, 1);
  }
  return true;
}

/** How well a name matches: the exact name first, then names that start with what was typed. */
function nameRank(commune: Indexed, normalised: string): number {
  if (commune.searchName === normalised) return 0;
  return commune.searchName.startsWith(normalised) ? 1 : 2;
}

/**
 * Communes by name (accents, case, hyphens and apostrophes never matter; each word typed is the start
 * of a word of the name), by INSEE code prefix or by postal code prefix; bigger communes first.
 */
export function searchCommunes(q: string, options: CommuneSearch): Commune[] {
  const normalised = normaliseForSearch(q);
  if (!normalised) return [];
  const inRegion = (c: Indexed) => !options.regionCode || c.region === options.regionCode;
  const code = normalised.replace(/ /g, '');
  if (/^(\d+|2a\d*|2b\d*)$/.test(code)) {
    const upper = code.toUpperCase();
    const found: Commune[] = [];
    for (const c of communes) {
      if (!inRegion(c) || !(c.insee.startsWith(upper) || c.postalCodes.some((p) => p.startsWith(upper)))) continue;
      found.push(publicView(c));
      if (found.length >= options.limit) break;
    }
    return found;
  }
  const words = normalised.split(' ');
  const longest = words.reduce((a, b) => (b.length > a.length ? b : a));
  const candidates = longest.length >= 2 ? (byWordStart.get(longest.slice(0, 2)) ?? []) : communes;
  const matches = candidates.filter((c) => inRegion(c) && matchesWords(c, words));
  // Stable sort: within a rank, the population order of the index stays.
  return matches
    .map((c) => ({ c, rank: nameRank(c, normalised) }))
    .sort((a, b) => a.rank - b.rank)
    .slice(0, options.limit)
    .map(({ c }) => publicView(c));
}

export type CommuneSelector = { departement: string } | { arrondissement: string } | { epci: string } | { region: string };

/** Every commune of a département, arrondissement, intercommunalité or région, bigger first. */
export function communesOf(selector: CommuneSelector): Commune[] {
  const keep: (c: Indexed) => boolean =
    'departement' in selector ? (c) => c.departement === selector.departement
    : 'arrondissement' in selector ? (c) => c.arrondissement === selector.arrondissement
    : 'epci' in selector ? (c) => c.epci === selector.epci
    : (c) => c.region === selector.region;
  return communes.filter(keep).map(publicView);
}

/** The population of a list of communes: the sum of their legal populations; unknown codes count 0. */
export function populationOf(codes: Iterable<string>): number {
  let total = 0;
  for (const code of new Set(codes)) total += byInsee.get(code)?.population ?? 0;
  return total;
}

function summarise(kind: GroupKind, code: string, members: readonly Indexed[]): CommuneGroup {
  return { kind, code, name: groupName(kind, code) ?? code, communeCount: members.length, population: members.reduce((sum, c) => sum + c.population, 0) };
}

function groupBy(kind: GroupKind, list: readonly Indexed[], keyOf: (c: Indexed) => string | null): CommuneGroup[] {
  const groups = new Map<string, Indexed[]>();
  for (const c of list) {
    const key = keyOf(c);
    if (!key) continue;
    const members = groups.get(key);
    if (members) members.push(c);
    else groups.set(key, [c]);
  }
  return [...groups].map(([code, members]) => summarise(kind, code, members));
}

/**
 * The départements, arrondissements and intercommunalités of a région, to add to a territory in bulk.
 * An intercommunalité that crosses the région's border counts all its communes (it is one whole).
 */
export type RegionGroups = { departements: CommuneGroup[]; arrondissements: CommuneGroup[]; epcis: CommuneGroup[] };
const regionGroups = new Map<string, RegionGroups>();

export function groupsOfRegion(regionCode: string): RegionGroups {
  const known = regionGroups.get(regionCode);
  if (known) return known;
  const inRegion = communes.filter((c) => c.region === regionCode);
  const byCode = (a: CommuneGroup, b: CommuneGroup) => a.code.localeCompare(b.code);
  const epciCodes = new Set(inRegion.flatMap((c) => (c.epci ? [c.epci] : [])));
  const groups: RegionGroups = {
    departements: groupBy('departement', inRegion, (c) => c.departement).sort(byCode),
    arrondissements: groupBy('arrondissement', inRegion, (c) => c.arrondissement).sort(byCode),
    epcis: groupBy('epci', communes.filter((c) => c.epci !== null && epciCodes.has(c.epci)), (c) => c.epci).sort((a, b) => a.name.localeCompare(b.name, 'fr')),
  };
  regionGroups.set(regionCode, groups);
  return groups;
}
