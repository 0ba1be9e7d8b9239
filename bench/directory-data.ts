// Synthetic data of `npm run bench:directory`: an Annuaire Santé "PS_LibreAcces_Personne_activite"
// file streamed to disk (never held in memory), and the communes of Pays de la Loire with a made-up
// but plausible position (the communes file has no coordinates).
import fs from 'node:fs';
import { createRequire } from 'node:module';
import { once } from 'node:events';
import { RPPS_HEADER } from '#src/directory/formats/rpps.ts';
import { Rng } from './load.ts';

export type Commune = { code: string; name: string; postalCode: string; latitude: number; longitude: number };

/** Rough centre of each department of region 52; communes are scattered ±0.35° around it. */
const DEPARTMENT_CENTRES: Record<string, [number, number]> = {
  '44': [47.35, -1.7], '49': [47.4, -0.55], '53': [48.15, -0.65], '72': [47.95, 0.2], '85': [46.65, -1.4],
};

export function regionCommunes(seed = 52): Commune[] {
  const require = createRequire(import.meta.url);
  const all = require('@etalab/decoupage-administratif/data/communes.json') as { code: string; nom: string; region?: string; departement?: string; type: string; codesPostaux?: string[] }[];
  const rng = new Rng(seed);
  return all
    .filter((c) => c.region === '52' && c.type === 'commune-actuelle')
    .map((c) => {
      const [lat, lon] = DEPARTMENT_CENTRES[c.departement ?? '44'] ?? [47.4, -1];
      return { code: c.code, name: c.nom, postalCode: c.codesPostaux?.[0] ?? `${c.departement}000`, latitude: lat + (rng.next() - 0.5) * 0.7, longitude: lon + (rng.next() - 0.5) * 0.9 };
    });
}

/** An 11-digit RPPS: 997, a 7-digit serial, and the Luhn key that makes the whole number valid. */
export function rppsOf(serial: number): string {
  const body = `997${String(serial).padStart(7, '0')}`;
  let sum = 0;
  // the key will sit at position 0 from the right, so the body's last digit is doubled
  for (let i = 0; i < body.length; i++) {
    let d = Number(body[body.length - 1 - i]);
    if (i % 2 === 0) {
      d *= 2;
      if (d > 9) d -= 9;
    }
    sum += d;
  }
  return body + String((10 - (sum % 10)) % 10);
}

const FAMILY = ['MARTIN', 'BERNARD', 'THOMAS', 'PETIT', 'ROBERT', 'RICHARD', 'DURAND', 'DUBOIS', 'MOREAU', 'LAURENT', 'SIMON', 'MICHEL', 'LEFEBVRE', 'LEROY', 'ROUX', 'DAVID', 'BERTRAND', 'MOREL', 'FOURNIER', 'GIRARD', 'BONNET', 'DUPONT', 'LAMBERT', 'FONTAINE', 'ROUSSEAU', 'VINCENT', 'MULLER', 'LEFEVRE', 'FAURE', 'ANDRE', 'MERCIER', 'BLANC', 'GUERIN', 'BOYER', 'GARNIER', 'CHEVALIER', 'FRANCOIS', 'LEGRAND', 'GAUTHIER', 'GARCIA', 'PERRIN', 'ROBIN', 'CLEMENT', 'MORIN', 'NICOLAS', 'HENRY', 'ROUSSEL', 'MATHIEU', 'GAUTIER', 'MASSON'];
const GIVEN = ['Claire', 'Hélène', 'Marie', 'Sophie', 'Julie', 'Camille', 'Nathalie', 'Isabelle', 'Anne', 'Céline', 'Jean', 'Pierre', 'Michel', 'Philippe', 'Nicolas', 'Thomas', 'Julien', 'François', 'Éric', 'Laurent', 'Antoine', 'Lucas', 'Léa', 'Manon', 'Chloé'];
/** [code, label, category code, share] — nurses and physicians dominate the real extraction. */
const PROFESSIONS: [string, string][] = [['60', 'Infirmier'], ['60', 'Infirmier'], ['10', 'Médecin'], ['10', 'Médecin'], ['70', 'Masseur-Kinésithérapeute'], ['21', 'Pharmacien'], ['40', 'Chirurgien-Dentiste'], ['50', 'Sage-Femme'], ['91', 'Orthophoniste'], ['96', 'Psychomotricien']];
const MODES: [string, string][] = [['L', 'Libéral, indépendant, artisan, commerçant'], ['S', 'Salarié'], ['B', 'Bénévole']];
const STREETS: [string, string, string][] = [['R', 'Rue', 'de la Paix'], ['AV', 'Avenue', 'de la Libération'], ['BD', 'Boulevard', 'Victor Hugo'], ['PL', 'Place', 'du Marché'], ['R', 'Rue', 'Nationale']];

