// The FINESS extraction published on data.gouv.fr ("etalab-cs1100507-stock-<date>.csv"): no header,
// semicolon-separated; a first line "finess;etalab;…", then one "structureet" line per establishment
// (32 fields) and, after them, one "geolocalisation" line per establishment with Lambert 93 coordinates.
import { joinWords } from './columns.ts';
import { lambert93ToWgs84 } from './lambert93.ts';
import type { FinessLine, Parsed } from './types.ts';

const STRUCTURE_FIELDS = 32;
const GEOLOCATION_FIELDS = 6;

// FINESS codes overseas départements with a letter; INSEE codes them 971…976.
const OVERSEAS: Record<string, string> = { '9A': '971', '9B': '972', '9C': '973', '9D': '974', '9E': '975', '9F': '976' };

const STREET_TYPES: Record<string, string> = {
  R: 'rue', AV: 'avenue', BD: 'boulevard', PL: 'place', RTE: 'route', CHE: 'chemin', ALL: 'allée', IMP: 'impasse',
  QUA: 'quai', QU: 'quai', SQ: 'square', CRS: 'cours', PROM: 'promenade', LD: 'lieu-dit', FG: 'faubourg', RPT: 'rond-point',
  PAS: 'passage', SEN: 'sentier', VOI: 'voie', CHS: 'chaussée', MTE: 'montée', RES: 'résidence', HAM: 'hameau', ZA: 'ZA', ZI: 'ZI',
};

/** 9 characters: département (2 digits, 2A/2B or 9A…9F), then digits. The key is not checked: published numbers do not all follow one algorithm. */
export function finessProblem(finess: string): string | null {
  if (!/^(\d{2}|2[AB]|9[A-F])\d{7}$/.test(finess)) return `FINESS invalide : « ${finess} » (9 caractères)`;
  return null;
}

/** INSEE commune code from FINESS's département + 3-character commune code. */
export function communeInseeOf(departement: string, commune: string): string | null {
  if (!departement || !commune) return null;
  const overseas = OVERSEAS[departement];
  if (overseas) return `${overseas}${commune.slice(-2)}`;
  return `${departement}${commune.padStart(3, '0')}`;
}

export function parseFinessLine(line: string): Parsed<FinessLine> {
  const fields = line.split(';');
  const kind = fields[0];
  if (kind === 'finess' || line.trim() === '') return { ok: true, value: { kind: 'skip' } };
  if (kind === 'structureet') return parseStructure(fields);
  if (kind === 'geolocalisation') return parseGeolocation(fields);
  return { ok: false, message: `type de ligne inconnu : « ${kind?.slice(0, 30) ?? ''} »` };
}

const field = (fields: string[], i: number): string | null => fields[i]?.trim() || null;

function parseStructure(fields: string[]): Parsed<FinessLine> {
  if (fields.length !== STRUCTURE_FIELDS) return { ok: false, message: `${STRUCTURE_FIELDS} champs attendus, ${fields.length} trouvés` };
  const f = (i: number) => field(fields, i);
  const finess = f(1) ?? '';
  const problem = finessProblem(finess);
  if (problem) return { ok: false, message: problem };
  const name = f(3);
  if (!name) return { ok: false, message: `raison sociale vide pour ${finess}` };
  const [postalCode, ...city] = (f(15) ?? '').split(' ');
  const streetType = f(8);
  const street = joinWords(f(7), f(10), streetType ? (STREET_TYPES[streetType] ?? streetType) : null, f(9));
  return {
    ok: true,
    value: {
      kind: 'organization',
      record: {
        finess,
        legalFiness: f(2),
        name,
        longName: f(4),
        categoryCode: f(18),
        categoryLabel: f(19),
        aggregateCode: f(20),
        aggregateLabel: f(21),
        siret: f(22),
        address: [street, f(11)].filter(Boolean).join(', ') || null,
        postalCode: /^\d{5}$/.test(postalCode ?? '') ? postalCode! : null,
        communeInsee: communeInseeOf(f(13) ?? '', f(12) ?? ''),
        communeName: city.join(' ').trim() || null,
        phone: f(16),
        openedOn: f(28),
      },
    },
  };
}

function parseGeolocation(fields: string[]): Parsed<FinessLine> {
  if (fields.length !== GEOLOCATION_FIELDS) return { ok: false, message: `${GEOLOCATION_FIELDS} champs attendus, ${fields.length} trouvés` };
  const finess = field(fields, 1) ?? '';
  const problem = finessProblem(finess);
  if (problem) return { ok: false, message: problem };
  const x = Number(field(fields, 2));
  const y = Number(field(fields, 3));
  if (!Number.isFinite(x) || !Number.isFinite(y) || field(fields, 2) === null || field(fields, 3) === null) {
    return { ok: false, message: `coordonnées non numériques pour ${finess}` };
  }
  const source = field(fields, 4) ?? '';
  if (!source.toUpperCase().includes('LAMBERT_93')) return { ok: false, message: `projection non prise en charge pour ${finess} : « ${source} »` };
  return { ok: true, value: { kind: 'geolocation', record: { finess, ...lambert93ToWgs84(x, y) } } };
}

