// The one error handler: typed domain errors keep their status and code, schema failures become 400
// naming each field, anything else is a 500 with a generic body and the full error in the log.
import type { FastifyError, FastifyInstance } from 'fastify';
import { hasZodFastifySchemaValidationErrors } from 'fastify-type-provider-zod';
import { DomainError } from './errors.ts';

type ErrorBody = { error: { code: string; message: string; details?: Record<string, unknown> } };

function fieldsOf(error: { validation: { instancePath: string; message?: string; params?: Record<string, unknown> }[] }): Record<string, string> {
  const fields: Record<string, string> = {};
  for (const issue of error.validation) {
    const fromPath = issue.instancePath.replace(/^\//, '').replaceAll('/', '.');
    const missing = issue.params?.issue && (issue.params.issue as { path?: unknown[] }).path;
    const name = fromPath || (Array.isArray(missing) ? missing.join('.') : '') || 'body';
    fields[name] ??= issue.message ?? 'invalid';
  }
  return fields;
}

export function installErrorHandler(app: FastifyInstance): void {
  app.setErrorHandler((error: FastifyError, request, reply) => {
    if (error instanceof DomainError) {
      if (error.status === 403) request.log.warn({ code: error.code, actor: request.caller?.actor.personId }, 'access refused');
      const body: ErrorBody = { error: { code: error.code, message: error.message, ...(error.details ? { details: error.details } : {}) } };
      return reply.status(error.status).send(body);
    }
    if (hasZodFastifySchemaValidationErrors(error)) {
      const fields = fieldsOf(error);
      const body: ErrorBody = { error: { code: 'request.invalid', message: `Invalid ${Object.keys(fields).join(', ')}`, details: { fields } } };
      return reply.status(400).send(body);
    }
    // Fastify's own client errors: unparsable JSON, wrong content type, body too large, rate limit.
    if (error.statusCode && error.statusCode >= 400 && error.statusCode < 500) {
      const code = error.statusCode === 429 ? 'request.rate_limited' : 'request.malformed';
      return reply.status(error.statusCode).send({ error: { code, message: error.message } } satisfies ErrorBody);
    }
    request.log.error({ err: error }, 'unexpected error');
    return reply.status(500).send({ error: { code: 'internal', message: 'Internal error' } } satisfies ErrorBody);
  });
  app.setNotFoundHandler((request, reply) =>
    reply.status(404).send({ error: { code: 'route.not_found', message: `No route ${request.method} ${request.url}` } } satisfies ErrorBody),
  );
}
