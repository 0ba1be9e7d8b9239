// HTTP routes of documents. Uploads are the raw bytes (application/octet-stream) with the metadata in
// the query, read up to the size limit and refused with 413 past it, before anything is stored.
import type { Readable } from 'node:stream';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { DomainError } from '#src/core/http/errors.ts';
import { runUseCase } from '#src/core/http/use-case.ts';
import * as documents from './service.ts';
import { contentDisposition, DOCUMENT_TYPE_CODES, VISIBILITIES } from './rules.ts';

const idParams = z.object({ id: z.string().uuid() });
const typeCode = z.string().refine((code) => DOCUMENT_TYPE_CODES.includes(code), 'a CI-SIS document type');
const filename = z.string().trim().min(1).max(200);

/** The raw bytes sent (none unless sent as application/octet-stream: the use case then refuses an empty file, after the rights). */
async function readBody(request: FastifyRequest, maxBytes: number): Promise<Buffer> {
  if (!request.headers['content-type']?.startsWith('application/octet-stream')) return Buffer.alloc(0);
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of request.body as Readable) {
    size += (chunk as Buffer).length;
    if (size > maxBytes) throw new DomainError(413, 'documents.too_large', `The file is larger than ${maxBytes} bytes`, { fields: { file: `at most ${maxBytes} bytes` } });
    chunks.push(chunk as Buffer);
  }
  return Buffer.concat(chunks);
}

export async function registerDocumentRoutes(root: FastifyInstance): Promise<void> {
  const app = root.withTypeProvider<ZodTypeProvider>();
  const max = () => app.config.documentMaxBytes;

  app.get('/api/files/:id/documents', { config: { access: 'document.read' }, schema: { params: idParams } }, async (request) => ({
    items: await runUseCase(request, (ctx) => documents.listFileDocuments(ctx, request.params.id)),
  }));

  app.post(
    '/api/files/:id/documents',
    {
      config: { access: 'document.upload' },
      bodyLimit: 1024 * 1024 * 1024,
      schema: {
        params: idParams,
        querystring: z.object({ title: z.string().trim().min(1).max(200), typeCode, visibility: z.enum(VISIBILITIES).default('care_team'), evaluation: z.enum(['true', 'false']).default('false'), filename }),
      },
    },
    async (request, reply) => {
      const bytes = await readBody(request, max());
      const { title, typeCode: code, visibility, evaluation, filename: name } = request.query;
      const meta = { title, typeCode: code, visibility, isEvaluation: evaluation === 'true', filename: name };
      return reply.status(201).send(await runUseCase(request, (ctx) => documents.uploadDocument(ctx, request.params.id, meta, bytes, max())));
    },
  );

  app.get('/api/documents/:id', { config: { access: 'document.read' }, schema: { params: idParams } }, (request) => runUseCase(request, (ctx) => documents.getDocument(ctx, request.params.id)));

  app.patch(
    '/api/documents/:id',
    {
      config: { access: 'document.manage' },
      schema: { params: idParams, body: z.object({ version: z.number().int().min(1), title: z.string().trim().min(1).max(200).optional(), typeCode: typeCode.optional(), visibility: z.enum(VISIBILITIES).optional(), isEvaluation: z.boolean().optional() }) },
    },
    (request) => runUseCase(request, (ctx) => documents.updateDocument(ctx, request.params.id, request.body)),
  );

  app.post(
    '/api/documents/:id/versions',
    { config: { access: 'document.manage' }, bodyLimit: 1024 * 1024 * 1024, schema: { params: idParams, querystring: z.object({ version: z.coerce.number().int().min(1), filename }) } },
    async (request, reply) => {
      const bytes = await readBody(request, max());
      return reply.status(201).send(await runUseCase(request, (ctx) => documents.addVersion(ctx, request.params.id, request.query, bytes, max())));
    },
  );

  app.delete(
    '/api/documents/:id',
    { config: { access: 'document.manage' }, schema: { params: idParams, querystring: z.object({ version: z.coerce.number().int().min(1) }) } },
    async (request, reply) => {
      await runUseCase(request, (ctx) => documents.deleteDocument(ctx, request.params.id, request.query.version));
      return reply.status(204).send();
    },
  );

  app.get(
    '/api/documents/:id/versions/:number/content',
    { config: { access: 'document.read' }, schema: { params: z.object({ id: z.string().uuid(), number: z.coerce.number().int().min(1) }) } },
    async (request, reply) => {
      const content = await runUseCase(request, (ctx) => documents.downloadVersion(ctx, request.params.id, request.params.number));
      return reply
        .type(content.mediaType)
        .header('content-disposition', contentDisposition(content.filename))
        .header('x-content-type-options', 'nosniff')
        .header('cache-control', 'private, no-store')
        .send(content.bytes);
    },
  );
}
