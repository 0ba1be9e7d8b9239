// SQL of the tasks capability.
import { and, asc, eq, inArray, or, type SQL } from 'drizzle-orm';
import { taskComments, tasks } from '#src/db/schema/index.ts';
import type { Db } from '#src/core/db/connect.ts';

export type TaskRow = typeof tasks.$inferSelect;
export type CommentRow = typeof taskComments.$inferSelect;

export async function insertTask(db: Db, row: TaskRow): Promise<void> {
  await db.insert(tasks).values(row);
}

export async function findTask(db: Db, id: string): Promise<TaskRow | undefined> {
  const [row] = await db.select().from(tasks).where(eq(tasks.id, id)).limit(1);
  return row;
}

export async function findFileTasks(db: Db, fileId: string): Promise<TaskRow[]> {
  return db.select().from(tasks).where(eq(tasks.fileId, fileId)).orderBy(asc(tasks.createdAt));
}

export async function findTasksOfFiles(db: Db, fileIds: readonly string[]): Promise<TaskRow[]> {
  if (fileIds.length === 0) return [];
  return db.select().from(tasks).where(inArray(tasks.fileId, [...fileIds])).orderBy(asc(tasks.createdAt));
}

/** Tasks assigned to a person or to one of their structures, in the given statuses. */
export async function findAssigned(db: Db, query: { personId: string; structureIds: readonly string[]; statuses: readonly string[]; limit: number }): Promise<TaskRow[]> {
  const mine: SQL[] = [eq(tasks.assigneePersonId, query.personId)];
  if (query.structureIds.length > 0) mine.push(inArray(tasks.assigneeStructureId, [...query.structureIds]));
  return db
    .select()
    .from(tasks)
    .where(and(or(...mine), inArray(tasks.status, [...query.statuses])))
    .orderBy(asc(tasks.dueOn), asc(tasks.createdAt))
    .limit(query.limit);
}

export async function updateIfVersion(db: Db, id: string, version: number, changes: Partial<TaskRow>): Promise<boolean> {
  const updated = await db.update(tasks).set({ ...changes, version: version + 1 }).where(and(eq(tasks.id, id), eq(tasks.version, version))).returning({ id: tasks.id });
  return updated.length === 1;
}

export async function insertComment(db: Db, row: CommentRow): Promise<void> {
  await db.insert(taskComments).values(row);
}

export async function findComments(db: Db, taskIds: readonly string[]): Promise<CommentRow[]> {
  if (taskIds.length === 0) return [];
  return db.select().from(taskComments).where(inArray(taskComments.taskId, [...taskIds])).orderBy(asc(taskComments.writtenAt));
}
