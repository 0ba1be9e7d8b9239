// The Annuaire Santé open extraction "PS_LibreAcces_Personne_activite_<date>.txt": one line per
// practice of a professional (personne × activité × situation d'exercice), pipe-separated, header first.
import { columnsOf, fieldsOf, joinWords, type Columns } from './columns.ts';
import { luhnValid } from './luhn.ts';
import type { LineParser, Parsed, RppsLine } from './types.ts';

const LABELS = {
  idType: "Type d'identifiant PP",
  id: 'Identifiant PP',
  idNat: 'Identification nationale PP',
  civility: "Libellé civilité d'exercice",
  familyName: "Nom d'exercice",
  givenName: "Prénom d'exercice",
  professionCode: 'Code profession',
  professionLabel: 'Libellé profession',
  categoryCode: 'Code catégorie professionnelle',
  skillCode: 'Code savoir-faire',
  skillLabel: 'Libellé savoir-faire',
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
  streetType: 'Libellé type de voie (coord. structure)',
  street: 'Libellé Voie (coord. structure)',
  postalCode: 'Code postal (coord. structure)',
  commune: 'Code commune (coord. structure)',
  communeName: 'Libellé commune (coord. structure)',
  phone: 'Téléphone (coord. structure)',
  email: 'Adresse e-mail (coord. structure)',
  roleCode: 'Code rôle',
  roleLabel: 'Libellé rôle',
} as const;

/** Builds the line parser from the extraction's header. */
export function createRppsParser(header: string): Parsed<LineParser<RppsLine>> {
  const columns = columnsOf(header, LABELS);
  if (!columns.ok) return columns;
  return { ok: true, value: (line) => parseLine(line, columns.value) };
}

function parseLine(line: string, columns: Columns<keyof typeof LABELS>): Parsed<RppsLine> {
  const read = fieldsOf(line, columns);
  if (!read.ok) return read;
  const f = read.value;
  const idType = f('idType');
  const id = f('id');
  const idNatPs = f('idNat');
  if (!id || !idNatPs) return { ok: false, message: 'identifiant du professionnel vide' };
  if (idType === '8' && (!/^\d{11}$/.test(id) || !luhnValid(id))) return { ok: false, message: `RPPS invalide : ${id} (11 chiffres avec clé de Luhn)` };
  const familyName = f('familyName');
  if (!familyName) return { ok: false, message: `nom d’exercice vide pour ${idNatPs}` };
  const parts = [idNatPs, f('structureId'), f('modeCode'), f('roleCode'), f('skillCode')];
  return {
    ok: true,
    value: {
      professional: {
        idNatPs,
        rpps: idType === '8' ? id : null,
        civility: f('civility'),
        familyName,
        givenName: f('givenName') ?? '',
        professionCode: f('professionCode'),
        professionLabel: f('professionLabel'),
        categoryCode: f('categoryCode'),
      },
      activity: {
        activityKey: parts.map((p) => p ?? '').join('|'),
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
        address: joinWords(f('streetNumber'), f('repetition'), f('streetType'), f('street')),
        postalCode: f('postalCode'),
        communeInsee: f('commune'),
        communeName: f('communeName'),
        phone: f('phone'),
        email: f('email'),
      },
    },
  };
}

/** The header of the real extraction, in its order (for sample files and the benchmark generator). */
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
