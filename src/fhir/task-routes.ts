// FHIR R4 read and search of Task by patient; decisions stay in src/tasks and src/files.
import type { FastifyError, FastifyInstance } from 'fastify';
import { runUseCase } from '#src/core/http/use-case.ts';
import { readableFileIdsOfPatient } from '#src/files/service.ts';
import * as tasks from '#src/tasks/service.ts';
import { sendOutcome } from './routes.ts';
import { answerSearch, byId, collectCriteria, FHIR_JSON, idOf, param, planOf, referenceCriterion, type Plan, type Query } from './search.ts';
import { taskToFhir } from './task-resource.ts';

function taskSearch(query: Query): Plan {
  const id = param(query, '_id');
  if (id !== undefined) {
    return byId(id, async (ctx, uuid) => {
      const view = await tasks.getTask(ctx, uuid);
      return taskToFhir(view, view.patient?.id ?? '');
    });
  }
  const c = collectCriteria();
  const patientId = referenceCriterion(query, c, 'patient', 'Patient') ?? referenceCriterion(query, c, 'subject', 'Patient');
  return planOf(c, async (ctx, limit, offset) => {
    // without a patient, a search would list the region's tasks: it finds nothing
    if (!patientId) return [];
    const fileIds = await readableFileIdsOfPatient(ctx, patientId, 'task.read');
    return (await tasks.listPatientTasks(ctx, fileIds)).slice(offset, offset + limit).map((task) => taskToFhir(task, patientId));
  });
}

export async function registerFhirTaskRoutes(root: FastifyInstance): Promise<void> {
  await root.register(
    async (fhir) => {
      fhir.setErrorHandler((error: FastifyError, _request, reply) => sendOutcome(reply, error));
      const access = { config: { access: 'task.read' as const } };
      fhir.get('/Task/:id', access, async (request, reply) => {
        const id = idOf(request, 'Task', 'tasks.not_found');
        const view = await runUseCase(request, (ctx) => tasks.getTask(ctx, id));
        return reply.type(FHIR_JSON).send(taskToFhir(view, view.patient?.id ?? ''));
      });
      fhir.get('/Task', access, (request, reply) => answerSearch(request, reply, 'Task', taskSearch));
    },
    { prefix: '/fhir/R4' },
  );
}
