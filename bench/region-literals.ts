// The reference data of the synthetic region (names, communes, professions, structures, journal
// phrases) as SQL literals, inlined into the set-based statements of synthetic-region.ts.
import { normaliseForSearch } from '#src/core/search-text.ts';
import { hashPassword } from '#src/accounts/service.ts';
import { frenchPhoneticKey } from '#src/patients/phonetic.ts';
import {
  ACTIONS, CATEGORIES, COMMON_FAMILY_NAMES, COORDINATOR_PROFESSIONS, ERAS, GIVEN_NAMES, OBSERVATIONS, OPENINGS, PROFESSION_PATTERN,
  PROFESSIONS, STREETS, communesOf, cumulativeThresholds, tailFamilyNames,
} from './region-data.ts';

/** The password every generated person has (the region is for benchmarks and local trials only). */
export const BENCH_PASSWORD = 'Bench-Trame-2026';

export const lit = (value: string | null): string => (value === null ? 'NULL' : `'${value.replaceAll("'", "''")}'`);
export const textArray = (values: readonly (string | null)[]): string => `ARRAY[${values.map(lit).join(',')}]::text[]`;
export const intArray = (values: readonly number[]): string => `ARRAY[${values.map((v) => String(Math.trunc(v))).join(',')}]::int[]`;
const floatArray = (values: readonly number[]): string => `ARRAY[${values.map((v) => (v === 0 ? '0' : v.toPrecision(17))).join(',')}]::float8[]`;

/** Flattens groups of names into one array, with 1-based offsets and lengths per group (for SQL). */
function flatten(groups: string[][]): { values: string[]; offsets: number[]; lengths: number[] } {
  const values: string[] = [];
  const offsets: number[] = [];
  const lengths: number[] = [];
  for (const group of groups) {
    offsets.push(values.length);
    lengths.push(group.length);
    values.push(...group);
  }
  return { values, offsets, lengths };
}

type StructureSpec = { k: number; name: string; kind: string; pool: string; insee: string; commune: string; postalCode: string; finess: string | null };

function structureSpecs(fieldProfessionals: number): StructureSpec[] {
  const communes = communesOf('49');
  const specs: StructureSpec[] = [];
  const add = (name: string, kind: string, pool: string, communeIndex: number, finess = true) => {
    const c = communes[communeIndex % communes.length]!;
    const k = specs.length;
    specs.push({ k, name, kind, pool, insee: c.insee, commune: c.name, postalCode: c.postalCode, finess: finess ? `49${String(1000000 + k).slice(1)}${k % 10}` : null });
  };
  const clamp = (n: number, lo: number, hi: number) => Math.max(lo, Math.min(hi, Math.round(n)));
  const de = (name: string) => (/^[AEIOUYÉÈ]/i.test(name) ? `d’${name}` : `de ${name}`);
  add('DAC Anjou', 'dac', 'dac', 0);
  ['CPTS Angers Loire Métropole', 'CPTS du Choletais', 'CPTS du Saumurois'].forEach((name, i) => add(name, 'cpts', 'cpts', i, false));
  ['CHU d’Angers', 'Centre hospitalier de Cholet', 'Centre hospitalier de Saumur'].forEach((name, i) => add(name, 'hospital', 'hospital', i));
  ['Service social départemental de Maine-et-Loire', 'CCAS d’Angers'].forEach((name) => add(name, 'social_service', 'social', 0));
  for (let i = 0; i < clamp(fieldProfessionals / 300, 1, 8); i++) add(`SSIAD-SAAD ${de(communes[i * 3 % communes.length]!.name)}`, 'esms', 'esms', i * 3);
  for (let i = 0; i < clamp(fieldProfessionals / 60, 3, 40); i++) {
    const kind = i % 3 === 2 ? 'Cabinet infirmier' : 'Maison de santé';
    add(`${kind} ${de(communes[i % communes.length]!.name)}`, 'practice', 'practice', i, false);
  }
  for (let i = 0; i < clamp(fieldProfessionals / 150, 2, 15); i++) add(`Pharmacie ${de(communes[(i * 2 + 1) % communes.length]!.name)}`, 'practice', 'pharmacy', i * 2 + 1);
  return specs;
}

function familyNameTable() {
  const common = [...new Set(COMMON_FAMILY_NAMES)];
  const tail = tailFamilyNames();
  // 30 % of people carry one of the common names (Zipf-like: "Martin" about 0.5 %), 70 % a name of the long tail.
  const harmonic = common.reduce((sum, _name, rank) => sum + 1 / (rank + 30), 0);
  const weights = [...common.map((_name, rank) => (0.3 * (1 / (rank + 30))) / harmonic), ...tail.map(() => 0.7 / tail.length)];
  const names = [...common, ...tail];
  const upper = names.map((n) => n.toUpperCase());
  // The keys nameKeysOf stores: of the upper-cased name, as createPatient stores it.
  return { names, upper, norm: names.map(normaliseForSearch), phon: upper.map(frenchPhoneticKey), lower: cumulativeThresholds(weights) };
}

