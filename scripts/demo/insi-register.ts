// The demo region's INSi register: the identities the INSi TEST PEER answers with, so that "Récupérer
// l'INS" works in the demo. Derived from the demo region, deterministic like it: about 85 % of the
// patients have an INS (the others are "not found", as people without one — or with traits too far
// from the civil status — are in real life), with the OID of test identities and a NIR coherent with
// the traits. A few identities differ from the demo record the way real ones do, so that retrieving
// the INS visibly corrects the record. Not the real teleservice: a test register, served by the test
// peer (src/insi/test-peer.ts) as `insi-peer.ts` sets it up.
import { nirKey } from '#src/patients/nir.ts';
import { INS_OIDS } from '#src/patients/identity-rules.ts';
import type { InsiRegisterEntry } from '#src/insi/test-peer.ts';
import type { DemoPatient, DemoRegion } from './types.ts';

/** Share of the demo patients who have an INS in the register (the scenario patients always do). */
const REGISTER_PER_MILLE = 850;
/** How many register identities carry more birth given names than the demo record. */
export const DEMO_INSI_VARIANTS = 5;
const SCENARIO_KEYS = new Set(['jeanne', 'karim', 'lea']);

// The second and third birth given names that local records most often leave out.
const EXTRA_GIVEN_NAMES: Record<'F' | 'M', string[]> = {
  F: ['Marie', 'Louise', 'Anne', 'Jeanne', 'Françoise', 'Madeleine'],
  M: ['Joseph', 'Louis', 'Marie', 'Pierre', 'Jean', 'André'],
};

// FNV-1a: a stable number per label, so each patient's draw depends on its key only, not on the order
// of the region or on how many other draws happened before.
function hash(label: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < label.length; i++) {
    h ^= label.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return h >>> 0;
}

function inRegister(patient: DemoPatient): boolean {
  return SCENARIO_KEYS.has(patient.key) || hash(`insi:${patient.key}`) % 1000 < REGISTER_PER_MILLE;
}

/**
 * The 13-character body of a NIR for these traits (domain/rules.md §1): sex, year, month, birthplace
 * (INSEE commune code, 99 + country, 97x overseas, 2A/2B Corsica: 5 characters in every case), then
 * a 3-digit order number not yet used for that birth month and place.
 */
function nirBody(patient: DemoPatient, used: Set<string>): string {
  const prefix = `${patient.sex === 'M' ? '1' : '2'}${patient.birthDate.slice(2, 4)}${patient.birthDate.slice(5, 7)}${patient.birthplaceInsee.toUpperCase()}`;
  let order = (hash(`insi-order:${patient.key}`) % 999) + 1;
  for (let tries = 0; tries < 999 && used.has(prefix + String(order).padStart(3, '0')); tries++) order = (order % 999) + 1;
  const body = prefix + String(order).padStart(3, '0');
  if (used.has(body)) throw new Error(`no free NIR order number for ${prefix}`);
  used.add(body);
  return body;
}

/** The patients whose register identity has more given names than their record: one-name records, by hash. */
function variantKeys(patients: DemoPatient[]): Set<string> {
  const candidates = patients.filter((p) => !SCENARIO_KEYS.has(p.key) && !p.birthGivenNames.trim().includes(' '));
  const chosen = candidates.sort((a, b) => hash(`insi-variant:${a.key}`) - hash(`insi-variant:${b.key}`) || a.key.localeCompare(b.key));
  return new Set(chosen.slice(0, DEMO_INSI_VARIANTS).map((p) => p.key));
}

/** One or two more birth given names, as the civil status has them and the local record lacks. */
function withExtraGivenNames(patient: DemoPatient): string {
  const pool = EXTRA_GIVEN_NAMES[patient.sex].filter((n) => n !== patient.givenName);
  const h = hash(`insi-extra:${patient.key}`);
  const extra = [pool[h % pool.length]!];
  if (h % 5 < 2) extra.push(pool[(h + 1 + (h % (pool.length - 1))) % pool.length]!);
  return [patient.birthGivenNames, ...new Set(extra)].join(' ');
}

export function buildDemoInsiRegister(region: DemoRegion): InsiRegisterEntry[] {
  const included = region.patients.filter(inRegister);
  const variants = variantKeys(included);
  const used = new Set<string>();
  return included.map((patient) => {
    const body = nirBody(patient, used);
    return {
      matricule: body + String(nirKey(body)).padStart(2, '0'),
      oid: INS_OIDS.nirTest,
      birthName: patient.birthName,
      firstGivenName: patient.givenName,
      givenNames: variants.has(patient.key) ? withExtraGivenNames(patient) : patient.birthGivenNames,
      birthDate: patient.birthDate,
      sex: patient.sex,
      birthplaceInsee: patient.birthplaceInsee,
    };
  });
}

