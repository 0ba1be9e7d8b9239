// Where the bytes of documents live: once per content (SHA-256) in `document_blobs`, behind this small
// interface so that a blob directory or an S3-compatible store can replace the table (architecture.md).
import { createHash } from 'node:crypto';
import { eq, sql } from 'drizzle-orm';
import type { Db } from '#src/core/db/connect.ts';
import { documentBlobs } from '#src/db/schema/index.ts';

export function sha256Of(bytes: Uint8Array): string {
  return createHash('sha256').update(bytes).digest('hex');
}

/** Stores the bytes unless the same content is already there; returns its SHA-256. */
export async function putBlob(db: Db, bytes: Buffer, at: Date): Promise<string> {
  const sha256 = sha256Of(bytes);
  await db.insert(documentBlobs).values({ sha256, size: bytes.length, content: bytes, storedAt: at }).onConflictDoNothing({ target: documentBlobs.sha256 });
  return sha256;
}

export async function getBlob(db: Db, sha256: string): Promise<Buffer | null> {
  const [row] = await db.select({ content: documentBlobs.content }).from(documentBlobs).where(eq(documentBlobs.sha256, sha256)).limit(1);
  return row?.content ?? null;
}

/** How many distinct contents are stored (deduplication shows in tests). */
export async function countBlobs(db: Db): Promise<number> {
  const [row] = await db.select({ n: sql<number>`count(*)::int` }).from(documentBlobs);
  return row?.n ?? 0;
}
