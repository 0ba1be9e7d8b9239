// The demo region's national extractions, in their real formats: the Annuaire Santé open extraction
// (PS_LibreAcces, pipe-separated), the FINESS etalab file (semicolon-separated, Lambert 93
// coordinates) and the MSSanté directory. The demo loads them through the importers, as a region would.
// Deterministic: `node scripts/demo/directory-extracts.ts` rewrites scripts/demo/directory/*, and a test
// checks the committed files are what this produces and that every line parses.
//
// Who is in them: every health professional of the demo (people.ts, their RPPS from demoRpps) at each
// structure they practise in, and about 220 invented professionals of the arrondissement of Angers
// (RPPS 9972…, never a real one); every demo structure with a FINESS, and 45 invented establishments.
// Names are invented; communes, postal codes and INSEE codes are real, coordinates approximate.
//
// FINESS categories used (categetab; aggregates only where the pair was seen in a real extraction):
//   101 Centre Hospitalier Régional (C.H.R.) [1101]   355 Centre Hospitalier (C.H.) [1102]
//   365 Etablissement de Soins Pluridisciplinaire [1110]   109 Etablissement de santé privé autorisé en SSR
//   127 Hospitalisation à Domicile   292 Centre Hospitalier Spécialisé lutte Maladies Mentales
//   156 Centre Médico-Psychologique (C.M.P.)   146 Structure d'Alternative à la dialyse en centre [1203]
//   500 EHPAD [4401]   202 Résidences autonomie   354 S.S.I.A.D   460 Service autonomie aide (SAA, ex-SAAD)
//   209 Service autonomie aide et soins (SAAS, ex-SPASAD)   603 Maison de santé (L.6223-3)
//   124 Centre de Santé   620 Pharmacie d'Officine [3201]   214 C.H.R.S.
// Savoir-faire (médecins): SM54 Médecine Générale, SM18 Gériatrie, SM30 Néphrologie, SM42 Psychiatrie,
// SM04 Cardiologie et maladies vasculaires, SM40 Pédiatrie.
import fs from 'node:fs';
import { fileURLToPath } from 'node:url';
import { wgs84ToLambert93 } from '#src/directory/formats/lambert93.ts';
import { MSSANTE_HEADER } from '#src/directory/formats/mssante.ts';
import { RPPS_HEADER } from '#src/directory/formats/rpps.ts';
import { demoFiness, demoSiret, withLuhnDigit } from './identifiers.ts';
import { pickFamilyName, pickGivenName, pickOrigin } from './names.ts';
import { buildPeople, personSpec } from './people.ts';
import { createRng, type Rng } from './random.ts';
import { buildStructures } from './structures.ts';
import { communeByCode, DEPARTEMENT, landline, pickHomeCommune, type Commune } from './territory.ts';
import type { DemoStructure } from './types.ts';

export const EXTRACT_FILES = {
  rpps: 'PS_LibreAcces_Personne_activite_demo.txt',
  finess: 'etalab-cs1100507-stock-demo.csv',
  mssante: 'Extraction_Correspondance_MSSante_demo.txt',
} as const;

export const EXTRACTS_DIR = fileURLToPath(new URL('./directory/', import.meta.url));

const SEED = 20261116;
const EXTRACTED_ON = '2026-11-16';
const EXTRA_PROFESSIONALS = 220;

export type DemoExtracts = { rpps: string; finess: string; mssante: string };

export function buildDemoExtracts(): DemoExtracts {
  const rng = createRng(SEED);
  const establishments = buildEstablishments(rng.fork('establishments'));
  const sites = new SiteBook(establishments);
  const professionals = [...demoProfessionals(sites), ...extraProfessionals(rng.fork('professionals'), sites)];
  return {
    rpps: fileOf([pipeLine(RPPS_HEADER), ...professionals.flatMap(rppsLines)]),
    finess: fileOf(finessLines(establishments)),
    mssante: fileOf(mailboxLines(professionals, sites, rng.fork('mailboxes'))),
  };
}

const fileOf = (lines: string[]) => `${lines.join('\n')}\n`;
const pipeLine = (fields: readonly string[]) => `${fields.join('|')}|`;
const ascii = (text: string) => text.normalize('NFD').replace(/[\u0300-\u036f]/g, '');
const shout = (text: string) => ascii(text).toUpperCase();
const digits = (phone: string) => phone.replace(/\s/g, '');

// ---- streets ------------------------------------------------------------------------------------

type Street = { number: string; index: string | null; type: string; name: string };

/** street type: FINESS / Annuaire Santé code and label */
const STREET_TYPES: Record<string, [string, string]> = {
  rue: ['R', 'Rue'], avenue: ['AV', 'Avenue'], boulevard: ['BD', 'Boulevard'], place: ['PL', 'Place'], route: ['RTE', 'Route'],
  chemin: ['CHE', 'Chemin'], allée: ['ALL', 'Allée'], impasse: ['IMP', 'Impasse'], quai: ['QUA', 'Quai'], square: ['SQ', 'Square'],
};

/** "4 rue Larrey" → 4, rue, Larrey */
function parseStreet(line: string): Street {
  const match = line.match(/^(\d+)(?: (bis|ter))? (\S+) (.+)$/);
  if (!match || !STREET_TYPES[match[3]!]) throw new Error(`unexpected street line ${line}`);
  return { number: match[1]!, index: match[2] ? match[2][0]!.toUpperCase() : null, type: match[3]!, name: match[4]! };
}

