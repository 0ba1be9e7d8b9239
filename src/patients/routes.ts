// HTTP routes of patients.
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { runUseCase } from '#src/core/http/use-case.ts';
import * as patients from './service.ts';
import * as identity from './identity-service.ts';
import * as vigilance from './vigilance-service.ts';

// Names as the civil status writes them: letters (accents allowed), spaces, hyphens, apostrophes.
const name = z.string().trim().min(1).max(100).regex(/^[\p{L}][\p{L} '’-]*$/u, 'letters, spaces, hyphens and apostrophes only');
const optionalText = (max: number) => z.string().trim().max(max).nullish();
const birthDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'date YYYY-MM-DD');

const patientFields = {
  birthName: name,
  usedName: name.nullish(),
  givenName: name,
  birthGivenNames: z.string().trim().max(200).regex(/^[\p{L}][\p{L} '’-]*$/u, 'letters, spaces, hyphens and apostrophes only').nullish(),
  usedGivenName: name.nullish(),
  birthDate,
  sex: z.enum(['F', 'M', 'U']),
  birthplaceInsee: z.string().regex(/^[0-9][0-9AB][0-9]{3}$/, 'INSEE code of 5 characters').nullish(),
  birthplaceName: optionalText(100),
  addressLine: optionalText(200),
  postalCode: z.string().regex(/^\d{5}$/, '5 digits').nullish(),
  communeInsee: z.string().regex(/^[0-9][0-9AB][0-9]{3}$/, 'INSEE code of 5 characters').nullish(),
  communeName: optionalText(100),
  phone: z.string().trim().regex(/^\+?[0-9 .]{6,20}$/, 'a phone number').nullish(),
};
export const patientInputSchema = z.object(patientFields);
const idParams = z.object({ id: z.string().uuid() });
const reviewedCandidates = z.array(z.string().uuid()).max(50).optional();
const reason = z.string().trim().min(3).max(1000);
const version = z.number().int().min(1);
const documentKind = z.enum(['CNI', 'PASSPORT', 'RESIDENCE_PERMIT', 'BIRTH_CERTIFICATE', 'FAMILY_RECORD_BOOK']);
// The matricule INS as typed in a search: 13 or 15 characters, spaces allowed.
const insQuery = z
  .string()
  .transform((v) => v.replace(/\s+/g, '').toUpperCase())
  .pipe(z.string().regex(/^[0-9]{5}(?:[0-9]{2}|2A|2B)[0-9]{6}(?:[0-9]{2})?$/, '13 or 15 characters of a NIR/NIA'));
const inseeCode = z.string().regex(/^[0-9][0-9AB][0-9]{3}$/, 'INSEE code of 5 characters');

export async function registerPatientRoutes(root: FastifyInstance): Promise<void> {
  const app = root.withTypeProvider<ZodTypeProvider>();

  app.get(
    '/api/patients',
    {
      config: { access: 'patient.search' },
      schema: {
        querystring: z.object({
          q: z.string().max(100).default(''),
          birthDate: birthDate.optional(),
          ins: insQuery.optional(),
          communeInsee: inseeCode.optional(),
          limit: z.coerce.number().int().min(1).max(100).default(20),
        }),
      },
    },
    async (request) => ({ items: await runUseCase(request, (ctx) => patients.searchPatients(ctx, request.query)) }),
  );

  app.post(
    '/api/patients/duplicate-candidates',
    {
      config: { access: 'patient.create' },
      schema: {
        body: z.object({
          birthName: name,
          usedName: name.nullish(),
          givenName: name,
          birthDate,
          sex: z.enum(['F', 'M', 'U']),
          excludePatientId: z.string().uuid().optional(),
        }),
      },
    },
    async (request) => ({ items: await runUseCase(request, (ctx) => patients.findDuplicateCandidates(ctx, request.body)) }),
  );

  app.post('/api/patients', { config: { access: 'patient.create' }, schema: { body: patientInputSchema.extend({ reviewedCandidates }) } }, async (request, reply) => {
    const { reviewedCandidates: reviewed, ...input } = request.body;
    return reply.status(201).send(await runUseCase(request, (ctx) => patients.createPatient(ctx, input, { reviewedCandidates: reviewed })));
  });

  app.get('/api/patients/:id', { config: { access: 'patient.read' }, schema: { params: idParams } }, (request) =>
    runUseCase(request, (ctx) => patients.getPatient(ctx, request.params.id)),
  );

  app.patch(
    '/api/patients/:id',
    {
      config: { access: 'patient.update' },
      schema: { params: idParams, body: patientInputSchema.partial().extend({ version, reviewedCandidates }) },
    },
    (request) => {
      const { version: read, reviewedCandidates: reviewed, ...changes } = request.body;
      return runUseCase(request, (ctx) => patients.updatePatient(ctx, request.params.id, read, changes, { reviewedCandidates: reviewed }));
    },
  );

  app.get('/api/patients/:id/identity-history', { config: { access: 'patient.read' }, schema: { params: idParams } }, async (request) => ({
    items: await runUseCase(request, (ctx) => identity.identityHistory(ctx, request.params.id)),
  }));

  app.post(
    '/api/patients/:id/insi-retrieval',
    { config: { access: 'patient.manage-identity' }, schema: { params: idParams, body: z.object({ version }) } },
    (request) =>
      identity.retrieveIns((work) => runUseCase(request, work), request.server.insi, {
        patientId: request.params.id,
        version: request.body.version,
        production: request.server.config.production,
      }),
  );

  app.post(
    '/api/patients/:id/document-check',
    { config: { access: 'patient.manage-identity' }, schema: { params: idParams, body: z.object({ version, document: documentKind }) } },
    (request) => runUseCase(request, (ctx) => identity.checkIdentityDocument(ctx, request.params.id, request.body.version, request.body.document)),
  );

  app.post(
    '/api/patients/:id/attributes',
    {
      config: { access: 'patient.manage-identity' },
      schema: { params: idParams, body: z.object({ version, attribute: z.enum(['DOUT', 'FICT']), set: z.boolean(), reason }) },
    },
    (request) => runUseCase(request, (ctx) => identity.setIdentityFlag(ctx, request.params.id, request.body)),
  );

  app.get('/api/patients/:id/merges', { config: { access: 'patient.read' }, schema: { params: idParams } }, async (request) => ({
    items: await runUseCase(request, (ctx) => vigilance.listMerges(ctx, request.params.id)),
  }));

  app.post(
    '/api/patients/:id/merges',
    { config: { access: 'identity.review' }, schema: { params: idParams, body: z.object({ mergedPatientId: z.string().uuid(), reason }) } },
    async (request, reply) =>
      reply.status(201).send(await runUseCase(request, (ctx) => vigilance.mergePatients(ctx, request.params.id, request.body.mergedPatientId, request.body.reason))),
  );

  app.post(
    '/api/patient-merges/:id/undo',
    { config: { access: 'identity.review' }, schema: { params: idParams, body: z.object({ reason }) } },
    (request) => runUseCase(request, (ctx) => vigilance.undoMerge(ctx, request.params.id, request.body.reason)),
  );

  app.get(
    '/api/identity/suspicions',
    {
      config: { access: 'identity.review' },
      schema: {
        querystring: z.object({
          status: z.enum(['open', 'dismissed', 'merged', 'all']).default('open'),
          limit: z.coerce.number().int().min(1).max(200).default(100),
        }),
      },
    },
    async (request) => ({ items: await runUseCase(request, (ctx) => vigilance.listSuspicions(ctx, request.query)) }),
  );

  app.post(
    '/api/identity/suspicions',
    {
      config: { access: 'patient.manage-identity' },
      schema: { body: z.object({ kind: z.enum(['duplicate', 'collision']), patientId: z.string().uuid(), otherPatientId: z.string().uuid().optional(), note: reason }) },
    },
    async (request, reply) => reply.status(201).send(await runUseCase(request, (ctx) => vigilance.reportSuspicion(ctx, request.body))),
  );

  app.post(
    '/api/identity/suspicions/:id/dismiss',
    { config: { access: 'identity.review' }, schema: { params: idParams, body: z.object({ reason }) } },
    (request) => runUseCase(request, (ctx) => vigilance.dismissSuspicion(ctx, request.params.id, request.body.reason)),
  );
}
