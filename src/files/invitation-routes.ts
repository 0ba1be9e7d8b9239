// HTTP routes of care-team invitations: invite, re-send, revoke (coordinators), and the public link
// (preview, open a session, create the account). The mail leaves after the use case has committed.
import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { runUseCase } from '#src/core/http/use-case.ts';
import { sendMail } from '#src/core/mail.ts';
import { setSessionCookie } from '#src/accounts/routes.ts';
import * as invitations from './invitations.ts';
import { CARE_TEAM_ROLES } from './rules.ts';

const fileParams = z.object({ id: z.string().uuid() });
const invitationParams = z.object({ id: z.string().uuid(), invitationId: z.string().uuid() });
// 32 bytes in base64url: 43 characters; anything else is not a link of ours
const tokenParams = z.object({ token: z.string().regex(/^[A-Za-z0-9_-]{43}$/) });
const LINK_RATE = { max: 30, timeWindow: '1 minute' };

/**
 * Sends the mail of a committed invitation and records what became of it. When it did not leave
 * (no SMTP server, or a failure), the answer carries the link once: the coordinator passes it on.
 */
async function deliver(request: FastifyRequest, pending: invitations.PendingMail): Promise<{ mailStatus: string; link: string | null }> {
  const outcome = await sendMail(request.server.config.smtpUrl, pending.mail, (error) => request.log.warn({ err: error }, 'invitation mail not sent'));
  await runUseCase(request, (ctx) => invitations.recordMailOutcome(ctx, pending.invitationId, outcome));
  return { mailStatus: outcome, link: outcome === 'sent' ? null : pending.link };
}

export async function registerInvitationRoutes(root: FastifyInstance): Promise<void> {
  const app = root.withTypeProvider<ZodTypeProvider>();
  const publicUrl = () => app.config.publicUrl;

  app.post(
    '/api/files/:id/invitations',
    {
      config: { access: 'file.manage-team' },
      schema: {
        params: fileParams,
        body: z.object({
          professionalId: z.string().uuid().optional(),
          givenName: z.string().trim().max(100).optional(),
          familyName: z.string().trim().max(100).optional(),
          profession: z.string().trim().max(100).nullish(),
          rpps: z.string().regex(/^\d{11}$/).nullish(),
          email: z.string().trim().toLowerCase().email().max(254).optional(),
          role: z.enum(CARE_TEAM_ROLES),
          periodStart: z.coerce.date().optional(),
          periodEnd: z.coerce.date().nullish(),
        }),
      },
    },
    async (request, reply) => {
      const result = await runUseCase(request, (ctx) => invitations.inviteToCareTeam(ctx, request.params.id, request.body, publicUrl()));
      if (result.outcome === 'added') return reply.status(201).send({ outcome: 'added', member: result.member, invitation: null, link: null });
      const { mailStatus, link } = await deliver(request, result.pending);
      return reply.status(201).send({ outcome: 'invited', member: null, invitation: { ...result.invitation, mailStatus }, link });
    },
  );

  app.get('/api/files/:id/invitations', { config: { access: 'file.manage-team' }, schema: { params: fileParams } }, async (request) => ({
    items: await runUseCase(request, (ctx) => invitations.listFileInvitations(ctx, request.params.id)),
  }));

  app.post('/api/files/:id/invitations/:invitationId/resend', { config: { access: 'file.manage-team' }, schema: { params: invitationParams } }, async (request) => {
    const result = await runUseCase(request, (ctx) => invitations.resendInvitation(ctx, request.params.id, request.params.invitationId, publicUrl()));
    const { mailStatus, link } = await deliver(request, result.pending);
    return { invitation: { ...result.invitation, mailStatus }, link };
  });

  app.post('/api/files/:id/invitations/:invitationId/revoke', { config: { access: 'file.manage-team' }, schema: { params: invitationParams } }, (request) =>
    runUseCase(request, (ctx) => invitations.revokeInvitation(ctx, request.params.id, request.params.invitationId)),
  );

  app.get('/api/care-teams/mine', { config: { access: 'person' } }, (request) => runUseCase(request, (ctx) => invitations.listMyCareTeams(ctx)));

  app.get('/api/invitations/:token', { config: { access: 'public', rateLimit: LINK_RATE }, schema: { params: tokenParams } }, (request) =>
    runUseCase(request, (ctx) => invitations.previewInvitation(ctx, request.params.token)),
  );

  app.post('/api/invitations/:token/open', { config: { access: 'public', rateLimit: LINK_RATE }, schema: { params: tokenParams } }, async (request, reply) => {
    const { fileId, session } = await runUseCase(request, (ctx) => invitations.openInvitation(ctx, request.params.token, request.headers['user-agent'] ?? null));
    setSessionCookie(request, reply, session.sessionId, session.expiresAt);
    return { fileId, me: session.me, csrfToken: session.csrfToken };
  });

  app.post(
    '/api/invitations/:token/account',
    { config: { access: 'public', rateLimit: LINK_RATE }, schema: { params: tokenParams, body: z.object({ password: z.string().min(1).max(1024) }) } },
    (request) => runUseCase(request, (ctx) => invitations.completeInvitedAccount(ctx, request.params.token, request.body.password)),
  );
}
