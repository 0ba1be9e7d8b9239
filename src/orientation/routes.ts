// HTTP routes of orientation: offers (ROR), "trouver une ressource", orientation requests and answers.
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { runUseCase } from '#src/core/http/use-case.ts';
import * as orientation from './service.ts';
import { CARE_KINDS, CONDITIONS, REFUSAL_REASONS, SPECIALTIES } from './rules.ts';

const idParams = z.object({ id: z.string().uuid() });
const insee = z.string().regex(/^(\d{5}|2[AB]\d{3})$/, 'a 5-character INSEE commune code');
const age = z.number().int().min(0).max(130);
const text = (max: number) => z.string().trim().min(1).max(max);
const hhmm = z.string().regex(/^\d{2}:\d{2}$/, 'HH:MM');

const offerFields = {
  name: text(200),
  careKind: z.enum(CARE_KINDS),
  specialties: z.array(z.enum(SPECIALTIES)).max(20),
  ageMin: age.nullable(),
  ageMax: age.nullable(),
  conditions: z.array(z.enum(CONDITIONS)).max(20),
  capacity: z.number().int().min(0).max(100_000).nullable(),
  freePlaces: z.number().int().min(0).max(100_000).nullable(),
  servedCommunes: z.array(insee).max(2000),
  contactPhone: z.string().trim().max(30).nullable(),
  contactEmail: z.string().trim().email().max(200).nullable(),
  contactMssante: z.string().trim().email().max(200).nullable(),
  openingHours: z.array(z.object({ day: z.number().int().min(1).max(7), opens: hhmm, closes: hhmm })).max(50),
  description: z.string().trim().max(2000).nullable(),
  active: z.boolean(),
};

export async function registerOrientationRoutes(root: FastifyInstance): Promise<void> {
  const app = root.withTypeProvider<ZodTypeProvider>();

  app.get(
    '/api/orientation/offers',
    {
      config: { access: 'directory.read' },
      schema: {
        querystring: z.object({
          organizationId: z.string().uuid().optional(),
          careKind: z.enum(CARE_KINDS).optional(),
          specialty: z.enum(SPECIALTIES).optional(),
          commune: insee.optional(),
          limit: z.coerce.number().int().min(1).max(100).default(50),
          offset: z.coerce.number().int().min(0).max(10_000).default(0),
        }),
      },
    },
    (request) => runUseCase(request, (ctx) => orientation.listOffers(ctx, { ...request.query, communeInsee: request.query.commune })),
  );

  app.get('/api/orientation/offers/:id', { config: { access: 'directory.read' }, schema: { params: idParams } }, (request) =>
    runUseCase(request, (ctx) => orientation.getOffer(ctx, request.params.id)),
  );

  app.post(
    '/api/orientation/offers',
    { config: { access: 'offer.manage' }, schema: { body: z.object({ organizationId: z.string().uuid(), ...offerFields }) } },
    async (request, reply) => reply.status(201).send(await runUseCase(request, (ctx) => orientation.createOffer(ctx, request.body))),
  );

  app.patch(
    '/api/orientation/offers/:id',
    { config: { access: 'offer.manage' }, schema: { params: idParams, body: z.object({ version: z.number().int().min(1), ...offerFields }).partial().required({ version: true }) } },
    (request) => runUseCase(request, (ctx) => orientation.updateOffer(ctx, request.params.id, request.body)),
  );

  app.get(
    '/api/orientation/search',
    {
      config: { access: 'orientation.search' },
      schema: {
        querystring: z.object({
          careKind: z.enum(CARE_KINDS).optional(),
          specialty: z.enum(SPECIALTIES).optional(),
          condition: z.enum(CONDITIONS).optional(),
          commune: insee.optional(),
          age: z.coerce.number().int().min(0).max(130).optional(),
          freeOnly: z.enum(['true', 'false']).default('false'),
          radiusKm: z.coerce.number().min(1).max(300).default(30),
          limit: z.coerce.number().int().min(1).max(100).default(20),
        }),
      },
    },
    (request) => runUseCase(request, (ctx) => orientation.searchOrientation(ctx, { ...request.query, freeOnly: request.query.freeOnly === 'true' })),
  );

  app.get('/api/orientation/completeness', { config: { access: 'directory.read' } }, async (request) => ({
    items: await runUseCase(request, (ctx) => orientation.completenessSummary(ctx)),
  }));

  app.get('/api/files/:id/orientation-requests', { config: { access: 'orientation.read' }, schema: { params: idParams } }, async (request) => ({
    items: await runUseCase(request, (ctx) => orientation.listFileRequests(ctx, request.params.id)),
  }));

  app.post(
    '/api/files/:id/orientation-requests',
    { config: { access: 'orientation.request' }, schema: { params: idParams, body: z.object({ offerId: z.string().uuid(), message: text(4000) }) } },
    async (request, reply) => reply.status(201).send(await runUseCase(request, (ctx) => orientation.sendRequest(ctx, request.params.id, request.body))),
  );

  app.get(
    '/api/orientation/requests/incoming',
    { config: { access: 'orientation.list-incoming' }, schema: { querystring: z.object({ status: z.enum(['sent', 'accepted', 'refused', 'waiting_list', 'cancelled']).optional() }) } },
    async (request) => ({ items: await runUseCase(request, (ctx) => orientation.listIncomingRequests(ctx, request.query.status)) }),
  );

  app.post(
    '/api/orientation/requests/:id/answer',
    {
      // the target's staff (orientation.answer) or the file's side recording an answer (orientation.request): the service decides
      config: { access: 'person' },
      schema: {
        params: idParams,
        body: z.object({
          version: z.number().int().min(1),
          status: z.enum(['accepted', 'refused', 'waiting_list']),
          refusalReason: z.enum(REFUSAL_REASONS).optional(),
          note: z.string().trim().max(2000).optional(),
        }),
      },
    },
    (request) => runUseCase(request, (ctx) => orientation.answerRequest(ctx, request.params.id, request.body)),
  );

  app.post(
    '/api/orientation/requests/:id/cancel',
    { config: { access: 'orientation.request' }, schema: { params: idParams, body: z.object({ version: z.number().int().min(1) }) } },
    (request) => runUseCase(request, (ctx) => orientation.cancelRequest(ctx, request.params.id, request.body.version)),
  );
}