const STREETS = [
  'rue Victor Hugo', 'avenue Jean Jaurès', 'rue de la Gare', "place de l'Église", 'rue Pasteur', 'rue du Général de Gaulle',
  'rue des Écoles', 'avenue de la Libération', 'rue Nationale', 'place du Marché', 'rue Jean Moulin', 'allée des Tilleuls',
  'rue du Moulin', 'rue de la Mairie', 'chemin des Plaines', 'rue des Lilas', 'rue Saint-Martin', 'rue du Stade', 'rue de la Loire',
];
const ANGERS_STREETS = [
  'rue Bressigny', 'rue Lionnaise', 'boulevard du Roi René', 'avenue Montaigne', 'rue de la Roë', 'rue Desjardins', 'avenue Patton',
  'boulevard Foch', 'rue Saint-Aubin', 'rue de la Madeleine', 'avenue Pasteur', 'rue Saint-Jacques', 'boulevard Ayrault',
];

function pickStreet(rng: Rng, commune: Commune): Street {
  const pool = commune.code === '49007' ? ANGERS_STREETS : STREETS;
  return parseStreet(`${rng.int(1, 120)} ${rng.pick(pool)}`);
}

// ---- establishments (FINESS) --------------------------------------------------------------------

type Funding = [code: string, label: string];
const PUBLIC_HOSPITAL: Funding = ['03', 'ARS établissements Publics de santé dotation globale'];
const PRIVATE_HOSPITAL: Funding = ['07', 'ARS établissements de santé non financés dotation globale'];
const NURSING_HOME: Funding = ['40', 'ARS/PCD, Tarif global, habilité aide sociale, recours PUI'];
const DEPARTMENT_COUNCIL: Funding = ['08', 'Président du Conseil Départemental'];
const FREE_PRICING: Funding = ['01', 'Etablissement Tarif Libre'];
const UNKNOWN_FUNDING: Funding = ['99', 'Indéterminé'];
const PUBLIC_SPH: Funding = ['1', 'Etablissement public de santé'];
const NOT_SPH: Funding = ['0', 'Non concerné'];

type Category = {
  code: string;
  label: string;
  aggregate: [string, string] | null;
  ape: string;
  funding: Funding;
  /** "service public hospitalier": health establishments only */
  sph: Funding | null;
  /** "ET public": its SIREN starts with 2 */
  public: boolean;
};

const category = (code: string, label: string, ape: string, funding: Funding, sph: Funding | null, aggregate: [string, string] | null = null): Category =>
  ({ code, label, aggregate, ape, funding, sph, public: sph === PUBLIC_SPH });

const CATEGORIES = {
  chr: category('101', 'Centre Hospitalier Régional (C.H.R.)', '8610Z', PUBLIC_HOSPITAL, PUBLIC_SPH, ['1101', 'Centres Hospitaliers Régionaux']),
  ch: category('355', 'Centre Hospitalier (C.H.)', '8610Z', PUBLIC_HOSPITAL, PUBLIC_SPH, ['1102', 'Centres Hospitaliers']),
  clinic: category('365', 'Etablissement de Soins Pluridisciplinaire', '8610Z', PRIVATE_HOSPITAL, NOT_SPH, ['1110', 'Etablissements de Soins de Courte Durée']),
  smr: category('109', 'Etablissement de santé privé autorisé en SSR', '8610Z', PRIVATE_HOSPITAL, NOT_SPH),
  had: category('127', 'Hospitalisation à Domicile', '8610Z', PRIVATE_HOSPITAL, NOT_SPH),
  psychiatry: category('292', 'Centre Hospitalier Spécialisé lutte Maladies Mentales', '8610Z', PUBLIC_HOSPITAL, PUBLIC_SPH),
  cmp: category('156', 'Centre Médico-Psychologique (C.M.P.)', '8610Z', PUBLIC_HOSPITAL, PUBLIC_SPH),
  dialysis: category('146', "Structure d'Alternative à la dialyse en centre", '8610Z', PRIVATE_HOSPITAL, NOT_SPH, ['1203', 'Dialyse Ambulatoire']),
  ehpad: category('500', "Etablissement d'hébergement pour personnes âgées dépendantes", '8710A', NURSING_HOME, null, ['4401', "Etablissements d'Hébergement pour Personnes Âgées"]),
  autonomy: category('202', 'Résidences autonomie', '8730A', DEPARTMENT_COUNCIL, null),
  ssiad: category('354', 'Service de Soins Infirmiers A Domicile (S.S.I.A.D)', '8810A', UNKNOWN_FUNDING, null),
  saa: category('460', 'Service autonomie aide (SAA)', '8810A', DEPARTMENT_COUNCIL, null),
  saas: category('209', 'Service autonomie aide et soins (SAAS)', '8810A', UNKNOWN_FUNDING, null),
  msp: category('603', 'Maison de santé (L.6223-3)', '8690D', FREE_PRICING, null),
  healthCentre: category('124', 'Centre de Santé', '8621Z', UNKNOWN_FUNDING, null),
  pharmacy: category('620', "Pharmacie d'Officine", '4773Z', FREE_PRICING, null, ['3201', 'Commerce de Biens à Usage Médicaux']),
  chrs: category('214', 'Centre Hébergement & Réinsertion Sociale (C.H.R.S.)', '8790B', UNKNOWN_FUNDING, null),
} satisfies Record<string, Category>;
type CategoryKey = keyof typeof CATEGORIES;

type Establishment = {
  finess: string;
  legalFiness: string;
  /** rs, 38 characters at most: the short name FINESS displays */
  name: string;
  longName: string;
  category: Category;
  siret: string;
  street: Street;
  postalCode: string;
  commune: Commune;
  phone: string;
  fax: string | null;
  openedOn: string;
  updatedOn: string;
  latitude: number;
  longitude: number;
  /** the demo structure it is, if any */
  structureKey: string | null;
};

