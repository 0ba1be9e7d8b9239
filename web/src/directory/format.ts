// How the directory and the offers are said: names, addresses, ages, places, opening hours, errors.
import { isApiError } from '../api/client.ts';
import { errorMessage } from '../api/errors.ts';
import type { DirectoryActivityView, DirectoryOrganizationView, DirectoryProfessionalView, OpeningRange, OrientationOfferView } from '../api/types.ts';
import { fr } from '../i18n/fr.ts';
import { formatDate, formatRelative } from '../lib/dates.ts';

const texts = fr.offers;
const WEEK = 7 * 24 * 3600_000;

/** « Dr Antoine MERCIER »: the civility of practice abbreviated as on a door plate. */
export function professionalName(p: Pick<DirectoryProfessionalView, 'civility' | 'givenName' | 'familyName'>): string {
  const civility = p.civility === 'Docteur' ? 'Dr' : p.civility === 'Professeur' ? 'Pr' : null;
  return [civility, p.givenName, p.familyName.toUpperCase()].filter(Boolean).join(' ');
}

/** « Libéral », « Salarié »: the mode of practice, short. */
export function modeText(activity: Pick<DirectoryActivityView, 'modeCode' | 'modeLabel'>): string | null {
  return (activity.modeCode && fr.directory.professional.modes[activity.modeCode]) || activity.modeLabel;
}

/** « 2 place des Justices, 49000 Angers » */
export function addressText(place: { address: string | null; postalCode: string | null; communeName: string | null }): string | null {
  const town = [place.postalCode, place.communeName].filter(Boolean).join(' ');
  const text = [place.address, town].filter(Boolean).join(', ');
  return text || null;
}

/** « 02 41 66 12 30 »: the extractions give 10 digits in a row. */
export function phoneText(phone: string): string {
  const digits = phone.replace(/\s/g, '');
  return /^0\d{9}$/.test(digits) ? digits.replace(/(\d{2})(?=\d)/g, '$1\u00a0') : phone;
}

export function telHref(phone: string): string {
  return `tel:${phone.replace(/[^\d+]/g, '')}`;
}

/** The practice to show first: a current one, in the commune searched if any. */
export function mainActivity(p: DirectoryProfessionalView, commune?: string): DirectoryActivityView | null {
  const current = p.activities.filter((a) => !a.gone);
  const pool = current.length > 0 ? current : p.activities;
  return (commune && pool.find((a) => a.communeInsee === commune)) || pool[0] || null;
}

/** « Médecin · Médecine Générale » */
export function professionText(p: DirectoryProfessionalView, activity: DirectoryActivityView | null): string | null {
  const skill = activity?.skillLabel && activity.skillLabel !== p.professionLabel ? activity.skillLabel : null;
  return [p.professionLabel, skill].filter(Boolean).join(' · ') || null;
}

export function organizationSubtitle(o: DirectoryOrganizationView): string {
  return [o.categoryLabel, `${fr.directory.organization.finess} ${o.finess}`].filter(Boolean).join(' · ');
}

// ---- offers ---------------------------------------------------------------------------------------

export function ageText(ageMin: number | null, ageMax: number | null): string | null {
  const min = ageMin && ageMin > 0 ? ageMin : null;
  if (ageMin === null && ageMax === null) return null;
  if (min === null && ageMax === null) return texts.ages.all;
  if (ageMax === null) return texts.ages.from(min!);
  if (min === null) return texts.ages.upTo(ageMax);
  return texts.ages.between(min, ageMax);
}

/** « il y a 2 h » this week, « le lun. 23 nov. 2026 » before. */
export function whenText(iso: string, now = Date.now()): string {
  return now - new Date(iso).getTime() < WEEK ? formatRelative(iso, now) : texts.facts.onDate(formatDate(iso));
}

/** « mis à jour il y a 2 h » */
export function updatedText(iso: string, now = Date.now()): string {
  return texts.facts.updated(whenText(iso, now));
}

export type PlacesFact = { tone: 'free' | 'full' | 'unknown'; text: string; updated: string | null };

export function placesFact(offer: Pick<OrientationOfferView, 'freePlaces' | 'capacity' | 'freePlacesAt'>): PlacesFact {
  const updated = offer.freePlacesAt ? updatedText(offer.freePlacesAt) : null;
  if (offer.freePlaces === null) {
    return { tone: 'unknown', text: offer.capacity === null ? texts.facts.placesUnknown : texts.facts.capacityOnly(offer.capacity), updated: null };
  }
  if (offer.freePlaces === 0) return { tone: 'full', text: texts.facts.full(offer.capacity), updated };
  return { tone: 'free', text: texts.facts.freeOf(offer.freePlaces, offer.capacity), updated };
}

/** « 9 h », « 19 h 30 », « minuit » */
export function hourText(hhmm: string): string {
  // a day open until its end closes at 23:59 (the API's last minute): said « minuit »
  if (hhmm === '23:59') return texts.form.midnight;
  const [h, m] = hhmm.split(':');
  return m === '00' ? `${Number(h)}\u00a0h` : `${Number(h)}\u00a0h\u00a0${m}`;
}

const FULL_DAY = (r: OpeningRange) => r.opens === '00:00' && (r.closes === '23:59' || r.closes === '24:00');

/**
 * « Lun–Ven 9 h–17 h », « Tous les jours, 24 h/24 », « Lun–Ven 9 h–12 h, 14 h–18 h · Sam 9 h–12 h »:
 * consecutive days with the same ranges are said once.
 */
export function hoursText(hours: readonly OpeningRange[]): string | null {
  if (hours.length === 0) return null;
  const byDay = new Map<number, OpeningRange[]>();
  for (const range of [...hours].sort((a, b) => a.day - b.day || a.opens.localeCompare(b.opens))) {
    byDay.set(range.day, [...(byDay.get(range.day) ?? []), range]);
  }
  const sayRanges = (ranges: OpeningRange[]) =>
    ranges.every(FULL_DAY) ? texts.hours.allDay : ranges.map((r) => texts.hours.range(hourText(r.opens), hourText(r.closes))).join(', ');
  const groups: { from: number; to: number; said: string }[] = [];
  for (const [day, ranges] of byDay) {
    const said = sayRanges(ranges);
    const last = groups.at(-1);
    if (last && last.to === day - 1 && last.said === said) last.to = day;
    else groups.push({ from: day, to: day, said });
  }
  return groups
    .map(({ from, to, said }) => {
      if (from === 1 && to === 7) return `${texts.hours.everyDay}, ${said}`;
      const days = from === to ? texts.days[from] : to === from + 1 ? `${texts.days[from]}, ${texts.days[to]}` : texts.hours.dayRange(texts.days[from]!, texts.days[to]!);
      return `${days} ${said}`;
    })
    .join(' · ');
}

/** The French sentence for an error of the directory, the offers or the imports, then the app's general ones. */
export function directoryErrorMessage(error: unknown): string {
  if (isApiError(error)) {
    const said = fr.offers.errors[error.code] ?? fr.directory.errors[error.code] ?? fr.imports.errors[error.code];
    if (said) return said;
  }
  return errorMessage(error);
}
