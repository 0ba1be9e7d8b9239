// A synthetic care-coordination region, generated inside the database with set-based SQL
// (INSERT … SELECT over generate_series, seeded hashes for determinism), so 100,000 patients and
// 2,000,000 journal entries take about a minute rather than hours of row-by-row inserts.
//
// The data is what the application would have written itself: the same normalised search columns
// (computed with the application's own normaliseForSearch on the name lists), valid time-ordered
// UUIDs (v7, from the row's own date), care-team periods starting when the file was opened, journal
// entries written by members of the file's team after it was opened, rows stored in time order.
// Not generated: audit_log and outbox history (nothing benchmarked reads them).
//
// Reusable: generateSyntheticRegion(database, options) on any empty, migrated database (PostgreSQL or
// PGlite), then prepareLoadFixture(database) for the API tokens and samples a load test needs.
import { sql } from 'drizzle-orm';
import type { Database } from '#src/core/db/connect.ts';
import { inTransaction } from '#src/core/context.ts';
import { systemActor } from '#src/core/auth/actor.ts';
import { normaliseForSearch } from '#src/core/search-text.ts';
import { createApiTokenFor, hashPassword } from '#src/accounts/service.ts';
import {
  ACTIONS, CATEGORIES, COMMON_FAMILY_NAMES, COORDINATOR_PROFESSIONS, ERAS, GIVEN_NAMES, OBSERVATIONS, OPENINGS, PROFESSION_PATTERN,
  PROFESSIONS, STREETS, TEAM_SLOT_POOLS, communesOf, cumulativeThresholds, tailFamilyNames,
} from './region-data.ts';

export type RegionOptions = {
  patients: number;
  journalEntries: number;
  /** Field professionals and coordinators together; default one per 50 patients. */
  professionals?: number;
  seed?: number;
  /** "Today" of the region: files, entries and ages are relative to it. Default: now. */
  now?: Date;
  /** Progress lines; default stderr. */
  log?: (line: string) => void;
};

export type RegionCounts = {
  structures: number;
  people: number;
  coordinators: number;
  memberships: number;
  patients: number;
  files: number;
  careTeamMembers: number;
  journalEntries: number;
};

export type RegionReport = {
  seed: number;
  now: string;
  counts: RegionCounts;
  journalPerFile: { min: number; p50: number; p90: number; p99: number; max: number };
  stages: { stage: string; seconds: number }[];
  totalSeconds: number;
};

/** The password every generated person has (the region is for benchmarks and local trials only). */
export const BENCH_PASSWORD = 'Bench-Trame-2026';
export const BENCH_EMAIL_DOMAIN = 'bench.trame.test';

type Exec = <T = Record<string, unknown>>(text: string) => Promise<T[]>;

function executor(db: Database['db']): Exec {
  return async <T>(text: string) => ((await db.execute(sql.raw(text))) as unknown as { rows: T[] }).rows;
}

const lit = (value: string | null): string => (value === null ? 'NULL' : `'${value.replaceAll("'", "''")}'`);
const textArray = (values: readonly (string | null)[]): string => `ARRAY[${values.map(lit).join(',')}]::text[]`;
const intArray = (values: readonly number[]): string => `ARRAY[${values.map((v) => String(Math.trunc(v))).join(',')}]::int[]`;
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
  return { names, upper: names.map((n) => n.toUpperCase()), norm: names.map(normaliseForSearch), lower: cumulativeThresholds(weights) };
}

