// Use cases of tasks: created on a file for a member of its care team (or a structure), followed to
// done with comments; « Mes tâches » gathers what is assigned to me or to my structure.
import { appendAudit } from '#src/core/audit/audit.ts';
import { assertAllowed } from '#src/core/auth/access.ts';
import type { Ctx } from '#src/core/context.ts';
import { emitEvent } from '#src/core/events/outbox.ts';
import { BadInput, Conflict, Forbidden, NotFound } from '#src/core/http/errors.ts';
import { newId } from '#src/core/ids.ts';
import { findPeopleRefs, findStructureRefs, type PersonRef } from '#src/accounts/service.ts';
import { authorizeOnFile, findFileWorkers, type FileFacts } from '#src/files/service.ts';
import { findPatientSummaries } from '#src/patients/service.ts';
import * as repo from './repo.ts';
import { checkAssignee, checkDueOn, checkStatusMove, compareForMyTasks, isOverdue, todayInParis, type Priority, type TaskStatus } from './rules.ts';

export type Assignee = { kind: 'person'; id: string; name: string } | { kind: 'structure'; id: string; name: string };
export type TaskCommentView = { id: string; author: PersonRef | null; writtenAt: Date; text: string };
export type TaskView = {
  id: string;
  fileId: string;
  patient: { id: string; name: string } | null;
  title: string;
  description: string | null;
  assignee: Assignee | null;
  dueOn: string | null;
  priority: string;
  status: string;
  overdue: boolean;
  createdBy: PersonRef | null;
  createdAt: Date;
  completedAt: Date | null;
  comments: TaskCommentView[];
  version: number;
};

const nameOf = (p: PersonRef | undefined) => (p ? `${p.givenName} ${p.familyName}` : '?');

async function toViews(ctx: Ctx, rows: repo.TaskRow[], withPatients = false): Promise<TaskView[]> {
  const comments = await repo.findComments(ctx.db, rows.map((r) => r.id));
  const people = await findPeopleRefs(ctx, [...rows.flatMap((r) => [r.createdBy, r.assigneePersonId ?? '']), ...comments.map((c) => c.authorId)].filter(Boolean));
  const structures = await findStructureRefs(ctx, rows.flatMap((r) => (r.assigneeStructureId ? [r.assigneeStructureId] : [])));
  const patients = withPatients ? await findPatientSummaries(ctx, rows.map((r) => r.patientId)) : new Map();
  const today = todayInParis(ctx.now);
  return rows.map((row) => {
    const patient = patients.get(row.patientId);
    return {
      id: row.id,
      fileId: row.fileId,
      patient: patient ? { id: row.patientId, name: `${(patient.usedName ?? patient.birthName).toUpperCase()} ${patient.givenName}` } : null,
      title: row.title,
      description: row.description,
      assignee: row.assigneePersonId
        ? { kind: 'person', id: row.assigneePersonId, name: nameOf(people.get(row.assigneePersonId)) }
        : row.assigneeStructureId
          ? { kind: 'structure', id: row.assigneeStructureId, name: structures.get(row.assigneeStructureId)?.name ?? '?' }
          : null,
      dueOn: row.dueOn,
      priority: row.priority,
      status: row.status,
      overdue: isOverdue(row, today),
      createdBy: people.get(row.createdBy) ?? null,
      createdAt: row.createdAt,
      completedAt: row.completedAt,
      comments: comments.filter((c) => c.taskId === row.id).map((c) => ({ id: c.id, author: people.get(c.authorId) ?? null, writtenAt: c.writtenAt, text: c.text })),
      version: row.version,
    };
  });
}

async function checkAssigneeOf(ctx: Ctx, fileId: string, assignee: { personId?: string | null | undefined; structureId?: string | null | undefined }): Promise<string | null> {
  checkAssignee(assignee);
  if (assignee.personId && !(await findFileWorkers(ctx, fileId)).has(assignee.personId)) {
    throw new BadInput('tasks.assignee_not_in_team', 'Assign the task to a member of the care team', { assigneePersonId: 'not in the care team' });
  }
  if (assignee.structureId && !(await findStructureRefs(ctx, [assignee.structureId])).has(assignee.structureId)) {
    throw new BadInput('tasks.structure_unknown', 'Unknown structure', { assigneeStructureId: 'unknown structure' });
  }
  const person = assignee.personId ? nameOf((await findPeopleRefs(ctx, [assignee.personId])).get(assignee.personId)) : null;
  return person ?? (assignee.structureId ? ((await findStructureRefs(ctx, [assignee.structureId])).get(assignee.structureId)?.name ?? null) : null);
}

