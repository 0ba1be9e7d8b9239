// A synthetic care-coordination region, generated inside the database with set-based SQL
// (INSERT … SELECT over generate_series, seeded hashes for determinism), so 100,000 patients and
// 2,000,000 journal entries take about a minute rather than hours of row-by-row inserts.
//
// The data is what the application would have written itself: the same normalised search columns and
// phonetic keys (computed with the application's own normaliseForSearch and frenchPhoneticKey on the
// name lists and the compound names drawn), INS matricules with a valid key, valid time-ordered
// UUIDs (v7, from the row's own date), care-team periods starting when the file was opened, journal
// entries written by members of the file's team after it was opened, rows stored in time order.
// Not generated: audit_log and outbox history (nothing benchmarked reads them).
//
// Reusable: generateSyntheticRegion(database, options) on any empty, migrated database (PostgreSQL or
// PGlite), then prepareLoadFixture(database) (load-fixture.ts) for the API tokens and samples a load test needs.
// The SQL of each stage is in region-load.ts, the reference data it inlines in region-literals.ts.
import { sql } from 'drizzle-orm';
import type { Database } from '#src/core/db/connect.ts';
import { normaliseForSearch } from '#src/core/search-text.ts';
import { nameKeysOf } from '#src/patients/service.ts';
import { checkNir, nirIncoherences } from '#src/patients/nir.ts';
import { referenceData, type ReferenceData } from './region-literals.ts';
import {
  createPatientScratch, createScratchSchema, dropIndexesAndConstraints, fillCompoundPhoneticKeys, insertFilesAndCareTeams, insertJournalEntries,
  insertPatients, insertPeopleAndMemberships, insertStructures, journalDistribution, restoreIndexesAndConstraints, type RegionPlan,
} from './region-load.ts';

export { BENCH_PASSWORD } from './region-literals.ts';
export { BENCH_EMAIL_DOMAIN } from './region-load.ts';

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
  /** Rows of patient_ins (INS retrieved from INSi). */
  patientIns: number;
  files: number;
  careTeamMembers: number;
  journalEntries: number;
};

export type JournalPerFile = { min: number; p50: number; p90: number; p99: number; max: number };

export type RegionReport = {
  seed: number;
  now: string;
  counts: RegionCounts;
  journalPerFile: JournalPerFile;
  stages: { stage: string; seconds: number }[];
  totalSeconds: number;
};

export type Exec = <T = Record<string, unknown>>(text: string) => Promise<T[]>;

export function executor(db: Database['db']): Exec {
  return async <T>(text: string) => ((await db.execute(sql.raw(text))) as unknown as { rows: T[] }).rows;
}

function planRegion(options: RegionOptions): RegionPlan {
  const now = new Date(options.now ?? new Date());
  now.setUTCMilliseconds(0);
  const patients = Math.trunc(options.patients);
  const people = Math.max(24, Math.trunc(options.professionals ?? Math.ceil(patients / 50)));
  const coordinators = Math.max(3, Math.round(people / 40));
  return {
    seed: Math.trunc(options.seed ?? 1) % 100_000,
    now,
    patients,
    journalEntries: Math.trunc(options.journalEntries),
    people,
    coordinators,
    fieldProfessionals: people - coordinators,
  };
}

type StageClock = {
  stages: RegionReport['stages'];
  /** Records and logs the time since the previous stage ended. */
  done(stage: string, extra?: string): void;
  totalSeconds(): number;
};

function stageClock(log: (line: string) => void): StageClock {
  const stages: RegionReport['stages'] = [];
  const started = performance.now();
  let stageStart = started;
  return {
    stages,
    done(stage, extra = '') {
      const t = performance.now();
      const seconds = Math.round((t - stageStart) / 10) / 100;
      stages.push({ stage, seconds });
      log(`  ${stage.padEnd(34)} ${seconds.toFixed(2).padStart(7)} s${extra ? `  ${extra}` : ''}`);
      stageStart = t;
    },
    totalSeconds: () => Math.round((performance.now() - started) / 10) / 100,
  };
}

/** Fills an empty, migrated database with a synthetic region. Everything runs in one transaction, then VACUUM ANALYZE. */
export async function generateSyntheticRegion(database: Database, options: RegionOptions): Promise<RegionReport> {
  const log = options.log ?? ((line: string) => process.stderr.write(`${line}\n`));
  const plan = planRegion(options);
  if (plan.patients < 1 || plan.journalEntries < 0) throw new Error('patients must be ≥ 1 and journalEntries ≥ 0');
  await refuseNonEmpty(database);

  const clock = stageClock(log);
  log(`Generating a synthetic region on ${database.kind}: ${plan.patients} patients, ${plan.journalEntries} journal entries, `
    + `${plan.people} professionals (${plan.coordinators} coordinators), seed ${plan.seed}`);
  const ref = await referenceData(plan.now, plan.fieldProfessionals);
  clock.done('reference data (names, communes)', `${ref.names.familyNames} family names, ${ref.places.communes} communes`);
  const journalPerFile = await database.db.transaction((tx) => loadRegion(executor(tx as unknown as Database['db']), database.kind, plan, ref, clock));
  await vacuumAnalyze(database);
  clock.done('vacuum analyze');
  const counts = await countRegion(database);
  await verifyRegion(database, counts, { patients: plan.patients, journalEntries: plan.journalEntries });
  clock.done('verification');

  const totalSeconds = clock.totalSeconds();
  log(`Region ready in ${totalSeconds} s: ${JSON.stringify(counts)}; journal entries per file ${JSON.stringify(journalPerFile)}`);
  return { seed: plan.seed, now: plan.now.toISOString(), counts, journalPerFile, stages: clock.stages, totalSeconds };
}