// The demo structures that have a FINESS, by the category their kind of place has.
const STRUCTURE_CATEGORIES: Record<string, CategoryKey> = {
  hospital: 'ch', ehpad: 'ehpad', 'home-care': 'saas', 'msp-justices': 'msp', 'msp-trelaze': 'msp', pharmacie: 'pharmacy',
};

/** category, long name, commune, postal code (null: the commune's first), street, legal entity it belongs to if shared */
type EstablishmentSpec = [CategoryKey, string, string, string | null, string, string?];

const EXTRA_ESTABLISHMENTS: EstablishmentSpec[] = [
  ['chr', 'Centre hospitalier universitaire Anjou Maine', '49007', '49100', '2 boulevard Daviers'],
  ['ch', 'Centre hospitalier Loire et Layon', '49063', null, '10 rue du Port'],
  ['psychiatry', 'Centre hospitalier spécialisé Loire Maine', '49278', null, '27 route de Bouchemaine'],
  ['cmp', 'CMP adultes Angers centre', '49007', '49100', '18 rue Lionnaise', 'Centre hospitalier spécialisé Loire Maine'],
  ['had', 'HAD Anjou domicile', '49007', '49000', '6 avenue Montaigne'],
  ['clinic', 'Polyclinique du Val de Maine', '49007', '49000', '11 rue de la Madeleine'],
  ['clinic', "Clinique de l'Aubance", '49223', null, '4 avenue de la Libération'],
  ['smr', 'Centre de soins médicaux et de réadaptation La Guérinière', '49246', null, '3 chemin des Plaines'],
  ['smr', 'Centre SMR du Lac', '49035', null, '2 rue de la Loire'],
  ['dialysis', "Unité d'autodialyse Anjou", '49007', '49100', '35 boulevard Ayrault'],
  ['ehpad', 'EHPAD La Roseraie', '49007', '49000', '3 rue des Rosiers'],
  ['ehpad', 'EHPAD Le Prieuré', '49267', null, "1 place de l'Église"],
  ['ehpad', 'EHPAD Les Bords de Loire', '49307', '49250', '14 quai de la Loire'],
  ['ehpad', 'EHPAD Résidence du Parc', '49214', null, '8 allée du Parc'],
  ['ehpad', 'EHPAD Les Coteaux', '49050', '49320', '5 rue du Château'],
  ['ehpad', 'EHPAD Saint-Martin', '49020', null, '12 rue Saint-Martin'],
  ['ehpad', 'EHPAD Le Val du Loir', '49377', null, '2 rue de la Mairie'],
  ['ehpad', 'EHPAD Les Hauts de Maine', '49347', null, '20 route de Cheffes'],
  ['autonomy', 'Résidence autonomie Les Acacias', '49353', null, '7 rue des Acacias'],
  ['ssiad', "SSIAD d'Avrillé et du Nord angevin", '49015', null, '15 avenue Pierre Mendès-France'],
  ['ssiad', 'SSIAD Brissac Aubance', '49050', '49320', '2 place du Marché'],
  ['ssiad', 'SSIAD des Ponts-de-Cé', '49246', null, '9 rue du Stade'],
  ['saa', 'Anjou aide à domicile', '49007', '49100', '40 rue Bressigny'],
  ['saa', 'Aide et présence Val de Loire', '49307', '49800', '6 rue Nationale'],
  ['saa', 'Services à la personne Maine et Loir', '49323', '49480', '1 rue du Moulin'],
  ['saas', 'Service autonomie aide et soins du Layon', '49063', null, '22 rue Nationale'],
  ['msp', "Maison de santé pluriprofessionnelle d'Écouflant", '49129', null, '4 rue de la Gare'],
  ['msp', 'Maison de santé pluriprofessionnelle de Brissac', '49050', '49320', '10 avenue Jean Jaurès'],
  ['msp', 'Maison de santé pluriprofessionnelle de Montreuil-Juigné', '49214', null, '3 rue Pasteur'],
  ['msp', 'Maison de santé pluriprofessionnelle de Bouchemaine', '49035', null, '18 rue Victor Hugo'],
  ['healthCentre', 'Centre de santé de Belle-Beille', '49007', '49000', '5 avenue Patton'],
  ['healthCentre', 'Centre de santé de Verrières-en-Anjou', '49323', '49112', '2 allée des Tilleuls'],
  ['pharmacy', 'Pharmacie du Lac de Maine', '49007', '49000', '12 avenue Pasteur'],
  ['pharmacy', 'Pharmacie de la Doutre', '49007', '49100', '30 rue Saint-Jacques'],
  ['pharmacy', 'Pharmacie Saint-Serge', '49007', '49100', '58 boulevard Ayrault'],
  ['pharmacy', 'Pharmacie du Roi René', '49007', '49100', '21 boulevard du Roi René'],
  ['pharmacy', 'Pharmacie du Bois du Roy', '49015', null, '2 place du Marché'],
  ['pharmacy', 'Pharmacie de la Mairie', '49353', null, '1 rue de la Mairie'],
  ['pharmacy', 'Pharmacie du Pont', '49246', null, '33 rue Victor Hugo'],
  ['pharmacy', 'Pharmacie des Banchais', '49267', null, '6 rue des Écoles'],
  ['pharmacy', 'Pharmacie de Beaucouzé', '49020', null, '21 avenue de la Libération'],
  ['pharmacy', "Pharmacie d'Écouflant", '49129', null, "3 place de l'Église"],
  ['pharmacy', "Pharmacie d'Érigné", '49223', null, '14 rue Jean Moulin'],
  ['pharmacy', 'Pharmacie du Val de Maine', '49214', null, '9 rue du Général de Gaulle'],
  ['chrs', "CHRS L'Escale angevine", '49007', '49100', '18 rue de la Roë'],
];

