// Use cases of territories: the communes a DAC or a CPTS serves, their population, and the reference
// geography to build them (commune search, départements, arrondissements, intercommunalités).
// Reading is open to every role (public reference data); writing needs territory.manage, on the
// territory's structure for a structure administrator.
import { assertAllowed, canDo } from '#src/core/auth/access.ts';
import type { Ctx } from '#src/core/context.ts';
import { emitEvent } from '#src/core/events/outbox.ts';
import { BadInput, Conflict, NotFound } from '#src/core/http/errors.ts';
import { newId } from '#src/core/ids.ts';
import { findStructureRefs } from '#src/accounts/service.ts';
import {
  communeByInsee,
  communesOf,
  departementName,
  groupName,
  groupsOfRegion,
  populationOf,
  regionName,
  searchCommunes,
  type Commune,
  type CommuneGroup,
  type GroupKind,
} from './communes.ts';
import * as repo from './repo.ts';
import { byFrenchName, checkCommuneCodes, checkName, type TerritoryKind } from './rules.ts';

export type CommuneView = { insee: string; name: string; postalCodes: string[]; departement: string; departementName: string; population: number };
export type TerritoryCommuneView = { insee: string; name: string; postalCodes: string[]; population: number };
export type TerritorySummary = {
  id: string;
  name: string;
  kind: string;
  structureId: string | null;
  structureName: string | null;
  communeCount: number;
  population: number;
  version: number;
  updatedAt: Date;
  /** whether the caller may change it */
  canEdit: boolean;
};
export type TerritoryView = TerritorySummary & { communes: TerritoryCommuneView[] };
export type CommuneGroups = {
  region: { code: string; name: string };
  departements: CommuneGroup[];
  arrondissements: CommuneGroup[];
  epcis: CommuneGroup[];
};

function toCommuneView(commune: Commune): CommuneView {
  return {
    insee: commune.insee,
    name: commune.name,
    postalCodes: commune.postalCodes,
    departement: commune.departement,
    departementName: departementName(commune.departement) ?? commune.departement,
    population: commune.population,
  };
}

/** Communes by name, INSEE code or postal code, bigger first; in one région, or all of France (null). Right: directory.read. */
export async function findCommunes(ctx: Ctx, query: { q: string; regionCode: string | null; limit: number }): Promise<CommuneView[]> {
  assertAllowed(ctx, 'directory.read');
  return searchCommunes(query.q, { regionCode: query.regionCode ?? undefined, limit: query.limit }).map(toCommuneView);
}

/** The région's départements, arrondissements and intercommunalités, to add in bulk. Right: directory.read. */
export async function listCommuneGroups(ctx: Ctx, regionCode: string): Promise<CommuneGroups> {
  assertAllowed(ctx, 'directory.read');
  return { region: { code: regionCode, name: regionName(regionCode) ?? regionCode }, ...groupsOfRegion(regionCode) };
}

/** Every commune of a département, arrondissement or intercommunalité, by name. Right: directory.read. */
export async function listGroupCommunes(ctx: Ctx, kind: GroupKind, code: string): Promise<CommuneView[]> {
  assertAllowed(ctx, 'directory.read');
  if (!groupName(kind, code)) throw new NotFound('communes.group_not_found', `No ${kind} ${code}`);
  const selector = kind === 'departement' ? { departement: code } : kind === 'arrondissement' ? { arrondissement: code } : { epci: code };
  return communesOf(selector).sort(byFrenchName).map(toCommuneView);
}

/**
 * What other capabilities show of communes: name, postal codes and population by INSEE code.
 * Unknown codes are left out of the map.
 */
export function describeCommunes(codes: readonly string[]): Map<string, { name: string; postalCodes: string[]; population: number }> {
  const described = new Map<string, { name: string; postalCodes: string[]; population: number }>();
  for (const code of codes) {
    const commune = communeByInsee(code);
    if (commune) described.set(code, { name: commune.name, postalCodes: commune.postalCodes, population: commune.population });
  }
  return described;
}

function targetOf(structureId: string | null) {
  return { structureIds: structureId ? [structureId] : [] };
}

function toSummary(ctx: Ctx, row: repo.TerritoryRow, codes: readonly string[], structureName: string | null): TerritorySummary {
  return {
    id: row.id,
    name: row.name,
    kind: row.kind,
    structureId: row.structureId,
    structureName,
    communeCount: codes.length,
    population: populationOf(codes),
    version: row.version,
    updatedAt: row.updatedAt,
    canEdit: canDo(ctx, 'territory.manage', targetOf(row.structureId)),
  };
}

async function structureNameOf(ctx: Ctx, structureId: string | null): Promise<string | null> {
  if (!structureId) return null;
  return (await findStructureRefs(ctx, [structureId])).get(structureId)?.name ?? null;
}

async function toView(ctx: Ctx, row: repo.TerritoryRow, codes: readonly string[]): Promise<TerritoryView> {
  const communes = codes
    .map((code) => {
      const commune = communeByInsee(code);
      // A commune merged into another since the territory was saved keeps its code until edited.
      return commune ? { insee: code, name: commune.name, postalCodes: commune.postalCodes, population: commune.population } : { insee: code, name: code, postalCodes: [], population: 0 };
    })
    .sort(byFrenchName);
  return { ...toSummary(ctx, row, codes, await structureNameOf(ctx, row.structureId)), communes };
}

async function loadTerritory(ctx: Ctx, territoryId: string): Promise<repo.TerritoryRow> {
  const row = await repo.findTerritory(ctx.db, territoryId);
  if (!row) throw new NotFound('territories.not_found');
  return row;
}