async function refuseNonEmpty(database: Database): Promise<void> {
  const [existing] = await executor(database.db)<{ n: number }>('select (select count(*) from people)::int + (select count(*) from patients)::int as n');
  if ((existing?.n ?? 0) > 0) throw new Error('generateSyntheticRegion needs an empty database (people or patients found)');
}

/** The bulk load, inside the transaction: tables in dependency order, with their indexes off meanwhile. */
async function loadRegion(exec: Exec, kind: Database['kind'], plan: RegionPlan, ref: ReferenceData, clock: StageClock): Promise<JournalPerFile> {
  await createScratchSchema(exec, kind === 'postgres', plan.seed, ref.names);
  const dropped = await dropIndexesAndConstraints(exec);
  clock.done('schema bench_gen, indexes dropped', `${dropped.indexes.length} indexes, ${dropped.constraints.length} constraints`);
  await insertStructures(exec, ref);
  clock.done('structures', `${ref.structures.specs.length}`);
  await insertPeopleAndMemberships(exec, plan, ref);
  clock.done('people and memberships', `${plan.people}`);
  await createPatientScratch(exec, plan, ref);
  clock.done('patients (scratch)', `${plan.patients}`);
  const compounds = await fillCompoundPhoneticKeys(exec);
  clock.done('phonetic keys of compound names', `${compounds}`);
  await insertPatients(exec);
  clock.done('patients', `${plan.patients}`);
  await insertFilesAndCareTeams(exec, ref);
  clock.done('files and care teams', `${plan.patients} files`);
  await insertJournalEntries(exec, plan, ref);
  clock.done('journal entries', `${plan.journalEntries}`);
  await restoreIndexesAndConstraints(exec, dropped);
  clock.done('indexes and constraints rebuilt', `${dropped.indexes.length + dropped.constraints.length}`);
  const journalPerFile = await journalDistribution(exec);
  await exec(`drop schema bench_gen cascade`);
  return journalPerFile;
}

async function vacuumAnalyze(database: Database): Promise<void> {
  const exec = executor(database.db);
  if (database.kind === 'postgres') {
    await exec(`vacuum (analyze) structures, people, memberships, patients, patient_ins, coordination_files, care_team_members, journal_entries`);
  } else {
    await exec(`vacuum analyze`);
  }
}

export async function countRegion(database: Database): Promise<RegionCounts> {
  const exec = executor(database.db);
  const [row] = await exec<RegionCounts>(`select
    (select count(*) from structures)::int as structures, (select count(*) from people)::int as people,
    (select count(*) from memberships where role = 'coordinator')::int as coordinators, (select count(*) from memberships)::int as memberships,
    (select count(*) from patients)::int as patients, (select count(*) from patient_ins)::int as "patientIns", (select count(*) from coordination_files)::int as files,
    (select count(*) from care_team_members)::int as "careTeamMembers", (select count(*) from journal_entries)::int as "journalEntries"`);
  return row!;
}

/** Checks what the application relies on: counts, search and phonetic columns equal to nameKeysOf, INS, entries after the opening by team members. */
async function verifyRegion(database: Database, counts: RegionCounts, expected: { patients: number; journalEntries: number }): Promise<void> {
  const exec = executor(database.db);
  const problems: string[] = [];
  if (counts.patients !== expected.patients || counts.files !== expected.patients) problems.push(`expected ${expected.patients} patients and files`);
  if (counts.journalEntries !== expected.journalEntries) problems.push(`expected ${expected.journalEntries} journal entries, found ${counts.journalEntries}`);
  problems.push(...await searchColumnProblems(exec));
  problems.push(...await identityProblems(exec));
  problems.push(...await journalProblems(exec));
  if (problems.length > 0) throw new Error(`Synthetic region failed verification:\n- ${problems.join('\n- ')}`);
}

type NameColumns = {
  birth_name: string; used_name: string | null; given_name: string; search_birth_name: string; search_used_name: string | null; search_given_name: string;
  phonetic_birth_name: string; phonetic_used_name: string | null;
};

