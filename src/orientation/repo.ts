// SQL of orientation: operational offers, the orientation search, requests and their answers.
import { and, asc, desc, eq, getTableColumns, inArray, sql, type SQL } from 'drizzle-orm';
import { orientationOffers, orientationRequests } from '#src/db/schema/index.ts';
import type { Db } from '#src/core/db/connect.ts';
import { boundingBox } from './rules.ts';
import { queryRows } from '#src/core/db/rows.ts';

export type OfferRow = typeof orientationOffers.$inferSelect;
export type OfferInsert = typeof orientationOffers.$inferInsert;
export type RequestRow = typeof orientationRequests.$inferSelect;

export async function insertOffer(db: Db, row: OfferInsert): Promise<void> {
  await db.insert(orientationOffers).values(row);
}

export async function findOffer(db: Db, id: string): Promise<OfferRow | undefined> {
  const [row] = await db.select().from(orientationOffers).where(eq(orientationOffers.id, id)).limit(1);
  return row;
}

export async function findOffersByIds(db: Db, ids: readonly string[]): Promise<OfferRow[]> {
  if (ids.length === 0) return [];
  return db.select().from(orientationOffers).where(inArray(orientationOffers.id, [...ids]));
}

export async function updateOfferIfVersion(db: Db, id: string, version: number, changes: Partial<OfferInsert>): Promise<boolean> {
  const rows = await db
    .update(orientationOffers)
    .set({ ...changes, version: version + 1 })
    .where(and(eq(orientationOffers.id, id), eq(orientationOffers.version, version)))
    .returning({ id: orientationOffers.id });
  return rows.length === 1;
}

export type OfferListQuery = { organizationId?: string | undefined; careKind?: string | undefined; specialty?: string | undefined; communeInsee?: string | undefined; limit: number; offset: number };

export async function listOffers(db: Db, q: OfferListQuery): Promise<OfferRow[]> {
  const where: SQL[] = [];
  if (q.organizationId) where.push(eq(orientationOffers.organizationId, q.organizationId));
  if (q.careKind) where.push(eq(orientationOffers.careKind, q.careKind));
  if (q.specialty) where.push(sql`${orientationOffers.specialties} @> ARRAY[${q.specialty}]::text[]`);
  if (q.communeInsee) where.push(eq(orientationOffers.communeInsee, q.communeInsee));
  return db
    .select()
    .from(orientationOffers)
    .where(and(...where))
    .orderBy(desc(orientationOffers.active), asc(orientationOffers.name), asc(orientationOffers.id))
    .limit(q.limit)
    .offset(q.offset);
}

export type OfferSearch = {
  careKind?: string | undefined;
  specialty?: string | undefined;
  condition?: string | undefined;
  age?: number | undefined;
  freeOnly: boolean;
  communeInsee?: string | undefined;
  /** where the patient lives, when known: distances and the radius need it */
  point: { latitude: number; longitude: number } | null;
  radiusKm: number;
  limit: number;
};

export type SearchHit = OfferRow & { serves: boolean; km: number | null };

/**
 * Active offers that meet the need, ranked as rules.compareCandidates says: serving the patient's
 * commune, then with free places, then nearest. Outside the served area, only offers within the radius.
 */
