// The three scenario files of domain/scenarios.md, written by hand so demos and end-to-end tests
// can walk them: Jeanne (falls, hip fracture, return home), Karim (diabetes, kidney failure,
// housing, no GP) and Léa (disability, psychiatric follow-up, her mother as caregiver).
import type { CareTeamRole, DemoCareTeamMember, DemoFile, JournalCategory } from './types.ts';
import type { Rng } from './random.ts';
import type { PatientProfile } from './patients.ts';
import { addDays, atParisTime } from './dates.ts';
import { entry, toDemoFile, writeJournal, type FilePlan } from './journal.ts';

/** [day after opening, "HH:MM" Paris time, author, category, template] */
type Scripted = [day: number, time: string, author: string, category: JournalCategory, text: string];
/** [person, role, first day, last day (exclusive) or null] */
type Member = [person: string, role: CareTeamRole, from: number, to: number | null];

type Story = {
  key: string;
  patientKey: string;
  referentKey: string;
  openedDaysAgo: number;
  openingTime: string;
  team: Member[];
  /** the entries; `returnDay` is the Friday near day 117 when Jeanne comes home */
  script: (returnDay: number) => Scripted[];
  /** first day without everyday entries, until three days after the return home */
  quietFromDay?: number;
  /** people who write only scripted entries */
  silent?: string[];
  total: number;
};

function at(openedAt: Date, day: number, time: string): Date {
  const [h, m] = time.split(':').map(Number);
  return atParisTime(addDays(openedAt, day), h ?? 9, m ?? 0);
}

// Jeanne comes home from rehabilitation on a Friday evening: the breakdown of scenario 1.
function fridayNear(openedAt: Date, day: number): number {
  for (let d = day; d < day + 7; d++) if (addDays(openedAt, d).getUTCDay() === 5) return d;
  return day;
}

