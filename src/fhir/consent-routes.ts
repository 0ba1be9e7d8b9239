// FHIR R4 read and search of Consent by patient; the decisions stay in src/consents.
import type { FastifyError, FastifyInstance } from 'fastify';
import { runUseCase } from '#src/core/http/use-case.ts';
import * as consents from '#src/consents/service.ts';
import { consentToFhir } from './consent-resource.ts';
import { sendOutcome } from './routes.ts';
import { answerSearch, byId, collectCriteria, FHIR_JSON, idOf, param, planOf, referenceCriterion, type Plan, type Query } from './search.ts';

function consentSearch(query: Query): Plan {
  const id = param(query, '_id');
  if (id !== undefined) return byId(id, async (ctx, uuid) => consentToFhir(await consents.getConsent(ctx, uuid)));
  const c = collectCriteria();
  const patientId = referenceCriterion(query, c, 'patient', 'Patient');
  return planOf(c, async (ctx, limit, offset) => {
    // a search without a patient would list the region's consents: it finds nothing
    if (!patientId) return [];
    return (await consents.listPatientConsents(ctx, patientId)).slice(offset, offset + limit).map(consentToFhir);
  });
}

export async function registerFhirConsentRoutes(root: FastifyInstance): Promise<void> {
  await root.register(
    async (fhir) => {
      fhir.setErrorHandler((error: FastifyError, _request, reply) => sendOutcome(reply, error));
      const access = { config: { access: 'consent.read' as const } };
      fhir.get('/Consent/:id', access, async (request, reply) => {
        const id = idOf(request, 'Consent', 'consents.not_found');
        const view = await runUseCase(request, (ctx) => consents.getConsent(ctx, id));
        return reply.type(FHIR_JSON).send(consentToFhir(view));
      });
      fhir.get('/Consent', access, (request, reply) => answerSearch(request, reply, 'Consent', consentSearch));
    },
    { prefix: '/fhir/R4' },
  );
}
