// The Annuaire Santé open extraction "PS_LibreAcces_Personne_activite_<date>.txt": one line per
// practice of a professional (personne × activité × situation d'exercice), pipe-separated, UTF-8,
// header first, every line ending with "|". A professional with two practice places has two lines.
// The 56-column header (RPPS_HEADER) is the one public readers of the real file use; its labels vary
// between versions ("Libellé civilité exercice", "(coord. Structure)", "Code fonction" before "Code
// rôle", the savoir-faire moved to PS_LibreAcces_SavoirFaire in some), hence known spellings as
// aliases, and the savoir-faire and rôle columns optional.
import { columnsOf, fieldsOf, type ColumnLabel, type Columns } from './columns.ts';
import { streetLine } from './address.ts';
import { luhnValid } from './luhn.ts';
import type { ActivityRecord, LineParser, Parsed, ProfessionalRecord, RppsLine } from './types.ts';

/** "Type d'identifiant PP": 8 = RPPS (11 digits, Luhn key), 0 = ADELI (professions not yet in the RPPS) */
const RPPS_KIND = '8';

const LABELS = {
  idType: "Type d'identifiant PP",
  id: 'Identifiant PP',
  idNat: 'Identification nationale PP',
  civility: { labels: ["Libellé civilité d'exercice", 'Libellé civilité exercice'] },
  familyName: "Nom d'exercice",
  givenName: "Prénom d'exercice",
  professionCode: 'Code profession',
  professionLabel: 'Libellé profession',
  categoryCode: 'Code catégorie professionnelle',
  // some extractions move the savoir-faire to a file of their own (PS_LibreAcces_SavoirFaire)
  skillCode: { labels: ['Code savoir-faire'], optional: true },
  skillLabel: { labels: ['Libellé savoir-faire'], optional: true },
  modeCode: 'Code mode exercice',
  modeLabel: 'Libellé mode exercice',
  siret: 'Numéro SIRET site',
  finess: 'Numéro FINESS site',
  legalFiness: 'Numéro FINESS établissement juridique',
  structureId: 'Identifiant technique de la structure',
  legalName: 'Raison sociale site',
  tradeName: 'Enseigne commerciale site',
  streetNumber: 'Numéro Voie (coord. structure)',
  repetition: 'Indice répétition voie (coord. structure)',
  streetTypeCode: 'Code type de voie (coord. structure)',
  streetType: 'Libellé type de voie (coord. structure)',
  street: 'Libellé Voie (coord. structure)',
  postalCode: 'Code postal (coord. structure)',
  commune: 'Code commune (coord. structure)',
  communeName: 'Libellé commune (coord. structure)',
  phone: 'Téléphone (coord. structure)',
  email: 'Adresse e-mail (coord. structure)',
  // called "fonction" in older extractions, absent from the oldest
  roleCode: { labels: ['Code rôle', 'Code fonction'], optional: true },
  roleLabel: { labels: ['Libellé rôle', 'Libellé fonction'], optional: true },
} satisfies Record<string, ColumnLabel>;

type Key = keyof typeof LABELS;
type Read = (key: Key) => string | null;

/** Builds the line parser from the extraction's header; refuses a header that lacks a column it reads. */
export function createRppsParser(headerLine: string): Parsed<LineParser<RppsLine>> {
  const columns = columnsOf(headerLine, LABELS);
  if (!columns.ok) return columns;
  return { ok: true, value: (line) => parseLine(line, columns.value) };
}

function parseLine(line: string, columns: Columns<Key>): Parsed<RppsLine> {
  const read = fieldsOf(line, columns);
  if (!read.ok) return read;
  const f = read.value;
  const problem = identityProblem(f);
  if (problem) return { ok: false, message: problem };
  return { ok: true, value: { professional: professionalOf(f), activity: activityOf(f) } };
}