const JEANNE: Story = {
  key: 'dac-jeanne', patientKey: 'jeanne', referentKey: 'coordination', openedDaysAgo: 170, openingTime: '10:12', total: 40,
  team: [
    ['coordination', 'coordinator', 0, null],
    ['medecin', 'attending_gp', 0, null],
    ['infirmiere', 'nurse', 0, null],
    ['pharmacien', 'pharmacist', 0, null],
    ['maria-da-silva', 'home_care', 0, null],
    ['celine-robin', 'physiotherapist', 20, null],
  ],
  quietFromDay: 75,
  script: (r) => [
    [0, '10:30', 'coordination', 'note', 'Ouverture du dossier suite à la demande d’appui du Dr Mercier : deuxième chute en un mois, vit seule, plainte mnésique, fille éloignée (Versailles). Urgence : dans la semaine. Identité vérifiée sur carte d’identité. Mme Lebreton informée du partage des informations au sein de l’équipe de soins, accord recueilli.'],
    [0, '16:40', 'coordination', 'phone_call', 'Appel de Catherine, fille de Mme Lebreton (vit à Versailles, 300 km) : soulagée, vient un week-end par mois. Souhaite être associée aux décisions, joignable après 18 h.'],
    [1, '08:45', 'infirmiere', 'visit', 'Premier passage : pansement de la plaie du coude gauche (chute de la semaine dernière), plaie propre. TA 13/7, pouls 78. Pilulier rempli par Mme Lebreton elle-même : plusieurs erreurs relevées.'],
    [2, '11:20', 'pharmacien', 'note', 'Revue de l’ordonnance : 9 lignes dont zopiclone et oxazépam (risque de chute), deux antihypertenseurs. Proposition au Dr Mercier : arrêt progressif de l’oxazépam. Pilulier hebdomadaire préparé à l’officine à partir de lundi.'],
    [3, '10:05', 'maria-da-silva', 'visit', 'Première intervention du SAAD : aide à la toilette et au petit-déjeuner. Réfrigérateur presque vide ; Mme Lebreton dit ne plus avoir faim le soir.'],
    [6, '17:30', 'medecin', 'note', 'Arrêt progressif de l’oxazépam sur 3 semaines, zopiclone à demi-dose. Bilan : albumine 31 g/L, vitamine D basse, supplémentation prescrite.'],
    [13, '14:00', 'coordination', 'visit', 'Visite à domicile d’évaluation multidimensionnelle avec Mme Pereira : marche avec canne, appui unipodal impossible, deux chutes en un mois ; MNA 18,5 (risque de dénutrition) ; plainte mnésique, MMSE 24/30 ; chambre à l’étage, baignoire. GIR 4. Mini-Zarit de Catherine (par téléphone) : charge modérée.'],
    [15, '12:30', 'coordination', 'meeting', 'PPCS v1 validé en concertation avec le Dr Mercier, Mme Pereira, M. Chevalier et le SAAD. Problèmes : chutes, risque de dénutrition, isolement, gestion du traitement. Actions : kinésithérapie 2 fois par semaine dès la semaine prochaine, portage de repas (CCAS), dossier APA (DAC, sous un mois), pilulier hebdomadaire (pharmacien). Révision le {revue}. Mme Lebreton est d’accord, accord enregistré.'],
    [16, '10:30', 'medecin', 'note', 'Prescription de 30 séances de kinésithérapie (prévention des chutes) et de soins infirmiers (pilulier, surveillance) pour 3 mois.'],
    [17, '15:00', 'coordination', 'phone_call', 'Appel au CCAS des Ponts-de-Cé : portage de repas 5 jours sur 7 à partir de lundi.'],
    [20, '09:30', 'celine-robin', 'visit', 'Premier bilan kiné : TUG 24 s, lever de chaise impossible sans les mains, peur de tomber marquée. Objectifs : équilibre, relever du sol, marche extérieure.'],
    [23, '08:50', 'infirmiere', 'visit', 'Pilulier de la pharmacie en place et bien compris. TA 12/7. Mme Lebreton mange le repas livré, garde le dessert pour le soir.'],
    [27, '16:15', 'coordination', 'note', 'Dossier APA complété avec Mme Lebreton et envoyé au Département, certificat médical du Dr Mercier joint.'],
    [34, '11:00', 'maria-da-silva', 'note', 'Mme Lebreton plus souriante, attend les séances de kiné. Mange mieux : +1 kg selon l’infirmière.'],
    [41, '10:00', 'celine-robin', 'visit', 'Relever du sol réussi avec appui sur une chaise. TUG 19 s.'],
    [48, '18:10', 'pharmacien', 'note', 'Pilulier de la semaine préparé ; oxazépam arrêté depuis 15 jours, sommeil correct selon Mme Lebreton.'],
    [55, '19:05', 'infirmiere', 'phone_call', 'Appel de Catherine : inquiète, sa mère l’a appelée trois fois hier soir pour la même question. Signalé au Dr Mercier.'],
    [75, '08:40', 'maria-da-silva', 'alert', 'Chute ce matin : Mme Lebreton retrouvée au sol dans la chambre à notre arrivée à 8 h 30, consciente, douleur de la hanche droite, impossible de se relever. SAMU appelé, Catherine prévenue.'],
    [75, '11:15', 'coordination', 'alert', 'Alerte d’admission reçue du CH Anjou Loire : Mme Lebreton hospitalisée en orthopédie pour fracture du col du fémur droit, opérée demain. Le service a vu dans Trame que le DAC coordonne : coordonnées de l’équipe et de Catherine transmises. SAAD, portage de repas et passages infirmiers suspendus.'],
    [76, '12:40', 'medecin', 'note', 'Informé de l’hospitalisation. Courrier de liaison (traitement, antécédents, contexte) adressé au service d’orthopédie.'],
    [79, '14:20', 'coordination', 'phone_call', 'Point avec l’infirmière de liaison du CH : intervention faite, lever à J2. Orientation SSR : demande envoyée via ViaTrajectoire, place disponible en fin de semaine dans un SSR proche du domicile.'],
    [82, '17:00', 'coordination', 'note', 'Transfert en SSR ce jour. Catherine a pu venir, rassurée.'],
    [96, '11:30', 'coordination', 'phone_call', 'Point téléphonique avec l’équipe du SSR : marche avec déambulateur sur 30 m, toilette avec aide. Retour à domicile envisagé dans 3 semaines sous réserve d’aménagements.'],
    [100, '09:45', 'coordination', 'note', 'Visite du logement par l’ergothérapeute du SSR : barres d’appui, rehausseur de WC, douche à la place de la baignoire (devis demandé).'],
    [r + 3, '09:10', 'infirmiere', 'alert', 'Mme Lebreton est rentrée du SSR vendredi soir : pas prévenue, aucun passage ce week-end, traitement de sortie non préparé. Fatiguée mais pas de chute. Pilulier refait ce matin avec la nouvelle ordonnance.'],
    [r + 3, '11:30', 'coordination', 'alert', 'Rupture de parcours enregistrée : sortie du SSR un vendredi à 18 h sans information de l’infirmière ni du DAC, week-end sans passage. Signalée à l’établissement ; demande d’un appel systématique 48 h avant toute sortie.'],
    [r + 4, '10:20', 'pharmacien', 'note', 'Ordonnance de sortie délivrée : anticoagulant préventif pour 5 semaines, antalgiques. Pilulier adapté.'],
    [r + 5, '14:00', 'coordination', 'meeting', 'PPCS v2 après concertation (Dr Mercier, Mme Pereira, M. Chevalier, Mme Robin, SAAD) : aménagement du logement (barres d’appui, rehausseur, douche), passages infirmiers matin et soir, téléassistance, kinésithérapie 3 fois par semaine, SAAD renforcé. Mme Lebreton et Catherine d’accord.'],
    [r + 6, '09:30', 'celine-robin', 'visit', 'Reprise de la rééducation à domicile : marche avec déambulateur, 40 m sans pause. Douleur de hanche 3/10.'],
    [r + 8, '13:15', 'medecin', 'visit', 'Visite à domicile : cicatrice propre, bonne mobilité, moral correct. Anticoagulant jusqu’au {date}.'],
    [r + 12, '15:40', 'coordination', 'note', 'Notification APA reçue : GIR 3 après réévaluation, plan d’aide de 32 h par mois. Devis d’aménagement de la salle de bain transmis à Catherine.'],
    [r + 20, '08:55', 'maria-da-silva', 'visit', 'Toilette sous la nouvelle douche, Mme Lebreton rassurée par la barre d’appui.'],
  ],
};

