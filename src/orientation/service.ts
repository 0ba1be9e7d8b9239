// Use cases of orientation: establishments describe their operational offers (ROR), professionals
// search "trouver une ressource", and a coordination file sends orientation requests and records
// their answers.
import { assertAllowed, canDo } from '#src/core/auth/access.ts';
import type { AccessTarget } from '#src/core/auth/rights.ts';
import { appendAudit } from '#src/core/audit/audit.ts';
import type { Ctx } from '#src/core/context.ts';
import { emitEvent } from '#src/core/events/outbox.ts';
import { BadInput, Conflict, NotFound } from '#src/core/http/errors.ts';
import { newId } from '#src/core/ids.ts';
import { findPeopleRefs, type PersonRef } from '#src/accounts/service.ts';
import * as directory from '#src/directory/service.ts';
import { authorizeOnFile } from '#src/files/service.ts';
import { findPatientSummaries } from '#src/patients/service.ts';
import type { OpeningHours } from '#src/db/schema/orientation.ts';
import * as repo from './repo.ts';
import {
  explain,
  missingParts,
  openingHoursProblem,
  rorCategoryOf,
  servedKeysOf,
  structureComplete,
  type AnswerStatus,
  type DescriptionPart,
  type Need,
  type Reason,
  type RefusalReason,
  type RorCategory,
} from './rules.ts';

export type OrganizationRef = { id: string; name: string; finess: string; communeName: string | null; phone: string | null; categoryLabel: string | null };

export type OfferView = Omit<repo.OfferRow, 'organizationId' | 'createdAt' | 'servedKeys'> & {
  organization: OrganizationRef;
  missing: DescriptionPart[];
};

const UNKNOWN_ORGANIZATION = (id: string): OrganizationRef => ({ id, name: '?', finess: '', communeName: null, phone: null, categoryLabel: null });

function organizationRef(view: directory.OrganizationRef): OrganizationRef {
  return { id: view.id, name: view.longName ?? view.name, finess: view.finess, communeName: view.communeName, phone: view.phone, categoryLabel: view.categoryLabel };
}

async function offerViews(ctx: Ctx, rows: repo.OfferRow[]): Promise<OfferView[]> {
  const organizations = await directory.findOrganizationRefs(ctx, rows.map((r) => r.organizationId));
  return rows.map(({ organizationId, createdAt: _created, servedKeys: _keys, ...row }) => {
    const organization = organizations.get(organizationId);
    return { ...row, organization: organization ? organizationRef(organization) : UNKNOWN_ORGANIZATION(organizationId), missing: missingParts(row) };
  });
}

/** Who may describe an establishment's offers: its linked Trame structure's staff, or administrators. */
function offerTarget(organization: directory.OrganizationRef): AccessTarget {
  return { structureIds: organization.structureId ? [organization.structureId] : [] };
}

// ---- offers -------------------------------------------------------------------------------------

export type OfferList = { items: OfferView[]; structureComplete: boolean | null; canManage: boolean };

export async function listOffers(ctx: Ctx, query: repo.OfferListQuery): Promise<OfferList> {
  assertAllowed(ctx, 'directory.read');
  const items = await offerViews(ctx, await repo.listOffers(ctx.db, query));
  if (!query.organizationId) return { items, structureComplete: null, canManage: false };
  const organization = await directory.getOrganization(ctx, query.organizationId);
  return { items, structureComplete: structureComplete(items), canManage: canDo(ctx, 'offer.manage', offerTarget(organization)) };
}

export async function getOffer(ctx: Ctx, id: string): Promise<OfferView> {
  assertAllowed(ctx, 'directory.read');
  const row = await repo.findOffer(ctx.db, id);
  if (!row) throw new NotFound('orientation.offer_not_found', 'No such offer');
  const [view] = await offerViews(ctx, [row]);
  return view!;
}

