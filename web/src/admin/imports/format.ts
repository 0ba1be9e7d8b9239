// How imports are said: sizes, durations, kinds, what a file's name says it is.
import type { DirectoryImportKind } from '../../api/types.ts';
import { fr } from '../../i18n/fr.ts';

const decimal = new Intl.NumberFormat('fr-FR', { maximumFractionDigits: 1 });
const UNITS = ['octets', 'Ko', 'Mo', 'Go'];

/** « 12,3 Mo » */
export function bytesText(bytes: number): string {
  let value = bytes;
  let unit = 0;
  while (value >= 1000 && unit < UNITS.length - 1) {
    value /= 1000;
    unit += 1;
  }
  return `${decimal.format(value)}\u00a0${UNITS[unit]}`;
}

/** « 3 s », « 2 min 5 s », « 1 h 3 min » */
export function durationText(ms: number): string {
  if (ms < 1000) return fr.imports.run.underASecond;
  const seconds = Math.round(ms / 1000);
  if (seconds < 60) return `${seconds}\u00a0s`;
  const minutes = Math.floor(seconds / 60);
  if (minutes < 60) return `${minutes}\u00a0min${seconds % 60 ? `\u00a0${seconds % 60}\u00a0s` : ''}`;
  return `${Math.floor(minutes / 60)}\u00a0h${minutes % 60 ? `\u00a0${minutes % 60}\u00a0min` : ''}`;
}

export function kindText(kind: string): string {
  return fr.imports.kinds[kind] ?? kind;
}

/** The kind of extraction a file's name says, by the national files' names. */
export function kindOfFileName(name: string): DirectoryImportKind | null {
  if (/PS[_-]?Libre[_-]?Acces|RPPS/i.test(name)) return 'rpps';
  if (/MSSant[eé]|Correspondance/i.test(name)) return 'mssante';
  if (/cs1100507|finess|etalab/i.test(name)) return 'finess';
  return null;
}

/** Indicator 5.2: the regional MSSanté directory refreshed less than six months ago. */
export function mssanteTooOld(refreshedAt: string | null, now = new Date()): boolean {
  if (!refreshedAt) return true;
  const limit = new Date(now);
  limit.setMonth(limit.getMonth() - 6);
  return new Date(refreshedAt) < limit;
}
