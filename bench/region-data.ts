// Reference data of the synthetic region: French names (by generation and sex), the communes of
// Maine-et-Loire weighted by population, street names, professions and liaison-journal phrases.
// Everything here is fixed; the generator draws from it with seeded hashes inside the database.
import { createRequire } from 'node:module';
import { normaliseForSearch } from '#src/core/search-text.ts';

/** The most common family names in France (INSEE rank order, roughly), then names frequent in Anjou and in the main immigrant communities. */
export const COMMON_FAMILY_NAMES = [
  'Martin', 'Bernard', 'Thomas', 'Petit', 'Robert', 'Richard', 'Durand', 'Dubois', 'Moreau', 'Laurent', 'Simon', 'Michel',
  'Lefebvre', 'Leroy', 'Roux', 'David', 'Bertrand', 'Morel', 'Fournier', 'Girard', 'Bonnet', 'Dupont', 'Lambert', 'Fontaine',
  'Rousseau', 'Vincent', 'Muller', 'Lefèvre', 'Faure', 'André', 'Mercier', 'Blanc', 'Guérin', 'Boyer', 'Garnier', 'Chevalier',
  'François', 'Legrand', 'Gauthier', 'Garcia', 'Perrin', 'Robin', 'Clément', 'Morin', 'Nicolas', 'Henry', 'Roussel', 'Mathieu',
  'Gautier', 'Masson', 'Marchand', 'Duval', 'Denis', 'Dumont', 'Marie', 'Lemaire', 'Noël', 'Meyer', 'Dufour', 'Meunier', 'Brun',
  'Blanchard', 'Giraud', 'Joly', 'Rivière', 'Lucas', 'Brunet', 'Gaillard', 'Barbier', 'Arnaud', 'Martinez', 'Gérard', 'Roche',
  'Renard', 'Schmitt', 'Roy', 'Leroux', 'Colin', 'Vidal', 'Caron', 'Picard', 'Roger', 'Fabre', 'Aubert', 'Lemoine', 'Renaud',
  'Dumas', 'Lacroix', 'Olivier', 'Philippe', 'Bourgeois', 'Pierre', 'Benoît', 'Rey', 'Leclerc', 'Payet', 'Rolland', 'Leclercq',
  'Guillaume', 'Lecomte', 'Lopez', 'Jean', 'Dupuy', 'Guillot', 'Hubert', 'Berger', 'Carpentier', 'Sanchez', 'Dupuis', 'Moulin',
  'Louis', 'Deschamps', 'Huet', 'Vasseur', 'Perez', 'Boucher', 'Fleury', 'Royer', 'Klein', 'Jacquet', 'Adam', 'Paris', 'Poirier',
  'Marty', 'Aubry', 'Guyot', 'Carré', 'Charles', 'Renault', 'Charpentier', 'Ménard', 'Maillard', 'Baron', 'Bertin', 'Bailly',
  'Hervé', 'Schneider', 'Fernandez', 'Le Gall', 'Collet', 'Léger', 'Bouvier', 'Julien', 'Prévost', 'Millet', 'Perrot', 'Daniel',
  'Le Roux', 'Cousin', 'Germain', 'Breton', 'Besson', 'Langlois', 'Rémy', 'Le Goff', 'Pelletier', 'Lévêque', 'Perrier', 'Leblanc',
  'Barré', 'Lebrun', 'Marchal', 'Weber', 'Mallet', 'Hamon', 'Boulanger', 'Jacob', 'Monnier', 'Michaud', 'Rodriguez', 'Guichard',
  'Gillet', 'Étienne', 'Poulain', 'Tessier', 'Chevallier', 'Collin', 'Chauvin', 'Da Silva', 'Bouchet', 'Gay', 'Lemaître',
  'Bénard', 'Maréchal', 'Humbert', 'Reynaud', 'Antoine', 'Perret', 'Barthélemy', 'Cordier', 'Pichon', 'Lejeune', 'Gilbert',
  'Lamy', 'Delaunay', 'Pasquier', 'Carlier', 'Laporte',
  // Anjou
  'Gaudin', 'Cottin', 'Besnard', 'Brault', 'Boisseau', 'Pineau', 'Bodin', 'Chupin', 'Chiron', 'Godin', 'Ogereau', 'Raimbault',
  'Gourdon', 'Jamin', 'Rabouin', 'Cesbron', 'Ménard', 'Gasnier', 'Oger', 'Chauveau', 'Brochard', 'Bouvet', 'Chaillou',
  'Bellanger', 'Boutin', 'Sourice', 'Hamelin', 'Chesneau', 'Baudouin', 'Courtin', 'Froger', 'Tharreau', 'Gélineau',
  // Brittany, Portugal, Maghreb, West Africa, Viet Nam, names with apostrophes and hyphens
  'Le Bihan', 'Le Floch', "L'Hermite", 'Le Corre', 'Pereira', 'Ferreira', 'Rodrigues', 'Gonçalves', 'Fernandes', 'Lopes',
  'Dos Santos', 'Da Costa', 'De Oliveira', "D'Almeida", 'Benali', 'Haddad', 'Amrani', 'Khelifi', 'Benaïssa', 'Bouzid',
  'Mansouri', 'Belkacem', 'Diallo', 'Ndiaye', "N'Diaye", 'Sow', 'Camara', 'Traoré', 'Coulibaly', 'Nguyen', 'Tran', 'Pham',
  'Saint-Martin', 'Saint-Jean', 'Ben Saïd',
];

