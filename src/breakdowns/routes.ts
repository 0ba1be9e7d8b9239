// HTTP routes of the breakdown observatory.
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { runUseCase } from '#src/core/http/use-case.ts';
import { breakdownLabel } from './labels-fr.ts';
import * as breakdowns from './service.ts';
import { BREAKDOWN_CAUSES, BREAKDOWN_CONSEQUENCES, BREAKDOWN_KINDS } from './rules.ts';

const idParams = z.object({ id: z.string().uuid() });
const day = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'date YYYY-MM-DD');
const insee = z.string().regex(/^(\d{5}|2[AB]\d{3})$/, 'a 5-character INSEE commune code');
const fields = {
  occurredOn: day,
  kind: z.enum(BREAKDOWN_KINDS),
  cause: z.enum(BREAKDOWN_CAUSES),
  consequence: z.enum(BREAKDOWN_CONSEQUENCES),
  structuresInvolved: z.array(z.string().trim().min(1).max(200)).max(10).default([]),
  description: z.string().trim().max(5000).nullish(),
  communeInsee: insee.nullish(),
};
const filter = z.object({
  from: day.optional(),
  to: day.optional(),
  kind: z.enum(BREAKDOWN_KINDS).optional(),
  cause: z.enum(BREAKDOWN_CAUSES).optional(),
  territoryId: z.string().uuid().optional(),
  communeInsee: insee.optional(),
  limit: z.coerce.number().int().min(1).max(5000).default(500),
});

export async function registerBreakdownRoutes(root: FastifyInstance): Promise<void> {
  const app = root.withTypeProvider<ZodTypeProvider>();

  app.get('/api/breakdowns', { config: { access: 'breakdown.list' }, schema: { querystring: filter } }, (request) =>
    runUseCase(request, (ctx) => breakdowns.listBreakdowns(ctx, request.query)),
  );

  app.get('/api/breakdowns/export.csv', { config: { access: 'breakdown.list' }, schema: { querystring: filter } }, async (request, reply) => {
    const csv = await runUseCase(request, (ctx) => breakdowns.exportBreakdowns(ctx, request.query, breakdownLabel));
    return reply
      .type('text/csv; charset=utf-8')
      .header('content-disposition', 'attachment; filename="ruptures-de-parcours.csv"')
      .send(csv);
  });

  app.post('/api/breakdowns', { config: { access: 'breakdown.record' }, schema: { body: z.object(fields) } }, async (request, reply) =>
    reply.status(201).send(await runUseCase(request, (ctx) => breakdowns.recordBreakdown(ctx, request.body))),
  );

  app.post('/api/files/:id/breakdowns', { config: { access: 'breakdown.record' }, schema: { params: idParams, body: z.object(fields) } }, async (request, reply) =>
    reply.status(201).send(await runUseCase(request, (ctx) => breakdowns.recordBreakdown(ctx, request.body, request.params.id))),
  );

  app.patch(
    '/api/breakdowns/:id',
    { config: { access: 'breakdown.record' }, schema: { params: idParams, body: z.object({ ...fields, structuresInvolved: fields.structuresInvolved.unwrap() }).partial().extend({ version: z.number().int().min(1) }) } },
    (request) => runUseCase(request, (ctx) => breakdowns.updateBreakdown(ctx, request.params.id, request.body)),
  );
}
