// FHIR R4 read and search of the regional directory: Practitioner, PractitionerRole, Organization
// (Annuaire Santé) and HealthcareService (the operational offers, ROR). Every logged-in person may read
// them (`directory.read`); every error is an OperationOutcome, as for /fhir/R4/Patient (routes.ts). The
// mapping lives in directory-resources.ts; searching stays in src/directory and src/orientation.
//
// Searches are lenient (FHIR "handling=lenient"): an unknown parameter or modifier is ignored, and the
// Bundle's self link lists only the parameters applied. A malformed value of a known parameter
// (`_count=abc`, a repeated parameter) is a 400. A value that cannot match (an unknown identifier
// system, a reference to another type, an id that is not a UUID) gives an empty Bundle.
import type { FastifyError, FastifyInstance } from 'fastify';
import { DomainError } from '#src/core/http/errors.ts';
import { runUseCase } from '#src/core/http/use-case.ts';
import * as directory from '#src/directory/service.ts';
import * as orientation from '#src/orientation/service.ts';
import {
  DIRECTORY_FHIR,
  healthcareServiceToFhir,
  organizationToFhir,
  practitionerRoleToFhir,
  practitionerToFhir,
} from './directory-resources.ts';
import { FhirInvalid } from './operation-outcome.ts';
import { sendOutcome } from './routes.ts';
import { answerSearch, byId, collectCriteria, criterion, FHIR_JSON, idOf, param, planOf, referenceCriterion, token, tokenCriterion, type Plan, type Query } from './search.ts';

const FINESS = /^\d[\dAB]\d{7}$/;
const INSEE = /^(\d{5}|2[AB]\d{3})$/;

// ---- Practitioner -------------------------------------------------------------------------------------

/** An identifier search value as the idNatPs it designates ("8" + RPPS for an RPPS); null when none can match. */
function idNatPsOf(value: string): string | null {
  const { system, code } = token(value);
  const rpps = /^\d{11}$/.test(code);
  if (system === undefined) return rpps ? `8${code}` : code;
  if (system === DIRECTORY_FHIR.idNatPsSystem) return code;
  if (system === DIRECTORY_FHIR.rppsSystem || system === DIRECTORY_FHIR.legacyRppsSystem) return rpps ? `8${code}` : null;
  return null;
}

/** A qualification-code search value as a skill (ordinal specialty) or a profession; null when none can match. */
function qualificationOf(value: string): { profession?: string; skill?: string } | null {
  const { system, code } = token(value);
  if (system === DIRECTORY_FHIR.ordinalSpecialty) return { skill: code };
  if (system === undefined || system === DIRECTORY_FHIR.profession) return { profession: code };
  return null;
}

function practitionerSearch(query: Query): Plan {
  const id = param(query, '_id');
  if (id !== undefined) return byId(id, async (ctx, uuid) => practitionerToFhir(await directory.getProfessional(ctx, uuid)));
  const c = collectCriteria();
  const idNatPs = criterion(query, c, 'identifier', idNatPsOf);
  // the directory searches a prefix of "family given": `given` is applied after a `family` only
  const family = param(query, 'family');
  const given = param(query, 'given');
  const name = param(query, 'name');
  let q: string | undefined;
  if (family !== undefined) {
    c.used.push(['family', family]);
    if (given !== undefined) c.used.push(['given', given]);
    q = [family, given].filter(Boolean).join(' ');
  } else if (name !== undefined) {
    c.used.push(['name', name]);
    q = name;
  }
  const { profession, skill } = criterion(query, c, 'qualification-code', qualificationOf) ?? {};
  return planOf(c, async (ctx, limit, offset) =>
    (await directory.searchProfessionals(ctx, { q, idNatPs, profession, skill, limit, offset })).map(practitionerToFhir),
  );
}

// ---- PractitionerRole ---------------------------------------------------------------------------------

function practitionerRoleSearch(query: Query): Plan {
  const id = param(query, '_id');
  if (id !== undefined) {
    return byId(id, async (ctx, uuid) => {
      const { activity, professional } = await directory.getActivity(ctx, uuid);
      return practitionerRoleToFhir(activity, professional);
    });
  }
  const c = collectCriteria();
  const professionalId = referenceCriterion(query, c, 'practitioner', 'Practitioner');
  const organizationId = referenceCriterion(query, c, 'organization', 'Organization');
  const skill = tokenCriterion(query, c, 'specialty', DIRECTORY_FHIR.ordinalSpecialty);
  return planOf(c, async (ctx, limit, offset) =>
    (await directory.searchActivities(ctx, { professionalId, organizationId, skill, limit, offset })).map(({ activity, professional }) =>
      practitionerRoleToFhir(activity, professional),
    ),
  );
}

// ---- Organization -------------------------------------------------------------------------------------

