// HTTP routes of accounts: login, logout, who am I, acting membership, second factor, API tokens, directory, administration.
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { SESSION_COOKIE } from '#src/core/http/access-hook.ts';
import { Unauthorized } from '#src/core/http/errors.ts';
import { runUseCase } from '#src/core/http/use-case.ts';
import { ROLES } from '#src/core/auth/rights.ts';
import * as accounts from './service.ts';

const email = z.string().trim().toLowerCase().email().max(254);
const STRUCTURE_KINDS = ['dac', 'cpts', 'hospital', 'esms', 'practice', 'social_service'] as const;
const SECTORS = ['health', 'medico_social', 'social', 'none'] as const;

export function setSessionCookie(request: FastifyRequest, reply: FastifyReply, sessionId: string, expires: Date): void {
  reply.setCookie(SESSION_COOKIE, sessionId, {
    path: '/',
    httpOnly: true,
    sameSite: 'lax',
    secure: request.server.config.secureCookies,
    expires,
  });
}

function sessionOf(request: FastifyRequest): string {
  const hash = request.caller?.sessionIdHash;
  if (!hash) throw new Unauthorized('auth.session_required', 'This needs a browser session, not an API token');
  return hash;
}

export async function registerAccountRoutes(root: FastifyInstance): Promise<void> {
  const app = root.withTypeProvider<ZodTypeProvider>();

  app.post(
    '/api/auth/login',
    {
      config: { access: 'public', rateLimit: { max: 20, timeWindow: '1 minute' } },
      schema: { body: z.object({ email, password: z.string().min(1).max(1024), totpCode: z.string().max(12).optional() }) },
    },
    async (request, reply) => {
      const result = await runUseCase(request, (ctx) =>
        accounts.login(ctx, request.body, app.config.sessionHours, request.headers['user-agent'] ?? null),
      );
      if ('refusal' in result) throw result.refusal;
      setSessionCookie(request, reply, result.sessionId, result.expiresAt);
      return { me: result.me, csrfToken: result.csrfToken };
    },
  );

  app.post('/api/auth/logout', { config: { access: 'second-factor-setup' } }, async (request, reply) => {
    const sessionId = request.cookies[SESSION_COOKIE];
    if (sessionId) await accounts.logout(app.database.db, sessionId);
    reply.clearCookie(SESSION_COOKIE, { path: '/' });
    return reply.status(204).send();
  });

  app.get('/api/auth/me', { config: { access: 'second-factor-setup' } }, async (request) => ({
    me: request.caller!.me,
    csrfToken: request.caller!.csrfToken,
  }));

  app.post(
    '/api/auth/acting',
    { config: { access: 'person' }, schema: { body: z.object({ membershipId: z.string().uuid() }) } },
    async (request) => {
      const me = await runUseCase(request, (ctx) => accounts.switchActingMembership(ctx, sessionOf(request), request.body.membershipId));
      return { me, csrfToken: request.caller!.csrfToken };
    },
  );

  app.post('/api/auth/totp/setup', { config: { access: 'second-factor-setup' } }, (request) =>
    runUseCase(request, (ctx) => accounts.startTotpSetup(ctx)),
  );

  app.post(
    '/api/auth/totp/enable',
    { config: { access: 'second-factor-setup' }, schema: { body: z.object({ code: z.string().trim().regex(/^\d{6}$/) }) } },
    async (request, reply) => {
      await runUseCase(request, (ctx) => accounts.enableTotp(ctx, request.body.code, request.caller!.sessionIdHash));
      return reply.status(204).send();
    },
  );

  app.get('/api/tokens', { config: { access: 'person' } }, async (request) => ({
    items: await runUseCase(request, (ctx) => accounts.listApiTokens(ctx)),
  }));

  app.post(
    '/api/tokens',
    { config: { access: 'person' }, schema: { body: z.object({ name: z.string().trim().min(1).max(100) }) } },
    async (request, reply) => reply.status(201).send(await runUseCase(request, (ctx) => accounts.createApiToken(ctx, request.body.name))),
  );

  app.delete(
    '/api/tokens/:id',
    { config: { access: 'person' }, schema: { params: z.object({ id: z.string().uuid() }) } },
    async (request, reply) => {
      await runUseCase(request, (ctx) => accounts.revokeApiToken(ctx, request.params.id));
      return reply.status(204).send();
    },
  );

  app.get(
    '/api/people',
    {
      config: { access: 'directory.search' },
      schema: { querystring: z.object({ q: z.string().max(100).default(''), limit: z.coerce.number().int().min(1).max(50).default(20) }) },
    },
    async (request) => ({ items: await runUseCase(request, (ctx) => accounts.searchPeople(ctx, request.query.q, request.query.limit)) }),
  );

  app.get('/api/structures', { config: { access: 'person' } }, async (request) => ({
    items: await runUseCase(request, (ctx) => accounts.listStructures(ctx)),
  }));

  app.get(
    '/api/admin/people',
    { config: { access: 'account.manage' }, schema: { querystring: z.object({ q: z.string().max(100).default('') }) } },
    async (request) => ({ items: await runUseCase(request, (ctx) => accounts.listPeopleForAdmin(ctx, request.query.q)) }),
  );

  app.post(
    '/api/admin/people',
    {
      config: { access: 'account.manage' },
      schema: {
        body: z.object({
          email,
          givenName: z.string().trim().min(1).max(100),
          familyName: z.string().trim().min(1).max(100),
          sector: z.enum(SECTORS),
          profession: z.string().trim().max(100).nullish(),
          rpps: z.string().regex(/^\d{11}$/).nullish(),
          password: z.string().min(12).max(1024),
          memberships: z.array(z.object({ structureId: z.string().uuid(), role: z.enum(ROLES), identityReferent: z.boolean().optional() })).min(1).max(20),
        }),
      },
    },
    async (request, reply) => reply.status(201).send(await runUseCase(request, (ctx) => accounts.createPerson(ctx, request.body))),
  );

  app.post(
    '/api/admin/structures',
    {
      config: { access: 'account.manage' },
      schema: {
        body: z.object({
          name: z.string().trim().min(2).max(200),
          kind: z.enum(STRUCTURE_KINDS),
          finess: z.string().regex(/^[0-9AB]{9}$/).nullish(),
          siret: z.string().regex(/^\d{14}$/).nullish(),
          communeName: z.string().trim().max(100).nullish(),
        }),
      },
    },
    async (request, reply) => reply.status(201).send(await runUseCase(request, (ctx) => accounts.createStructure(ctx, request.body))),
  );
}
