// The patient's life line (ligne de vie): one chronological view of everything that happened to them
// across the files the caller may read — journal, tasks, documents, care team, referrals, orientation,
// consents, breakdowns —, read from the domain events, filtered by kind and author, paged by a cursor.
import { appendAudit } from '#src/core/audit/audit.ts';
import type { Ctx } from '#src/core/context.ts';
import { listPatientEvents } from '#src/core/events/outbox.ts';
import { BadInput, NotFound } from '#src/core/http/errors.ts';
import { findPeopleRefs, findStructureRefs, type PersonRef } from '#src/accounts/service.ts';
import * as repo from './repo.ts';
import { eventVisibleThroughConsent } from '#src/consents/rules.ts';
import { consentScopesOfPatient } from './service.ts';

/** The kinds a reader filters by, and the event types each gathers. */
export const LIFELINE_KINDS: Record<string, readonly string[]> = {
  journal: ['journal.'],
  task: ['task.'],
  document: ['document.'],
  team: ['careTeam.'],
  referral: ['referral.'],
  orientation: ['orientation.'],
  file: ['file.'],
  consent: ['consent.'],
  breakdown: ['breakdown.'],
  identity: ['patient.', 'identity.'],
};

export type LifelineItem = {
  id: string;
  type: string;
  occurredAt: Date;
  actor: PersonRef | null;
  file: { id: string; structureName: string } | null;
  payload: Record<string, unknown>;
};
export type LifelineQuery = { kinds: readonly string[]; authorId?: string | undefined; before?: string | undefined; limit: number };

/** The cursor of a page: the last item's instant and id, opaque to the client. */
function encodeCursor(item: { occurredAt: Date; id: string }): string {
  return Buffer.from(`${item.occurredAt.toISOString()}|${item.id}`).toString('base64url');
}

function decodeCursor(cursor: string): { occurredAt: Date; id: string } {
  const [at, id] = Buffer.from(cursor, 'base64url').toString().split('|');
  const occurredAt = new Date(at ?? '');
  if (Number.isNaN(occurredAt.getTime()) || !/^[0-9a-f-]{36}$/.test(id ?? '')) throw new BadInput('lifeline.cursor_invalid', 'Invalid cursor', { before: 'a cursor from a previous page' });
  return { occurredAt, id: id! };
}

/**
 * The route checks patient.lifeline for the role; here, file by file, what the caller may read
 * (file.read: the holding structure, the care team, a consent). None → the patient is not known to them.
 */
export async function listLifeline(ctx: Ctx, patientId: string, query: LifelineQuery): Promise<{ items: LifelineItem[]; nextBefore: string | null }> {
  const scopes = await consentScopesOfPatient(ctx, patientId);
  const fileIds = [...scopes.keys()];
  if (fileIds.length === 0) throw new NotFound('patients.not_found');
  const files = (await repo.findFilesOfPatient(ctx.db, patientId)).filter((f) => fileIds.includes(f.id));
  const holder = files.some((f) => f.structureId === ctx.actor.acting?.structureId);
  const unknownKind = query.kinds.find((k) => !(k in LIFELINE_KINDS));
  if (unknownKind) throw new BadInput('lifeline.kind_unknown', 'Unknown kind', { kinds: unknownKind });
  const events = await listPatientEvents(ctx, patientId, {
    fileIds,
    // identity changes carry no file: the coordinators of a structure that follows the patient see them
    withoutFile: holder,
    typePrefixes: query.kinds.flatMap((k) => LIFELINE_KINDS[k]!),
    actorId: query.authorId,
    before: query.before ? decodeCursor(query.before) : undefined,
    limit: query.limit,
  });
  // files opened by a consent show the events of what it covers only
  const visible = events.filter((e) => {
    const scope = e.fileId ? scopes.get(e.fileId) : null;
    return !scope || eventVisibleThroughConsent(e.type, scope);
  });
  const people = await findPeopleRefs(ctx, visible.flatMap((e) => (e.actorId ? [e.actorId] : [])));
  const structures = await findStructureRefs(ctx, [...new Set(files.map((f) => f.structureId))]);
  const structureOf = new Map(files.map((f) => [f.id, structures.get(f.structureId)?.name ?? '?']));
  await appendAudit(ctx, { action: 'patient.lifeline.read', outcome: 'allowed', patientId, details: { kinds: query.kinds, results: events.length } });
  const items = visible.map((e) => ({
    id: e.id,
    type: e.type,
    occurredAt: e.occurredAt,
    actor: e.actorId ? (people.get(e.actorId) ?? null) : null,
    file: e.fileId ? { id: e.fileId, structureName: structureOf.get(e.fileId) ?? '?' } : null,
    payload: e.payload,
  }));
  return { items, nextBefore: events.length === query.limit ? encodeCursor(events.at(-1)!) : null };
}
