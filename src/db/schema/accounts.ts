// Tables of the accounts capability: people, structures, memberships, sessions, API tokens.
import { boolean, index, integer, pgTable, text, timestamp, uniqueIndex, uuid } from 'drizzle-orm/pg-core';

export const structures = pgTable('structures', {
  id: uuid('id').primaryKey(),
  name: text('name').notNull(),
  // dac | cpts | hospital | esms | practice | social_service
  kind: text('kind').notNull(),
  finess: text('finess'),
  siret: text('siret'),
  address: text('address'),
  communeInsee: text('commune_insee'),
  communeName: text('commune_name'),
  phone: text('phone'),
  createdAt: timestamp('created_at', { withTimezone: true }).notNull(),
  version: integer('version').notNull().default(1),
});

export const people = pgTable(
  'people',
  {
    id: uuid('id').primaryKey(),
    email: text('email').notNull(),
    passwordHash: text('password_hash'),
    givenName: text('given_name').notNull(),
    familyName: text('family_name').notNull(),
    // health | medico_social | social | none (caregivers, administrative staff)
    sector: text('sector').notNull(),
    profession: text('profession'),
    rpps: text('rpps'),
    adeli: text('adeli'),
    phone: text('phone'),
    // Normalised "family given" for prefix search (no accents, lower case).
    searchName: text('search_name').notNull(),
    totpSecret: text('totp_secret'),
    totpEnabled: boolean('totp_enabled').notNull().default(false),
    failedLogins: integer('failed_logins').notNull().default(0),
    lockedUntil: timestamp('locked_until', { withTimezone: true }),
    active: boolean('active').notNull().default(true),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull(),
    version: integer('version').notNull().default(1),
  },
  (t) => [
    uniqueIndex('people_email_key').on(t.email),
    uniqueIndex('people_rpps_key').on(t.rpps),
    index('people_search_name_idx').using('btree', t.searchName.op('text_pattern_ops')),
  ],
);

export const memberships = pgTable(
  'memberships',
  {
    id: uuid('id').primaryKey(),
    personId: uuid('person_id').notNull().references(() => people.id),
    structureId: uuid('structure_id').notNull().references(() => structures.id),
    // coordinator | professional | structure_admin | regional_viewer | platform_admin
    role: text('role').notNull(),
    // The structure's referent for identity vigilance (RNIV): reviews suspected duplicates and merges.
    identityReferent: boolean('identity_referent').notNull().default(false),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull(),
    endedAt: timestamp('ended_at', { withTimezone: true }),
  },
  (t) => [index('memberships_person_idx').on(t.personId), index('memberships_structure_idx').on(t.structureId)],
);

export const sessions = pgTable(
  'sessions',
  {
    // SHA-256 of the cookie value: a stolen database dump gives no usable session.
    idHash: text('id_hash').primaryKey(),
    personId: uuid('person_id').notNull().references(() => people.id),
    membershipId: uuid('membership_id').references(() => memberships.id),
    csrfToken: text('csrf_token').notNull(),
    // false while the second factor is still owed
    complete: boolean('complete').notNull(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull(),
    lastSeenAt: timestamp('last_seen_at', { withTimezone: true }).notNull(),
    expiresAt: timestamp('expires_at', { withTimezone: true }).notNull(),
    clientIp: text('client_ip'),
    userAgent: text('user_agent'),
  },
  (t) => [index('sessions_person_idx').on(t.personId)],
);

export const apiTokens = pgTable(
  'api_tokens',
  {
    id: uuid('id').primaryKey(),
    personId: uuid('person_id').notNull().references(() => people.id),
    membershipId: uuid('membership_id').references(() => memberships.id),
    name: text('name').notNull(),
    tokenHash: text('token_hash').notNull(),
    // first characters of the token, shown so a user can tell tokens apart
    prefix: text('prefix').notNull(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull(),
    lastUsedAt: timestamp('last_used_at', { withTimezone: true }),
    revokedAt: timestamp('revoked_at', { withTimezone: true }),
  },
  (t) => [uniqueIndex('api_tokens_hash_key').on(t.tokenHash), index('api_tokens_person_idx').on(t.personId)],
);
