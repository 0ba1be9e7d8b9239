// The MSSanté directory extraction ("Extraction_Correspondance_MSSante_<date>.txt"): one mailbox per
// line, pipe-separated, header first. Personal boxes (PER) carry the professional's idNatPs;
// organisational (ORG) and applicative (APP) boxes their structure's identifier.
import { columnsOf, fieldsOf, joinWords, type Columns } from './columns.ts';
import type { LineParser, MailboxRecord, Parsed } from './types.ts';

const LABELS = {
  boxType: 'Type de BAL',
  address: 'Adresse BAL',
  idNatPs: 'Identification nationale PP',
  structureIdKind: "Type d'identifiant structure",
  structureIdentifier: 'Identification Structure',
  service: 'Service de rattachement',
  familyName: "Nom d'exercice",
  givenName: "Prénom d'exercice",
  structureName: 'Dénomination structure',
  legalName: 'Raison sociale structure',
} as const;

const BOX_TYPES = new Set(['PER', 'ORG', 'APP']);
const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;
// In the national directories a structure's idNat is its kind's digit then its identifier: "1" + FINESS.
const FINESS_KIND = '1';

export function createMailboxParser(header: string): Parsed<LineParser<MailboxRecord>> {
  const columns = columnsOf(header, LABELS);
  if (!columns.ok) return columns;
  return { ok: true, value: (line) => parseLine(line, columns.value) };
}

function parseLine(line: string, columns: Columns<keyof typeof LABELS>): Parsed<MailboxRecord> {
  const read = fieldsOf(line, columns);
  if (!read.ok) return read;
  const f = read.value;
  const address = f('address')?.toLowerCase() ?? '';
  if (!EMAIL.test(address)) return { ok: false, message: `adresse MSSanté invalide : « ${address} »` };
  const boxType = f('boxType')?.toUpperCase() ?? '';
  if (!BOX_TYPES.has(boxType)) return { ok: false, message: `type de boîte inconnu : « ${boxType} » (PER, ORG ou APP)` };
  const structureIdKind = f('structureIdKind');
  const structureIdentifier = f('structureIdentifier');
  const finess = structureIdKind === FINESS_KIND && structureIdentifier ? structureIdentifier.replace(/^1(?=.{9}$)/, '') : null;
  const structure = f('structureName') ?? f('legalName');
  const label = boxType === 'PER' ? joinWords(f('givenName'), f('familyName')) : joinWords(structure, f('service') ? `– ${f('service')}` : null);
  return {
    ok: true,
    value: { address, boxType, idNatPs: f('idNatPs'), structureIdKind, structureIdentifier, finess, service: f('service'), label },
  };
}

/** The header of the real extraction, in its order (for sample files). */
export const MSSANTE_HEADER = [
  'Type de BAL', 'Adresse BAL', "Type d'identifiant PP", 'Identifiant PP', 'Identification nationale PP', "Type d'identifiant structure",
  'Identification Structure', 'Service de rattachement', "Civilité d'exercice", "Nom d'exercice", "Prénom d'exercice",
  'Catégorie professionnelle', 'Libellé catégorie professionnelle', 'Code profession', 'Libellé profession', 'Code savoir-faire',
  'Libellé savoir-faire', 'Dénomination structure', 'Raison sociale structure', 'Enseigne commerciale structure',
  'Complément localisation structure', 'Complément distribution structure', 'Numéro voie structure',
  'Complément numéro voie structure', 'Type voie structure', 'Libellé Voie structure', 'Lieu-dit, mention structure',
  'Ligne acheminement structure', 'Code postal structure', 'Département structure', 'Pays structure', 'Téléphone structure',
  'Fax structure', 'Adresse e-mail structure', 'Code commune structure', 'Libellé commune structure', 'Responsable', 'Liste rouge',
] as const;
