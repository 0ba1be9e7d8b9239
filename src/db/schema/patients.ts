// Tables of the patients capability. Minimal identity for now; the INS columns come with the identity issue.
import { date, index, integer, pgTable, text, timestamp, uuid } from 'drizzle-orm/pg-core';

export const patients = pgTable(
  'patients',
  {
    id: uuid('id').primaryKey(),
    birthName: text('birth_name').notNull(),
    usedName: text('used_name'),
    // first birth given name, then the full list as typed ("Marie Louise Jeanne")
    givenName: text('given_name').notNull(),
    birthGivenNames: text('birth_given_names'),
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
    // PROV | RECUP | VALI | QUAL (domain/rules.md §2); always PROV until the INS capability exists
    identityStatus: text('identity_status').notNull().default('PROV'),
    // Normalised names (no accents, lower case, hyphens as spaces) for indexed prefix search
    searchBirthName: text('search_birth_name').notNull(),
    searchUsedName: text('search_used_name'),
    searchGivenName: text('search_given_name').notNull(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull(),
    createdBy: uuid('created_by'),
    version: integer('version').notNull().default(1),
  },
  (t) => [
    index('patients_search_birth_name_idx').using('btree', t.searchBirthName.op('text_pattern_ops')),
    index('patients_search_used_name_idx').using('btree', t.searchUsedName.op('text_pattern_ops')),
    index('patients_birth_date_idx').on(t.birthDate),
  ],
);