const KARIM: Story = {
  key: 'dac-karim', patientKey: 'karim', referentKey: 'nadia-benali', openedDaysAgo: 120, openingTime: '09:40', total: 30,
  team: [
    ['nadia-benali', 'coordinator', 0, null],
    ['karine-poirier', 'social_worker', 0, 39],
    ['minh-pham', 'specialist', 0, null],
    ['youssef-haddad', 'attending_gp', 18, null],
    ['mehdi-amrani', 'pharmacist', 20, null],
    ['fatou-ndiaye', 'nurse', 30, null],
  ],
  silent: ['karine-poirier', 'minh-pham'],
  script: () => [
    [0, '10:05', 'nadia-benali', 'note', 'Ouverture du dossier suite à la demande d’appui de Mme Poirier, assistante sociale du CH Anjou Loire : diabète de type 2 avec insuffisance rénale chronique stade 4, perte d’emploi il y a 6 mois, logement insalubre (humidité, chauffage en panne). M. Bouzid informé du partage des informations au sein de l’équipe de soins, accord recueilli.'],
    [0, '10:20', 'nadia-benali', 'alert', 'Rupture de parcours : pas de médecin traitant depuis le départ en retraite de son médecin il y a 2 ans, renouvellements faits aux urgences. Recherche d’un médecin acceptant de nouveaux patients.'],
    [1, '15:30', 'karine-poirier', 'note', 'Demande de logement social déposée. Complémentaire santé solidaire à renouveler (fin de droits le mois prochain). Inscription à France Travail faite.'],
    [5, '11:10', 'minh-pham', 'note', 'Consultation de néphrologie : DFG 22 mL/min, kaliémie 5,4 mmol/L, HbA1c 8,9 %. Metformine à arrêter. Information sur la suppléance à prévoir dans l’année ; régime pauvre en sel et en potassium expliqué.'],
    [8, '14:30', 'nadia-benali', 'visit', 'Visite à domicile : T2 au 3e étage sans ascenseur, moisissures dans la chambre, radiateurs en panne, réfrigérateur peu rempli. M. Bouzid fatigué, découragé, veut s’en sortir. Priorités : médecin traitant, suivi du diabète, logement, ressources.'],
    [11, '09:15', 'nadia-benali', 'note', 'Recherche d’orientation dans Trame : la MSP de Trélazé accepte de nouveaux patients. Demande adressée au Dr Haddad avec la synthèse de situation.'],
    [13, '16:00', 'nadia-benali', 'note', 'Demande d’accompagnement adressée au service logement de la MDS Angers Est (hors équipe de soins). M. Bouzid accepte le partage de ses informations sociales et médicales utiles avec ce service mais s’oppose au partage de ses antécédents psychiatriques : périmètre du consentement enregistré.'],
    [15, '11:45', 'nadia-benali', 'phone_call', 'Réponse de la MDS : accompagnement logement accepté, premier rendez-vous avec la conseillère en économie sociale et familiale le {date}.'],
    [18, '18:20', 'youssef-haddad', 'note', 'Première consultation, déclaration de médecin traitant faite. Arrêt de la metformine (DFG < 30), insuline basale 10 UI le soir, autosurveillance glycémique. Soins infirmiers prescrits pour l’éducation.'],
    [19, '09:00', 'nadia-benali', 'note', 'Rupture de parcours levée : médecin traitant déclaré (Dr Haddad).'],
    [20, '17:40', 'mehdi-amrani', 'note', 'Délivrance : insuline, stylos, lecteur de glycémie. Doses vérifiées pour la fonction rénale. Message au Dr Haddad : ibuprofène pris en automédication, à proscrire.'],
    [30, '08:30', 'fatou-ndiaye', 'visit', 'Premier passage (infirmière de la CPTS) : éducation à l’autosurveillance glycémique et aux injections. Glycémies à jeun 1,80 à 2,40 g/L. Pieds : pas de plaie.'],
    [32, '13:50', 'nadia-benali', 'note', 'Message MSSanté envoyé au Dr Pham avec la synthèse de la visite et les glycémies ; réponse : contrôle biologique dans 1 mois, consultation dans 3 mois.'],
    [38, '16:30', 'karine-poirier', 'note', 'Relais passé au DAC et à la MDS, fin de mon intervention. Complémentaire santé solidaire renouvelée.'],
    [45, '08:15', 'fatou-ndiaye', 'alert', 'Hypoglycémie à 0,52 g/L ce matin (repas sauté hier soir), resucrage, contrôle à 1,10 g/L. Dr Haddad prévenu : insuline diminuée à 8 UI.'],
    [52, '10:40', 'nadia-benali', 'phone_call', 'Appel de la conseillère de la MDS : logement signalé au service d’hygiène de la ville, visite prévue. Demande de logement social appuyée.'],
    [60, '15:00', 'minh-pham', 'note', 'Bilan : DFG 20 mL/min, kaliémie 5,1 mmol/L. Courrier MSSanté au Dr Haddad : préparation à la dialyse, consultation d’information avec l’infirmière de néphrologie.'],
    [70, '18:45', 'youssef-haddad', 'note', 'HbA1c 7,8 %, glycémies meilleures. Insuline 10 UI maintenue. Arrêt de travail prolongé.'],
    [84, '11:20', 'nadia-benali', 'note', 'Arrêté d’insalubrité pris par la mairie ; le bailleur social propose un T2 en rez-de-chaussée à Trélazé, visite le {date}.'],
    [95, '08:40', 'fatou-ndiaye', 'visit', 'Glycémies à jeun entre 1,20 et 1,60 g/L, injections faites seul. Passages réduits à deux par semaine.'],
    [105, '14:10', 'nadia-benali', 'visit', 'Visite du logement proposé à Trélazé avec M. Bouzid : il accepte. Aide au déménagement demandée au fonds de solidarité logement.'],
  ],
};

