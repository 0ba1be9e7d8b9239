// Tables of the files capability: coordination files, care teams, journal entries.
import { index, integer, pgTable, text, timestamp, uuid } from 'drizzle-orm/pg-core';

export const coordinationFiles = pgTable(
  'coordination_files',
  {
    id: uuid('id').primaryKey(),
    structureId: uuid('structure_id').notNull(),
    patientId: uuid('patient_id').notNull(),
    // open | closed
    status: text('status').notNull(),
    openedAt: timestamp('opened_at', { withTimezone: true }).notNull(),
    closedAt: timestamp('closed_at', { withTimezone: true }),
    closureReason: text('closure_reason'),
    referentId: uuid('referent_id'),
    createdBy: uuid('created_by'),
    version: integer('version').notNull().default(1),
  },
  (t) => [
    index('files_patient_idx').on(t.patientId),
    index('files_structure_status_idx').on(t.structureId, t.status),
  ],
);

export const careTeamMembers = pgTable(
  'care_team_members',
  {
    id: uuid('id').primaryKey(),
    fileId: uuid('file_id').notNull().references(() => coordinationFiles.id),
    personId: uuid('person_id').notNull(),
    // attending_gp | nurse | pharmacist | physiotherapist | social_worker | home_care | hospital | caregiver | other
    role: text('role').notNull(),
    // half-open period [periodStart, periodEnd)
    periodStart: timestamp('period_start', { withTimezone: true }).notNull(),
    periodEnd: timestamp('period_end', { withTimezone: true }),
    addedBy: uuid('added_by'),
    endedBy: uuid('ended_by'),
    version: integer('version').notNull().default(1),
  },
  (t) => [index('care_team_file_idx').on(t.fileId), index('care_team_person_idx').on(t.personId)],
);

export const journalEntries = pgTable(
  'journal_entries',
  {
    id: uuid('id').primaryKey(),
    fileId: uuid('file_id').notNull().references(() => coordinationFiles.id),
    authorId: uuid('author_id').notNull(),
    writtenAt: timestamp('written_at', { withTimezone: true }).notNull(),
    // note | phone_call | visit | meeting | alert | other (null = plain note)
    category: text('category'),
    text: text('text').notNull(),
  },
  // id breaks ties in the journal's order: without it the newest-50 query sorts the whole file.
  (t) => [index('journal_file_written_idx').on(t.fileId, t.writtenAt.desc(), t.id.desc())],
);
