// Pure rules of orientation: the thesauri an offer is described with (a working subset of the ROR
// nomenclatures, decision 0007), when a description is complete (indicator 3.2), how far an offer
// is, and why a result ranks where it does.
import type { OpeningHours } from '#src/db/schema/orientation.ts';

/** Kinds of care ("mode de prise en charge" / type of service), the first criterion of a search. */
export const CARE_KINDS = [
  'hospitalisation_complete',
  'hospitalisation_de_jour',
  'consultation',
  'smr',
  'had',
  'usld',
  'ehpad_permanent',
  'hebergement_temporaire',
  'accueil_de_jour',
  'ssiad',
  'saad',
  'equipe_mobile',
  'soins_primaires',
  'pharmacie',
  'accompagnement_social',
  'logement_accompagne',
  'portage_repas',
] as const;
export type CareKind = (typeof CARE_KINDS)[number];

/** Kinds where a specialty is part of a complete description (the ROR's medical activities). */
const MEDICAL_KINDS: ReadonlySet<CareKind> = new Set(['hospitalisation_complete', 'hospitalisation_de_jour', 'consultation', 'smr', 'equipe_mobile', 'soins_primaires']);

export const SPECIALTIES = [
  'medecine_generale',
  'geriatrie',
  'cardiologie',
  'nephrologie',
  'diabetologie',
  'neurologie',
  'psychiatrie',
  'addictologie',
  'soins_palliatifs',
  'orthopedie',
  'readaptation_locomoteur',
  'readaptation_neurologique',
  'readaptation_cardiaque',
  'nutrition',
  'memoire',
  'plaies',
  'pediatrie',
  'soins_infirmiers',
  'kinesitherapie',
] as const;
export type Specialty = (typeof SPECIALTIES)[number];

/** Situations an offer says it accepts (target population beyond age). */
export const CONDITIONS = [
  'perte_autonomie',
  'alzheimer',
  'handicap_moteur',
  'handicap_psychique',
  'maladie_chronique',
  'fin_de_vie',
  'precarite',
  'sortie_hospitalisation',
] as const;
export type Condition = (typeof CONDITIONS)[number];

export const REFUSAL_REASONS = ['no_place', 'outside_area', 'outside_target', 'medical_criteria', 'incomplete_request', 'patient_declined', 'other'] as const;
export type RefusalReason = (typeof REFUSAL_REASONS)[number];

export const REQUEST_STATUSES = ['sent', 'accepted', 'refused', 'waiting_list', 'cancelled'] as const;
export type RequestStatus = (typeof REQUEST_STATUSES)[number];
export type AnswerStatus = 'accepted' | 'refused' | 'waiting_list';

/** The parts of an offer that make up its description. */
export type OfferDescription = {
  careKind: string;
  specialties: readonly string[];
  ageMin: number | null;
  ageMax: number | null;
  capacity: number | null;
  freePlaces: number | null;
  servedCommunes: readonly string[];
  contactPhone: string | null;
  contactEmail: string | null;
  contactMssante: string | null;
  openingHours: OpeningHours;
};

export type DescriptionPart = 'specialties' | 'population' | 'capacity' | 'freePlaces' | 'servedArea' | 'contact' | 'openingHours';

/** What a complete ROR description still lacks; empty when complete. */
export function missingParts(offer: OfferDescription): DescriptionPart[] {
  const missing: DescriptionPart[] = [];
  if (MEDICAL_KINDS.has(offer.careKind as CareKind) && offer.specialties.length === 0) missing.push('specialties');
  // "all ages" is said with a lower bound of 0, so an unfilled population stays visible
  if (offer.ageMin === null && offer.ageMax === null) missing.push('population');
  if (offer.capacity === null) missing.push('capacity');
  if (offer.freePlaces === null) missing.push('freePlaces');
  if (offer.servedCommunes.length === 0) missing.push('servedArea');
  if (!offer.contactPhone && !offer.contactEmail && !offer.contactMssante) missing.push('contact');
  if (offer.openingHours.length === 0) missing.push('openingHours');
  return missing;
}

/** A structure's description is complete when it has at least one active offer and all are complete. */
export function structureComplete(offers: readonly { active: boolean; complete: boolean }[]): boolean {
  const active = offers.filter((o) => o.active);
  return active.length > 0 && active.every((o) => o.complete);
}

const HOUR = /^([01]\d|2[0-3]):[0-5]\d$/;

/** Opening hours are days 1 (Monday) to 7 with "HH:MM" ranges that close after they open. */
export function openingHoursProblem(hours: OpeningHours): string | null {
  for (const [i, range] of hours.entries()) {
    if (!Number.isInteger(range.day) || range.day < 1 || range.day > 7) return `openingHours[${i}].day`;
    if (!HOUR.test(range.opens)) return `openingHours[${i}].opens`;
    if (!HOUR.test(range.closes) || range.closes <= range.opens) return `openingHours[${i}].closes`;
  }
  return null;
}

/** The index keys of "this kind of care, serving this commune" (see orientation_offers.served_keys). */
export function servedKeysOf(careKind: string, servedCommunes: readonly string[]): string[] {
  return servedCommunes.map((commune) => `${careKind}:${commune}`);
}

/** A box around a point that holds every point within `km` (for an index range before the exact distance). */
export function boundingBox(center: Point, km: number): { minLatitude: number; maxLatitude: number; minLongitude: number; maxLongitude: number } {
  const latitudeDelta = km / 111.2;
  const longitudeDelta = km / (111.2 * Math.max(0.01, Math.cos((center.latitude * Math.PI) / 180)));
  return {
    minLatitude: center.latitude - latitudeDelta,
    maxLatitude: center.latitude + latitudeDelta,
    minLongitude: center.longitude - longitudeDelta,
    maxLongitude: center.longitude + longitudeDelta,
  };
}

