// HTTP routes of consents: information, consent to share outside the care team, objection.
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { runUseCase } from '#src/core/http/use-case.ts';
import * as consents from './service.ts';
import { COLLECTION_CHANNELS, CONSENT_KINDS, SHARE_CATEGORIES } from './rules.ts';

const idParams = z.object({ id: z.string().uuid() });

export async function registerConsentRoutes(root: FastifyInstance): Promise<void> {
  const app = root.withTypeProvider<ZodTypeProvider>();

  app.get('/api/files/:id/consents', { config: { access: 'consent.read' }, schema: { params: idParams } }, (request) =>
    runUseCase(request, (ctx) => consents.listConsents(ctx, request.params.id)),
  );

  app.post(
    '/api/files/:id/consents',
    {
      config: { access: 'consent.record' },
      schema: {
        params: idParams,
        body: z.object({
          kind: z.enum(CONSENT_KINDS),
          recipientStructureId: z.string().uuid().nullish(),
          recipientPersonId: z.string().uuid().nullish(),
          categories: z.array(z.enum(SHARE_CATEGORIES)).max(SHARE_CATEGORIES.length).optional(),
          collectedAt: z.coerce.date(),
          channel: z.enum(COLLECTION_CHANNELS),
          documentId: z.string().uuid().nullish(),
          comment: z.string().trim().max(2000).nullish(),
        }),
      },
    },
    async (request, reply) => reply.status(201).send(await runUseCase(request, (ctx) => consents.recordConsent(ctx, request.params.id, request.body))),
  );

  app.post(
    '/api/consents/:id/withdraw',
    { config: { access: 'consent.record' }, schema: { params: idParams, body: z.object({ version: z.number().int().min(1) }) } },
    (request) => runUseCase(request, (ctx) => consents.withdrawConsent(ctx, request.params.id, request.body.version)),
  );
}