/** approximate centres (WGS 84) of the communes that have establishments */
const COMMUNE_CENTRES: Record<string, [number, number]> = {
  '49007': [47.4736, -0.5542], // Angers
  '49015': [47.5069, -0.5886], // Avrillé
  '49353': [47.4456, -0.4658], // Trélazé
  '49246': [47.4244, -0.5253], // Les Ponts-de-Cé
  '49267': [47.4675, -0.4953], // Saint-Barthélemy-d'Anjou
  '49020': [47.474, -0.633], // Beaucouzé
  '49035': [47.42, -0.609], // Bouchemaine
  '49129': [47.5306, -0.5283], // Écouflant
  '49223': [47.4003, -0.5508], // Mûrs-Erigné
  '49214': [47.5283, -0.6136], // Montreuil-Juigné
  '49323': [47.503, -0.49], // Verrières-en-Anjou
  '49050': [47.355, -0.448], // Brissac Loire Aubance
  '49307': [47.46, -0.32], // Loire-Authion
  '49063': [47.35, -0.76], // Chalonnes-sur-Loire
  '49278': [47.423, -0.557], // Sainte-Gemmes-sur-Loire
  '49377': [47.563, -0.423], // Rives-du-Loir-en-Anjou
  '49347': [47.615, -0.467], // Tiercé
};

/** FINESS's short name: the long one in capitals, with its usual abbreviations */
function shortName(longName: string): string {
  return shout(longName)
    .replace('CENTRE HOSPITALIER UNIVERSITAIRE', 'CHU')
    .replace('CENTRE HOSPITALIER SPECIALISE', 'CHS')
    .replace('CENTRE HOSPITALIER', 'CH')
    .replace('MAISON DE SANTE PLURIPROFESSIONNELLE', 'MSP')
    .replace('CENTRE DE SOINS MEDICAUX ET DE READAPTATION', 'SMR')
    .slice(0, 38);
}

function buildEstablishments(rng: Rng): Establishment[] {
  const fromStructures = buildStructures().flatMap((s, index) => (s.finess ? [structureEstablishment(s, demoFiness(DEPARTEMENT, 9000 + index), rng)] : []));
  const legalEntities = new Map<string, string>();
  const extras = EXTRA_ESTABLISHMENTS.map(([key, longName, communeCode, postalCode, street, legalOwner], index) => {
    const owner = legalOwner ?? longName;
    if (!legalEntities.has(owner)) legalEntities.set(owner, demoFiness(DEPARTEMENT, 8100 + legalEntities.size * 3));
    const commune = communeByCode(communeCode);
    return establishment(rng, {
      finess: demoFiness(DEPARTEMENT, 6100 + index * 11),
      legalFiness: legalEntities.get(owner)!,
      longName,
      category: CATEGORIES[key],
      siret: demoSiret(`${CATEGORIES[key].public ? '26' : '44'}49${String(300 + index).padStart(4, '0')}`, 10 + index),
      street: parseStreet(street),
      postalCode: postalCode ?? commune.postalCodes[0]!,
      commune,
      phone: digits(landline(rng)),
      structureKey: null,
    });
  });
  return [...fromStructures, ...extras];
}

function structureEstablishment(structure: DemoStructure, legalFiness: string, rng: Rng): Establishment {
  const key = STRUCTURE_CATEGORIES[structure.key];
  if (!key) throw new Error(`no FINESS category for the demo structure ${structure.key}`);
  const [street, postalCode] = structure.address.split(', ');
  return establishment(rng, {
    finess: structure.finess!,
    legalFiness,
    longName: structure.name,
    category: CATEGORIES[key],
    siret: structure.siret!,
    street: parseStreet(street!),
    postalCode: postalCode!.slice(0, 5),
    commune: communeByCode(structure.communeInsee),
    phone: digits(structure.phone),
    structureKey: structure.key,
  });
}

type EstablishmentBase = Omit<Establishment, 'name' | 'fax' | 'openedOn' | 'updatedOn' | 'latitude' | 'longitude'>;

/** completes an establishment with what is drawn: dates, fax, position near its commune's centre */
function establishment(rng: Rng, base: EstablishmentBase): Establishment {
  const centre = COMMUNE_CENTRES[base.commune.code];
  if (!centre) throw new Error(`no centre known for commune ${base.commune.code}`);
  const spread = base.commune.code === '49007' ? 2 : 1;
  const recent = base.category === CATEGORIES.msp || base.category === CATEGORIES.healthCentre;
  return {
    ...base,
    name: shortName(base.longName),
    fax: rng.chance(0.5) ? digits(landline(rng)) : null,
    openedOn: isoDate(rng, recent ? 2010 : 1965, recent ? 2023 : 2015),
    updatedOn: isoDate(rng, 2023, 2026),
    latitude: centre[0] + (rng.next() - 0.5) * 0.012 * spread,
    longitude: centre[1] + (rng.next() - 0.5) * 0.018 * spread,
  };
}

function isoDate(rng: Rng, fromYear: number, toYear: number): string {
  return `${rng.int(fromYear, toYear)}-${String(rng.int(1, 12)).padStart(2, '0')}-${String(rng.int(1, 28)).padStart(2, '0')}`;
}

function finessLines(establishments: Establishment[]): string[] {
  return [`finess;etalab;112;${EXTRACTED_ON}`, ...establishments.map(structureLine), ...establishments.map(geolocationLine)];
}

