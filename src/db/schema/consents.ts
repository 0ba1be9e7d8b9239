// Tables of the consents capability: the patient's information, consent to share outside the care
// team, and objection, each dated with who collected it and how (R-LEG-3 to R-LEG-5).
import { sql } from 'drizzle-orm';
import { index, integer, pgTable, text, timestamp, uuid } from 'drizzle-orm/pg-core';

export const consents = pgTable(
  'consents',
  {
    id: uuid('id').primaryKey(),
    patientId: uuid('patient_id').notNull(),
    // the file it was collected in (the holding structure answers for it)
    fileId: uuid('file_id'),
    // information | sharing | opposition
    kind: text('kind').notNull(),
    // sharing: who may see the file outside the care team (a Trame structure or person) and what
    recipientStructureId: uuid('recipient_structure_id'),
    recipientPersonId: uuid('recipient_person_id'),
    // categories of information covered (consents/rules.ts SHARE_CATEGORIES)
    categories: text('categories').array().notNull().default(sql`'{}'::text[]`),
    collectedAt: timestamp('collected_at', { withTimezone: true }).notNull(),
    collectedBy: uuid('collected_by').notNull(),
    // oral | signed_document | electronic
    channel: text('channel').notNull(),
    // the signed support, a document of the file
    documentId: uuid('document_id'),
    comment: text('comment'),
    withdrawnAt: timestamp('withdrawn_at', { withTimezone: true }),
    withdrawnBy: uuid('withdrawn_by'),
    version: integer('version').notNull().default(1),
  },
  (t) => [index('consents_patient_idx').on(t.patientId, t.collectedAt)],
);
