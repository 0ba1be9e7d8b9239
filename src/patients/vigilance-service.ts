// Identity vigilance (R-INS-7): the region's queue of suspected duplicates and collisions, merges and
// un-merges. The queue, merges and un-merges belong to identity referents (right identity.review).
import { assertAllowed } from '#src/core/auth/access.ts';
import { appendAudit } from '#src/core/audit/audit.ts';
import type { Ctx } from '#src/core/context.ts';
import { emitEvent } from '#src/core/events/outbox.ts';
import { BadInput, Conflict, NotFound } from '#src/core/http/errors.ts';
import { newId } from '#src/core/ids.ts';
import { findPeopleRefs, type PersonRef } from '#src/accounts/service.ts';
import { moveFilesToPatient } from '#src/files/service.ts';
import * as repo from './repo.ts';
import type { IdentityAttribute } from './identity-rules.ts';
import { changeAttributes, loadPatientFor, recordIdentityEvent } from './identity-record.ts';
import type { CandidateReason } from './vigilance-rules.ts';
import { toSummary, type PatientSummary } from './views.ts';

/** How long a merge can be undone. */
export const MERGE_UNDO_DAYS = 30;
const DAY_MS = 86_400_000;

export type SuspicionKind = 'duplicate' | 'collision';
export type SuspicionView = {
  id: string;
  kind: SuspicionKind;
  status: 'open' | 'dismissed' | 'merged';
  patients: PatientSummary[];
  reasons: CandidateReason[];
  score: number | null;
  note: string | null;
  detectedAt: Date;
  detectedBy: PersonRef | null;
  resolvedAt: Date | null;
  resolvedBy: PersonRef | null;
  resolution: string | null;
};

export type MergeView = {
  id: string;
  survivor: PatientSummary;
  merged: PatientSummary;
  reason: string;
  mergedAt: Date;
  mergedBy: PersonRef | null;
  movedFileIds: string[];
  undoUntil: Date;
  undoneAt: Date | null;
  undoneBy: PersonRef | null;
  undoReason: string | null;
  canUndo: boolean;
};

function attributeOf(kind: SuspicionKind): IdentityAttribute {
  return kind === 'duplicate' ? 'DPOT' : 'COLP';
}

async function suspicionViews(ctx: Ctx, rows: readonly repo.SuspicionRow[]): Promise<SuspicionView[]> {
  const patientIds = rows.flatMap((r) => (r.otherPatientId ? [r.patientId, r.otherPatientId] : [r.patientId]));
  const patients = new Map((await repo.findPatientsByIds(ctx.db, [...new Set(patientIds)])).map((p) => [p.id, toSummary(p)]));
  const people = await findPeopleRefs(ctx, rows.flatMap((r) => [r.detectedBy, r.resolvedBy].filter((id): id is string => !!id)));
  return rows.map((row) => ({
    id: row.id,
    kind: row.kind as SuspicionKind,
    status: row.status as SuspicionView['status'],
    patients: [row.patientId, row.otherPatientId].flatMap((id) => (id && patients.has(id) ? [patients.get(id)!] : [])),
    reasons: row.reasons as CandidateReason[],
    score: row.score,
    note: row.note,
    detectedAt: row.detectedAt,
    detectedBy: row.detectedBy ? (people.get(row.detectedBy) ?? null) : null,
    resolvedAt: row.resolvedAt,
    resolvedBy: row.resolvedBy ? (people.get(row.resolvedBy) ?? null) : null,
    resolution: row.resolution,
  }));
}

async function flagPatients(ctx: Ctx, ids: readonly string[], attribute: IdentityAttribute, details: Record<string, unknown>): Promise<void> {
  for (const row of await repo.findPatientsByIds(ctx.db, ids)) await changeAttributes(ctx, row, { add: [attribute] }, details);
}

/** Clears DPOT/COLP from records that no open suspicion of that kind names any more. */
async function unflagPatients(ctx: Ctx, ids: readonly string[], kind: SuspicionKind, details: Record<string, unknown>): Promise<void> {
  for (const row of await repo.findPatientsByIds(ctx.db, ids)) {
    const stillOpen = (await repo.findOpenSuspicions(ctx.db, row.id)).some((s) => s.kind === kind);
    if (!stillOpen) await changeAttributes(ctx, row, { remove: [attributeOf(kind)] }, details);
  }
}

