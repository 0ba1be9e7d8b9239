// Fills journal templates: "{pt}" becomes "Mme Lebreton", "{e}" agrees with the patient's sex,
// "{inquiet|inquiète}" picks the masculine or feminine form, "{Proche}" capitalises, and numbers
// (blood pressure, weight, glycaemia…) are drawn in plausible ranges so notes rarely repeat verbatim.
import type { Rng } from './random.ts';
import type { Condition, PatientProfile, Relation } from './patients.ts';
import { addDays, frClock, frLongDate, frWeekday, atParisTime } from './dates.ts';

/** what a note may mention: the patient, the people around them, the moment of writing */
export type TextContext = {
  rng: Rng;
  profile: PatientProfile;
  at: Date;
  /** "du DAC" or "de la CPTS": the structure that follows the patient */
  follower: string;
  names: {
    gp: string | null;
    nurse: string | null;
    pharmacist: string | null;
    homeCare: string | null;
    coordinator: string;
  };
};

type Slot = (c: TextContext) => string;

/** appointments fall on working days: a Saturday or Sunday moves to the Monday */
function weekday(date: Date): Date {
  const day = date.getUTCDay();
  return day === 6 ? addDays(date, 2) : day === 0 ? addDays(date, 1) : date;
}

const FEMALE_RELATIONS: Relation[] = ['fille', 'épouse', 'nièce', 'voisine', 'mère', 'sœur'];
const POSSESSIVE: Record<Relation, string> = {
  fille: 'sa', fils: 'son', épouse: 'son', mari: 'son', nièce: 'sa', neveu: 'son', voisine: 'sa', mère: 'sa', père: 'son', sœur: 'sa', frère: 'son',
};
const ARTICLE: Record<Relation, string> = {
  fille: 'la ', fils: 'le ', épouse: "l'", mari: 'le ', nièce: 'la ', neveu: 'le ', voisine: 'la ', mère: 'la ', père: 'le ', sœur: 'la ', frère: 'le ',
};

function decimal(rng: Rng, min: number, max: number, digits = 1): string {
  return (min + rng.next() * (max - min)).toFixed(digits).replace('.', ',');
}

// A patient's weight stays near one value across notes: derive it from the patient key.
function baseWeight(key: string): number {
  let h = 0;
  for (const ch of key) h = (h * 31 + ch.charCodeAt(0)) >>> 0;
  return 48 + (h % 38);
}

// Old-age schemes (APA, EHPAD, pensions) are never mentioned for people under 60.
const OLD_AGE_ONLY = /APA|EHPAD|retraite|réversion|personnes âgées/;

function pickFor(c: TextContext, items: string[]): string {
  const fitting = c.profile.age >= 60 ? items : items.filter((i) => !OLD_AGE_ONLY.test(i));
  return c.rng.pick(fitting.length > 0 ? fitting : items);
}

function list(items: string[]): Slot {
  return (c) => pickFor(c, items);
}

function byCondition(items: Partial<Record<Condition, string[]>>, fallback: string[]): Slot {
  return (c) => pickFor(c, items[c.profile.condition] ?? fallback);
}

function female(c: TextContext): boolean {
  return c.profile.patient.sex === 'F';
}

function relativeIsFemale(c: TextContext): boolean {
  return FEMALE_RELATIONS.includes(c.profile.relative.relation);
}

// Colleagues call a young adult by the first name, anyone older Mme/M. and the name.
function patientName(c: TextContext): string {
  return c.profile.age < 25 ? c.profile.patient.givenName : `${c.profile.title} ${c.profile.name}`;
}

