// HTTP routes of territories and of the communes they are made of.
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { runUseCase } from '#src/core/http/use-case.ts';
import * as territories from './service.ts';
import { MAX_COMMUNES, NAME_MAX_LENGTH, TERRITORY_KINDS } from './rules.ts';

const idParams = z.object({ id: z.string().uuid() });
// Checked against the official list by the service, which names the unknown codes.
const insee = z.string().trim().regex(/^(\d{5}|2[ABab]\d{3})$/, 'a 5-character INSEE commune code');
const communeList = z.array(insee).max(MAX_COMMUNES);
const name = z.string().max(NAME_MAX_LENGTH);

export async function registerTerritoryRoutes(root: FastifyInstance): Promise<void> {
  const app = root.withTypeProvider<ZodTypeProvider>();

  app.get(
    '/api/communes',
    {
      config: { access: 'directory.read' },
      schema: {
        querystring: z.object({
          q: z.string().max(100).default(''),
          // the région served (TRAME_REGION) by default, or the whole of France
          scope: z.enum(['region', 'france']).default('region'),
          limit: z.coerce.number().int().min(1).max(50).default(20),
        }),
      },
    },
    async (request) => ({
      items: await runUseCase(request, (ctx) => territories.findCommunes(ctx, { q: request.query.q, limit: request.query.limit, regionCode: request.query.scope === 'region' ? app.config.regionCode : null })),
    }),
  );

  app.get('/api/communes/groups', { config: { access: 'directory.read' } }, (request) =>
    runUseCase(request, (ctx) => territories.listCommuneGroups(ctx, app.config.regionCode)),
  );

  app.get(
    '/api/communes/groups/:kind/:code',
    {
      config: { access: 'directory.read' },
      schema: { params: z.object({ kind: z.enum(['departement', 'arrondissement', 'epci']), code: z.string().regex(/^[0-9AB]{2,9}$/) }) },
    },
    async (request) => ({
      items: await runUseCase(request, (ctx) => territories.listGroupCommunes(ctx, request.params.kind, request.params.code)),
    }),
  );

  app.get('/api/territories', { config: { access: 'directory.read' } }, async (request) => ({
    items: await runUseCase(request, (ctx) => territories.listTerritories(ctx)),
  }));

  app.get('/api/territories/:id', { config: { access: 'directory.read' }, schema: { params: idParams } }, (request) =>
    runUseCase(request, (ctx) => territories.getTerritory(ctx, request.params.id)),
  );

  app.post(
    '/api/territories',
    {
      config: { access: 'territory.manage' },
      schema: {
        body: z.object({ name, kind: z.enum(TERRITORY_KINDS), structureId: z.string().uuid().nullish(), communes: communeList }),
      },
    },
    async (request, reply) => reply.status(201).send(await runUseCase(request, (ctx) => territories.createTerritory(ctx, request.body))),
  );

  app.patch(
    '/api/territories/:id',
    {
      config: { access: 'territory.manage' },
      schema: {
        params: idParams,
        body: z.object({
          version: z.number().int().min(1),
          name: name.optional(),
          kind: z.enum(TERRITORY_KINDS).optional(),
          structureId: z.string().uuid().nullish(),
          communes: communeList.optional(),
        }),
      },
    },
    (request) => runUseCase(request, (ctx) => territories.updateTerritory(ctx, request.params.id, request.body)),
  );
}
