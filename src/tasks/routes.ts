// HTTP routes of tasks: a file's tasks, one task, its comments, « Mes tâches ».
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { runUseCase } from '#src/core/http/use-case.ts';
import * as tasks from './service.ts';
import { PRIORITIES, TASK_STATUSES } from './rules.ts';

const idParams = z.object({ id: z.string().uuid() });
const day = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'date YYYY-MM-DD');
const title = z.string().trim().min(1).max(200);
const description = z.string().trim().max(5000).nullish();

export async function registerTaskRoutes(root: FastifyInstance): Promise<void> {
  const app = root.withTypeProvider<ZodTypeProvider>();

  app.get('/api/files/:id/tasks', { config: { access: 'task.read' }, schema: { params: idParams } }, async (request) => ({
    items: await runUseCase(request, (ctx) => tasks.listFileTasks(ctx, request.params.id)),
  }));

  app.post(
    '/api/files/:id/tasks',
    {
      config: { access: 'task.create' },
      schema: {
        params: idParams,
        body: z.object({
          title,
          description,
          assigneePersonId: z.string().uuid().nullish(),
          assigneeStructureId: z.string().uuid().nullish(),
          dueOn: day.nullish(),
          priority: z.enum(PRIORITIES).default('normal'),
        }),
      },
    },
    async (request, reply) => reply.status(201).send(await runUseCase(request, (ctx) => tasks.createTask(ctx, request.params.id, request.body))),
  );

  app.get(
    '/api/tasks',
    {
      config: { access: 'task.list-mine' },
      schema: {
        querystring: z.object({
          status: z.enum(['open', 'done', 'all']).default('open'),
          scope: z.enum(['me', 'structure']).default('me'),
          limit: z.coerce.number().int().min(1).max(500).default(200),
        }),
      },
    },
    (request) => runUseCase(request, (ctx) => tasks.listMyTasks(ctx, request.query)),
  );

  app.get('/api/tasks/:id', { config: { access: 'person' }, schema: { params: idParams } }, (request) => runUseCase(request, (ctx) => tasks.getTask(ctx, request.params.id)));

  app.patch(
    '/api/tasks/:id',
    {
      config: { access: 'person' },
      schema: {
        params: idParams,
        body: z.object({
          version: z.number().int().min(1),
          status: z.enum(TASK_STATUSES).optional(),
          title: title.optional(),
          description,
          assigneePersonId: z.string().uuid().nullish(),
          assigneeStructureId: z.string().uuid().nullish(),
          dueOn: day.nullish(),
          priority: z.enum(PRIORITIES).optional(),
        }),
      },
    },
    (request) => runUseCase(request, (ctx) => tasks.updateTask(ctx, request.params.id, request.body)),
  );

  app.post(
    '/api/tasks/:id/comments',
    { config: { access: 'person' }, schema: { params: idParams, body: z.object({ text: z.string().trim().min(1).max(5000) }) } },
    async (request, reply) => reply.status(201).send(await runUseCase(request, (ctx) => tasks.addComment(ctx, request.params.id, request.body.text))),
  );
}
