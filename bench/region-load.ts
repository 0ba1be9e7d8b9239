// The stages of the synthetic region's bulk load (see synthetic-region.ts), one function each, all
// set-based SQL inside the generating transaction. Scratch tables live in the schema bench_gen.
import type { Exec, JournalPerFile } from './synthetic-region.ts';
import { frenchPhoneticKey } from '#src/patients/phonetic.ts';
import { INS_OIDS } from '#src/patients/identity-rules.ts';
import { intArray, lit, textArray, type ReferenceData } from './region-literals.ts';
import { ACTIONS, OBSERVATIONS, PROFESSIONS, STREETS, TEAM_SLOT_POOLS } from './region-data.ts';

export const BENCH_EMAIL_DOMAIN = 'bench.trame.test';

/** The region's sizes and seed, settled from the options. */
export type RegionPlan = {
  seed: number;
  now: Date;
  patients: number;
  journalEntries: number;
  /** People with an account: the DAC's coordinators, then field professionals. */
  people: number;
  coordinators: number;
  fieldProfessionals: number;
};

/** Session settings for the load, the scratch schema, its seeded random and UUID functions, and the family-name table. */
export async function createScratchSchema(exec: Exec, pg: boolean, seed: number, names: ReferenceData['names']): Promise<void> {
  const { FAM, FAM_UP, FAM_NORM, FAM_PHON } = names;
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
  await exec(`create table bench_gen.fam as select k::int, name, up, norm, phon from unnest(${FAM}, ${FAM_UP}, ${FAM_NORM}, ${FAM_PHON}) with ordinality as u(name, up, norm, phon, k)`);
  await exec(`alter table bench_gen.fam add primary key (k)`);
}

type SavedConstraint = { name: string; tbl: string; def: string; type: string };
export type DroppedIndexes = { constraints: SavedConstraint[]; indexes: { name: string; def: string }[] };

// Indexes and constraints of the bulk-loaded tables are dropped and rebuilt after the load: a sorted
// index build is far cheaper than two million random index insertions.
export async function dropIndexesAndConstraints(exec: Exec): Promise<DroppedIndexes> {
  const tables = ['patients', 'patient_ins', 'coordination_files', 'care_team_members', 'journal_entries'];
  const tableList = tables.map((t) => `'${t}'`).join(',');
  const constraints = await exec<{ name: string; tbl: string; def: string; type: string }>(`
    select c.conname as name, cl.relname as tbl, pg_get_constraintdef(c.oid) as def, c.contype as type
    from pg_constraint c join pg_class cl on cl.oid = c.conrelid join pg_namespace n on n.oid = cl.relnamespace
    where n.nspname = 'public' and (cl.relname in (${tableList}) and c.contype in ('p', 'u', 'f')
      -- and the foreign keys of other tables into them (care-team invitations), which hold on their keys
      or c.contype = 'f' and c.confrelid::regclass::text in (${tableList}))
    order by c.contype desc, c.conname`);
  const indexes = await exec<{ name: string; def: string }>(`
    select i.indexname as name, i.indexdef as def from pg_indexes i
    where i.schemaname = 'public' and i.tablename in (${tableList})
      and not exists (select 1 from pg_constraint c where c.conname = i.indexname)
    order by i.indexname`);
  for (const c of constraints.filter((c) => c.type === 'f')) await exec(`alter table "${c.tbl}" drop constraint "${c.name}"`);
  for (const i of indexes) await exec(`drop index "${i.name}"`);
  for (const c of constraints.filter((c) => c.type !== 'f')) await exec(`alter table "${c.tbl}" drop constraint "${c.name}"`);
  return { constraints, indexes };
}

/** Back as the migrations define them: keys first, then indexes, then foreign keys. */
export async function restoreIndexesAndConstraints(exec: Exec, { constraints, indexes }: DroppedIndexes): Promise<void> {
  for (const c of constraints.filter((c) => c.type !== 'f')) await exec(`alter table "${c.tbl}" add constraint "${c.name}" ${c.def}`);
  for (const i of indexes) await exec(i.def);
  for (const c of constraints.filter((c) => c.type === 'f')) await exec(`alter table "${c.tbl}" add constraint "${c.name}" ${c.def}`);
}

export async function insertStructures(exec: Exec, ref: ReferenceData): Promise<void> {
  const { t0 } = ref;
  const structures = ref.structures.specs;
  const values = structures
    .map((s) => `(${s.k}, ${lit(s.name)}, ${lit(s.kind)}, ${lit(s.pool)}, ${lit(s.insee)}, ${lit(s.commune)}, ${lit(s.postalCode)}, ${lit(s.finess)})`)
    .join(',\n');
  await exec(`create table bench_gen.structs as
    select v.*, bench_gen.uuid7(bench_gen.ms(${t0}) + v.k, 1, v.k) as id
    from (values ${values}) as v(k, name, kind, pool, insee, commune, postal_code, finess)`);
  await exec(`insert into structures (id, name, kind, finess, siret, address, commune_insee, commune_name, phone, created_at, version)
    select id, name, kind, finess, null, null, insee, commune, '02 41 ' || lpad((10 + k)::text, 2, '0') || ' 00 00', ${t0}, 1
    from bench_gen.structs order by k`);
}