export async function searchOffers(db: Db, q: OfferSearch): Promise<SearchHit[]> {
  const o = orientationOffers;
  const where: SQL[] = [eq(o.active, true)];
  if (q.careKind) where.push(eq(o.careKind, q.careKind));
  if (q.specialty) where.push(sql`${o.specialties} @> ARRAY[${q.specialty}]::text[]`);
  if (q.condition) where.push(sql`${o.conditions} @> ARRAY[${q.condition}]::text[]`);
  if (q.age !== undefined) where.push(sql`(${o.ageMin} IS NULL OR ${o.ageMin} <= ${q.age}) AND (${o.ageMax} IS NULL OR ${o.ageMax} >= ${q.age})`);
  if (q.freeOnly) where.push(sql`${o.freePlaces} > 0`);
  // with a kind of care, one GIN key answers "this kind, serving this commune"
  const serves = !q.communeInsee
    ? sql<boolean>`false`
    : q.careKind
      ? sql<boolean>`(${o.servedKeys} @> ARRAY[${`${q.careKind}:${q.communeInsee}`}]::text[])`
      : sql<boolean>`(${o.servedCommunes} @> ARRAY[${q.communeInsee}]::text[])`;
  const km = q.point
    ? sql<number | null>`(2 * 6371 * asin(least(1, sqrt(
        power(sin(radians(${o.latitude} - ${q.point.latitude}) / 2), 2) +
        cos(radians(${q.point.latitude})) * cos(radians(${o.latitude})) * power(sin(radians(${o.longitude} - ${q.point.longitude}) / 2), 2)))))`
    : sql<number | null>`NULL::float8`;
  // With a commune, results either serve it or lie within the radius (a bounding box first, which the
  // (care_kind, latitude) index serves, then the exact distance); without a position, serving it is the test.
  if (q.communeInsee && q.point) {
    const box = boundingBox(q.point, q.radiusKm);
    const near = sql`(${o.latitude} BETWEEN ${box.minLatitude} AND ${box.maxLatitude} AND ${o.longitude} BETWEEN ${box.minLongitude} AND ${box.maxLongitude} AND ${km} <= ${q.radiusKm})`;
    where.push(sql`(${serves} OR ${near})`);
  } else if (q.communeInsee) {
    where.push(serves);
  }
  const rows = await db
    .select({ ...getTableColumns(o), serves: serves.as('serves'), km: km.as('km') })
    .from(o)
    .where(and(...where))
    .orderBy(sql`serves DESC`, sql`(coalesce(${o.freePlaces}, 0) > 0) DESC`, sql`km ASC NULLS LAST`, asc(o.name), asc(o.id))
    .limit(q.limit);
  return rows.map((row) => ({ ...row, km: row.km === null ? null : Number(row.km) }));
}

/** Per establishment: active offers and how many are complete (indicator 3.2). */
export async function completenessByOrganization(db: Db, organizationIds?: readonly string[]): Promise<{ organizationId: string; active: number; complete: number }[]> {
  const filter = organizationIds ? sql`AND organization_id IN (SELECT jsonb_array_elements_text(${JSON.stringify(organizationIds)}::jsonb)::uuid)` : sql``;
  const result = await queryRows<{ organization_id: string; active: string; complete: string }>(db, sql`
    SELECT organization_id, count(*) FILTER (WHERE active) AS active, count(*) FILTER (WHERE active AND complete) AS complete
    FROM orientation_offers WHERE true ${filter} GROUP BY organization_id`);
  return result.map((r) => ({ organizationId: r.organization_id, active: Number(r.active), complete: Number(r.complete) }));
}

// ---- requests -----------------------------------------------------------------------------------

export async function insertRequest(db: Db, row: typeof orientationRequests.$inferInsert): Promise<void> {
  await db.insert(orientationRequests).values(row);
}

export async function findRequest(db: Db, id: string): Promise<RequestRow | undefined> {
  const [row] = await db.select().from(orientationRequests).where(eq(orientationRequests.id, id)).limit(1);
  return row;
}

export async function updateRequestIfVersion(db: Db, id: string, version: number, changes: Partial<RequestRow>): Promise<boolean> {
  const rows = await db
    .update(orientationRequests)
    .set({ ...changes, version: version + 1 })
    .where(and(eq(orientationRequests.id, id), eq(orientationRequests.version, version)))
    .returning({ id: orientationRequests.id });
  return rows.length === 1;
}

export async function listRequestsOfFile(db: Db, fileId: string): Promise<RequestRow[]> {
  return db.select().from(orientationRequests).where(eq(orientationRequests.fileId, fileId)).orderBy(desc(orientationRequests.createdAt));
}

export async function listRequestsTo(db: Db, organizationIds: readonly string[], status: string | undefined, limit: number): Promise<RequestRow[]> {
  if (organizationIds.length === 0) return [];
  const where: SQL[] = [inArray(orientationRequests.organizationId, [...organizationIds])];
  if (status) where.push(eq(orientationRequests.status, status));
  return db.select().from(orientationRequests).where(and(...where)).orderBy(desc(orientationRequests.createdAt)).limit(limit);
}
