// Turns any error into the French sentence to show: by API code first, then by HTTP status.
import { fr } from '../i18n/fr.ts';
import { isApiError } from './client.ts';

export function errorMessage(error: unknown): string {
  if (!isApiError(error)) return fr.errors.unknown;
  const retryAfter = error.details.retryAfterSeconds;
  if (error.code === 'auth.locked' && typeof retryAfter === 'number') return fr.errors.lockedFor(retryAfter);
  return fr.errors.codes[error.code] ?? fr.errors.byStatus[error.status] ?? fr.errors.unknown;
}
