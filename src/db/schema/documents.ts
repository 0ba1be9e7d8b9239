// Tables of the documents capability: documents of a file, their versions, and the stored bytes.
import { bigint, boolean, customType, index, integer, pgTable, text, timestamp, uniqueIndex, uuid } from 'drizzle-orm/pg-core';

const bytea = customType<{ data: Buffer; driverData: Buffer | Uint8Array }>({
  dataType: () => 'bytea',
  fromDriver: (value) => (Buffer.isBuffer(value) ? value : Buffer.from(value)),
});

export const documents = pgTable(
  'documents',
  {
    id: uuid('id').primaryKey(),
    fileId: uuid('file_id').notNull(),
    patientId: uuid('patient_id').notNull(),
    title: text('title').notNull(),
    // CI-SIS document type (JDV_J07 XdsTypeCode, LOINC mostly): code and its system OID
    typeCode: text('type_code').notNull(),
    typeSystem: text('type_system').notNull(),
    // care_team | coordinators | patient (patient-visible also reaches the team)
    visibility: text('visibility').notNull(),
    // an external assessment attached as a document counts as an evaluation (indicator 6.2)
    isEvaluation: boolean('is_evaluation').notNull().default(false),
    currentVersion: integer('current_version').notNull(),
    createdBy: uuid('created_by').notNull(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull(),
    // deleted documents stay for the audit trail, hidden from lists
    deletedAt: timestamp('deleted_at', { withTimezone: true }),
    version: integer('version').notNull().default(1),
  },
  (t) => [index('documents_file_idx').on(t.fileId, t.createdAt)],
);

export const documentVersions = pgTable(
  'document_versions',
  {
    id: uuid('id').primaryKey(),
    documentId: uuid('document_id').notNull().references(() => documents.id),
    number: integer('number').notNull(),
    filename: text('filename').notNull(),
    // detected from the content, not the name
    mediaType: text('media_type').notNull(),
    size: bigint('size', { mode: 'number' }).notNull(),
    sha256: text('sha256').notNull(),
    // clean | infected | not_scanned (no scanner configured)
    scanStatus: text('scan_status').notNull(),
    uploadedBy: uuid('uploaded_by').notNull(),
    uploadedAt: timestamp('uploaded_at', { withTimezone: true }).notNull(),
  },
  (t) => [uniqueIndex('document_versions_number_key').on(t.documentId, t.number)],
);

// The bytes, stored once per content (SHA-256): the one place to back up, behind documents/store.ts.
export const documentBlobs = pgTable('document_blobs', {
  sha256: text('sha256').primaryKey(),
  size: bigint('size', { mode: 'number' }).notNull(),
  content: bytea('content').notNull(),
  storedAt: timestamp('stored_at', { withTimezone: true }).notNull(),
});
