// HTTP routes of patients.
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { runUseCase } from '#src/core/http/use-case.ts';
import * as patients from './service.ts';

// Names as the civil status writes them: letters (accents allowed), spaces, hyphens, apostrophes.
const name = z.string().trim().min(1).max(100).regex(/^[\p{L}][\p{L} '’-]*$/u, 'letters, spaces, hyphens and apostrophes only');
const optionalText = (max: number) => z.string().trim().max(max).nullish();
const birthDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'date YYYY-MM-DD');

const patientFields = {
  birthName: name,
  usedName: name.nullish(),
  givenName: name,
  birthGivenNames: z.string().trim().max(200).nullish(),
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
          limit: z.coerce.number().int().min(1).max(100).default(20),
        }),
      },
    },
    async (request) => ({ items: await runUseCase(request, (ctx) => patients.searchPatients(ctx, request.query)) }),
  );

  app.post('/api/patients', { config: { access: 'patient.create' }, schema: { body: patientInputSchema } }, async (request, reply) =>
    reply.status(201).send(await runUseCase(request, (ctx) => patients.createPatient(ctx, request.body))),
  );

  app.get('/api/patients/:id', { config: { access: 'patient.read' }, schema: { params: idParams } }, (request) =>
    runUseCase(request, (ctx) => patients.getPatient(ctx, request.params.id)),
  );

  app.patch(
    '/api/patients/:id',
    {
      config: { access: 'patient.update' },
      schema: { params: idParams, body: patientInputSchema.partial().extend({ version: z.number().int().min(1) }) },
    },
    (request) => {
      const { version, ...changes } = request.body;
      return runUseCase(request, (ctx) => patients.updatePatient(ctx, request.params.id, version, changes));
    },
  );
}
