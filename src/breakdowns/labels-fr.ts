// French labels of the observatory's thesauri: the CSV export speaks the partners' language, and the
// web app shows the same words (it imports this module, as it imports the rights table).
import type { BREAKDOWN_CAUSES, BREAKDOWN_CONSEQUENCES, BREAKDOWN_KINDS } from './rules.ts';

export const BREAKDOWN_KIND_LABELS: Record<(typeof BREAKDOWN_KINDS)[number], string> = {
  hospital_discharge_unprepared: 'Sortie d’hospitalisation non préparée',
  no_gp: 'Absence de médecin traitant',
  care_interruption: 'Interruption des soins',
  home_care_interruption: 'Interruption de l’aide à domicile',
  medication_break: 'Rupture de traitement',
  social_rights_break: 'Rupture de droits sociaux',
  housing_loss: 'Perte ou inadaptation du logement',
  caregiver_exhaustion: 'Épuisement de l’aidant',
  delayed_admission: 'Admission retardée',
  information_not_transmitted: 'Information non transmise',
  refusal_by_structure: 'Refus de prise en charge par une structure',
  other: 'Autre',
};

export const BREAKDOWN_CAUSE_LABELS: Record<(typeof BREAKDOWN_CAUSES)[number], string> = {
  lack_of_information_sharing: 'Défaut de partage d’information',
  no_available_place: 'Pas de place disponible',
  professional_shortage: 'Manque de professionnels',
  administrative_delay: 'Délai administratif',
  financial: 'Difficulté financière',
  patient_refusal: 'Refus de la personne',
  coordination_gap: 'Défaut de coordination',
  transport: 'Transport',
  other: 'Autre',
};

export const BREAKDOWN_CONSEQUENCE_LABELS: Record<(typeof BREAKDOWN_CONSEQUENCES)[number], string> = {
  emergency_visit: 'Passage aux urgences',
  rehospitalisation: 'Réhospitalisation',
  loss_of_autonomy: 'Perte d’autonomie',
  care_delayed: 'Soins retardés',
  care_not_given: 'Soins non réalisés',
  caregiver_overload: 'Surcharge de l’aidant',
  none_known: 'Aucune connue',
  other: 'Autre',
};

export function breakdownLabel(kind: 'kind' | 'cause' | 'consequence', code: string): string {
  const table: Record<string, string> = kind === 'kind' ? BREAKDOWN_KIND_LABELS : kind === 'cause' ? BREAKDOWN_CAUSE_LABELS : BREAKDOWN_CONSEQUENCE_LABELS;
  return table[code] ?? code;
}
