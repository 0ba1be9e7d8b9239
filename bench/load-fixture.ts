// What a load test needs from a generated region (synthetic-region.ts): API tokens for a few
// coordinators and care-team professionals, the files each of them may read, name prefixes that
// match real patients, and typed identities for the duplicate-candidate search (identity-requests.ts).
import type { Database } from '#src/core/db/connect.ts';
import { inTransaction } from '#src/core/context.ts';
import { systemActor } from '#src/core/auth/actor.ts';
import { createApiTokenFor } from '#src/accounts/service.ts';
import { countRegion, executor, type Exec, type RegionCounts } from './synthetic-region.ts';
import { prepareIdentityRequests, type IdentityFixture } from './identity-requests.ts';

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
  identity: IdentityFixture;
};

export type FixtureOptions = { coordinators?: number; professionals?: number; filesPerCaller?: number; prefixes?: number; identityRequests?: number; seed?: number };

type PersonRow = { id: string; email: string; profession: string | null; role: string; structure_id: string; files?: number };

const firstMembership = `(select m.role, m.structure_id from memberships m where m.person_id = p.id and m.ended_at is null order by m.created_at, m.id limit 1)`;

export async function prepareLoadFixture(database: Database, options: FixtureOptions = {}): Promise<LoadFixture> {
  const exec = executor(database.db);
  const seed = options.seed ?? 1;
  const [dac] = await exec<{ id: string }>(`select id from structures where kind = 'dac' order by created_at, id limit 1`);
  if (!dac) throw new Error('No DAC in the database: generate the region first');
  const coordinators = await exec<PersonRow>(`
    select p.id, p.email, p.profession, fm.role, fm.structure_id from people p cross join lateral ${firstMembership} as fm
    where fm.role = 'coordinator' and fm.structure_id = '${dac.id}' order by md5(p.id::text || '${seed}') limit ${options.coordinators ?? 8}`);
  const professionals = await pickProfessionals(exec, seed, options.professionals ?? 8);
  const callers = await createCallers(database, exec, dac.id, { coordinator: coordinators, professional: professionals }, options.filesPerCaller ?? 1000);
  const prefixes = await namePrefixes(exec, seed, options.prefixes ?? 300);
  const identity = await prepareIdentityRequests(exec, { seed, count: options.identityRequests ?? 4000 });
  return { createdAt: new Date().toISOString(), database: database.kind, counts: await countRegion(database), dacId: dac.id, callers, prefixes, identity };
}

/** Professionals in at least 5 care teams, of different professions first (round robin). */
async function pickProfessionals(exec: Exec, seed: number, wanted: number): Promise<PersonRow[]> {
  const candidates = await exec<PersonRow>(`
    select p.id, p.email, p.profession, fm.role, fm.structure_id, count(*)::int as files
    from people p cross join lateral ${firstMembership} as fm join care_team_members c on c.person_id = p.id and c.period_end is null
    where fm.role = 'professional' group by p.id, p.email, p.profession, fm.role, fm.structure_id having count(*) >= 5
    order by md5(p.id::text || '${seed}') limit 400`);
  const byProfession = new Map<string, PersonRow[]>();
  for (const row of candidates) byProfession.set(row.profession ?? '', [...(byProfession.get(row.profession ?? '') ?? []), row]);
  const professionals: PersonRow[] = [];
  while (professionals.length < wanted && [...byProfession.values()].some((rows) => rows.length > 0)) {
    for (const rows of byProfession.values()) if (rows.length > 0 && professionals.length < wanted) professionals.push(rows.shift()!);
  }
  return professionals;
}

/** An API token and a sample of readable open files for each person, coordinators first. */
async function createCallers(
  database: Database, exec: Exec, dacId: string, people: Record<BenchCaller['kind'], PersonRow[]>, filesPerCaller: number,
): Promise<BenchCaller[]> {
  const callers: BenchCaller[] = [];
  const base = { actor: systemActor('bench'), now: new Date(), requestId: 'bench-fixture', clientIp: null };
  for (const kind of ['coordinator', 'professional'] as const) {
    for (const [n, row] of people[kind].entries()) {
      const fileIds = await readableFiles(exec, kind, row.id, dacId, filesPerCaller);
      const token = await inTransaction(database, base, (ctx) => createApiTokenFor(ctx, row.email, `bench ${kind} ${n + 1}`));
      callers.push({
        label: `${kind}-${n + 1}`, kind, personId: row.id, email: row.email, profession: row.profession, role: row.role,
        structureId: row.structure_id, token, fileIds,
      });
    }
  }
  return callers;
}

/** A coordinator of the DAC may read any open file of the DAC; a professional, those of the care teams they are in now. */
async function readableFiles(exec: Exec, kind: BenchCaller['kind'], personId: string, dacId: string, limit: number): Promise<string[]> {
  const rows = kind === 'coordinator'
    ? await exec<{ id: string }>(`select id from coordination_files where structure_id = '${dacId}' and status = 'open'
        order by md5(id::text || '${personId}') limit ${limit}`)
    : await exec<{ id: string }>(`select c.file_id as id from care_team_members c join coordination_files f on f.id = c.file_id
        where c.person_id = '${personId}' and c.period_start <= now() and (c.period_end is null or c.period_end > now()) and f.status = 'open'
        order by md5(c.file_id::text) limit ${limit}`);
  return rows.map((f) => f.id);
}

/** Name prefixes of 3 to 5 letters, drawn from real patients (so common names come up as often as in real life). */
async function namePrefixes(exec: Exec, seed: number, wanted: number): Promise<string[]> {
  const names = await exec<{ birth: string; used: string | null; h: number }>(`
    select search_birth_name as birth, search_used_name as used, abs(hashtext(id::text || '${seed}')) as h
    from patients order by md5(id::text || '${seed}') limit ${wanted * 2}`);
  const prefixes: string[] = [];
  for (const n of names) {
    const name = n.used && n.h % 5 === 0 ? n.used : n.birth;
    const word = name.split(' ')[0] ?? '';
    if (word.length < 3) continue;
    prefixes.push(word.slice(0, 3 + (n.h % 3)));
    if (prefixes.length >= wanted) break;
  }
  return prefixes;
}