export type OfferInput = {
  name: string;
  careKind: string;
  specialties: string[];
  ageMin: number | null;
  ageMax: number | null;
  conditions: string[];
  capacity: number | null;
  freePlaces: number | null;
  servedCommunes: string[];
  contactPhone: string | null;
  contactEmail: string | null;
  contactMssante: string | null;
  openingHours: OpeningHours;
  description: string | null;
  active: boolean;
};

function checkOffer(input: Partial<OfferInput>, current?: repo.OfferRow): void {
  const ageMin = input.ageMin !== undefined ? input.ageMin : (current?.ageMin ?? null);
  const ageMax = input.ageMax !== undefined ? input.ageMax : (current?.ageMax ?? null);
  if (ageMin !== null && ageMax !== null && ageMax < ageMin) throw new BadInput('orientation.age_range', 'ageMax is below ageMin', { ageMax: 'below ageMin' });
  const capacity = input.capacity !== undefined ? input.capacity : (current?.capacity ?? null);
  const free = input.freePlaces !== undefined ? input.freePlaces : (current?.freePlaces ?? null);
  if (capacity !== null && free !== null && free > capacity) throw new BadInput('orientation.free_places', 'freePlaces exceeds capacity', { freePlaces: 'exceeds capacity' });
  const hoursProblem = input.openingHours ? openingHoursProblem(input.openingHours) : null;
  if (hoursProblem) throw new BadInput('orientation.opening_hours', `Invalid ${hoursProblem}`, { [hoursProblem]: 'invalid' });
}

const distinct = (values: string[] | undefined) => (values ? [...new Set(values)] : undefined);

export async function createOffer(ctx: Ctx, input: OfferInput & { organizationId: string }): Promise<OfferView> {
  const organization = (await directory.findOrganizationRefs(ctx, [input.organizationId])).get(input.organizationId);
  if (!organization) throw new BadInput('orientation.organization_unknown', 'No such establishment in the directory', { organizationId: 'unknown' });
  assertAllowed(ctx, 'offer.manage', offerTarget(organization));
  checkOffer(input);
  const row: repo.OfferInsert = {
    ...input,
    specialties: distinct(input.specialties)!,
    conditions: distinct(input.conditions)!,
    servedCommunes: distinct(input.servedCommunes)!,
    servedKeys: servedKeysOf(input.careKind, distinct(input.servedCommunes)!),
    id: newId(ctx.now.getTime()),
    freePlacesAt: input.freePlaces === null ? null : ctx.now,
    // the care is given at the establishment unless said otherwise
    communeInsee: organization.communeInsee,
    latitude: organization.latitude,
    longitude: organization.longitude,
    createdAt: ctx.now,
    updatedAt: ctx.now,
  };
  row.complete = missingParts(row as repo.OfferRow).length === 0;
  await repo.insertOffer(ctx.db, row);
  await emitEvent(ctx, { type: 'offer.created', payload: { offerId: row.id, organizationId: input.organizationId } });
  return getOffer(ctx, row.id);
}

export async function updateOffer(ctx: Ctx, id: string, update: Partial<OfferInput> & { version: number }): Promise<OfferView> {
  const current = await repo.findOffer(ctx.db, id);
  if (!current) throw new NotFound('orientation.offer_not_found', 'No such offer');
  const organization = await directory.getOrganization(ctx, current.organizationId);
  assertAllowed(ctx, 'offer.manage', offerTarget(organization));
  checkOffer(update, current);
  const { version, ...changes } = update;
  const next: Partial<repo.OfferInsert> = {
    ...changes,
    ...(changes.specialties ? { specialties: distinct(changes.specialties)! } : {}),
    ...(changes.conditions ? { conditions: distinct(changes.conditions)! } : {}),
    ...(changes.servedCommunes ? { servedCommunes: distinct(changes.servedCommunes)! } : {}),
    // the date says when the count was last confirmed: a new figure, or the same one sent again on purpose
    ...(changes.freePlaces !== undefined ? { freePlacesAt: ctx.now } : {}),
    updatedAt: ctx.now,
  };
  const merged = { ...current, ...next } as repo.OfferRow;
  next.servedKeys = servedKeysOf(merged.careKind, merged.servedCommunes);
  next.complete = missingParts(merged).length === 0;
  if (!(await repo.updateOfferIfVersion(ctx.db, id, version, next))) {
    throw new Conflict('orientation.offer_stale', 'The offer changed since it was read', { version: current.version });
  }
  await emitEvent(ctx, { type: 'offer.updated', payload: { offerId: id, organizationId: current.organizationId, fields: Object.keys(changes) } });
  return getOffer(ctx, id);
}

