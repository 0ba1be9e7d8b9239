// FHIR R4 read and search of the regional directory: Practitioner, PractitionerRole, Organization
// (Annuaire Santé) and HealthcareService (the operational offers, ROR). Every logged-in person may read
// them (`directory.read`); every error is an OperationOutcome, as for /fhir/R4/Patient (routes.ts). The
// mapping lives in directory-resources.ts; searching stays in src/directory and src/orientation.
//
// Searches are lenient (FHIR "handling=lenient"): an unknown parameter or modifier is ignored, and the
// Bundle's self link lists only the parameters applied. A malformed value of a known parameter
// (`_count=abc`, a repeated parameter) is a 400. A value that cannot match (an unknown identifier
// system, a reference to another type, an id that is not a UUID) gives an empty Bundle.
import type { FastifyError, FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { Ctx } from '#src/core/context.ts';
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
  withoutEmpty,
  type FhirResource,
} from './directory-resources.ts';
import { FhirInvalid } from './operation-outcome.ts';
import { sendOutcome } from './routes.ts';

const FHIR_JSON = 'application/fhir+json';
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const FINESS = /^\d[\dAB]\d{7}$/;
const INSEE = /^(\d{5}|2[AB]\d{3})$/;
const DEFAULT_COUNT = 20;
const MAX_COUNT = 100;
const MAX_OFFSET = 10_000;
const MAX_VALUE = 200;

type Query = Record<string, string | string[] | undefined>;
type Paging = { count: number; offset: number };
/** How one search runs: the parameters applied (name, value as received) and the query of a page. */
type Plan = { used: [string, string][]; run: (ctx: Ctx, limit: number, offset: number) => Promise<FhirResource[]> };

function invalid(diagnostics: string, parameter: string): FhirInvalid {
  return new FhirInvalid([{ severity: 'error', code: 'value', diagnostics, expression: [parameter] }]);
}

function param(query: Query, name: string): string | undefined {
  const value = query[name];
  if (Array.isArray(value)) throw invalid(`${name}: give it once (repeated parameters are not supported)`, name);
  const trimmed = value?.trim();
  if (trimmed && trimmed.length > MAX_VALUE) throw invalid(`${name}: at most ${MAX_VALUE} characters`, name);
  return trimmed ? trimmed : undefined;
}

/** `_count` (default 20; more than 100 gives 100, FHIR lets a server return fewer) and `_offset` (Trame's paging). */
function pagingOf(query: Query): Paging {
  const count = param(query, '_count');
  const offset = param(query, '_offset');
  const n = count === undefined ? DEFAULT_COUNT : Number(count);
  if (!Number.isInteger(n) || n < 1) throw invalid('_count: a whole number from 1', '_count');
  const o = offset === undefined ? 0 : Number(offset);
  if (!Number.isInteger(o) || o < 0 || o > MAX_OFFSET) throw invalid(`_offset: a whole number from 0 to ${MAX_OFFSET}`, '_offset');
  return { count: Math.min(n, MAX_COUNT), offset: o };
}

/** A token `system|code`, `code` (any system: `system` undefined) or `|code` (no system: `system` ''). */
function token(value: string): { system: string | undefined; code: string } {
  const bar = value.indexOf('|');
  return bar < 0 ? { system: undefined, code: value } : { system: value.slice(0, bar), code: value.slice(bar + 1) };
}

/** The id of `Type/id`, `id`, or an absolute URL ending in `Type/id`; null when it cannot be one of ours. */
function referenceId(value: string, type: string): string | null {
  const parts = value.split('/');
  const id = parts.at(-1) ?? '';
  if (parts.length > 1 && parts.at(-2) !== type) return null;
  return UUID.test(id) ? id.toLowerCase() : null;
}

function idOf(request: FastifyRequest, type: string, code: string): string {
  const { id } = request.params as { id: string };
  if (!UUID.test(id)) throw new DomainError(404, code, `No ${type}/${id}`);
  return id.toLowerCase();
}

const NOTHING: Plan['run'] = async () => [];