/** Every territory with its structure, commune count and population, by name. Right: directory.read. */
export async function listTerritories(ctx: Ctx): Promise<TerritorySummary[]> {
  assertAllowed(ctx, 'directory.read');
  const rows = await repo.listTerritories(ctx.db);
  const codes = await repo.findCommuneCodesOf(ctx.db, rows.map((r) => r.id));
  const structures = await findStructureRefs(ctx, rows.flatMap((r) => (r.structureId ? [r.structureId] : [])));
  return rows.map((row) => toSummary(ctx, row, codes.get(row.id) ?? [], row.structureId ? (structures.get(row.structureId)?.name ?? null) : null));
}

/** A territory with its communes sorted by name. Right: directory.read. */
export async function getTerritory(ctx: Ctx, territoryId: string): Promise<TerritoryView> {
  assertAllowed(ctx, 'directory.read');
  const row = await loadTerritory(ctx, territoryId);
  return toView(ctx, row, await repo.findCommuneCodes(ctx.db, territoryId));
}

/** The INSEE codes of a territory's communes, sorted (for indicators and orientation). Right: directory.read. */
export async function findTerritoryCommunes(ctx: Ctx, territoryId: string): Promise<string[]> {
  assertAllowed(ctx, 'directory.read');
  await loadTerritory(ctx, territoryId);
  return repo.findCommuneCodes(ctx.db, territoryId);
}

/** A territory's population: the sum of its communes' legal populations. Right: directory.read. */
export async function territoryPopulation(ctx: Ctx, territoryId: string): Promise<number> {
  return populationOf(await findTerritoryCommunes(ctx, territoryId));
}

async function checkStructure(ctx: Ctx, structureId: string | null): Promise<void> {
  if (structureId && !(await findStructureRefs(ctx, [structureId])).has(structureId)) {
    throw new BadInput('territories.structure_unknown', 'Unknown structure', { structureId: 'unknown structure' });
  }
}

const isKnownCommune = (insee: string) => communeByInsee(insee) !== undefined;

export type NewTerritory = { name: string; kind: TerritoryKind; structureId?: string | null | undefined; communes: readonly string[] };

/**
 * Creates a territory. Without a structure named, a structure administrator's territory is their acting
 * structure's, a platform administrator's belongs to none. Right: territory.manage (on that structure).
 */
export async function createTerritory(ctx: Ctx, input: NewTerritory): Promise<TerritoryView> {
  const structureId = input.structureId !== undefined ? input.structureId : canDo(ctx, 'territory.manage') ? null : (ctx.actor.acting?.structureId ?? null);
  assertAllowed(ctx, 'territory.manage', targetOf(structureId));
  const name = checkName(input.name);
  const codes = checkCommuneCodes(input.communes, isKnownCommune);
  await checkStructure(ctx, structureId);
  const row: repo.TerritoryRow = { id: newId(ctx.now.getTime()), name, kind: input.kind, structureId, createdAt: ctx.now, updatedAt: ctx.now, version: 1 };
  await repo.insertTerritory(ctx.db, row);
  await repo.replaceCommunes(ctx.db, row.id, codes);
  await emitEvent(ctx, {
    type: 'territory.created',
    payload: { territoryId: row.id, name, kind: row.kind, structureId, communeCount: codes.length, population: populationOf(codes) },
  });
  return toView(ctx, row, codes);
}

export type TerritoryUpdate = {
  version: number;
  name?: string | undefined;
  kind?: TerritoryKind | undefined;
  structureId?: string | null | undefined;
  /** the whole new list: it replaces the old one */
  communes?: readonly string[] | undefined;
};

/** Renames, retypes, moves to another structure or replaces the communes; 409 on a stale version. Right: territory.manage. */
export async function updateTerritory(ctx: Ctx, territoryId: string, update: TerritoryUpdate): Promise<TerritoryView> {
  const current = await loadTerritory(ctx, territoryId);
  assertAllowed(ctx, 'territory.manage', targetOf(current.structureId));
  const changes: Partial<repo.TerritoryRow> = { updatedAt: ctx.now };
  if (update.name !== undefined) changes.name = checkName(update.name);
  if (update.kind !== undefined) changes.kind = update.kind;
  if (update.structureId !== undefined && update.structureId !== current.structureId) {
    // Handing a territory to another structure needs the right on that one too.
    assertAllowed(ctx, 'territory.manage', targetOf(update.structureId));
    await checkStructure(ctx, update.structureId);
    changes.structureId = update.structureId;
  }
  const codes = update.communes !== undefined ? checkCommuneCodes(update.communes, isKnownCommune) : undefined;
  const updated = await repo.updateTerritoryIfVersion(ctx.db, territoryId, update.version, changes);
  if (!updated) throw new Conflict('territories.stale', 'The territory was changed by someone else', { currentVersion: current.version });
  const before = await repo.findCommuneCodes(ctx.db, territoryId);
  if (codes) await repo.replaceCommunes(ctx.db, territoryId, codes);
  const after = codes ?? before;
  const [had, has] = [new Set(before), new Set(after)];
  await emitEvent(ctx, {
    type: 'territory.updated',
    payload: {
      territoryId,
      fields: Object.keys(changes).filter((field) => field !== 'updatedAt').concat(codes ? ['communes'] : []),
      name: updated.name,
      kind: updated.kind,
      structureId: updated.structureId,
      communeCount: after.length,
      population: populationOf(after),
      communesAdded: after.filter((code) => !had.has(code)).length,
      communesRemoved: before.filter((code) => !has.has(code)).length,
    },
  });
  return toView(ctx, updated, after);
}
