// Use cases of consents: record the patient's information, a consent to share outside the care team
// or an objection, in one of their files; list them; withdraw one. Rights: consent.record (the
// holding structure's coordinators) and consent.read (also the care team, which must know what it may share).
import type { Ctx } from '#src/core/context.ts';
import { appendAudit } from '#src/core/audit/audit.ts';
import { emitEvent } from '#src/core/events/outbox.ts';
import { BadInput, Conflict, Forbidden, NotFound } from '#src/core/http/errors.ts';
import { newId } from '#src/core/ids.ts';
import { findPeopleRefs, findStructureRefs, personExists, type PersonRef } from '#src/accounts/service.ts';
import { authorizeOnFile } from '#src/files/service.ts';
import * as repo from './repo.ts';
import { checkNewConsent, isActiveAt, type NewConsent } from './rules.ts';

export type ConsentView = {
  id: string;
  patientId: string;
  kind: string;
  fileId: string | null;
  recipient: { kind: 'person'; id: string; name: string } | { kind: 'structure'; id: string; name: string } | null;
  categories: string[];
  collectedAt: Date;
  collectedBy: PersonRef | null;
  channel: string;
  documentId: string | null;
  comment: string | null;
  withdrawnAt: Date | null;
  withdrawnBy: PersonRef | null;
  active: boolean;
  version: number;
};

/** The patient's standing in one look: informed (when), objecting, and the consents in force. */
export type ConsentSummary = { informedAt: Date | null; opposed: boolean; items: ConsentView[] };

const nameOf = (person: PersonRef | undefined) => (person ? `${person.givenName} ${person.familyName}` : '?');

async function toViews(ctx: Ctx, rows: repo.ConsentRow[]): Promise<ConsentView[]> {
  const people = await findPeopleRefs(ctx, rows.flatMap((r) => [r.collectedBy, r.recipientPersonId, r.withdrawnBy].filter((id): id is string => id !== null)));
  const structures = await findStructureRefs(ctx, rows.flatMap((r) => (r.recipientStructureId ? [r.recipientStructureId] : [])));
  return rows.map((row) => ({
    id: row.id,
    patientId: row.patientId,
    kind: row.kind,
    fileId: row.fileId,
    recipient: row.recipientPersonId
      ? { kind: 'person', id: row.recipientPersonId, name: nameOf(people.get(row.recipientPersonId)) }
      : row.recipientStructureId
        ? { kind: 'structure', id: row.recipientStructureId, name: structures.get(row.recipientStructureId)?.name ?? '?' }
        : null,
    categories: row.categories,
    collectedAt: row.collectedAt,
    collectedBy: people.get(row.collectedBy) ?? null,
    channel: row.channel,
    documentId: row.documentId,
    comment: row.comment,
    withdrawnAt: row.withdrawnAt,
    withdrawnBy: row.withdrawnBy ? (people.get(row.withdrawnBy) ?? null) : null,
    active: isActiveAt(row, ctx.now),
    version: row.version,
  }));
}

async function checkRecipient(ctx: Ctx, input: NewConsent): Promise<void> {
  if (input.recipientPersonId && !(await personExists(ctx, input.recipientPersonId))) {
    throw new BadInput('consents.recipient_unknown', 'Unknown person', { recipientPersonId: 'unknown person' });
  }
  if (input.recipientStructureId && !(await findStructureRefs(ctx, [input.recipientStructureId])).has(input.recipientStructureId)) {
    throw new BadInput('consents.recipient_unknown', 'Unknown structure', { recipientStructureId: 'unknown structure' });
  }
}

/** Records information, a sharing consent or an objection, collected in this file. Right: consent.record. */
export async function recordConsent(ctx: Ctx, fileId: string, input: NewConsent & { comment?: string | null | undefined }): Promise<ConsentView> {
  const file = await authorizeOnFile(ctx, fileId, 'consent.record');
  const categories = checkNewConsent(input, ctx.now);
  await checkRecipient(ctx, input);
  const row: repo.ConsentRow = {
    id: newId(ctx.now.getTime()),
    patientId: file.patientId,
    fileId,
    kind: input.kind,
    recipientStructureId: input.recipientStructureId ?? null,
    recipientPersonId: input.recipientPersonId ?? null,
    categories,
    collectedAt: input.collectedAt,
    collectedBy: ctx.actor.personId ?? file.referentId!,
    channel: input.channel,
    documentId: input.documentId ?? null,
    comment: input.comment ?? null,
    withdrawnAt: null,
    withdrawnBy: null,
    version: 1,
  };
  await repo.insertConsent(ctx.db, row);
  const [view] = await toViews(ctx, [row]);
  await appendAudit(ctx, { action: 'consent.record', outcome: 'allowed', patientId: file.patientId, fileId, objectType: 'Consent', objectId: row.id, details: { kind: row.kind } });
  await emitEvent(ctx, {
    type: 'consent.recorded',
    patientId: file.patientId,
    fileId,
    payload: { consentId: row.id, kind: row.kind, recipientName: view!.recipient?.name ?? null, categories, channel: row.channel },
  });
  return view!;
}

