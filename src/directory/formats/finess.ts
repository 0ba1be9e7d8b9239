// The FINESS extraction published on data.gouv.fr ("etalab-cs1100507-stock-<date>.csv"): no header,
// semicolon-separated, a first line "finess;etalab;<version>;<date>", then one "structureet" line per
// establishment (32 fields) and one "geolocalisation" line per establishment with its coordinates.
// A field holding a ";" or a '"' is quoted, CSV-style (a few names are: `"LIEU DE VIE ""X"""`).
// As real lines show it: dates YYYY-MM-DD (DD/MM/YYYY in older files); the coordinates' source ends
// with the projection ("…,LAMBERT_93", now "…,EPSG:2154 RGF93 / Lambert-93 (Métropole)", split on ";"
// in 2016 files); overseas establishments come in UTM zones, refused for now.
import { clean, fieldCountMessage } from './columns.ts';
import { streetLine } from './address.ts';
import { lambert93ToWgs84 } from './lambert93.ts';
import type { FinessLine, OrganizationRecord, Parsed } from './types.ts';

const STRUCTURE_FIELDS = 32;
/** geolocalisation;nofinesset;coordxet;coordyet;sourcecoordet;datemaj */
const GEOLOCATION_FIELDS = 6;
const SKIP: Parsed<FinessLine> = { ok: true, value: { kind: 'skip' } };

// Positions in a "structureet" line.
const AT = {
  finess: 1, legalFiness: 2, name: 3, longName: 4, number: 7, streetType: 8, street: 9, repetition: 10, locality: 11,
  commune: 12, departement: 13, routing: 15, phone: 16, category: 18, categoryLabel: 19, aggregate: 20, aggregateLabel: 21,
  siret: 22, openedOn: 28,
} as const;

export function parseFinessLine(line: string): Parsed<FinessLine> {
  if (line.trim() === '') return SKIP;
  const fields = splitSemicolons(line);
  switch (fields[0]) {
    case 'finess':
      return SKIP;
    case 'structureet':
      return parseEstablishment(fields);
    case 'geolocalisation':
      return parseGeolocation(fields);
    default:
      return { ok: false, message: `ligne de type « ${fields[0]!.slice(0, 30)} » inconnue (attendu : structureet ou geolocalisation)` };
  }
}

function parseEstablishment(fields: string[]): Parsed<FinessLine> {
  if (fields.length !== STRUCTURE_FIELDS) return { ok: false, message: `ligne structureet : ${fieldCountMessage(STRUCTURE_FIELDS, fields.length)}` };
  const f = (at: number) => clean(fields[at]);
  const finess = f(AT.finess) ?? '';
  const problem = finessProblem(finess);
  if (problem) return { ok: false, message: problem };
  const name = f(AT.name) ?? f(AT.longName);
  if (!name) return { ok: false, message: `raison sociale manquante pour ${finess}` };
  const routing = routingOf(f(AT.routing));
  const street = streetLine(f(AT.number), f(AT.repetition), f(AT.streetType), f(AT.street));
  const record: OrganizationRecord = {
    finess,
    legalFiness: f(AT.legalFiness),
    name,
    longName: f(AT.longName),
    categoryCode: f(AT.category),
    categoryLabel: f(AT.categoryLabel),
    aggregateCode: f(AT.aggregate),
    aggregateLabel: f(AT.aggregateLabel),
    siret: f(AT.siret),
    address: [street, f(AT.locality)].filter(Boolean).join(', ') || null,
    postalCode: routing.postalCode,
    communeInsee: communeInseeOf(f(AT.departement), f(AT.commune)),
    communeName: routing.communeName,
    phone: f(AT.phone),
    openedOn: isoDate(f(AT.openedOn)),
  };
  return { ok: true, value: { kind: 'organization', record } };
}

function parseGeolocation(fields: string[]): Parsed<FinessLine> {
  // Older extractions split the source on ";" as well: the date stays last, the source is in between.
  if (fields.length < GEOLOCATION_FIELDS) return { ok: false, message: `ligne geolocalisation : ${fieldCountMessage(GEOLOCATION_FIELDS, fields.length)}` };
  const finess = clean(fields[1]) ?? '';
  const problem = finessProblem(finess);
  if (problem) return { ok: false, message: problem };
  const x = coordinate(fields[2]);
  const y = coordinate(fields[3]);
  if (x === null || y === null) {
    return { ok: false, message: `coordonnées non numériques pour ${finess} : x « ${clean(fields[2]) ?? ''} », y « ${clean(fields[3]) ?? ''} »` };
  }
  const source = fields.slice(4, -1).join(';');
  if (!isLambert93(source)) {
    return { ok: false, message: `coordonnées de ${finess} dans une projection non prise en charge (« ${clean(source) ?? ''} ») : seul le Lambert 93 de la métropole est converti` };
  }
  const point = lambert93ToWgs84(x, y);
  if (!inMetropolitanFrance(point)) return { ok: false, message: `coordonnées de ${finess} hors de la France métropolitaine : x ${x}, y ${y}` };
  return { ok: true, value: { kind: 'geolocation', record: { finess, ...point } } };
}

