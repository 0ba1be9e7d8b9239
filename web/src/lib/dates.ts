// The one place dates are formatted: Europe/Paris, French, 24 h ("lun. 23 nov. 2026 à 10:15", "il y a 5 min").
import { fr } from '../i18n/fr.ts';

const TIME_ZONE = 'Europe/Paris';

const dateFormat = new Intl.DateTimeFormat('fr-FR', {
  timeZone: TIME_ZONE,
  weekday: 'short',
  day: 'numeric',
  month: 'short',
  year: 'numeric',
});
const timeFormat = new Intl.DateTimeFormat('fr-FR', { timeZone: TIME_ZONE, hour: '2-digit', minute: '2-digit', hourCycle: 'h23' });
// Birth dates are calendar dates (YYYY-MM-DD): read and shown in UTC so no time zone shifts them.
const birthDateFormat = new Intl.DateTimeFormat('fr-FR', { timeZone: 'UTC', day: '2-digit', month: '2-digit', year: 'numeric' });
const isoDayFormat = new Intl.DateTimeFormat('en-CA', { timeZone: TIME_ZONE, year: 'numeric', month: '2-digit', day: '2-digit' });
const shortRelative = new Intl.RelativeTimeFormat('fr', { numeric: 'auto', style: 'short' });
const longRelative = new Intl.RelativeTimeFormat('fr', { numeric: 'auto' });

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;

/** « lun. 23 nov. 2026 » */
export function formatDate(iso: string): string {
  return dateFormat.format(new Date(iso));
}

/** « lun. 23 nov. 2026 à 10:15 » */
export function formatDateTime(iso: string): string {
  const date = new Date(iso);
  return fr.dates.at(dateFormat.format(date), timeFormat.format(date));
}

/** « 10:15 » */
export function formatTime(iso: string): string {
  return timeFormat.format(new Date(iso));
}

/** « à l'instant », « il y a 5 min », « il y a 2 h », « hier », then the date after a week. */
export function formatRelative(iso: string, now: number = Date.now()): string {
  const elapsed = now - new Date(iso).getTime();
  if (elapsed < 45_000) return fr.dates.justNow;
  if (elapsed < HOUR) return shortRelative.format(-Math.max(1, Math.round(elapsed / MINUTE)), 'minute');
  if (elapsed < DAY) return shortRelative.format(-Math.round(elapsed / HOUR), 'hour');
  if (elapsed < 7 * DAY) return longRelative.format(-Math.round(elapsed / DAY), 'day');
  return formatDate(iso);
}

/** « 03/02/1940 » */
export function formatBirthDate(birthDate: string): string {
  return birthDateFormat.format(new Date(`${birthDate}T00:00:00Z`));
}

/** Today in Paris as YYYY-MM-DD. */
export function todayInParis(now: Date = new Date()): string {
  return isoDayFormat.format(now);
}

export function ageInYears(birthDate: string, now: Date = new Date()): number {
  const [year, month, day] = birthDate.split('-').map(Number);
  const [thisYear, thisMonth, thisDay] = todayInParis(now).split('-').map(Number);
  const birthdayPassed = thisMonth > month || (thisMonth === month && thisDay >= day);
  return thisYear - year - (birthdayPassed ? 0 : 1);
}
