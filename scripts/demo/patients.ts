// The demo population: ~300 people followed by the DAC, mostly very old, drawn from the seed.
// Each patient comes with a profile (main condition, who helps them) that the journal texts use.
import type { DemoPatient } from './types.ts';
import type { Rng } from './random.ts';
import { addDays, isoDate } from './dates.ts';
import { originCountry, pickBirthGivenNames, pickFamilyName, pickGivenName, pickOrigin, toInsName, type Origin } from './names.ts';
import { communeByCode, landline, mobile, pickAddress, pickFrenchBirthplace, pickHomeCommune, type Birthplace } from './territory.ts';

export type Condition =
  | 'frailty' | 'dementia' | 'heart_failure' | 'diabetes' | 'copd' | 'cancer' | 'parkinson' | 'stroke' | 'disability' | 'psychiatric';

export type Relation = 'fille' | 'fils' | 'épouse' | 'mari' | 'nièce' | 'neveu' | 'voisine' | 'mère' | 'père' | 'sœur' | 'frère';

/** the relative or neighbour who helps: no account in the demo, only named in journal texts */
export type Relative = { relation: Relation; givenName: string };

export type PatientProfile = {
  patient: DemoPatient;
  age: number;
  condition: Condition;
  /** "Mme" or "M." */
  title: string;
  /** the name colleagues use, with its accents: used name if any, else birth name */
  name: string;
  livesAlone: boolean;
  relative: Relative;
};

type AgeBand = 'young' | 'adult' | 'senior' | 'elderly';

// [band, percent, min age, max age]: 60 % over 75, as in a DAC's active file list; a few young
// adults with disability or mental illness.
const AGE_BANDS: [AgeBand, number, number, number][] = [
  ['young', 6, 18, 29],
  ['adult', 14, 30, 59],
  ['senior', 20, 60, 74],
  ['elderly', 60, 75, 99],
];

const CONDITION_WEIGHTS: Record<AgeBand, Partial<Record<Condition, number>>> = {
  young: { disability: 45, psychiatric: 45, diabetes: 10 },
  adult: { psychiatric: 25, disability: 20, diabetes: 15, cancer: 15, stroke: 10, copd: 8, heart_failure: 7 },
  senior: { cancer: 20, diabetes: 15, copd: 15, heart_failure: 15, stroke: 10, parkinson: 10, frailty: 5, dementia: 5, psychiatric: 5 },
  elderly: { frailty: 30, dementia: 25, heart_failure: 15, cancer: 8, stroke: 7, parkinson: 5, copd: 5, diabetes: 5 },
};

function pickAge(rng: Rng, band: AgeBand, min: number, max: number): number {
  // the very old cluster around 85: average of two draws
  const spread = band === 'elderly' ? (rng.next() + rng.next()) / 2 : rng.next();
  return min + Math.floor(spread * (max - min + 1));
}

/** a birth date that makes the person exactly `age` years old at `now` */
function birthDateForAge(now: Date, age: number, daysSinceBirthday: number): string {
  const anniversary = new Date(Date.UTC(now.getUTCFullYear() - age, now.getUTCMonth(), now.getUTCDate()));
  return isoDate(addDays(anniversary, -daysSinceBirthday));
}

function marriedNameShare(age: number): number {
  if (age >= 75) return 0.85;
  if (age >= 45) return 0.55;
  if (age >= 30) return 0.3;
  return 0.03;
}

function pickRelative(rng: Rng, age: number, birthYear: number, sex: 'F' | 'M', livesAlone: boolean, origin: Origin): Relative {
  let relations: Relation[];
  if (age < 30) relations = ['mère', 'mère', 'mère', 'père', 'sœur'];
  else if (livesAlone) relations = age >= 60 ? ['fille', 'fille', 'fils', 'nièce', 'neveu', 'voisine'] : ['mère', 'sœur', 'frère', 'fille'];
  else relations = sex === 'F' ? ['mari', 'mari', 'fille', 'fils'] : ['épouse', 'épouse', 'fille', 'fils'];
  const relation = rng.pick(relations);
  const female = ['fille', 'épouse', 'nièce', 'voisine', 'mère', 'sœur'].includes(relation);
  const generationGap = ['fille', 'fils', 'nièce', 'neveu'].includes(relation) ? 30 : ['mère', 'père'].includes(relation) ? -28 : 0;
  return { relation, givenName: pickGivenName(rng, origin, female ? 'F' : 'M', birthYear + generationGap) };
}

function pickBirthplace(rng: Rng, origin: Origin, birthYear: number): Birthplace {
  // first-generation immigrants were born abroad; their children mostly in France
  const abroadShare = birthYear < 1975 ? 0.8 : 0.15;
  const country = rng.chance(abroadShare) ? originCountry(rng, origin) : null;
  return country ?? pickFrenchBirthplace(rng);
}

