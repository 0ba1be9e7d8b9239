// The operational offers (ROR) the demo establishments describe, derived from their FINESS category
// so that every imported establishment of a kind offers what such places offer. A few descriptions
// are left incomplete on purpose: indicator 3.2 then has something to measure.
import type { OpeningHours } from '#src/db/schema/orientation.ts';
import type { OfferInput } from '#src/orientation/service.ts';
import type { Rng } from './random.ts';

export type DemoEstablishment = { id: string; finess: string; name: string; categoryCode: string | null; communeInsee: string | null; phone: string | null };

const WEEKDAYS_9_17: OpeningHours = [1, 2, 3, 4, 5].map((day) => ({ day, opens: '09:00', closes: '17:00' }));
const WEEKDAYS_8_19: OpeningHours = [1, 2, 3, 4, 5].map((day) => ({ day, opens: '08:00', closes: '19:00' }));
const EVERY_DAY: OpeningHours = [1, 2, 3, 4, 5, 6, 7].map((day) => ({ day, opens: '00:00', closes: '23:59' }));
const PHARMACY_HOURS: OpeningHours = [1, 2, 3, 4, 5, 6].map((day) => ({ day, opens: '09:00', closes: '19:30' }));

type Template = Omit<OfferInput, 'servedCommunes' | 'contactPhone' | 'contactEmail' | 'contactMssante' | 'freePlaces' | 'active' | 'description'> & {
  /** served area: the whole DAC territory, or the establishment's own commune */
  area: 'territory' | 'commune';
  description: string;
};

const base = { conditions: [] as string[], ageMin: null as number | null, ageMax: null as number | null };

