// Name pools for the demo population: French names by generation, and the main origins of
// immigration to western France (Maghreb, Portugal, West Africa, Viet Nam, Italy/Spain).
import type { Rng } from './random.ts';
import { COUNTRIES, type Birthplace } from './territory.ts';

export type Origin = 'french' | 'maghreb' | 'portuguese' | 'westAfrican' | 'vietnamese' | 'southernEuropean';
type Sex = 'F' | 'M';

const ORIGIN_WEIGHTS: [Origin, number][] = [
  ['french', 80], ['maghreb', 8], ['portuguese', 5], ['westAfrican', 3], ['vietnamese', 2], ['southernEuropean', 2],
];

export function pickOrigin(rng: Rng): Origin {
  return rng.weighted(ORIGIN_WEIGHTS.map(([o]) => o), ORIGIN_WEIGHTS.map(([, w]) => w));
}

// French given names by birth period: what a 90-year-old and a 20-year-old are called differs.
const FRENCH_GIVEN: Record<'before1950' | 'before1975' | 'before1995' | 'recent', Record<Sex, string[]>> = {
  before1950: {
    F: ['Jeanne', 'Marie', 'Monique', 'Jacqueline', 'Simone', 'Denise', 'Odette', 'Yvette', 'Colette', 'Paulette',
      'Germaine', 'Suzanne', 'Madeleine', 'Geneviève', 'Françoise', 'Josette', 'Micheline', 'Raymonde', 'Gisèle',
      'Andrée', 'Marcelle', 'Lucienne', 'Thérèse', 'Yvonne', 'Renée', 'Odile', 'Bernadette', 'Annick', 'Nicole',
      'Danielle', 'Michèle', 'Christiane', 'Éliane', 'Ginette', 'Huguette', 'Arlette', 'Claudine', 'Marguerite', 'Solange'],
    M: ['Jean', 'Pierre', 'Michel', 'André', 'Bernard', 'Jacques', 'Roger', 'René', 'Marcel', 'Robert', 'Louis', 'Henri',
      'Claude', 'Gérard', 'Raymond', 'Maurice', 'Paul', 'Georges', 'Joseph', 'Guy', 'Roland', 'Lucien', 'Daniel', 'Alain',
      'Yves', 'Gilbert', 'Francis', 'Jean-Claude', 'Jean-Pierre', 'Albert', 'Fernand', 'Émile', 'Marcel', 'Gabriel', 'Léon'],
  },
  before1975: {
    F: ['Martine', 'Sylvie', 'Catherine', 'Isabelle', 'Nathalie', 'Christine', 'Brigitte', 'Véronique', 'Patricia',
      'Pascale', 'Valérie', 'Dominique', 'Chantal', 'Corinne', 'Sandrine', 'Évelyne', 'Anne', 'Laurence', 'Muriel',
      'Joëlle', 'Béatrice', 'Florence', 'Hélène', 'Fabienne'],
    M: ['Philippe', 'Patrick', 'Alain', 'Daniel', 'Christian', 'Éric', 'Pascal', 'Thierry', 'Didier', 'Dominique', 'Gilles',
      'Jean-Luc', 'Frédéric', 'Laurent', 'Olivier', 'Bruno', 'Serge', 'Jean-Marc', 'Hervé', 'Stéphane', 'Franck', 'Joël', 'Denis'],
  },
  before1995: {
    F: ['Julie', 'Aurélie', 'Émilie', 'Céline', 'Stéphanie', 'Élodie', 'Sophie', 'Audrey', 'Mélanie', 'Caroline', 'Virginie',
      'Karine', 'Amandine', 'Marion', 'Anne-Sophie', 'Claire', 'Laetitia', 'Jennifer', 'Élise'],
    M: ['Nicolas', 'Julien', 'Sébastien', 'Mickaël', 'Guillaume', 'Jérôme', 'Cédric', 'David', 'Christophe', 'Romain',
      'Alexandre', 'Damien', 'Vincent', 'Fabien', 'Anthony', 'Benjamin', 'Arnaud', 'Yannick'],
  },
  recent: {
    F: ['Léa', 'Manon', 'Chloé', 'Camille', 'Sarah', 'Laura', 'Marine', 'Pauline', 'Clara', 'Inès', 'Anaïs', 'Océane',
      'Emma', 'Lucie', 'Justine', 'Margaux', 'Jade', 'Louise'],
    M: ['Lucas', 'Hugo', 'Théo', 'Enzo', 'Mathis', 'Antoine', 'Quentin', 'Florian', 'Jordan', 'Maxime', 'Thomas', 'Kévin',
      'Baptiste', 'Valentin', 'Clément', 'Nathan', 'Louis', 'Tom'],
  },
};