/** one patient of the general population in the given age band, with the given key */
function drawPatient(rng: Rng, now: Date, key: string, band: AgeBand): PatientProfile {
  const [, , min, max] = AGE_BANDS.find(([b]) => b === band) ?? AGE_BANDS[3];
  const age = pickAge(rng, band, min, max);
  const birthDate = birthDateForAge(now, age, rng.int(0, 364));
  const birthYear = Number(birthDate.slice(0, 4));
  // women outlive men: two thirds of the very old patients are women
  const sex = rng.chance(band === 'elderly' ? 0.64 : 0.5) ? 'F' : 'M';
  const origin = pickOrigin(rng);
  const givenName = pickGivenName(rng, origin, sex, birthYear);
  const birthName = pickFamilyName(rng, origin);
  const married = sex === 'F' && rng.chance(marriedNameShare(age));
  const spouseName = married ? pickFamilyName(rng, rng.chance(0.85) ? origin : 'french') : null;
  const usedName = spouseName && spouseName !== birthName ? spouseName : null;
  const birthplace = pickBirthplace(rng, origin, birthYear);
  const commune = pickHomeCommune(rng);
  const address = pickAddress(rng, commune);
  const livesAlone = rng.chance(band === 'elderly' ? 0.55 : 0.35);
  const conditions = CONDITION_WEIGHTS[band];
  const conditionKeys = Object.keys(conditions) as Condition[];
  const condition = rng.weighted(conditionKeys, conditionKeys.map((c) => conditions[c] ?? 0));
  const phone = age >= 75 && rng.chance(0.7) ? landline(rng) : mobile(rng);
  const patient: DemoPatient = {
    key,
    birthName: toInsName(birthName),
    usedName: usedName ? toInsName(usedName) : null,
    givenName,
    birthGivenNames: pickBirthGivenNames(rng, givenName, origin, sex, birthYear),
    birthDate,
    sex,
    birthplaceInsee: birthplace.insee,
    birthplaceName: birthplace.name,
    ...address,
    phone,
  };
  return {
    patient,
    age,
    condition,
    title: sex === 'F' ? 'Mme' : 'M.',
    name: usedName ?? birthName,
    livesAlone,
    relative: pickRelative(rng, age, birthYear, sex, livesAlone, origin),
  };
}

/** the three patients of the scenarios (domain/scenarios.md), fixed whatever the seed */
export function scenarioPatients(now: Date): PatientProfile[] {
  const pontsDeCe = communeByCode('49246');
  const angers = communeByCode('49007');
  const avrille = communeByCode('49015');
  const jeanne: PatientProfile = {
    patient: {
      key: 'jeanne', birthName: 'LEMAIRE', usedName: 'LEBRETON', givenName: 'Jeanne', birthGivenNames: 'Jeanne Marie Thérèse',
      birthDate: birthDateForAge(now, 86, 131), sex: 'F', birthplaceInsee: '49063', birthplaceName: communeByCode('49063').name,
      addressLine: '7 rue Pasteur', postalCode: '49130', communeInsee: pontsDeCe.code, communeName: pontsDeCe.name, phone: '02 41 44 17 52',
    },
    age: 86, condition: 'frailty', title: 'Mme', name: 'Lebreton', livesAlone: true,
    relative: { relation: 'fille', givenName: 'Catherine' },
  };
  const karim: PatientProfile = {
    patient: {
      key: 'karim', birthName: 'BOUZID', usedName: null, givenName: 'Karim', birthGivenNames: 'Karim Mohamed',
      birthDate: birthDateForAge(now, 54, 212), sex: 'M', birthplaceInsee: '99352', birthplaceName: 'Algérie',
      addressLine: '23 rue Bressigny', postalCode: '49100', communeInsee: angers.code, communeName: angers.name, phone: '06 39 98 41 07',
    },
    age: 54, condition: 'diabetes', title: 'M.', name: 'Bouzid', livesAlone: true,
    relative: { relation: 'sœur', givenName: 'Nadia' },
  };
  const lea: PatientProfile = {
    patient: {
      key: 'lea', birthName: 'TESSIER', usedName: null, givenName: 'Léa', birthGivenNames: 'Léa Manon',
      birthDate: birthDateForAge(now, 19, 74), sex: 'F', birthplaceInsee: '49007', birthplaceName: angers.name,
      addressLine: '15 allée des Tilleuls', postalCode: '49240', communeInsee: avrille.code, communeName: avrille.name, phone: '06 39 98 12 66',
    },
    age: 19, condition: 'psychiatric', title: 'Mme', name: 'Tessier', livesAlone: false,
    relative: { relation: 'mère', givenName: 'Sandrine' },
  };
  return [jeanne, karim, lea];
}

const SCENARIO_BANDS: AgeBand[] = ['elderly', 'adult', 'young']; // Jeanne, Karim, Léa

/**
 * The age bands of the drawn patients, in shuffled order. Counted rather than drawn one by one,
 * so every seed gives the same age mix (60 % over 75) once the scenario patients are added.
 */
function ageBands(rng: Rng, total: number): AgeBand[] {
  const bands = AGE_BANDS.flatMap(([band, percent]) => {
    const wanted = Math.round((total * percent) / 100) - SCENARIO_BANDS.filter((b) => b === band).length;
    return Array.from({ length: Math.max(0, wanted) }, () => band);
  });
  while (bands.length < total - SCENARIO_BANDS.length) bands.push('elderly');
  return rng.shuffle(bands.slice(0, total - SCENARIO_BANDS.length));
}

export function buildPatientProfiles(rng: Rng, now: Date, count: number): PatientProfile[] {
  const drawn = ageBands(rng, count).map((band, i) => drawPatient(rng, now, `patient-${String(i + 1).padStart(3, '0')}`, band));
  return [...scenarioPatients(now), ...drawn];
}