/** Coordinators of the DAC, then field professionals by profession pattern, and their memberships. */
export async function insertPeopleAndMemberships(exec: Exec, plan: RegionPlan, ref: ReferenceData): Promise<void> {
  await createProfessionals(exec, plan, ref);
  const { passwordHash } = ref;
  await exec(`insert into people (id, email, password_hash, given_name, family_name, sector, profession, rpps, adeli, phone, search_name,
      totp_secret, totp_enabled, failed_logins, locked_until, active, created_at, version)
    select id, email, ${lit(passwordHash)}, given_name, family_name, sector, profession, rpps, null,
      '06 ' || substr(lpad(floor(bench_gen.rnd(57, idx) * 1e8)::bigint::text, 8, '0'), 1, 2) || ' ' || substr(lpad(floor(bench_gen.rnd(57, idx) * 1e8)::bigint::text, 8, '0'), 3, 2)
        || ' ' || substr(lpad(floor(bench_gen.rnd(57, idx) * 1e8)::bigint::text, 8, '0'), 5, 2) || ' ' || substr(lpad(floor(bench_gen.rnd(57, idx) * 1e8)::bigint::text, 8, '0'), 7, 2),
      search_name, null, false, 0, null, true, created_at, 1
    from bench_gen.pros order by idx`);
  await insertMemberships(exec, ref);
}

/** The scratch table of people with an account, numbered within their pool (care teams draw from the pools). */
async function createProfessionals(exec: Exec, plan: RegionPlan, ref: ReferenceData): Promise<void> {
  const { coordinators: C, people: P, seed } = plan;
  const { t0 } = ref;
  const { FAM_LO, GIV, GIV_NORM, GIV_OFF, GIV_LEN } = ref.names;
  const { PATTERN, POOLS, POOL_WOMEN, COORD_F, COORD_M, COORD_SECTOR, LABEL_F, LABEL_M, SECTOR, RPPS, TEAM_ROLE, STRUCT_POOL } = ref.professions;
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
}

async function insertMemberships(exec: Exec, ref: ReferenceData): Promise<void> {
  const { STRUCT_OFF, STRUCT_POOLS, STRUCT_LEN, offset: structOffset, count: structCount } = ref.structures;
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
}

/**
 * Patients with everything drawn for them (identity, address, file opening, referent, care team, journal
 * weight) in a scratch table, from which patients, files, care teams and journal entries are inserted.
 */
export async function createPatientScratch(exec: Exec, plan: RegionPlan, ref: ReferenceData): Promise<void> {
  const { coordinators: C } = plan;
  const { NOW } = ref;
  const { GIV, GIV_NORM } = ref.names;
  const { COM_INSEE, COM_NAME, COM_CP, STREET } = ref.places;
  const { size } = ref.professions;
  const sizes = textArray(PROFESSIONS.map((p) => p.pool));
  const SIZES = intArray(PROFESSIONS.map((p) => size(p.pool)));
  const poolSizeOf = (poolExpr: string) => `(${SIZES})[array_position(${sizes}, ${poolExpr})]`;
  await exec(`create table bench_gen.pat as
    ${patientDraws(plan, ref)}
    select i, sex, birth_date, opened_at, opened_at - interval '10 minutes' as created_at, team_size,
      bench_gen.uuid7(bench_gen.ms(opened_at - interval '10 minutes'), 5, i) as patient_id,
      bench_gen.uuid7(bench_gen.ms(opened_at), 6, i) as file_id,
      f1.up || coalesce('-' || f2.up, '') as birth_name,
      f1.norm || coalesce(' ' || f2.norm, '') as search_birth_name,
      case when has_used then f3.up end as used_name,
      case when has_used then f3.norm end as search_used_name,
      -- a compound birth name gets its key from fillCompoundPhoneticKeys (the key of a compound is not made of its parts' keys)
      case when f2.k is null then f1.phon end as phonetic_birth_name,
      case when has_used then f3.phon end as phonetic_used_name,
      -- identity facts: INS retrieved from INSi (for patients whose birthplace is known), document checked
      has_ins as ins_retrieved, u_checked < case when has_ins then 0.45 else 0.12 end as document_checked,
      case when has_ins then opened_at + (5 + floor(bench_gen.rnd(62, i) * 115)::int) * interval '1 minute' end as insi_called_at,
      case when has_ins then (case when sex = 'F' then '2' else '1' end) || to_char(birth_date, 'YYMM') || (${COM_INSEE})[bp_i]
        || lpad((1 + floor(bench_gen.rnd(63, i) * 999))::int::text, 3, '0') end as nir_body,
      (array['CNI', 'PASSPORT', 'RESIDENCE_PERMIT', 'CNI'])[1 + floor(bench_gen.rnd(64, i) * 4)::int] as document_kind,
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
    from e join bench_gen.fam f1 on f1.k = e.fam_i left join bench_gen.fam f2 on f2.k = e.fam2_i join bench_gen.fam f3 on f3.k = e.used_i`);
}