// Roots and endings of plausible rarer names ("Chardonneau", "Boisnard"…): France has a very long tail of
// family names, and prefix searches are only realistic if the common names are not everywhere.
const TAIL_ROOTS = [
  'Bois', 'Char', 'Gau', 'Lem', 'Pel', 'Rob', 'Ber', 'Mor', 'Bou', 'Chau', 'Dur', 'Fou', 'Gui', 'Jou', 'Lan', 'Mar', 'Pou', 'Rou',
  'Tes', 'Vau', 'Cha', 'Bar', 'Bel', 'Ben', 'Bes', 'Bla', 'Bri', 'Bru', 'Cor', 'Cou', 'Del', 'Des', 'Dou', 'Fer', 'Fro', 'Gar',
  'Gil', 'Gre', 'Ham', 'Her', 'Jac', 'Lab', 'Lau', 'Leb', 'Lou', 'Mal', 'Mas', 'Mau', 'Mic', 'Mon', 'Nau', 'Pas', 'Per', 'Pic',
  'Poi', 'Rab', 'Ren', 'Ric', 'Sau', 'Tho', 'Tou', 'Val', 'Ver', 'Vil', 'Aub', 'Bau', 'Bon', 'Cab', 'Dan', 'Esn', 'Fav', 'Gob',
  'Hur', 'Lar', 'Mén', 'Noë', 'Ogé', 'Quen', 'Sal', 'Tré',
];
const TAIL_ENDINGS = [
  'eau', 'et', 'ier', 'in', 'on', 'ard', 'aud', 'ot', 'ault', 'elle', 'enne', 'aux', 'ard', 'eux', 'ineau', 'iot', 'illon', 'ais',
  'ay', 'el', 'es', 'oux', 'onnet', 'ache', 'ier', 'ette', 'ant', 'and', 'at', 'ez', 'ic', 'ou', 'ouin', 'y', 'é', 'ès', 'enet',
  'ignon', 'esse', 'ereau', 'ichon', 'uchon', 'aillé', 'nard', 'quet', 'rault', 'teau', 'dron', 'zin', 'lier', 'nier', 'rin',
  'rel', 'ton',
];

function capitalise(word: string): string {
  return word.charAt(0).toUpperCase() + word.slice(1);
}

export function tailFamilyNames(): string[] {
  const common = new Set(COMMON_FAMILY_NAMES.map((n) => normaliseForSearch(n)));
  const seen = new Set<string>();
  const names: string[] = [];
  for (const root of TAIL_ROOTS) {
    for (const ending of TAIL_ENDINGS) {
      const name = capitalise(root.toLowerCase() + ending);
      const key = normaliseForSearch(name);
      if (common.has(key) || seen.has(key)) continue;
      seen.add(key);
      names.push(name);
    }
  }
  return names;
}

type Sex = 'F' | 'M';
export type Era = 'before1950' | 'before1975' | 'before1995' | 'recent';
export const ERAS: Era[] = ['before1950', 'before1975', 'before1995', 'recent'];
/** Last birth year of each era (inclusive). */
export const ERA_LAST_YEAR: Record<Era, number> = { before1950: 1949, before1975: 1974, before1995: 1994, recent: 9999 };

