// FHIR R4 DocumentReference (read, search by patient and type) and Binary (the current version's
// bytes, audited like any download); the decisions stay in src/documents and src/files.
import type { FastifyError, FastifyInstance } from 'fastify';
import { runUseCase } from '#src/core/http/use-case.ts';
import * as documents from '#src/documents/service.ts';
import { authorizeOnFile, readableFileIdsOfPatient } from '#src/files/service.ts';
import { documentToFhir } from './document-resource.ts';
import { sendOutcome } from './routes.ts';
import { answerSearch, byId, collectCriteria, FHIR_JSON, idOf, param, planOf, referenceCriterion, tokenCriterion, type Plan, type Query } from './search.ts';

function documentSearch(query: Query): Plan {
  const id = param(query, '_id');
  if (id !== undefined) return byId(id, async (ctx, uuid) => documentToFhir(await documents.getDocument(ctx, uuid)));
  const c = collectCriteria();
  const patientId = referenceCriterion(query, c, 'patient', 'Patient') ?? referenceCriterion(query, c, 'subject', 'Patient');
  const type = tokenCriterion(query, c, 'type', 'http://loinc.org');
  return planOf(c, async (ctx, limit, offset) => {
    // without a patient, a search would list the region's documents: it finds nothing
    if (!patientId) return [];
    const files = await Promise.all((await readableFileIdsOfPatient(ctx, patientId, 'document.read')).map((fileId) => authorizeOnFile(ctx, fileId, 'document.read')));
    const found = (await documents.listDocumentsOfFiles(ctx, files)).filter((d) => !type || d.type.code === type);
    return found.slice(offset, offset + limit).map(documentToFhir);
  });
}

export async function registerFhirDocumentRoutes(root: FastifyInstance): Promise<void> {
  await root.register(
    async (fhir) => {
      fhir.setErrorHandler((error: FastifyError, _request, reply) => sendOutcome(reply, error));
      const access = { config: { access: 'document.read' as const } };
      fhir.get('/DocumentReference/:id', access, async (request, reply) => {
        const id = idOf(request, 'DocumentReference', 'documents.not_found');
        return reply.type(FHIR_JSON).send(documentToFhir(await runUseCase(request, (ctx) => documents.getDocument(ctx, id))));
      });
      fhir.get('/DocumentReference', access, (request, reply) => answerSearch(request, reply, 'DocumentReference', documentSearch));
      fhir.get('/Binary/:id', access, async (request, reply) => {
        const id = idOf(request, 'Binary', 'documents.not_found');
        const content = await runUseCase(request, (ctx) => documents.downloadVersion(ctx, id));
        if (request.headers.accept?.includes('fhir+json')) {
          return reply.type(FHIR_JSON).send({ resourceType: 'Binary', id, contentType: content.mediaType, data: content.bytes.toString('base64') });
        }
        return reply.type(content.mediaType).header('x-content-type-options', 'nosniff').header('cache-control', 'private, no-store').send(content.bytes);
      });
    },
    { prefix: '/fhir/R4' },
  );
}
