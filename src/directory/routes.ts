// HTTP routes of the regional directory and of its imports (upload of an extraction, progress, report).
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { pipeline } from 'node:stream/promises';
import { Transform, type Readable } from 'node:stream';
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { BadInput } from '#src/core/http/errors.ts';
import { runUseCase } from '#src/core/http/use-case.ts';
import { newId } from '#src/core/ids.ts';
import * as directory from './service.ts';

const idParams = z.object({ id: z.string().uuid() });
const paging = { limit: z.coerce.number().int().min(1).max(100).default(20), offset: z.coerce.number().int().min(0).max(10_000).default(0) };
const insee = z.string().regex(/^(\d{5}|2[AB]\d{3})$/, 'a 5-character INSEE commune code');
/** A national extraction is a few hundred MB; this leaves room without letting a client fill the disk. */
export const MAX_UPLOAD_BYTES = 2 * 1024 ** 3;

export async function registerDirectoryRoutes(root: FastifyInstance): Promise<void> {
  const app = root.withTypeProvider<ZodTypeProvider>();
  // Extractions are uploaded as the raw file: streamed to disk, never buffered.
  app.addContentTypeParser('application/octet-stream', (_request, payload, done) => done(null, payload));

  app.get(
    '/api/directory/professionals',
    {
      config: { access: 'directory.read' },
      schema: { querystring: z.object({ q: z.string().max(100).optional(), profession: z.string().max(10).optional(), skill: z.string().max(20).optional(), commune: insee.optional(), ...paging }) },
    },
    async (request) => ({ items: await runUseCase(request, (ctx) => directory.searchProfessionals(ctx, request.query)) }),
  );

  app.get('/api/directory/professionals/:id', { config: { access: 'directory.read' }, schema: { params: idParams } }, (request) =>
    runUseCase(request, (ctx) => directory.getProfessional(ctx, request.params.id)),
  );

  app.get(
    '/api/directory/organizations',
    {
      config: { access: 'directory.read' },
      schema: { querystring: z.object({ q: z.string().max(100).optional(), category: z.string().max(10).optional(), commune: insee.optional(), structureId: z.string().uuid().optional(), ...paging }) },
    },
    async (request) => ({ items: await runUseCase(request, (ctx) => directory.searchOrganizations(ctx, request.query)) }),
  );

  app.get('/api/directory/organizations/:id', { config: { access: 'directory.read' }, schema: { params: idParams } }, (request) =>
    runUseCase(request, (ctx) => directory.getOrganization(ctx, request.params.id)),
  );

  app.get('/api/directory/organizations/:id/professionals', { config: { access: 'directory.read' }, schema: { params: idParams, querystring: z.object(paging) } }, async (request) => ({
    items: await runUseCase(request, (ctx) => directory.searchActivities(ctx, { organizationId: request.params.id, ...request.query })),
  }));

  app.patch(
    '/api/directory/organizations/:id',
    { config: { access: 'directory.link-structure' }, schema: { params: idParams, body: z.object({ structureId: z.string().uuid().nullable() }) } },
    (request) => runUseCase(request, (ctx) => directory.linkOrganizationStructure(ctx, request.params.id, request.body.structureId)),
  );

  app.get('/api/directory/status', { config: { access: 'directory.read' } }, (request) => runUseCase(request, (ctx) => directory.directoryStatus(ctx)));

  app.get('/api/directory/imports', { config: { access: 'directory.import' } }, async (request) => ({
    items: await runUseCase(request, (ctx) => directory.listImports(ctx)),
  }));

  app.get('/api/directory/imports/:id', { config: { access: 'directory.import' }, schema: { params: idParams } }, (request) =>
    runUseCase(request, (ctx) => directory.getImport(ctx, request.params.id)),
  );

  app.post(
    '/api/directory/imports',
    {
      config: { access: 'directory.import' },
      bodyLimit: MAX_UPLOAD_BYTES,
      schema: {
        querystring: z.object({
          kind: z.enum(['rpps', 'finess', 'mssante']),
          fileName: z.string().min(1).max(200),
          partial: z.enum(['true', 'false']).default('false'),
        }),
      },
    },
    async (request, reply) => {
      if (!request.headers['content-type']?.startsWith('application/octet-stream')) {
        throw new BadInput('directory.upload_type', 'Send the extraction as application/octet-stream', { body: 'the raw file' });
      }
      const file = await saveUpload(request.body as Readable);
      try {
        const { kind, fileName, partial } = request.query;
        const job = { kind, path: file, fileName, partial: partial === 'true' };
        const run = await runUseCase(request, (ctx) => directory.createImport(ctx, job));
        void directory
          .executeImport(request.server.database, run.id, job)
          .catch((error: unknown) => request.log.error({ err: error }, 'directory import failed'))
          .finally(() => fs.promises.rm(file, { force: true }));
        return reply.status(202).send(run);
      } catch (error) {
        await fs.promises.rm(file, { force: true });
        throw error;
      }
    },
  );
}

async function saveUpload(body: Readable): Promise<string> {
  const dir = path.join(os.tmpdir(), 'trame-imports');
  await fs.promises.mkdir(dir, { recursive: true });
  const file = path.join(dir, `${newId()}.upload`);
  let size = 0;
  const limit = new Transform({
    transform(chunk: Buffer, _encoding, callback) {
      size += chunk.length;
      callback(size > MAX_UPLOAD_BYTES ? new BadInput('directory.upload_too_large', 'The file is larger than 2 GB', { body: 'too large' }) : null, chunk);
    },
  });
  try {
    await pipeline(body, limit, fs.createWriteStream(file));
  } catch (error) {
    await fs.promises.rm(file, { force: true });
    throw error;
  }
  if (size === 0) {
    await fs.promises.rm(file, { force: true });
    throw new BadInput('directory.upload_empty', 'The file is empty', { body: 'empty' });
  }
  return file;
}