/** The stored keys of a patient, next to what createPatient would have stored (nameKeysOf) for the same names. */
function nameKeyMismatch(p: NameColumns): Record<string, unknown> | null {
  const expected = nameKeysOf({ birthName: p.birth_name, usedName: p.used_name, givenName: p.given_name });
  const stored = {
    searchBirthName: p.search_birth_name, searchUsedName: p.search_used_name, searchGivenName: p.search_given_name,
    phoneticBirthName: p.phonetic_birth_name, phoneticUsedName: p.phonetic_used_name,
  };
  const wrong = Object.entries(expected).filter(([k, v]) => stored[k as keyof typeof stored] !== v).map(([k]) => k);
  if (wrong.length === 0 && p.birth_name === p.birth_name.toUpperCase()) return null;
  return { names: [p.birth_name, p.used_name, p.given_name], wrong, stored, expected };
}

async function searchColumnProblems(exec: Exec): Promise<string[]> {
  const problems: string[] = [];
  const columns = 'birth_name, used_name, given_name, search_birth_name, search_used_name, search_given_name, phonetic_birth_name, phonetic_used_name';
  // a random sample, every compound birth name of another sample, and every family name of the dictionary
  const patients = await exec<NameColumns>(`
    (select ${columns} from patients order by md5(id::text) limit 2000)
    union all (select ${columns} from patients where birth_name like '%-%' order by md5(id::text) limit 500)
    union all (select distinct on (used_name) ${columns} from patients where used_name is not null)`);
  const wrongPatient = patients.map(nameKeyMismatch).find((m) => m !== null);
  if (wrongPatient) problems.push(`patient search or phonetic columns differ from nameKeysOf (${patients.length} checked): ${JSON.stringify(wrongPatient)}`);
  const people = await exec<{ family_name: string; given_name: string; search_name: string }>(`select family_name, given_name, search_name from people`);
  const wrongPerson = people.find((p) => normaliseForSearch(`${p.family_name} ${p.given_name}`) !== p.search_name);
  if (wrongPerson) problems.push(`people.search_name differs from normaliseForSearch: ${JSON.stringify(wrongPerson)}`);
  return problems;
}

/** Status agrees with the facts; a sample of INS: valid key, coherent with sex, birth date and birthplace, one per retrieved identity. */
async function identityProblems(exec: Exec): Promise<string[]> {
  const problems: string[] = [];
  const [counts] = await exec<{ bad_status: number; retrieved: number; ins: number }>(`select
    (select count(*) from patients where identity_status <> case when ins_retrieved and document_checked then 'QUAL' when ins_retrieved then 'RECUP'
      when document_checked then 'VALI' else 'PROV' end)::int as bad_status,
    (select count(*) from patients where ins_retrieved)::int as retrieved, (select count(*) from patient_ins where state = 'active')::int as ins`);
  if (counts!.bad_status > 0) problems.push(`${counts!.bad_status} patients whose identity_status disagrees with their facts`);
  if (counts!.retrieved !== counts!.ins) problems.push(`${counts!.retrieved} identities retrieved from INSi but ${counts!.ins} active INS`);
  const sample = await exec<{ matricule: string; sex: 'F' | 'M'; birth_date: string; birthplace_insee: string | null }>(`
    select i.matricule, p.sex, to_char(p.birth_date, 'YYYY-MM-DD') as birth_date, p.birthplace_insee
    from patient_ins i join patients p on p.id = i.patient_id order by md5(i.id::text) limit 1000`);
  const wrongIns = sample.find((s) => {
    const check = checkNir(s.matricule);
    return !check.valid || nirIncoherences(check.nir, { sex: s.sex, birthDate: s.birth_date, birthplaceInsee: s.birthplace_insee }).length > 0;
  });
  if (wrongIns) problems.push(`INS invalid or incoherent with the traits: ${JSON.stringify(wrongIns)}`);
  return problems;
}

async function journalProblems(exec: Exec): Promise<string[]> {
  const [checks] = await exec<{ early: number; outsiders: number; bad_ids: number }>(`
    with sample as (select * from journal_entries order by id limit 50000)
    select
      (select count(*) from sample j join coordination_files f on f.id = j.file_id where j.written_at < f.opened_at)::int as early,
      (select count(*) from sample j where not exists (
        select 1 from care_team_members m where m.file_id = j.file_id and m.person_id = j.author_id and m.period_start <= j.written_at))::int as outsiders,
      (select count(*) from sample j where substr(j.id::text, 15, 1) <> '7' or substr(j.id::text, 20, 1) not in ('8', '9', 'a', 'b'))::int as bad_ids`);
  const problems: string[] = [];
  if (checks!.early > 0) problems.push(`${checks!.early} journal entries written before their file was opened`);
  if (checks!.outsiders > 0) problems.push(`${checks!.outsiders} journal entries by people outside the care team`);
  if (checks!.bad_ids > 0) problems.push(`${checks!.bad_ids} ids are not UUID v7`);
  return problems;
}
