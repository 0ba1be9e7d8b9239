// SQL of the directory's reads: search and pages of professionals and establishments, mailboxes.
// Gone records (absent from the latest full extraction) are left out of searches, shown on pages.
import { and, asc, eq, inArray, isNull, sql, type SQL } from 'drizzle-orm';
import { directoryActivities, directoryMssanteAddresses, directoryOrganizations, directoryProfessionals } from '#src/db/schema/index.ts';
import type { Db } from '#src/core/db/connect.ts';
import { queryRows } from '#src/core/db/rows.ts';
import { likePrefix } from '#src/core/search-text.ts';

export type ProfessionalRow = typeof directoryProfessionals.$inferSelect;
export type ActivityRow = typeof directoryActivities.$inferSelect;
export type OrganizationRow = typeof directoryOrganizations.$inferSelect;
export type MailboxRow = typeof directoryMssanteAddresses.$inferSelect;

export type ProfessionalQuery = {
  /** normalised name prefix ("mercier a") */
  name?: string | undefined;
  idNatPs?: string | undefined;
  professionCode?: string | undefined;
  skillCode?: string | undefined;
  communeInsee?: string | undefined;
  limit: number;
  offset: number;
};

export async function searchProfessionals(db: Db, q: ProfessionalQuery): Promise<ProfessionalRow[]> {
  const where: SQL[] = [isNull(directoryProfessionals.goneImportId)];
  if (q.name) where.push(sql`${directoryProfessionals.searchName} LIKE ${likePrefix(q.name)}`);
  if (q.idNatPs) where.push(eq(directoryProfessionals.idNatPs, q.idNatPs));
  if (q.professionCode) where.push(eq(directoryProfessionals.professionCode, q.professionCode));
  if (q.skillCode || q.communeInsee) {
    const practice: SQL[] = [sql`a.professional_id = ${directoryProfessionals.id}`, sql`a.gone_import_id IS NULL`];
    if (q.skillCode) practice.push(sql`a.skill_code = ${q.skillCode}`);
    if (q.communeInsee) practice.push(sql`a.commune_insee = ${q.communeInsee}`);
    where.push(sql`EXISTS (SELECT 1 FROM directory_activities a WHERE ${sql.join(practice, sql` AND `)})`);
  }
  return db
    .select()
    .from(directoryProfessionals)
    .where(and(...where))
    .orderBy(asc(directoryProfessionals.searchName), asc(directoryProfessionals.id))
    .limit(q.limit)
    .offset(q.offset);
}

export async function findProfessional(db: Db, id: string): Promise<ProfessionalRow | undefined> {
  const [row] = await db.select().from(directoryProfessionals).where(eq(directoryProfessionals.id, id)).limit(1);
  return row;
}

export async function findProfessionalsByIds(db: Db, ids: readonly string[]): Promise<ProfessionalRow[]> {
  if (ids.length === 0) return [];
  return db.select().from(directoryProfessionals).where(inArray(directoryProfessionals.id, [...ids]));
}

export async function findActivitiesOf(db: Db, professionalIds: readonly string[]): Promise<ActivityRow[]> {
  if (professionalIds.length === 0) return [];
  return db
    .select()
    .from(directoryActivities)
    .where(inArray(directoryActivities.professionalId, [...professionalIds]))
    .orderBy(asc(directoryActivities.siteName));
}

export async function findActivity(db: Db, id: string): Promise<ActivityRow | undefined> {
  const [row] = await db.select().from(directoryActivities).where(eq(directoryActivities.id, id)).limit(1);
  return row;
}

export type ActivityQuery = { professionalId?: string | undefined; siteFiness?: string | undefined; communeInsee?: string | undefined; skillCode?: string | undefined; limit: number; offset: number };

export async function searchActivities(db: Db, q: ActivityQuery): Promise<ActivityRow[]> {
  const where: SQL[] = [isNull(directoryActivities.goneImportId)];
  if (q.professionalId) where.push(eq(directoryActivities.professionalId, q.professionalId));
  if (q.siteFiness) where.push(eq(directoryActivities.siteFiness, q.siteFiness));
  if (q.communeInsee) where.push(eq(directoryActivities.communeInsee, q.communeInsee));
  if (q.skillCode) where.push(eq(directoryActivities.skillCode, q.skillCode));
  return db.select().from(directoryActivities).where(and(...where)).orderBy(asc(directoryActivities.id)).limit(q.limit).offset(q.offset);
}

export type OrganizationQuery = {
  /** normalised words the name contains ("hospitalier anjou") */
  name?: string | undefined;
  finess?: string | undefined;
  categoryCode?: string | undefined;
  communeInsee?: string | undefined;
  structureId?: string | undefined;
  limit: number;
  offset: number;
};

export async function searchOrganizations(db: Db, q: OrganizationQuery): Promise<OrganizationRow[]> {
  const where: SQL[] = [isNull(directoryOrganizations.goneImportId)];
  // every typed word appears somewhere in the name (the trigram index serves these LIKEs)
  const words = (q.name ?? '').split(' ').filter(Boolean);
  for (const word of words) where.push(sql`${directoryOrganizations.searchName} LIKE ${'%' + likePrefix(word)}`);
  if (q.finess) where.push(eq(directoryOrganizations.finess, q.finess));
  if (q.categoryCode) where.push(eq(directoryOrganizations.categoryCode, q.categoryCode));
  if (q.communeInsee) where.push(eq(directoryOrganizations.communeInsee, q.communeInsee));
  if (q.structureId) where.push(eq(directoryOrganizations.structureId, q.structureId));
  return db
    .select()
    .from(directoryOrganizations)
    .where(and(...where))
    .orderBy(
      // names that start with what was typed come first
      sql`${directoryOrganizations.searchName} LIKE ${likePrefix(words[0] ?? '')} DESC`,
      asc(directoryOrganizations.searchName),
      asc(directoryOrganizations.id),
    )
    .limit(q.limit)
    .offset(q.offset);
}