export const GIVEN_NAMES: Record<Era, Record<Sex, string[]>> = {
  before1950: {
    F: ['Jeanne', 'Marie', 'Monique', 'Jacqueline', 'Simone', 'Denise', 'Odette', 'Yvette', 'Colette', 'Paulette', 'Germaine',
      'Suzanne', 'Madeleine', 'Geneviève', 'Françoise', 'Josette', 'Micheline', 'Raymonde', 'Gisèle', 'Andrée', 'Marcelle',
      'Lucienne', 'Thérèse', 'Yvonne', 'Renée', 'Odile', 'Bernadette', 'Annick', 'Nicole', 'Danielle', 'Michèle', 'Christiane',
      'Éliane', 'Ginette', 'Huguette', 'Arlette', 'Claudine', 'Marguerite', 'Solange', 'Fatima', 'Maria', 'Rosa'],
    M: ['Jean', 'Pierre', 'Michel', 'André', 'Bernard', 'Jacques', 'Roger', 'René', 'Marcel', 'Robert', 'Louis', 'Henri', 'Claude',
      'Gérard', 'Raymond', 'Maurice', 'Paul', 'Georges', 'Joseph', 'Guy', 'Roland', 'Lucien', 'Daniel', 'Alain', 'Yves', 'Gilbert',
      'Francis', 'Jean-Claude', 'Jean-Pierre', 'Albert', 'Fernand', 'Émile', 'Gabriel', 'Léon', 'Mohamed', 'Ahmed', 'José', 'Manuel'],
  },
  before1975: {
    F: ['Martine', 'Sylvie', 'Catherine', 'Isabelle', 'Nathalie', 'Christine', 'Brigitte', 'Véronique', 'Patricia', 'Pascale',
      'Valérie', 'Dominique', 'Chantal', 'Corinne', 'Sandrine', 'Évelyne', 'Anne', 'Laurence', 'Muriel', 'Joëlle', 'Béatrice',
      'Florence', 'Hélène', 'Fabienne', 'Malika', 'Nadia', 'Ana'],
    M: ['Philippe', 'Patrick', 'Alain', 'Daniel', 'Christian', 'Éric', 'Pascal', 'Thierry', 'Didier', 'Dominique', 'Gilles',
      'Jean-Luc', 'Frédéric', 'Laurent', 'Olivier', 'Bruno', 'Serge', 'Jean-Marc', 'Hervé', 'Stéphane', 'Franck', 'Joël', 'Denis',
      'Rachid', 'Karim', 'Mamadou'],
  },
  before1995: {
    F: ['Julie', 'Aurélie', 'Émilie', 'Céline', 'Stéphanie', 'Élodie', 'Sophie', 'Audrey', 'Mélanie', 'Caroline', 'Virginie',
      'Karine', 'Amandine', 'Marion', 'Anne-Sophie', 'Claire', 'Laetitia', 'Jennifer', 'Élise', 'Samira', 'Aminata'],
    M: ['Nicolas', 'Julien', 'Sébastien', 'Mickaël', 'Guillaume', 'Jérôme', 'Cédric', 'David', 'Christophe', 'Romain', 'Alexandre',
      'Damien', 'Vincent', 'Fabien', 'Anthony', 'Benjamin', 'Arnaud', 'Yannick', 'Mehdi', 'Youssef'],
  },
  recent: {
    F: ['Léa', 'Manon', 'Chloé', 'Camille', 'Sarah', 'Laura', 'Marine', 'Pauline', 'Clara', 'Inès', 'Anaïs', 'Océane', 'Emma',
      'Lucie', 'Justine', 'Margaux', 'Jade', 'Louise'],
    M: ['Lucas', 'Hugo', 'Théo', 'Enzo', 'Mathis', 'Antoine', 'Quentin', 'Florian', 'Jordan', 'Maxime', 'Thomas', 'Kévin',
      'Baptiste', 'Valentin', 'Clément', 'Nathan', 'Louis', 'Tom'],
  },
};

export type Commune = { insee: string; name: string; postalCode: string; population: number };

type RawCommune = { code: string; nom: string; departement?: string; type: string; codesPostaux?: string[]; population?: number };

/** The current communes of a department, most populated first (the official INSEE list shipped with the project). */
export function communesOf(department: string): Commune[] {
  const require = createRequire(import.meta.url);
  const raw = require('@etalab/decoupage-administratif/data/communes.json') as RawCommune[];
  return raw
    .filter((c) => c.departement === department && c.type === 'commune-actuelle' && (c.population ?? 0) > 0)
    .map((c) => ({ insee: c.code, name: c.nom, postalCode: c.codesPostaux?.[0] ?? '49000', population: c.population ?? 1 }))
    .sort((a, b) => b.population - a.population || a.insee.localeCompare(b.insee));
}

