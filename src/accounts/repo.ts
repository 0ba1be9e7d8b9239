// SQL of the accounts capability, on its own tables only.
import { and, asc, eq, inArray, isNull, like, sql } from 'drizzle-orm';
import { apiTokens, memberships, people, sessions, structures } from '#src/db/schema/index.ts';
import type { Db } from '#src/core/db/connect.ts';
import type { Membership } from '#src/core/auth/actor.ts';
import type { Role } from '#src/core/auth/rights.ts';

export type PersonRow = typeof people.$inferSelect;
export type StructureRow = typeof structures.$inferSelect;
export type SessionRow = typeof sessions.$inferSelect;
export type TokenRow = typeof apiTokens.$inferSelect;

export async function findPersonByEmail(db: Db, email: string): Promise<PersonRow | undefined> {
  const [row] = await db.select().from(people).where(eq(people.email, email)).limit(1);
  return row;
}

export async function findPersonByRpps(db: Db, rpps: string): Promise<PersonRow | undefined> {
  const [row] = await db.select().from(people).where(and(eq(people.rpps, rpps), eq(people.active, true))).limit(1);
  return row;
}

export async function findPersonById(db: Db, id: string): Promise<PersonRow | undefined> {
  const [row] = await db.select().from(people).where(eq(people.id, id)).limit(1);
  return row;
}

export async function findPeopleByIds(db: Db, ids: readonly string[]): Promise<PersonRow[]> {
  if (ids.length === 0) return [];
  return db.select().from(people).where(inArray(people.id, [...ids]));
}

export async function insertPerson(db: Db, row: typeof people.$inferInsert): Promise<void> {
  await db.insert(people).values(row);
}

export async function updatePerson(db: Db, id: string, changes: Partial<typeof people.$inferInsert>): Promise<void> {
  await db.update(people).set(changes).where(eq(people.id, id));
}

export async function searchPeopleByName(db: Db, prefix: string, limit: number): Promise<PersonRow[]> {
  return db
    .select()
    .from(people)
    .where(and(eq(people.active, true), like(people.searchName, prefix)))
    .orderBy(asc(people.searchName))
    .limit(limit);
}

export async function findMembershipsOf(db: Db, personIds: readonly string[]): Promise<(Membership & { personId: string })[]> {
  if (personIds.length === 0) return [];
  const rows = await db
    .select({ id: memberships.id, personId: memberships.personId, structureId: memberships.structureId, structureName: structures.name, role: memberships.role, identityReferent: memberships.identityReferent })
    .from(memberships)
    .innerJoin(structures, eq(structures.id, memberships.structureId))
    .where(and(inArray(memberships.personId, [...personIds]), isNull(memberships.endedAt)))
    .orderBy(asc(memberships.createdAt), asc(memberships.id));
  return rows.map((row) => ({ ...row, role: row.role as Role }));
}

export async function findCoordinatorsOf(db: Db, structureId: string): Promise<string[]> {
  const rows = await db
    .select({ personId: memberships.personId })
    .from(memberships)
    .where(and(eq(memberships.structureId, structureId), eq(memberships.role, 'coordinator'), isNull(memberships.endedAt)));
  return rows.map((row) => row.personId);
}

export async function insertMembership(db: Db, row: typeof memberships.$inferInsert): Promise<void> {
  await db.insert(memberships).values(row);
}

export async function insertStructure(db: Db, row: typeof structures.$inferInsert): Promise<void> {
  await db.insert(structures).values(row);
}

export async function listStructures(db: Db): Promise<StructureRow[]> {
  return db.select().from(structures).orderBy(asc(structures.name));
}

export async function findStructuresByIds(db: Db, ids: readonly string[]): Promise<StructureRow[]> {
  if (ids.length === 0) return [];
  return db.select().from(structures).where(inArray(structures.id, [...ids]));
}

export async function insertSession(db: Db, row: SessionRow): Promise<void> {
  await db.insert(sessions).values(row);
}

export async function findSession(db: Db, idHash: string): Promise<SessionRow | undefined> {
  const [row] = await db.select().from(sessions).where(eq(sessions.idHash, idHash)).limit(1);
  return row;
}

export async function updateSession(db: Db, idHash: string, changes: Partial<SessionRow>): Promise<void> {
  await db.update(sessions).set(changes).where(eq(sessions.idHash, idHash));
}

export async function deleteSession(db: Db, idHash: string): Promise<void> {
  await db.delete(sessions).where(eq(sessions.idHash, idHash));
}

export async function insertToken(db: Db, row: typeof apiTokens.$inferInsert): Promise<void> {
  await db.insert(apiTokens).values(row);
}

export async function findTokenByHash(db: Db, tokenHash: string): Promise<TokenRow | undefined> {
  const [row] = await db.select().from(apiTokens).where(eq(apiTokens.tokenHash, tokenHash)).limit(1);
  return row;
}

export async function listTokensOf(db: Db, personId: string): Promise<TokenRow[]> {
  return db.select().from(apiTokens).where(eq(apiTokens.personId, personId)).orderBy(asc(apiTokens.createdAt));
}

export async function updateToken(db: Db, id: string, changes: Partial<TokenRow>): Promise<void> {
  await db.update(apiTokens).set(changes).where(eq(apiTokens.id, id));
}

export async function countPeople(db: Db): Promise<number> {
  const [row] = await db.select({ n: sql<number>`count(*)::int` }).from(people);
  return row?.n ?? 0;
}