function nameLiterals() {
  const fam = familyNameTable();
  // given names: 8 groups, era × sex (F then M)
  const given = flatten(ERAS.flatMap((era) => [GIVEN_NAMES[era].F, GIVEN_NAMES[era].M]));
  return {
    familyNames: fam.names.length,
    FAM: textArray(fam.names),
    FAM_UP: textArray(fam.upper),
    FAM_NORM: textArray(fam.norm),
    FAM_PHON: textArray(fam.phon),
    FAM_LO: floatArray(fam.lower),
    GIV: textArray(given.values),
    GIV_NORM: textArray(given.values.map(normaliseForSearch)),
    GIV_OFF: intArray(given.offsets),
    GIV_LEN: intArray(given.lengths),
  };
}

function placeLiterals() {
  const communes = communesOf('49');
  return {
    communes: communes.length,
    COM_INSEE: textArray(communes.map((c) => c.insee)),
    COM_NAME: textArray(communes.map((c) => c.name)),
    COM_CP: textArray(communes.map((c) => c.postalCode)),
    COM_LO: floatArray(cumulativeThresholds(communes.map((c) => c.population))),
    STREET: textArray(STREETS),
  };
}

function journalLiterals() {
  const openings = flatten(CATEGORIES.map(([c]) => OPENINGS[c ?? 'note']!));
  return {
    CAT: textArray(CATEGORIES.map(([c]) => c)),
    CAT_LO: floatArray(cumulativeThresholds(CATEGORIES.map(([, w]) => w))),
    OPEN: textArray(openings.values),
    OPEN_OFF: intArray(openings.offsets),
    OPEN_LEN: intArray(openings.lengths),
    OBS: textArray(OBSERVATIONS),
    ACT: textArray(ACTIONS),
  };
}

/** Pool 1 is the coordinators, pools 2… are PROFESSIONS in order; field professionals follow PROFESSION_PATTERN. */
function professionLiterals(fieldProfessionals: number) {
  const poolKeys = ['coordinator', ...PROFESSIONS.map((p) => p.pool)];
  const poolSize = new Map<string, number>();
  for (let i = 0; i < fieldProfessionals; i++) poolSize.set(PROFESSION_PATTERN[i % 20]!, (poolSize.get(PROFESSION_PATTERN[i % 20]!) ?? 0) + 1);
  return {
    POOLS: textArray(poolKeys),
    POOL_WOMEN: floatArray([0.85, ...PROFESSIONS.map((p) => p.women)]),
    LABEL_F: textArray([null, ...PROFESSIONS.map((p) => p.label.F)]),
    LABEL_M: textArray([null, ...PROFESSIONS.map((p) => p.label.M)]),
    SECTOR: textArray([null, ...PROFESSIONS.map((p) => p.sector)]),
    TEAM_ROLE: textArray(['coordinator', ...PROFESSIONS.map((p) => p.teamRole)]),
    RPPS: textArray(['f', ...PROFESSIONS.map((p) => (p.rpps ? 't' : 'f'))]),
    STRUCT_POOL: textArray(['dac', ...PROFESSIONS.map((p) => p.structurePool)]),
    PATTERN: intArray(PROFESSION_PATTERN.map((key) => poolKeys.indexOf(key) + 1)),
    COORD_F: textArray(COORDINATOR_PROFESSIONS.map((p) => p.label.F)),
    COORD_M: textArray(COORDINATOR_PROFESSIONS.map((p) => p.label.M)),
    COORD_SECTOR: textArray(COORDINATOR_PROFESSIONS.map((p) => p.sector)),
    /** Field professionals in a pool; throws for an empty pool, which care teams could not draw from. */
    size(pool: string): number {
      const n = poolSize.get(pool) ?? 0;
      if (n === 0) throw new Error(`no professional in pool ${pool}: raise --professionals`);
      return n;
    },
  };
}

function structureLiterals(fieldProfessionals: number) {
  const specs = structureSpecs(fieldProfessionals);
  const pools = [...new Set(specs.map((s) => s.pool))];
  const offset = (pool: string) => specs.findIndex((s) => s.pool === pool);
  const count = (pool: string) => specs.filter((s) => s.pool === pool).length;
  return {
    specs,
    offset,
    count,
    STRUCT_OFF: intArray(pools.map(offset)),
    STRUCT_LEN: intArray(pools.map(count)),
    STRUCT_POOLS: textArray(pools),
  };
}

export type ReferenceData = {
  /** The region's "today", as a timestamptz literal. */
  NOW: string;
  /** Five years before NOW: when structures and accounts were created. */
  t0: string;
  passwordHash: string;
  names: ReturnType<typeof nameLiterals>;
  places: ReturnType<typeof placeLiterals>;
  journal: ReturnType<typeof journalLiterals>;
  professions: ReturnType<typeof professionLiterals>;
  structures: ReturnType<typeof structureLiterals>;
};

export async function referenceData(now: Date, fieldProfessionals: number): Promise<ReferenceData> {
  const NOW = `'${now.toISOString()}'::timestamptz`;
  return {
    NOW,
    t0: `(${NOW} - interval '5 years')`,
    names: nameLiterals(),
    places: placeLiterals(),
    journal: journalLiterals(),
    professions: professionLiterals(fieldProfessionals),
    structures: structureLiterals(fieldProfessionals),
    passwordHash: await hashPassword(BENCH_PASSWORD),
  };
}