export const STREETS = [
  'rue de la Gare', 'rue du Général de Gaulle', 'avenue Jean Jaurès', 'rue Victor Hugo', "place de l'Église", 'rue des Lilas',
  'chemin des Vignes', 'rue du Moulin', 'impasse des Tilleuls', 'boulevard Foch', 'rue Pasteur', 'rue de la Loire',
  'allée des Acacias', 'rue Nationale', 'rue des Écoles', 'route de Saumur', 'rue du Château', 'rue Saint-Aubin',
  'quai de la Maine', 'rue Bressigny', 'rue de la Paix', 'rue des Roses', 'avenue de la Libération', 'rue du Stade',
  'rue de Bretagne', 'rue Jeanne d’Arc', 'rue des Jardins', 'chemin de la Fontaine', 'rue du Prieuré', 'lieu-dit La Touche',
  'lieu-dit Les Landes', 'rue du Pont', 'rue des Mauges', 'route de Cholet', 'rue du Vieux Bourg', 'rue des Peupliers',
];

/** Field professions: pool key, profession as written, sector, care-team role, share of women. */
export type Profession = { pool: string; label: Record<Sex, string>; sector: string; teamRole: string; women: number; rpps: boolean; structurePool: string };

export const PROFESSIONS: Profession[] = [
  { pool: 'gp', label: { F: 'Médecin généraliste', M: 'Médecin généraliste' }, sector: 'health', teamRole: 'attending_gp', women: 0.5, rpps: true, structurePool: 'practice' },
  { pool: 'nurse', label: { F: 'Infirmière', M: 'Infirmier' }, sector: 'health', teamRole: 'nurse', women: 0.85, rpps: true, structurePool: 'practice' },
  { pool: 'pharmacist', label: { F: 'Pharmacienne', M: 'Pharmacien' }, sector: 'health', teamRole: 'pharmacist', women: 0.65, rpps: true, structurePool: 'pharmacy' },
  { pool: 'physio', label: { F: 'Masseur-kinésithérapeute', M: 'Masseur-kinésithérapeute' }, sector: 'health', teamRole: 'physiotherapist', women: 0.5, rpps: true, structurePool: 'practice' },
  { pool: 'home_care', label: { F: 'Aide-soignante', M: 'Aide-soignant' }, sector: 'medico_social', teamRole: 'home_care', women: 0.9, rpps: false, structurePool: 'esms' },
  { pool: 'social_worker', label: { F: 'Assistante sociale', M: 'Assistant social' }, sector: 'social', teamRole: 'social_worker', women: 0.85, rpps: false, structurePool: 'social' },
  { pool: 'specialist', label: { F: 'Gériatre', M: 'Gériatre' }, sector: 'health', teamRole: 'specialist', women: 0.55, rpps: true, structurePool: 'hospital' },
  { pool: 'hospital', label: { F: 'Infirmière de liaison', M: 'Infirmier de liaison' }, sector: 'health', teamRole: 'hospital', women: 0.8, rpps: true, structurePool: 'hospital' },
];

/** Which profession each field professional has, by index modulo 20: a GP for four, a nurse for six… */
export const PROFESSION_PATTERN = [
  'gp', 'nurse', 'gp', 'nurse', 'pharmacist', 'nurse', 'physio', 'gp', 'home_care', 'nurse',
  'social_worker', 'gp', 'nurse', 'home_care', 'physio', 'nurse', 'pharmacist', 'specialist', 'hospital', 'home_care',
];

/** Care-team slots after the referent coordinator: slot 2 a GP, slot 3 a nurse, then one of each group. */
export const TEAM_SLOT_POOLS: string[][] = [['gp'], ['nurse'], ['pharmacist', 'physio', 'home_care'], ['social_worker', 'specialist', 'hospital']];

export const COORDINATOR_PROFESSIONS = [
  { label: { F: 'Infirmière coordinatrice', M: 'Infirmier coordinateur' }, sector: 'health' },
  { label: { F: 'Coordinatrice de parcours', M: 'Coordinateur de parcours' }, sector: 'medico_social' },
  { label: { F: 'Gestionnaire de cas', M: 'Gestionnaire de cas' }, sector: 'medico_social' },
  { label: { F: 'Assistante sociale', M: 'Assistant social' }, sector: 'social' },
];