const MEDS: Partial<Record<Condition, string[]>> = {
  diabetes: ["l'insuline glargine", 'la sitagliptine', "l'insuline rapide", 'le ramipril', "l'atorvastatine"],
  heart_failure: ['le furosémide', 'le bisoprolol', "l'apixaban", 'le sacubitril-valsartan', 'la spironolactone'],
  copd: ['le tiotropium', 'le salbutamol', "l'association formotérol-budésonide", 'la prednisolone'],
  cancer: ['la morphine LP', "l'ondansétron", 'le macrogol', 'la dexaméthasone', "l'oxycodone"],
  dementia: ['le donépézil', 'la mémantine', 'la mirtazapine', 'le paracétamol'],
  parkinson: ['la lévodopa-bensérazide', 'le pramipexole', "l'entacapone", 'le macrogol'],
  psychiatric: ["l'aripiprazole", 'la sertraline', 'le lithium', 'la quétiapine', "l'hydroxyzine"],
  stroke: ["l'aspirine", "l'atorvastatine", "l'amlodipine", 'le baclofène'],
};
const COMMON_MEDS = ['le paracétamol', 'le lévothyrox', "l'amlodipine", "l'oméprazole", 'la vitamine D', 'le tramadol', 'le zopiclone', "l'oxazépam"];