function structureLine(e: Establishment): string {
  const c = e.category;
  const routing = `${e.postalCode} ${shout(e.commune.name).replace(/-/g, ' ')}`;
  const [typeCode] = STREET_TYPES[e.street.type]!;
  return [
    'structureet', e.finess, e.legalFiness, e.name, shout(e.longName), '', '', e.street.number, typeCode, shout(e.street.name), e.street.index ?? '', '',
    e.commune.code.slice(2), DEPARTEMENT, 'MAINE ET LOIRE', routing, e.phone, e.fax ?? '', c.code, c.label, c.aggregate?.[0] ?? '', c.aggregate?.[1] ?? '',
    e.siret, c.ape, ...c.funding, ...(c.sph ?? ['', '']), e.openedOn, e.openedOn, e.updatedOn, '',
  ].join(';');
}

function geolocationLine(e: Establishment): string {
  const { x, y } = wgs84ToLambert93(e.latitude, e.longitude);
  return ['geolocalisation', e.finess, x.toFixed(1), y.toFixed(1), '1,ATLASANTE,96,BAN,EPSG:2154 RGF93 / Lambert-93 (Métropole)', e.updatedOn].join(';');
}

// ---- practice places ----------------------------------------------------------------------------

type Site = {
  technicalId: string;
  legalName: string;
  tradeName: string | null;
  siret: string | null;
  finess: string | null;
  legalFiness: string | null;
  street: Street;
  postalCode: string;
  commune: Commune;
  phone: string;
};

type CabinetKind = 'medical' | 'nursing' | 'physiotherapy' | 'dental' | 'midwifery' | 'specialist';
const CABINET_NAMES: Record<CabinetKind, string> = {
  medical: 'CABINET MEDICAL', nursing: 'CABINET INFIRMIER', physiotherapy: 'CABINET DE KINESITHERAPIE', dental: 'CABINET DENTAIRE',
  midwifery: 'CABINET DE SAGE-FEMME', specialist: 'CABINET MEDICAL SPECIALISE',
};

/** The practice places, created once: establishments, demo structures and liberal cabinets. */
class SiteBook {
  readonly establishments: Establishment[];
  private readonly byKey = new Map<string, Site>();
  private readonly cabinets = new Map<string, Site[]>();

  constructor(establishments: Establishment[]) {
    this.establishments = establishments;
  }

  ofEstablishment(e: Establishment): Site {
    return this.once(`finess:${e.finess}`, () => ({
      legalName: shout(e.longName), tradeName: null, siret: e.siret, finess: e.finess, legalFiness: e.legalFiness,
      street: e.street, postalCode: e.postalCode, commune: e.commune, phone: e.phone,
    }));
  }

  /** a demo structure is its establishment when it has a FINESS */
  ofStructure(structure: DemoStructure): Site {
    const e = this.establishments.find((candidate) => candidate.structureKey === structure.key);
    if (e) return this.ofEstablishment(e);
    const [street, postalCode] = structure.address.split(', ');
    return this.once(`structure:${structure.key}`, () => ({
      legalName: shout(structure.name), tradeName: structure.name, siret: structure.siret, finess: null, legalFiness: null,
      street: parseStreet(street!), postalCode: postalCode!.slice(0, 5), commune: communeByCode(structure.communeInsee), phone: digits(structure.phone),
    }));
  }

  /** a liberal cabinet of the commune: an existing one half of the time, so colleagues share them */
  cabinet(rng: Rng, kind: CabinetKind, commune: Commune): Site {
    const key = `${kind}:${commune.code}`;
    const existing = this.cabinets.get(key) ?? [];
    if (existing.length > 0 && rng.chance(0.5)) return rng.pick(existing);
    const street = pickStreet(rng, commune);
    const site = this.once(`cabinet:${key}:${existing.length}`, () => ({
      legalName: `${CABINET_NAMES[kind]} ${shout(street.name)}`, tradeName: null,
      siret: demoSiret(`5${String(this.byKey.size).padStart(7, '0')}`, 11), finess: null, legalFiness: null,
      street, postalCode: rng.pick(commune.postalCodes), commune, phone: digits(landline(rng)),
    }));
    this.cabinets.set(key, [...existing, site]);
    return site;
  }

  ofCategory(...categories: Category[]): Establishment[] {
    return this.establishments.filter((e) => categories.includes(e.category));
  }

  private once(key: string, make: () => Omit<Site, 'technicalId'>): Site {
    let site = this.byKey.get(key);
    if (!site) {
      // the directory's technical identifier of a place: opaque, stable for a given place
      site = { technicalId: `R${String(10049000000000 + this.byKey.size + 1)}`, ...make() };
      this.byKey.set(key, site);
    }
    return site;
  }
}

// ---- professionals (PS_LibreAcces) --------------------------------------------------------------

type Profession = {
  code: string;
  label: string;
  skill: [code: string, label: string] | null;
  /** "Docteur" as civility of practice */
  doctor: boolean;
  mailDomain: string;
};

const doctor = (skill: [string, string]): Profession => ({ code: '10', label: 'Médecin', skill, doctor: true, mailDomain: 'medecin.mssante.fr' });

