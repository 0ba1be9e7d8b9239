// SQL of the files capability: coordination files, care teams, journal entries.
import { and, desc, eq, gt, inArray, isNull, lt, lte, or, sql, type SQL } from 'drizzle-orm';
import { careTeamMembers, coordinationFiles, journalEntries } from '#src/db/schema/index.ts';
import type { Db } from '#src/core/db/connect.ts';

export type FileRow = typeof coordinationFiles.$inferSelect;
export type MemberRow = typeof careTeamMembers.$inferSelect;
export type EntryRow = typeof journalEntries.$inferSelect;

export async function insertFile(db: Db, row: typeof coordinationFiles.$inferInsert): Promise<void> {
  await db.insert(coordinationFiles).values(row);
}

export async function findFileById(db: Db, id: string): Promise<FileRow | undefined> {
  const [row] = await db.select().from(coordinationFiles).where(eq(coordinationFiles.id, id)).limit(1);
  return row;
}

export async function findOpenFile(db: Db, patientId: string, structureId: string): Promise<FileRow | undefined> {
  const [row] = await db
    .select()
    .from(coordinationFiles)
    .where(and(eq(coordinationFiles.patientId, patientId), eq(coordinationFiles.structureId, structureId), inArray(coordinationFiles.status, ['open', 'suspended'])))
    .limit(1);
  return row;
}

export async function findFilesOfPatient(db: Db, patientId: string): Promise<FileRow[]> {
  return db.select().from(coordinationFiles).where(eq(coordinationFiles.patientId, patientId)).orderBy(desc(coordinationFiles.openedAt));
}

export async function updateFileIfVersion(db: Db, id: string, version: number, changes: Partial<FileRow>): Promise<boolean> {
  const updated = await db
    .update(coordinationFiles)
    .set({ ...changes, version: version + 1 })
    .where(and(eq(coordinationFiles.id, id), eq(coordinationFiles.version, version)))
    .returning({ id: coordinationFiles.id });
  return updated.length === 1;
}


function activeAt(at: Date): SQL {
  return and(lte(careTeamMembers.periodStart, at), or(isNull(careTeamMembers.periodEnd), gt(careTeamMembers.periodEnd, at)))!;
}

export type FileListQuery = { personId: string; structureIds: readonly string[]; at: Date; status: 'open' | 'closed' | 'all'; patientIds?: readonly string[]; limit: number };

/**
 * Files a person follows: those whose care team they are in now or whose referent they are, plus
 * every file of the structures given (a coordinator's whole caseload). Visibility is filtered in SQL.
 */
export async function listVisibleFiles(db: Db, query: FileListQuery): Promise<(FileRow & { lastJournalAt: Date | null })[]> {
  const inTeam = db
    .select({ fileId: careTeamMembers.fileId })
    .from(careTeamMembers)
    .where(and(eq(careTeamMembers.personId, query.personId), activeAt(query.at)));
  const followed = or(inArray(coordinationFiles.id, inTeam), eq(coordinationFiles.referentId, query.personId))!;
  const visible = query.structureIds.length > 0 ? or(followed, inArray(coordinationFiles.structureId, [...query.structureIds]))! : followed;
  const conditions: SQL[] = [visible];
  // a suspended file is still followed: it lists with the open ones
  if (query.status === 'open') conditions.push(inArray(coordinationFiles.status, ['open', 'suspended']));
  if (query.status === 'closed') conditions.push(eq(coordinationFiles.status, 'closed'));
  if (query.patientIds) conditions.push(query.patientIds.length ? inArray(coordinationFiles.patientId, [...query.patientIds]) : sql`false`);
  // Qualified by hand: Drizzle renders ${coordinationFiles.id} unqualified here, and inside the
  // subquery a bare "id" would be the journal entry's own id.
  const lastJournalAt = sql<Date | null>`(select max(j.written_at) from journal_entries j where j.file_id = "coordination_files"."id")`;
  const rows = await db
    .select({ file: coordinationFiles, lastJournalAt })
    .from(coordinationFiles)
    .where(and(...conditions))
    .orderBy(sql`${lastJournalAt} desc nulls last`, desc(coordinationFiles.openedAt))
    .limit(query.limit);
  return rows.map((row) => ({ ...row.file, lastJournalAt: row.lastJournalAt ? new Date(row.lastJournalAt) : null }));
}

