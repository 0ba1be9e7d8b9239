// Every API route declares its access; this hook authenticates the caller and applies the coarse
// check (can this role ever do this?). Object-level checks happen in the services.
import type { FastifyInstance, FastifyRequest } from 'fastify';
import { mayEverDo, RIGHTS, type Action } from '../auth/rights.ts';
import type { Caller } from '#src/accounts/service.ts';
import { resolveApiToken, resolveSession } from '#src/accounts/service.ts';
import type { Database } from '../db/connect.ts';
import { Forbidden, Unauthorized } from './errors.ts';

/** `public`: anyone; `person`: any logged-in person; `second-factor-setup`: allowed before an owed second factor is set up; or an action of the rights table. */
export type Access = 'public' | 'person' | 'second-factor-setup' | Action;

export type RouteAccess = { method: string; url: string; access: Access };

declare module 'fastify' {
  interface FastifyInstance {
    /** Every API route with its declared access, pinned by core/http/routes.test.ts. */
    routeAccessTable: RouteAccess[];
  }
  interface FastifyRequest {
    caller: Caller | null;
  }
  interface FastifyContextConfig {
    access?: Access;
  }
}

export const SESSION_COOKIE = 'trame_session';
/** The JSON API and the FHIR API: every route under them declares its access. */
const isGuarded = (url: string) => url.startsWith('/api/') || url.startsWith('/fhir/');
const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);

async function resolveCaller(database: Database, request: FastifyRequest): Promise<{ caller: Caller | null; viaCookie: boolean }> {
  const authorization = request.headers.authorization;
  if (authorization?.startsWith('Bearer ')) {
    const caller = await resolveApiToken(database.db, authorization.slice(7).trim(), new Date());
    if (!caller) throw new Unauthorized('auth.token_invalid', 'Unknown or revoked API token');
    return { caller, viaCookie: false };
  }
  const sessionId = request.cookies[SESSION_COOKIE];
  if (!sessionId) return { caller: null, viaCookie: false };
  return { caller: await resolveSession(database.db, sessionId, new Date()), viaCookie: true };
}

export function installAccessHook(app: FastifyInstance, database: Database): void {
  app.decorateRequest('caller', null);
  const table: RouteAccess[] = [];
  app.decorate('routeAccessTable', table);
  app.addHook('onRoute', (route) => {
    if (!isGuarded(route.url) || route.method === 'HEAD') return;
    const access = route.config?.access;
    if (!access) throw new Error(`Route ${route.method} ${route.url} declares no access`);
    if (!['public', 'person', 'second-factor-setup'].includes(access) && !(access in RIGHTS)) {
      throw new Error(`Route ${route.method} ${route.url} declares an unknown access "${access}"`);
    }
    table.push({ method: String(route.method), url: route.url, access });
  });
  app.addHook('preValidation', async (request) => {
    const access = request.routeOptions.config?.access;
    if (!access || !isGuarded(request.url)) return;
    const { caller, viaCookie } = await resolveCaller(database, request);
    request.caller = caller;
    if (access === 'public') return;
    if (!caller) throw new Unauthorized();
    if (viaCookie && !SAFE_METHODS.has(request.method) && request.headers['x-csrf-token'] !== caller.csrfToken) {
      throw new Forbidden('auth.csrf', 'Missing or wrong x-csrf-token header');
    }
    if (!caller.complete && access !== 'second-factor-setup') {
      throw new Forbidden('auth.totp_setup_required', 'Set up the second factor first');
    }
    if (access === 'person' || access === 'second-factor-setup') return;
    if (!mayEverDo(caller.actor.acting?.role ?? null, access, caller.actor.acting?.identityReferent ?? false)) throw new Forbidden(`access.${access}`, `Not allowed: ${access}`);
  });
}
