// The audit log: every read and write of patient data, appended in the request's transaction.
// Tamper evidence comes from a hash chain computed by the sealer (sealAuditLog), which links rows in
// seal order. Chaining at append time would serialise every request on one lock; sealing every second
// from one node at a time keeps appends concurrent and leaves at most a second of unsealed rows.
import { createHash } from 'node:crypto';
import { and, asc, desc, eq, gt, isNull, sql } from 'drizzle-orm';
import { auditLog } from '#src/db/schema/index.ts';
import type { Db } from '../db/connect.ts';
import type { Ctx } from '../context.ts';

export type AuditFacts = {
  action: string;
  outcome: 'allowed' | 'denied';
  patientId?: string | null;
  fileId?: string | null;
  objectType?: string;
  objectId?: string;
  details?: Record<string, unknown>;
};

export async function appendAudit(ctx: Ctx, facts: AuditFacts): Promise<void> {
  await ctx.db.insert(auditLog).values({
    at: ctx.now,
    actorId: ctx.actor.personId,
    actorRole: ctx.actor.kind === 'system' ? ctx.actor.displayName : (ctx.actor.acting?.role ?? null),
    actorStructureId: ctx.actor.acting?.structureId ?? null,
    patientId: facts.patientId ?? null,
    fileId: facts.fileId ?? null,
    action: facts.action,
    objectType: facts.objectType ?? null,
    objectId: facts.objectId ?? null,
    outcome: facts.outcome,
    clientIp: ctx.clientIp,
    requestId: ctx.requestId,
    details: facts.details ?? null,
  });
}

type AuditRow = typeof auditLog.$inferSelect;
const GENESIS = '0'.repeat(64);
// Any advisory-lock key unique to this use: only one node seals at a time.
const SEAL_LOCK_KEY = 7_245_001;

/** The content a hash covers: every column but the seal itself, in a fixed order. */
export function canonicalAuditRow(row: AuditRow): string {
  return JSON.stringify([
    row.id,
    new Date(row.at).toISOString(),
    row.actorId,
    row.actorRole,
    row.actorStructureId,
    row.patientId,
    row.fileId,
    row.action,
    row.objectType,
    row.objectId,
    row.outcome,
    row.clientIp,
    row.requestId,
    row.details ?? null,
  ]);
}

export function chainHash(prevHash: string, row: AuditRow): string {
  return createHash('sha256').update(prevHash).update(canonicalAuditRow(row)).digest('hex');
}

/** Links every committed unsealed row into the chain, oldest first. Returns how many were sealed. */
export async function sealAuditLog(db: Db, batchSize = 5000, options: { waitForLock?: boolean } = {}): Promise<number> {
  return db.transaction(async (tx) => {
    if (options.waitForLock) {
      await tx.execute(sql`select pg_advisory_xact_lock(${SEAL_LOCK_KEY})`);
    } else {
      const locked = (await tx.execute(sql`select pg_try_advisory_xact_lock(${SEAL_LOCK_KEY}) as locked`)) as unknown as { rows: { locked: boolean }[] };
      if (!locked.rows[0]?.locked) return 0;
    }
    const [last] = await tx.select().from(auditLog).where(sql`seal_seq is not null`).orderBy(desc(auditLog.sealSeq)).limit(1);
    const rows = await tx.select().from(auditLog).where(isNull(auditLog.sealSeq)).orderBy(asc(auditLog.id)).limit(batchSize);
    if (rows.length === 0) return 0;
    let prevHash = last?.hash ?? GENESIS;
    let seq = last?.sealSeq ?? 0;
    const seals = rows.map((row) => {
      prevHash = chainHash(prevHash, row);
      seq += 1;
      return { id: row.id, seq, hash: prevHash };
    });
    await tx.execute(sql`
      update audit_log as a set seal_seq = s.seq, hash = s.hash
      from (select unnest(${sql.raw(`ARRAY[${seals.map((s) => s.id).join(',')}]::bigint[]`)}) as id,
                   unnest(${sql.raw(`ARRAY[${seals.map((s) => s.seq).join(',')}]::bigint[]`)}) as seq,
                   unnest(${sql.raw(`ARRAY[${seals.map((s) => `'${s.hash}'`).join(',')}]::text[]`)}) as hash) as s
      where a.id = s.id`);
    return rows.length;
  });
}

/** Seals everything appended so far; waits for a sealer already at work instead of returning early. */
export async function sealAll(db: Db): Promise<number> {
  let total = 0;
  const seal = () => sealAuditLog(db, 5000, { waitForLock: true });
  for (let sealed = await seal(); sealed > 0; sealed = await seal()) total += sealed;
  return total;
}

export type ChainReport = { ok: boolean; sealed: number; unsealed: number; firstBrokenSeq: number | null; reason: string | null };

/** Recomputes the whole chain in seal order; any edited, removed or inserted row breaks it. */
export async function verifyAuditChain(db: Db, pageSize = 10_000): Promise<ChainReport> {
  let prevHash = GENESIS;
  let expectedSeq = 1;
  let sealed = 0;
  for (;;) {
    const rows = await db
      .select()
      .from(auditLog)
      .where(and(sql`seal_seq is not null`, gt(auditLog.sealSeq, expectedSeq - 1)))
      .orderBy(asc(auditLog.sealSeq))
      .limit(pageSize);
    if (rows.length === 0) break;
    for (const row of rows) {
      const broken = (reason: string): ChainReport => ({ ok: false, sealed, unsealed: 0, firstBrokenSeq: row.sealSeq, reason });
      if (row.sealSeq !== expectedSeq) return broken(`sequence gap: expected ${expectedSeq}, found ${row.sealSeq}`);
      const hash = chainHash(prevHash, row);
      if (hash !== row.hash) return broken(`hash mismatch at audit row ${row.id}`);
      prevHash = hash;
      expectedSeq += 1;
      sealed += 1;
    }
  }
  const [unsealedCount] = await db.select({ n: sql<number>`count(*)::int` }).from(auditLog).where(isNull(auditLog.sealSeq));
  return { ok: true, sealed, unsealed: unsealedCount?.n ?? 0, firstBrokenSeq: null, reason: null };
}

export type AccessLogEntry = { at: Date; actorId: string | null; actorRole: string | null; action: string; outcome: string };

/** Who touched a file, newest first: what "qui a consulté ce dossier" shows. */
export async function listFileAccesses(ctx: Ctx, fileId: string, limit = 1000): Promise<AccessLogEntry[]> {
  return ctx.db
    .select({ at: auditLog.at, actorId: auditLog.actorId, actorRole: auditLog.actorRole, action: auditLog.action, outcome: auditLog.outcome })
    .from(auditLog)
    .where(eq(auditLog.fileId, fileId))
    .orderBy(desc(auditLog.at), desc(auditLog.id))
    .limit(limit);
}
