// SQL of the documents capability (the bytes are in store.ts).
import { and, asc, desc, eq, inArray, isNull } from 'drizzle-orm';
import { documents, documentVersions } from '#src/db/schema/index.ts';
import type { Db } from '#src/core/db/connect.ts';

export type DocumentRow = typeof documents.$inferSelect;
export type VersionRow = typeof documentVersions.$inferSelect;

export async function insertDocument(db: Db, row: DocumentRow): Promise<void> {
  await db.insert(documents).values(row);
}

export async function insertVersion(db: Db, row: VersionRow): Promise<void> {
  await db.insert(documentVersions).values(row);
}

export async function findDocument(db: Db, id: string): Promise<DocumentRow | undefined> {
  const [row] = await db.select().from(documents).where(and(eq(documents.id, id), isNull(documents.deletedAt))).limit(1);
  return row;
}

export async function findFileDocuments(db: Db, fileIds: readonly string[]): Promise<DocumentRow[]> {
  if (fileIds.length === 0) return [];
  return db.select().from(documents).where(and(inArray(documents.fileId, [...fileIds]), isNull(documents.deletedAt))).orderBy(desc(documents.createdAt));
}

export async function findVersions(db: Db, documentIds: readonly string[]): Promise<VersionRow[]> {
  if (documentIds.length === 0) return [];
  return db.select().from(documentVersions).where(inArray(documentVersions.documentId, [...documentIds])).orderBy(asc(documentVersions.number));
}

export async function updateIfVersion(db: Db, id: string, version: number, changes: Partial<DocumentRow>): Promise<boolean> {
  const updated = await db.update(documents).set({ ...changes, version: version + 1 }).where(and(eq(documents.id, id), eq(documents.version, version), isNull(documents.deletedAt))).returning({ id: documents.id });
  return updated.length === 1;
}
