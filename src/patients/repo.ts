// SQL of the patients capability.
import { and, asc, desc, eq, getTableColumns, inArray, isNull, ne, or, sql, type SQL } from 'drizzle-orm';
import { identityEvents, identitySuspicions, patientIns, patientMerges, patients } from '#src/db/schema/index.ts';
import type { Db } from '#src/core/db/connect.ts';
import { likePrefix } from '#src/core/search-text.ts';
import type { NameSplit } from './rules.ts';
import { SIMILAR_NAME_THRESHOLD } from './vigilance-rules.ts';

export type PatientRow = typeof patients.$inferSelect;
export type PatientInsert = typeof patients.$inferInsert;

export async function insertPatient(db: Db, row: PatientInsert): Promise<void> {
  await db.insert(patients).values(row);
}

export async function findPatientById(db: Db, id: string): Promise<PatientRow | undefined> {
  const [row] = await db.select().from(patients).where(eq(patients.id, id)).limit(1);
  return row;
}

export async function findPatientsByIds(db: Db, ids: readonly string[]): Promise<PatientRow[]> {
  if (ids.length === 0) return [];
  return db.select().from(patients).where(inArray(patients.id, [...ids]));
}

/** Updates when the version still matches; returns whether it did. */
export async function updatePatientIfVersion(db: Db, id: string, version: number, changes: Partial<PatientInsert>): Promise<boolean> {
  const updated = await db
    .update(patients)
    .set({ ...changes, version: version + 1 })
    .where(and(eq(patients.id, id), eq(patients.version, version)))
    .returning({ id: patients.id });
  return updated.length === 1;
}

export type PatientSearch = {
  splits: NameSplit[];
  birthDate?: string | undefined;
  ins?: string | undefined;
  communeInsee?: string | undefined;
  limit: number;
};

function otherFilters(query: PatientSearch): SQL[] {
  const filters: SQL[] = [];
  if (query.birthDate) filters.push(sql`birth_date = ${query.birthDate}`);
  if (query.ins) filters.push(sql`id IN (SELECT patient_id FROM patient_ins WHERE matricule = ${query.ins} AND state <> 'old')`);
  if (query.communeInsee) filters.push(sql`commune_insee = ${query.communeInsee}`);
  return filters;
}

/**
 * One name reading on one name column, in index order: the search columns are COLLATE "C", so the
 * (name, given name, birth date) b-tree serves both the LIKE prefix and the ORDER BY, and the scan
 * stops after `limit` rows however common the prefix.
 */
function nameArm(column: 'search_birth_name' | 'search_used_name', split: NameSplit, filters: readonly SQL[], limit: number): SQL {
  const name = sql.raw(column);
  const given = split.given ? sql` AND search_given_name LIKE ${likePrefix(split.given)}` : sql``;
  const more = filters.length > 0 ? sql` AND ${sql.join([...filters], sql` AND `)}` : sql``;
  return sql`(SELECT id, ${name} AS sort_name, search_given_name AS sort_given, birth_date::text AS sort_date FROM patients
    WHERE merged_into IS NULL AND ${name} LIKE ${likePrefix(split.family)}${given}${more}
    ORDER BY ${name}, search_given_name, birth_date LIMIT ${limit})`;
}

type Hit = { id: string; sort_name: string; sort_given: string; sort_date: string };

function byHitOrder(a: Hit, b: Hit): number {
  const key = (h: Hit) => [h.sort_name, h.sort_given, h.sort_date];
  const [x, y] = [key(a), key(b)];
  for (let i = 0; i < x.length; i++) if (x[i] !== y[i]) return x[i]! < y[i]! ? -1 : 1;
  return 0;
}

/**
 * Live records (not merged away) matching every criterion given, in the order of the name that
 * matched; nothing when no criterion narrows the region.
 */
export async function searchPatients(db: Db, query: PatientSearch): Promise<PatientRow[]> {
  const filters = otherFilters(query);
  if (query.splits.length === 0) {
    if (filters.length === 0) return [];
    return db
      .select()
      .from(patients)
      .where(and(isNull(patients.mergedInto), ...filters))
      .orderBy(asc(patients.searchBirthName), asc(patients.searchGivenName), asc(patients.birthDate))
      .limit(query.limit);
  }
  const arms = query.splits.flatMap((split) => [nameArm('search_birth_name', split, filters, query.limit), nameArm('search_used_name', split, filters, query.limit)]);
  const result = await db.execute(sql.join(arms, sql` UNION ALL `));
  const hits = ((result as unknown as { rows: Hit[] }).rows).sort(byHitOrder);
  const ids = [...new Set(hits.map((h) => h.id))].slice(0, query.limit);
  const rows = new Map((await findPatientsByIds(db, ids)).map((row) => [row.id, row]));
  return ids.map((id) => rows.get(id)!);
}

