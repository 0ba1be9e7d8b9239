// SQL of directory imports: batch upserts that record what each run added, changed or found gone.
// A batch travels as one JSON parameter (jsonb_to_recordset): one round trip per batch, NULLs kept,
// and the same statement runs on PostgreSQL and PGlite.
import { and, desc, eq, sql, type SQL } from 'drizzle-orm';
import { directoryImportChanges, directoryImportProblems, directoryImports } from '#src/db/schema/index.ts';
import type { Db } from '#src/core/db/connect.ts';
import { queryRows } from '#src/core/db/rows.ts';

export type ImportRow = typeof directoryImports.$inferSelect;
export type ImportKind = 'rpps' | 'finess' | 'mssante';
export type RecordKind = 'professional' | 'activity' | 'organization' | 'mailbox';
export type Change = 'added' | 'changed' | 'gone';
/** What one upserted row became in this run. */
/** `again`: added earlier in this same run (a key repeated in the file): not counted twice. */
export type UpsertOutcome = { id: string; identifier: string; label: string; inserted: boolean; changed: boolean; again: boolean };

export async function insertImport(db: Db, row: typeof directoryImports.$inferInsert): Promise<void> {
  await db.insert(directoryImports).values(row);
}

export async function updateImport(db: Db, id: string, changes: Partial<typeof directoryImports.$inferInsert>): Promise<void> {
  await db.update(directoryImports).set(changes).where(eq(directoryImports.id, id));
}

export async function findImport(db: Db, id: string): Promise<ImportRow | undefined> {
  const [row] = await db.select().from(directoryImports).where(eq(directoryImports.id, id)).limit(1);
  return row;
}

export async function listImports(db: Db, limit: number): Promise<ImportRow[]> {
  return db.select().from(directoryImports).orderBy(desc(directoryImports.startedAt)).limit(limit);
}

export async function findRunningImport(db: Db, kind: ImportKind): Promise<ImportRow | undefined> {
  const [row] = await db
    .select()
    .from(directoryImports)
    .where(and(eq(directoryImports.kind, kind), eq(directoryImports.status, 'running')))
    .limit(1);
  return row;
}

export async function lastFinishedImport(db: Db, kind: ImportKind): Promise<ImportRow | undefined> {
  const [row] = await db
    .select()
    .from(directoryImports)
    .where(and(eq(directoryImports.kind, kind), eq(directoryImports.status, 'done')))
    .orderBy(desc(directoryImports.finishedAt))
    .limit(1);
  return row;
}

/** Runs left "running" by a process that stopped: nobody will finish them. */
export async function markInterruptedImports(db: Db, now: Date): Promise<number> {
  const rows = await db
    .update(directoryImports)
    .set({ status: 'interrupted', finishedAt: now, error: 'process stopped during the import' })
    .where(eq(directoryImports.status, 'running'))
    .returning({ id: directoryImports.id });
  return rows.length;
}

export async function insertProblems(db: Db, rows: { importId: string; lineNo: number; message: string }[]): Promise<void> {
  if (rows.length > 0) await db.insert(directoryImportProblems).values(rows);
}

export async function listProblems(db: Db, importId: string, limit: number) {
  return db
    .select({ lineNo: directoryImportProblems.lineNo, message: directoryImportProblems.message })
    .from(directoryImportProblems)
    .where(eq(directoryImportProblems.importId, importId))
    .orderBy(directoryImportProblems.lineNo)
    .limit(limit);
}

export async function insertChanges(db: Db, rows: (typeof directoryImportChanges.$inferInsert)[]): Promise<void> {
  if (rows.length > 0) await db.insert(directoryImportChanges).values(rows);
}

export async function listChanges(db: Db, importId: string, limit: number) {
  return db
    .select({
      change: directoryImportChanges.change,
      recordKind: directoryImportChanges.recordKind,
      identifier: directoryImportChanges.identifier,
      label: directoryImportChanges.label,
    })
    .from(directoryImportChanges)
    .where(eq(directoryImportChanges.importId, importId))
    .limit(limit);
}

// ---- upserts ------------------------------------------------------------------------------------

type Column = { name: string; type: 'text' | 'uuid' | 'float8' | 'timestamptz' };

/** The table-specific part of an upsert: its columns (snake_case, as JSON keys), key and label. */
type UpsertShape = { table: string; key: string; columns: Column[]; label: SQL };

const MARKS: Column[] = [
  { name: 'id', type: 'uuid' },
  { name: 'content_hash', type: 'text' },
  { name: 'first_import_id', type: 'uuid' },
  { name: 'seen_import_id', type: 'uuid' },
  { name: 'updated_at', type: 'timestamptz' },
];

const text = (...names: string[]): Column[] => names.map((name) => ({ name, type: 'text' }));

export const PROFESSIONAL_SHAPE: UpsertShape = {
  table: 'directory_professionals',
  key: 'id_nat_ps',
  columns: [...MARKS, ...text('id_nat_ps', 'rpps', 'civility', 'family_name', 'given_name', 'profession_code', 'profession_label', 'category_code', 'search_name')],
  label: sql.raw(`t.family_name || ' ' || t.given_name`),
};

export const ACTIVITY_SHAPE: UpsertShape = {
  table: 'directory_activities',
  key: 'activity_key',
  columns: [
    ...MARKS,
    { name: 'professional_id', type: 'uuid' },
    ...text('activity_key', 'mode_code', 'mode_label', 'role_code', 'role_label', 'skill_code', 'skill_label', 'site_siret', 'site_finess', 'legal_finess', 'site_name', 'address', 'postal_code', 'commune_insee', 'commune_name', 'phone', 'email'),
  ],
  label: sql.raw(`coalesce(t.site_name, '') || ' ' || coalesce(t.commune_name, '')`),
};