const ORIGIN_GIVEN: Record<Exclude<Origin, 'french'>, Record<Sex, string[]>> = {
  maghreb: {
    F: ['Fatima', 'Khadija', 'Aïcha', 'Zohra', 'Malika', 'Yamina', 'Nadia', 'Samira', 'Leïla', 'Karima', 'Nora', 'Saliha', 'Houria'],
    M: ['Mohamed', 'Ahmed', 'Ali', 'Brahim', 'Mustapha', 'Abdelkader', 'Saïd', 'Rachid', 'Karim', 'Mourad', 'Farid', 'Youssef', 'Nabil', 'Larbi'],
  },
  portuguese: {
    F: ['Maria', 'Rosa', 'Fernanda', 'Ana', 'Lurdes', 'Isabel', 'Manuela', 'Adelina', 'Gracinda', 'Amélia'],
    M: ['José', 'Manuel', 'Antonio', 'Joaquim', 'Fernando', 'Carlos', 'Armando', 'Mario', 'Domingos', 'Agostinho'],
  },
  westAfrican: {
    F: ['Aminata', 'Fatoumata', 'Mariama', 'Awa', 'Kadiatou', 'Aïssatou', 'Coumba', 'Binta', 'Ramatoulaye'],
    M: ['Mamadou', 'Moussa', 'Ousmane', 'Ibrahima', 'Abdoulaye', 'Seydou', 'Boubacar', 'Souleymane', 'Amadou', 'Lamine'],
  },
  vietnamese: {
    F: ['Lan', 'Mai', 'Hoa', 'Thu', 'Huong', 'Linh', 'Ngoc', 'Thanh'],
    M: ['Van', 'Minh', 'Duc', 'Hung', 'Tuan', 'Thanh', 'Quang', 'Long'],
  },
  southernEuropean: {
    F: ['Maria', 'Carmen', 'Antonia', 'Giuseppina', 'Rosa', 'Pilar', 'Lucia', 'Concepcion'],
    M: ['Giuseppe', 'Antonio', 'Francisco', 'Salvatore', 'Juan', 'Manuel', 'Angelo', 'Pedro'],
  },
};

const FAMILY_NAMES: Record<Origin, string[]> = {
  french: [
    'Martin', 'Bernard', 'Dubois', 'Thomas', 'Robert', 'Richard', 'Petit', 'Durand', 'Leroy', 'Moreau', 'Simon', 'Laurent',
    'Lefebvre', 'Michel', 'David', 'Bertrand', 'Roux', 'Vincent', 'Fournier', 'Girard', 'André', 'Lefèvre', 'Dupont',
    'Bonnet', 'François', 'Legrand', 'Garnier', 'Faure', 'Blanc', 'Guérin', 'Henry', 'Roussel', 'Nicolas', 'Morin',
    'Mathieu', 'Clément', 'Dumont', 'Fontaine', 'Masson', 'Denis', 'Duval', 'Joly', 'Gautier', 'Roger', 'Roche', 'Noël',
    'Lucas', 'Meunier', 'Marchand', 'Dufour', 'Brun', 'Dumas', 'Brunet', 'Colin', 'Renard', 'Arnaud', 'Rolland', 'Caron',
    'Aubert', 'Leclerc', 'Bourgeois', 'Lemoine', 'Picard', 'Gaillard', 'Lacroix', 'Fabre', 'Dupuis', 'Olivier', 'Hubert',
    'Guillot', 'Rivière', 'Le Gall', 'Guillaume', 'Moulin', 'Berger', 'Lecomte', 'Ménard', 'Fleury', 'Deschamps',
    'Carpentier', 'Benoît', 'Maillard', 'Aubry', 'Le Roux', 'Renault', 'Jacquet', 'Collet', 'Prévost', 'Charpentier',
    'Royer', 'Huet', 'Baron', 'Breton', 'Rémy', 'Perrot', 'Guyot', 'Cousin',
    // names common in Anjou
    'Chauvin', 'Gasnier', 'Cochard', 'Bodin', 'Guilbault', 'Cailleau', 'Ripoche', 'Launay', 'Gohier', 'Brault',
    'Cesbron', 'Pineau', 'Oger', 'Pasquier', 'Chupin', 'Godin', 'Raimbault', 'Bouvier', 'Coulon', 'Davy', 'Jamin',
    'Frémy', 'Lemesle', 'Chevé', 'Plessis', 'Delanoue', 'Bellanger', 'Rabouin', 'Humeau', 'Cottenceau', 'Houdebine',
  ],
  maghreb: ['Bouzid', 'Mansouri', 'Cherif', 'Hamidi', 'Meziane', 'Boukhari', 'Benmoussa', 'Ait Ahmed', 'Laroussi', 'Brahimi',
    'Saadi', 'Kaci', 'Rahmani', 'Ziani', 'El Idrissi', 'Bennani', 'Tahar', 'Belhadj', 'Ouali', 'Zerrouki'],
  portuguese: ['Da Silva', 'Dos Santos', 'Pereira', 'Rodrigues', 'Fernandes', 'Gonçalves', 'Lopes', 'Martins', 'Carvalho',
    'Teixeira', 'Oliveira', 'Sousa', 'Pinto', 'Ribeiro', 'Correia', 'Mendes', 'Almeida', 'Da Costa', 'Moreira', 'Fonseca'],
  westAfrican: ['Traoré', 'Diop', 'Camara', 'Koné', 'Ba', 'Cissé', 'Touré', 'Keita', 'Coulibaly', 'Sylla', 'Fofana',
    'Sangaré', 'Konaté', 'Diakité', 'Kane', 'Sy'],
  vietnamese: ['Nguyen', 'Tran', 'Le', 'Pham', 'Hoang', 'Vu', 'Dang', 'Bui', 'Do', 'Ngo', 'Duong', 'Ly'],
  southernEuropean: ['Rossi', 'Russo', 'Esposito', 'Bianchi', 'Romano', 'Garcia', 'Martinez', 'Lopez', 'Sanchez',
    'Fernandez', 'Gonzalez', 'Perez', 'Ruiz', 'Colombo'],
};

