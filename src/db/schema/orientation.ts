// Tables of the orientation capability: the operational offers of structures (ROR "offre
// opérationnelle") and the orientation requests sent from a coordination file.
import { sql } from 'drizzle-orm';
import { boolean, doublePrecision, index, integer, jsonb, pgTable, smallint, text, timestamp, uuid } from 'drizzle-orm/pg-core';

export type OpeningHours = { day: number; opens: string; closes: string }[];

export const orientationOffers = pgTable(
  'orientation_offers',
  {
    id: uuid('id').primaryKey(),
    // the directory organization (FINESS establishment) offering it
    organizationId: uuid('organization_id').notNull(),
    name: text('name').notNull(),
    // kind of care from the thesaurus in orientation/rules.ts (CARE_KINDS)
    careKind: text('care_kind').notNull(),
    specialties: text('specialties').array().notNull().default(sql`'{}'::text[]`),
    // target population: ages (inclusive, null = no bound) and conditions accepted
    ageMin: smallint('age_min'),
    ageMax: smallint('age_max'),
    conditions: text('conditions').array().notNull().default(sql`'{}'::text[]`),
    capacity: integer('capacity'),
    freePlaces: integer('free_places'),
    freePlacesAt: timestamp('free_places_at', { withTimezone: true }),
    // where the care is given (defaults to the organization's place) and the communes served
    communeInsee: text('commune_insee'),
    latitude: doublePrecision('latitude'),
    longitude: doublePrecision('longitude'),
    servedCommunes: text('served_communes').array().notNull().default(sql`'{}'::text[]`),
    // "careKind:commune" for each served commune: one GIN lookup answers "this kind, serving this commune"
    servedKeys: text('served_keys').array().notNull().default(sql`'{}'::text[]`),
    contactPhone: text('contact_phone'),
    contactEmail: text('contact_email'),
    contactMssante: text('contact_mssante'),
    openingHours: jsonb('opening_hours').$type<OpeningHours>().notNull().default(sql`'[]'::jsonb`),
    description: text('description'),
    active: boolean('active').notNull().default(true),
    // completeness of the ROR description (indicator 3.2), recomputed on every write
    complete: boolean('complete').notNull().default(false),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull(),
    version: integer('version').notNull().default(1),
  },
  (t) => [
    index('orientation_offers_organization_idx').on(t.organizationId),
    index('orientation_offers_kind_idx').on(t.careKind).where(sql`${t.active}`),
    index('orientation_offers_specialties_idx').using('gin', t.specialties),
    index('orientation_offers_served_idx').using('gin', t.servedCommunes),
    index('orientation_offers_served_keys_idx').using('gin', t.servedKeys),
    // offers of a kind within a latitude band: the bounding box of "within the radius"
    index('orientation_offers_position_idx').on(t.careKind, t.latitude).where(sql`${t.active}`),
  ],
);

export const orientationRequests = pgTable(
  'orientation_requests',
  {
    id: uuid('id').primaryKey(),
    fileId: uuid('file_id').notNull(),
    patientId: uuid('patient_id').notNull(),
    offerId: uuid('offer_id').notNull().references(() => orientationOffers.id),
    organizationId: uuid('organization_id').notNull(),
    requestedBy: uuid('requested_by').notNull(),
    requesterStructureId: uuid('requester_structure_id'),
    message: text('message').notNull(),
    // sent | accepted | refused | waiting_list | cancelled
    status: text('status').notNull(),
    refusalReason: text('refusal_reason'),
    answerNote: text('answer_note'),
    answeredBy: uuid('answered_by'),
    answeredAt: timestamp('answered_at', { withTimezone: true }),
    // true when the requester typed an answer received by phone or mail
    answerRecordedByRequester: boolean('answer_recorded_by_requester').notNull().default(false),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull(),
    version: integer('version').notNull().default(1),
  },
  (t) => [
    index('orientation_requests_file_idx').on(t.fileId, t.createdAt.desc()),
    index('orientation_requests_organization_idx').on(t.organizationId, t.status),
  ],
);
