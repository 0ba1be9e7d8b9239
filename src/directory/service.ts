// Use cases of the regional directory: search and pages of professionals and establishments,
// imports of the national extractions, the link between an establishment and a Trame structure.
import { assertAllowed } from '#src/core/auth/access.ts';
import { inTransaction, type Ctx, type CtxBase } from '#src/core/context.ts';
import { systemActor } from '#src/core/auth/actor.ts';
import type { Database } from '#src/core/db/connect.ts';
import { emitEvent } from '#src/core/events/outbox.ts';
import { Conflict, NotFound } from '#src/core/http/errors.ts';
import { normaliseForSearch } from '#src/core/search-text.ts';
import { listStructures } from '#src/accounts/service.ts';
import * as importRepo from './import-repo.ts';
import type { ImportKind } from './import-repo.ts';
import { createImportRun, runImport, type ImportRequest } from './importer.ts';
import * as repo from './repo.ts';
import { activityView, importView, organizationView, professionalView, type ActivityView, type ImportView, type OrganizationView, type ProfessionalView } from './views.ts';

export type { ActivityView, ImportView, OrganizationView, ProfessionalView } from './views.ts';

export type ProfessionalSearch = {
  q?: string | undefined;
  idNatPs?: string | undefined;
  profession?: string | undefined;
  skill?: string | undefined;
  commune?: string | undefined;
  limit: number;
  offset?: number | undefined;
};

const RPPS_TYPED = /^\d{11}$/;

export async function searchProfessionals(ctx: Ctx, search: ProfessionalSearch): Promise<ProfessionalView[]> {
  assertAllowed(ctx, 'directory.read');
  const typed = (search.q ?? '').trim();
  // an RPPS typed in the search box finds its professional
  const byRpps = RPPS_TYPED.test(typed) ? `8${typed}` : undefined;
  const rows = await repo.searchProfessionals(ctx.db, {
    name: byRpps ? undefined : normaliseForSearch(typed) || undefined,
    idNatPs: search.idNatPs ?? byRpps,
    professionCode: search.profession,
    skillCode: search.skill,
    communeInsee: search.commune,
    limit: search.limit,
    offset: search.offset ?? 0,
  });
  return professionalViews(ctx, rows);
}

export async function getProfessional(ctx: Ctx, id: string): Promise<ProfessionalView> {
  assertAllowed(ctx, 'directory.read');
  const row = await repo.findProfessional(ctx.db, id);
  if (!row) throw new NotFound('directory.professional_not_found', 'No such professional in the directory');
  const [view] = await professionalViews(ctx, [row]);
  return view!;
}

async function professionalViews(ctx: Ctx, rows: repo.ProfessionalRow[]): Promise<ProfessionalView[]> {
  const activities = await repo.findActivitiesOf(ctx.db, rows.map((r) => r.id));
  const organizationIds = await organizationIdsByFiness(ctx, activities.map((a) => a.siteFiness));
  const mailboxes = await repo.findMailboxes(ctx.db, { idNatPs: rows.map((r) => r.idNatPs) });
  const views = activities.map((a) => activityView(a, organizationIds));
  return rows.map((row) => professionalView(row, views, mailboxes));
}

async function organizationIdsByFiness(ctx: Ctx, finess: (string | null)[]): Promise<Map<string, string>> {
  const wanted = [...new Set(finess.filter((f): f is string => f !== null))];
  const rows = await repo.findOrganizationsByFiness(ctx.db, wanted);
  return new Map(rows.map((o) => [o.finess, o.id]));
}

export type ActivitySearch = { professionalId?: string | undefined; organizationId?: string | undefined; commune?: string | undefined; skill?: string | undefined; limit: number; offset?: number | undefined };

/** Practices (FHIR PractitionerRole), with their professional. */
export async function searchActivities(ctx: Ctx, search: ActivitySearch): Promise<{ activity: ActivityView; professional: ProfessionalView }[]> {
  assertAllowed(ctx, 'directory.read');
  let siteFiness: string | undefined;
  if (search.organizationId) {
    const organization = await repo.findOrganization(ctx.db, search.organizationId);
    if (!organization) return [];
    siteFiness = organization.finess;
  }
  const rows = await repo.searchActivities(ctx.db, {
    professionalId: search.professionalId,
    siteFiness,
    communeInsee: search.commune,
    skillCode: search.skill,
    limit: search.limit,
    offset: search.offset ?? 0,
  });
  const professionals = await professionalViews(ctx, await repo.findProfessionalsByIds(ctx.db, [...new Set(rows.map((r) => r.professionalId))]));
  const byId = new Map(professionals.map((p) => [p.id, p]));
  return rows.flatMap((row) => {
    const professional = byId.get(row.professionalId);
    const activity = professional?.activities.find((a) => a.id === row.id);
    return professional && activity ? [{ activity, professional }] : [];
  });
}