// ---- search -------------------------------------------------------------------------------------

export type OrientationQuery = Need & {
  careKind?: string | undefined;
  commune?: string | undefined;
  freeOnly: boolean;
  radiusKm: number;
  limit: number;
};

export type OrientationResult = { offer: OfferView; serves: boolean; km: number | null; reasons: Reason[] };

export async function searchOrientation(ctx: Ctx, query: OrientationQuery): Promise<{ items: OrientationResult[]; located: boolean }> {
  assertAllowed(ctx, 'orientation.search');
  const point = query.commune ? await directory.findCommunePoint(ctx, query.commune) : null;
  const hits = await repo.searchOffers(ctx.db, { ...query, communeInsee: query.commune, point });
  const views = await offerViews(ctx, hits);
  const items = hits.map((hit, i) => ({
    offer: views[i]!,
    serves: hit.serves,
    km: hit.km,
    reasons: explain({ serves: hit.serves, km: hit.km, freePlaces: hit.freePlaces, freePlacesAt: hit.freePlacesAt, ageMin: hit.ageMin, ageMax: hit.ageMax }, query),
  }));
  return { items, located: point !== null };
}

// ---- completeness (indicator 3.2) ---------------------------------------------------------------

export type CompletenessByCategory = { category: RorCategory; establishments: number; described: number; complete: number; share: number };

/** Share of establishments whose ROR description is complete, by indicator 3.2 category. */
export async function completenessSummary(ctx: Ctx): Promise<CompletenessByCategory[]> {
  assertAllowed(ctx, 'directory.read');
  const perOrganization = await repo.completenessByOrganization(ctx.db);
  const categories = await directory.findOrganizationCategories(ctx, perOrganization.map((o) => o.organizationId));
  const totals = new Map<RorCategory, CompletenessByCategory>();
  const entry = (category: RorCategory) => {
    let found = totals.get(category);
    if (!found) totals.set(category, (found = { category, establishments: 0, described: 0, complete: 0, share: 0 }));
    return found;
  };
  for (const { categoryCode, count } of await directory.countOrganizationsByCategory(ctx)) entry(rorCategoryOf(categoryCode)).establishments += count;
  for (const o of perOrganization) {
    const category = entry(rorCategoryOf(categories.get(o.organizationId) ?? null));
    if (o.active > 0) category.described += 1;
    if (o.active > 0 && o.complete === o.active) category.complete += 1;
  }
  return [...totals.values()].map((c) => ({ ...c, share: c.establishments === 0 ? 0 : c.complete / c.establishments }));
}

// ---- requests -----------------------------------------------------------------------------------

export type RequestView = {
  id: string;
  fileId: string;
  patient: { id: string; birthName: string; usedName: string | null; givenName: string; birthDate: string; communeName: string | null } | null;
  offer: { id: string; name: string; careKind: string };
  organization: OrganizationRef;
  requestedBy: PersonRef;
  message: string;
  status: string;
  refusalReason: string | null;
  answerNote: string | null;
  answeredBy: PersonRef | null;
  answeredAt: Date | null;
  answerRecordedByRequester: boolean;
  createdAt: Date;
  version: number;
};

