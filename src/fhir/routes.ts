// FHIR R4 Patient (FR Core) over the patients use cases: read, search, create, update. Every error is an
// OperationOutcome. The mapping lives in patient-resource.ts; rights, audit and rules stay in src/patients.
import type { FastifyError, FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { DomainError } from '#src/core/http/errors.ts';
import { runUseCase } from '#src/core/http/use-case.ts';
import * as patients from '#src/patients/service.ts';
import { FhirInvalid, operationOutcome, trameErrorOf, trameErrorToOperationOutcome } from './operation-outcome.ts';
import { fhirToPatientInput, patientToFhir } from './patient-resource.ts';
import { INS_OID_ROOT, TRAME_PATIENT_SYSTEM } from './fr-core.ts';

const FHIR_JSON = 'application/fhir+json';
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

function invalid(diagnostics: string, expression?: string): FhirInvalid {
  return new FhirInvalid([{ severity: 'error', code: 'value', diagnostics, ...(expression ? { expression: [expression] } : {}) }]);
}

export function sendOutcome(reply: FastifyReply, error: FastifyError | Error): FastifyReply {
  if (error instanceof FhirInvalid) return reply.status(error.status).type(FHIR_JSON).send(error.outcome());
  if (error instanceof DomainError) return reply.status(error.status).type(FHIR_JSON).send(trameErrorToOperationOutcome(trameErrorOf(error)));
  const status = (error as FastifyError).statusCode;
  if (status && status >= 400 && status < 500) {
    return reply.status(status).type(FHIR_JSON).send(operationOutcome([{ severity: 'error', code: 'invalid', diagnostics: error.message }]));
  }
  return reply.status(500).type(FHIR_JSON).send(operationOutcome([{ severity: 'error', code: 'exception', diagnostics: 'Internal error' }]));
}

function patientIdOf(request: FastifyRequest): string {
  const { id } = request.params as { id: string };
  if (!UUID.test(id)) throw new DomainError(404, 'patients.not_found', `No Patient/${id}`);
  return id;
}

type SearchParams = { identifier?: string; family?: string; given?: string; name?: string; birthdate?: string; _count?: string };

/** FHIR search parameters → Trame's patient search. Only `eq` dates; an unknown identifier system finds nothing. */
function searchQueryOf(params: SearchParams) {
  const birthDate = params.birthdate?.replace(/^eq/, '');
  if (birthDate !== undefined && !/^\d{4}-\d{2}-\d{2}$/.test(birthDate)) throw invalid('birthdate: a full date YYYY-MM-DD (eq only)', 'birthdate');
  const count = params._count === undefined ? 20 : Number(params._count);
  if (!Number.isInteger(count) || count < 1 || count > 100) throw invalid('_count: 1 to 100', '_count');
  const [system, value] = params.identifier?.includes('|') ? params.identifier.split('|', 2) : [undefined, params.identifier];
  if (system && !system.startsWith(`urn:oid:${INS_OID_ROOT}`) && system !== TRAME_PATIENT_SYSTEM) throw invalid(`identifier: unknown system ${system}`, 'identifier');
  const q = [params.family, params.given, params.name].filter(Boolean).join(' ').slice(0, 100);
  return { q, birthDate, identifier: value ? { system: system ?? null, value: value.replace(/\s+/g, '').toUpperCase() } : null, limit: count };
}

function bundleOf(request: FastifyRequest, views: patients.PatientView[]) {
  const base = `${request.protocol}://${request.host}/fhir/R4`;
  return {
    resourceType: 'Bundle',
    type: 'searchset',
    total: views.length,
    entry: views.map((view) => ({ fullUrl: `${base}/Patient/${view.id}`, resource: patientToFhir(view), search: { mode: 'match' } })),
  };
}

function versionOf(request: FastifyRequest, versionId: number | null): number {
  const ifMatch = request.headers['if-match'];
  const fromHeader = typeof ifMatch === 'string' ? /^W\/"(\d+)"$/.exec(ifMatch)?.[1] : undefined;
  const version = fromHeader ? Number(fromHeader) : versionId;
  if (!version) throw invalid('meta.versionId or If-Match: W/"<version>" is required to update', 'Patient.meta.versionId');
  return version;
}

export async function registerFhirRoutes(root: FastifyInstance): Promise<void> {
  await root.register(async (fhir) => {
    fhir.addContentTypeParser(FHIR_JSON, { parseAs: 'string' }, fhir.getDefaultJsonParser('error', 'error'));
    fhir.setErrorHandler((error: FastifyError, _request, reply) => sendOutcome(reply, error));
    fhir.setNotFoundHandler((request, reply) =>
      reply.status(404).type(FHIR_JSON).send(operationOutcome([{ severity: 'error', code: 'not-found', diagnostics: `No route ${request.method} ${request.url}` }])),
    );

    fhir.get('/Patient/:id', { config: { access: 'patient.read' } }, async (request, reply) => {
      const view = await runUseCase(request, (ctx) => patients.getPatient(ctx, patientIdOf(request)));
      return reply.type(FHIR_JSON).header('etag', `W/"${view.version}"`).send(patientToFhir(view));
    });

    fhir.get('/Patient', { config: { access: 'patient.search' } }, async (request, reply) => {
      const query = searchQueryOf(request.query as SearchParams);
      const views = await runUseCase(request, async (ctx) => {
        if (query.identifier?.system === TRAME_PATIENT_SYSTEM) {
          return UUID.test(query.identifier.value) ? patients.findPatientViewsForSearch(ctx, { byId: query.identifier.value.toLowerCase() }) : [];
        }
        return patients.findPatientViewsForSearch(ctx, { q: query.q, birthDate: query.birthDate, ins: query.identifier?.value, limit: query.limit });
      });
      return reply.type(FHIR_JSON).send(bundleOf(request, views));
    });

    fhir.post('/Patient', { config: { access: 'patient.create' } }, async (request, reply) => {
      const production = request.server.config.production;
      const received = fhirToPatientInput(request.body, { production, now: new Date() });
      const view = await runUseCase(request, (ctx) =>
        patients.createPatient(ctx, received.input, { onCandidates: 'queue', production, received: { ins: received.ins, declared: received.declared } }),
      );
      return reply.status(201).type(FHIR_JSON).header('location', `/fhir/R4/Patient/${view.id}/_history/${view.version}`).header('etag', `W/"${view.version}"`).send(patientToFhir(view));
    });

    fhir.put('/Patient/:id', { config: { access: 'patient.update' } }, async (request, reply) => {
      const id = patientIdOf(request);
      const production = request.server.config.production;
      const received = fhirToPatientInput(request.body, { production, now: new Date() });
      const bodyId = (request.body as { id?: unknown }).id;
      if (bodyId !== undefined && bodyId !== id) throw invalid('Patient.id must be the id in the URL', 'Patient.id');
      const version = versionOf(request, received.versionId);
      const view = await runUseCase(request, async (ctx) => {
        const updated = await patients.updatePatient(ctx, id, version, received.input, { onCandidates: 'queue', production });
        return received.ins ? patients.receiveIns(ctx, id, received.ins, production) : updated;
      });
      return reply.type(FHIR_JSON).header('etag', `W/"${view.version}"`).send(patientToFhir(view));
    });
  }, { prefix: '/fhir/R4' });
}