export async function findOrganization(db: Db, id: string): Promise<OrganizationRow | undefined> {
  const [row] = await db.select().from(directoryOrganizations).where(eq(directoryOrganizations.id, id)).limit(1);
  return row;
}

export async function findOrganizationsByIds(db: Db, ids: readonly string[]): Promise<OrganizationRow[]> {
  if (ids.length === 0) return [];
  return db.select().from(directoryOrganizations).where(inArray(directoryOrganizations.id, [...ids]));
}

export async function findOrganizationsByFiness(db: Db, finess: readonly string[]): Promise<OrganizationRow[]> {
  if (finess.length === 0) return [];
  return db.select().from(directoryOrganizations).where(inArray(directoryOrganizations.finess, [...finess]));
}

export async function setOrganizationStructure(db: Db, id: string, structureId: string | null): Promise<void> {
  await db.update(directoryOrganizations).set({ structureId }).where(eq(directoryOrganizations.id, id));
}

/** Links establishments to Trame structures with the same FINESS, where no link was set. */
export async function linkStructuresByFiness(db: Db, links: { finess: string; structureId: string }[]): Promise<number> {
  if (links.length === 0) return 0;
  const result = await queryRows<{ id: string }>(db, sql`
    UPDATE directory_organizations AS o SET structure_id = l.structure_id
    FROM jsonb_to_recordset(${JSON.stringify(links.map((l) => ({ finess: l.finess, structure_id: l.structureId })))}::jsonb) AS l(finess text, structure_id uuid)
    WHERE o.finess = l.finess AND o.structure_id IS NULL
    RETURNING o.id`);
  return result.length;
}

export async function findMailboxes(db: Db, by: { idNatPs?: readonly string[]; finess?: readonly string[] }): Promise<MailboxRow[]> {
  const where: SQL[] = [];
  if (by.idNatPs?.length) where.push(inArray(directoryMssanteAddresses.idNatPs, [...by.idNatPs]));
  if (by.finess?.length) where.push(and(inArray(directoryMssanteAddresses.finess, [...by.finess]), eq(directoryMssanteAddresses.boxType, 'ORG'))!);
  if (where.length === 0) return [];
  return db
    .select()
    .from(directoryMssanteAddresses)
    .where(and(isNull(directoryMssanteAddresses.goneImportId), sql`(${sql.join(where, sql` OR `)})`))
    .orderBy(asc(directoryMssanteAddresses.address));
}

/** Where a commune is, for distances: the mean position of its geolocated establishments (decision 0007). */
export async function communePoint(db: Db, communeInsee: string): Promise<{ latitude: number; longitude: number } | null> {
  const result = await queryRows<{ latitude: number | null; longitude: number | null }>(db, sql`
    SELECT avg(latitude) AS latitude, avg(longitude) AS longitude FROM directory_organizations
    WHERE commune_insee = ${communeInsee} AND latitude IS NOT NULL AND gone_import_id IS NULL`);
  const row = result[0];
  if (row?.latitude == null || row.longitude == null) return null;
  return { latitude: Number(row.latitude), longitude: Number(row.longitude) };
}

export async function countCurrent(db: Db): Promise<{ professionals: number; organizations: number; mailboxes: number }> {
  const result = await queryRows<{ professionals: string; organizations: string; mailboxes: string }>(db, sql`
    SELECT (SELECT count(*) FROM directory_professionals WHERE gone_import_id IS NULL) AS professionals,
           (SELECT count(*) FROM directory_organizations WHERE gone_import_id IS NULL) AS organizations,
           (SELECT count(*) FROM directory_mssante_addresses WHERE gone_import_id IS NULL) AS mailboxes`);
  const row = result[0]!;
  return { professionals: Number(row.professionals), organizations: Number(row.organizations), mailboxes: Number(row.mailboxes) };
}

export async function countByCategory(db: Db): Promise<{ categoryCode: string | null; count: number }[]> {
  const rows = await db
    .select({ categoryCode: directoryOrganizations.categoryCode, count: sql<string>`count(*)` })
    .from(directoryOrganizations)
    .where(isNull(directoryOrganizations.goneImportId))
    .groupBy(directoryOrganizations.categoryCode);
  return rows.map((r) => ({ categoryCode: r.categoryCode, count: Number(r.count) }));
}

export async function findCategories(db: Db, ids: readonly string[]): Promise<{ id: string; categoryCode: string | null }[]> {
  if (ids.length === 0) return [];
  return db
    .select({ id: directoryOrganizations.id, categoryCode: directoryOrganizations.categoryCode })
    .from(directoryOrganizations)
    .where(sql`${directoryOrganizations.id} IN (SELECT jsonb_array_elements_text(${JSON.stringify(ids)}::jsonb)::uuid)`);
}
