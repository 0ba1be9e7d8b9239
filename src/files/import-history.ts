// Imports a file's past as it happened elsewhere (the demo region; a region's legacy tool later):
// the file, its care team with periods, its journal, and the matching events for the timeline,
// in a few multi-row statements instead of one use case per line of history.
import type { Ctx } from '#src/core/context.ts';
import { appendAudit } from '#src/core/audit/audit.ts';
import { recordHistoricalEvents, type HistoricalEvent } from '#src/core/events/outbox.ts';
import { BadInput, Forbidden } from '#src/core/http/errors.ts';
import { newId } from '#src/core/ids.ts';
import { findCoordinatorIds } from '#src/accounts/service.ts';
import * as repo from './repo.ts';
import { checkNoOverlap, checkPeriod, isActiveAt, type CareTeamRole, type ClosureReason, type JournalCategory } from './rules.ts';

export type FileHistory = {
  structureId: string;
  patientId: string;
  referentId: string;
  openedAt: Date;
  closedAt: Date | null;
  closureReason: ClosureReason | null;
  careTeam: { personId: string; personName: string; role: CareTeamRole; periodStart: Date; periodEnd: Date | null }[];
  journal: { authorId: string; authorName: string; writtenAt: Date; category: JournalCategory | null; text: string }[];
};

function checkHistory(history: FileHistory, coordinatorIds: Set<string>): void {
  if (history.closedAt && history.closedAt.getTime() <= history.openedAt.getTime()) {
    throw new BadInput('files.import_closed_before_opened', 'Closed before opened', { closedAt: 'before openedAt' });
  }
  for (const member of history.careTeam) {
    checkPeriod({ start: member.periodStart, end: member.periodEnd });
    const samePerson = history.careTeam.filter((m) => m !== member && m.personId === member.personId);
    checkNoOverlap(samePerson.map((m) => ({ start: m.periodStart, end: m.periodEnd })), { start: member.periodStart, end: member.periodEnd });
  }
  // The journal was written by the team of the day or the structure's coordinators, as the rights rule requires now.
  for (const entry of history.journal) {
    const inTeam = history.careTeam.some((m) => m.personId === entry.authorId && isActiveAt({ start: m.periodStart, end: m.periodEnd }, entry.writtenAt));
    if (!inTeam && !coordinatorIds.has(entry.authorId)) {
      throw new BadInput('files.import_author_outside_team', 'A journal author was not in the care team', { journal: `author ${entry.authorId} at ${entry.writtenAt.toISOString()}` });
    }
  }
}

function eventsOf(history: FileHistory, fileId: string, members: repo.MemberRow[], entries: repo.EntryRow[]): HistoricalEvent[] {
  const base = { patientId: history.patientId, fileId };
  const events: HistoricalEvent[] = [
    { ...base, type: 'file.opened', occurredAt: history.openedAt, actorId: history.referentId, payload: { structureId: history.structureId, referentId: history.referentId } },
  ];
  history.careTeam.forEach((member, i) => {
    const payload = { memberId: members[i]!.id, personId: member.personId, personName: member.personName, role: member.role };
    events.push({ ...base, type: 'careTeam.memberAdded', occurredAt: member.periodStart, actorId: history.referentId, payload });
    if (member.periodEnd) events.push({ ...base, type: 'careTeam.memberEnded', occurredAt: member.periodEnd, actorId: history.referentId, payload });
  });
  history.journal.forEach((entry, i) => {
    const payload = { entryId: entries[i]!.id, category: entry.category, authorName: entry.authorName };
    events.push({ ...base, type: 'journal.entryWritten', occurredAt: entry.writtenAt, actorId: entry.authorId, payload });
  });
  if (history.closedAt) {
    events.push({ ...base, type: 'file.closed', occurredAt: history.closedAt, actorId: history.referentId, payload: { status: 'closed', closureReason: history.closureReason } });
  }
  return events;
}

/** Imports one file's history. System actor only: a person enters history through the ordinary use cases. */
export async function importFileHistory(ctx: Ctx, history: FileHistory): Promise<string> {
  if (ctx.actor.kind !== 'system') throw new Forbidden('access.files.import', 'Only the platform imports history');
  checkHistory(history, await findCoordinatorIds(ctx, history.structureId));
  const fileId = newId(history.openedAt.getTime());
  await repo.insertFile(ctx.db, {
    id: fileId,
    structureId: history.structureId,
    patientId: history.patientId,
    status: history.closedAt ? 'closed' : 'open',
    openedAt: history.openedAt,
    closedAt: history.closedAt,
    closureReason: history.closureReason,
    referentId: history.referentId,
    createdBy: history.referentId,
    version: 1,
  });
  const members: repo.MemberRow[] = history.careTeam.map((m) => ({
    id: newId(m.periodStart.getTime()), fileId, personId: m.personId, role: m.role, periodStart: m.periodStart, periodEnd: m.periodEnd,
    addedBy: history.referentId, endedBy: m.periodEnd ? history.referentId : null, version: 1,
  }));
  const entries: repo.EntryRow[] = history.journal.map((e) => ({
    id: newId(e.writtenAt.getTime()), fileId, authorId: e.authorId, writtenAt: e.writtenAt, category: e.category, text: e.text,
  }));
  await repo.insertMembers(ctx.db, members);
  await repo.insertEntries(ctx.db, entries);
  await recordHistoricalEvents(ctx, eventsOf(history, fileId, members, entries));
  await appendAudit(ctx, { action: 'file.import', outcome: 'allowed', patientId: history.patientId, fileId, objectType: 'CoordinationFile', objectId: fileId, details: { members: members.length, entries: entries.length } });
  return fileId;
}