async function requestViews(ctx: Ctx, rows: repo.RequestRow[]): Promise<RequestView[]> {
  const offers = new Map((await repo.findOffersByIds(ctx.db, rows.map((r) => r.offerId))).map((o) => [o.id, o]));
  const organizations = await directory.findOrganizationRefs(ctx, rows.map((r) => r.organizationId));
  const people = await findPeopleRefs(ctx, rows.flatMap((r) => [r.requestedBy, ...(r.answeredBy ? [r.answeredBy] : [])]));
  const patients = await findPatientSummaries(ctx, rows.map((r) => r.patientId));
  const person = (id: string): PersonRef => people.get(id) ?? { id, givenName: '?', familyName: '?', profession: null };
  return rows.map((r) => {
    const offer = offers.get(r.offerId);
    const organization = organizations.get(r.organizationId);
    const patient = patients.get(r.patientId);
    return {
      id: r.id,
      fileId: r.fileId,
      patient: patient ? { id: patient.id, birthName: patient.birthName, usedName: patient.usedName, givenName: patient.givenName, birthDate: patient.birthDate, communeName: patient.communeName } : null,
      offer: { id: r.offerId, name: offer?.name ?? '?', careKind: offer?.careKind ?? '?' },
      organization: organization ? organizationRef(organization) : UNKNOWN_ORGANIZATION(r.organizationId),
      requestedBy: person(r.requestedBy),
      message: r.message,
      status: r.status,
      refusalReason: r.refusalReason,
      answerNote: r.answerNote,
      answeredBy: r.answeredBy ? person(r.answeredBy) : null,
      answeredAt: r.answeredAt,
      answerRecordedByRequester: r.answerRecordedByRequester,
      createdAt: r.createdAt,
      version: r.version,
    };
  });
}

export async function sendRequest(ctx: Ctx, fileId: string, input: { offerId: string; message: string }): Promise<RequestView> {
  const file = await authorizeOnFile(ctx, fileId, 'orientation.request');
  if (file.status !== 'open') throw new Conflict('orientation.file_closed', 'The file is closed');
  const offer = await repo.findOffer(ctx.db, input.offerId);
  if (!offer || !offer.active) throw new BadInput('orientation.offer_unknown', 'No such active offer', { offerId: 'unknown or inactive' });
  const row: repo.RequestRow = {
    id: newId(ctx.now.getTime()),
    fileId,
    patientId: file.patientId,
    offerId: offer.id,
    organizationId: offer.organizationId,
    requestedBy: ctx.actor.personId!,
    requesterStructureId: ctx.actor.acting?.structureId ?? null,
    message: input.message,
    status: 'sent',
    refusalReason: null,
    answerNote: null,
    answeredBy: null,
    answeredAt: null,
    answerRecordedByRequester: false,
    createdAt: ctx.now,
    version: 1,
  };
  await repo.insertRequest(ctx.db, row);
  await appendAudit(ctx, { action: 'orientation.request', outcome: 'allowed', patientId: file.patientId, fileId, objectType: 'OrientationRequest', objectId: row.id });
  const [view] = await requestViews(ctx, [row]);
  await emitEvent(ctx, {
    type: 'orientation.requested',
    patientId: file.patientId,
    fileId,
    payload: { requestId: row.id, offerName: view!.offer.name, organizationName: view!.organization.name },
  });
  return view!;
}

export async function listFileRequests(ctx: Ctx, fileId: string): Promise<RequestView[]> {
  await authorizeOnFile(ctx, fileId, 'orientation.read');
  return requestViews(ctx, await repo.listRequestsOfFile(ctx.db, fileId));
}

