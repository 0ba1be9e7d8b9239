// SQL of care-team invitations (table care_team_invitations), beside the files capability's repo.ts.
import { and, desc, eq, inArray } from 'drizzle-orm';
import { careTeamInvitations } from '#src/db/schema/index.ts';
import type { Db } from '#src/core/db/connect.ts';

export type InvitationRow = typeof careTeamInvitations.$inferSelect;

export async function insertInvitation(db: Db, row: InvitationRow): Promise<void> {
  await db.insert(careTeamInvitations).values(row);
}

export async function findInvitationByTokenHash(db: Db, tokenHash: string): Promise<InvitationRow | undefined> {
  const [row] = await db.select().from(careTeamInvitations).where(eq(careTeamInvitations.tokenHash, tokenHash)).limit(1);
  return row;
}

export async function findInvitationById(db: Db, id: string): Promise<InvitationRow | undefined> {
  const [row] = await db.select().from(careTeamInvitations).where(eq(careTeamInvitations.id, id)).limit(1);
  return row;
}

/** A file's invitations, newest first (a re-sent invitation leaves its revoked predecessor behind). */
export async function findInvitationsOfFile(db: Db, fileId: string): Promise<InvitationRow[]> {
  return db.select().from(careTeamInvitations).where(eq(careTeamInvitations.fileId, fileId)).orderBy(desc(careTeamInvitations.createdAt), desc(careTeamInvitations.id));
}

export async function findInvitationsOfFiles(db: Db, fileIds: readonly string[]): Promise<InvitationRow[]> {
  if (fileIds.length === 0) return [];
  return db.select().from(careTeamInvitations).where(inArray(careTeamInvitations.fileId, [...fileIds])).orderBy(desc(careTeamInvitations.createdAt));
}

export async function updateInvitation(db: Db, id: string, changes: Partial<InvitationRow>): Promise<void> {
  await db.update(careTeamInvitations).set(changes).where(eq(careTeamInvitations.id, id));
}

/** Every invitation of a person (they may be invited into several teams): the account is finished once for all. */
export async function markAccountCompleted(db: Db, personId: string, at: Date): Promise<void> {
  await db.update(careTeamInvitations).set({ accountCompletedAt: at }).where(and(eq(careTeamInvitations.personId, personId)));
}