/**
 * Queues a possible duplicate found while saving a record (no right of its own: the save decided).
 * One open suspicion per pair; both records get DPOT.
 */
export async function openDuplicateSuspicion(ctx: Ctx, patientId: string, candidate: { patient: PatientSummary; score: number; reasons: CandidateReason[] }): Promise<void> {
  if ((await repo.findOpenSuspicions(ctx.db, patientId, candidate.patient.id)).length > 0) return;
  const id = newId(ctx.now.getTime());
  await repo.insertSuspicion(ctx.db, {
    id,
    kind: 'duplicate',
    status: 'open',
    patientId,
    otherPatientId: candidate.patient.id,
    reasons: candidate.reasons,
    score: candidate.score,
    note: null,
    detectedAt: ctx.now,
    detectedBy: ctx.actor.personId,
    resolvedAt: null,
    resolvedBy: null,
    resolution: null,
  });
  await flagPatients(ctx, [patientId, candidate.patient.id], 'DPOT', { suspicionId: id });
  await appendAudit(ctx, { action: 'identity.suspicion-open', outcome: 'allowed', patientId, objectType: 'IdentitySuspicion', objectId: id, details: { otherPatientId: candidate.patient.id, score: candidate.score } });
}

/**
 * A user reports a duplicate (two records, one person) or a collision (one record, two people: COLP,
 * which also stops the identity from being qualified). Right: patient.manage-identity.
 */
export async function reportSuspicion(ctx: Ctx, input: { kind: SuspicionKind; patientId: string; otherPatientId?: string | undefined; note: string }): Promise<SuspicionView> {
  await loadPatientFor(ctx, input.patientId, 'patient.manage-identity');
  if (input.kind === 'duplicate' && !input.otherPatientId) throw new BadInput('identity.other_patient_required', 'A duplicate names the other record', { otherPatientId: 'required for a duplicate' });
  if (input.kind === 'collision' && input.otherPatientId) throw new BadInput('identity.collision_one_record', 'A collision is about one record', { otherPatientId: 'not for a collision' });
  if (input.otherPatientId === input.patientId) throw new BadInput('identity.same_record', 'A record is not its own duplicate', { otherPatientId: 'the same record' });
  if (input.otherPatientId && !(await repo.findPatientById(ctx.db, input.otherPatientId))) {
    throw new BadInput('identity.other_patient_unknown', 'Unknown patient', { otherPatientId: 'unknown patient' });
  }
  const existing = (await repo.findOpenSuspicions(ctx.db, input.patientId, input.otherPatientId)).find((s) => s.kind === input.kind && (s.otherPatientId ?? null) === (input.otherPatientId ?? null));
  if (existing) throw new Conflict('identity.suspicion_exists', 'This suspicion is already in the queue', { suspicionId: existing.id });
  const row: repo.SuspicionRow = {
    id: newId(ctx.now.getTime()),
    kind: input.kind,
    status: 'open',
    patientId: input.patientId,
    otherPatientId: input.otherPatientId ?? null,
    reasons: [],
    score: null,
    note: input.note,
    detectedAt: ctx.now,
    detectedBy: ctx.actor.personId,
    resolvedAt: null,
    resolvedBy: null,
    resolution: null,
  };
  await repo.insertSuspicion(ctx.db, row);
  await flagPatients(ctx, [input.patientId, ...(input.otherPatientId ? [input.otherPatientId] : [])], attributeOf(input.kind), { suspicionId: row.id, reason: input.note });
  await appendAudit(ctx, { action: 'identity.suspicion-report', outcome: 'allowed', patientId: input.patientId, objectType: 'IdentitySuspicion', objectId: row.id, details: { kind: input.kind, note: input.note } });
  return (await suspicionViews(ctx, [row]))[0]!;
}