/**
 * The phonetic key of each compound birth name drawn ("MARTIN-DUBOIS"), computed with the application's
 * frenchPhoneticKey and written back: about 3 % of patients, so a few thousand to a few tens of thousands of names.
 */
export async function fillCompoundPhoneticKeys(exec: Exec): Promise<number> {
  const rows = await exec<{ name: string }>(`select distinct birth_name as name from bench_gen.pat where phonetic_birth_name is null`);
  if (rows.length === 0) return 0;
  const names = rows.map((r) => r.name);
  await exec(`update bench_gen.pat t set phonetic_birth_name = k.key
    from unnest(${textArray(names)}, ${textArray(names.map(frenchPhoneticKey))}) as k(name, key)
    where t.phonetic_birth_name is null and t.birth_name = k.name`);
  return names.length;
}

/** SQL drawing the pool of a care-team slot (TEAM_SLOT_POOLS[slot]) from the uniform value u. */
function slotPool(slot: number, u: string): string {
  const pools = TEAM_SLOT_POOLS[slot]!;
  if (pools.length === 1) return `'${pools[0]}'`;
  return `(${textArray(pools)})[1 + floor(${u} * ${pools.length})::int]`;
}

/** The draws per patient, as CTEs for createPatientScratch (materialized, so each random value is computed once). */
function patientDraws(plan: RegionPlan, ref: ReferenceData): string {
  const N = plan.patients;
  const { NOW } = ref;
  const { FAM_LO, GIV_OFF, GIV_LEN } = ref.names;
  const { COM_LO } = ref.places;
  return `with base as materialized (
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
    ), e as materialized (
      -- 80 % of the patients born in a known commune have their INS retrieved from INSi (status RECUP or QUAL)
      select d2.*, bp_i is not null and bench_gen.rnd(60, i) < 0.8 as has_ins, bench_gen.rnd(61, i) as u_checked
      from d2
    )`;
}

/** Patients as the application stores them, created by their referent coordinator; the INS of those retrieved from INSi. */
export async function insertPatients(exec: Exec): Promise<void> {
  await exec(`insert into patients (id, birth_name, used_name, given_name, birth_given_names, birth_date, sex, birthplace_insee, birthplace_name,
      address_line, postal_code, commune_insee, commune_name, phone, identity_status, ins_retrieved, insi_called_at, insi_channel,
      document_checked, validation_mode, validated_at, search_birth_name, search_used_name, search_given_name,
      phonetic_birth_name, phonetic_used_name, created_at, created_by, version)
    select t.patient_id, t.birth_name, t.used_name, t.given_name, t.birth_given_names, t.birth_date, t.sex, t.birthplace_insee, t.birthplace_name,
      t.address_line, t.postal_code, t.commune_insee, t.commune_name, t.phone,
      case when t.ins_retrieved and t.document_checked then 'QUAL' when t.ins_retrieved then 'RECUP' when t.document_checked then 'VALI' else 'PROV' end,
      t.ins_retrieved, t.insi_called_at, case when t.ins_retrieved then 'INSI_TRAITS' end,
      t.document_checked, case when t.document_checked then t.document_kind end, case when t.document_checked then t.opened_at + interval '3 hours' end,
      t.search_birth_name, t.search_used_name, t.search_given_name, t.phonetic_birth_name, t.phonetic_used_name,
      t.created_at, r.id, 1
    from bench_gen.pat t join bench_gen.pros r on r.pool = 'coordinator' and r.pool_idx = t.referent_idx
    order by t.created_at, t.i`);
  await exec(`insert into patient_ins (id, patient_id, matricule, oid, state, source, recorded_at, ended_at)
    select bench_gen.uuid7(bench_gen.ms(t.insi_called_at), 9, t.i), t.patient_id,
      t.nir_body || lpad((97 - t.nir_body::bigint % 97)::text, 2, '0'), ${lit(INS_OIDS.nir)}, 'active', 'insi', t.insi_called_at, null
    from bench_gen.pat t where t.ins_retrieved
    order by t.insi_called_at, t.i`);
}

/** One open file of the DAC per patient; its care team starts at the opening, the referent first. */
export async function insertFilesAndCareTeams(exec: Exec, ref: ReferenceData): Promise<void> {
  const { NOW } = ref;
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
}

/** Entries per file from the files' weights (exact total), then the entries, stored in time order. */
export async function insertJournalEntries(exec: Exec, plan: RegionPlan, ref: ReferenceData): Promise<void> {
  const { patients: N, journalEntries: J } = plan;
  const { NOW } = ref;
  const { CAT, CAT_LO, OPEN, OPEN_OFF, OPEN_LEN, OBS, ACT } = ref.journal;
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
}

export async function journalDistribution(exec: Exec): Promise<JournalPerFile> {
  const [dist] = await exec<{ min: number; p50: number; p90: number; p99: number; max: number }>(`
    select min(cnt)::int as min, percentile_disc(0.5) within group (order by cnt)::int as p50, percentile_disc(0.9) within group (order by cnt)::int as p90,
      percentile_disc(0.99) within group (order by cnt)::int as p99, max(cnt)::int as max from bench_gen.jcount`);
  return dist!;
}