/** 9 characters: the département (2 digits, or 2A/2B for Corsica), then 7 digits. */
function finessProblem(finess: string): string | null {
  if (/^(\d{2}|2[AB])\d{7}$/.test(finess)) return null;
  return `numéro FINESS « ${finess} » invalide : 9 caractères attendus (chiffres, ou 2A/2B pour la Corse)`;
}

// FINESS writes overseas départements with a letter. Their INSEE commune codes are "97" then three
// digits, the first of which is the département's own (971…976), and FINESS's commune field already
// holds those three ("9D" + "411" = Saint-Denis, 97411; "9A" + "101" = Les Abymes, 97101).
// Wallis-et-Futuna ("9J") is numbered 986: "98" + "613".
const OVERSEAS_PREFIX: Record<string, string> = { '9A': '97', '9B': '97', '9C': '97', '9D': '97', '9E': '97', '9F': '97', '9J': '98' };

/** The INSEE commune code from FINESS's département and 3-character commune code; null when they do not make one. */
export function communeInseeOf(departement: string | null, commune: string | null): string | null {
  if (!departement || !commune || !/^\d{1,3}$/.test(commune)) return null;
  const overseas = OVERSEAS_PREFIX[departement];
  if (overseas) return commune.length === 3 ? `${overseas}${commune}` : null;
  return /^(\d{2}|2[AB])$/.test(departement) ? `${departement}${commune.padStart(3, '0')}` : null;
}

/** "49100 ANGERS" → 49100, ANGERS; "97306 CAYENNE CEDEX" → 97306, CAYENNE (the postal code is then a CEDEX one) */
function routingOf(line: string | null): { postalCode: string | null; communeName: string | null } {
  const match = line?.match(/^(\d{5}) (.+?)(?: CEDEX(?: \d+)?)?$/i);
  if (!match) return { postalCode: null, communeName: line };
  return { postalCode: match[1]!, communeName: match[2]! };
}

/** YYYY-MM-DD; older extractions wrote DD/MM/YYYY. Anything else is left out: the date is only informative. */
function isoDate(text: string | null): string | null {
  if (text === null) return null;
  if (/^\d{4}-\d{2}-\d{2}$/.test(text)) return text;
  const french = text.match(/^(\d{2})\/(\d{2})\/(\d{4})$/);
  return french ? `${french[3]}-${french[2]}-${french[1]}` : null;
}

function coordinate(text: string | undefined): number | null {
  const value = clean(text)?.replace(',', '.');
  return value !== undefined && /^-?\d+(\.\d+)?$/.test(value) ? Number(value) : null;
}

// The source names the projection: "…,LAMBERT_93" in older extractions, "…,EPSG:2154 RGF93 /
// Lambert-93 (Métropole)" in recent ones. Overseas establishments come in UTM zones.
function isLambert93(source: string): boolean {
  return /LAMBERT[_ -]?93|EPSG:2154/i.test(source);
}

function inMetropolitanFrance({ latitude, longitude }: { latitude: number; longitude: number }): boolean {
  return latitude > 41 && latitude < 51.5 && longitude > -5.5 && longitude < 10;
}

/** Splits on ";", honouring CSV quotes: a quoted field may hold ";" and doubled quotes. */
export function splitSemicolons(line: string): string[] {
  if (!line.includes('"')) return line.split(';');
  const fields: string[] = [];
  let at = 0;
  while (at <= line.length) {
    const [quoted, next] = line[at] === '"' ? readQuoted(line, at + 1) : ['', at];
    // whatever follows a closing quote up to the next ";" still belongs to the field
    const end = line.indexOf(';', next);
    const stop = end < 0 ? line.length : end;
    fields.push(quoted + line.slice(next, stop));
    at = stop + 1;
  }
  return fields;
}

/** the text of a quoted field that starts at `from`, and where its closing quote ends */
function readQuoted(line: string, from: number): [string, number] {
  let value = '';
  let cursor = from;
  for (;;) {
    const quote = line.indexOf('"', cursor);
    if (quote < 0) return [value + line.slice(cursor), line.length];
    value += line.slice(cursor, quote);
    if (line[quote + 1] !== '"') return [value, quote + 1];
    value += '"';
    cursor = quote + 2;
  }
}