/** The region's vigilance queue. Right: identity.review. */
export async function listSuspicions(ctx: Ctx, query: { status: 'open' | 'dismissed' | 'merged' | 'all'; limit: number }): Promise<SuspicionView[]> {
  assertAllowed(ctx, 'identity.review');
  const rows = await repo.listSuspicions(ctx.db, query.status === 'all' ? null : query.status, query.limit);
  await appendAudit(ctx, { action: 'identity.queue-read', outcome: 'allowed', details: { status: query.status, results: rows.length } });
  return suspicionViews(ctx, rows);
}

/** Closes a suspicion as unfounded, with the reason. Right: identity.review. */
export async function dismissSuspicion(ctx: Ctx, suspicionId: string, reason: string): Promise<SuspicionView> {
  assertAllowed(ctx, 'identity.review');
  const row = await repo.findSuspicion(ctx.db, suspicionId);
  if (!row) throw new NotFound('identity.suspicion_not_found');
  if (row.status !== 'open') throw new Conflict('identity.suspicion_closed', 'This suspicion is already closed', { status: row.status });
  await repo.resolveSuspicions(ctx.db, [row.id], { status: 'dismissed', at: ctx.now, by: ctx.actor.personId, text: reason });
  const ids = [row.patientId, ...(row.otherPatientId ? [row.otherPatientId] : [])];
  await unflagPatients(ctx, ids, row.kind as SuspicionKind, { suspicionId: row.id, reason });
  await appendAudit(ctx, { action: 'identity.suspicion-dismiss', outcome: 'allowed', patientId: row.patientId, objectType: 'IdentitySuspicion', objectId: row.id, details: { reason } });
  return (await suspicionViews(ctx, [(await repo.findSuspicion(ctx.db, row.id))!]))[0]!;
}

async function mergeViews(ctx: Ctx, rows: readonly repo.MergeRow[]): Promise<MergeView[]> {
  const patients = new Map((await repo.findPatientsByIds(ctx.db, [...new Set(rows.flatMap((r) => [r.survivorId, r.mergedId]))])).map((p) => [p.id, toSummary(p)]));
  const people = await findPeopleRefs(ctx, rows.flatMap((r) => [r.mergedBy, r.undoneBy].filter((id): id is string => !!id)));
  return rows.map((row) => ({
    id: row.id,
    survivor: patients.get(row.survivorId)!,
    merged: patients.get(row.mergedId)!,
    reason: row.reason,
    mergedAt: row.mergedAt,
    mergedBy: row.mergedBy ? (people.get(row.mergedBy) ?? null) : null,
    movedFileIds: row.movedFileIds,
    undoUntil: row.undoUntil,
    undoneAt: row.undoneAt,
    undoneBy: row.undoneBy ? (people.get(row.undoneBy) ?? null) : null,
    undoReason: row.undoReason,
    canUndo: row.undoneAt === null && ctx.now.getTime() <= row.undoUntil.getTime(),
  }));
}

/** Merges of a patient (as survivor or merged record). Right: patient.read. */
export async function listMerges(ctx: Ctx, patientId: string): Promise<MergeView[]> {
  await loadPatientFor(ctx, patientId, 'patient.read');
  return mergeViews(ctx, await repo.findMergesOf(ctx.db, patientId));
}

/**
 * Merges `mergedId` into `survivorId`: the files (with care teams and journals) move to the survivor,
 * the merged record stays as a redirect, its INS becomes old (R-INS-7), suspicions between the two
 * close as merged. Right: identity.review.
 */