const LEA: Story = {
  key: 'dac-lea', patientKey: 'lea', referentKey: 'thomas-nguyen', openedDaysAgo: 270, openingTime: '14:05', total: 34,
  team: [
    ['thomas-nguyen', 'coordinator', 0, null],
    ['aminata-diallo', 'attending_gp', 0, null],
    ['francois-leroux', 'specialist', 0, null],
    ['nathalie-ferreira', 'pharmacist', 0, null],
    ['manon-giraud', 'social_worker', 10, null],
  ],
  script: () => [
    [0, '14:20', 'thomas-nguyen', 'note', 'Ouverture du dossier suite à la demande d’appui du Dr Diallo : Léa, 18 ans, trouble du spectre de l’autisme et trouble anxieux sévère, sortie d’IME sans solution, hospitalisée en psychiatrie le mois dernier. Sa mère, Sandrine Tessier, est son aidante principale. Léa informée du partage des informations au sein de l’équipe de soins, accord recueilli.'],
    [4, '10:30', 'francois-leroux', 'note', 'Consultation au CMP : anxiété en diminution sous traitement, sommeil encore irrégulier. Suivi mensuel, entretien infirmier au CMP tous les 15 jours.'],
    [9, '15:00', 'thomas-nguyen', 'visit', 'Évaluation au domicile avec Léa et sa mère : journées sans activité depuis la sortie d’IME, repli à la maison ; la mère est en arrêt de travail pour s’occuper d’elle. Besoins : activité de jour, dossier MDPH adulte (AAH, orientation), répit pour la mère.'],
    [10, '11:00', 'manon-giraud', 'note', 'Première rencontre avec Léa : intéressée par un accueil de jour avec activités manuelles. Dossier MDPH adulte à constituer (AAH, orientation SAMSAH).'],
    [14, '16:30', 'thomas-nguyen', 'meeting', 'PPCS v1 validé avec Léa : suivi CMP mensuel, dossier MDPH (Mme Giraud), recherche d’un accueil de jour, soutien de sa mère (groupe d’aidants). Révision le {revue}.'],
    [20, '17:45', 'thomas-nguyen', 'phone_call', 'Appel de Mme Tessier, mère de Léa : souhaite un accès au portail patient pour suivre les rendez-vous. Léa accepte de lui partager son plan et ses rendez-vous, pas le journal : périmètre enregistré.'],
    [35, '18:00', 'aminata-diallo', 'note', 'Consultation : certificat médical MDPH rédigé. Poids stable, pas d’effet indésirable du traitement.'],
    [38, '14:15', 'manon-giraud', 'note', 'Dossier MDPH déposé (AAH, orientation SAMSAH, PCH aide humaine).'],
    [60, '11:50', 'nathalie-ferreira', 'note', 'Renouvellement délivré à Léa, venue seule à la pharmacie pour la première fois. Horaires de prise réexpliqués.'],
    [75, '10:10', 'francois-leroux', 'note', 'Consultation : nette amélioration, Léa sort davantage. Diminution progressive de l’anxiolytique.'],
    [90, '09:35', 'thomas-nguyen', 'phone_call', 'Appel de l’assistante sociale du lycée professionnel où Léa envisage une formation : demande d’informations refusée faute de consentement de Léa ; orientée vers Léa et sa mère.'],
    [95, '15:20', 'thomas-nguyen', 'note', 'Léa accepte de partager son plan avec l’assistante sociale du lycée (hors équipe de soins) : consentement limité au plan, recueilli ce jour.'],
    [120, '16:00', 'manon-giraud', 'note', 'Notification MDPH : AAH accordée, orientation SAMSAH. Inscription sur liste d’attente.'],
    [140, '14:00', 'thomas-nguyen', 'meeting', 'Révision du PPCS : GEM deux jours par semaine en attendant le SAMSAH, suivi CMP maintenu, groupe d’aidants pour Mme Tessier.'],
    [160, '09:05', 'francois-leroux', 'alert', 'Crise d’angoisse majeure hier soir, passage aux urgences sans hospitalisation. Traitement adapté, rendez-vous rapproché la semaine prochaine.'],
    [161, '12:30', 'thomas-nguyen', 'phone_call', 'Appel de Mme Tessier : épuisée après la nuit aux urgences. Séjour de répit évoqué, documentation envoyée.'],
    [190, '15:45', 'manon-giraud', 'visit', 'Visite au GEM avec Léa : bonne intégration, participe à l’atelier couture.'],
    [230, '10:40', 'francois-leroux', 'note', 'Consultation : état stable, poursuite du traitement.'],
    [250, '11:25', 'thomas-nguyen', 'note', 'Admission au SAMSAH confirmée pour le mois prochain.'],
  ],
};