/** Fills an empty, migrated database with a synthetic region. Everything runs in one transaction, then VACUUM ANALYZE. */
export async function generateSyntheticRegion(database: Database, options: RegionOptions): Promise<RegionReport> {
  const log = options.log ?? ((line: string) => process.stderr.write(`${line}\n`));
  const seed = Math.trunc(options.seed ?? 1) % 100_000;
  const now = new Date(options.now ?? new Date());
  now.setUTCMilliseconds(0);
  const N = Math.trunc(options.patients);
  const J = Math.trunc(options.journalEntries);
  const P = Math.max(24, Math.trunc(options.professionals ?? Math.ceil(N / 50)));
  const C = Math.max(3, Math.round(P / 40));
  const F = P - C;
  if (N < 1 || J < 0) throw new Error('patients must be ≥ 1 and journalEntries ≥ 0');
  const pg = database.kind === 'postgres';
  const exec0 = executor(database.db);
  const [existing] = await exec0<{ n: number }>('select (select count(*) from people)::int + (select count(*) from patients)::int as n');
  if ((existing?.n ?? 0) > 0) throw new Error('generateSyntheticRegion needs an empty database (people or patients found)');

  const stages: RegionReport['stages'] = [];
  const started = performance.now();
  let stageStart = started;
  const done = (stage: string, extra = '') => {
    const t = performance.now();
    const seconds = Math.round((t - stageStart) / 10) / 100;
    stages.push({ stage, seconds });
    log(`  ${stage.padEnd(34)} ${seconds.toFixed(2).padStart(7)} s${extra ? `  ${extra}` : ''}`);
    stageStart = t;
  };
  log(`Generating a synthetic region on ${database.kind}: ${N} patients, ${J} journal entries, ${P} professionals (${C} coordinators), seed ${seed}`);

  // ----- reference data, as SQL literals -----
  const NOW = `'${now.toISOString()}'::timestamptz`;
  const fam = familyNameTable();
  const FAM = textArray(fam.names);
  const FAM_UP = textArray(fam.upper);
  const FAM_NORM = textArray(fam.norm);
  const FAM_LO = floatArray(fam.lower);
  // given names: 8 groups, era × sex (F then M)
  const givenGroups = ERAS.flatMap((era) => [GIVEN_NAMES[era].F, GIVEN_NAMES[era].M]);
  const given = flatten(givenGroups);
  const GIV = textArray(given.values);
  const GIV_NORM = textArray(given.values.map(normaliseForSearch));
  const GIV_OFF = intArray(given.offsets);
  const GIV_LEN = intArray(given.lengths);
  const communes = communesOf('49');
  const COM_INSEE = textArray(communes.map((c) => c.insee));
  const COM_NAME = textArray(communes.map((c) => c.name));
  const COM_CP = textArray(communes.map((c) => c.postalCode));
  const COM_LO = floatArray(cumulativeThresholds(communes.map((c) => c.population)));
  const STREET = textArray(STREETS);
  // journal phrases
  const CAT = textArray(CATEGORIES.map(([c]) => c));
  const CAT_LO = floatArray(cumulativeThresholds(CATEGORIES.map(([, w]) => w)));
  const openings = flatten(CATEGORIES.map(([c]) => OPENINGS[c ?? 'note']!));
  const OPEN = textArray(openings.values);
  const OPEN_OFF = intArray(openings.offsets);
  const OPEN_LEN = intArray(openings.lengths);
  const OBS = textArray(OBSERVATIONS);
  const ACT = textArray(ACTIONS);
  // professionals: pool 1 = coordinators, pools 2… = PROFESSIONS in order
  const poolKeys = ['coordinator', ...PROFESSIONS.map((p) => p.pool)];
  const POOLS = textArray(poolKeys);
  const POOL_WOMEN = floatArray([0.85, ...PROFESSIONS.map((p) => p.women)]);
  const LABEL_F = textArray([null, ...PROFESSIONS.map((p) => p.label.F)]);
  const LABEL_M = textArray([null, ...PROFESSIONS.map((p) => p.label.M)]);
  const SECTOR = textArray([null, ...PROFESSIONS.map((p) => p.sector)]);
  const TEAM_ROLE = textArray(['coordinator', ...PROFESSIONS.map((p) => p.teamRole)]);
  const RPPS = textArray(['f', ...PROFESSIONS.map((p) => (p.rpps ? 't' : 'f'))]);
  const STRUCT_POOL = textArray(['dac', ...PROFESSIONS.map((p) => p.structurePool)]);
  const PATTERN = intArray(PROFESSION_PATTERN.map((key) => poolKeys.indexOf(key) + 1));
  const COORD_F = textArray(COORDINATOR_PROFESSIONS.map((p) => p.label.F));
  const COORD_M = textArray(COORDINATOR_PROFESSIONS.map((p) => p.label.M));
  const COORD_SECTOR = textArray(COORDINATOR_PROFESSIONS.map((p) => p.sector));
  const poolSize = new Map<string, number>();
  for (let i = 0; i < F; i++) poolSize.set(PROFESSION_PATTERN[i % 20]!, (poolSize.get(PROFESSION_PATTERN[i % 20]!) ?? 0) + 1);
  const size = (pool: string) => {
    const n = poolSize.get(pool) ?? 0;
    if (n === 0) throw new Error(`no professional in pool ${pool}: raise --professionals`);
    return n;
  };
  const structures = structureSpecs(F);
  const structPools = [...new Set(structures.map((s) => s.pool))];
  const structOffset = (pool: string) => structures.findIndex((s) => s.pool === pool);
  const structCount = (pool: string) => structures.filter((s) => s.pool === pool).length;
  const STRUCT_OFF = intArray(structPools.map(structOffset));
  const STRUCT_LEN = intArray(structPools.map(structCount));
  const STRUCT_POOLS = textArray(structPools);
  const passwordHash = await hashPassword(BENCH_PASSWORD);
  const t0 = `(${NOW} - interval '5 years')`;
  done('reference data (names, communes)', `${fam.names.length} family names, ${communes.length} communes`);

  const report = await database.db.transaction(async (tx) => {
    const exec = executor(tx as unknown as Database['db']);
    await exec(`set local work_mem = '${pg ? '256MB' : '64MB'}'`);
    await exec(`set local maintenance_work_mem = '${pg ? '512MB' : '128MB'}'`);
    await exec(`set local synchronous_commit = off`);
    await exec(`drop schema if exists bench_gen cascade`);
    await exec(`create schema bench_gen`);
    // Uniform [0,1) from (tag, i): a seeded integer hash, the same on every run.
    await exec(`create function bench_gen.rnd(tag int, i bigint) returns float8 language sql immutable as
      $$ select (hashint8($2 * 4099 + $1::bigint * 1000003 + ${seed * 7919})::float8 + 2147483648.0) / 4294967296.0 $$`);
    // A valid UUID v7: 48 bits of milliseconds, version 7, variant 10, then 74 bits of md5(tag, i, seed).
    await exec(`create function bench_gen.uuid7(ms bigint, tag int, i bigint) returns uuid language sql immutable as
      $$ select (lpad(to_hex($1), 12, '0') || '7' || substr(md5($2 || ':' || $3 || ':${seed}'), 1, 3)
         || substr('89ab', 1 + (hashint8($3 * 31 + $2) & 3), 1) || substr(md5($2 || ':' || $3 || ':${seed}'), 4, 15))::uuid $$`);
    await exec(`create function bench_gen.ms(ts timestamptz) returns bigint language sql stable as $$ select (extract(epoch from $1) * 1000)::bigint $$`);
    // Family names as a table: a join is much cheaper than subscripting a 4,000-element text[] per row.
    await exec(`create table bench_gen.fam as select k::int, name, up, norm from unnest(${FAM}, ${FAM_UP}, ${FAM_NORM}) with ordinality as u(name, up, norm, k)`);
    await exec(`alter table bench_gen.fam add primary key (k)`);
    // Indexes and constraints of the bulk-loaded tables are dropped and rebuilt after the load: a sorted
    // index build is far cheaper than two million random index insertions.
    const tables = ['patients', 'coordination_files', 'care_team_members', 'journal_entries'];
    const tableList = tables.map((t) => `'${t}'`).join(',');
    const constraints = await exec<{ name: string; tbl: string; def: string; type: string }>(`
      select c.conname as name, cl.relname as tbl, pg_get_constraintdef(c.oid) as def, c.contype as type
      from pg_constraint c join pg_class cl on cl.oid = c.conrelid join pg_namespace n on n.oid = cl.relnamespace
      where n.nspname = 'public' and cl.relname in (${tableList}) and c.contype in ('p', 'u', 'f')
      order by c.contype desc, c.conname`);
    const indexes = await exec<{ name: string; def: string }>(`
      select i.indexname as name, i.indexdef as def from pg_indexes i
      where i.schemaname = 'public' and i.tablename in (${tableList})
        and not exists (select 1 from pg_constraint c where c.conname = i.indexname)
      order by i.indexname`);
    for (const c of constraints.filter((c) => c.type === 'f')) await exec(`alter table "${c.tbl}" drop constraint "${c.name}"`);
    for (const i of indexes) await exec(`drop index "${i.name}"`);
    for (const c of constraints.filter((c) => c.type !== 'f')) await exec(`alter table "${c.tbl}" drop constraint "${c.name}"`);
    done('schema bench_gen, indexes dropped', `${indexes.length} indexes, ${constraints.length} constraints`);

    // ----- structures -----
    const values = structures
      .map((s) => `(${s.k}, ${lit(s.name)}, ${lit(s.kind)}, ${lit(s.pool)}, ${lit(s.insee)}, ${lit(s.commune)}, ${lit(s.postalCode)}, ${lit(s.finess)})`)
      .join(',\n');
    await exec(`create table bench_gen.structs as
      select v.*, bench_gen.uuid7(bench_gen.ms(${t0}) + v.k, 1, v.k) as id
      from (values ${values}) as v(k, name, kind, pool, insee, commune, postal_code, finess)`);
    await exec(`insert into structures (id, name, kind, finess, siret, address, commune_insee, commune_name, phone, created_at, version)
      select id, name, kind, finess, null, null, insee, commune, '02 41 ' || lpad((10 + k)::text, 2, '0') || ' 00 00', ${t0}, 1
      from bench_gen.structs order by k`);
    done('structures', `${structures.length}`);

    // ----- people: coordinators of the DAC, then field professionals by profession pattern -----
    await exec(`create table bench_gen.pros as
      with g as materialized (
        select i, case when i < ${C} then 1 else (${PATTERN})[1 + (i - ${C}) % 20] end as pool_no from generate_series(0, ${P - 1}) as i
      ), a as materialized (
        select g.*, (${POOLS})[pool_no] as pool,
          case when bench_gen.rnd(50, i) < (${POOL_WOMEN})[pool_no] then 'F' else 'M' end as sex,
          case when bench_gen.rnd(53, i) < 0.45 then 1 when bench_gen.rnd(53, i) < 0.92 then 2 else 3 end as era,
          bench_gen.rnd(51, i) as u_giv, width_bucket(bench_gen.rnd(52, i), ${FAM_LO}) as fam_i
        from g
      ), b as materialized (
        select a.*, (${GIV_OFF})[era * 2 + (sex = 'M')::int + 1] + 1 + floor(u_giv * (${GIV_LEN})[era * 2 + (sex = 'M')::int + 1])::int as giv_i
        from a
      )
      select b.i as idx, pool, pool_no, (row_number() over (partition by pool order by b.i) - 1)::int as pool_idx, sex,
        (${GIV})[giv_i] as given_name, f.name as family_name,
        f.norm || ' ' || (${GIV_NORM})[giv_i] as search_name,
        replace((${GIV_NORM})[giv_i], ' ', '-') || '.' || replace(f.norm, ' ', '-') || '.' || b.i || '@${BENCH_EMAIL_DOMAIN}' as email,
        case when pool_no = 1 then (case when sex = 'F' then (${COORD_F}) else (${COORD_M}) end)[1 + b.i % 4]
             when sex = 'F' then (${LABEL_F})[pool_no] else (${LABEL_M})[pool_no] end as profession,
        case when pool_no = 1 then (${COORD_SECTOR})[1 + b.i % 4] else (${SECTOR})[pool_no] end as sector,
        case when (${RPPS})[pool_no] = 't' then '10' || lpad(((${seed} * 7 + b.i) % 1000000000)::text, 9, '0') end as rpps,
        (${TEAM_ROLE})[pool_no] as team_role, (${STRUCT_POOL})[pool_no] as struct_pool,
        ${t0} + b.i * interval '1 minute' as created_at,
        bench_gen.uuid7(bench_gen.ms(${t0} + b.i * interval '1 minute'), 2, b.i) as id
      from b join bench_gen.fam f on f.k = b.fam_i`);
    await exec(`create unique index on bench_gen.pros (pool, pool_idx)`);
    await exec(`insert into people (id, email, password_hash, given_name, family_name, sector, profession, rpps, adeli, phone, search_name,
        totp_secret, totp_enabled, failed_logins, locked_until, active, created_at, version)
      select id, email, ${lit(passwordHash)}, given_name, family_name, sector, profession, rpps, null,
        '06 ' || substr(lpad(floor(bench_gen.rnd(57, idx) * 1e8)::bigint::text, 8, '0'), 1, 2) || ' ' || substr(lpad(floor(bench_gen.rnd(57, idx) * 1e8)::bigint::text, 8, '0'), 3, 2)
          || ' ' || substr(lpad(floor(bench_gen.rnd(57, idx) * 1e8)::bigint::text, 8, '0'), 5, 2) || ' ' || substr(lpad(floor(bench_gen.rnd(57, idx) * 1e8)::bigint::text, 8, '0'), 7, 2),
        search_name, null, false, 0, null, true, created_at, 1
      from bench_gen.pros order by idx`);
    // First membership: the DAC for coordinators, a structure of their kind for the others; a third of
    // the liberal professionals are also members of a CPTS (a second, later membership).
    await exec(`insert into memberships (id, person_id, structure_id, role, created_at, ended_at)
      select bench_gen.uuid7(bench_gen.ms(p.created_at), 3, p.idx), p.id, s.id, case when p.pool_no = 1 then 'coordinator' else 'professional' end, p.created_at, null
      from bench_gen.pros p
      join bench_gen.structs s on s.k = (${STRUCT_OFF})[array_position(${STRUCT_POOLS}, p.struct_pool)]
        + floor(bench_gen.rnd(54, p.idx) * (${STRUCT_LEN})[array_position(${STRUCT_POOLS}, p.struct_pool)])::int
      order by p.idx`);
    await exec(`insert into memberships (id, person_id, structure_id, role, created_at, ended_at)
      select bench_gen.uuid7(bench_gen.ms(p.created_at + interval '1 day'), 4, p.idx), p.id, s.id, 'professional', p.created_at + interval '1 day', null
      from bench_gen.pros p
      join bench_gen.structs s on s.k = ${structOffset('cpts')} + floor(bench_gen.rnd(56, p.idx) * ${structCount('cpts')})::int
      where p.pool in ('gp', 'nurse', 'pharmacist', 'physio') and bench_gen.rnd(55, p.idx) < 0.35
      order by p.idx`);
    done('people and memberships', `${P}`);

    // ----- patients, with their file, referent and care team (scratch table) -----
    const slotPool = (slot: number, u: string) => {
      const pools = TEAM_SLOT_POOLS[slot]!;
      if (pools.length === 1) return `'${pools[0]}'`;
      return `(${textArray(pools)})[1 + floor(${u} * ${pools.length})::int]`;
    };
    const sizes = textArray(PROFESSIONS.map((p) => p.pool));
    const SIZES = intArray(PROFESSIONS.map((p) => size(p.pool)));
    const poolSizeOf = (poolExpr: string) => `(${SIZES})[array_position(${sizes}, ${poolExpr})]`;
    await exec(`create table bench_gen.pat as
      with base as materialized (
        select i,
          case when bench_gen.rnd(10, i) < 0.58 then 'F' else 'M' end as sex,
          floor(365.25 * case
            when bench_gen.rnd(11, i) < 0.02 then 2 + bench_gen.rnd(12, i) * 16
            when bench_gen.rnd(11, i) < 0.15 then 18 + bench_gen.rnd(12, i) * 42
            when bench_gen.rnd(11, i) < 0.40 then 60 + bench_gen.rnd(12, i) * 15
            when bench_gen.rnd(11, i) < 0.86 then 75 + bench_gen.rnd(12, i) * 15
            else 90 + bench_gen.rnd(12, i) * 12 end)::int as age_days,
          width_bucket(bench_gen.rnd(13, i), ${FAM_LO}) as fam_i,
          case when bench_gen.rnd(14, i) < 0.03 then width_bucket(bench_gen.rnd(15, i), ${FAM_LO}) end as fam2_i,
          width_bucket(bench_gen.rnd(17, i), ${FAM_LO}) as used_i,
          width_bucket(bench_gen.rnd(21, i), ${COM_LO}) as com_i,
          case when bench_gen.rnd(26, i) < 0.6 then width_bucket(bench_gen.rnd(27, i), ${COM_LO}) end as bp_i,
          date_trunc('day', ${NOW}) - (1 + floor(power(bench_gen.rnd(28, i), 1.15) * 1094)::int) * interval '1 day'
            + (8 * 3600 + floor(bench_gen.rnd(29, i) * 36000)::int) * interval '1 second' as opened_at,
          case when bench_gen.rnd(31, i) < 0.2 then 2 when bench_gen.rnd(31, i) < 0.55 then 3 when bench_gen.rnd(31, i) < 0.85 then 4 else 5 end as team_size,
          ${slotPool(2, 'bench_gen.rnd(34, i)')} as pool4,
          ${slotPool(3, 'bench_gen.rnd(36, i)')} as pool5
        from generate_series(0, ${N - 1}) as i
      ), b as materialized (
        select base.*, (${NOW})::date - age_days as birth_date from base
      ), c as materialized (
        select b.*,
          (case when extract(year from birth_date) <= 1949 then 0 when extract(year from birth_date) <= 1974 then 1
                when extract(year from birth_date) <= 1994 then 2 else 3 end) * 2 + (sex = 'M')::int + 1 as giv_group
        from b
      ), d as materialized (
        select c.*,
          (${GIV_OFF})[giv_group] + 1 + floor(bench_gen.rnd(18, i) * (${GIV_LEN})[giv_group])::int as giv_i,
          bench_gen.rnd(20, i) as u_giv2, bench_gen.rnd(19, i) < 0.5 as has_giv2,
          sex = 'F' and extract(year from birth_date) <= 1990 and bench_gen.rnd(16, i) < 0.55 as has_used
        from c
      ), d2 as materialized (
        -- a second given name, never the first one again
        select d.*, case when has_giv2 and (${GIV_LEN})[giv_group] > 1 then (${GIV_OFF})[giv_group] + 1
          + (giv_i - (${GIV_OFF})[giv_group] - 1 + 1 + floor(u_giv2 * ((${GIV_LEN})[giv_group] - 1))::int) % (${GIV_LEN})[giv_group] end as giv2_i
        from d
      )
      select i, sex, birth_date, opened_at, opened_at - interval '10 minutes' as created_at, team_size,
        bench_gen.uuid7(bench_gen.ms(opened_at - interval '10 minutes'), 5, i) as patient_id,
        bench_gen.uuid7(bench_gen.ms(opened_at), 6, i) as file_id,
        f1.up || coalesce('-' || f2.up, '') as birth_name,
        f1.norm || coalesce(' ' || f2.norm, '') as search_birth_name,
        case when has_used then f3.up end as used_name,
        case when has_used then f3.norm end as search_used_name,
        (${GIV})[giv_i] as given_name, (${GIV_NORM})[giv_i] as search_given_name,
        (${GIV})[giv_i] || coalesce(' ' || (${GIV})[giv2_i], '') as birth_given_names,
        (${COM_INSEE})[bp_i] as birthplace_insee, (${COM_NAME})[bp_i] as birthplace_name,
        case when bench_gen.rnd(22, i) < 0.96 then (1 + floor(bench_gen.rnd(23, i) * 120)::int) || ' ' || (${STREET})[1 + floor(bench_gen.rnd(22, i) / 0.96 * ${STREETS.length})::int] end as address_line,
        (${COM_CP})[com_i] as postal_code, (${COM_INSEE})[com_i] as commune_insee, (${COM_NAME})[com_i] as commune_name,
        case when bench_gen.rnd(24, i) < 0.85 then
          (case when bench_gen.rnd(25, i) < 0.55 then '02 41 ' else '06 ' || lpad(floor(bench_gen.rnd(25, i) * 100)::int::text, 2, '0') || ' ' end)
          || lpad(floor(bench_gen.rnd(24, i) * 100)::int::text, 2, '0') || ' ' || lpad(floor(bench_gen.rnd(23, i) * 100)::int::text, 2, '0')
          || ' ' || lpad(floor(bench_gen.rnd(22, i) * 100)::int::text, 2, '0') end as phone,
        floor(bench_gen.rnd(30, i) * ${C})::int as referent_idx,
        floor(bench_gen.rnd(32, i) * ${size('gp')})::int as gp_idx,
        floor(bench_gen.rnd(33, i) * ${size('nurse')})::int as nurse_idx,
        pool4, floor(bench_gen.rnd(35, i) * ${poolSizeOf('pool4')})::int as s4_idx,
        pool5, floor(bench_gen.rnd(37, i) * ${poolSizeOf('pool5')})::int as s5_idx,
        -- journal weight: Pareto(1.5) capped at 60, lowered for files opened recently (less time to write)
        least(60, power(greatest(bench_gen.rnd(38, i), 1e-9), -1.0 / 1.5))
          * (0.25 + 0.75 * extract(epoch from ${NOW} - greatest(opened_at, ${NOW} - interval '365 days')) / (365 * 86400)) as weight
      from d2 join bench_gen.fam f1 on f1.k = d2.fam_i left join bench_gen.fam f2 on f2.k = d2.fam2_i join bench_gen.fam f3 on f3.k = d2.used_i`);
    done('patients (scratch)', `${N}`);
    await exec(`insert into patients (id, birth_name, used_name, given_name, birth_given_names, birth_date, sex, birthplace_insee, birthplace_name,
        address_line, postal_code, commune_insee, commune_name, phone, identity_status, search_birth_name, search_used_name, search_given_name,
        created_at, created_by, version)
      select t.patient_id, t.birth_name, t.used_name, t.given_name, t.birth_given_names, t.birth_date, t.sex, t.birthplace_insee, t.birthplace_name,
        t.address_line, t.postal_code, t.commune_insee, t.commune_name, t.phone, 'PROV', t.search_birth_name, t.search_used_name, t.search_given_name,
        t.created_at, r.id, 1
      from bench_gen.pat t join bench_gen.pros r on r.pool = 'coordinator' and r.pool_idx = t.referent_idx
      order by t.created_at, t.i`);
    done('patients', `${N}`);

    // ----- files and care teams -----
    await exec(`create table bench_gen.files as
      select t.i, t.file_id, t.patient_id, t.opened_at, t.team_size, t.weight,
        (array[r.id, gp.id, nu.id, s4.id, s5.id])[1:t.team_size] as team,
        (array['coordinator', gp.team_role, nu.team_role, s4.team_role, s5.team_role])[1:t.team_size] as roles,
        greatest(t.opened_at, ${NOW} - interval '365 days') as window_start
      from bench_gen.pat t
      join bench_gen.pros r on r.pool = 'coordinator' and r.pool_idx = t.referent_idx
      join bench_gen.pros gp on gp.pool = 'gp' and gp.pool_idx = t.gp_idx
      join bench_gen.pros nu on nu.pool = 'nurse' and nu.pool_idx = t.nurse_idx
      join bench_gen.pros s4 on s4.pool = t.pool4 and s4.pool_idx = t.s4_idx
      join bench_gen.pros s5 on s5.pool = t.pool5 and s5.pool_idx = t.s5_idx`);
    const dacId = `(select id from bench_gen.structs where pool = 'dac')`;
    await exec(`insert into coordination_files (id, structure_id, patient_id, status, opened_at, closed_at, closure_reason, referent_id, created_by, version)
      select file_id, ${dacId}, patient_id, 'open', opened_at, null, null, team[1], team[1], 1
      from bench_gen.files order by opened_at, i`);
    await exec(`insert into care_team_members (id, file_id, person_id, role, period_start, period_end, added_by, ended_by, version)
      select bench_gen.uuid7(bench_gen.ms(f.opened_at), 7, f.i * 8 + s), f.file_id, f.team[s], f.roles[s], f.opened_at, null, f.team[1], null, 1
      from bench_gen.files f cross join lateral generate_series(1, f.team_size) as s
      order by f.opened_at, f.i, s`);
    done('files and care teams', `${N} files`);

    // ----- journal: counts per file from the weights, exact total, then entries in time order -----
    await exec(`create table bench_gen.jcount as
      select f.*, (cum - lag(cum, 1, 0::bigint) over (order by i))::int as cnt, lag(cum, 1, 0::bigint) over (order by i) as first_j
      from (select f.*, case when i = ${N - 1} then ${J}::bigint
                  else least(${J}::bigint, floor(${J}::float8 * sum(weight) over (order by i) / sum(weight) over () + 1e-7)::bigint) end as cum
            from bench_gen.files f) as f`);
    await exec(`insert into journal_entries (id, file_id, author_id, written_at, category, text)
      select bench_gen.uuid7(bench_gen.ms(written_at), 8, j), file_id, author_id, written_at, (${CAT})[cat], text
      from (
        select e.j, e.file_id, e.written_at, e.cat,
          e.team[case when bench_gen.rnd(42, e.j) < 0.45 then 1 else 2 + floor(bench_gen.rnd(43, e.j) * (e.team_size - 1))::int end] as author_id,
          (${OPEN})[(${OPEN_OFF})[e.cat] + 1 + floor(bench_gen.rnd(45, e.j) * (${OPEN_LEN})[e.cat])::int] || ' : '
            || (${OBS})[1 + floor(bench_gen.rnd(46, e.j) * ${OBSERVATIONS.length})::int] || '.'
            || case when bench_gen.rnd(48, e.j) < 0.35 then ' Par ailleurs, ' || (${OBS})[1 + floor(bench_gen.rnd(49, e.j) * ${OBSERVATIONS.length})::int] || '.' else '' end
            || case when bench_gen.rnd(48, e.j) > 0.96 then ' Détail : ' || (${OBS})[1 + floor(bench_gen.rnd(50, e.j) * ${OBSERVATIONS.length})::int] || ', '
                 || (${OBS})[1 + floor(bench_gen.rnd(51, e.j) * ${OBSERVATIONS.length})::int] || ', ' || (${OBS})[1 + floor(bench_gen.rnd(52, e.j) * ${OBSERVATIONS.length})::int]
                 || '. ' || (${ACT})[1 + floor(bench_gen.rnd(53, e.j) * ${ACTIONS.length})::int] else '' end
            || ' ' || (${ACT})[1 + floor(bench_gen.rnd(47, e.j) * ${ACTIONS.length})::int] as text
        from (
          select c.file_id, c.team, c.team_size, j,
            -- a day in the file's window, at office hours (7:30 to 19:30), never before the opening nor after now
            greatest(c.window_start, least(${NOW} - interval '1 second', date_trunc('milliseconds',
              date_trunc('day', c.window_start + (${NOW} - c.window_start) * bench_gen.rnd(41, j))
              + interval '450 minutes' + bench_gen.rnd(39, j) * interval '12 hours'))) as written_at,
            width_bucket(bench_gen.rnd(44, j), ${CAT_LO}) as cat
          from bench_gen.jcount c cross join lateral generate_series(c.first_j, c.first_j + c.cnt - 1) as j
          where c.cnt > 0
          offset 0 -- keeps the subquery: written_at and cat are computed once, not once per use
        ) as e
      ) as x
      order by written_at, j`);
    done('journal entries', `${J}`);

    // ----- indexes and constraints back, as the migrations define them -----
    for (const c of constraints.filter((c) => c.type !== 'f')) await exec(`alter table "${c.tbl}" add constraint "${c.name}" ${c.def}`);
    for (const i of indexes) await exec(i.def);
    for (const c of constraints.filter((c) => c.type === 'f')) await exec(`alter table "${c.tbl}" add constraint "${c.name}" ${c.def}`);
    done('indexes and constraints rebuilt', `${indexes.length + constraints.length}`);

    const [dist] = await exec<{ min: number; p50: number; p90: number; p99: number; max: number }>(`
      select min(cnt)::int as min, percentile_disc(0.5) within group (order by cnt)::int as p50, percentile_disc(0.9) within group (order by cnt)::int as p90,
        percentile_disc(0.99) within group (order by cnt)::int as p99, max(cnt)::int as max from bench_gen.jcount`);
    await exec(`drop schema bench_gen cascade`);
    return { journalPerFile: dist! };
  });

  if (pg) {
    await exec0(`vacuum (analyze) structures, people, memberships, patients, coordination_files, care_team_members, journal_entries`);
  } else {
    await exec0(`vacuum analyze`);
  }
  done('vacuum analyze');

  const counts = await countRegion(database);
  await verifyRegion(database, counts, { patients: N, journalEntries: J });
  done('verification');
  const totalSeconds = Math.round((performance.now() - started) / 10) / 100;
  log(`Region ready in ${totalSeconds} s: ${JSON.stringify(counts)}; journal entries per file ${JSON.stringify(report.journalPerFile)}`);
  return { seed, now: now.toISOString(), counts, journalPerFile: report.journalPerFile, stages, totalSeconds };
}