const PROFESSIONS = {
  gp: doctor(['SM54', 'Médecine Générale']),
  geriatrician: doctor(['SM18', 'Gériatrie']),
  nephrologist: doctor(['SM30', 'Néphrologie']),
  psychiatrist: doctor(['SM42', 'Psychiatrie']),
  cardiologist: doctor(['SM04', 'Cardiologie et maladies vasculaires']),
  paediatrician: doctor(['SM40', 'Pédiatrie']),
  nurse: { code: '60', label: 'Infirmier', skill: null, doctor: false, mailDomain: 'infirmier.mssante.fr' },
  pharmacist: { code: '21', label: 'Pharmacien', skill: null, doctor: true, mailDomain: 'pharmacien.mssante.fr' },
  physiotherapist: { code: '70', label: 'Masseur-Kinésithérapeute', skill: null, doctor: false, mailDomain: 'masseur-kinesitherapeute.mssante.fr' },
  dentist: { code: '40', label: 'Chirurgien-Dentiste', skill: null, doctor: true, mailDomain: 'chirurgien-dentiste.mssante.fr' },
  midwife: { code: '50', label: 'Sage-Femme', skill: null, doctor: false, mailDomain: 'sage-femme.mssante.fr' },
} satisfies Record<string, Profession>;
type ProfessionKey = keyof typeof PROFESSIONS;

/** the demo's profession labels (people.ts); a cadre de santé or a médecin coordonnateur keeps their profession */
const DEMO_PROFESSIONS: Record<string, ProfessionKey> = {
  'Médecin généraliste': 'gp', 'Médecin coordonnateur': 'gp', Gériatre: 'geriatrician', Néphrologue: 'nephrologist', Psychiatre: 'psychiatrist',
  Infirmière: 'nurse', Infirmier: 'nurse', 'Infirmière coordinatrice': 'nurse', 'Infirmière de liaison': 'nurse', 'Cadre de santé': 'nurse',
  Pharmacien: 'pharmacist', Pharmacienne: 'pharmacist', 'Masseur-kinésithérapeute': 'physiotherapist',
};

type Mode = 'L' | 'S';
/** section of the pharmacists' register: A owns a pharmacy, D works in one */
type PharmacySection = 'A' | 'D';
type Practice = { site: Site; mode: Mode; section: PharmacySection | null };

type Professional = {
  rpps: string;
  sex: 'F' | 'M';
  givenName: string;
  familyName: string;
  profession: Profession;
  practices: Practice[];
  /** the demo's own people all have a mailbox; others most often */
  demo: boolean;
};

function demoProfessionals(sites: SiteBook): Professional[] {
  const structures = new Map(buildStructures().map((s) => [s.key, s]));
  const owners = new Set<string>();
  return buildPeople().flatMap((person) => {
    if (!person.rpps) return [];
    const key = DEMO_PROFESSIONS[person.profession ?? ''];
    if (!key) throw new Error(`no RPPS profession for ${person.profession}`);
    const spec = personSpec(person.key);
    // a CPTS is a network of professionals, not a place where they practise
    const places = person.memberships.map((m) => structures.get(m.structureKey)!).filter((s) => s.kind !== 'cpts');
    const practices = places.map((structure): Practice => {
      const site = sites.ofStructure(structure);
      if (key === 'pharmacist') return pharmacyPractice(site, owners);
      return { site, mode: structure.kind === 'practice' ? 'L' : 'S', section: null };
    });
    return [{ rpps: person.rpps, sex: spec.sex, givenName: person.givenName, familyName: person.familyName.toUpperCase(), profession: PROFESSIONS[key], practices, demo: true }];
  });
}

/** the first pharmacist of a pharmacy owns it; the next ones are employed there */
function pharmacyPractice(site: Site, owners: Set<string>): Practice {
  if (owners.has(site.technicalId)) return { site, mode: 'S', section: 'D' };
  owners.add(site.technicalId);
  return { site, mode: 'L', section: 'A' };
}

// GPs ~35 %, nurses ~30 %, then physiotherapists, pharmacists, dentists, midwives and a few specialists.
const MIX: [ProfessionKey, number][] = [
  ['gp', 35], ['nurse', 30], ['physiotherapist', 11], ['pharmacist', 9], ['dentist', 7], ['midwife', 3],
  ['cardiologist', 2], ['paediatrician', 1], ['psychiatrist', 1], ['geriatrician', 1],
];
const FEMALE_SHARE: Record<ProfessionKey, number> = {
  gp: 0.55, geriatrician: 0.6, nephrologist: 0.4, psychiatrist: 0.5, cardiologist: 0.3, paediatrician: 0.7, nurse: 0.86,
  pharmacist: 0.68, physiotherapist: 0.5, dentist: 0.48, midwife: 0.97,
};

function extraProfessionals(rng: Rng, sites: SiteBook): Professional[] {
  const owners = new Set<string>();
  return Array.from({ length: EXTRA_PROFESSIONALS }, (_, index) => {
    const key = rng.weighted(MIX.map(([k]) => k), MIX.map(([, w]) => w));
    const sex = rng.chance(FEMALE_SHARE[key]) ? 'F' : 'M';
    const origin = pickOrigin(rng);
    const givenName = pickGivenName(rng, origin, sex, rng.int(1958, 1998));
    const familyName = pickFamilyName(rng, origin).toUpperCase();
    const first = firstPractice(rng, key, sites, owners);
    const second = first.mode === 'L' && key !== 'pharmacist' && rng.chance(0.08) ? [secondPractice(rng, key, sites, first.site)] : [];
    return {
      // 9972…: apart from demoRpps (9970…) and from the test ranges
      rpps: withLuhnDigit(`9972${String(index + 1).padStart(6, '0')}`),
      sex, givenName, familyName, profession: PROFESSIONS[key], practices: [first, ...second], demo: false,
    };
  });
}

