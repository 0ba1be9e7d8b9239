// Tables of the files capability: coordination files, care teams, journal entries.
import { index, integer, pgTable, text, timestamp, uniqueIndex, uuid } from 'drizzle-orm/pg-core';

export const coordinationFiles = pgTable(
  'coordination_files',
  {
    id: uuid('id').primaryKey(),
    structureId: uuid('structure_id').notNull(),
    patientId: uuid('patient_id').notNull(),
    // open | suspended | closed
    status: text('status').notNull(),
    openedAt: timestamp('opened_at', { withTimezone: true }).notNull(),
    closedAt: timestamp('closed_at', { withTimezone: true }),
    closureReason: text('closure_reason'),
    suspendedAt: timestamp('suspended_at', { withTimezone: true }),
    suspensionReason: text('suspension_reason'),
    // national DAC activity reporting: mission 1/2/3 and support level (ponctuel | soutenu | intensif)
    mission: text('mission'),
    supportLevel: text('support_level'),
    // the request for support that opened it
    referralId: uuid('referral_id'),
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

// A professional without an account yet, invited into a care team by e-mail: the link lets them read
// what the team shares and write in the journal, then finish creating their account.
export const careTeamInvitations = pgTable(
  'care_team_invitations',
  {
    id: uuid('id').primaryKey(),
    fileId: uuid('file_id').notNull().references(() => coordinationFiles.id),
    memberId: uuid('member_id').notNull().references(() => careTeamMembers.id),
    personId: uuid('person_id').notNull(),
    email: text('email').notNull(),
    // SHA-256 of the secret in the link: a database dump gives no usable link
    tokenHash: text('token_hash').notNull(),
    expiresAt: timestamp('expires_at', { withTimezone: true }).notNull(),
    invitedBy: uuid('invited_by').notNull(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull(),
    // pending (between the commit and the mail attempt) | sent | not_configured | failed
    mailStatus: text('mail_status').notNull(),
    firstUsedAt: timestamp('first_used_at', { withTimezone: true }),
    accountCompletedAt: timestamp('account_completed_at', { withTimezone: true }),
    revokedAt: timestamp('revoked_at', { withTimezone: true }),
  },
  (t) => [uniqueIndex('care_team_invitations_token_key').on(t.tokenHash), index('care_team_invitations_file_idx').on(t.fileId)],
);