function memberOf(openedAt: Date, [personKey, role, from, to]: Member): DemoCareTeamMember {
  return {
    personKey,
    role,
    periodStart: from === 0 ? openedAt : at(openedAt, from, '08:00'),
    periodEnd: to === null ? null : at(openedAt, to, '08:00'),
  };
}

// Offices are closed at weekends: only the people who go to the home write then.
const WEEKEND_ROLES: CareTeamRole[] = ['nurse', 'home_care'];

function openWeekday(now: Date, daysAgo: number, time: string): Date {
  let day = addDays(now, -daysAgo);
  while (day.getUTCDay() === 0 || day.getUTCDay() === 6) day = addDays(day, -1);
  const [h, m] = time.split(':').map(Number);
  return atParisTime(day, h ?? 9, m ?? 0);
}

/** the moment of a scripted entry, moved off the weekend when its author would not work then */
function scriptedMoment(plan: FilePlan, day: number, time: string, author: string): Date {
  const moment = at(plan.openedAt, day, time);
  const member = plan.careTeam.find((m) => m.personKey === author);
  const weekday = moment.getUTCDay();
  if ((weekday !== 0 && weekday !== 6) || (member && WEEKEND_ROLES.includes(member.role))) return moment;
  const shifts = weekday === 6 ? [2, -1] : [1, -2];
  for (const shift of shifts) {
    const moved = addDays(moment, shift);
    const fits = !member || (member.periodStart <= moved && (member.periodEnd === null || moved < member.periodEnd));
    if (fits && moved >= plan.openedAt) return moved;
  }
  return moment;
}

