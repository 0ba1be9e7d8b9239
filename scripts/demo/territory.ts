// The demo territory: the arrondissement of Angers (Maine-et-Loire, 49), real communes from the
// official commune list, with addresses and phone numbers that look local.
import communesData from '@etalab/decoupage-administratif/data/communes.json' with { type: 'json' };
import type { Rng } from './random.ts';

export type Commune = {
  code: string;
  name: string;
  departement: string;
  arrondissement: string;
  postalCodes: string[];
  population: number;
};

export const DEPARTEMENT = '49';
// Angers and its surroundings; the other arrondissements (Cholet, Saumur, Segré) would be other DACs.
const ARRONDISSEMENT = '491';

// Delegated and associated communes share codes with history; only current communes are addresses.
const currentCommunes: Commune[] = communesData
  .filter((c) => c.type === 'commune-actuelle')
  .map((c) => ({
    code: c.code,
    name: c.nom,
    departement: c.departement ?? '',
    arrondissement: c.arrondissement ?? '',
    postalCodes: c.codesPostaux ?? [],
    population: c.population ?? 0,
  }));

const byCode = new Map(currentCommunes.map((c) => [c.code, c]));

export function communeByCode(code: string): Commune {
  const commune = byCode.get(code);
  if (!commune) throw new Error(`unknown commune ${code}`);
  return commune;
}

const territory = currentCommunes.filter(
  (c) => c.departement === DEPARTEMENT && c.arrondissement === ARRONDISSEMENT && c.postalCodes.length > 0,
);

const territoryWeights = territory.map((c) => c.population);

/** the INSEE codes of the demo territory (the DAC's area) */
export function territoryCommuneCodes(): string[] {
  return territory.map((c) => c.code);
}

/** where patients live: bigger communes more often, in proportion to their population */
export function pickHomeCommune(rng: Rng): Commune {
  return rng.weighted(territory, territoryWeights);
}

// Most elderly Angevins were born in Anjou or a neighbouring département; Paris for some.
const BIRTH_DEPARTEMENTS: Record<string, number> = {
  '49': 55, '44': 8, '53': 5, '72': 5, '85': 4, '79': 3, '37': 3, '35': 3, '86': 2, '56': 2, '29': 2,
  '75': 4, '92': 1, '93': 1, '59': 2, '69': 1, '13': 1, '33': 1, '76': 1,
};
const birthCommunesByDepartement = new Map<string, Commune[]>();
for (const c of currentCommunes) {
  if (!(c.departement in BIRTH_DEPARTEMENTS) || c.population === 0) continue;
  const list = birthCommunesByDepartement.get(c.departement) ?? [];
  list.push(c);
  birthCommunesByDepartement.set(c.departement, list);
}

export type Birthplace = { insee: string; name: string };

/** a French birth commune; villages count more than their present size suggests (home births, old rural France) */
export function pickFrenchBirthplace(rng: Rng): Birthplace {
  const departements = Object.keys(BIRTH_DEPARTEMENTS);
  const departement = rng.weighted(departements, departements.map((d) => BIRTH_DEPARTEMENTS[d] ?? 0));
  const communes = birthCommunesByDepartement.get(departement) ?? [];
  const commune = rng.weighted(communes, communes.map((c) => Math.sqrt(c.population)));
  return { insee: commune.code, name: commune.name };
}

// INSEE country codes (COG): a person born abroad has birthplace 99 + country.
export const COUNTRIES = {
  algeria: { insee: '99352', name: 'Algérie' },
  morocco: { insee: '99350', name: 'Maroc' },
  tunisia: { insee: '99351', name: 'Tunisie' },
  portugal: { insee: '99139', name: 'Portugal' },
  spain: { insee: '99134', name: 'Espagne' },
  italy: { insee: '99127', name: 'Italie' },
  senegal: { insee: '99341', name: 'Sénégal' },
  mali: { insee: '99335', name: 'Mali' },
  guinea: { insee: '99330', name: 'Guinée' },
  ivoryCoast: { insee: '99326', name: "Côte d'Ivoire" },
  vietnam: { insee: '99243', name: 'Viet Nam' },
} as const;

const STREETS = [
  'rue Victor Hugo', 'avenue Jean Jaurès', 'rue de la Gare', 'rue des Lilas', "place de l'Église", 'impasse des Vignes',
  'rue du Maréchal Leclerc', 'boulevard Foch', 'chemin des Plaines', 'allée des Tilleuls', 'rue Pasteur', 'rue du Moulin',
  'rue des Écoles', 'route de Saumur', 'rue Saint-Jacques', 'rue de la Loire', 'avenue Pasteur', 'rue Jules Ferry',
  'rue du Général de Gaulle', 'rue des Roses', 'rue de la Mairie', 'rue Nationale', 'rue du Port', 'chemin de la Croix',
  'rue des Rosiers', 'avenue de la Libération', 'rue Saint-Martin', 'rue du Stade', 'rue des Acacias', 'rue de Bretagne',
  'rue Bressigny', 'rue Lionnaise', 'boulevard du Roi René', 'avenue Montaigne', 'rue de la Roë', 'rue Desjardins',
  'rue des Capucins', 'avenue Patton', 'rue du Vallon', 'rue de la Chalouère', 'rue des Noyers', 'allée des Peupliers',
  'rue Anne Frank', 'rue Jean Moulin', 'rue Molière', 'rue des Coquelicots', 'place du Marché', 'rue de la Fontaine',
];
const LIEUX_DITS = ['La Brosse', 'Le Grand Pré', 'La Métairie', 'Les Landes', 'La Croix Blanche', 'Le Haut Bourg', 'La Guérinière', 'Les Fourneaux'];
const RESIDENCES = ['Résidence Les Acacias', 'Résidence du Parc', 'Résidence Belle-Beille', 'Résidence Les Hauts de Saint-Aubin', 'Résidence La Roseraie'];

export type Address = { addressLine: string; postalCode: string; communeInsee: string; communeName: string };

// Villages have lieux-dits, towns have residences; most people live at a numbered street address.
function pickAddressLine(rng: Rng, commune: Commune): string {
  const urban = commune.population > 10_000;
  if (!urban && rng.chance(0.12)) return `Lieu-dit ${rng.pick(LIEUX_DITS)}`;
  if (urban && rng.chance(0.15)) {
    const building = rng.pick(['A', 'B', 'C', 'D']);
    return `${rng.pick(RESIDENCES)}, bât. ${building}, ${rng.int(1, 80)} ${rng.pick(STREETS)}`;
  }
  return `${rng.int(1, 120)}${rng.chance(0.06) ? ' bis' : ''} ${rng.pick(STREETS)}`;
}

export function pickAddress(rng: Rng, commune: Commune): Address {
  const addressLine = pickAddressLine(rng, commune);
  return { addressLine, postalCode: rng.pick(commune.postalCodes), communeInsee: commune.code, communeName: commune.name };
}

function twoDigits(rng: Rng): string {
  return String(rng.int(0, 99)).padStart(2, '0');
}

/** a landline of western France (02), Anjou prefix 41 */
export function landline(rng: Rng): string {
  return `02 41 ${String(rng.int(10, 99))} ${twoDigits(rng)} ${twoDigits(rng)}`;
}

// 06 39 98 xx xx is a block ARCEP keeps for fiction: no demo mobile can ring a real person.
export function mobile(rng: Rng): string {
  return `06 39 98 ${twoDigits(rng)} ${twoDigits(rng)}`;
}
