// Pure rules of the breakdown observatory (DAC mission 3): what kind of breakdown in a care path, why,
// with what consequence; the thesauri are data (no national nomenclature was found: see README).
import { BadInput } from '#src/core/http/errors.ts';

export const BREAKDOWN_KINDS = [
  'hospital_discharge_unprepared', 'no_gp', 'care_interruption', 'home_care_interruption', 'medication_break', 'social_rights_break',
  'housing_loss', 'caregiver_exhaustion', 'delayed_admission', 'information_not_transmitted', 'refusal_by_structure', 'other',
] as const;
export const BREAKDOWN_CAUSES = [
  'lack_of_information_sharing', 'no_available_place', 'professional_shortage', 'administrative_delay', 'financial', 'patient_refusal',
  'coordination_gap', 'transport', 'other',
] as const;
export const BREAKDOWN_CONSEQUENCES = [
  'emergency_visit', 'rehospitalisation', 'loss_of_autonomy', 'care_delayed', 'care_not_given', 'caregiver_overload', 'none_known', 'other',
] as const;

export function checkOccurredOn(occurredOn: string, today: string): void {
  if (occurredOn > today) throw new BadInput('breakdowns.in_future', 'A breakdown has already happened', { occurredOn: 'not in the future' });
}

/** One CSV cell: quoted when it holds the separator, a quote or a line break (RFC 4180, `;` for French spreadsheets). */
export function csvCell(value: string | number | null): string {
  const text = value === null ? '' : String(value);
  return /[;"\r\n]/.test(text) ? `"${text.replaceAll('"', '""')}"` : text;
}

export function csvLine(values: readonly (string | number | null)[]): string {
  return values.map(csvCell).join(';');
}

/** Counts by a key, most frequent first: the register's summary. */
export function countBy<T>(items: readonly T[], key: (item: T) => string): { key: string; count: number }[] {
  const counts = new Map<string, number>();
  for (const item of items) counts.set(key(item), (counts.get(key(item)) ?? 0) + 1);
  return [...counts].map(([k, count]) => ({ key: k, count })).sort((a, b) => b.count - a.count || a.key.localeCompare(b.key));
}
