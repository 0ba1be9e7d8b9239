// SQL of the consents capability.
import { and, desc, eq, isNull } from 'drizzle-orm';
import { consents } from '#src/db/schema/index.ts';
import type { Db } from '#src/core/db/connect.ts';

export type ConsentRow = typeof consents.$inferSelect;

export async function insertConsent(db: Db, row: ConsentRow): Promise<void> {
  await db.insert(consents).values(row);
}

export async function findConsentsOfPatient(db: Db, patientId: string): Promise<ConsentRow[]> {
  return db.select().from(consents).where(eq(consents.patientId, patientId)).orderBy(desc(consents.collectedAt), desc(consents.id));
}

export async function findConsent(db: Db, id: string): Promise<ConsentRow | undefined> {
  const [row] = await db.select().from(consents).where(eq(consents.id, id)).limit(1);
  return row;
}

/** Withdraws if still in force and unchanged; false when someone else changed it first. */
export async function withdrawIfVersion(db: Db, id: string, version: number, at: Date, by: string | null): Promise<boolean> {
  const updated = await db
    .update(consents)
    .set({ withdrawnAt: at, withdrawnBy: by, version: version + 1 })
    .where(and(eq(consents.id, id), eq(consents.version, version), isNull(consents.withdrawnAt)))
    .returning({ id: consents.id });
  return updated.length === 1;
}