export type NewTask = { title: string; description?: string | null | undefined; assigneePersonId?: string | null | undefined; assigneeStructureId?: string | null | undefined; dueOn?: string | null | undefined; priority: Priority };

/** Creates a task on an open file. Right: task.create (the holding structure's coordinators, the care team). */
export async function createTask(ctx: Ctx, fileId: string, input: NewTask): Promise<TaskView> {
  const file = await authorizeOnFile(ctx, fileId, 'task.create');
  if (file.status !== 'open') throw new Conflict('files.closed', 'The file is not open');
  checkDueOn(input.dueOn, todayInParis(ctx.now));
  const assigneeName = await checkAssigneeOf(ctx, fileId, { personId: input.assigneePersonId, structureId: input.assigneeStructureId });
  const row: repo.TaskRow = {
    id: newId(ctx.now.getTime()),
    fileId,
    patientId: file.patientId,
    title: input.title,
    description: input.description ?? null,
    assigneePersonId: input.assigneePersonId ?? null,
    assigneeStructureId: input.assigneeStructureId ?? null,
    dueOn: input.dueOn ?? null,
    priority: input.priority,
    status: 'todo',
    createdBy: ctx.actor.personId!,
    createdAt: ctx.now,
    completedAt: null,
    completedBy: null,
    version: 1,
  };
  await repo.insertTask(ctx.db, row);
  await appendAudit(ctx, { action: 'task.create', outcome: 'allowed', patientId: file.patientId, fileId, objectType: 'Task', objectId: row.id });
  await emitEvent(ctx, { type: 'task.created', patientId: file.patientId, fileId, payload: { taskId: row.id, title: row.title, assigneeName, dueOn: row.dueOn, priority: row.priority } });
  return (await toViews(ctx, [row]))[0]!;
}

export async function listFileTasks(ctx: Ctx, fileId: string): Promise<TaskView[]> {
  const file = await authorizeOnFile(ctx, fileId, 'task.read');
  await appendAudit(ctx, { action: 'task.list', outcome: 'allowed', patientId: file.patientId, fileId, objectType: 'CoordinationFile', objectId: fileId });
  return toViews(ctx, await repo.findFileTasks(ctx.db, fileId));
}

/** The task and the file's facts; its assignee reaches it even after leaving the team (`own`). */
async function loadTask(ctx: Ctx, id: string, action: 'task.read' | 'task.update'): Promise<{ row: repo.TaskRow; file: FileFacts | null }> {
  const row = await repo.findTask(ctx.db, id);
  if (!row) throw new NotFound('tasks.not_found');
  try {
    return { row, file: await authorizeOnFile(ctx, row.fileId, action) };
  } catch (error) {
    const own = ctx.actor.personId !== null && row.assigneePersonId === ctx.actor.personId;
    if (!(error instanceof Forbidden) || !own) throw error;
    assertAllowed(ctx, action === 'task.read' ? 'task.list-mine' : 'task.update', { own: true });
    return { row, file: null };
  }
}

export async function getTask(ctx: Ctx, id: string): Promise<TaskView> {
  const { row } = await loadTask(ctx, id, 'task.read');
  await appendAudit(ctx, { action: 'task.read', outcome: 'allowed', patientId: row.patientId, fileId: row.fileId, objectType: 'Task', objectId: id });
  return (await toViews(ctx, [row], true))[0]!;
}

export type TaskChange = {
  version: number;
  status?: TaskStatus | undefined;
  title?: string | undefined;
  description?: string | null | undefined;
  assigneePersonId?: string | null | undefined;
  assigneeStructureId?: string | null | undefined;
  dueOn?: string | null | undefined;
  priority?: Priority | undefined;
};

const STATUS_EVENT: Record<TaskStatus, string> = { todo: 'task.reopened', in_progress: 'task.updated', done: 'task.completed', cancelled: 'task.cancelled' };