/** Journal categories and their weights (null = a plain note without category). */
export const CATEGORIES: [string | null, number][] = [['note', 38], ['phone_call', 26], ['visit', 14], ['meeting', 9], ['alert', 5], [null, 8]];

/** How an entry of each category starts. */
export const OPENINGS: Record<string, string[]> = {
  note: ['Point de situation', 'Suivi', 'Note de coordination', 'Mise à jour du plan d’accompagnement', 'Relecture du dossier',
    'Transmission', 'Synthèse de la semaine', 'Information reçue'],
  phone_call: ['Appel de la fille', 'Appel du fils', 'Appel du médecin traitant', 'Appel de l’infirmière libérale',
    'Échange téléphonique avec l’épouse', 'Appel du SSIAD', 'Appel de la pharmacie', 'Appel de l’assistante sociale du CCAS',
    'Appel du service de gériatrie', 'Message laissé par le voisin'],
  visit: ['Visite à domicile', 'Visite conjointe avec l’IDEL', 'Visite d’évaluation', 'Passage au domicile avec le kiné',
    'Visite en EHPAD (hébergement temporaire)', 'Visite de sortie d’hospitalisation'],
  meeting: ['Réunion de concertation pluriprofessionnelle', 'Synthèse avec l’équipe du SSIAD', 'Staff hebdomadaire du DAC',
    'Réunion avec la famille', 'Concertation avec le service social'],
  alert: ['Chute signalée', 'Hospitalisation en urgence', 'Perte de poids importante', 'Aidant épuisé', 'Refus de soins',
    'Escarre en aggravation', 'Confusion aiguë', 'Isolement : pas de réponse au téléphone depuis deux jours'],
};

/** What was observed. */
export const OBSERVATIONS = [
  'patiente fatiguée, se plaint de douleurs au genou', 'le maintien à domicile reste fragile', 'aidant principal épuisé',
  'traitement bien suivi, pilulier préparé par la pharmacie', 'refus des aides proposées pour l’instant',
  'escarre talon gauche en voie de cicatrisation', 'chute sans gravité hier soir, relevé par le voisin',
  'appétit en baisse, perte de 3 kg en un mois', 'troubles mnésiques en progression selon la famille',
  'bonne récupération après la sortie de l’hôpital', 'logement inadapté : baignoire, escalier sans rampe',
  'douleurs mal soulagées la nuit', 'dossier APA complet, en attente de la visite de l’équipe médico-sociale',
  'portage des repas mis en place depuis lundi', 'la fille souhaite une entrée en EHPAD d’ici l’automne',
  'tension artérielle instable, à surveiller', 'isolement social marqué depuis le décès du conjoint',
  'observance des anticoagulants incertaine', 'kiné deux fois par semaine, marche avec déambulateur',
  'plaie du pied diabétique suivie par l’IDEL', 'moral meilleur, reprend les activités au club',
  'difficultés financières : factures en retard', 'téléassistance installée, bracelet porté',
  'sommeil perturbé, somnolence dans la journée', 'hospitalisation programmée pour pose de prothèse de hanche',
];

/** What was decided. */
export const ACTIONS = [
  'Relance du dossier APA prévue.', 'Passage de l’IDE renforcé à deux fois par jour.', 'RDV gériatre à programmer.',
  'Demande d’hébergement temporaire envoyée.', 'Réévaluation dans quinze jours.', 'Médecin traitant informé.',
  'Proposition d’accueil de jour à rediscuter avec la famille.', 'Bilan ergothérapeute demandé.',
  'Mise à jour du PPCS faite.', 'Appel de la fille prévu vendredi.', 'Signalement au CCAS transmis.',
  'Kiné prévenu, séances maintenues.', 'Pas d’action pour le moment.', 'Orientation vers la plateforme de répit.',
  'Ordonnance de matériel (lit médicalisé) demandée.', 'Staff DAC jeudi pour décider de la suite.',
];

/** Lower-bound thresholds for width_bucket(): [0, w1, w1+w2, …] / total. */
export function cumulativeThresholds(weights: readonly number[]): number[] {
  const total = weights.reduce((a, b) => a + b, 0);
  const lower: number[] = [];
  let acc = 0;
  for (const w of weights) {
    lower.push(acc / total);
    acc += w;
  }
  return lower;
}