// ---- indicator 3.2 categories -------------------------------------------------------------------

/** The categories indicator 3.2 sets targets for. */
export type RorCategory = 'mco' | 'smr' | 'psy' | 'had' | 'usld' | 'medico_social' | 'ambulatory' | 'other';

// FINESS establishment categories (categetab) by indicator 3.2 category; a working subset, extended
// as the region's extraction shows more (decision 0007).
const ROR_CATEGORY_OF: Record<string, RorCategory> = {
  '101': 'mco', '106': 'mco', '114': 'mco', '122': 'mco', '128': 'mco', '129': 'mco', '355': 'mco', '365': 'mco', '696': 'mco', '697': 'mco',
  '109': 'smr', '108': 'smr', '430': 'smr',
  '292': 'psy', '156': 'psy', '161': 'psy', '366': 'psy', '415': 'psy', '425': 'psy', '412': 'psy',
  '127': 'had',
  '362': 'usld',
  '500': 'medico_social', '501': 'medico_social', '502': 'medico_social', '202': 'medico_social', '207': 'medico_social', '354': 'medico_social', '209': 'medico_social',
  '460': 'medico_social', '462': 'medico_social', '255': 'medico_social', '182': 'medico_social', '183': 'medico_social', '186': 'medico_social', '188': 'medico_social', '246': 'medico_social', '252': 'medico_social', '253': 'medico_social', '381': 'medico_social', '445': 'medico_social', '446': 'medico_social',
  '603': 'ambulatory', '124': 'ambulatory', '125': 'ambulatory', '130': 'ambulatory', '620': 'ambulatory', '604': 'ambulatory',
};

export function rorCategoryOf(finessCategory: string | null): RorCategory {
  return (finessCategory && ROR_CATEGORY_OF[finessCategory]) || 'other';
}

// ---- distance and ranking -----------------------------------------------------------------------

export type Point = { latitude: number; longitude: number };
const EARTH_RADIUS_KM = 6371;

/** Great-circle distance (haversine): road distance is longer, but the order of results is what matters. */
export function distanceKm(a: Point, b: Point): number {
  const rad = Math.PI / 180;
  const dLat = (b.latitude - a.latitude) * rad;
  const dLon = (b.longitude - a.longitude) * rad;
  const h = Math.sin(dLat / 2) ** 2 + Math.cos(a.latitude * rad) * Math.cos(b.latitude * rad) * Math.sin(dLon / 2) ** 2;
  return 2 * EARTH_RADIUS_KM * Math.asin(Math.min(1, Math.sqrt(h)));
}

/** Why a result is where it is: shown under each result, in this order. */
export type Reason =
  | { code: 'serves_commune' }
  | { code: 'outside_area' }
  | { code: 'distance'; km: number }
  | { code: 'free_places'; count: number; since: Date | null }
  | { code: 'full' }
  | { code: 'free_places_unknown' }
  | { code: 'age'; ageMin: number | null; ageMax: number | null }
  | { code: 'specialty'; specialty: string }
  | { code: 'condition'; condition: string };

export type Need = { specialty?: string | undefined; condition?: string | undefined; age?: number | undefined };
export type Candidate = { serves: boolean; km: number | null; freePlaces: number | null; freePlacesAt: Date | null; ageMin: number | null; ageMax: number | null };

/** The reasons of one result; the order itself comes from `compareCandidates`. */
export function explain(candidate: Candidate, need: Need): Reason[] {
  const reasons: Reason[] = [candidate.serves ? { code: 'serves_commune' } : { code: 'outside_area' }];
  if (candidate.km !== null) reasons.push({ code: 'distance', km: Math.round(candidate.km * 10) / 10 });
  if (candidate.freePlaces === null) reasons.push({ code: 'free_places_unknown' });
  else if (candidate.freePlaces > 0) reasons.push({ code: 'free_places', count: candidate.freePlaces, since: candidate.freePlacesAt });
  else reasons.push({ code: 'full' });
  if (need.age !== undefined) reasons.push({ code: 'age', ageMin: candidate.ageMin, ageMax: candidate.ageMax });
  if (need.specialty) reasons.push({ code: 'specialty', specialty: need.specialty });
  if (need.condition) reasons.push({ code: 'condition', condition: need.condition });
  return reasons;
}

/**
 * The ranking: an offer that serves the patient's commune first (it will take them), then one with
 * free places, then the nearest; unknown distances last. The SQL orders the same way (repo.ts).
 */
export function compareCandidates(a: Candidate, b: Candidate): number {
  if (a.serves !== b.serves) return a.serves ? -1 : 1;
  const freeA = (a.freePlaces ?? 0) > 0;
  const freeB = (b.freePlaces ?? 0) > 0;
  if (freeA !== freeB) return freeA ? -1 : 1;
  return (a.km ?? Number.POSITIVE_INFINITY) - (b.km ?? Number.POSITIVE_INFINITY);
}

/** Age in whole years on a date, from a YYYY-MM-DD birth date. */
export function ageOn(birthDate: string, on: Date): number {
  const [y, m, d] = birthDate.split('-').map(Number) as [number, number, number];
  const age = on.getUTCFullYear() - y;
  const beforeBirthday = on.getUTCMonth() + 1 < m || (on.getUTCMonth() + 1 === m && on.getUTCDate() < d);
  return beforeBirthday ? age - 1 : age;
}
