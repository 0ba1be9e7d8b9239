// SQL of the referrals capability.
import { and, asc, desc, eq, inArray, lt, sql, type SQL } from 'drizzle-orm';
import { referrals, referralSteps } from '#src/db/schema/index.ts';
import type { Db } from '#src/core/db/connect.ts';

export type ReferralRow = typeof referrals.$inferSelect;
export type StepRow = typeof referralSteps.$inferSelect;

export async function insertReferral(db: Db, row: ReferralRow): Promise<void> {
  await db.insert(referrals).values(row);
}

export async function insertStep(db: Db, row: StepRow): Promise<void> {
  await db.insert(referralSteps).values(row);
}

export async function findReferral(db: Db, id: string): Promise<ReferralRow | undefined> {
  const [row] = await db.select().from(referrals).where(eq(referrals.id, id)).limit(1);
  return row;
}

export async function findByTrackingHash(db: Db, hash: string): Promise<ReferralRow | undefined> {
  const [row] = await db.select().from(referrals).where(eq(referrals.trackingCodeHash, hash)).limit(1);
  return row;
}

export async function findSteps(db: Db, referralId: string): Promise<StepRow[]> {
  return db.select().from(referralSteps).where(eq(referralSteps.referralId, referralId)).orderBy(asc(referralSteps.at), asc(referralSteps.id));
}

export async function updateIfVersion(db: Db, id: string, version: number, changes: Partial<ReferralRow>): Promise<boolean> {
  const updated = await db
    .update(referrals)
    .set({ ...changes, version: version + 1 })
    .where(and(eq(referrals.id, id), eq(referrals.version, version)))
    .returning({ id: referrals.id });
  return updated.length === 1;
}

export type QueueQuery = { structureId: string; statuses: readonly string[]; assignedTo?: string | undefined; limit: number };

// the order of rules.compareForTriage, in SQL: most urgent first, then the longest waiting
const URGENCY_RANK = sql`case ${referrals.urgency} when 'within_48h' then 0 when 'within_week' then 1 when 'within_month' then 2 else 3 end`;

/** A structure's referrals in the given states, most urgent and longest waiting first; decided ones newest first. */
export async function listQueue(db: Db, query: QueueQuery): Promise<ReferralRow[]> {
  const conditions: SQL[] = [eq(referrals.structureId, query.structureId), inArray(referrals.status, [...query.statuses])];
  if (query.assignedTo) conditions.push(eq(referrals.assignedTo, query.assignedTo));
  const open = query.statuses.every((s) => s === 'received' || s === 'info_requested');
  const order = open ? [URGENCY_RANK, asc(referrals.receivedAt)] : [desc(referrals.decidedAt), desc(referrals.receivedAt)];
  return db.select().from(referrals).where(and(...conditions)).orderBy(...order).limit(query.limit);
}

export async function listByRequester(db: Db, personId: string, options: { before?: Date | undefined; limit: number }): Promise<ReferralRow[]> {
  const mine = eq(referrals.requesterPersonId, personId);
  return db
    .select()
    .from(referrals)
    .where(options.before ? and(mine, lt(referrals.receivedAt, options.before)) : mine)
    .orderBy(desc(referrals.receivedAt))
    .limit(options.limit);
}