/** The patient's information, consents and objections (all files), seen from one of their files. Right: consent.read. */
export async function listConsents(ctx: Ctx, fileId: string): Promise<ConsentSummary> {
  const file = await authorizeOnFile(ctx, fileId, 'consent.read');
  const items = await toViews(ctx, await repo.findConsentsOfPatient(ctx.db, file.patientId));
  await appendAudit(ctx, { action: 'consent.read', outcome: 'allowed', patientId: file.patientId, fileId, objectType: 'CoordinationFile', objectId: fileId });
  const informed = items.filter((c) => c.kind === 'information' && c.active).at(-1);
  return { informedAt: informed?.collectedAt ?? null, opposed: items.some((c) => c.kind === 'opposition' && c.active), items };
}

/**
 * Withdraws a consent or lifts an objection, now: the next read is decided without it. Recorded by the
 * coordinators of a structure holding one of the patient's open files — the one it was collected in.
 */
export async function withdrawConsent(ctx: Ctx, consentId: string, version: number): Promise<ConsentView> {
  const row = await repo.findConsent(ctx.db, consentId);
  if (!row || !row.fileId) throw new NotFound('consents.not_found');
  const file = await authorizeOnFile(ctx, row.fileId, 'consent.record');
  if (row.withdrawnAt) throw new Conflict('consents.already_withdrawn', 'This consent was already withdrawn');
  if (!(await repo.withdrawIfVersion(ctx.db, consentId, version, ctx.now, ctx.actor.personId))) {
    throw new Conflict('consents.version_stale', 'The consent was changed by someone else', { currentVersion: row.version });
  }
  const [view] = await toViews(ctx, [{ ...row, withdrawnAt: ctx.now, withdrawnBy: ctx.actor.personId, version: version + 1 }]);
  await appendAudit(ctx, { action: 'consent.withdraw', outcome: 'allowed', patientId: file.patientId, fileId: file.fileId, objectType: 'Consent', objectId: consentId });
  await emitEvent(ctx, { type: 'consent.withdrawn', patientId: file.patientId, fileId: file.fileId, payload: { consentId, kind: row.kind, recipientName: view!.recipient?.name ?? null } });
  return view!;
}

/** A patient's consents for the FHIR API, each checked through the file it was collected in. Right: consent.read. */
export async function listPatientConsents(ctx: Ctx, patientId: string): Promise<ConsentView[]> {
  const rows = await repo.findConsentsOfPatient(ctx.db, patientId);
  const readableFiles = new Set<string>();
  for (const fileId of new Set(rows.flatMap((r) => (r.fileId ? [r.fileId] : [])))) {
    if (await mayRead(ctx, fileId)) readableFiles.add(fileId);
  }
  const visible = rows.filter((r) => r.fileId && readableFiles.has(r.fileId));
  await appendAudit(ctx, { action: 'consent.read', outcome: 'allowed', patientId, details: { results: visible.length } });
  return toViews(ctx, visible);
}

export async function getConsent(ctx: Ctx, consentId: string): Promise<ConsentView> {
  const row = await repo.findConsent(ctx.db, consentId);
  if (!row?.fileId || !(await mayRead(ctx, row.fileId))) throw new NotFound('consents.not_found');
  await appendAudit(ctx, { action: 'consent.read', outcome: 'allowed', patientId: row.patientId, fileId: row.fileId, objectType: 'Consent', objectId: consentId });
  return (await toViews(ctx, [row]))[0]!;
}

async function mayRead(ctx: Ctx, fileId: string): Promise<boolean> {
  try {
    await authorizeOnFile(ctx, fileId, 'consent.read');
    return true;
  } catch (error) {
    if (error instanceof Forbidden || error instanceof NotFound) return false;
    throw error;
  }
}