export async function getActivity(ctx: Ctx, id: string): Promise<{ activity: ActivityView; professional: ProfessionalView }> {
  assertAllowed(ctx, 'directory.read');
  const row = await repo.findActivity(ctx.db, id);
  if (!row) throw new NotFound('directory.activity_not_found', 'No such practice in the directory');
  const professional = await getProfessional(ctx, row.professionalId);
  return { activity: professional.activities.find((a) => a.id === id)!, professional };
}

export type OrganizationSearch = {
  q?: string | undefined;
  finess?: string | undefined;
  category?: string | undefined;
  commune?: string | undefined;
  structureId?: string | undefined;
  limit: number;
  offset?: number | undefined;
};

export async function searchOrganizations(ctx: Ctx, search: OrganizationSearch): Promise<OrganizationView[]> {
  assertAllowed(ctx, 'directory.read');
  const typed = (search.q ?? '').trim();
  const byFiness = /^\d[\dAB]\d{7}$/.test(typed) ? typed : undefined;
  const rows = await repo.searchOrganizations(ctx.db, {
    name: byFiness ? undefined : normaliseForSearch(typed) || undefined,
    finess: search.finess ?? byFiness,
    categoryCode: search.category,
    communeInsee: search.commune,
    structureId: search.structureId,
    limit: search.limit,
    offset: search.offset ?? 0,
  });
  return organizationViews(ctx, rows);
}

export async function getOrganization(ctx: Ctx, id: string): Promise<OrganizationView> {
  assertAllowed(ctx, 'directory.read');
  const row = await repo.findOrganization(ctx.db, id);
  if (!row) throw new NotFound('directory.organization_not_found', 'No such establishment in the directory');
  const [view] = await organizationViews(ctx, [row]);
  return view!;
}

async function organizationViews(ctx: Ctx, rows: repo.OrganizationRow[]): Promise<OrganizationView[]> {
  const mailboxes = await repo.findMailboxes(ctx.db, { finess: rows.map((r) => r.finess) });
  return rows.map((row) => organizationView(row, mailboxes));
}

/** Establishments by id, for other capabilities (orientation); unknown ids are left out. */
/** An establishment as other capabilities need it: without its mailboxes (one query less on every search). */
export type OrganizationRef = Omit<OrganizationView, 'mssante'>;

export async function findOrganizationRefs(ctx: Ctx, ids: readonly string[]): Promise<Map<string, OrganizationRef>> {
  const rows = await repo.findOrganizationsByIds(ctx.db, [...new Set(ids)]);
  return new Map(rows.map((row) => {
    const { mssante: _none, ...ref } = organizationView(row, []);
    return [row.id, ref];
  }));
}

/** Establishments counted by FINESS category (indicator 3.2's denominators). */
export async function countOrganizationsByCategory(ctx: Ctx): Promise<{ categoryCode: string | null; count: number }[]> {
  return repo.countByCategory(ctx.db);
}

export async function findOrganizationCategories(ctx: Ctx, ids: readonly string[]): Promise<Map<string, string | null>> {
  return new Map((await repo.findCategories(ctx.db, ids)).map((r) => [r.id, r.categoryCode]));
}

/** Says which Trame structure an establishment is: its staff may then describe its offers. */
export async function linkOrganizationStructure(ctx: Ctx, id: string, structureId: string | null): Promise<OrganizationView> {
  assertAllowed(ctx, 'directory.link-structure');
  const row = await repo.findOrganization(ctx.db, id);
  if (!row) throw new NotFound('directory.organization_not_found', 'No such establishment in the directory');
  await repo.setOrganizationStructure(ctx.db, id, structureId);
  await emitEvent(ctx, { type: 'directory.organizationLinked', payload: { organizationId: id, structureId } });
  return getOrganization(ctx, id);
}

