// Tables of the tasks capability: tasks on a coordination file, assigned to a person or a structure.
import { date, index, integer, pgTable, text, timestamp, uuid } from 'drizzle-orm/pg-core';

export const tasks = pgTable(
  'tasks',
  {
    id: uuid('id').primaryKey(),
    fileId: uuid('file_id').notNull(),
    patientId: uuid('patient_id').notNull(),
    title: text('title').notNull(),
    description: text('description'),
    assigneePersonId: uuid('assignee_person_id'),
    assigneeStructureId: uuid('assignee_structure_id'),
    dueOn: date('due_on'),
    // low | normal | high | urgent
    priority: text('priority').notNull(),
    // todo | in_progress | done | cancelled
    status: text('status').notNull(),
    createdBy: uuid('created_by').notNull(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull(),
    completedAt: timestamp('completed_at', { withTimezone: true }),
    completedBy: uuid('completed_by'),
    version: integer('version').notNull().default(1),
  },
  (t) => [
    index('tasks_file_idx').on(t.fileId, t.status),
    index('tasks_assignee_person_idx').on(t.assigneePersonId, t.status, t.dueOn),
    index('tasks_assignee_structure_idx').on(t.assigneeStructureId, t.status, t.dueOn),
  ],
);

export const taskComments = pgTable(
  'task_comments',
  {
    id: uuid('id').primaryKey(),
    taskId: uuid('task_id').notNull().references(() => tasks.id),
    authorId: uuid('author_id').notNull(),
    writtenAt: timestamp('written_at', { withTimezone: true }).notNull(),
    text: text('text').notNull(),
  },
  (t) => [index('task_comments_task_idx').on(t.taskId, t.writtenAt)],
);
