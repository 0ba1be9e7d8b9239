// SQL of the breakdowns capability.
import { and, desc, eq, gte, inArray, lte, type SQL } from 'drizzle-orm';
import { breakdowns } from '#src/db/schema/index.ts';
import type { Db } from '#src/core/db/connect.ts';

export type BreakdownRow = typeof breakdowns.$inferSelect;

export async function insertBreakdown(db: Db, row: BreakdownRow): Promise<void> {
  await db.insert(breakdowns).values(row);
}

export async function findBreakdown(db: Db, id: string): Promise<BreakdownRow | undefined> {
  const [row] = await db.select().from(breakdowns).where(eq(breakdowns.id, id)).limit(1);
  return row;
}

export type BreakdownQuery = { structureId: string; from?: string | undefined; to?: string | undefined; kind?: string | undefined; cause?: string | undefined; communes?: readonly string[] | undefined; limit: number };

export async function listBreakdowns(db: Db, query: BreakdownQuery): Promise<BreakdownRow[]> {
  const conditions: SQL[] = [eq(breakdowns.structureId, query.structureId)];
  if (query.from) conditions.push(gte(breakdowns.occurredOn, query.from));
  if (query.to) conditions.push(lte(breakdowns.occurredOn, query.to));
  if (query.kind) conditions.push(eq(breakdowns.kind, query.kind));
  if (query.cause) conditions.push(eq(breakdowns.cause, query.cause));
  if (query.communes) conditions.push(inArray(breakdowns.communeInsee, query.communes.length > 0 ? [...query.communes] : ['']));
  return db.select().from(breakdowns).where(and(...conditions)).orderBy(desc(breakdowns.occurredOn), desc(breakdowns.recordedAt)).limit(query.limit);
}

export async function updateIfVersion(db: Db, id: string, version: number, changes: Partial<BreakdownRow>): Promise<boolean> {
  const updated = await db.update(breakdowns).set({ ...changes, version: version + 1 }).where(and(eq(breakdowns.id, id), eq(breakdowns.version, version))).returning({ id: breakdowns.id });
  return updated.length === 1;
}