const CABINET_OF: Record<ProfessionKey, CabinetKind> = {
  gp: 'medical', geriatrician: 'specialist', nephrologist: 'specialist', psychiatrist: 'specialist', cardiologist: 'specialist',
  paediatrician: 'specialist', nurse: 'nursing', pharmacist: 'medical', physiotherapist: 'physiotherapy', dentist: 'dental', midwife: 'midwifery',
};

/** where a professional mostly works: salaried in an establishment for some, a liberal cabinet for most */
function firstPractice(rng: Rng, key: ProfessionKey, sites: SiteBook, owners: Set<string>): Practice {
  const employed = (categories: Category[], share: number): Practice | null => {
    if (!rng.chance(share)) return null;
    const e = rng.pick(sites.ofCategory(...categories));
    // a maison de santé gathers liberal professionals; elsewhere they are employed
    return { site: sites.ofEstablishment(e), mode: e.category === CATEGORIES.msp ? 'L' : 'S', section: null };
  };
  const C = CATEGORIES;
  const placed =
    key === 'pharmacist' ? pharmacyPractice(sites.ofEstablishment(rng.pick(sites.ofCategory(C.pharmacy))), owners)
    : key === 'gp' ? employed([C.msp, C.msp, C.healthCentre], 0.25)
    : key === 'nurse' ? employed([C.ehpad, C.ssiad, C.saas, C.ch, C.chr, C.clinic, C.had], 0.2)
    : key === 'physiotherapist' ? employed([C.smr, C.ehpad, C.msp], 0.15)
    : key === 'midwife' ? employed([C.chr, C.clinic], 0.3)
    : key === 'dentist' ? null
    : employed([C.chr, C.ch, C.clinic, C.psychiatry], 0.6);
  return placed ?? { site: sites.cabinet(rng, CABINET_OF[key], pickHomeCommune(rng)), mode: 'L', section: null };
}

function secondPractice(rng: Rng, key: ProfessionKey, sites: SiteBook, first: Site): Practice {
  let commune = pickHomeCommune(rng);
  while (commune.code === first.commune.code) commune = pickHomeCommune(rng);
  return { site: sites.cabinet(rng, CABINET_OF[key], commune), mode: 'L', section: null };
}

const MODE_LABELS: Record<Mode, string> = { L: 'Libéral, indépendant, artisan, commerçant', S: 'Salarié' };
const SECTION_LABELS: Record<PharmacySection, string> = { A: "Pharmacien titulaire d'officine", D: "Pharmacien adjoint d'officine et autres exercices" };

type RppsColumn = (typeof RPPS_HEADER)[number];

function rppsLines(p: Professional): string[] {
  return p.practices.map((practice) => {
    const values: Partial<Record<RppsColumn, string | null>> = { ...identityColumns(p), ...practiceColumns(p, practice) };
    return pipeLine(RPPS_HEADER.map((column) => values[column] ?? ''));
  });
}

function identityColumns(p: Professional): Partial<Record<RppsColumn, string | null>> {
  const skill = p.profession.skill;
  return {
    "Type d'identifiant PP": '8',
    'Identifiant PP': p.rpps,
    'Identification nationale PP': `8${p.rpps}`,
    "Code civilité d'exercice": p.profession.doctor ? 'DR' : null,
    "Libellé civilité d'exercice": p.profession.doctor ? 'Docteur' : null,
    'Code civilité': p.sex === 'F' ? 'MME' : 'M',
    'Libellé civilité': p.sex === 'F' ? 'Madame' : 'Monsieur',
    "Nom d'exercice": p.familyName,
    "Prénom d'exercice": p.givenName,
    'Code profession': p.profession.code,
    'Libellé profession': p.profession.label,
    'Code catégorie professionnelle': 'C',
    'Libellé catégorie professionnelle': 'Civil',
    'Code type savoir-faire': skill ? 'S' : null,
    'Libellé type savoir-faire': skill ? 'Spécialité ordinale' : null,
    'Code savoir-faire': skill?.[0],
    'Libellé savoir-faire': skill?.[1],
  };
}

function practiceColumns(p: Professional, { site, mode, section }: Practice): Partial<Record<RppsColumn, string | null>> {
  const [typeCode, typeLabel] = STREET_TYPES[site.street.type]!;
  return {
    'Code mode exercice': mode,
    'Libellé mode exercice': MODE_LABELS[mode],
    'Numéro SIRET site': site.siret,
    'Numéro SIREN site': site.siret?.slice(0, 9),
    'Numéro FINESS site': site.finess,
    'Numéro FINESS établissement juridique': site.legalFiness,
    'Identifiant technique de la structure': site.technicalId,
    'Raison sociale site': site.legalName,
    'Enseigne commerciale site': site.tradeName,
    'Numéro Voie (coord. structure)': site.street.number,
    'Indice répétition voie (coord. structure)': site.street.index,
    'Code type de voie (coord. structure)': typeCode,
    'Libellé type de voie (coord. structure)': typeLabel,
    'Libellé Voie (coord. structure)': site.street.name,
    'Code postal (coord. structure)': site.postalCode,
    'Code commune (coord. structure)': site.commune.code,
    'Libellé commune (coord. structure)': site.commune.name,
    'Code pays (coord. structure)': '99100',
    'Libellé pays (coord. structure)': 'France',
    'Téléphone (coord. structure)': site.phone,
    'Code Département (structure)': DEPARTEMENT,
    'Libellé Département (structure)': 'Maine-et-Loire',
    'Code section tableau pharmaciens': p.profession === PROFESSIONS.pharmacist ? section : null,
    'Libellé section tableau pharmaciens': p.profession === PROFESSIONS.pharmacist && section ? SECTION_LABELS[section] : null,
  };
}

// ---- mailboxes (MSSanté) ------------------------------------------------------------------------