export async function countRegion(database: Database): Promise<RegionCounts> {
  const exec = executor(database.db);
  const [row] = await exec<RegionCounts>(`select
    (select count(*) from structures)::int as structures, (select count(*) from people)::int as people,
    (select count(*) from memberships where role = 'coordinator')::int as coordinators, (select count(*) from memberships)::int as memberships,
    (select count(*) from patients)::int as patients, (select count(*) from coordination_files)::int as files,
    (select count(*) from care_team_members)::int as "careTeamMembers", (select count(*) from journal_entries)::int as "journalEntries"`);
  return row!;
}

/** Checks what the application relies on: counts, search columns equal to normaliseForSearch, entries after the opening by team members. */
async function verifyRegion(database: Database, counts: RegionCounts, expected: { patients: number; journalEntries: number }): Promise<void> {
  const exec = executor(database.db);
  const problems: string[] = [];
  if (counts.patients !== expected.patients || counts.files !== expected.patients) problems.push(`expected ${expected.patients} patients and files`);
  if (counts.journalEntries !== expected.journalEntries) problems.push(`expected ${expected.journalEntries} journal entries, found ${counts.journalEntries}`);
  const patients = await exec<{ birth_name: string; used_name: string | null; given_name: string; search_birth_name: string; search_used_name: string | null; search_given_name: string }>(
    `select birth_name, used_name, given_name, search_birth_name, search_used_name, search_given_name from patients order by md5(id::text) limit 2000`,
  );
  for (const p of patients) {
    if (normaliseForSearch(p.birth_name) !== p.search_birth_name || normaliseForSearch(p.given_name) !== p.search_given_name
      || (p.used_name ? normaliseForSearch(p.used_name) : null) !== p.search_used_name || p.birth_name !== p.birth_name.toUpperCase()) {
      problems.push(`patient search columns differ from normaliseForSearch: ${JSON.stringify(p)}`);
      break;
    }
  }
  const people = await exec<{ family_name: string; given_name: string; search_name: string }>(`select family_name, given_name, search_name from people`);
  const wrong = people.find((p) => normaliseForSearch(`${p.family_name} ${p.given_name}`) !== p.search_name);
  if (wrong) problems.push(`people.search_name differs from normaliseForSearch: ${JSON.stringify(wrong)}`);
  const [checks] = await exec<{ early: number; outsiders: number; bad_ids: number }>(`
    with sample as (select * from journal_entries order by id limit 50000)
    select
      (select count(*) from sample j join coordination_files f on f.id = j.file_id where j.written_at < f.opened_at)::int as early,
      (select count(*) from sample j where not exists (
        select 1 from care_team_members m where m.file_id = j.file_id and m.person_id = j.author_id and m.period_start <= j.written_at))::int as outsiders,
      (select count(*) from sample j where substr(j.id::text, 15, 1) <> '7' or substr(j.id::text, 20, 1) not in ('8', '9', 'a', 'b'))::int as bad_ids`);
  if (checks!.early > 0) problems.push(`${checks!.early} journal entries written before their file was opened`);
  if (checks!.outsiders > 0) problems.push(`${checks!.outsiders} journal entries by people outside the care team`);
  if (checks!.bad_ids > 0) problems.push(`${checks!.bad_ids} ids are not UUID v7`);
  if (problems.length > 0) throw new Error(`Synthetic region failed verification:\n- ${problems.join('\n- ')}`);
}

