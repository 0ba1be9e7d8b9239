// The entries every file has at fixed moments: opening, first assessment, first PPCS, hospital
// admission and discharge, closure. Their wording depends on the patient's main condition.
import type { Condition } from './patients.ts';
import type { ClosureReason } from './types.ts';

const REFERRAL_REASONS: Record<Condition, string[]> = {
  frailty: ['chutes répétées, isolement et perte de poids', 'perte d’autonomie rapide, aidant éloigné, refus des aides jusqu’ici'],
  dementia: ['troubles cognitifs évolués, aidant épuisé, refus des aides', 'errance nocturne et oublis du traitement, aidant en difficulté'],
  heart_failure: ['trois hospitalisations cette année pour décompensation cardiaque', 'insuffisance cardiaque sévère, traitement complexe, vit seul{e}'],
  diabetes: ['diabète déséquilibré avec complications rénales et difficultés sociales', 'plaie du pied diabétique et suivi irrégulier'],
  copd: ['BPCO sévère sous oxygène, isolement, deux hospitalisations cette année', 'insuffisance respiratoire, logement humide, tabagisme actif'],
  cancer: ['maladie cancéreuse évoluée, souhait de rester à domicile', 'fin de chimiothérapie, douleurs et épuisement de l’entourage'],
  parkinson: ['maladie de Parkinson avec chutes et fluctuations motrices', 'troubles de la déglutition et perte de poids sur maladie de Parkinson'],
  stroke: ['retour à domicile après AVC, séquelles motrices, logement inadapté', 'aphasie après AVC, démarches administratives en souffrance'],
  disability: ['handicap moteur, aides à coordonner et dossier MDPH à renouveler', 'passage à l’âge adulte, sortie d’IME sans solution d’accompagnement'],
  psychiatric: ['trouble psychique avec ruptures de suivi, isolement social', 'sortie d’hospitalisation en psychiatrie sans relais ambulatoire organisé'],
};

const ASSESSMENT_FINDINGS: Record<Condition, string[]> = {
  frailty: ['marche avec canne, courses et ménage impossibles seul{e}, MNA {mna} (risque de dénutrition)', 'deux chutes en trois mois, réfrigérateur peu rempli, moral bas'],
  dementia: ['désorientation temporelle, oublis du traitement, {proche} très sollicité{pe} (mini-Zarit élevé)', 'MMSE {mmse}/30, errance le soir, logement encombré'],
  heart_failure: ['dyspnée au moindre effort, régime sans sel mal compris, traitement de 9 lignes', 'œdèmes, pesée non faite faute de balance, escaliers difficiles'],
  diabetes: ['glycémies non surveillées, alimentation irrégulière, droits sociaux incomplets', 'pieds à risque, vision basse, injections difficiles seul{e}'],
  copd: ['oxygène 16 h/j mal toléré, essoufflement à la toilette, logement humide', 'sorties impossibles, isolement, tabagisme réduit à 5 cigarettes/j'],
  cancer: ['douleurs mal soulagées la nuit, fatigue majeure, {proche} épuisé{pe}', 'perte de 6 kg en 2 mois, besoin d’aide pour la toilette'],
  parkinson: ['blocages moteurs, deux chutes, troubles de la déglutition débutants', 'fluctuations dans la journée, horaires des prises non respectés'],
  stroke: ['hémiparésie droite, transferts avec aide, salle de bain inadaptée', 'troubles du langage, courrier administratif en retard'],
  disability: ['fauteuil roulant, aides humaines insuffisantes le soir, dossier PCH à revoir', 'besoin d’un accompagnement vers l’emploi ou un accueil de jour'],
  psychiatric: ['isolement, hygiène de vie dégradée, observance irrégulière', 'ruptures de rendez-vous au CMP, soutien familial fragile'],
};