export const ORGANIZATION_SHAPE: UpsertShape = {
  table: 'directory_organizations',
  key: 'finess',
  columns: [
    ...MARKS,
    ...text('finess', 'legal_finess', 'name', 'long_name', 'category_code', 'category_label', 'aggregate_code', 'aggregate_label', 'siret', 'address', 'postal_code', 'commune_insee', 'commune_name', 'phone', 'opened_on', 'search_name'),
  ],
  label: sql.raw(`t.name || ' ' || coalesce(t.commune_name, '')`),
};

export const MAILBOX_SHAPE: UpsertShape = {
  table: 'directory_mssante_addresses',
  key: 'address',
  columns: [...MARKS, ...text('address', 'box_type', 'id_nat_ps', 'structure_id_kind', 'structure_identifier', 'finess', 'service', 'label')],
  label: sql.raw(`coalesce(t.label, t.address)`),
};

/**
 * Inserts new rows and updates known ones (matched on the shape's key). A row whose content hash
 * differs, or that was gone and came back, is marked changed by this run; every row is marked seen.
 * Rows must have distinct keys (one batch cannot touch a row twice).
 */
export async function upsertBatch(db: Db, shape: UpsertShape, importId: string, rows: Record<string, unknown>[]): Promise<UpsertOutcome[]> {
  if (rows.length === 0) return [];
  const names = shape.columns.map((c) => c.name);
  const recordType = shape.columns.map((c) => `${c.name} ${c.type}`).join(', ');
  const updates = names
    .filter((n) => n !== 'id' && n !== 'first_import_id' && n !== shape.key && n !== 'updated_at')
    .map((n) => `${n} = excluded.${n}`);
  const changedNow = `t.content_hash <> excluded.content_hash OR t.gone_import_id IS NOT NULL`;
  // xmax = 0 only on a row this statement inserted (an upsert's update sets it): added, whatever the batch
  const result = await queryRows<UpsertOutcome>(db, sql`
    INSERT INTO ${sql.raw(shape.table)} AS t (${sql.raw(names.join(', '))})
    SELECT ${sql.raw(names.join(', '))} FROM jsonb_to_recordset(${JSON.stringify(rows)}::jsonb) AS r(${sql.raw(recordType)})
    ON CONFLICT (${sql.raw(shape.key)}) DO UPDATE SET ${sql.raw(updates.join(', '))},
      changed_import_id = CASE WHEN ${sql.raw(changedNow)} THEN excluded.seen_import_id ELSE t.changed_import_id END,
      updated_at = CASE WHEN ${sql.raw(changedNow)} THEN excluded.updated_at ELSE t.updated_at END,
      gone_import_id = NULL
    RETURNING t.id, t.${sql.raw(shape.key)} AS identifier, ${shape.label} AS label,
      (t.xmax = 0) AS inserted,
      (t.xmax <> 0 AND t.first_import_id <> ${importId} AND t.changed_import_id IS NOT NULL AND t.changed_import_id = ${importId}) AS changed,
      (t.xmax <> 0 AND t.first_import_id = ${importId}) AS again`);
  return result;
}

/** Geolocation lines come after the establishments: they only fill coordinates in, as a change when they move. */
export async function updateCoordinates(db: Db, importId: string, now: Date, rows: { finess: string; latitude: number; longitude: number }[]): Promise<UpsertOutcome[]> {
  if (rows.length === 0) return [];
  const result = await queryRows<UpsertOutcome>(db, sql`
    UPDATE directory_organizations AS t
    SET latitude = r.latitude, longitude = r.longitude, updated_at = ${now.toISOString()}::timestamptz,
        changed_import_id = CASE WHEN t.first_import_id = ${importId} THEN t.changed_import_id ELSE ${importId}::uuid END
    FROM jsonb_to_recordset(${JSON.stringify(rows)}::jsonb) AS r(finess text, latitude float8, longitude float8)
    WHERE t.finess = r.finess
      AND (t.latitude IS DISTINCT FROM r.latitude OR t.longitude IS DISTINCT FROM r.longitude)
    RETURNING t.id, t.finess AS identifier, t.name AS label, false AS inserted, (t.first_import_id <> ${importId}) AS changed, false AS again`);
  return result;
}

/** Marks gone whatever a full extraction no longer holds; returns how many, and the first ones for the diff. */
export async function markGone(db: Db, shape: UpsertShape, importId: string, sampleSize: number): Promise<{ count: number; sample: { identifier: string; label: string }[] }> {
  const result = await queryRows<{ identifier: string; label: string; total: string }>(db, sql`
    WITH gone AS (
      UPDATE ${sql.raw(shape.table)} AS t SET gone_import_id = ${importId}
      WHERE t.seen_import_id <> ${importId} AND t.gone_import_id IS NULL
      RETURNING t.${sql.raw(shape.key)} AS identifier, ${shape.label} AS label)
    SELECT identifier, label, count(*) OVER () AS total FROM gone LIMIT ${Math.max(sampleSize, 1)}`);
  const count = Number(result[0]?.total ?? 0);
  return { count, sample: result.slice(0, sampleSize).map(({ identifier, label }) => ({ identifier, label })) };
}
