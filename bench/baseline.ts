// The raw-SQL baseline: each benchmarked operation done by hand-written SQL on the same database, with
// the same data work as the server's use case (same reads, same audit/outbox writes, one transaction)
// but without HTTP, authentication, the ORM, validation or JSON. What the server adds on top of this
// is its overhead.
import { PGlite } from '@electric-sql/pglite';
import pg from 'pg';
import { pgliteExtensions } from '#src/core/db/connect.ts';
import { lockDataDir } from '#src/core/db/datadir-lock.ts';
import { newId } from '#src/core/ids.ts';
import { EVENTS_CHANNEL } from '#src/core/events/outbox.ts';
import type { BenchCaller } from './load-fixture.ts';
import { captureSearchSql, type CapturedSql } from './identity-requests.ts';

export type Row = Record<string, unknown>;
export type Query = (text: string, params?: unknown[]) => Promise<Row[]>;

export type SqlRunner = {
  kind: 'postgres' | 'pglite';
  query: Query;
  /** Runs work in one transaction; rolls back when `rollback` is set (EXPLAIN ANALYZE of writes). */
  transaction<T>(work: (query: Query) => Promise<T>, options?: { rollback?: boolean }): Promise<T>;
  close(): Promise<void>;
};

class Rollback extends Error {}

export function postgresRunner(url: string, poolSize: number): SqlRunner {
  const pool = new pg.Pool({ connectionString: url, max: poolSize });
  return {
    kind: 'postgres',
    query: async (text, params) => (await pool.query(text, params)).rows,
    async transaction(work, options) {
      const client = await pool.connect();
      try {
        await client.query('begin');
        const result = await work(async (text, params) => (await client.query(text, params)).rows);
        await client.query(options?.rollback ? 'rollback' : 'commit');
        return result;
      } catch (error) {
        await client.query('rollback').catch(() => undefined);
        throw error;
      } finally {
        client.release();
      }
    },
    close: () => pool.end(),
  };
}

/** PGlite in this process on the server's data directory (the server must be stopped: PGlite is single-process). */
export async function pgliteRunner(dataDir: string): Promise<SqlRunner> {
  const unlock = lockDataDir(dataDir);
  const client = await PGlite.create(`${dataDir}/pgdata`, { extensions: pgliteExtensions });
  return {
    kind: 'pglite',
    query: async (text, params) => (await client.query<Row>(text, params)).rows,
    async transaction(work, options) {
      try {
        return await client.transaction(async (tx) => {
          const result = await work(async (text, params) => (await tx.query<Row>(text, params)).rows);
          if (options?.rollback) throw Object.assign(new Rollback(), { result });
          return result;
        });
      } catch (error) {
        if (error instanceof Rollback) return (error as Rollback & { result: never }).result;
        throw error;
      }
    },
    async close() {
      await client.close();
      unlock();
    },
  };
}

const uuidArray = (ids: readonly string[]) => `{${[...new Set(ids)].join(',')}}`;

type Audit = { action: string; patientId?: unknown; fileId?: string | null; objectType?: string | null; objectId?: string | null; details?: unknown };

async function audit(query: Query, caller: BenchCaller, now: Date, requestId: string, facts: Audit): Promise<void> {
  await query(
    `insert into audit_log (at, actor_id, actor_role, actor_structure_id, patient_id, file_id, action, object_type, object_id, outcome, client_ip, request_id, details)
     values ($1, $2, $3, $4, $5, $6, $7, $8, $9, 'allowed', '127.0.0.1', $10, $11::jsonb)`,
    [now, caller.personId, caller.role, caller.structureId, facts.patientId ?? null, facts.fileId ?? null, facts.action, facts.objectType ?? null,
      facts.objectId ?? null, requestId, facts.details === undefined ? null : JSON.stringify(facts.details)],
  );
}

function activeMember(team: Row[], personId: string, now: Date): boolean {
  return team.some((m) => m.person_id === personId && (m.period_start as Date) <= now && (m.period_end === null || (m.period_end as Date) > now));
}

/** Loads the file and its team and checks the caller's right, as loadFileFor does. */
async function loadFile(query: Query, caller: BenchCaller, fileId: string, now: Date): Promise<{ file: Row; team: Row[] } | string> {
  const [file] = await query('select * from coordination_files where id = $1 limit 1', [fileId]);
  if (!file) return 'file not found';
  const team = await query('select * from care_team_members where file_id = $1 order by period_start, id', [fileId]);
  const byStructure = caller.role === 'coordinator' && caller.structureId === file.structure_id;
  if (!byStructure && !activeMember(team, caller.personId, now)) return 'refused';
  return { file, team };
}

let counter = 0;