function identityProblem(f: Read): string | null {
  const id = f('id');
  const idNatPs = f('idNat');
  if (!id || !idNatPs) return 'identifiant du professionnel vide';
  if (f('idType') === RPPS_KIND) {
    if (!/^\d{11}$/.test(id)) return `RPPS invalide : « ${id} » n’a pas 11 chiffres`;
    if (!luhnValid(id)) return `RPPS invalide : la clé de contrôle de « ${id} » ne correspond pas (Luhn)`;
    if (idNatPs !== `${RPPS_KIND}${id}`) return `identification nationale « ${idNatPs} » incohérente avec le RPPS ${id}`;
  }
  if (!f('familyName')) return `nom d’exercice manquant pour ${idNatPs}`;
  if (!f('givenName')) return `prénom d’exercice manquant pour ${idNatPs}`;
  return null;
}

function professionalOf(f: Read): ProfessionalRecord {
  return {
    idNatPs: f('idNat')!,
    rpps: f('idType') === RPPS_KIND ? f('id') : null,
    civility: f('civility'),
    familyName: f('familyName')!,
    givenName: f('givenName')!,
    professionCode: f('professionCode'),
    professionLabel: f('professionLabel'),
    categoryCode: f('categoryCode'),
  };
}

function activityOf(f: Read): ActivityRecord {
  const idNatPs = f('idNat')!;
  return {
    activityKey: [idNatPs, f('structureId'), f('modeCode'), f('roleCode'), f('skillCode')].map((part) => part ?? '').join('|'),
    idNatPs,
    modeCode: f('modeCode'),
    modeLabel: f('modeLabel'),
    roleCode: f('roleCode'),
    roleLabel: f('roleLabel'),
    skillCode: f('skillCode'),
    skillLabel: f('skillLabel'),
    siteSiret: f('siret'),
    siteFiness: f('finess'),
    legalFiness: f('legalFiness'),
    siteName: f('tradeName') ?? f('legalName'),
    address: streetLine(f('streetNumber'), f('repetition'), f('streetType') ?? f('streetTypeCode'), f('street')),
    postalCode: f('postalCode'),
    communeInsee: f('commune'),
    communeName: f('communeName'),
    phone: f('phone'),
    email: f('email'),
  };
}

/** The header of the real extraction, in its order (sample files are written with it). */
export const RPPS_HEADER = [
  "Type d'identifiant PP", 'Identifiant PP', 'Identification nationale PP', "Code civilité d'exercice", "Libellé civilité d'exercice",
  'Code civilité', 'Libellé civilité', "Nom d'exercice", "Prénom d'exercice", 'Code profession', 'Libellé profession',
  'Code catégorie professionnelle', 'Libellé catégorie professionnelle', 'Code type savoir-faire', 'Libellé type savoir-faire',
  'Code savoir-faire', 'Libellé savoir-faire', 'Code mode exercice', 'Libellé mode exercice', 'Numéro SIRET site', 'Numéro SIREN site',
  'Numéro FINESS site', 'Numéro FINESS établissement juridique', 'Identifiant technique de la structure', 'Raison sociale site',
  'Enseigne commerciale site', 'Complément destinataire (coord. structure)', 'Complément point géographique (coord. structure)',
  'Numéro Voie (coord. structure)', 'Indice répétition voie (coord. structure)', 'Code type de voie (coord. structure)',
  'Libellé type de voie (coord. structure)', 'Libellé Voie (coord. structure)', 'Mention distribution (coord. structure)',
  'Bureau cedex (coord. structure)', 'Code postal (coord. structure)', 'Code commune (coord. structure)',
  'Libellé commune (coord. structure)', 'Code pays (coord. structure)', 'Libellé pays (coord. structure)',
  'Téléphone (coord. structure)', 'Téléphone 2 (coord. structure)', 'Télécopie (coord. structure)',
  'Adresse e-mail (coord. structure)', 'Code Département (structure)', 'Libellé Département (structure)',
  'Ancien identifiant de la structure', "Autorité d'enregistrement", "Code secteur d'activité", "Libellé secteur d'activité",
  'Code section tableau pharmaciens', 'Libellé section tableau pharmaciens', 'Code rôle', 'Libellé rôle', 'Code genre activité',
  'Libellé genre activité',
] as const;
