// HTTP routes of coordination files, including the live stream of a file's changes (SSE).
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { runUseCase } from '#src/core/http/use-case.ts';
import * as files from './service.ts';
import { listLifeline } from './lifeline.ts';
import { registerInvitationRoutes } from './invitation-routes.ts';
import { CARE_TEAM_ROLES, CLOSURE_REASONS, DAC_MISSIONS, FILE_STATUSES, JOURNAL_CATEGORIES, SUPPORT_LEVELS, SUSPENSION_REASONS } from './rules.ts';

const idParams = z.object({ id: z.string().uuid() });
const page = (max: number) =>
  z.object({ before: z.coerce.date().optional(), limit: z.coerce.number().int().min(1).max(max).default(50) });
const HEARTBEAT_MS = 25_000;

export async function registerFileRoutes(root: FastifyInstance): Promise<void> {
  const app = root.withTypeProvider<ZodTypeProvider>();

  app.get(
    '/api/files',
    {
      config: { access: 'file.list-mine' },
      schema: {
        querystring: z.object({
          q: z.string().max(100).default(''),
          status: z.enum(['open', 'closed', 'all']).default('open'),
          scope: z.enum(['mine', 'structure']).default('mine'),
          limit: z.coerce.number().int().min(1).max(200).default(50),
        }),
      },
    },
    async (request) => ({ items: await runUseCase(request, (ctx) => files.listMyFiles(ctx, request.query)) }),
  );

  app.post(
    '/api/files',
    { config: { access: 'file.open' }, schema: { body: z.object({ patientId: z.string().uuid(), referentId: z.string().uuid().optional() }) } },
    async (request, reply) => reply.status(201).send(await runUseCase(request, (ctx) => files.openFile(ctx, request.body))),
  );

  app.get('/api/patients/:id/files', { config: { access: 'person' }, schema: { params: idParams } }, async (request) => ({
    items: await runUseCase(request, (ctx) => files.listPatientFiles(ctx, request.params.id)),
  }));

  app.get('/api/files/:id', { config: { access: 'file.read' }, schema: { params: idParams } }, (request) =>
    runUseCase(request, (ctx) => files.getFile(ctx, request.params.id)),
  );

  app.patch(
    '/api/files/:id',
    {
      config: { access: 'file.update' },
      schema: {
        params: idParams,
        body: z.object({
          version: z.number().int().min(1),
          referentId: z.string().uuid().optional(),
          status: z.enum(FILE_STATUSES).optional(),
          closureReason: z.enum(CLOSURE_REASONS).nullish(),
          suspensionReason: z.enum(SUSPENSION_REASONS).nullish(),
          mission: z.enum(DAC_MISSIONS).nullish(),
          supportLevel: z.enum(SUPPORT_LEVELS).nullish(),
        }),
      },
    },
    (request) => runUseCase(request, (ctx) => files.updateFile(ctx, request.params.id, request.body)),
  );

  app.post(
    '/api/files/:id/team',
    {
      config: { access: 'file.manage-team' },
      schema: {
        params: idParams,
        body: z.object({
          personId: z.string().uuid(),
          role: z.enum(CARE_TEAM_ROLES),
          periodStart: z.coerce.date().optional(),
          periodEnd: z.coerce.date().nullish(),
        }),
      },
    },
    async (request, reply) => reply.status(201).send(await runUseCase(request, (ctx) => files.addCareTeamMember(ctx, request.params.id, request.body))),
  );

  app.post(
    '/api/files/:id/team/:memberId/end',
    {
      config: { access: 'file.manage-team' },
      schema: { params: z.object({ id: z.string().uuid(), memberId: z.string().uuid() }), body: z.object({ version: z.number().int().min(1) }) },
    },
    (request) => runUseCase(request, (ctx) => files.endCareTeamMember(ctx, request.params.id, request.params.memberId, request.body.version)),
  );

  app.get('/api/files/:id/journal', { config: { access: 'file.read' }, schema: { params: idParams, querystring: page(200) } }, (request) =>
    runUseCase(request, (ctx) => files.listJournal(ctx, request.params.id, request.query)),
  );

  app.post(
    '/api/files/:id/journal',
    {
      config: { access: 'journal.write' },
      schema: {
        params: idParams,
        body: z.object({ text: z.string().trim().min(1).max(10_000), category: z.enum(JOURNAL_CATEGORIES).nullish() }),
      },
    },
    async (request, reply) => reply.status(201).send(await runUseCase(request, (ctx) => files.writeJournalEntry(ctx, request.params.id, request.body))),
  );

  app.get('/api/files/:id/timeline', { config: { access: 'file.read' }, schema: { params: idParams, querystring: page(500) } }, (request) =>
    runUseCase(request, (ctx) => files.listTimeline(ctx, request.params.id, request.query)),
  );

  app.get(
    '/api/patients/:id/lifeline',
    {
      config: { access: 'patient.lifeline' },
      schema: {
        params: idParams,
        querystring: z.object({
          kinds: z.string().max(200).default('').transform((v) => v.split(',').map((k) => k.trim()).filter(Boolean)),
          author: z.string().uuid().optional(),
          before: z.string().max(200).optional(),
          limit: z.coerce.number().int().min(1).max(200).default(50),
        }),
      },
    },
    (request) => {
      const { kinds, author, before, limit } = request.query;
      return runUseCase(request, (ctx) => listLifeline(ctx, request.params.id, { kinds, authorId: author, before, limit }));
    },
  );

  app.get('/api/files/:id/access-log', { config: { access: 'file.read-access-log' }, schema: { params: idParams } }, async (request) => ({
    items: await runUseCase(request, (ctx) => files.listAccessLog(ctx, request.params.id)),
  }));

  app.get('/api/files/:id/live', { config: { access: 'file.read' }, schema: { params: idParams } }, async (request, reply) => {
    await runUseCase(request, (ctx) => files.authorizeLiveWatch(ctx, request.params.id));
    reply.hijack();
    reply.raw.writeHead(200, { 'content-type': 'text/event-stream', 'cache-control': 'no-cache', connection: 'keep-alive' });
    reply.raw.write('retry: 3000\n\n');
    const stop = app.live.watchFile(request.params.id, (signal) => {
      reply.raw.write(`event: change\ndata: ${JSON.stringify({ type: signal.type, fileId: signal.fileId })}\n\n`);
    });
    const heartbeat = setInterval(() => reply.raw.write(': keep-alive\n\n'), HEARTBEAT_MS);
    request.raw.on('close', () => {
      clearInterval(heartbeat);
      stop();
    });
  });

  await registerInvitationRoutes(app);
}
