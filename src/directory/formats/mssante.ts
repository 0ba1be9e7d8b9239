// The MSSanté directory extraction ("Extraction_Correspondance_MSSante_<date>.txt"): one mailbox per
// line, pipe-separated, UTF-8, header first. Personal boxes (PER) carry the professional's idNatPs;
// organisational (ORG) and applicative (APP) boxes the structure they belong to.
// The real file has 31 columns (MSSANTE_HEADER, as public readers of it and a measurement of the 2026
// file list them): the structure's name is in "Raison Sociale structure BAL" / "Enseigne commerciale
// structure BAL", its address in "L2…L6 … structure BAL" columns; there is no "Dénomination", commune
// code, "Responsable" or "Liste rouge" column. Whether lines end with "|" is not documented: both read.
import { columnsOf, fieldsOf, joinWords, type ColumnLabel, type Columns } from './columns.ts';
import type { LineParser, MailboxRecord, Parsed } from './types.ts';

const LABELS = {
  boxType: 'Type de BAL',
  address: 'Adresse BAL',
  idNatPs: 'Identification nationale PP',
  structureIdKind: 'Type identifiant structure',
  structureIdentifier: 'Identification Structure',
  service: 'Service de rattachement',
  familyName: "Nom d'exercice",
  givenName: "Prénom d'exercice",
  legalName: 'Raison Sociale structure BAL',
  tradeName: 'Enseigne commerciale structure BAL',
} satisfies Record<string, ColumnLabel>;

type Key = keyof typeof LABELS;

// CAB (a practice's box) is in the national value set (JDV_J139) though the extraction shows none yet.
const BOX_TYPES = new Set(['PER', 'ORG', 'APP', 'CAB']);
const EMAIL = /^[^\s@|]+@[^\s@|]+\.[^\s@|]+$/;
/** the structure identifier kinds of the national directories (TRE_G07): 1 = FINESS, 3 = SIRET, 4 = RPPS practice… */
const FINESS_KIND = '1';

export function createMailboxParser(headerLine: string): Parsed<LineParser<MailboxRecord>> {
  const columns = columnsOf(headerLine, LABELS);
  if (!columns.ok) return columns;
  return { ok: true, value: (line) => parseLine(line, columns.value) };
}

function parseLine(line: string, columns: Columns<Key>): Parsed<MailboxRecord> {
  const read = fieldsOf(line, columns);
  if (!read.ok) return read;
  const f = read.value;
  const address = f('address');
  if (!address) return { ok: false, message: 'adresse de messagerie manquante' };
  if (!EMAIL.test(address)) return { ok: false, message: `« ${address} » n’est pas une adresse de messagerie` };
  const boxType = f('boxType') ?? '';
  if (!BOX_TYPES.has(boxType)) return { ok: false, message: `type de boîte « ${boxType} » inconnu (attendu : PER, ORG ou APP) pour ${address}` };
  const structureIdKind = f('structureIdKind');
  const structureIdentifier = f('structureIdentifier');
  const service = f('service');
  const structureName = f('tradeName') ?? f('legalName');
  return {
    ok: true,
    value: {
      address,
      boxType,
      idNatPs: f('idNatPs'),
      structureIdKind,
      structureIdentifier,
      finess: structureIdKind === FINESS_KIND ? finessOf(structureIdentifier) : null,
      service,
      label: boxType === 'PER' ? joinWords(f('givenName'), f('familyName')) : [structureName, service].filter(Boolean).join(' – ') || null,
    },
  };
}

/**
 * The FINESS itself (9 characters). The directories write a structure's national identifier as its
 * kind's digit then the identifier ("1" + FINESS); the extraction is read either way.
 */
function finessOf(identifier: string | null): string | null {
  if (identifier === null) return null;
  if (identifier.length === 10 && identifier.startsWith(FINESS_KIND)) return identifier.slice(1);
  return identifier.length === 9 ? identifier : null;
}

/** The header of the real extraction, in its order (sample files are written with it). */
export const MSSANTE_HEADER = [
  'Type de BAL', 'Adresse BAL', 'Type Identifiant PP', 'Identifiant PP', 'Identification nationale PP', 'Type identifiant structure',
  'Identification Structure', 'Service de rattachement', "Civilité d'exercice", "Nom d'exercice", "Prénom d'exercice",
  'Catégorie profession', 'Libellé de catégorie profession', 'Code Profession', 'Libellé Profession', 'Code savoir-faire',
  'Libellé savoir-faire', 'Dématérialisation', 'Raison Sociale structure BAL', 'Enseigne commerciale structure BAL',
  'L2COMPLEMENTLOCALISATION structure BAL', 'L3COMPLEMENTDISTRIBUTION structure BAL', 'L4NUMEROVOIE structure BAL',
  'L4COMPLEMENTNUMEROVOIE structure BAL', 'NL4TYPEVOIE structure BAL', 'L4LIBELLEVOIE structure BAL',
  'L5LIEUDITMENTION structure BAL', 'L6LIGNEACHEMINEMENT structure BAL', 'Code postal structure BAL', 'Département structure BAL',
  'Pays structure BAL',
] as const;