export async function mergePatients(ctx: Ctx, survivorId: string, mergedId: string, reason: string): Promise<MergeView> {
  const survivor = await loadPatientFor(ctx, survivorId, 'identity.review');
  if (survivorId === mergedId) throw new BadInput('patients.merge_same', 'A record cannot be merged into itself', { mergedPatientId: 'the same record' });
  const merged = await repo.findPatientById(ctx.db, mergedId);
  if (!merged) throw new BadInput('patients.merge_unknown', 'Unknown patient', { mergedPatientId: 'unknown patient' });
  if (survivor.mergedInto || merged.mergedInto) throw new Conflict('patients.merged', 'One of the records was already merged', { survivorId, mergedId });
  const movedFileIds = await moveFilesToPatient(ctx, mergedId, survivorId);
  await repo.setPatientColumns(ctx.db, mergedId, { mergedInto: survivorId });
  await repo.endIns(ctx.db, mergedId, ['active', 'received'], ctx.now, 'old');
  const pair = await repo.findOpenSuspicions(ctx.db, survivorId, mergedId);
  await repo.resolveSuspicions(ctx.db, pair.map((s) => s.id), { status: 'merged', at: ctx.now, by: ctx.actor.personId, text: reason });
  const merge: repo.MergeRow = {
    id: newId(ctx.now.getTime()),
    survivorId,
    mergedId,
    reason,
    mergedAt: ctx.now,
    mergedBy: ctx.actor.personId,
    movedFileIds,
    mergedAttributes: merged.identityAttributes,
    undoUntil: new Date(ctx.now.getTime() + MERGE_UNDO_DAYS * DAY_MS),
    undoneAt: null,
    undoneBy: null,
    undoReason: null,
  };
  await repo.insertMerge(ctx.db, merge);
  await unflagPatients(ctx, [survivorId, mergedId], 'duplicate', { mergeId: merge.id, reason });
  await recordIdentityEvent(ctx, mergedId, { kind: 'merged_into', statusBefore: merged.identityStatus, statusAfter: merged.identityStatus, details: { mergeId: merge.id, otherPatientId: survivorId, reason } });
  await recordIdentityEvent(ctx, survivorId, { kind: 'merged_from', statusBefore: survivor.identityStatus, statusAfter: survivor.identityStatus, details: { mergeId: merge.id, otherPatientId: mergedId, reason } });
  await appendAudit(ctx, { action: 'patient.merge', outcome: 'allowed', patientId: survivorId, objectType: 'PatientMerge', objectId: merge.id, details: { mergedId, reason, movedFileIds } });
  await emitEvent(ctx, { type: 'patient.merged', patientId: survivorId, payload: { mergedId, mergeId: merge.id } });
  return (await mergeViews(ctx, [merge]))[0]!;
}

/** Un-merges within MERGE_UNDO_DAYS: the moved files go back, the record and its INS come back. Right: identity.review. */
export async function undoMerge(ctx: Ctx, mergeId: string, reason: string): Promise<MergeView> {
  assertAllowed(ctx, 'identity.review');
  const merge = await repo.findMerge(ctx.db, mergeId);
  if (!merge) throw new NotFound('patients.merge_not_found');
  if (merge.undoneAt) throw new Conflict('patients.merge_undone', 'This merge was already undone');
  if (ctx.now.getTime() > merge.undoUntil.getTime()) {
    throw new Conflict('patients.merge_undo_expired', `A merge can be undone within ${MERGE_UNDO_DAYS} days`, { undoUntil: merge.undoUntil.toISOString() });
  }
  await moveFilesToPatient(ctx, merge.survivorId, merge.mergedId, merge.movedFileIds);
  await repo.setPatientColumns(ctx.db, merge.mergedId, { mergedInto: null, identityAttributes: merge.mergedAttributes.filter((a) => a !== 'DPOT') });
  await repo.reactivateIns(ctx.db, merge.mergedId, merge.mergedAt);
  if (!(await repo.markMergeUndone(ctx.db, merge.id, { at: ctx.now, by: ctx.actor.personId, reason }))) throw new Conflict('patients.merge_undone', 'This merge was already undone');
  const [survivor, merged] = [(await repo.findPatientById(ctx.db, merge.survivorId))!, (await repo.findPatientById(ctx.db, merge.mergedId))!];
  for (const [row, other] of [[merged, survivor], [survivor, merged]] as const) {
    await recordIdentityEvent(ctx, row.id, { kind: 'unmerged', statusBefore: row.identityStatus, statusAfter: row.identityStatus, details: { mergeId, otherPatientId: other.id, reason } });
  }
  await appendAudit(ctx, { action: 'patient.unmerge', outcome: 'allowed', patientId: merge.survivorId, objectType: 'PatientMerge', objectId: merge.id, details: { mergedId: merge.mergedId, reason } });
  await emitEvent(ctx, { type: 'patient.unmerged', patientId: merge.survivorId, payload: { mergedId: merge.mergedId, mergeId } });
  return (await mergeViews(ctx, [(await repo.findMerge(ctx.db, merge.id))!]))[0]!;
}
