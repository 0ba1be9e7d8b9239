// Tables of the breakdowns capability: the observatory of breakdowns in care paths (DAC mission 3).
import { sql } from 'drizzle-orm';
import { date, index, integer, pgTable, text, timestamp, uuid } from 'drizzle-orm/pg-core';

export const breakdowns = pgTable(
  'breakdowns',
  {
    id: uuid('id').primaryKey(),
    // the structure (DAC) that recorded it
    structureId: uuid('structure_id').notNull(),
    // from a file, or on its own (an observation without a followed patient)
    fileId: uuid('file_id'),
    patientId: uuid('patient_id'),
    occurredOn: date('occurred_on').notNull(),
    // kind and cause from breakdowns/rules.ts
    kind: text('kind').notNull(),
    cause: text('cause').notNull(),
    // structures involved: names as the directory or the user gives them
    structuresInvolved: text('structures_involved').array().notNull().default(sql`'{}'::text[]`),
    consequence: text('consequence').notNull(),
    description: text('description'),
    // where it happened, for the per-territory lists
    communeInsee: text('commune_insee'),
    recordedBy: uuid('recorded_by').notNull(),
    recordedAt: timestamp('recorded_at', { withTimezone: true }).notNull(),
    version: integer('version').notNull().default(1),
  },
  (t) => [index('breakdowns_structure_occurred_idx').on(t.structureId, t.occurredOn), index('breakdowns_file_idx').on(t.fileId)],
);
