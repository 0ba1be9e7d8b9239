// The steps every identity use case shares: load a patient the caller may act on, and change its
// identity facts so that the status, the attributes and the identity history always agree.
import { assertAllowed, canDo } from '#src/core/auth/access.ts';
import type { Action } from '#src/core/auth/rights.ts';
import type { Ctx } from '#src/core/context.ts';
import { Conflict, NotFound } from '#src/core/http/errors.ts';
import { newId } from '#src/core/ids.ts';
import { isInCareTeamOfPatient } from '#src/files/service.ts';
import * as repo from './repo.ts';
import { statusOf, type IdentityAttribute, type IdentityFacts } from './identity-rules.ts';
import { factsOf } from './views.ts';

export type IdentityEventKind =
  | 'created'
  | 'traits_edited'
  | 'insi_called'
  | 'document_checked'
  | 'attribute_set'
  | 'attribute_cleared'
  | 'ins_received'
  | 'merged_into'
  | 'merged_from'
  | 'unmerged';

/** Loads a patient for an action; a care-team member of one of the patient's files may read. 404 before 403. */
export async function loadPatientFor(ctx: Ctx, patientId: string, action: Action): Promise<repo.PatientRow> {
  const row = await repo.findPatientById(ctx.db, patientId);
  if (!row) throw new NotFound('patients.not_found');
  const inCareTeam = canDo(ctx, action) || (action === 'patient.read' && (await isInCareTeamOfPatient(ctx, patientId)));
  assertAllowed(ctx, action, { inCareTeam }, { patientId, objectType: 'Patient', objectId: patientId });
  return row;
}

/** Only a live record, at the version the caller read, may change (409 otherwise). */
export function assertEditable(row: repo.PatientRow, version: number): void {
  if (row.mergedInto) throw new Conflict('patients.merged', 'This record was merged into another one', { mergedInto: row.mergedInto });
  if (row.version !== version) throw new Conflict('patients.version_stale', 'The patient was changed by someone else', { currentVersion: row.version });
}

export async function recordIdentityEvent(
  ctx: Ctx,
  patientId: string,
  event: { kind: IdentityEventKind; statusBefore: string | null; statusAfter: string; details?: Record<string, unknown> },
): Promise<void> {
  await repo.insertIdentityEvent(ctx.db, {
    id: newId(ctx.now.getTime()),
    patientId,
    at: ctx.now,
    kind: event.kind,
    actorId: ctx.actor.personId,
    statusBefore: event.statusBefore,
    statusAfter: event.statusAfter,
    details: event.details ?? {},
  });
}

/** The columns that hold the facts, with the status they give. */
export function factColumns(facts: IdentityFacts) {
  return { insRetrieved: facts.retrieved, documentChecked: facts.checked, identityAttributes: [...facts.attributes], identityStatus: statusOf(facts) };
}

/**
 * Adds or removes vigilance attributes (DPOT, COLP…) on a record without touching its version: they are
 * set by the queue, not by whoever edits the record, and must not make that person's save stale.
 */
export async function changeAttributes(
  ctx: Ctx,
  row: repo.PatientRow,
  change: { add?: readonly IdentityAttribute[]; remove?: readonly IdentityAttribute[] },
  details: Record<string, unknown>,
): Promise<void> {
  const before = factsOf(row);
  const kept = before.attributes.filter((a) => !(change.remove ?? []).includes(a));
  const added = (change.add ?? []).filter((a) => !kept.includes(a));
  const after: IdentityFacts = { ...before, attributes: [...kept, ...added] };
  const removed = before.attributes.filter((a) => !after.attributes.includes(a));
  if (added.length === 0 && removed.length === 0) return;
  await repo.setPatientColumns(ctx.db, row.id, factColumns(after));
  for (const attribute of added) {
    await recordIdentityEvent(ctx, row.id, { kind: 'attribute_set', statusBefore: row.identityStatus, statusAfter: statusOf(after), details: { attribute, ...details } });
  }
  for (const attribute of removed) {
    await recordIdentityEvent(ctx, row.id, { kind: 'attribute_cleared', statusBefore: row.identityStatus, statusAfter: statusOf(after), details: { attribute, ...details } });
  }
}