/** An identifier search value as the FINESS it designates; null when none can match. SIRET cannot be searched. */
function finessOf(value: string): string | null {
  const { system, code } = token(value);
  if (system === undefined) {
    if (FINESS.test(code)) return code;
    return code.startsWith('1') && FINESS.test(code.slice(1)) ? code.slice(1) : null;
  }
  if (system === DIRECTORY_FHIR.finessSystem || system === DIRECTORY_FHIR.legacyFinessSystem) return code;
  // idNatSt: "1" + FINESS; the other prefixes (ADELI, SIREN, SIRET, RPPS rang) are not establishments of the directory
  if (system === DIRECTORY_FHIR.idNatStSystem) return code.startsWith('1') ? code.slice(1) : null;
  if (system === DIRECTORY_FHIR.sireneSystem) {
    throw new FhirInvalid([{ severity: 'error', code: 'not-supported', diagnostics: 'identifier: establishments cannot be searched by SIRET', expression: ['identifier'] }]);
  }
  return null;
}

function organizationSearch(query: Query): Plan {
  const id = param(query, '_id');
  if (id !== undefined) return byId(id, async (ctx, uuid) => organizationToFhir(await directory.getOrganization(ctx, uuid)));
  const c = collectCriteria();
  const finess = criterion(query, c, 'identifier', finessOf);
  // every word of `name` is somewhere in the establishment's name
  const name = criterion(query, c, 'name', (value) => value);
  const category = tokenCriterion(query, c, 'type', DIRECTORY_FHIR.establishmentCategory);
  // Annuaire Santé's search parameter as-sp-insee-code: the address's INSEE commune code
  const commune = criterion(query, c, 'address-insee', (value) => (INSEE.test(value) ? value : null));
  return planOf(c, async (ctx, limit, offset) =>
    (await directory.searchOrganizations(ctx, { q: name, finess, category, commune, limit, offset })).map(organizationToFhir),
  );
}

// ---- HealthcareService --------------------------------------------------------------------------------

function healthcareServiceSearch(query: Query): Plan {
  const id = param(query, '_id');
  if (id !== undefined) return byId(id, async (ctx, uuid) => healthcareServiceToFhir(await orientation.getOffer(ctx, uuid)));
  const c = collectCriteria();
  const organizationId = referenceCriterion(query, c, 'organization', 'Organization');
  const careKind = tokenCriterion(query, c, 'service-category', DIRECTORY_FHIR.careKind);
  const specialty = tokenCriterion(query, c, 'specialty', DIRECTORY_FHIR.specialty);
  return planOf(c, async (ctx, limit, offset) => {
    try {
      const { items } = await orientation.listOffers(ctx, { organizationId, careKind, specialty, limit, offset });
      return items.map(healthcareServiceToFhir);
    } catch (error) {
      // listOffers reads the establishment to say whether the caller may manage it: unknown, it answers 404
      if (organizationId && error instanceof DomainError && error.status === 404) return [];
      throw error;
    }
  });
}

export async function registerFhirDirectoryRoutes(root: FastifyInstance): Promise<void> {
  await root.register(
    async (fhir) => {
      // The not-found handler of /fhir/R4 is the Patient plugin's (routes.ts): one per prefix.
      fhir.setErrorHandler((error: FastifyError, _request, reply) => sendOutcome(reply, error));
      const access = () => ({ config: { access: 'directory.read' as const } });

      fhir.get('/Practitioner/:id', access(), async (request, reply) => {
        const id = idOf(request, 'Practitioner', 'directory.professional_not_found');
        const view = await runUseCase(request, (ctx) => directory.getProfessional(ctx, id));
        return reply.type(FHIR_JSON).send(practitionerToFhir(view));
      });
      fhir.get('/Practitioner', access(), (request, reply) => answerSearch(request, reply, 'Practitioner', practitionerSearch));

      fhir.get('/PractitionerRole/:id', access(), async (request, reply) => {
        const id = idOf(request, 'PractitionerRole', 'directory.activity_not_found');
        const { activity, professional } = await runUseCase(request, (ctx) => directory.getActivity(ctx, id));
        return reply.type(FHIR_JSON).send(practitionerRoleToFhir(activity, professional));
      });
      fhir.get('/PractitionerRole', access(), (request, reply) => answerSearch(request, reply, 'PractitionerRole', practitionerRoleSearch));

      fhir.get('/Organization/:id', access(), async (request, reply) => {
        const id = idOf(request, 'Organization', 'directory.organization_not_found');
        const view = await runUseCase(request, (ctx) => directory.getOrganization(ctx, id));
        return reply.type(FHIR_JSON).send(organizationToFhir(view));
      });
      fhir.get('/Organization', access(), (request, reply) => answerSearch(request, reply, 'Organization', organizationSearch));

      fhir.get('/HealthcareService/:id', access(), async (request, reply) => {
        const id = idOf(request, 'HealthcareService', 'orientation.offer_not_found');
        const view = await runUseCase(request, (ctx) => orientation.getOffer(ctx, id));
        return reply.type(FHIR_JSON).header('etag', `W/"${view.version}"`).send(healthcareServiceToFhir(view));
      });
      fhir.get('/HealthcareService', access(), (request, reply) => answerSearch(request, reply, 'HealthcareService', healthcareServiceSearch));
    },
    { prefix: '/fhir/R4' },
  );
}
