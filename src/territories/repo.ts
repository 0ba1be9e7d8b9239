// SQL of the territories capability: territories and their communes.
import { and, asc, eq, inArray } from 'drizzle-orm';
import { territories, territoryCommunes } from '#src/db/schema/index.ts';
import type { Db } from '#src/core/db/connect.ts';

export type TerritoryRow = typeof territories.$inferSelect;

// One statement has at most 65,535 parameters: two per row.
const CHUNK = 5000;

export async function insertTerritory(db: Db, row: TerritoryRow): Promise<void> {
  await db.insert(territories).values(row);
}

export async function findTerritory(db: Db, id: string): Promise<TerritoryRow | undefined> {
  const [row] = await db.select().from(territories).where(eq(territories.id, id)).limit(1);
  return row;
}

export async function listTerritories(db: Db): Promise<TerritoryRow[]> {
  return db.select().from(territories).orderBy(asc(territories.name), asc(territories.id));
}

/** The INSEE codes of a territory's communes. */
export async function findCommuneCodes(db: Db, territoryId: string): Promise<string[]> {
  const rows = await db
    .select({ insee: territoryCommunes.communeInsee })
    .from(territoryCommunes)
    .where(eq(territoryCommunes.territoryId, territoryId))
    .orderBy(asc(territoryCommunes.communeInsee));
  return rows.map((r) => r.insee);
}

/** The communes of several territories in one query, grouped by territory. */
export async function findCommuneCodesOf(db: Db, territoryIds: readonly string[]): Promise<Map<string, string[]>> {
  const codes = new Map<string, string[]>(territoryIds.map((id) => [id, []]));
  if (territoryIds.length === 0) return codes;
  const rows = await db
    .select()
    .from(territoryCommunes)
    .where(inArray(territoryCommunes.territoryId, [...territoryIds]))
    .orderBy(asc(territoryCommunes.communeInsee));
  for (const row of rows) codes.get(row.territoryId)?.push(row.communeInsee);
  return codes;
}

/** Replaces the commune list of a territory. */
export async function replaceCommunes(db: Db, territoryId: string, codes: readonly string[]): Promise<void> {
  await db.delete(territoryCommunes).where(eq(territoryCommunes.territoryId, territoryId));
  for (let i = 0; i < codes.length; i += CHUNK) {
    await db.insert(territoryCommunes).values(codes.slice(i, i + CHUNK).map((communeInsee) => ({ territoryId, communeInsee })));
  }
}

/** Applies the changes only if the territory is still at the version read; bumps the version. */
export async function updateTerritoryIfVersion(db: Db, id: string, version: number, changes: Partial<TerritoryRow>): Promise<TerritoryRow | undefined> {
  const [row] = await db
    .update(territories)
    .set({ ...changes, version: version + 1 })
    .where(and(eq(territories.id, id), eq(territories.version, version)))
    .returning();
  return row;
}