function buildStory(rng: Rng, now: Date, story: Story, profile: PatientProfile): DemoFile {
  const openedAt = openWeekday(now, story.openedDaysAgo, story.openingTime);
  const careTeam = story.team.map((m) => memberOf(openedAt, m));
  const plan: FilePlan = { key: story.key, profile, structureKey: 'dac', openedAt, closedAt: null, closureReason: null, referentKey: story.referentKey, careTeam };
  const returnDay = fridayNear(openedAt, 117);
  const scripted = story
    .script(returnDay)
    .map(([day, time, author, category, text]) => entry(rng, plan, author, scriptedMoment(plan, day, time, author), category, text))
    .filter((e) => e.writtenAt < now);
  // Jeanne's stay in hospital and rehabilitation: nobody writes everyday notes until she is home
  const quiet = story.quietFromDay === undefined ? [] : [{ from: at(openedAt, story.quietFromDay, '00:00'), to: at(openedAt, returnDay + 3, '00:00') }];
  const journal = writeJournal(rng, plan, now, { scripted, quiet, silent: story.silent, target: story.total });
  return toDemoFile(plan, journal);
}

/** the scenario files; `profiles` must contain the scenario patients */
export function buildStoryFiles(rng: Rng, now: Date, profiles: PatientProfile[]): DemoFile[] {
  return [JEANNE, KARIM, LEA].map((story) => {
    const profile = profiles.find((p) => p.patient.key === story.patientKey);
    if (!profile) throw new Error(`scenario patient ${story.patientKey} missing`);
    return buildStory(rng.fork(story.key), now, story, profile);
  });
}