const SLOTS: Record<string, Slot> = {
  // the patient and their relative
  pt: patientName,
  prenom: (c) => c.profile.patient.givenName,
  e: (c) => (female(c) ? 'e' : ''),
  il: (c) => (female(c) ? 'elle' : 'il'),
  lui: (c) => (female(c) ? 'elle' : 'lui'),
  proche: (c) => `${POSSESSIVE[c.profile.relative.relation]} ${c.profile.relative.relation} ${c.profile.relative.givenName}`,
  aidant: (c) => `${ARTICLE[c.profile.relative.relation]}${c.profile.relative.relation} de ${patientName(c)}`,
  pe: (c) => (relativeIsFemale(c) ? 'e' : ''),
  // the care team
  gp: (c) => c.names.gp ?? 'le médecin traitant',
  ide: (c) => c.names.nurse ?? "l'infirmière libérale",
  pharma: (c) => c.names.pharmacist ?? 'la pharmacie',
  ssiad: (c) => c.names.homeCare ?? "l'équipe d'aide à domicile",
  coord: (c) => c.names.coordinator,
  dispositif: (c) => c.follower,
  // moments
  jour: (c) => frWeekday(addDays(c.at, c.rng.int(1, 6))),
  date: (c) => frLongDate(weekday(addDays(c.at, c.rng.int(3, 20)))),
  revue: (c) => frLongDate(weekday(addDays(c.at, c.rng.int(85, 95)))),
  date_passee: (c) => frLongDate(addDays(c.at, -c.rng.int(1, 4))),
  heure: (c) => frClock(atParisTime(c.at, c.rng.int(7, 10), c.rng.pick([0, 15, 30, 45]))),
  // measurements
  ta: (c) => `${c.rng.int(11, 15)}/${c.rng.int(6, 9)}`,
  ta_haute: (c) => `${c.rng.int(17, 20)}/${c.rng.int(9, 11)}`,
  fc: (c) => String(c.rng.int(58, 96)),
  temp: (c) => `${decimal(c.rng, 36.4, 37.5)} °C`,
  temp_haute: (c) => `${decimal(c.rng, 38.2, 39.6)} °C`,
  spo2: (c) => `${c.rng.int(90, 98)} %`,
  poids: (c) => decimal(c.rng, baseWeight(c.profile.patient.key) - 2, baseWeight(c.profile.patient.key) + 2),
  gly: (c) => decimal(c.rng, 0.9, 2.4, 2),
  hba1c: (c) => decimal(c.rng, 7.2, 10.1),
  dfg: (c) => String(c.rng.int(15, 45)),
  k: (c) => decimal(c.rng, 3.8, 5.9),
  hb: (c) => decimal(c.rng, 9.5, 13.8),
  creat: (c) => String(c.rng.int(70, 210)),
  alb: (c) => String(c.rng.int(28, 38)),
  eva: (c) => `${c.rng.int(1, 6)}/10`,
  mmse: (c) => String(c.rng.int(12, 26)),
  mna: (c) => decimal(c.rng, 15, 23.5),
  tug: (c) => String(c.rng.int(14, 32)),
  n: (c) => String(c.rng.int(2, 5)),
  nb_seances: list(['10', '12', '15', '20', '30']),
  heures: (c) => String(c.rng.int(12, 45)),
  verres: (c) => String(c.rng.int(2, 5)),
  metres: (c) => String(c.rng.int(2, 15) * 10),
  gir: (c) => String(c.profile.age < 60 ? 4 : c.profile.condition === 'dementia' ? c.rng.int(2, 4) : c.rng.int(3, 5)),
  // vocabulary
  med: (c) => c.rng.pick([...(MEDS[c.profile.condition] ?? []), ...COMMON_MEDS.slice(0, 3)]),
  soin: list([
    "injection d'anticoagulant", 'préparation et distribution du traitement', 'surveillance des constantes',
    'aide à la toilette', 'pose des bas de contention', 'pansement de la jambe', 'soins de bouche',
    'surveillance de la cicatrice', 'instillation des collyres', 'prise de sang',
  ]),
  humeur: list(['{souriant|souriante}', 'un peu triste', 'calme', '{fatigué|fatiguée}', 'de bonne humeur', '{inquiet|inquiète} pour la suite', 'plus {bavard|bavarde} que d’habitude']),
  plaie: list(["l'ulcère de la jambe gauche", 'la plaie du coude', "l'escarre du talon", 'la dermabrasion du tibia', 'la plaie du cuir chevelu']),
  oubli: list([
    'prise du midi oubliée deux fois cette semaine', 'aucun oubli cette semaine', 'comprimés du soir retrouvés dans le pilulier',
    'traitement bien pris', 'une prise du matin décalée au midi', 'pilulier complet, rien à signaler',
  ]),
  variation: list(['stable', '-0,8 kg en 15 jours', '+1,2 kg en une semaine', '-2 kg en un mois', '+0,5 kg depuis la dernière pesée']),
  soucis: list([
    'la solitude le week-end', 'ses nuits difficiles', 'ses oublis de plus en plus fréquents', 'les factures qui s’accumulent',
    'la peur de tomber la nuit', 'des douleurs aux genoux', 'le coût des aides à domicile',
  ]),
  signe: list([
    'une toux grasse depuis 3 jours', 'des œdèmes des chevilles', "une baisse d'appétit", 'une confusion inhabituelle en fin de journée',
    'des vertiges au lever', 'une constipation depuis 5 jours', 'une plaie du pied qui ne cicatrise pas', 'une somnolence dans la journée',
    'des douleurs abdominales', 'une toux sèche la nuit',
  ]),
  conduite: list([
    'visite à domicile prévue demain matin', 'bilan sanguin prescrit', 'surveillance rapprochée, rappel si aggravation',
    'consultation au cabinet {jour}', 'passage du médecin en fin de journée',
  ]),
  conclusion: list([
    'examen rassurant, surveillance', 'bilan sanguin prescrit, résultats à suivre', 'traitement symptomatique, à revoir dans une semaine',
    'adaptation du traitement', 'avis spécialisé demandé',
  ]),
  duree: list(['1 mois', '3 mois', '3 mois', '6 mois']),
  piece: list(['de la cuisine', 'de la salle de bain', 'complet', 'de la chambre']),
  courses: list(['supérette du quartier', 'marché', 'liste préparée avec {proche}', 'drive']),
  // the flu and COVID campaigns run from October to February
  vaccination: (c) => {
    const month = c.at.getUTCMonth();
    const winter = month >= 9 || month <= 1;
    return c.rng.pick(
      winter
        ? ['vaccination antigrippale faite', 'vaccination contre le COVID-19 faite']
        : ['rappel diphtérie-tétanos-polio fait', 'vaccination contre le pneumocoque faite'],
    );
  },
  jour_passe: (c) => frWeekday(addDays(c.at, -c.rng.int(1, 5))),
  interaction: list([
    'entre le tramadol et la sertraline (risque de syndrome sérotoninergique)',
    "entre l'apixaban et l'ibuprofène pris en automédication (risque hémorragique)",
    'entre le furosémide et le ramipril (surveiller kaliémie et créatinine)',
    "entre l'oxazépam et le zopiclone (sédation, risque de chute)",
    "entre l'amiodarone et la simvastatine (risque musculaire)",
  ]),
  materiel: list(['lit médicalisé', 'fauteuil roulant', 'déambulateur', 'chaise percée', 'matelas anti-escarres', 'rehausseur de WC', 'fauteuil releveur']),
  adaptation: byCondition(
    {
      heart_failure: ['majoration du furosémide à 80 mg/j pendant 5 jours', 'introduction de la spironolactone 25 mg', 'diminution du bisoprolol (bradycardie à 52/min)'],
      diabetes: ["majoration de l'insuline basale de 2 UI", 'insuline rapide ajoutée au repas du soir', 'introduction de la sitagliptine 50 mg'],
      dementia: ['arrêt du donépézil (bradycardie, troubles digestifs)', 'mirtazapine le soir pour le sommeil', 'arrêt des benzodiazépines sur 4 semaines'],
      copd: ['passage à une association triple en un seul inhalateur', "oxygène augmenté à 2 L/min à l'effort"],
      parkinson: ['fractionnement de la lévodopa en 5 prises', 'arrêt du pramipexole (hallucinations)'],
      psychiatric: ['diminution de la quétiapine à 100 mg le soir', "maintien de l'aripiprazole, ajout d'hydroxyzine si angoisse"],
    },
    ["diminution de l'amlodipine à 5 mg (hypotension orthostatique)", "arrêt de l'oxazépam sur 3 semaines", 'introduction de vitamine D', 'passage du tramadol au paracétamol seul'],
  ),
  bio: list(['hémoglobine {hb} g/dL, créatinine {creat} µmol/L', 'albumine {alb} g/L, CRP < 5', 'TSH normale, ferritine basse', 'kaliémie {k} mmol/L, natrémie normale', 'INR dans la cible']),
  specialiste: byCondition(
    { heart_failure: ['le cardiologue'], copd: ['le pneumologue'], parkinson: ['le neurologue'], dementia: ['la consultation mémoire'], diabetes: ['le Dr Pham (néphrologie)'], psychiatric: ['le Dr Leroux (CMP)'], cancer: ["l'équipe mobile de soins palliatifs"] },
    ['le Dr Delaunay (gériatrie)', 'le cardiologue', "l'ophtalmologiste"],
  ),
  etat: list(['en forme, {souriant|souriante}', 'plus {fatigué|fatiguée} que la dernière fois', '{amaigri|amaigrie}', 'calme, bien {orienté|orientée}', 'un peu {confus|confuse} en fin de journée', 'stable']),
  motif_hospit: byCondition(
    {
      heart_failure: ['décompensation cardiaque', 'dyspnée aiguë'],
      copd: ['exacerbation de BPCO', 'pneumopathie'],
      diabetes: ['hypoglycémie sévère', 'plaie du pied infectée'],
      dementia: ['confusion aiguë', 'chute avec traumatisme crânien'],
      frailty: ['chute avec suspicion de fracture', 'déshydratation'],
      cancer: ['altération de l’état général', 'douleurs non contrôlées'],
      psychiatric: ['décompensation anxieuse', 'idées suicidaires'],
      parkinson: ['chute et blocage moteur', 'pneumopathie d’inhalation'],
      stroke: ['récidive de déficit neurologique transitoire'],
    },
    ['malaise avec perte de connaissance', 'pneumopathie', 'déshydratation'],
  ),
  service: byCondition(
    { heart_failure: ['cardiologie'], copd: ['pneumologie'], psychiatric: ['psychiatrie'], cancer: ['oncologie'], stroke: ['neurologie'], diabetes: ['endocrinologie'] },
    ['gériatrie aiguë', 'médecine polyvalente', 'orthopédie'],
  ),
  soucis_aidant: list([
    "s'épuise, ne dort plus la nuit", 'demande des solutions de répit', 'trouve que {pt} maigrit', 'voudrait des passages le dimanche',
    "s'inquiète pour les escaliers", "s'interroge sur une entrée en EHPAD", 'signale des oublis de rendez-vous', 'demande où en est le dossier APA',
  ]),
  nouvelles: list(['dit aller bien, se plaint seulement de la chaleur', 'moral en baisse depuis le décès de son frère', 'attend la visite de {proche} ce week-end', 'a repris ses sorties au marché', 'a peu mangé ces derniers jours']),
  point: list([
    'situation stable, aides en place et adaptées', "plan d'aide APA à réévaluer", 'épuisement de {proche} à surveiller', "observance correcte depuis la mise en place du pilulier",
    'isolement persistant, accueil de jour proposé', 'pas de nouvelle chute depuis un mois',
  ]),
  demarche: list([
    'relance de la MDA pour le dossier APA', 'relance de la CPAM pour le transport sanitaire', 'demande de téléassistance envoyée',
    "inscription à l'accueil de jour", 'demande de portage de repas au CCAS', 'dossier de demande d’EHPAD (ViaTrajectoire) complété',
    'demande d’hébergement temporaire pour le répit de {proche}',
  ]),
  revision: list([
    'ajout de passages infirmiers le soir', 'objectif nutrition atteint, à maintenir', 'renfort du plan d’aide (2 h de plus par semaine)',
    'mise en place d’un accueil de jour le mardi', 'kinésithérapie prolongée de 15 séances',
  ]),
  aide_sociale: list(['aide ménagère', 'APA à domicile', 'complémentaire santé solidaire', 'aide au logement', 'allocation de solidarité aux personnes âgées', 'carte mobilité inclusion']),
  ressources: list(['retraite de base et complémentaire', 'AAH', 'pension de réversion', 'RSA', 'pension d’invalidité']),
  besoin: list(['la téléassistance', 'le portage de repas', 'les heures d’aide à domicile', 'l’adaptation de la salle de bain', 'un fauteuil roulant']),
  priorites: list(['ouverture des droits APA et aide au logement', 'mesure de protection et gestion du budget', 'relogement en rez-de-chaussée', 'accès aux soins et complémentaire santé']),
};