/** Where a commune is, to measure distances: null when no establishment of it is geolocated. */
export async function findCommunePoint(ctx: Ctx, communeInsee: string): Promise<{ latitude: number; longitude: number } | null> {
  return repo.communePoint(ctx.db, communeInsee);
}

export type DirectoryStatus = {
  professionals: number;
  organizations: number;
  mailboxes: number;
  /** indicator 5.2: when the regional MSSanté directory was last refreshed */
  mssanteRefreshedAt: Date | null;
  rppsRefreshedAt: Date | null;
  finessRefreshedAt: Date | null;
};

export async function directoryStatus(ctx: Ctx): Promise<DirectoryStatus> {
  assertAllowed(ctx, 'directory.read');
  const refreshed = async (kind: ImportKind) => (await importRepo.lastFinishedImport(ctx.db, kind))?.finishedAt ?? null;
  return {
    ...(await repo.countCurrent(ctx.db)),
    mssanteRefreshedAt: await refreshed('mssante'),
    rppsRefreshedAt: await refreshed('rpps'),
    finessRefreshedAt: await refreshed('finess'),
  };
}

// ---- imports ------------------------------------------------------------------------------------

/**
 * Records a run after checking rights, in the request's transaction. The caller runs it with
 * `executeImport` once that transaction is committed (PGlite has one connection: a run started
 * inside the request's transaction would wait for it forever).
 */
export async function createImport(ctx: Ctx, request: Omit<ImportRequest, 'startedBy'>): Promise<ImportView> {
  assertAllowed(ctx, 'directory.import');
  if (await importRepo.findRunningImport(ctx.db, request.kind)) {
    throw new Conflict('directory.import_running', `An import of this kind is already running`);
  }
  return importView(await createImportRun(ctx.db, { ...request, startedBy: ctx.actor.personId }, ctx.now));
}

/** Reads the extraction of a recorded run to the end; a FINESS run then links known structures. */
export async function executeImport(database: Database, runId: string, request: Omit<ImportRequest, 'startedBy'>): Promise<ImportView> {
  const run = (await importRepo.findImport(database.db, runId))!;
  const finished = await runImport(database, run, { ...request, startedBy: run.startedBy });
  if (finished.status === 'done' && request.kind === 'finess') await linkKnownStructures(database);
  return importView(finished);
}

/** Both steps, for the CLI and the demo: record the run, then read the file. */
export async function importExtraction(database: Database, base: CtxBase, request: Omit<ImportRequest, 'startedBy'>, onCreated?: (run: ImportView) => void): Promise<ImportView> {
  const run = await inTransaction(database, base, (ctx) => createImport(ctx, request));
  onCreated?.(run);
  return executeImport(database, run.id, request);
}

/** Trame structures declared with a FINESS are that establishment of the directory. */
async function linkKnownStructures(database: Database): Promise<void> {
  await inTransaction(database, { actor: systemActor('directory-import'), now: new Date(), requestId: 'import', clientIp: null }, async (ctx) => {
    const links = (await listStructures(ctx)).flatMap((s) => (s.finess ? [{ finess: s.finess, structureId: s.id }] : []));
    await repo.linkStructuresByFiness(ctx.db, links);
  });
}

export async function listImports(ctx: Ctx): Promise<ImportView[]> {
  assertAllowed(ctx, 'directory.import');
  return (await importRepo.listImports(ctx.db, 50)).map(importView);
}

export type ImportReport = ImportView & {
  problems: { lineNo: number; message: string }[];
  changes: { change: string; recordKind: string; identifier: string; label: string }[];
};

export async function getImport(ctx: Ctx, id: string): Promise<ImportReport> {
  assertAllowed(ctx, 'directory.import');
  const row = await importRepo.findImport(ctx.db, id);
  if (!row) throw new NotFound('directory.import_not_found', 'No such import');
  return {
    ...importView(row),
    problems: await importRepo.listProblems(ctx.db, id, 1000),
    changes: await importRepo.listChanges(ctx.db, id, 2000),
  };
}

/** A run's counters as they stand, outside any request (the CLI's progress line). */
export async function importProgress(database: Database, id: string): Promise<ImportView | null> {
  const row = await importRepo.findImport(database.db, id);
  return row ? importView(row) : null;
}

/** At start: runs left "running" by a stopped process will never finish. */
export async function markInterruptedImports(database: Database, now: Date): Promise<number> {
  return importRepo.markInterruptedImports(database.db, now);
}
