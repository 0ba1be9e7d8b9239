// Builds the Fastify application: plugins, the access hook, every capability's routes, the web app.
import cookie from '@fastify/cookie';
import helmet from '@fastify/helmet';
import rateLimit from '@fastify/rate-limit';
import fastifyStatic from '@fastify/static';
import swagger from '@fastify/swagger';
import Fastify, { type FastifyInstance } from 'fastify';
import { jsonSchemaTransform, serializerCompiler, validatorCompiler, type ZodTypeProvider } from 'fastify-type-provider-zod';
import fs from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { Config } from '../config.ts';
import type { Database } from '../db/connect.ts';
import type { LiveHub } from '../events/live.ts';
import type { InsiClient } from '#src/insi/types.ts';
import { registerConsentRoutes } from '#src/consents/routes.ts';
import { registerReferralRoutes } from '#src/referrals/routes.ts';
import { registerTaskRoutes } from '#src/tasks/routes.ts';
import { registerFhirTaskRoutes } from '#src/fhir/task-routes.ts';
import { registerBreakdownRoutes } from '#src/breakdowns/routes.ts';
import { registerDocumentRoutes } from '#src/documents/routes.ts';
import { registerFhirDocumentRoutes } from '#src/fhir/document-routes.ts';
import { registerFhirConsentRoutes } from '#src/fhir/consent-routes.ts';
import { registerFhirCareTeamRoutes } from '#src/fhir/care-team-routes.ts';
import { installAccessHook } from './access-hook.ts';
import { installErrorHandler } from './error-handler.ts';
import { installMetrics } from './metrics.ts';
import { registerHealthRoutes } from './health.ts';
import { registerAccountRoutes } from '#src/accounts/routes.ts';
import { registerPatientRoutes } from '#src/patients/routes.ts';
import { registerFileRoutes } from '#src/files/routes.ts';
import { registerFhirRoutes } from '#src/fhir/routes.ts';
import { registerTerritoryRoutes } from '#src/territories/routes.ts';
import { registerDirectoryRoutes } from '#src/directory/routes.ts';
import { registerOrientationRoutes } from '#src/orientation/routes.ts';
import { registerFhirDirectoryRoutes } from '#src/fhir/directory-routes.ts';

export type AppDeps = { config: Config; database: Database; live: LiveHub; insi?: InsiClient | null };
export type App = FastifyInstance;

declare module 'fastify' {
  interface FastifyInstance {
    live: LiveHub;
    config: Config;
    /** The INSi teleservice client; null when none is configured (the call then answers 503). */
    insi: InsiClient | null;
  }
}

const webDist = fileURLToPath(new URL('../../../web/dist', import.meta.url));

export async function buildApp(deps: AppDeps): Promise<App> {
  const app = Fastify({
    logger: { level: deps.config.logLevel },
    trustProxy: deps.config.production,
    bodyLimit: 1_048_576,
  }).withTypeProvider<ZodTypeProvider>();
  app.setValidatorCompiler(validatorCompiler);
  app.setSerializerCompiler(serializerCompiler);
  app.decorate('database', deps.database);
  app.decorate('live', deps.live);
  app.decorate('config', deps.config);
  app.decorate('insi', deps.insi ?? null);

  // Without TLS, HSTS and upgrade-insecure-requests would turn every page blank on a plain-http address.
  const tls = deps.config.secureCookies;
  await app.register(helmet, {
    hsts: tls,
    contentSecurityPolicy: { directives: { upgradeInsecureRequests: tls ? [] : null } },
  });
  await app.register(cookie);
  await app.register(rateLimit, { global: false });
  await app.register(swagger, {
    openapi: { info: { title: 'Trame API', version: '0.1.0' } },
    transform: jsonSchemaTransform,
  });
  installErrorHandler(app);
  installAccessHook(app, deps.database);
  installMetrics(app);

  await registerHealthRoutes(app);
  await registerAccountRoutes(app);
  await registerPatientRoutes(app);
  await registerFileRoutes(app);
  await registerFhirRoutes(app);
  await registerTerritoryRoutes(app);
  await registerDirectoryRoutes(app);
  await registerOrientationRoutes(app);
  await registerFhirDirectoryRoutes(app);
  await registerConsentRoutes(app);
  await registerReferralRoutes(app);
  await registerTaskRoutes(app);
  await registerFhirTaskRoutes(app);
  await registerBreakdownRoutes(app);
  await registerDocumentRoutes(app);
  await registerFhirDocumentRoutes(app);
  await registerFhirConsentRoutes(app);
  await registerFhirCareTeamRoutes(app);
  app.get('/api/openapi.json', { config: { access: 'public' }, schema: { hide: true } }, () => app.swagger());

  await serveWebApp(app);
  return app;
}

/** Serves the built React app; any other GET outside /api falls back to index.html (client-side routes). */
async function serveWebApp(app: App): Promise<void> {
  if (!fs.existsSync(`${webDist}/index.html`)) return;
  await app.register(fastifyStatic, { root: webDist, wildcard: false });
  app.get('/*', { schema: { hide: true } }, (request, reply) => {
    if (request.url.startsWith('/api/')) return reply.callNotFound();
    return reply.type('text/html').sendFile('index.html');
  });
}