export type CandidateQuery = {
  birthDates: string[];
  names: string[];
  givenName: string;
  phoneticKeys: string[];
  birthYear: string;
  monthDay: string;
  insMatricules: string[];
  excludeIds: string[];
};

export type CandidateRow = PatientRow & { sameIns: boolean };

/**
 * Rows that may be the same person, for vigilance-rules.ts to score: same (or day/month-transposed)
 * birth date with a phonetically equal or similar family name; the exact names with the same birth year
 * or day and month; or the same INS. Each arm is an index scan (birth_date, (birth name, given name),
 * (used name, given name), patient_ins.matricule), so the cost does not grow with the region.
 */
export async function findCandidateRows(db: Db, q: CandidateQuery): Promise<CandidateRow[]> {
  const family = q.names[0]!;
  const used = q.names[1] ?? family;
  const names = pgTextArray(q.names);
  const sameDateOrYear = sql`(to_char(birth_date, 'YYYY') = ${q.birthYear} OR to_char(birth_date, 'MM-DD') = ${q.monthDay})`;
  const sameIns = sql`SELECT patient_id FROM patient_ins WHERE matricule = ANY(${pgTextArray(q.insMatricules)}) AND state <> 'old'`;
  // A UNION rather than one WHERE with ORs: each arm keeps its own index; an OR across them made
  // PostgreSQL scan the whole table (3.9 s at 1,000,000 patients).
  const arms = sql`
    SELECT id FROM patients WHERE birth_date = ANY(${pgDateArray(q.birthDates)}) AND (
      phonetic_birth_name = ANY(${pgTextArray(q.phoneticKeys)}) OR phonetic_used_name = ANY(${pgTextArray(q.phoneticKeys)})
      OR similarity(search_birth_name, ${family}) >= ${SIMILAR_NAME_THRESHOLD}
      OR similarity(search_birth_name, ${used}) >= ${SIMILAR_NAME_THRESHOLD}
      OR similarity(coalesce(search_used_name, ''), ${family}) >= ${SIMILAR_NAME_THRESHOLD})
    UNION SELECT id FROM patients WHERE search_birth_name = ANY(${names}) AND search_given_name = ${q.givenName} AND ${sameDateOrYear}
    UNION SELECT id FROM patients WHERE search_used_name = ANY(${names}) AND search_given_name = ${q.givenName} AND ${sameDateOrYear}
    UNION ${sameIns}`;
  return db
    .select({ ...getTableColumns(patients), sameIns: sql<boolean>`${patients.id} IN (${sameIns})`.as('same_ins') })
    .from(patients)
    .where(sql`${patients.id} IN (${arms}) AND ${patients.mergedInto} IS NULL AND NOT (${patients.id} = ANY(${pgUuidArray(q.excludeIds)}))`)
    .limit(200);
}

// Arrays as one text parameter each: the same SQL runs on PostgreSQL and PGlite, with an empty array allowed.
function pgTextArray(values: readonly string[]): SQL {
  return sql`${`{${values.map((v) => `"${v.replace(/["\\]/g, (c) => `\\${c}`)}"`).join(',')}}`}::text[]`;
}
function pgUuidArray(values: readonly string[]): SQL {
  return sql`${`{${values.join(',')}}`}::uuid[]`;
}
function pgDateArray(values: readonly string[]): SQL {
  return sql`${`{${values.join(',')}}`}::date[]`;
}

export type InsRow = typeof patientIns.$inferSelect;
export type IdentityEventRow = typeof identityEvents.$inferSelect;
export type SuspicionRow = typeof identitySuspicions.$inferSelect;
export type MergeRow = typeof patientMerges.$inferSelect;

export async function findInsOf(db: Db, patientIds: readonly string[]): Promise<InsRow[]> {
  if (patientIds.length === 0) return [];
  return db.select().from(patientIns).where(inArray(patientIns.patientId, [...patientIds])).orderBy(desc(patientIns.recordedAt));
}

export async function insertIns(db: Db, row: InsRow): Promise<void> {
  await db.insert(patientIns).values(row);
}

