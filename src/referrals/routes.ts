// HTTP routes of requests for support: the app's form and the triage queue, and the public form
// (no account) with its tracking code.
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { runUseCase } from '#src/core/http/use-case.ts';
import { DAC_MISSIONS, SUPPORT_LEVELS } from '#src/files/rules.ts';
import * as referrals from './service.ts';
import { COMPLEXITY_CRITERIA, PUBLIC_REQUESTER_CATEGORIES, REFERRAL_CLOSURE_REASONS, REFERRAL_STATUSES, REQUESTER_CATEGORIES, URGENCIES } from './rules.ts';

const idParams = z.object({ id: z.string().uuid() });
const version = z.number().int().min(1);
const text = (max: number) => z.string().trim().min(1).max(max);
const name = z.string().trim().min(1).max(100).regex(/^[\p{L}][\p{L} '’-]*$/u, 'letters, spaces, hyphens and apostrophes only');
const phone = z.string().trim().regex(/^\+?[0-9 .]{6,20}$/, 'a phone number');
const birthDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'date YYYY-MM-DD');
const insee = z.string().regex(/^(\d{5}|2[AB]\d{3})$/, 'a 5-character INSEE commune code');

const content = {
  structureId: z.string().uuid(),
  person: z.object({ givenName: name, familyName: name, birthDate: birthDate.nullish(), communeInsee: insee.nullish(), phone: phone.nullish() }),
  situation: text(5000),
  criteria: z.array(z.enum(COMPLEXITY_CRITERIA)).max(COMPLEXITY_CRITERIA.length),
  urgency: z.enum(URGENCIES),
  consentToContact: z.boolean(),
};
// Public routes: a person may send a few requests an hour, not a bot a thousand.
const PUBLIC_RATE = { max: 5, timeWindow: '1 hour' };
const STATUS_RATE = { max: 30, timeWindow: '1 minute' };

export async function registerReferralRoutes(root: FastifyInstance): Promise<void> {
  const app = root.withTypeProvider<ZodTypeProvider>();

  app.post(
    '/api/referrals',
    {
      config: { access: 'referral.submit' },
      schema: {
        body: z.object({
          ...content,
          channel: z.enum(['app', 'phone']).default('app'),
          requesterCategory: z.enum(REQUESTER_CATEGORIES).optional(),
          requesterName: text(200).optional(),
          requesterPhone: phone.nullish(),
          requesterEmail: z.string().trim().email().max(200).nullish(),
        }),
      },
    },
    async (request, reply) => {
      const { channel, requesterCategory, requesterName, requesterPhone, requesterEmail, ...rest } = request.body;
      const requester = { category: requesterCategory, name: requesterName, phone: requesterPhone, email: requesterEmail };
      return reply.status(201).send(await runUseCase(request, (ctx) => referrals.submitReferral(ctx, rest, channel, requester)));
    },
  );

  app.get(
    '/api/referrals',
    {
      config: { access: 'referral.list-mine' },
      schema: {
        querystring: z.object({
          scope: z.enum(['queue', 'mine']).default('queue'),
          status: z.enum(['open', ...REFERRAL_STATUSES]).default('open'),
          assigned: z.enum(['all', 'me']).default('all'),
          limit: z.coerce.number().int().min(1).max(200).default(50),
        }),
      },
    },
    async (request) => {
      const { scope, status, assigned, limit } = request.query;
      const items = await runUseCase(request, (ctx) =>
        scope === 'mine' ? referrals.listMyReferrals(ctx, limit) : referrals.listTriageQueue(ctx, { status, mine: assigned === 'me', limit }),
      );
      return { items };
    },
  );

  app.get('/api/referrals/:id', { config: { access: 'person' }, schema: { params: idParams } }, (request) =>
    runUseCase(request, (ctx) => referrals.getReferral(ctx, request.params.id)),
  );

  app.post('/api/referrals/:id/assign', { config: { access: 'referral.triage' }, schema: { params: idParams, body: z.object({ version, assigneeId: z.string().uuid() }) } }, (request) =>
    runUseCase(request, (ctx) => referrals.assignReferral(ctx, request.params.id, request.body)),
  );

  app.post('/api/referrals/:id/request-info', { config: { access: 'referral.triage' }, schema: { params: idParams, body: z.object({ version, message: text(2000) }) } }, (request) =>
    runUseCase(request, (ctx) => referrals.requestInformation(ctx, request.params.id, request.body)),
  );

  app.post('/api/referrals/:id/add-info', { config: { access: 'person' }, schema: { params: idParams, body: z.object({ version, message: text(5000) }) } }, (request) =>
    runUseCase(request, (ctx) => referrals.addInformation(ctx, request.params.id, request.body)),
  );

  app.post(
    '/api/referrals/:id/accept',
    {
      config: { access: 'referral.triage' },
      schema: {
        params: idParams,
        body: z.object({
          version,
          patientId: z.string().uuid(),
          referentId: z.string().uuid().optional(),
          mission: z.enum(DAC_MISSIONS),
          supportLevel: z.enum(SUPPORT_LEVELS).optional(),
          message: text(2000).optional(),
        }),
      },
    },
    (request) => runUseCase(request, (ctx) => referrals.acceptReferral(ctx, request.params.id, request.body)),
  );

  app.post(
    '/api/referrals/:id/redirect',
    {
      config: { access: 'referral.triage' },
      schema: { params: idParams, body: z.object({ version, organizationId: z.string().uuid().optional(), name: text(200).optional(), message: text(2000) }) },
    },
    (request) => runUseCase(request, (ctx) => referrals.redirectReferral(ctx, request.params.id, request.body)),
  );

  app.post(
    '/api/referrals/:id/close',
    { config: { access: 'referral.triage' }, schema: { params: idParams, body: z.object({ version, reason: z.enum(REFERRAL_CLOSURE_REASONS), message: text(2000) }) } },
    (request) => runUseCase(request, (ctx) => referrals.closeReferral(ctx, request.params.id, request.body)),
  );

  // ---- public form ----
  app.get('/api/public/referral-form', { config: { access: 'public', rateLimit: STATUS_RATE } }, async (request) => ({
    formToken: referrals.issueFormToken(app.config.formSecret, new Date()),
    structures: await runUseCase(request, (ctx) => referrals.listReferralTargets(ctx)),
  }));

  app.post(
    '/api/public/referrals',
    {
      config: { access: 'public', rateLimit: PUBLIC_RATE },
      schema: {
        body: z.object({
          ...content,
          requesterCategory: z.enum(PUBLIC_REQUESTER_CATEGORIES),
          requesterName: text(200),
          requesterPhone: phone.nullish(),
          requesterEmail: z.string().trim().email().max(200).nullish(),
          formToken: z.string().max(200),
          website: z.string().max(200).optional(),
        }),
      },
    },
    async (request, reply) => reply.status(201).send(await runUseCase(request, (ctx) => referrals.submitPublicReferral(ctx, app.config.formSecret, request.body))),
  );

  app.get(
    '/api/public/referrals/status',
    { config: { access: 'public', rateLimit: STATUS_RATE }, schema: { querystring: z.object({ code: z.string().trim().min(8).max(40) }) } },
    (request) => runUseCase(request, (ctx) => referrals.publicReferralStatus(ctx, request.query.code)),
  );
}