/** GET /api/files/:id: file, team, audit row, last 50 entries, the people named, the structure, the patient. */
export async function fileOpen(query: Query, caller: BenchCaller, fileId: string): Promise<true | string> {
  const now = new Date();
  const loaded = await loadFile(query, caller, fileId, now);
  if (typeof loaded === 'string') return loaded;
  const { file, team } = loaded;
  await audit(query, caller, now, `baseline-${++counter}`, { action: 'file.read', patientId: file.patient_id, fileId, objectType: 'CoordinationFile', objectId: fileId });
  const entries = await query('select * from journal_entries where file_id = $1 order by written_at desc, id desc limit $2', [fileId, 50]);
  const personIds = [...team.map((m) => m.person_id as string), ...entries.map((e) => e.author_id as string), ...(file.referent_id ? [file.referent_id as string] : [])];
  await query('select * from people where id = any($1::uuid[])', [uuidArray(personIds)]);
  await query('select * from structures where id = any($1::uuid[])', [uuidArray([file.structure_id as string])]);
  const [patient] = await query('select * from patients where id = $1 limit 1', [file.patient_id]);
  return patient ? true : 'patient not found';
}

/** POST /api/files/:id/journal: file and team (right, open), the entry, its audit row, its outbox event and notification, the author. */
export async function journalAppend(query: Query, caller: BenchCaller, fileId: string, text: string): Promise<true | string> {
  const now = new Date();
  const loaded = await loadFile(query, caller, fileId, now);
  if (typeof loaded === 'string') return loaded;
  const { file } = loaded;
  if (file.status !== 'open') return 'file closed';
  const entryId = newId(now.getTime());
  await query('insert into journal_entries (id, file_id, author_id, written_at, category, text) values ($1, $2, $3, $4, $5, $6)', [entryId, fileId, caller.personId, now, 'note', text]);
  await audit(query, caller, now, `baseline-${++counter}`, { action: 'journal.write', patientId: file.patient_id, fileId, objectType: 'JournalEntry', objectId: entryId });
  const eventId = newId(now.getTime());
  await query('insert into outbox (id, occurred_at, type, actor_id, patient_id, file_id, payload) values ($1, $2, $3, $4, $5, $6, $7::jsonb)', [
    eventId, now, 'journal.entryWritten', caller.personId, file.patient_id, fileId, JSON.stringify({ entryId, category: 'note', authorName: caller.email }),
  ]);
  await query('select pg_notify($1, $2)', [EVENTS_CHANNEL, JSON.stringify({ id: eventId, type: 'journal.entryWritten', fileId, patientId: file.patient_id })]);
  await query('select * from people where id = any($1::uuid[])', [uuidArray([caller.personId])]);
  return true;
}

const searchStatements = new Map<string, Promise<CapturedSql>>();

/** The statement searchPatients sends for this query (captured once per query from the application's query builder). */
export function searchStatement(prefix: string, birthDate?: string): Promise<CapturedSql> {
  const key = `${prefix}|${birthDate ?? ''}`;
  let statement = searchStatements.get(key);
  if (!statement) searchStatements.set(key, (statement = captureSearchSql(prefix, birthDate)));
  return statement;
}

/**
 * GET /api/patients?q=prefix[&birthDate=…]: what searchPatients does. Its first statement (one ordered,
 * limited arm per name reading and name column, UNION ALL; captured from the application's query
 * builder), the hits merged in name order and cut to 20, the rows of those patients, and the audit row.
 */
export async function patientSearch(query: Query, caller: BenchCaller, prefix: string, birthDate?: string): Promise<true | string> {
  const now = new Date();
  const { text, params } = await searchStatement(prefix, birthDate);
  const hits = await query(text, params);
  let results = hits.length;
  if (hits.length > 0 && 'sort_name' in hits[0]!) {
    const key = (h: Row) => `${h.sort_name}\u0000${h.sort_given}\u0000${h.sort_date}`;
    const ids = [...new Set(hits.sort((a, b) => (key(a) < key(b) ? -1 : key(a) > key(b) ? 1 : 0)).map((h) => h.id as string))].slice(0, 20);
    results = (await query('select * from patients where id = any($1::uuid[])', [`{${ids.join(',')}}`])).length;
  }
  await audit(query, caller, now, `baseline-${++counter}`, {
    action: 'patient.search', details: { q: prefix, birthDate: birthDate ?? null, ins: null, communeInsee: null, results },
  });
  return true;
}

/**
 * POST /api/patients/duplicate-candidates: the statement findCandidateRows sends for the typed identity
 * (same text, same parameters) and the fetch of its rows; no scoring, no audit row. Returns the ids.
 */
export async function duplicateCandidates(query: Query, statement: string, params: unknown[]): Promise<string[]> {
  const rows = await query(statement, params);
  return rows.map((r) => r.id as string);
}
