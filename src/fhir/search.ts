// FHIR R4 search machinery shared by every resource Trame serves: lenient parameters (an unknown
// parameter is ignored, a malformed known one is a 400), `_count`/`_offset` paging, criteria that can
// match nothing (an empty Bundle, no query), `_id` answered alone, and the searchset Bundle itself.
import type { FastifyReply, FastifyRequest } from 'fastify';
import type { Ctx } from '#src/core/context.ts';
import { DomainError } from '#src/core/http/errors.ts';
import { runUseCase } from '#src/core/http/use-case.ts';
import { withoutEmpty, type FhirResource } from './directory-resources.ts';
import { FhirInvalid } from './operation-outcome.ts';

export const FHIR_JSON = 'application/fhir+json';
export const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const DEFAULT_COUNT = 20;
const MAX_COUNT = 100;
const MAX_OFFSET = 10_000;
const MAX_VALUE = 200;

export type Query = Record<string, string | string[] | undefined>;
export type Paging = { count: number; offset: number };
/** How one search runs: the parameters applied (name, value as received) and the query of a page. */
export type Plan = { used: [string, string][]; run: (ctx: Ctx, limit: number, offset: number) => Promise<FhirResource[]> };

export function invalid(diagnostics: string, parameter: string): FhirInvalid {
  return new FhirInvalid([{ severity: 'error', code: 'value', diagnostics, expression: [parameter] }]);
}

export function param(query: Query, name: string): string | undefined {
  const value = query[name];
  if (Array.isArray(value)) throw invalid(`${name}: give it once (repeated parameters are not supported)`, name);
  const trimmed = value?.trim();
  if (trimmed && trimmed.length > MAX_VALUE) throw invalid(`${name}: at most ${MAX_VALUE} characters`, name);
  return trimmed ? trimmed : undefined;
}

/** `_count` (default 20; more than 100 gives 100, FHIR lets a server return fewer) and `_offset` (Trame's paging). */
export function pagingOf(query: Query): Paging {
  const count = param(query, '_count');
  const offset = param(query, '_offset');
  const n = count === undefined ? DEFAULT_COUNT : Number(count);
  if (!Number.isInteger(n) || n < 1) throw invalid('_count: a whole number from 1', '_count');
  const o = offset === undefined ? 0 : Number(offset);
  if (!Number.isInteger(o) || o < 0 || o > MAX_OFFSET) throw invalid(`_offset: a whole number from 0 to ${MAX_OFFSET}`, '_offset');
  return { count: Math.min(n, MAX_COUNT), offset: o };
}

/** A token `system|code`, `code` (any system: `system` undefined) or `|code` (no system: `system` ''). */
export function token(value: string): { system: string | undefined; code: string } {
  const bar = value.indexOf('|');
  return bar < 0 ? { system: undefined, code: value } : { system: value.slice(0, bar), code: value.slice(bar + 1) };
}

/** The id of `Type/id`, `id`, or an absolute URL ending in `Type/id`; null when it cannot be one of ours. */
export function referenceId(value: string, type: string): string | null {
  const parts = value.split('/');
  const id = parts.at(-1) ?? '';
  if (parts.length > 1 && parts.at(-2) !== type) return null;
  return UUID.test(id) ? id.toLowerCase() : null;
}

export function idOf(request: FastifyRequest, type: string, code: string): string {
  const { id } = request.params as { id: string };
  if (!UUID.test(id)) throw new DomainError(404, code, `No ${type}/${id}`);
  return id.toLowerCase();
}

export const NOTHING: Plan['run'] = async () => [];

/** The parameters a search applies, in the order read, and whether one of their values can match nothing. */
export type Criteria = { used: [string, string][]; none: boolean };

export function collectCriteria(): Criteria {
  return { used: [], none: false };
}

/**
 * Reads the parameter `name` and, when given, records it as applied and parses it: `parse` answers null
 * for a value that cannot match (the search then gives an empty Bundle). Undefined when absent or unmatchable.
 */
export function criterion<T>(query: Query, criteria: Criteria, name: string, parse: (value: string) => T | null): T | undefined {
  const value = param(query, name);
  if (value === undefined) return undefined;
  criteria.used.push([name, value]);
  const parsed = parse(value);
  if (parsed === null) criteria.none = true;
  return parsed ?? undefined;
}

/** A reference parameter to a resource of `type`: the id it designates. */
export function referenceCriterion(query: Query, criteria: Criteria, name: string, type: string): string | undefined {
  return criterion(query, criteria, name, (value) => referenceId(value, type));
}

/** A token parameter of the code system `system`: its code, when given without a system or with that one. */
export function tokenCriterion(query: Query, criteria: Criteria, name: string, system: string): string | undefined {
  return criterion(query, criteria, name, (value) => {
    const parsed = token(value);
    return parsed.system === undefined || parsed.system === system ? parsed.code : null;
  });
}

/** The search of the criteria collected: nothing to run when one of them cannot match. */
export function planOf(criteria: Criteria, run: Plan['run']): Plan {
  return { used: criteria.used, run: criteria.none ? NOTHING : run };
}

/** `_id` is answered alone: a read that finds nothing is an empty page. */
export function byId(id: string, read: (ctx: Ctx, id: string) => Promise<FhirResource>): Plan {
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

// ---- Bundle -------------------------------------------------------------------------------------------

/**
 * A searchset Bundle of one page. `resources` holds up to count + 1 resources: the extra one only says
 * that a next page exists. `total` is given when it is known exactly: on the last page.
 */
export function searchset(request: FastifyRequest, type: string, used: [string, string][], paging: Paging, resources: FhirResource[]) {
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

export async function answerSearch(request: FastifyRequest, reply: FastifyReply, type: string, plan: (query: Query) => Plan): Promise<FastifyReply> {
  const query = request.query as Query;
  const paging = pagingOf(query);
  const { used, run } = plan(query);
  const resources = await runUseCase(request, (ctx) => run(ctx, paging.count + 1, paging.offset));
  return reply.type(FHIR_JSON).send(searchset(request, type, used, paging, resources));
}