const column = new Map<string, number>(RPPS_HEADER.map((label, i) => [label, i]));

/** One line of the extraction, fields placed by their header label (as the demo sample is written). */
function line(values: Record<string, string>): string {
  const fields = new Array<string>(RPPS_HEADER.length).fill('');
  for (const [label, value] of Object.entries(values)) fields[column.get(label)!] = value;
  return `${fields.join('|')}|`;
}

function practiceLine(rng: Rng, serial: number, practice: number, communes: Commune[], structures: number): string {
  const rpps = rppsOf(serial);
  // identity fields come from the serial so that both lines of one professional agree
  const profession = PROFESSIONS[serial % PROFESSIONS.length]!;
  const woman = serial % 3 !== 0;
  const structure = (serial * 7 + practice * 7919) % structures;
  const commune = communes[structure % communes.length]!;
  const mode = MODES[(serial + practice) % MODES.length]!;
  const street = STREETS[structure % STREETS.length]!;
  return line({
    "Type d'identifiant PP": '8', 'Identifiant PP': rpps, 'Identification nationale PP': `8${rpps}`,
    "Code civilité d'exercice": profession[0] === '10' ? 'DR' : '', "Libellé civilité d'exercice": profession[0] === '10' ? 'Docteur' : '',
    'Code civilité': woman ? 'MME' : 'M', 'Libellé civilité': woman ? 'Madame' : 'Monsieur',
    "Nom d'exercice": FAMILY[serial % FAMILY.length]!, "Prénom d'exercice": GIVEN[Math.floor(serial / FAMILY.length) % GIVEN.length]!,
    'Code profession': profession[0], 'Libellé profession': profession[1], 'Code catégorie professionnelle': 'C', 'Libellé catégorie professionnelle': 'Civil',
    ...(profession[0] === '10' ? { 'Code type savoir-faire': 'S', 'Libellé type savoir-faire': 'Spécialité ordinale', 'Code savoir-faire': 'SM54', 'Libellé savoir-faire': 'Médecine Générale' } : {}),
    'Code mode exercice': mode[0], 'Libellé mode exercice': mode[1],
    'Numéro SIRET site': String(40000000000000 + structure * 17), 'Numéro SIREN site': String(400000000 + structure),
    'Identifiant technique de la structure': `R1005${String(structure).padStart(10, '0')}`,
    'Raison sociale site': `CABINET ${FAMILY[structure % FAMILY.length]} ${structure}`,
    'Numéro Voie (coord. structure)': String(1 + Math.floor(rng.next() * 120)), 'Code type de voie (coord. structure)': street[0],
    'Libellé type de voie (coord. structure)': street[1], 'Libellé Voie (coord. structure)': street[2],
    'Code postal (coord. structure)': commune.postalCode, 'Code commune (coord. structure)': commune.code, 'Libellé commune (coord. structure)': commune.name,
    'Code pays (coord. structure)': '99100', 'Libellé pays (coord. structure)': 'France',
    'Téléphone (coord. structure)': `02${String(40000000 + structure).slice(-8)}`,
    'Code Département (structure)': commune.code.slice(0, 2),
  });
}

/**
 * Writes `lines` practice lines (plus the header) for about 85 % as many professionals: every
 * `twoEvery`-th professional has a second practice, on the next line as in the real extraction.
 */
export async function writeRppsFile(file: string, lines: number, seed = 1): Promise<{ lines: number; professionals: number; bytes: number }> {
  const communes = regionCommunes();
  const rng = new Rng(seed);
  const structures = Math.max(100, Math.round(lines / 12));
  // 1,000,000 lines → 850,000 professionals, 150,000 of them with 2 practices
  const twoEvery = 0.85 / 0.15;
  const out = fs.createWriteStream(file);
  let chunk: string[] = [`${RPPS_HEADER.join('|')}|`];
  let written = 0;
  let professionals = 0;
  let nextDouble = 0;
  const flush = async () => {
    if (!out.write(`${chunk.join('\n')}\n`)) await once(out, 'drain');
    chunk = [];
  };
  while (written < lines) {
    const serial = ++professionals;
    chunk.push(practiceLine(rng, serial, 0, communes, structures));
    written += 1;
    if (professionals >= nextDouble && written < lines) {
      chunk.push(practiceLine(rng, serial, 1, communes, structures));
      written += 1;
      nextDouble += twoEvery;
    }
    if (chunk.length >= 5000) await flush();
  }
  await flush();
  out.end();
  await once(out, 'finish');
  return { lines: written, professionals, bytes: fs.statSync(file).size };
}
