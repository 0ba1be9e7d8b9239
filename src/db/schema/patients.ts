// Tables of the patients capability: the identity (traits, INS, status), its history, identity-vigilance
// suspicions and merges. domain/rules.md §1-2.
import { sql } from 'drizzle-orm';
import { boolean, date, index, integer, jsonb, pgTable, smallint, text, timestamp, uuid } from 'drizzle-orm/pg-core';

export const patients = pgTable(
  'patients',
  {
    id: uuid('id').primaryKey(),
    birthName: text('birth_name').notNull(),
    usedName: text('used_name'),
    // first birth given name, then the full list as typed ("Marie Louise Jeanne")
    givenName: text('given_name').notNull(),
    birthGivenNames: text('birth_given_names'),
    usedGivenName: text('used_given_name'),
    birthDate: date('birth_date', { mode: 'string' }).notNull(),
    // F | M | U (unknown: allowed for a provisional identity only)
    sex: text('sex').notNull(),
    birthplaceInsee: text('birthplace_insee'),
    birthplaceName: text('birthplace_name'),
    addressLine: text('address_line'),
    postalCode: text('postal_code'),
    communeInsee: text('commune_insee'),
    communeName: text('commune_name'),
    phone: text('phone'),
    // PROV | RECUP | VALI | QUAL, derived from the facts below by statusOf (identity-rules.ts), kept for display and search
    identityStatus: text('identity_status').notNull().default('PROV'),
    // Fact I: the traits were retrieved from INSi (R-INS-6: when and through which channel)
    insRetrieved: boolean('ins_retrieved').notNull().default(false),
    insiCalledAt: timestamp('insi_called_at', { withTimezone: true }),
    insiChannel: text('insi_channel'),
    // Fact C: the traits were checked against a high-trust identity document
    documentChecked: boolean('document_checked').notNull().default(false),
    validationMode: text('validation_mode'),
    validatedAt: timestamp('validated_at', { withTimezone: true }),
    // RNIV attributes: DOUT, FICT, HOMD, HOMA, DPOT, DOUA, COLP, COLV
    identityAttributes: text('identity_attributes').array().notNull().default(sql`'{}'::text[]`),
    // A merged-away record stays as a redirect to the survivor
    mergedInto: uuid('merged_into'),
    // Normalised names (no accents, lower case, hyphens as spaces) for indexed prefix search
    searchBirthName: text('search_birth_name').notNull(),
    searchUsedName: text('search_used_name'),
    searchGivenName: text('search_given_name').notNull(),
    // French phonetic keys of the names (phonetic.ts), for duplicate-candidate search
    phoneticBirthName: text('phonetic_birth_name').notNull().default(''),
    phoneticUsedName: text('phonetic_used_name'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull(),
    createdBy: uuid('created_by'),
    version: integer('version').notNull().default(1),
  },
  (t) => [
    // The search columns are COLLATE "C" (migration 0004, not expressible here): these b-trees then serve
    // the LIKE prefix search, its ORDER BY, and the equality arms of duplicate-candidate search.
    index('patients_birth_names_idx').on(t.searchBirthName, t.searchGivenName, t.birthDate),
    index('patients_used_names_idx').on(t.searchUsedName, t.searchGivenName, t.birthDate),
    index('patients_birth_date_idx').on(t.birthDate),
    index('patients_commune_idx').on(t.communeInsee),
    index('patients_merged_into_idx').on(t.mergedInto),
  ],
);

/** Every matricule INS a patient has carried: the active one, one received unverified, deactivated ones (use=old). */
export const patientIns = pgTable(
  'patient_ins',
  {
    id: uuid('id').primaryKey(),
    patientId: uuid('patient_id').notNull(),
    matricule: text('matricule').notNull(),
    oid: text('oid').notNull(),
    // active | received (from another system, waiting for INSi) | old
    state: text('state').notNull(),
    // insi | fhir
    source: text('source').notNull(),
    recordedAt: timestamp('recorded_at', { withTimezone: true }).notNull(),
    endedAt: timestamp('ended_at', { withTimezone: true }),
  },
  (t) => [index('patient_ins_matricule_idx').on(t.matricule), index('patient_ins_patient_idx').on(t.patientId)],
);

/** The identity's history: how and when each status was reached (R-INS-6, R-INS-7). */
export const identityEvents = pgTable(
  'identity_events',
  {
    id: uuid('id').primaryKey(),
    patientId: uuid('patient_id').notNull(),
    at: timestamp('at', { withTimezone: true }).notNull(),
    kind: text('kind').notNull(),
    actorId: uuid('actor_id'),
    statusBefore: text('status_before'),
    statusAfter: text('status_after').notNull(),
    details: jsonb('details').notNull().default({}),
  },
  (t) => [index('identity_events_patient_at_idx').on(t.patientId, t.at)],
);

/** The vigilance queue: suspected duplicates (two records, one person) and collisions (one record, two people). */
export const identitySuspicions = pgTable(
  'identity_suspicions',
  {
    id: uuid('id').primaryKey(),
    // duplicate | collision
    kind: text('kind').notNull(),
    // open | dismissed | merged
    status: text('status').notNull(),
    patientId: uuid('patient_id').notNull(),
    otherPatientId: uuid('other_patient_id'),
    reasons: text('reasons').array().notNull().default(sql`'{}'::text[]`),
    score: smallint('score'),
    note: text('note'),
    detectedAt: timestamp('detected_at', { withTimezone: true }).notNull(),
    detectedBy: uuid('detected_by'),
    resolvedAt: timestamp('resolved_at', { withTimezone: true }),
    resolvedBy: uuid('resolved_by'),
    resolution: text('resolution'),
  },
  (t) => [
    index('identity_suspicions_status_idx').on(t.status, t.detectedAt),
    index('identity_suspicions_patient_idx').on(t.patientId),
    index('identity_suspicions_other_idx').on(t.otherPatientId),
  ],
);

/** A merge keeps the survivor; the files it moved are listed so an un-merge moves exactly those back. */
export const patientMerges = pgTable(
  'patient_merges',
  {
    id: uuid('id').primaryKey(),
    survivorId: uuid('survivor_id').notNull(),
    mergedId: uuid('merged_id').notNull(),
    reason: text('reason').notNull(),
    mergedAt: timestamp('merged_at', { withTimezone: true }).notNull(),
    mergedBy: uuid('merged_by'),
    movedFileIds: uuid('moved_file_ids').array().notNull(),
    // The merged record's attributes before the merge, restored by an un-merge
    mergedAttributes: text('merged_attributes').array().notNull(),
    undoUntil: timestamp('undo_until', { withTimezone: true }).notNull(),
    undoneAt: timestamp('undone_at', { withTimezone: true }),
    undoneBy: uuid('undone_by'),
    undoReason: text('undo_reason'),
  },
  (t) => [index('patient_merges_survivor_idx').on(t.survivorId), index('patient_merges_merged_idx').on(t.mergedId)],
);