/** The parameters a search applies, in the order read, and whether one of their values can match nothing. */
type Criteria = { used: [string, string][]; none: boolean };

function collectCriteria(): Criteria {
  return { used: [], none: false };
}

/**
 * Reads the parameter `name` and, when given, records it as applied and parses it: `parse` answers null
 * for a value that cannot match (the search then gives an empty Bundle). Undefined when absent or unmatchable.
 */
function criterion<T>(query: Query, criteria: Criteria, name: string, parse: (value: string) => T | null): T | undefined {
  const value = param(query, name);
  if (value === undefined) return undefined;
  criteria.used.push([name, value]);
  const parsed = parse(value);
  if (parsed === null) criteria.none = true;
  return parsed ?? undefined;
}

/** A reference parameter to a resource of `type`: the id it designates. */
function referenceCriterion(query: Query, criteria: Criteria, name: string, type: string): string | undefined {
  return criterion(query, criteria, name, (value) => referenceId(value, type));
}

/** A token parameter of the code system `system`: its code, when given without a system or with that one. */
function tokenCriterion(query: Query, criteria: Criteria, name: string, system: string): string | undefined {
  return criterion(query, criteria, name, (value) => {
    const parsed = token(value);
    return parsed.system === undefined || parsed.system === system ? parsed.code : null;
  });
}

/** The search of the criteria collected: nothing to run when one of them cannot match. */
function planOf(criteria: Criteria, run: Plan['run']): Plan {
  return { used: criteria.used, run: criteria.none ? NOTHING : run };
}

/** `_id` is answered alone: a read that finds nothing is an empty page. */
function byId(id: string, read: (ctx: Ctx, id: string) => Promise<FhirResource>): Plan {
  const uuid = UUID.test(id) ? id.toLowerCase() : null;
  return {
    used: [['_id', id]],
    run: async (ctx, _limit, offset) => {
      if (!uuid || offset > 0) return [];
      try {
        return [await read(ctx, uuid)];
      } catch (error) {
        if (error instanceof DomainError && error.status === 404) return [];
        throw error;
      }
    },
  };
}

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

// ---- Bundle -------------------------------------------------------------------------------------------

/**
 * A searchset Bundle of one page. `resources` holds up to count + 1 resources: the extra one only says
 * that a next page exists. `total` is given when it is known exactly: on the last page.
 */
function searchset(request: FastifyRequest, type: string, used: [string, string][], paging: Paging, resources: FhirResource[]) {
  const base = `${request.protocol}://${request.host}/fhir/R4`;
  const url = (offset: number) => {
    const params = new URLSearchParams([...used, ['_count', String(paging.count)], ...(offset > 0 ? [['_offset', String(offset)] as [string, string]] : [])]);
    return `${base}/${type}?${params.toString()}`;
  };
  const more = resources.length > paging.count;
  const page = resources.slice(0, paging.count);
  const exact = !more && (paging.offset === 0 || page.length > 0);
  return withoutEmpty({
    resourceType: 'Bundle',
    type: 'searchset',
    ...(exact ? { total: paging.offset + page.length } : {}),
    link: [
      { relation: 'self', url: url(paging.offset) },
      more ? { relation: 'next', url: url(paging.offset + paging.count) } : undefined,
      paging.offset > 0 ? { relation: 'previous', url: url(Math.max(0, paging.offset - paging.count)) } : undefined,
    ],
    entry: page.map((resource) => ({ fullUrl: `${base}/${type}/${resource.id}`, resource, search: { mode: 'match' } })),
  });
}

async function answerSearch(request: FastifyRequest, reply: FastifyReply, type: string, plan: (query: Query) => Plan): Promise<FastifyReply> {
  const query = request.query as Query;
  const paging = pagingOf(query);
  const { used, run } = plan(query);
  const resources = await runUseCase(request, (ctx) => run(ctx, paging.count + 1, paging.offset));
  return reply.type(FHIR_JSON).send(searchset(request, type, used, paging, resources));
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
