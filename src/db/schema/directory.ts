// Tables of the directory capability: the regional directory fed by the national open-data
// extractions (Annuaire Santé for professionals, FINESS for establishments, the MSSanté directory),
// and the import runs that keep it up to date.
//
// Every imported row carries the imports that touched it: `first_import_id` (added),
// `seen_import_id` (present in the latest run), `changed_import_id` (content changed),
// `gone_import_id` (absent from a later full extraction; kept, never deleted, so history holds).
import { sql } from 'drizzle-orm';
import { boolean, doublePrecision, index, integer, jsonb, pgTable, text, timestamp, uniqueIndex, uuid } from 'drizzle-orm/pg-core';

export type RecordCounts = { added: number; changed: number; unchanged: number; gone: number };
export type ImportCounts = Partial<Record<'professional' | 'activity' | 'organization' | 'mailbox', RecordCounts>>;

const importMarks = {
  contentHash: text('content_hash').notNull(),
  firstImportId: uuid('first_import_id').notNull(),
  seenImportId: uuid('seen_import_id').notNull(),
  changedImportId: uuid('changed_import_id'),
  goneImportId: uuid('gone_import_id'),
  updatedAt: timestamp('updated_at', { withTimezone: true }).notNull(),
};

export const directoryProfessionals = pgTable(
  'directory_professionals',
  {
    id: uuid('id').primaryKey(),
    // "8" + RPPS, or "0" + ADELI: the national identifier of a health professional (idNatPs)
    idNatPs: text('id_nat_ps').notNull(),
    rpps: text('rpps'),
    civility: text('civility'),
    familyName: text('family_name').notNull(),
    givenName: text('given_name').notNull(),
    professionCode: text('profession_code'),
    professionLabel: text('profession_label'),
    categoryCode: text('category_code'),
    // normalised "family given" (no accents, lower case) for indexed prefix search
    searchName: text('search_name').notNull(),
    ...importMarks,
  },
  (t) => [
    uniqueIndex('directory_professionals_id_nat_ps_key').on(t.idNatPs),
    // search_name is COLLATE "C" (migration 0005, not expressible here) so this b-tree serves LIKE 'abc%'
    index('directory_professionals_search_idx').on(t.searchName),
    index('directory_professionals_profession_idx').on(t.professionCode),
  ],
);

// One practice of a professional: a role at a place (Annuaire Santé "activité" + "situation d'exercice").
export const directoryActivities = pgTable(
  'directory_activities',
  {
    id: uuid('id').primaryKey(),
    // idNatPs|structure technical id|mode|role|skill: what identifies a line of the extraction
    activityKey: text('activity_key').notNull(),
    professionalId: uuid('professional_id').notNull().references(() => directoryProfessionals.id),
    modeCode: text('mode_code'),
    modeLabel: text('mode_label'),
    roleCode: text('role_code'),
    roleLabel: text('role_label'),
    skillCode: text('skill_code'),
    skillLabel: text('skill_label'),
    siteSiret: text('site_siret'),
    siteFiness: text('site_finess'),
    legalFiness: text('legal_finess'),
    siteName: text('site_name'),
    address: text('address'),
    postalCode: text('postal_code'),
    communeInsee: text('commune_insee'),
    communeName: text('commune_name'),
    phone: text('phone'),
    email: text('email'),
    ...importMarks,
  },
  (t) => [
    uniqueIndex('directory_activities_key').on(t.activityKey),
    index('directory_activities_professional_idx').on(t.professionalId),
    index('directory_activities_commune_idx').on(t.communeInsee),
  ],
);

