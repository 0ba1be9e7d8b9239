// Domain events: written to the outbox in the same transaction as the change they describe, so there is
// no event without its write and no write without its event. pg_notify is transactional too: listeners
// (the live hub) hear of an event only once it is committed.
import { and, desc, eq, lt, sql } from 'drizzle-orm';
import { outbox } from '#src/db/schema/index.ts';
import type { Ctx } from '../context.ts';
import { newId } from '../ids.ts';

export const EVENTS_CHANNEL = 'trame_events';

export type DomainEventInput = {
  type: string;
  patientId?: string | null;
  fileId?: string | null;
  payload: Record<string, unknown>;
};

export type DomainEvent = {
  id: string;
  type: string;
  occurredAt: Date;
  actorId: string | null;
  patientId: string | null;
  fileId: string | null;
  payload: Record<string, unknown>;
};

/** The part of an event sent to live listeners: enough to know what to refresh, no health data. */
export type LiveSignal = { id: string; type: string; fileId: string | null; patientId: string | null };

export async function emitEvent(ctx: Ctx, event: DomainEventInput): Promise<void> {
  const id = newId(ctx.now.getTime());
  await ctx.db.insert(outbox).values({
    id,
    occurredAt: ctx.now,
    type: event.type,
    actorId: ctx.actor.personId,
    patientId: event.patientId ?? null,
    fileId: event.fileId ?? null,
    payload: event.payload,
  });
  const signal: LiveSignal = { id, type: event.type, fileId: event.fileId ?? null, patientId: event.patientId ?? null };
  await ctx.db.execute(sql`select pg_notify(${EVENTS_CHANNEL}, ${JSON.stringify(signal)})`);
}

export type HistoricalEvent = DomainEventInput & { occurredAt: Date; actorId: string | null };

/**
 * Records events that happened before they reached Trame (a file's history imported from elsewhere),
 * in one statement. No live signal: nobody watches a past that is only now arriving.
 */
export async function recordHistoricalEvents(ctx: Ctx, events: readonly HistoricalEvent[]): Promise<void> {
  if (events.length === 0) return;
  await ctx.db.insert(outbox).values(
    events.map((event) => ({
      id: newId(event.occurredAt.getTime()),
      occurredAt: event.occurredAt,
      type: event.type,
      actorId: event.actorId,
      patientId: event.patientId ?? null,
      fileId: event.fileId ?? null,
      payload: event.payload,
    })),
  );
}

/** A file's events, newest first: the file's timeline is read from here. */
export async function listFileEvents(ctx: Ctx, fileId: string, options: { before?: Date; limit: number }): Promise<DomainEvent[]> {
  const rows = await ctx.db
    .select()
    .from(outbox)
    .where(options.before ? and(eq(outbox.fileId, fileId), lt(outbox.occurredAt, options.before)) : eq(outbox.fileId, fileId))
    .orderBy(desc(outbox.occurredAt), desc(outbox.id))
    .limit(options.limit);
  return rows.map((row) => ({ ...row, payload: row.payload as Record<string, unknown> }));
}

export type PatientEventsQuery = {
  /** the files whose events the caller may see; events without a file are included when `withoutFile` */
  fileIds: readonly string[];
  withoutFile: boolean;
  /** event type prefixes ('journal.', 'task.'); none = all */
  typePrefixes: readonly string[];
  actorId?: string | undefined;
  /** keyset cursor: strictly older than this (occurredAt, id) */
  before?: { occurredAt: Date; id: string } | undefined;
  limit: number;
};

/** A patient's events across their files, newest first, read by (patient_id, occurred_at, id): the life line. */
export async function listPatientEvents(ctx: Ctx, patientId: string, query: PatientEventsQuery): Promise<DomainEvent[]> {
  const files = query.fileIds.length > 0 ? sql`${outbox.fileId} in (${sql.join(query.fileIds.map((id) => sql`${id}::uuid`), sql`, `)})` : sql`false`;
  const scope = query.withoutFile ? sql`(${files} or ${outbox.fileId} is null)` : files;
  const conditions = [eq(outbox.patientId, patientId), scope];
  if (query.typePrefixes.length > 0) conditions.push(sql`(${sql.join(query.typePrefixes.map((p) => sql`${outbox.type} like ${`${p}%`}`), sql` or `)})`);
  if (query.actorId) conditions.push(eq(outbox.actorId, query.actorId));
  if (query.before) conditions.push(sql`(${outbox.occurredAt}, ${outbox.id}) < (${query.before.occurredAt.toISOString()}::timestamptz, ${query.before.id}::uuid)`);
  const rows = await ctx.db
    .select()
    .from(outbox)
    .where(and(...conditions))
    .orderBy(desc(outbox.occurredAt), desc(outbox.id))
    .limit(query.limit);
  return rows.map((row) => ({ ...row, payload: row.payload as Record<string, unknown> }));
}