// ---------------------------------------------------------------------------------------------
// What a load test needs: API tokens for a few coordinators and care-team professionals, the
// files each of them may read, and name prefixes that match real patients.

export type BenchCaller = {
  label: string;
  kind: 'coordinator' | 'professional';
  personId: string;
  email: string;
  profession: string | null;
  /** The membership the token acts through (the person's first one, as createApiTokenFor picks). */
  role: string;
  structureId: string;
  token: string;
  /** Open files this caller may read and write in (a sample for coordinators, their care teams for professionals). */
  fileIds: string[];
};

export type LoadFixture = {
  createdAt: string;
  database: string;
  counts: RegionCounts;
  dacId: string;
  callers: BenchCaller[];
  prefixes: string[];
};

export type FixtureOptions = { coordinators?: number; professionals?: number; filesPerCaller?: number; prefixes?: number; seed?: number };

export async function prepareLoadFixture(database: Database, options: FixtureOptions = {}): Promise<LoadFixture> {
  const exec = executor(database.db);
  const seed = options.seed ?? 1;
  const filesPerCaller = options.filesPerCaller ?? 1000;
  const [dac] = await exec<{ id: string }>(`select id from structures where kind = 'dac' order by created_at, id limit 1`);
  if (!dac) throw new Error('No DAC in the database: generate the region first');
  type Row = { id: string; email: string; profession: string | null; role: string; structure_id: string; files?: number };
  const firstMembership = `(select m.role, m.structure_id from memberships m where m.person_id = p.id and m.ended_at is null order by m.created_at, m.id limit 1)`;
  const coordinators = await exec<Row>(`
    select p.id, p.email, p.profession, fm.role, fm.structure_id from people p cross join lateral ${firstMembership} as fm
    where fm.role = 'coordinator' and fm.structure_id = '${dac.id}' order by md5(p.id::text || '${seed}') limit ${options.coordinators ?? 8}`);
  const candidates = await exec<Row>(`
    select p.id, p.email, p.profession, fm.role, fm.structure_id, count(*)::int as files
    from people p cross join lateral ${firstMembership} as fm join care_team_members c on c.person_id = p.id and c.period_end is null
    where fm.role = 'professional' group by p.id, p.email, p.profession, fm.role, fm.structure_id having count(*) >= 5
    order by md5(p.id::text || '${seed}') limit 400`);
  // professionals of different professions first, round robin
  const byProfession = new Map<string, Row[]>();
  for (const row of candidates) byProfession.set(row.profession ?? '', [...(byProfession.get(row.profession ?? '') ?? []), row]);
  const professionals: Row[] = [];
  const wanted = options.professionals ?? 8;
  while (professionals.length < wanted && [...byProfession.values()].some((rows) => rows.length > 0)) {
    for (const rows of byProfession.values()) if (rows.length > 0 && professionals.length < wanted) professionals.push(rows.shift()!);
  }
  const callers: BenchCaller[] = [];
  const base = { actor: systemActor('bench'), now: new Date(), requestId: 'bench-fixture', clientIp: null };
  for (const [kind, rows] of [['coordinator', coordinators], ['professional', professionals]] as const) {
    for (const [n, row] of rows.entries()) {
      const fileIds = kind === 'coordinator'
        ? await exec<{ id: string }>(`select id from coordination_files where structure_id = '${dac.id}' and status = 'open'
            order by md5(id::text || '${row.id}') limit ${filesPerCaller}`)
        : await exec<{ id: string }>(`select c.file_id as id from care_team_members c join coordination_files f on f.id = c.file_id
            where c.person_id = '${row.id}' and c.period_start <= now() and (c.period_end is null or c.period_end > now()) and f.status = 'open'
            order by md5(c.file_id::text) limit ${filesPerCaller}`);
      const token = await inTransaction(database, base, (ctx) => createApiTokenFor(ctx, row.email, `bench ${kind} ${n + 1}`));
      callers.push({
        label: `${kind}-${n + 1}`, kind, personId: row.id, email: row.email, profession: row.profession, role: row.role,
        structureId: row.structure_id, token, fileIds: fileIds.map((f) => f.id),
      });
    }
  }
  // Name prefixes of 3 to 5 letters, drawn from real patients (so common names come up as often as in real life).
  const names = await exec<{ birth: string; used: string | null; h: number }>(`
    select search_birth_name as birth, search_used_name as used, abs(hashtext(id::text || '${seed}')) as h
    from patients order by md5(id::text || '${seed}') limit ${(options.prefixes ?? 300) * 2}`);
  const prefixes: string[] = [];
  for (const n of names) {
    const name = n.used && n.h % 5 === 0 ? n.used : n.birth;
    const word = name.split(' ')[0] ?? '';
    if (word.length < 3) continue;
    prefixes.push(word.slice(0, 3 + (n.h % 3)));
    if (prefixes.length >= (options.prefixes ?? 300)) break;
  }
  return { createdAt: new Date().toISOString(), database: database.kind, counts: await countRegion(database), dacId: dac.id, callers, prefixes };
}
