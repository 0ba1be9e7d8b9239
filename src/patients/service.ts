// Use cases of patients: search, create, read, update the (minimal) identity. Every read and write is audited.
import { assertAllowed, canDo } from '#src/core/auth/access.ts';
import { appendAudit } from '#src/core/audit/audit.ts';
import type { Ctx } from '#src/core/context.ts';
import { emitEvent } from '#src/core/events/outbox.ts';
import { Conflict, NotFound } from '#src/core/http/errors.ts';
import { newId } from '#src/core/ids.ts';
import { isInCareTeamOfPatient } from '#src/files/service.ts';
import * as repo from './repo.ts';
import { checkBirthDate, nameSplitsOf, searchNamesOf } from './rules.ts';

export type Sex = 'F' | 'M' | 'U';
export type IdentityStatus = 'PROV' | 'RECUP' | 'VALI' | 'QUAL';

export type PatientInput = {
  birthName: string;
  usedName?: string | null | undefined;
  givenName: string;
  birthGivenNames?: string | null | undefined;
  birthDate: string;
  sex: Sex;
  birthplaceInsee?: string | null | undefined;
  birthplaceName?: string | null | undefined;
  addressLine?: string | null | undefined;
  postalCode?: string | null | undefined;
  communeInsee?: string | null | undefined;
  communeName?: string | null | undefined;
  phone?: string | null | undefined;
};

export type PatientSummary = {
  id: string;
  birthName: string;
  usedName: string | null;
  givenName: string;
  birthDate: string;
  sex: Sex;
  communeName: string | null;
  identityStatus: IdentityStatus;
};

export type PatientView = PatientSummary & {
  birthGivenNames: string | null;
  birthplaceInsee: string | null;
  birthplaceName: string | null;
  addressLine: string | null;
  postalCode: string | null;
  communeInsee: string | null;
  phone: string | null;
  version: number;
  createdAt: Date;
};

function toSummary(row: repo.PatientRow): PatientSummary {
  return {
    id: row.id,
    birthName: row.birthName,
    usedName: row.usedName,
    givenName: row.givenName,
    birthDate: row.birthDate,
    sex: row.sex as Sex,
    communeName: row.communeName,
    identityStatus: row.identityStatus as IdentityStatus,
  };
}

function toView(row: repo.PatientRow): PatientView {
  return {
    ...toSummary(row),
    birthGivenNames: row.birthGivenNames,
    birthplaceInsee: row.birthplaceInsee,
    birthplaceName: row.birthplaceName,
    addressLine: row.addressLine,
    postalCode: row.postalCode,
    communeInsee: row.communeInsee,
    phone: row.phone,
    version: row.version,
    createdAt: row.createdAt,
  };
}

function identityColumns(input: PatientInput) {
  return {
    birthName: input.birthName.toUpperCase(),
    usedName: input.usedName ? input.usedName.toUpperCase() : null,
    givenName: input.givenName,
    birthGivenNames: input.birthGivenNames ?? input.givenName,
    birthDate: input.birthDate,
    sex: input.sex,
    birthplaceInsee: input.birthplaceInsee ?? null,
    birthplaceName: input.birthplaceName ?? null,
    addressLine: input.addressLine ?? null,
    postalCode: input.postalCode ?? null,
    communeInsee: input.communeInsee ?? null,
    communeName: input.communeName ?? null,
    phone: input.phone ?? null,
  };
}

/** Searches the region's patients by name prefix and/or birth date. Right: patient.search. */
export async function searchPatients(ctx: Ctx, query: { q: string; birthDate?: string | undefined; limit: number }): Promise<PatientSummary[]> {
  assertAllowed(ctx, 'patient.search');
  const rows = await repo.searchPatients(ctx.db, { splits: nameSplitsOf(query.q), birthDate: query.birthDate, limit: query.limit });
  await appendAudit(ctx, { action: 'patient.search', outcome: 'allowed', details: { q: query.q, birthDate: query.birthDate ?? null, results: rows.length } });
  return rows.map(toSummary);
}