/** What each FINESS category offers (codes of the demo extraction). */
const TEMPLATES: Record<string, Template[]> = {
  // centres hospitaliers
  '355': [
    { ...base, name: 'Court séjour gériatrique', careKind: 'hospitalisation_complete', specialties: ['geriatrie'], ageMin: 75, conditions: ['perte_autonomie'], capacity: 30, openingHours: EVERY_DAY, area: 'territory', description: 'Admissions directes possibles après avis du gériatre d’astreinte.' },
    { ...base, name: 'Consultation mémoire', careKind: 'consultation', specialties: ['memoire', 'neurologie'], ageMin: 60, conditions: ['alzheimer'], capacity: 12, openingHours: WEEKDAYS_9_17, area: 'territory', description: 'Bilan des troubles cognitifs, délai moyen de 6 semaines.' },
    { ...base, name: 'Équipe mobile de gériatrie', careKind: 'equipe_mobile', specialties: ['geriatrie'], ageMin: 75, conditions: ['perte_autonomie', 'sortie_hospitalisation'], capacity: 8, openingHours: WEEKDAYS_9_17, area: 'territory', description: 'Intervient dans les services et à domicile sur demande du médecin traitant.' },
  ],
  '101': [{ ...base, name: 'Néphrologie – hospitalisation de jour', careKind: 'hospitalisation_de_jour', specialties: ['nephrologie', 'diabetologie'], ageMin: 18, conditions: ['maladie_chronique'], capacity: 10, openingHours: WEEKDAYS_8_19, area: 'territory', description: 'Bilans de maladie rénale chronique et éducation thérapeutique.' }],
  // soins médicaux et de réadaptation
  '109': [
    { ...base, name: 'SMR gériatrique', careKind: 'smr', specialties: ['geriatrie', 'readaptation_locomoteur'], ageMin: 70, conditions: ['perte_autonomie', 'sortie_hospitalisation'], capacity: 40, openingHours: EVERY_DAY, area: 'territory', description: 'Rééducation après fracture ou chute, retour à domicile préparé avec le DAC.' },
    { ...base, name: 'SMR locomoteur – hôpital de jour', careKind: 'hospitalisation_de_jour', specialties: ['readaptation_locomoteur'], ageMin: 18, capacity: 15, openingHours: WEEKDAYS_8_19, area: 'territory', description: 'Kinésithérapie et ergothérapie intensives, transport organisé.' },
  ],
  '365': [{ ...base, name: 'SMR polyvalent', careKind: 'smr', specialties: ['geriatrie', 'nutrition'], ageMin: 18, conditions: ['sortie_hospitalisation', 'maladie_chronique'], capacity: 30, openingHours: EVERY_DAY, area: 'territory', description: 'Rééducation et réadaptation après un séjour en court séjour.' }],
  '156': [{ ...base, name: 'Consultations du centre médico-psychologique', careKind: 'consultation', specialties: ['psychiatrie'], ageMin: 18, conditions: ['handicap_psychique'], capacity: 20, openingHours: WEEKDAYS_9_17, area: 'territory', description: 'Premier accueil infirmier sans rendez-vous le mardi matin.' }],
  '127': [{ ...base, name: 'Hospitalisation à domicile', careKind: 'had', specialties: ['soins_palliatifs', 'plaies'], ageMin: 0, conditions: ['fin_de_vie', 'maladie_chronique'], capacity: 60, openingHours: EVERY_DAY, area: 'territory', description: 'Soins palliatifs, pansements complexes, antibiothérapie à domicile.' }],
  '292': [{ ...base, name: 'Centre médico-psychologique adultes', careKind: 'consultation', specialties: ['psychiatrie'], ageMin: 18, conditions: ['handicap_psychique'], capacity: 25, openingHours: WEEKDAYS_9_17, area: 'territory', description: 'Premier rendez-vous infirmier sous 15 jours.' }],
  '500': [
    { ...base, name: 'Hébergement permanent', careKind: 'ehpad_permanent', specialties: [], ageMin: 60, conditions: ['perte_autonomie', 'alzheimer'], capacity: 82, openingHours: EVERY_DAY, area: 'territory', description: 'Unité protégée de 14 places pour les personnes désorientées.' },
    { ...base, name: 'Hébergement temporaire', careKind: 'hebergement_temporaire', specialties: [], ageMin: 60, conditions: ['perte_autonomie', 'sortie_hospitalisation'], capacity: 4, openingHours: EVERY_DAY, area: 'territory', description: 'Séjours de répit de 1 à 8 semaines, sortie d’hospitalisation.' },
  ],
  '354': [{ ...base, name: 'Soins infirmiers à domicile', careKind: 'ssiad', specialties: ['soins_infirmiers'], ageMin: 60, conditions: ['perte_autonomie', 'handicap_moteur'], capacity: 45, openingHours: WEEKDAYS_8_19, area: 'territory', description: 'Passages matin et soir, 7 jours sur 7.' }],
  '209': [
    { ...base, name: 'Soins infirmiers à domicile', careKind: 'ssiad', specialties: ['soins_infirmiers'], ageMin: 60, conditions: ['perte_autonomie'], capacity: 38, openingHours: WEEKDAYS_8_19, area: 'territory', description: 'Passages matin et soir, 7 jours sur 7.' },
    { ...base, name: 'Aide et accompagnement à domicile', careKind: 'saad', specialties: [], ageMin: 18, conditions: ['perte_autonomie', 'handicap_moteur'], capacity: 120, openingHours: WEEKDAYS_8_19, area: 'territory', description: 'Aide au lever, repas, courses ; plan d’aide APA accepté.' },
  ],
  '460': [{ ...base, name: 'Aide et accompagnement à domicile', careKind: 'saad', specialties: [], ageMin: 18, conditions: ['perte_autonomie', 'handicap_moteur'], capacity: 90, openingHours: WEEKDAYS_8_19, area: 'territory', description: 'Aide au lever, repas, courses ; plan d’aide APA accepté.' }],
  '603': [{ ...base, name: 'Médecine générale – nouveaux patients', careKind: 'soins_primaires', specialties: ['medecine_generale', 'soins_infirmiers'], ageMin: 0, capacity: 40, openingHours: WEEKDAYS_8_19, area: 'commune', description: 'Accueille de nouveaux patients sans médecin traitant, priorité aux situations complexes.' }],
  '124': [{ ...base, name: 'Centre de santé – médecine générale', careKind: 'soins_primaires', specialties: ['medecine_generale'], ageMin: 0, capacity: 30, openingHours: WEEKDAYS_8_19, area: 'commune', description: 'Consultations sans dépassement d’honoraires, tiers payant.' }],
  '620': [{ ...base, name: 'Préparation des doses à administrer', careKind: 'pharmacie', specialties: [], ageMin: 0, capacity: 30, openingHours: PHARMACY_HOURS, area: 'commune', description: 'Piluliers préparés chaque semaine, livraison possible.' }],
  '214': [{ ...base, name: 'Accompagnement vers le logement', careKind: 'logement_accompagne', specialties: [], ageMin: 18, conditions: ['precarite'], capacity: 25, openingHours: WEEKDAYS_9_17, area: 'territory', description: 'Diagnostic social, recherche de logement adapté, aide aux démarches.' }],
  '216': [{ ...base, name: 'Accompagnement vers le logement', careKind: 'logement_accompagne', specialties: [], ageMin: 18, conditions: ['precarite'], capacity: 25, openingHours: WEEKDAYS_9_17, area: 'territory', description: 'Diagnostic social, recherche de logement adapté, aide aux démarches.' }],
};

/** The offers of one establishment; about one in six leaves a part undescribed. */
export function demoOffersOf(establishment: DemoEstablishment, territory: string[], rng: Rng): OfferInput[] {
  const templates = TEMPLATES[establishment.categoryCode ?? ''] ?? [];
  return templates.map(({ area, ...template }) => {
    const capacity = template.capacity ?? 10;
    const free = rng.chance(0.3) ? 0 : rng.int(1, Math.max(1, Math.round(capacity / 6)));
    const offer: OfferInput = {
      ...template,
      freePlaces: free,
      servedCommunes: area === 'territory' || !establishment.communeInsee ? territory : [establishment.communeInsee],
      contactPhone: establishment.phone,
      contactEmail: null,
      contactMssante: null,
      active: true,
    };
    if (rng.chance(1 / 6)) return { ...offer, openingHours: [] };
    if (rng.chance(1 / 10)) return { ...offer, capacity: null, freePlaces: null };
    return offer;
  });
}
