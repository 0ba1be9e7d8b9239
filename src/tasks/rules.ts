// Pure rules of tasks: priorities, statuses and their moves, what is overdue, the order of « Mes tâches ».
import { BadInput, Conflict } from '#src/core/http/errors.ts';
export { todayInParis } from '#src/core/paris-day.ts';

export const PRIORITIES = ['low', 'normal', 'high', 'urgent'] as const;
export type Priority = (typeof PRIORITIES)[number];

export const TASK_STATUSES = ['todo', 'in_progress', 'done', 'cancelled'] as const;
export type TaskStatus = (typeof TASK_STATUSES)[number];

const OPEN: readonly TaskStatus[] = ['todo', 'in_progress'];

/** Open tasks move freely between todo, in progress, done and cancelled; a finished one is reopened to todo. */
export function checkStatusMove(from: TaskStatus, to: TaskStatus): void {
  if (from === to) throw new Conflict(`tasks.already_${to}`, `The task is already ${to}`);
  if (!OPEN.includes(from) && to !== 'todo') throw new Conflict('tasks.finished', 'A finished task is reopened first');
}

export function isOpen(status: string): boolean {
  return OPEN.includes(status as TaskStatus);
}

/** Overdue: still open after its due day (Europe/Paris calendar day, `today` as YYYY-MM-DD). */
export function isOverdue(task: { status: string; dueOn: string | null }, today: string): boolean {
  return isOpen(task.status) && task.dueOn !== null && task.dueOn < today;
}

const PRIORITY_RANK: Record<string, number> = { urgent: 0, high: 1, normal: 2, low: 3 };

/** « Mes tâches »: open before finished; then overdue first, by due day (none last), then priority. */
export function compareForMyTasks(a: { status: string; dueOn: string | null; priority: string }, b: { status: string; dueOn: string | null; priority: string }): number {
  const open = Number(!isOpen(a.status)) - Number(!isOpen(b.status));
  if (open !== 0) return open;
  const due = (a.dueOn ?? '9999-12-31').localeCompare(b.dueOn ?? '9999-12-31');
  return due !== 0 ? due : (PRIORITY_RANK[a.priority] ?? 9) - (PRIORITY_RANK[b.priority] ?? 9);
}

/** A task goes to one person or one structure, not both. */
export function checkAssignee(assignee: { personId?: string | null | undefined; structureId?: string | null | undefined }): void {
  if (assignee.personId && assignee.structureId) {
    throw new BadInput('tasks.assignee_ambiguous', 'Assign to a person or a structure, not both', { assigneePersonId: 'a person or a structure' });
  }
}

export function checkDueOn(dueOn: string | null | undefined, today: string): void {
  if (dueOn && dueOn < today) throw new BadInput('tasks.due_in_past', 'A new task is not due in the past', { dueOn: 'today or later' });
}