/** Creates a patient with a provisional identity. Right: patient.create. */
export async function createPatient(ctx: Ctx, input: PatientInput): Promise<PatientView> {
  assertAllowed(ctx, 'patient.create');
  checkBirthDate(input.birthDate, ctx.now);
  const columns = identityColumns(input);
  const row: repo.PatientInsert = {
    id: newId(ctx.now.getTime()),
    ...columns,
    ...searchNamesOf(columns),
    identityStatus: 'PROV',
    createdAt: ctx.now,
    createdBy: ctx.actor.personId,
    version: 1,
  };
  await repo.insertPatient(ctx.db, row);
  await appendAudit(ctx, { action: 'patient.create', outcome: 'allowed', patientId: row.id, objectType: 'Patient', objectId: row.id });
  await emitEvent(ctx, { type: 'patient.created', patientId: row.id, payload: {} });
  return toView((await repo.findPatientById(ctx.db, row.id))!);
}

async function loadReadable(ctx: Ctx, patientId: string, action: 'patient.read' | 'patient.update'): Promise<repo.PatientRow> {
  const row = await repo.findPatientById(ctx.db, patientId);
  if (!row) throw new NotFound('patients.not_found');
  const inCareTeam = canDo(ctx, action) || (await isInCareTeamOfPatient(ctx, patientId));
  assertAllowed(ctx, action, { inCareTeam }, { patientId, objectType: 'Patient', objectId: patientId });
  return row;
}

/** Reads a patient's identity. Right: patient.read (coordination roles, or a care-team member of one of their files). */
export async function getPatient(ctx: Ctx, patientId: string): Promise<PatientView> {
  const row = await loadReadable(ctx, patientId, 'patient.read');
  await appendAudit(ctx, { action: 'patient.read', outcome: 'allowed', patientId, objectType: 'Patient', objectId: patientId });
  return toView(row);
}

/** Changes identity fields; the caller sends the version it read. Right: patient.update. */
export async function updatePatient(ctx: Ctx, patientId: string, version: number, changes: Partial<PatientInput>): Promise<PatientView> {
  const current = await loadReadable(ctx, patientId, 'patient.update');
  const merged: PatientInput = { ...toView(current), ...changes };
  checkBirthDate(merged.birthDate, ctx.now);
  const columns = identityColumns(merged);
  const updated = await repo.updatePatientIfVersion(ctx.db, patientId, version, { ...columns, ...searchNamesOf(columns) });
  if (!updated) throw new Conflict('patients.version_stale', 'The patient was changed by someone else', { currentVersion: current.version });
  await appendAudit(ctx, { action: 'patient.update', outcome: 'allowed', patientId, objectType: 'Patient', objectId: patientId, details: { fields: Object.keys(changes) } });
  await emitEvent(ctx, { type: 'patient.updated', patientId, payload: { fields: Object.keys(changes) } });
  return toView((await repo.findPatientById(ctx.db, patientId))!);
}

/** For other capabilities that already decided access (the files list): summaries by id, not audited here. */
export async function findPatientSummaries(ctx: Ctx, ids: readonly string[]): Promise<Map<string, PatientSummary>> {
  const rows = await repo.findPatientsByIds(ctx.db, [...new Set(ids)]);
  return new Map(rows.map((row) => [row.id, toSummary(row)]));
}

/** For the file page, whose own read is audited: the full identity. */
export async function findPatientView(ctx: Ctx, id: string): Promise<PatientView | null> {
  const row = await repo.findPatientById(ctx.db, id);
  return row ? toView(row) : null;
}

/** Ids of patients whose names match, to filter lists held by other capabilities. */
export async function findPatientIdsByName(ctx: Ctx, q: string, limit = 500): Promise<string[]> {
  const rows = await repo.searchPatients(ctx.db, { splits: nameSplitsOf(q), limit });
  return rows.map((row) => row.id);
}

