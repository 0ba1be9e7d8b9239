// SQL of the patients capability.
import { and, asc, eq, inArray, like, or, type SQL } from 'drizzle-orm';
import { patients } from '#src/db/schema/index.ts';
import type { Db } from '#src/core/db/connect.ts';
import { likePrefix } from '#src/core/search-text.ts';
import type { NameSplit } from './rules.ts';

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

function splitCondition(split: NameSplit): SQL {
  const family = likePrefix(split.family);
  const byFamily = or(like(patients.searchBirthName, family), like(patients.searchUsedName, family))!;
  return split.given ? and(byFamily, like(patients.searchGivenName, likePrefix(split.given)))! : byFamily;
}

export async function searchPatients(
  db: Db,
  query: { splits: NameSplit[]; birthDate?: string | undefined; limit: number },
): Promise<PatientRow[]> {
  const conditions: SQL[] = [];
  if (query.splits.length > 0) conditions.push(or(...query.splits.map(splitCondition))!);
  if (query.birthDate) conditions.push(eq(patients.birthDate, query.birthDate));
  if (conditions.length === 0) return [];
  return db
    .select()
    .from(patients)
    .where(and(...conditions))
    .orderBy(asc(patients.searchBirthName), asc(patients.searchGivenName), asc(patients.birthDate))
    .limit(query.limit);
}