function capitalise(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}

function resolve(placeholder: string, c: TextContext): string {
  if (placeholder.includes('|')) {
    const [masculine, feminine] = placeholder.split('|');
    return female(c) ? (feminine ?? '') : (masculine ?? '');
  }
  const name = placeholder.charAt(0).toLowerCase() + placeholder.slice(1);
  const slot = SLOTS[name];
  if (!slot) throw new Error(`unknown journal slot {${placeholder}}`);
  const value = slot(c);
  return placeholder === name ? value : capitalise(value);
}

// Slots put "Dr Mercier" or "le neurologue" after "de"/"à": French contracts these. No template
// uses "le" as a pronoun after "de"/"à", so every "de le" is an article to contract.
const NOT_AFTER_LETTER = '(?<![\\p{L}\\p{N}])';
const CONTRACTIONS: [RegExp, string][] = [
  [new RegExp(`${NOT_AFTER_LETTER}de Dr `, 'gu'), 'du Dr '],
  [new RegExp(`${NOT_AFTER_LETTER}à Dr `, 'gu'), 'au Dr '],
  [new RegExp(`${NOT_AFTER_LETTER}(par|avec|selon) Dr `, 'gu'), '$1 le Dr '],
  [new RegExp(`${NOT_AFTER_LETTER}de le `, 'gu'), 'du '],
  [new RegExp(`${NOT_AFTER_LETTER}à le `, 'gu'), 'au '],
  // "en l'absence de Élodie" → "d'Élodie"
  [new RegExp(`${NOT_AFTER_LETTER}de (?=[AEIOUYÉÈ])`, 'gu'), 'd’'],
  [/'/g, '’'],
];

/** fills every {slot}; slot values may contain slots themselves */
export function fillTemplate(template: string, c: TextContext): string {
  let text = template;
  for (let pass = 0; pass < 4 && text.includes('{'); pass++) {
    text = text.replace(/\{([^{}]+)\}/g, (_m, placeholder: string) => resolve(placeholder, c));
  }
  for (const [pattern, replacement] of CONTRACTIONS) text = text.replace(pattern, replacement);
  return text;
}