type MailboxColumn = (typeof MSSANTE_HEADER)[number];

/** "Anne-Sophie", "DA SILVA" → "anne-sophie", "da-silva" */
const localPart = (text: string) => ascii(text).toLowerCase().replace(/['’]/g, '').replace(/[^a-z0-9]+/g, '-').replace(/^-|-$/g, '');

/** Addresses are unique: a second Marie Martin gets marie.martin2. */
class AddressBook {
  private readonly used = new Set<string>();

  take(local: string, domain: string): string {
    let address = `${local}@${domain}`;
    for (let n = 2; this.used.has(address); n++) address = `${local}${n}@${domain}`;
    this.used.add(address);
    return address;
  }
}

function mailboxLines(professionals: Professional[], sites: SiteBook, rng: Rng): string[] {
  const addresses = new AddressBook();
  const personal = professionals
    .filter((p) => p.demo || rng.chance(0.8))
    .map((p) => mailboxLine({ ...personalColumns(p, addresses), ...structureColumns(p.practices[0]!.site) }));
  const organisational = organisationalBoxes(sites).map(({ local, domain, service, site }) =>
    mailboxLine({ 'Type de BAL': 'ORG', 'Adresse BAL': addresses.take(local, domain), 'Service de rattachement': service, ...structureColumns(site) }),
  );
  return [pipeLine(MSSANTE_HEADER), ...personal, ...organisational];
}

const mailboxLine = (values: Partial<Record<MailboxColumn, string | null>>) => pipeLine(MSSANTE_HEADER.map((column) => values[column] ?? ''));

function personalColumns(p: Professional, addresses: AddressBook): Partial<Record<MailboxColumn, string | null>> {
  return {
    'Type de BAL': 'PER',
    'Adresse BAL': addresses.take(`${localPart(p.givenName)}.${localPart(p.familyName)}`, p.profession.mailDomain),
    'Type Identifiant PP': '8',
    'Identifiant PP': p.rpps,
    'Identification nationale PP': `8${p.rpps}`,
    "Civilité d'exercice": p.profession.doctor ? 'DR' : null,
    "Nom d'exercice": p.familyName,
    "Prénom d'exercice": p.givenName,
    'Catégorie profession': 'C',
    'Libellé de catégorie profession': 'Civil',
    'Code Profession': p.profession.code,
    'Libellé Profession': p.profession.label,
    'Code savoir-faire': p.profession.skill?.[0],
    'Libellé savoir-faire': p.profession.skill?.[1],
  };
}

/** the structure a box belongs to, as national identifier: "1" + FINESS, else "3" + SIRET */
function structureColumns(site: Site): Partial<Record<MailboxColumn, string | null>> {
  const [typeCode] = STREET_TYPES[site.street.type]!;
  return {
    'Type identifiant structure': site.finess ? '1' : '3',
    'Identification Structure': site.finess ? `1${site.finess}` : `3${site.siret}`,
    'Raison Sociale structure BAL': site.legalName,
    'Enseigne commerciale structure BAL': site.tradeName,
    'L4NUMEROVOIE structure BAL': site.street.number,
    'L4COMPLEMENTNUMEROVOIE structure BAL': site.street.index,
    'NL4TYPEVOIE structure BAL': typeCode,
    'L4LIBELLEVOIE structure BAL': shout(site.street.name),
    'L6LIGNEACHEMINEMENT structure BAL': `${site.postalCode} ${shout(site.commune.name).replace(/-/g, ' ')}`,
    'Code postal structure BAL': site.postalCode,
    'Département structure BAL': DEPARTEMENT,
    'Pays structure BAL': 'FRANCE',
  };
}

type OrganisationalBox = { local: string; domain: string; service: string | null; site: Site };

// Hospitals open a box per service; the other establishments one for their secretariat. Pharmacies
// mostly use their pharmacists' personal boxes.
const HOSPITAL_SERVICES: [string, string][] = [
  ['geriatrie', 'Court séjour gériatrique'], ['nephrologie', 'Néphrologie'], ['psychiatrie', 'Psychiatrie adulte'],
  ['service-social', 'Service social'], ['urgences', 'Urgences'],
];

function organisationalBoxes(sites: SiteBook): OrganisationalBox[] {
  const boxes = sites.establishments
    .filter((e) => e.category !== CATEGORIES.pharmacy)
    .flatMap((e): OrganisationalBox[] => {
      const domain = `${localPart(e.name)}.mssante.fr`;
      const site = sites.ofEstablishment(e);
      const services = e.category === CATEGORIES.ch || e.category === CATEGORIES.chr ? HOSPITAL_SERVICES : [];
      return [{ local: 'secretariat', domain, service: null, site }, ...services.map(([local, service]) => ({ local, domain, service, site }))];
    });
  const coordination = buildStructures().filter((s) => s.kind === 'dac' || s.kind === 'cpts');
  return [...boxes, ...coordination.map((s) => ({ local: 'coordination', domain: `${localPart(s.name)}.mssante.fr`, service: null, site: sites.ofStructure(s) }))];
}

if (process.argv[1] && fileURLToPath(import.meta.url) === fs.realpathSync(process.argv[1])) {
  const extracts = buildDemoExtracts();
  fs.mkdirSync(EXTRACTS_DIR, { recursive: true });
  for (const kind of ['rpps', 'finess', 'mssante'] as const) fs.writeFileSync(`${EXTRACTS_DIR}${EXTRACT_FILES[kind]}`, extracts[kind]);
  console.log(`wrote ${Object.values(EXTRACT_FILES).join(', ')} in ${EXTRACTS_DIR}`);
}
