// Tables of the referrals capability: requests for support (demandes d'appui) sent to a DAC and
// the steps of their triage, each timed.
import { sql } from 'drizzle-orm';
import { boolean, date, index, integer, pgTable, text, timestamp, uuid } from 'drizzle-orm/pg-core';

export const referrals = pgTable(
  'referrals',
  {
    id: uuid('id').primaryKey(),
    // the DAC (or other coordinating structure) the request is addressed to
    structureId: uuid('structure_id').notNull(),
    // received | info_requested | accepted | redirected | closed
    status: text('status').notNull(),
    // app | public_form | phone
    channel: text('channel').notNull(),
    // national DAC reporting: who asks (gp, nurse, hospital, esms, social_worker, patient, relative…)
    requesterCategory: text('requester_category').notNull(),
    requesterPersonId: uuid('requester_person_id'),
    requesterName: text('requester_name').notNull(),
    requesterPhone: text('requester_phone'),
    requesterEmail: text('requester_email'),
    // the person concerned, as the requester describes them; patientId once matched by the DAC
    patientId: uuid('patient_id'),
    patientGivenName: text('patient_given_name').notNull(),
    patientFamilyName: text('patient_family_name').notNull(),
    patientBirthDate: date('patient_birth_date'),
    patientCommuneInsee: text('patient_commune_insee'),
    patientPhone: text('patient_phone'),
    situation: text('situation').notNull(),
    // complexity criteria from referrals/rules.ts (isolation, falls, …)
    criteria: text('criteria').array().notNull().default(sql`'{}'::text[]`),
    // within_48h | within_week | within_month | not_urgent
    urgency: text('urgency').notNull(),
    consentToContact: boolean('consent_to_contact').notNull(),
    // DAC mission 1 (information_orientation) | 2 (complex_path) | 3 (territorial); set at triage
    mission: text('mission'),
    assignedTo: uuid('assigned_to'),
    fileId: uuid('file_id'),
    // redirection to another structure of the directory (organization id) or of Trame
    redirectedToOrganizationId: uuid('redirected_to_organization_id'),
    redirectedToName: text('redirected_to_name'),
    closureReason: text('closure_reason'),
    // what the requester is told about the outcome
    outcomeMessage: text('outcome_message'),
    // public requests: SHA-256 of the tracking code given to the requester to follow the outcome
    trackingCodeHash: text('tracking_code_hash'),
    receivedAt: timestamp('received_at', { withTimezone: true }).notNull(),
    firstResponseAt: timestamp('first_response_at', { withTimezone: true }),
    decidedAt: timestamp('decided_at', { withTimezone: true }),
    version: integer('version').notNull().default(1),
  },
  (t) => [
    index('referrals_structure_status_idx').on(t.structureId, t.status, t.receivedAt),
    index('referrals_requester_idx').on(t.requesterPersonId, t.receivedAt),
    index('referrals_patient_idx').on(t.patientId),
    index('referrals_tracking_idx').on(t.trackingCodeHash),
  ],
);

export const referralSteps = pgTable(
  'referral_steps',
  {
    id: uuid('id').primaryKey(),
    referralId: uuid('referral_id').notNull().references(() => referrals.id),
    at: timestamp('at', { withTimezone: true }).notNull(),
    // null for the public form
    actorId: uuid('actor_id'),
    // submitted | assigned | info_requested | info_added | accepted | redirected | closed | note
    kind: text('kind').notNull(),
    message: text('message'),
  },
  (t) => [index('referral_steps_referral_idx').on(t.referralId, t.at)],
);