/** Ends the patient's INS rows in the given states (a new INSi answer replaces them, a merge deactivates them). */
export async function endIns(db: Db, patientId: string, states: readonly string[], at: Date, newState: string): Promise<void> {
  await db
    .update(patientIns)
    .set({ state: newState, endedAt: at })
    .where(and(eq(patientIns.patientId, patientId), inArray(patientIns.state, [...states])));
}

export async function reactivateIns(db: Db, patientId: string, endedAt: Date): Promise<void> {
  await db
    .update(patientIns)
    .set({ state: 'active', endedAt: null })
    .where(and(eq(patientIns.patientId, patientId), eq(patientIns.state, 'old'), eq(patientIns.endedAt, endedAt)));
}

export async function findPatientIdsByIns(db: Db, matricule: string): Promise<string[]> {
  const rows = await db.select({ patientId: patientIns.patientId }).from(patientIns).where(and(eq(patientIns.matricule, matricule), ne(patientIns.state, 'old')));
  return [...new Set(rows.map((r) => r.patientId))];
}

export async function insertIdentityEvent(db: Db, row: IdentityEventRow): Promise<void> {
  await db.insert(identityEvents).values(row);
}

export async function findIdentityEvents(db: Db, patientId: string): Promise<IdentityEventRow[]> {
  return db.select().from(identityEvents).where(eq(identityEvents.patientId, patientId)).orderBy(desc(identityEvents.at), desc(identityEvents.id)).limit(200);
}

export async function insertSuspicion(db: Db, row: SuspicionRow): Promise<void> {
  await db.insert(identitySuspicions).values(row);
}

export async function findSuspicion(db: Db, id: string): Promise<SuspicionRow | undefined> {
  const [row] = await db.select().from(identitySuspicions).where(eq(identitySuspicions.id, id)).limit(1);
  return row;
}

/** Open suspicions naming this patient (either side), or exactly this pair when `otherId` is given. */
export async function findOpenSuspicions(db: Db, patientId: string, otherId?: string | null): Promise<SuspicionRow[]> {
  const involves = (id: string) => or(eq(identitySuspicions.patientId, id), eq(identitySuspicions.otherPatientId, id))!;
  const pair = otherId ? and(involves(patientId), involves(otherId))! : involves(patientId);
  return db.select().from(identitySuspicions).where(and(eq(identitySuspicions.status, 'open'), pair));
}

export async function listSuspicions(db: Db, status: string | null, limit: number): Promise<SuspicionRow[]> {
  return db
    .select()
    .from(identitySuspicions)
    .where(status ? eq(identitySuspicions.status, status) : undefined)
    .orderBy(desc(identitySuspicions.detectedAt), desc(identitySuspicions.id))
    .limit(limit);
}

export async function resolveSuspicions(db: Db, ids: readonly string[], resolution: { status: string; at: Date; by: string | null; text: string }): Promise<void> {
  if (ids.length === 0) return;
  await db
    .update(identitySuspicions)
    .set({ status: resolution.status, resolvedAt: resolution.at, resolvedBy: resolution.by, resolution: resolution.text })
    .where(and(inArray(identitySuspicions.id, [...ids]), eq(identitySuspicions.status, 'open')));
}

export async function insertMerge(db: Db, row: MergeRow): Promise<void> {
  await db.insert(patientMerges).values(row);
}

export async function findMerge(db: Db, id: string): Promise<MergeRow | undefined> {
  const [row] = await db.select().from(patientMerges).where(eq(patientMerges.id, id)).limit(1);
  return row;
}

export async function findMergesOf(db: Db, patientId: string): Promise<MergeRow[]> {
  return db
    .select()
    .from(patientMerges)
    .where(or(eq(patientMerges.survivorId, patientId), eq(patientMerges.mergedId, patientId)))
    .orderBy(desc(patientMerges.mergedAt));
}

/** Marks a merge undone unless someone did it first; returns whether this call did. */
export async function markMergeUndone(db: Db, id: string, undo: { at: Date; by: string | null; reason: string }): Promise<boolean> {
  const rows = await db
    .update(patientMerges)
    .set({ undoneAt: undo.at, undoneBy: undo.by, undoReason: undo.reason })
    .where(and(eq(patientMerges.id, id), isNull(patientMerges.undoneAt)))
    .returning({ id: patientMerges.id });
  return rows.length === 1;
}

/** Changes columns that are not the caller's edit (vigilance attributes, merge redirect): no version check or bump. */
export async function setPatientColumns(db: Db, id: string, changes: Partial<PatientInsert>): Promise<void> {
  await db.update(patients).set(changes).where(eq(patients.id, id));
}
