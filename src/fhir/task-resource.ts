// A Trame task as a FHIR R4 Task (base R4: no French profile of Task for coordination was found).
// Status: todo → requested, in_progress → in-progress, done → completed, cancelled → cancelled.
// Priority: low and normal → routine, high → urgent, urgent → asap. The due day is restriction.period.end.
import type { TaskView } from '#src/tasks/service.ts';
import { withoutEmpty, type FhirResource } from './directory-resources.ts';

const STATUS: Record<string, string> = { todo: 'requested', in_progress: 'in-progress', done: 'completed', cancelled: 'cancelled' };
const PRIORITY: Record<string, string> = { low: 'routine', normal: 'routine', high: 'urgent', urgent: 'asap' };

export function taskToFhir(task: TaskView, patientId: string): FhirResource {
  const owner = task.assignee
    ? { reference: task.assignee.kind === 'person' ? `Practitioner/${task.assignee.id}` : `Organization/${task.assignee.id}`, display: task.assignee.name }
    : undefined;
  return withoutEmpty({
    resourceType: 'Task',
    id: task.id,
    meta: { versionId: String(task.version) },
    status: STATUS[task.status] ?? 'requested',
    intent: 'order',
    priority: PRIORITY[task.priority] ?? 'routine',
    description: task.title,
    for: { reference: `Patient/${patientId}` },
    authoredOn: task.createdAt.toISOString(),
    requester: task.createdBy ? { reference: `Practitioner/${task.createdBy.id}`, display: `${task.createdBy.givenName} ${task.createdBy.familyName}` } : undefined,
    owner,
    restriction: task.dueOn ? { period: { end: task.dueOn } } : undefined,
    executionPeriod: task.completedAt ? { end: task.completedAt.toISOString() } : undefined,
    note: [
      ...(task.description ? [{ text: task.description }] : []),
      ...task.comments.map((c) => ({ text: c.text, time: c.writtenAt.toISOString(), authorString: c.author ? `${c.author.givenName} ${c.author.familyName}` : undefined })),
    ],
  });
}
