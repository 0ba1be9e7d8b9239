// Cross-cutting tables owned by src/core: the audit log and the domain-event outbox.
import { sql } from 'drizzle-orm';
import { bigint, index, jsonb, pgTable, text, timestamp, uuid } from 'drizzle-orm/pg-core';

export const auditLog = pgTable(
  'audit_log',
  {
    id: bigint('id', { mode: 'number' }).primaryKey().generatedAlwaysAsIdentity(),
    at: timestamp('at', { withTimezone: true }).notNull(),
    actorId: uuid('actor_id'),
    actorRole: text('actor_role'),
    actorStructureId: uuid('actor_structure_id'),
    patientId: uuid('patient_id'),
    fileId: uuid('file_id'),
    // e.g. file.read, journal.write, access.denied
    action: text('action').notNull(),
    objectType: text('object_type'),
    objectId: text('object_id'),
    // allowed | denied
    outcome: text('outcome').notNull(),
    clientIp: text('client_ip'),
    requestId: text('request_id'),
    details: jsonb('details'),
    // Set by the sealer, in seal order: hash = sha256(prevHash + canonical row). See core/audit.
    sealSeq: bigint('seal_seq', { mode: 'number' }),
    hash: text('hash'),
  },
  (t) => [
    index('audit_file_at_idx').on(t.fileId, t.at),
    index('audit_patient_at_idx').on(t.patientId, t.at),
    index('audit_unsealed_idx').on(t.id).where(sql`seal_seq is null`),
    index('audit_seal_seq_idx').on(t.sealSeq),
  ],
);

export const outbox = pgTable(
  'outbox',
  {
    id: uuid('id').primaryKey(),
    occurredAt: timestamp('occurred_at', { withTimezone: true }).notNull(),
    // e.g. file.opened, careTeam.memberAdded, journal.entryWritten
    type: text('type').notNull(),
    actorId: uuid('actor_id'),
    patientId: uuid('patient_id'),
    fileId: uuid('file_id'),
    payload: jsonb('payload').notNull(),
    publishedAt: timestamp('published_at', { withTimezone: true }),
  },
  (t) => [
    // id breaks ties in the timeline's order, so the newest page is read from the index, not sorted.
    index('outbox_file_occurred_idx').on(t.fileId, t.occurredAt, t.id),
    // the patient's life line across files, newest first
    index('outbox_patient_occurred_idx').on(t.patientId, t.occurredAt, t.id),
    index('outbox_unpublished_idx').on(t.occurredAt).where(sql`published_at is null`)],
);