/** Changes a task: its status (done, cancelled, reopened), assignee, due day, priority, wording. Right: task.update. */
export async function updateTask(ctx: Ctx, id: string, change: TaskChange): Promise<TaskView> {
  const { row } = await loadTask(ctx, id, 'task.update');
  const changes: Partial<repo.TaskRow> = {};
  if (change.status && change.status !== row.status) {
    checkStatusMove(row.status as TaskStatus, change.status);
    Object.assign(changes, { status: change.status, ...(change.status === 'done' ? { completedAt: ctx.now, completedBy: ctx.actor.personId } : { completedAt: null, completedBy: null }) });
  }
  const reassigned = change.assigneePersonId !== undefined || change.assigneeStructureId !== undefined;
  if (reassigned) {
    await checkAssigneeOf(ctx, row.fileId, { personId: change.assigneePersonId, structureId: change.assigneeStructureId });
    Object.assign(changes, { assigneePersonId: change.assigneePersonId ?? null, assigneeStructureId: change.assigneeStructureId ?? null });
  }
  for (const key of ['title', 'description', 'dueOn', 'priority'] as const) if (change[key] !== undefined) Object.assign(changes, { [key]: change[key] });
  if (!(await repo.updateIfVersion(ctx.db, id, change.version, changes))) {
    throw new Conflict('tasks.version_stale', 'The task was changed by someone else', { currentVersion: row.version });
  }
  const updated = { ...row, ...changes, version: change.version + 1 };
  await appendAudit(ctx, { action: 'task.update', outcome: 'allowed', patientId: row.patientId, fileId: row.fileId, objectType: 'Task', objectId: id, details: { fields: Object.keys(changes) } });
  await emitEvent(ctx, {
    type: changes.status ? STATUS_EVENT[changes.status as TaskStatus] : 'task.updated',
    patientId: row.patientId,
    fileId: row.fileId,
    payload: { taskId: id, title: updated.title, status: updated.status, fields: Object.keys(changes) },
  });
  return (await toViews(ctx, [updated], true))[0]!;
}

export async function addComment(ctx: Ctx, id: string, text: string): Promise<TaskView> {
  const { row } = await loadTask(ctx, id, 'task.update');
  await repo.insertComment(ctx.db, { id: newId(ctx.now.getTime()), taskId: id, authorId: ctx.actor.personId!, writtenAt: ctx.now, text });
  await appendAudit(ctx, { action: 'task.comment', outcome: 'allowed', patientId: row.patientId, fileId: row.fileId, objectType: 'Task', objectId: id });
  await emitEvent(ctx, { type: 'task.commented', patientId: row.patientId, fileId: row.fileId, payload: { taskId: id, title: row.title } });
  return (await toViews(ctx, [row], true))[0]!;
}

export type MyTasks = { items: TaskView[]; counts: { overdue: number; dueToday: number; open: number } };

/** « Mes tâches »: assigned to me, or to my acting structure (scope `structure`). Right: task.list-mine. */
export async function listMyTasks(ctx: Ctx, query: { status: 'open' | 'done' | 'all'; scope: 'me' | 'structure'; limit: number }): Promise<MyTasks> {
  assertAllowed(ctx, 'task.list-mine');
  const statuses = query.status === 'open' ? ['todo', 'in_progress'] : query.status === 'done' ? ['done', 'cancelled'] : ['todo', 'in_progress', 'done', 'cancelled'];
  const structureIds = query.scope === 'structure' && ctx.actor.acting ? [ctx.actor.acting.structureId] : [];
  const rows = await repo.findAssigned(ctx.db, { personId: ctx.actor.personId!, structureIds, statuses, limit: query.limit });
  const items = (await toViews(ctx, rows, true)).sort(compareForMyTasks);
  const today = todayInParis(ctx.now);
  await appendAudit(ctx, { action: 'task.list-mine', outcome: 'allowed', details: { status: query.status, results: items.length } });
  return {
    items,
    counts: {
      overdue: items.filter((t) => t.overdue).length,
      dueToday: items.filter((t) => t.dueOn === today && (t.status === 'todo' || t.status === 'in_progress')).length,
      open: items.filter((t) => t.status === 'todo' || t.status === 'in_progress').length,
    },
  };
}

/** Tasks of a patient's files the caller may read, for the FHIR API. */
export async function listPatientTasks(ctx: Ctx, fileIds: readonly string[]): Promise<TaskView[]> {
  return toViews(ctx, await repo.findTasksOfFiles(ctx.db, fileIds), true);
}
