// How orientation results and requests are said: reasons, distances, free places, errors.
import { errorMessage } from '../api/errors.ts';
import { isApiError } from '../api/client.ts';
import type { FileView, MeView, OrientationReason } from '../api/types.ts';
import { fr } from '../i18n/fr.ts';
import { formatDate, formatRelative } from '../lib/dates.ts';
import { conditionLabels, inSentence, labelOf, specialtyLabels } from './labels.ts';

const texts = fr.orientation;
const kmFormat = new Intl.NumberFormat('fr-FR', { maximumFractionDigits: 1 });
const WEEK = 7 * 24 * 3600_000;

/** « à 4,2 km » */
export function formatKm(km: number): string {
  return texts.result.atKm(kmFormat.format(km));
}

/** « 02 41 66 12 30 » for a French number written without spaces; anything else as written. */
export function formatPhone(phone: string): string {
  const digits = phone.replace(/[\s.-]/g, '');
  return /^0\d{9}$/.test(digits) ? digits.replace(/(\d{2})(?=\d)/g, '$1\u00a0') : phone;
}

/** « 3 places libres · mis à jour il y a 2 jours », « Complet », « Places non renseignées ». */
export type PlacesFact = { kind: 'free' | 'full' | 'unknown'; text: string; updated: string | null };

export function placesFact(reasons: readonly OrientationReason[], now = Date.now()): PlacesFact {
  for (const reason of reasons) {
    if (reason.code === 'free_places') {
      const updated = reason.since
        ? now - new Date(reason.since).getTime() < WEEK
          ? texts.result.updatedRelative(formatRelative(reason.since, now))
          : texts.result.updatedOn(formatDate(reason.since))
        : null;
      return { kind: 'free', text: texts.result.freePlaces(reason.count), updated };
    }
    if (reason.code === 'full') return { kind: 'full', text: texts.result.full, updated: null };
  }
  return { kind: 'unknown', text: texts.result.placesUnknown, updated: null };
}

export function distanceOf(reasons: readonly OrientationReason[]): number | null {
  const distance = reasons.find((r) => r.code === 'distance');
  return distance?.code === 'distance' ? distance.km : null;
}

export type ReasonChip = { key: string; text: string; tone: 'good' | 'warning' | 'neutral' };

function ageText(ageMin: number | null, ageMax: number | null): string {
  const min = ageMin && ageMin > 0 ? ageMin : null;
  if (min === null && ageMax === null) return texts.reasons.allAges;
  if (ageMax === null) return texts.reasons.ageFrom(min!);
  if (min === null) return texts.reasons.ageUpTo(ageMax);
  return texts.reasons.ageBetween(min, ageMax);
}

/** The reasons shown as chips; distance and free places are shown as facts of the card. */
export function reasonChips(reasons: readonly OrientationReason[]): ReasonChip[] {
  const chips: ReasonChip[] = [];
  for (const reason of reasons) {
    switch (reason.code) {
      case 'serves_commune':
        chips.push({ key: reason.code, text: texts.reasons.serves_commune, tone: 'good' });
        break;
      case 'outside_area':
        chips.push({ key: reason.code, text: texts.reasons.outside_area, tone: 'warning' });
        break;
      case 'age':
        chips.push({ key: reason.code, text: ageText(reason.ageMin, reason.ageMax), tone: 'neutral' });
        break;
      case 'specialty':
        chips.push({ key: reason.code, text: texts.reasons.specialty(inSentence(labelOf(specialtyLabels, reason.specialty))), tone: 'neutral' });
        break;
      case 'condition':
        chips.push({ key: reason.code, text: texts.reasons.condition(inSentence(labelOf(conditionLabels, reason.condition))), tone: 'neutral' });
        break;
      default:
        break;
    }
  }
  return chips;
}

/** The French sentence for an orientation error, then the app's general ones. */
export function orientationErrorMessage(error: unknown): string {
  return (isApiError(error) && texts.errors[error.code]) || errorMessage(error);
}

/** Whether the server will let me send requests for this file or record their answers (orientation.request). */
export function canRequestOnFile(me: MeView, file: Pick<FileView, 'structure' | 'careTeam'>): boolean {
  const coordinatorHere = me.acting?.role === 'coordinator' && me.acting.structureId === file.structure.id;
  const inTeam = me.acting?.role !== 'regional_viewer' && file.careTeam.some((member) => member.active && member.person.id === me.id);
  return coordinatorHere || inTeam;
}