/** A file with its whole care team (history included), in one round trip. */
export async function findFileWithTeam(db: Db, id: string): Promise<{ file: FileRow; team: MemberRow[] } | undefined> {
  const rows = await db
    .select({ file: coordinationFiles, member: careTeamMembers })
    .from(coordinationFiles)
    .leftJoin(careTeamMembers, eq(careTeamMembers.fileId, coordinationFiles.id))
    .where(eq(coordinationFiles.id, id))
    .orderBy(careTeamMembers.periodStart, careTeamMembers.id);
  const first = rows[0];
  if (!first) return undefined;
  return { file: first.file, team: rows.flatMap((row) => (row.member ? [row.member] : [])) };
}

/** The care teams of several files in one query, grouped by file. */
export async function findTeamsOfFiles(db: Db, fileIds: readonly string[]): Promise<Map<string, MemberRow[]>> {
  const teams = new Map<string, MemberRow[]>(fileIds.map((id) => [id, []]));
  if (fileIds.length === 0) return teams;
  const rows = await db.select().from(careTeamMembers).where(inArray(careTeamMembers.fileId, [...fileIds])).orderBy(careTeamMembers.periodStart, careTeamMembers.id);
  for (const row of rows) teams.get(row.fileId)!.push(row);
  return teams;
}

export async function insertMember(db: Db, row: typeof careTeamMembers.$inferInsert): Promise<void> {
  await db.insert(careTeamMembers).values(row);
}

export async function insertMembers(db: Db, rows: MemberRow[]): Promise<void> {
  if (rows.length > 0) await db.insert(careTeamMembers).values(rows);
}

export async function insertEntries(db: Db, rows: EntryRow[]): Promise<void> {
  // Chunked: one statement has at most 65,535 parameters.
  for (let i = 0; i < rows.length; i += 2000) await db.insert(journalEntries).values(rows.slice(i, i + 2000));
}

export async function updateMemberIfVersion(db: Db, id: string, version: number, changes: Partial<MemberRow>): Promise<boolean> {
  const updated = await db
    .update(careTeamMembers)
    .set({ ...changes, version: version + 1 })
    .where(and(eq(careTeamMembers.id, id), eq(careTeamMembers.version, version)))
    .returning({ id: careTeamMembers.id });
  return updated.length === 1;
}

export async function isActiveMemberOfPatient(db: Db, patientId: string, personId: string, at: Date): Promise<boolean> {
  const rows = await db
    .select({ id: careTeamMembers.id })
    .from(careTeamMembers)
    .innerJoin(coordinationFiles, eq(coordinationFiles.id, careTeamMembers.fileId))
    .where(and(eq(coordinationFiles.patientId, patientId), eq(careTeamMembers.personId, personId), activeAt(at)))
    .limit(1);
  return rows.length > 0;
}

export async function insertEntry(db: Db, row: EntryRow): Promise<void> {
  await db.insert(journalEntries).values(row);
}

export async function findEntries(db: Db, fileId: string, options: { before?: Date | undefined; limit: number }): Promise<EntryRow[]> {
  const where = options.before ? and(eq(journalEntries.fileId, fileId), lt(journalEntries.writtenAt, options.before)) : eq(journalEntries.fileId, fileId);
  return db.select().from(journalEntries).where(where).orderBy(desc(journalEntries.writtenAt), desc(journalEntries.id)).limit(options.limit);
}

export async function setFilesPatient(db: Db, fileIds: readonly string[], patientId: string): Promise<void> {
  if (fileIds.length === 0) return;
  await db.update(coordinationFiles).set({ patientId }).where(inArray(coordinationFiles.id, [...fileIds]));
}
