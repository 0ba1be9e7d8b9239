// Raw SQL for what the query builder cannot say (upserts from JSON, window counts). Both drivers
// answer { rows }; the Db type leaves it unknown, so the shape is stated once here.
import type { SQL } from 'drizzle-orm';
import type { Db } from './connect.ts';

export async function queryRows<T>(db: Db, query: SQL): Promise<T[]> {
  return ((await db.execute(query)) as unknown as { rows: T[] }).rows;
}