export const directoryOrganizations = pgTable(
  'directory_organizations',
  {
    id: uuid('id').primaryKey(),
    // FINESS of the establishment (ET); the legal entity's (EJ) beside it
    finess: text('finess').notNull(),
    legalFiness: text('legal_finess'),
    name: text('name').notNull(),
    longName: text('long_name'),
    categoryCode: text('category_code'),
    categoryLabel: text('category_label'),
    aggregateCode: text('aggregate_code'),
    aggregateLabel: text('aggregate_label'),
    siret: text('siret'),
    address: text('address'),
    postalCode: text('postal_code'),
    communeInsee: text('commune_insee'),
    communeName: text('commune_name'),
    phone: text('phone'),
    // WGS 84, converted from the extraction's Lambert 93 when it gives coordinates
    latitude: doublePrecision('latitude'),
    longitude: doublePrecision('longitude'),
    openedOn: text('opened_on'),
    searchName: text('search_name').notNull(),
    // The Trame structure this establishment is, when it uses the platform (set by an administrator)
    structureId: uuid('structure_id'),
    ...importMarks,
  },
  (t) => [
    uniqueIndex('directory_organizations_finess_key').on(t.finess),
    index('directory_organizations_search_idx').on(t.searchName),
    index('directory_organizations_name_trgm_idx').using('gin', t.searchName.op('gin_trgm_ops')),
    index('directory_organizations_commune_idx').on(t.communeInsee),
    index('directory_organizations_structure_idx').on(t.structureId),
  ],
);

// The MSSanté directory: one row per mailbox (personal, organisational or applicative).
export const directoryMssanteAddresses = pgTable(
  'directory_mssante_addresses',
  {
    id: uuid('id').primaryKey(),
    address: text('address').notNull(),
    // PER | ORG | APP
    boxType: text('box_type').notNull(),
    idNatPs: text('id_nat_ps'),
    // structure identifier as the extraction gives it (FINESS, SIRET…), with its kind
    structureIdKind: text('structure_id_kind'),
    structureIdentifier: text('structure_identifier'),
    finess: text('finess'),
    service: text('service'),
    label: text('label'),
    ...importMarks,
  },
  (t) => [
    uniqueIndex('directory_mssante_address_key').on(t.address),
    index('directory_mssante_id_nat_ps_idx').on(t.idNatPs),
    index('directory_mssante_finess_idx').on(t.finess),
  ],
);

export const directoryImports = pgTable(
  'directory_imports',
  {
    id: uuid('id').primaryKey(),
    // rpps | finess | mssante
    kind: text('kind').notNull(),
    fileName: text('file_name').notNull(),
    // running | done | failed | interrupted
    status: text('status').notNull(),
    startedAt: timestamp('started_at', { withTimezone: true }).notNull(),
    finishedAt: timestamp('finished_at', { withTimezone: true }),
    startedBy: uuid('started_by'),
    bytesTotal: integer('bytes_total'),
    bytesRead: integer('bytes_read').notNull().default(0),
    linesRead: integer('lines_read').notNull().default(0),
    // per record kind (professional, activity, organization, mailbox): added / changed / unchanged / gone
    counts: jsonb('counts').$type<ImportCounts>().notNull().default(sql`'{}'::jsonb`),
    // a partial extraction (one département, a sample) marks nothing gone
    partial: boolean('partial').notNull().default(false),
    badLines: integer('bad_lines').notNull().default(0),
    error: text('error'),
  },
  (t) => [index('directory_imports_kind_started_idx').on(t.kind, t.startedAt.desc())],
);

// The first bad lines of a run, with their line number (the run goes on past them).
export const directoryImportProblems = pgTable(
  'directory_import_problems',
  {
    importId: uuid('import_id').notNull().references(() => directoryImports.id),
    lineNo: integer('line_no').notNull(),
    message: text('message').notNull(),
  },
  (t) => [index('directory_import_problems_import_idx').on(t.importId, t.lineNo)],
);

// The first itemised changes of a run (added / changed / gone); the run row holds the full counts.
export const directoryImportChanges = pgTable(
  'directory_import_changes',
  {
    importId: uuid('import_id').notNull().references(() => directoryImports.id),
    // added | changed | gone
    change: text('change').notNull(),
    // professional | activity | organization | mailbox
    recordKind: text('record_kind').notNull(),
    identifier: text('identifier').notNull(),
    label: text('label').notNull(),
  },
  (t) => [index('directory_import_changes_import_idx').on(t.importId, t.change)],
);