/** Requests addressed to the establishments my acting structure is. */
export async function listIncomingRequests(ctx: Ctx, status: string | undefined): Promise<RequestView[]> {
  assertAllowed(ctx, 'orientation.list-incoming');
  const structureId = ctx.actor.acting?.structureId;
  if (!structureId) return [];
  const organizations = await directory.searchOrganizations(ctx, { structureId, limit: 100 });
  const rows = await repo.listRequestsTo(ctx.db, organizations.map((o) => o.id), status, 200);
  for (const row of rows) {
    await appendAudit(ctx, { action: 'orientation.read-incoming', outcome: 'allowed', patientId: row.patientId, fileId: row.fileId, objectType: 'OrientationRequest', objectId: row.id });
  }
  return requestViews(ctx, rows);
}

export type Answer = { version: number; status: AnswerStatus; refusalReason?: RefusalReason | undefined; note?: string | undefined };

/**
 * The establishment answers in Trame; or the requester types the answer it gave by phone or mail
 * (then marked so). A waiting list can still turn into accepted or refused.
 */
export async function answerRequest(ctx: Ctx, id: string, answer: Answer): Promise<RequestView> {
  const row = await repo.findRequest(ctx.db, id);
  if (!row) throw new NotFound('orientation.request_not_found', 'No such request');
  const byRequester = await answeringAsRequester(ctx, row);
  if (row.status !== 'sent' && row.status !== 'waiting_list') throw new Conflict('orientation.request_closed', `The request is already ${row.status}`);
  if (answer.status === 'refused' && !answer.refusalReason) throw new BadInput('orientation.refusal_reason', 'A refusal needs its reason', { refusalReason: 'required' });
  const changes = {
    status: answer.status,
    refusalReason: answer.status === 'refused' ? answer.refusalReason! : null,
    answerNote: answer.note ?? null,
    answeredBy: ctx.actor.personId,
    answeredAt: ctx.now,
    answerRecordedByRequester: byRequester,
  };
  if (!(await repo.updateRequestIfVersion(ctx.db, id, answer.version, changes))) {
    throw new Conflict('orientation.request_stale', 'The request changed since it was read', { version: row.version });
  }
  await appendAudit(ctx, { action: 'orientation.answer', outcome: 'allowed', patientId: row.patientId, fileId: row.fileId, objectType: 'OrientationRequest', objectId: id });
  await emitEvent(ctx, { type: 'orientation.answered', patientId: row.patientId, fileId: row.fileId, payload: { requestId: id, status: answer.status, refusalReason: changes.refusalReason } });
  const [view] = await requestViews(ctx, [{ ...row, ...changes, version: answer.version + 1 }]);
  return view!;
}

/** The target establishment's staff answer as such; otherwise the file's side records the answer. */
async function answeringAsRequester(ctx: Ctx, row: repo.RequestRow): Promise<boolean> {
  const organization = (await directory.findOrganizationRefs(ctx, [row.organizationId])).get(row.organizationId);
  if (organization?.structureId && canDo(ctx, 'orientation.answer', { structureIds: [organization.structureId] })) return false;
  await authorizeOnFile(ctx, row.fileId, 'orientation.request');
  return true;
}

export async function cancelRequest(ctx: Ctx, id: string, version: number): Promise<RequestView> {
  const row = await repo.findRequest(ctx.db, id);
  if (!row) throw new NotFound('orientation.request_not_found', 'No such request');
  await authorizeOnFile(ctx, row.fileId, 'orientation.request');
  if (row.status !== 'sent' && row.status !== 'waiting_list') throw new Conflict('orientation.request_closed', `The request is already ${row.status}`);
  if (!(await repo.updateRequestIfVersion(ctx.db, id, version, { status: 'cancelled' }))) {
    throw new Conflict('orientation.request_stale', 'The request changed since it was read', { version: row.version });
  }
  await emitEvent(ctx, { type: 'orientation.cancelled', patientId: row.patientId, fileId: row.fileId, payload: { requestId: id } });
  const [view] = await requestViews(ctx, [{ ...row, status: 'cancelled', version: version + 1 }]);
  return view!;
}