const PLAN_OBJECTIVES: Record<Condition, string[]> = {
  frailty: ['prévenir les chutes, lutter contre la dénutrition, rompre l’isolement', 'kinésithérapie, portage de repas, téléassistance'],
  dementia: ['sécuriser le traitement, soulager l’aidant (accueil de jour), anticiper une entrée en EHPAD', 'passages SSIAD quotidiens, consultation mémoire, dossier APA'],
  heart_failure: ['éviter une nouvelle hospitalisation : pesée 3 fois par semaine, éducation au régime, passages infirmiers', 'surveillance du poids, adaptation du diurétique, aide aux courses'],
  diabetes: ['équilibrer le diabète, protéger la fonction rénale, stabiliser la situation sociale', 'surveillance glycémique, soins de pieds, ouverture des droits'],
  copd: ['réhabilitation respiratoire, sevrage tabagique, traitement du logement humide', 'kinésithérapie respiratoire, aide au ménage, suivi pneumologique'],
  cancer: ['soulager la douleur, soutenir l’entourage, respecter le choix du domicile', 'HAD si besoin, prescriptions anticipées, répit de l’aidant'],
  parkinson: ['limiter les chutes, respecter les horaires des prises, adapter le logement', 'kinésithérapie, orthophonie, pilulier horaire'],
  stroke: ['récupérer l’autonomie à la toilette, adapter la salle de bain, suivre les démarches', 'kinésithérapie, ergothérapie, dossier MDPH'],
  disability: ['renouveler les droits MDPH, organiser les aides du soir, projet de vie', 'PCH, SAMSAH, activités de jour'],
  psychiatric: ['maintenir le suivi au CMP, sécuriser le traitement, rompre l’isolement', 'infirmière à domicile, GEM, accompagnement social'],
};

export const OPENING_TEMPLATE =
  'Ouverture du dossier suite à la demande d’appui de {requester} : {reason}. {Pt} {informé|informée} du partage des informations au sein de l’équipe de soins, accord recueilli.';
// A CPTS does not receive "demandes d'appui": its members agree to follow a patient together.
export const CPTS_OPENING_TEMPLATE =
  'Suivi partagé ouvert par la CPTS à la demande de {requester} : {reason}. {Pt} {informé|informée} du partage des informations entre les professionnels qui {le|la} suivent, accord recueilli.';
export const ASSESSMENT_TEMPLATE_SENIOR = 'Visite à domicile d’évaluation multidimensionnelle{with} : {findings}. GIR {gir}.';
export const ASSESSMENT_TEMPLATE_YOUNGER = 'Évaluation au domicile{with} : {findings}. Priorités : {priorites}.';
export const PLAN_TEMPLATE = 'Concertation avec {gp} et l’équipe : PPCS v1 validé avec {pt}. Objectifs : {objectives}. Révision prévue le {revue}.';
export const ADMISSION_TEMPLATE = 'Admission aux urgences de {pt} pour {motif_hospit}, hospitalisation en {service}. Équipe de soins consultée dans Trame, coordination prévenue.';
export const ADMISSION_RELAY_TEMPLATE = 'Alerte d’hospitalisation reçue : {pt} {admis|admise} en {service}. Aides à domicile suspendues, {proche} informé{pe}.';
export const DISCHARGE_TEMPLATE = 'Sortie ce jour : compte rendu et ordonnance de sortie transmis à {gp}, passage infirmier prévu dès le retour.';

const CLOSURE_TEMPLATES: Record<ClosureReason, string[]> = {
  improvement: [
    'Clôture du dossier : situation stabilisée, objectifs du PPCS atteints. Relais au médecin traitant et aux intervenants habituels ; réouverture possible sur simple demande.',
    'Clôture du dossier : aides en place et efficaces, plus de besoin de coordination. Synthèse adressée à {gp}.',
  ],
  moved: [
    'Clôture du dossier : entrée de {pt} en EHPAD le {date_passee}. Dossier de liaison transmis à l’établissement.',
    'Clôture du dossier : {pt} a déménagé près de {proche}, hors du territoire. Relais passé aux professionnels de son nouveau secteur.',
  ],
  death: [
    'Clôture du dossier : décès de {pt} le {date_passee} à domicile, {entouré|entourée} de ses proches. Message de condoléances adressé à {proche}.',
    'Clôture du dossier : décès de {pt} le {date_passee} au CH. Équipe de soins informée.',
  ],
  refusal: [
    'Clôture du dossier à la demande de {pt}, qui ne souhaite plus l’accompagnement {dispositif}. Médecin traitant informé ; réouverture possible à tout moment.',
    'Clôture du dossier : refus répété des visites et des aides proposées. {Gp} informé, {proche} aussi avec l’accord de {pt}.',
  ],
  hospital_long_stay: [
    'Clôture du dossier : {pt} {admis|admise} en unité de soins de longue durée. Synthèse transmise à l’équipe de l’USLD.',
  ],
};

export function referralReasons(condition: Condition): string[] {
  return REFERRAL_REASONS[condition];
}
export function assessmentFindings(condition: Condition): string[] {
  return ASSESSMENT_FINDINGS[condition];
}
export function planObjectives(condition: Condition): string[] {
  return PLAN_OBJECTIVES[condition];
}
export function closureTemplates(reason: ClosureReason): string[] {
  return CLOSURE_TEMPLATES[reason];
}
