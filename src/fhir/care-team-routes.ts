// FHIR R4 read and search of the patient's CareTeam (one per patient, id = patient id); the team and
// who may see which file stay in src/files.
import type { FastifyError, FastifyInstance } from 'fastify';
import type { Ctx } from '#src/core/context.ts';
import { DomainError, NotFound } from '#src/core/http/errors.ts';
import { runUseCase } from '#src/core/http/use-case.ts';
import type { FhirResource } from './directory-resources.ts';
import { getPatientCareTeam } from '#src/files/patient-care-team.ts';
import { careTeamToFhir } from './care-team-resource.ts';
import { sendOutcome } from './routes.ts';
import { answerSearch, byId, collectCriteria, FHIR_JSON, idOf, param, planOf, referenceCriterion, type Plan, type Query } from './search.ts';

/** In a search, a team the caller may not read is left out (an empty Bundle), as for a patient without one. */
async function readable(ctx: Ctx, patientId: string): Promise<FhirResource> {
  try {
    return careTeamToFhir(await getPatientCareTeam(ctx, patientId));
  } catch (error) {
    if (error instanceof DomainError && error.status === 403) throw new NotFound('careteam.not_found');
    throw error;
  }
}

function careTeamSearch(query: Query): Plan {
  const id = param(query, '_id');
  if (id !== undefined) return byId(id, readable);
  const c = collectCriteria();
  const patientId = referenceCriterion(query, c, 'patient', 'Patient');
  const subjectId = referenceCriterion(query, c, 'subject', 'Patient');
  return planOf(c, async (ctx, _limit, offset) => {
    const wanted = patientId ?? subjectId;
    // without a patient it would list the region's teams; two different patients match nothing
    if (!wanted || (patientId && subjectId && patientId !== subjectId) || offset > 0) return [];
    return byId(wanted, readable).run(ctx, 1, 0);
  });
}

export async function registerFhirCareTeamRoutes(root: FastifyInstance): Promise<void> {
  await root.register(
    async (fhir) => {
      fhir.setErrorHandler((error: FastifyError, _request, reply) => sendOutcome(reply, error));
      const access = { config: { access: 'file.read' as const } };
      fhir.get('/CareTeam/:id', access, async (request, reply) => {
        const id = idOf(request, 'CareTeam', 'careteam.not_found');
        const team = await runUseCase(request, (ctx) => getPatientCareTeam(ctx, id));
        return reply.type(FHIR_JSON).send(careTeamToFhir(team));
      });
      fhir.get('/CareTeam', access, (request, reply) => answerSearch(request, reply, 'CareTeam', careTeamSearch));
    },
    { prefix: '/fhir/R4' },
  );
}