function frenchPeriod(birthYear: number): keyof typeof FRENCH_GIVEN {
  if (birthYear < 1950) return 'before1950';
  if (birthYear < 1975) return 'before1975';
  if (birthYear < 1995) return 'before1995';
  return 'recent';
}

/** children of immigrants born in France often got a French first name */
export function pickGivenName(rng: Rng, origin: Origin, sex: Sex, birthYear: number): string {
  if (origin === 'french' || (birthYear >= 1975 && rng.chance(0.35))) return rng.pick(FRENCH_GIVEN[frenchPeriod(birthYear)][sex]);
  return rng.pick(ORIGIN_GIVEN[origin][sex]);
}

/** 1 to 3 birth given names; older people were usually given several */
export function pickBirthGivenNames(rng: Rng, first: string, origin: Origin, sex: Sex, birthYear: number): string {
  const count = birthYear < 1960 ? rng.weighted([1, 2, 3], [2, 5, 3]) : rng.weighted([1, 2, 3], [4, 5, 1]);
  const names = [first];
  for (let attempt = 0; names.length < count && attempt < 10; attempt++) {
    const candidate = origin === 'french' ? rng.pick(FRENCH_GIVEN[frenchPeriod(birthYear - 30)][sex]) : pickGivenName(rng, origin, sex, birthYear);
    if (!names.includes(candidate)) names.push(candidate);
  }
  return names.join(' ');
}

export function pickFamilyName(rng: Rng, origin: Origin): string {
  return rng.pick(FAMILY_NAMES[origin]);
}

/** a family name as the INS carries it: upper case, no accents (hyphens, spaces and apostrophes kept) */
export function toInsName(name: string): string {
  return name.normalize('NFD').replace(/[\u0300-\u036f]/g, '').toUpperCase();
}

const ORIGIN_COUNTRIES: Record<Exclude<Origin, 'french'>, Birthplace[]> = {
  maghreb: [COUNTRIES.algeria, COUNTRIES.algeria, COUNTRIES.morocco, COUNTRIES.tunisia],
  portuguese: [COUNTRIES.portugal],
  westAfrican: [COUNTRIES.senegal, COUNTRIES.mali, COUNTRIES.guinea, COUNTRIES.ivoryCoast],
  vietnamese: [COUNTRIES.vietnam],
  southernEuropean: [COUNTRIES.italy, COUNTRIES.spain],
};

/** the birth country of someone of that origin born abroad, or null for French origin */
export function originCountry(rng: Rng, origin: Origin): Birthplace | null {
  return origin === 'french' ? null : { ...rng.pick(ORIGIN_COUNTRIES[origin]) };
}
