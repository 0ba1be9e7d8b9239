// Use cases of coordination files: open, read, list, update; care team; journal; timeline; access log.
// Each checks rights first, then writes with its audit line and domain event in the same transaction.
import { assertAllowed, canDo } from '#src/core/auth/access.ts';
import type { AccessTarget } from '#src/core/auth/rights.ts';
import { appendAudit, listFileAccesses } from '#src/core/audit/audit.ts';
import type { Ctx } from '#src/core/context.ts';
import { emitEvent, listFileEvents } from '#src/core/events/outbox.ts';
import { BadInput, Conflict, NotFound } from '#src/core/http/errors.ts';
import { newId } from '#src/core/ids.ts';
import { findCoordinatorIds, findPeopleRefs, findStructureRefs, personExists, type PersonRef } from '#src/accounts/service.ts';
import { findPatientIdsByName, findPatientSummaries, findPatientView, type PatientSummary, type PatientView } from '#src/patients/service.ts';
import { sharingStandingOfCaller } from '#src/consents/standing.ts';
import { categoryOfAction, eventVisibleThroughConsent, type SharingStanding, type ShareCategory } from '#src/consents/rules.ts';
import * as repo from './repo.ts';
import { checkNoOverlap, checkPeriod, checkStatusChange, isActiveAt, statusFields, summariseAccesses, type CareTeamRole, type ClosureReason, type DacMission, type FileStatus, type JournalCategory, type SupportLevel, type SuspensionReason } from './rules.ts';

export type CareTeamMemberView = { id: string; person: PersonRef; role: string; periodStart: Date; periodEnd: Date | null; active: boolean; version: number };
export type JournalEntryView = { id: string; author: PersonRef; writtenAt: Date; category: string | null; text: string };
export type FilePermissions = { canWriteJournal: boolean; canManageTeam: boolean; canUpdate: boolean; canSeeAccessLog: boolean };
/** How the caller reaches the file: staff of the holding structure, care-team member, or a consent of the patient (with what it covers). */
export type FileAccess = { via: 'holder' | 'care_team' | 'consent'; sharedCategories: ShareCategory[] | null; opposed: boolean };
export type FileView = {
  id: string;
  status: string;
  openedAt: Date;
  closedAt: Date | null;
  closureReason: string | null;
  suspendedAt: Date | null;
  suspensionReason: string | null;
  mission: string | null;
  supportLevel: string | null;
  referralId: string | null;
  version: number;
  structure: { id: string; name: string; kind: string };
  patient: PatientView;
  referent: PersonRef | null;
  careTeam: CareTeamMemberView[];
  journal: JournalEntryView[];
  permissions: FilePermissions;
  access: FileAccess;
};
export type FileSummary = {
  id: string;
  status: string;
  openedAt: Date;
  closedAt: Date | null;
  structure: { id: string; name: string };
  patient: PatientSummary;
  referent: PersonRef | null;
  lastJournalAt: Date | null;
};

const JOURNAL_PAGE = 50;
const UNKNOWN_PERSON: Omit<PersonRef, 'id'> = { givenName: '?', familyName: '?', profession: null };

function refOf(refs: Map<string, PersonRef>, id: string): PersonRef {
  return refs.get(id) ?? { id, ...UNKNOWN_PERSON };
}

const NO_STANDING: SharingStanding = { opposed: false, categories: new Set() };

/**
 * The object of an access decision on a file: its structure, whether the caller is in its team now,
 * the patient's objection, and whether a consent covers the category of information `category`.
 */
function accessTarget(ctx: Ctx, file: repo.FileRow, team: readonly repo.MemberRow[], standing = NO_STANDING, category: ShareCategory | null = 'file'): AccessTarget {
  const inCareTeam = team.some((m) => m.personId === ctx.actor.personId && isActiveAt({ start: m.periodStart, end: m.periodEnd }, ctx.now));
  return { structureIds: [file.structureId], inCareTeam, opposed: standing.opposed, consentCovers: category !== null && standing.categories.has(category) };
}

type Loaded = { file: repo.FileRow; team: repo.MemberRow[]; target: AccessTarget; standing: SharingStanding };
type Action = Parameters<typeof assertAllowed>[1];

/**
 * Loads a file and its team and checks the action; a refusal on an existing file is audited. The
 * patient's consents are read on every call, so a withdrawal or an objection takes effect at once.
 * `category` is the information read, when narrower than the action's (the journal, through file.read).
 */
async function loadFileFor(ctx: Ctx, fileId: string, action: Action, category = categoryOfAction(action)): Promise<Loaded> {
  const found = await repo.findFileWithTeam(ctx.db, fileId);
  if (!found) throw new NotFound('files.not_found');
  const { file, team } = found;
  const standing = await sharingStandingOfCaller(ctx, file.patientId);
  const target = accessTarget(ctx, file, team, standing, category);
  assertAllowed(ctx, action, target, { patientId: file.patientId, fileId, objectType: 'CoordinationFile', objectId: fileId });
  return { file, team, target, standing };
}

function toMemberView(ctx: Ctx, row: repo.MemberRow, refs: Map<string, PersonRef>): CareTeamMemberView {
  return {
    id: row.id,
    person: refOf(refs, row.personId),
    role: row.role,
    periodStart: row.periodStart,
    periodEnd: row.periodEnd,
    active: isActiveAt({ start: row.periodStart, end: row.periodEnd }, ctx.now),
    version: row.version,
  };
}

function toEntryView(row: repo.EntryRow, refs: Map<string, PersonRef>): JournalEntryView {
  return { id: row.id, author: refOf(refs, row.authorId), writtenAt: row.writtenAt, category: row.category, text: row.text };
}

function accessOf(ctx: Ctx, loaded: Loaded): FileAccess {
  const facts = factsOf(ctx, loaded);
  const via = facts.holder ? 'holder' : facts.inCareTeam ? 'care_team' : 'consent';
  return { via, sharedCategories: via === 'consent' ? [...loaded.standing.categories] : null, opposed: loaded.standing.opposed };
}

async function buildFileView(ctx: Ctx, loaded: Loaded): Promise<FileView> {
  const { file, team, target } = loaded;
  const access = accessOf(ctx, loaded);
  const seesJournal = access.via !== 'consent' || loaded.standing.categories.has('journal');
  const entries = seesJournal ? await repo.findEntries(ctx.db, file.id, { limit: JOURNAL_PAGE }) : [];
  const personIds = [...team.map((m) => m.personId), ...entries.map((e) => e.authorId), ...(file.referentId ? [file.referentId] : [])];
  const [refs, structures, patient] = [await findPeopleRefs(ctx, personIds), await findStructureRefs(ctx, [file.structureId]), await findPatientView(ctx, file.patientId)];
  const structure = structures.get(file.structureId);
  return {
    id: file.id,
    status: file.status,
    openedAt: file.openedAt,
    closedAt: file.closedAt,
    closureReason: file.closureReason,
    suspendedAt: file.suspendedAt,
    suspensionReason: file.suspensionReason,
    mission: file.mission,
    supportLevel: file.supportLevel,
    referralId: file.referralId,
    version: file.version,
    structure: { id: file.structureId, name: structure?.name ?? '?', kind: structure?.kind ?? '?' },
    patient: patient!,
    referent: file.referentId ? refOf(refs, file.referentId) : null,
    careTeam: team.map((m) => toMemberView(ctx, m, refs)),
    journal: entries.map((e) => toEntryView(e, refs)),
    permissions: {
      canWriteJournal: file.status !== 'closed' && canDo(ctx, 'journal.write', target),
      canManageTeam: canDo(ctx, 'file.manage-team', target),
      canUpdate: canDo(ctx, 'file.update', target),
      canSeeAccessLog: canDo(ctx, 'file.read-access-log', target),
    },
    access,
  };
}

/** Inserts a membership with its audit line and event; `extra` joins the event's payload (an invitation says `invited: true`). Checks nothing. */
export async function addMember(ctx: Ctx, file: repo.FileRow, member: { personId: string; role: CareTeamRole; start: Date; end: Date | null }, extra: Record<string, unknown> = {}): Promise<repo.MemberRow> {
  const row: repo.MemberRow = {
    id: newId(ctx.now.getTime()),
    fileId: file.id,
    personId: member.personId,
    role: member.role,
    periodStart: member.start,
    periodEnd: member.end,
    addedBy: ctx.actor.personId,
    endedBy: null,
    version: 1,
  };
  await repo.insertMember(ctx.db, row);
  const refs = await findPeopleRefs(ctx, [member.personId]);
  const person = refOf(refs, member.personId);
  await appendAudit(ctx, { action: 'careTeam.add', outcome: 'allowed', patientId: file.patientId, fileId: file.id, objectType: 'CareTeamMember', objectId: row.id });
  await emitEvent(ctx, {
    type: 'careTeam.memberAdded',
    patientId: file.patientId,
    fileId: file.id,
    payload: { memberId: row.id, personId: member.personId, personName: `${person.givenName} ${person.familyName}`, role: member.role, ...extra },
  });
  return row;
}

/** Opens a coordination file for a patient in the acting structure; the referent joins the care team. Right: file.open. */
export type NewFile = {
  patientId: string;
  referentId?: string | undefined;
  /** the request for support it answers, and the DAC mission and support level it starts with */
  referralId?: string | undefined;
  mission?: DacMission | undefined;
  supportLevel?: SupportLevel | undefined;
};

export async function openFile(ctx: Ctx, input: NewFile): Promise<FileView> {
  assertAllowed(ctx, 'file.open');
  const structureId = ctx.actor.acting!.structureId;
  if (!(await findPatientSummaries(ctx, [input.patientId])).has(input.patientId)) {
    throw new BadInput('files.patient_unknown', 'Unknown patient', { patientId: 'unknown patient' });
  }
  const existing = await repo.findOpenFile(ctx.db, input.patientId, structureId);
  if (existing) throw new Conflict('files.already_open', 'This patient already has an open file in this structure', { fileId: existing.id });
  const referentId = input.referentId ?? ctx.actor.personId!;
  if (!(await personExists(ctx, referentId))) throw new BadInput('files.referent_unknown', 'Unknown referent', { referentId: 'unknown person' });
  const file: repo.FileRow = {
    id: newId(ctx.now.getTime()),
    structureId,
    patientId: input.patientId,
    status: 'open',
    openedAt: ctx.now,
    closedAt: null,
    closureReason: null,
    suspendedAt: null,
    suspensionReason: null,
    mission: input.mission ?? null,
    supportLevel: input.supportLevel ?? null,
    referralId: input.referralId ?? null,
    referentId,
    createdBy: ctx.actor.personId,
    version: 1,
  };
  await repo.insertFile(ctx.db, file);
  await appendAudit(ctx, { action: 'file.open', outcome: 'allowed', patientId: file.patientId, fileId: file.id, objectType: 'CoordinationFile', objectId: file.id });
  await emitEvent(ctx, { type: 'file.opened', patientId: file.patientId, fileId: file.id, payload: { structureId, referentId, referralId: file.referralId } });
  const member = await addMember(ctx, file, { personId: referentId, role: 'coordinator', start: ctx.now, end: null });
  return buildFileView(ctx, { file, team: [member], target: accessTarget(ctx, file, [member]), standing: NO_STANDING });
}

/** Reads a file with its team and last journal entries. Right: file.read. */
export async function getFile(ctx: Ctx, fileId: string): Promise<FileView> {
  const loaded = await loadFileFor(ctx, fileId, 'file.read');
  await appendAudit(ctx, { action: 'file.read', outcome: 'allowed', patientId: loaded.file.patientId, fileId, objectType: 'CoordinationFile', objectId: fileId });
  return buildFileView(ctx, loaded);
}

async function toSummaries(ctx: Ctx, rows: (repo.FileRow & { lastJournalAt: Date | null })[]): Promise<FileSummary[]> {
  const [patients, structures, refs] = [
    await findPatientSummaries(ctx, rows.map((r) => r.patientId)),
    await findStructureRefs(ctx, rows.map((r) => r.structureId)),
    await findPeopleRefs(ctx, rows.flatMap((r) => (r.referentId ? [r.referentId] : []))),
  ];
  return rows.map((row) => ({
    id: row.id,
    status: row.status,
    openedAt: row.openedAt,
    closedAt: row.closedAt,
    structure: { id: row.structureId, name: structures.get(row.structureId)?.name ?? '?' },
    patient: patients.get(row.patientId)!,
    referent: row.referentId ? refOf(refs, row.referentId) : null,
    lastJournalAt: row.lastJournalAt,
  }));
}

export type FileListScope = 'mine' | 'structure';

/**
 * "Mes patients": files whose care team I am in or whose referent I am (scope `mine`), or every file
 * of the structure I coordinate (scope `structure`). Rights: file.list-mine, and file.list-structure.
 */
export async function listMyFiles(ctx: Ctx, query: { q: string; status: 'open' | 'closed' | 'all'; scope: FileListScope; limit: number }): Promise<FileSummary[]> {
  assertAllowed(ctx, 'file.list-mine');
  if (query.scope === 'structure') assertAllowed(ctx, 'file.list-structure');
  const patientIds = query.q.trim() ? await findPatientIdsByName(ctx, query.q) : undefined;
  const rows = await repo.listVisibleFiles(ctx.db, {
    personId: ctx.actor.personId!,
    structureIds: query.scope === 'structure' ? [ctx.actor.acting!.structureId] : [],
    at: ctx.now,
    status: query.status,
    ...(patientIds ? { patientIds } : {}),
    limit: query.limit,
  });
  await appendAudit(ctx, { action: 'file.list', outcome: 'allowed', details: { q: query.q, status: query.status, scope: query.scope, results: rows.length } });
  return toSummaries(ctx, rows);
}

/** A patient's files that the caller may read (others are left out, not refused). Right: file.read, file by file. */
export async function listPatientFiles(ctx: Ctx, patientId: string): Promise<FileSummary[]> {
  const files = await repo.findFilesOfPatient(ctx.db, patientId);
  const teams = await repo.findTeamsOfFiles(ctx.db, files.map((f) => f.id));
  const standing = await sharingStandingOfCaller(ctx, patientId);
  const readable = files
    .filter((file) => canDo(ctx, 'file.read', accessTarget(ctx, file, teams.get(file.id)!, standing)))
    .map((file) => ({ ...file, lastJournalAt: null }));
  await appendAudit(ctx, { action: 'patient.files.list', outcome: 'allowed', patientId, details: { results: readable.length } });
  return toSummaries(ctx, readable);
}

export type FileUpdate = {
  version: number;
  referentId?: string | undefined;
  status?: FileStatus | undefined;
  closureReason?: ClosureReason | null | undefined;
  suspensionReason?: SuspensionReason | null | undefined;
  mission?: DacMission | null | undefined;
  supportLevel?: SupportLevel | null | undefined;
};

/** Changes the referent, the DAC mission or support level; suspends, closes (with a reason) or reopens a file. Right: file.update. */
export async function updateFile(ctx: Ctx, fileId: string, update: FileUpdate): Promise<FileView> {
  const loaded = await loadFileFor(ctx, fileId, 'file.update');
  const { file } = loaded;
  const changes: Partial<repo.FileRow> = {};
  if (update.referentId && update.referentId !== file.referentId) {
    if (!(await personExists(ctx, update.referentId))) throw new BadInput('files.referent_unknown', 'Unknown referent', { referentId: 'unknown person' });
    changes.referentId = update.referentId;
  }
  if (update.mission !== undefined && update.mission !== file.mission) changes.mission = update.mission;
  if (update.supportLevel !== undefined && update.supportLevel !== file.supportLevel) changes.supportLevel = update.supportLevel;
  if (update.status) {
    const change = { status: update.status, closureReason: update.closureReason, suspensionReason: update.suspensionReason };
    checkStatusChange({ status: file.status as FileStatus }, change);
    Object.assign(changes, statusFields(change, ctx.now));
  }
  if (!(await repo.updateFileIfVersion(ctx.db, fileId, update.version, changes))) {
    throw new Conflict('files.version_stale', 'The file was changed by someone else', { currentVersion: file.version });
  }
  const type = update.status ? STATUS_EVENTS[update.status] : 'file.updated';
  await appendAudit(ctx, { action: 'file.update', outcome: 'allowed', patientId: file.patientId, fileId, objectType: 'CoordinationFile', objectId: fileId, details: { fields: Object.keys(changes) } });
  await emitEvent(ctx, { type, patientId: file.patientId, fileId, payload: { ...changes } });
  return buildFileView(ctx, { ...loaded, file: (await repo.findFileById(ctx.db, fileId))! });
}

const STATUS_EVENTS: Record<FileStatus, string> = { open: 'file.reopened', suspended: 'file.suspended', closed: 'file.closed' };

export type NewMember = { personId: string; role: CareTeamRole; periodStart?: Date | undefined; periodEnd?: Date | null | undefined };

/** Adds a person to the care team for a period (from now by default). Right: file.manage-team. */
export async function addCareTeamMember(ctx: Ctx, fileId: string, input: NewMember): Promise<CareTeamMemberView> {
  const { file, team } = await loadFileFor(ctx, fileId, 'file.manage-team');
  if (file.status !== 'open') throw new Conflict('files.closed', 'The file is closed');
  if (!(await personExists(ctx, input.personId))) throw new BadInput('files.person_unknown', 'Unknown person', { personId: 'unknown person' });
  const period = { start: input.periodStart ?? ctx.now, end: input.periodEnd ?? null };
  checkPeriod(period);
  checkNoOverlap(team.filter((m) => m.personId === input.personId).map((m) => ({ start: m.periodStart, end: m.periodEnd })), period);
  const row = await addMember(ctx, file, { personId: input.personId, role: input.role, ...period });
  return toMemberView(ctx, row, await findPeopleRefs(ctx, [row.personId]));
}

/** Ends a membership now (history is kept). Right: file.manage-team. */
export async function endCareTeamMember(ctx: Ctx, fileId: string, memberId: string, version: number): Promise<CareTeamMemberView> {
  const { file, team } = await loadFileFor(ctx, fileId, 'file.manage-team');
  const member = team.find((m) => m.id === memberId);
  if (!member) throw new NotFound('files.member_not_found');
  if (!isActiveAt({ start: member.periodStart, end: member.periodEnd }, ctx.now)) throw new Conflict('files.member_not_active', 'This membership is not active');
  if (!(await repo.updateMemberIfVersion(ctx.db, memberId, version, { periodEnd: ctx.now, endedBy: ctx.actor.personId }))) {
    throw new Conflict('files.member_version_stale', 'The membership was changed by someone else', { currentVersion: member.version });
  }
  const refs = await findPeopleRefs(ctx, [member.personId]);
  const person = refOf(refs, member.personId);
  await appendAudit(ctx, { action: 'careTeam.end', outcome: 'allowed', patientId: file.patientId, fileId, objectType: 'CareTeamMember', objectId: memberId });
  await emitEvent(ctx, {
    type: 'careTeam.memberEnded',
    patientId: file.patientId,
    fileId,
    payload: { memberId, personId: member.personId, personName: `${person.givenName} ${person.familyName}`, role: member.role },
  });
  return toMemberView(ctx, { ...member, periodEnd: ctx.now, endedBy: ctx.actor.personId, version: version + 1 }, refs);
}

/** Writes in the liaison journal; entries are never edited (a correction is a new entry). Right: journal.write. */
export async function writeJournalEntry(ctx: Ctx, fileId: string, input: { text: string; category?: JournalCategory | null | undefined }): Promise<JournalEntryView> {
  const { file } = await loadFileFor(ctx, fileId, 'journal.write');
  // a suspended file still hears from its team (news of the hospital stay, say)
  if (file.status === 'closed') throw new Conflict('files.closed', 'The file is closed');
  const row: repo.EntryRow = { id: newId(ctx.now.getTime()), fileId, authorId: ctx.actor.personId!, writtenAt: ctx.now, category: input.category ?? null, text: input.text };
  await repo.insertEntry(ctx.db, row);
  await appendAudit(ctx, { action: 'journal.write', outcome: 'allowed', patientId: file.patientId, fileId, objectType: 'JournalEntry', objectId: row.id });
  await emitEvent(ctx, {
    type: 'journal.entryWritten',
    patientId: file.patientId,
    fileId,
    payload: { entryId: row.id, category: row.category, authorName: ctx.actor.displayName },
  });
  return toEntryView(row, await findPeopleRefs(ctx, [row.authorId]));
}

/** A page of the journal, newest first. Right: file.read. */
export async function listJournal(ctx: Ctx, fileId: string, page: { before?: Date | undefined; limit: number }): Promise<{ items: JournalEntryView[]; nextBefore: Date | null }> {
  const { file } = await loadFileFor(ctx, fileId, 'file.read', 'journal');
  const rows = await repo.findEntries(ctx.db, fileId, page);
  await appendAudit(ctx, { action: 'journal.read', outcome: 'allowed', patientId: file.patientId, fileId, objectType: 'CoordinationFile', objectId: fileId });
  const refs = await findPeopleRefs(ctx, rows.map((r) => r.authorId));
  return { items: rows.map((r) => toEntryView(r, refs)), nextBefore: rows.length === page.limit ? rows.at(-1)!.writtenAt : null };
}

export type TimelineItem = { id: string; type: string; occurredAt: Date; actor: PersonRef | null; payload: Record<string, unknown> };

/** Everything that happened on the file, newest first, from its domain events. Right: file.read. */
export async function listTimeline(ctx: Ctx, fileId: string, page: { before?: Date | undefined; limit: number }): Promise<{ items: TimelineItem[]; nextBefore: Date | null }> {
  const loaded = await loadFileFor(ctx, fileId, 'file.read');
  const { file } = loaded;
  // a consented reader sees the events of what the consent covers, no titles of the rest
  const byConsent = factsOf(ctx, loaded).viaConsent;
  const events = (await listFileEvents(ctx, fileId, page)).filter((e) => !byConsent || eventVisibleThroughConsent(e.type, loaded.standing.categories));
  await appendAudit(ctx, { action: 'timeline.read', outcome: 'allowed', patientId: file.patientId, fileId, objectType: 'CoordinationFile', objectId: fileId });
  const refs = await findPeopleRefs(ctx, events.flatMap((e) => (e.actorId ? [e.actorId] : [])));
  const items = events.map((e) => ({ id: e.id, type: e.type, occurredAt: e.occurredAt, actor: e.actorId ? refOf(refs, e.actorId) : null, payload: e.payload }));
  return { items, nextBefore: events.length === page.limit ? events.at(-1)!.occurredAt : null };
}

/** "Qui a consulté ce dossier": the file's audit trail, folded into visits. Right: file.read-access-log. */
export async function listAccessLog(ctx: Ctx, fileId: string) {
  const { file } = await loadFileFor(ctx, fileId, 'file.read-access-log');
  const entries = await listFileAccesses(ctx, fileId);
  await appendAudit(ctx, { action: 'file.access-log.read', outcome: 'allowed', patientId: file.patientId, fileId });
  const refs = await findPeopleRefs(ctx, entries.flatMap((e) => (e.actorId ? [e.actorId] : [])));
  return summariseAccesses(entries).map((visit) => ({
    firstAt: visit.firstAt,
    lastAt: visit.lastAt,
    actor: visit.actorId ? refOf(refs, visit.actorId) : null,
    role: visit.actorRole,
    kind: visit.kind,
    actions: visit.actions,
  }));
}

/**
 * What another capability needs to know about a file it acts on: which patient and structure, and how
 * the caller reaches it — staff of the holding structure, care-team member, or through a consent.
 */
export type FileFacts = {
  fileId: string;
  patientId: string;
  structureId: string;
  status: string;
  referentId: string | null;
  holder: boolean;
  inCareTeam: boolean;
  viaConsent: boolean;
};

function factsOf(ctx: Ctx, loaded: Loaded): FileFacts {
  const { file, target } = loaded;
  const holder = ctx.actor.kind === 'system' || (ctx.actor.acting?.structureId === file.structureId && ['coordinator', 'structure_admin'].includes(ctx.actor.acting.role));
  const inCareTeam = target.inCareTeam === true && target.opposed !== true;
  return {
    fileId: file.id,
    patientId: file.patientId,
    structureId: file.structureId,
    status: file.status,
    referentId: file.referentId,
    holder,
    inCareTeam,
    viaConsent: !holder && !inCareTeam && target.consentCovers === true,
  };
}

/** For another capability acting on a file (tasks, documents, orientation…): checks the action, auditing a refusal. */
export async function authorizeOnFile(ctx: Ctx, fileId: string, action: Parameters<typeof assertAllowed>[1]): Promise<FileFacts> {
  return factsOf(ctx, await loadFileFor(ctx, fileId, action));
}

/** The patient's files on which the caller may do `action` (others left out, not refused): for searches by patient. */
export async function readableFileIdsOfPatient(ctx: Ctx, patientId: string, action: Action): Promise<string[]> {
  const files = await repo.findFilesOfPatient(ctx.db, patientId);
  const teams = await repo.findTeamsOfFiles(ctx.db, files.map((f) => f.id));
  const standing = await sharingStandingOfCaller(ctx, patientId);
  return files.filter((file) => canDo(ctx, action, accessTarget(ctx, file, teams.get(file.id)!, standing, categoryOfAction(action)))).map((f) => f.id);
}

/** For each file of the patient the caller may read: the consented categories when only a consent opens it, else null. */
export async function consentScopesOfPatient(ctx: Ctx, patientId: string): Promise<Map<string, ReadonlySet<string> | null>> {
  const files = await repo.findFilesOfPatient(ctx.db, patientId);
  const teams = await repo.findTeamsOfFiles(ctx.db, files.map((f) => f.id));
  const standing = await sharingStandingOfCaller(ctx, patientId);
  const scopes = new Map<string, ReadonlySet<string> | null>();
  for (const file of files) {
    const loaded: Loaded = { file, team: teams.get(file.id)!, target: accessTarget(ctx, file, teams.get(file.id)!, standing), standing };
    if (!canDo(ctx, 'file.read', loaded.target)) continue;
    scopes.set(file.id, factsOf(ctx, loaded).viaConsent ? standing.categories : null);
  }
  return scopes;
}

/** Who may be given work on a file: its active care-team members and the holding structure's coordinators. */
export async function findFileWorkers(ctx: Ctx, fileId: string): Promise<Set<string>> {
  const found = await repo.findFileWithTeam(ctx.db, fileId);
  if (!found) return new Set();
  const members = found.team.filter((m) => isActiveAt({ start: m.periodStart, end: m.periodEnd }, ctx.now)).map((m) => m.personId);
  return new Set([...members, ...(await findCoordinatorIds(ctx, found.file.structureId))]);
}

/** The patient's open (or suspended) file in a structure, if any: a referral accepted for a followed patient joins it. */
export async function findOpenFileId(ctx: Ctx, patientId: string, structureId: string): Promise<string | null> {
  return (await repo.findOpenFile(ctx.db, patientId, structureId))?.id ?? null;
}

/** Checks that the caller may watch a file live (SSE). Right: file.read. */
export async function authorizeLiveWatch(ctx: Ctx, fileId: string): Promise<void> {
  const { file } = await loadFileFor(ctx, fileId, 'file.read');
  await appendAudit(ctx, { action: 'file.watch', outcome: 'allowed', patientId: file.patientId, fileId });
}

/** Whether the caller is now in the care team of one of the patient's files (for the patients capability). */
export async function isInCareTeamOfPatient(ctx: Ctx, patientId: string): Promise<boolean> {
  if (!ctx.actor.personId) return false;
  return repo.isActiveMemberOfPatient(ctx.db, patientId, ctx.actor.personId, ctx.now);
}

/**
 * Moves a patient's files (all of them, or those listed) to another patient, for an identity merge or
 * un-merge decided by the patients capability; care teams and journals follow their file. Refused when
 * both patients would then have an open file in the same structure: one of them must be closed first.
 */
export async function moveFilesToPatient(ctx: Ctx, fromPatientId: string, toPatientId: string, onlyFileIds?: readonly string[]): Promise<string[]> {
  const moving = (await repo.findFilesOfPatient(ctx.db, fromPatientId)).filter((f) => !onlyFileIds || onlyFileIds.includes(f.id));
  const target = await repo.findFilesOfPatient(ctx.db, toPatientId);
  const clash = moving.find((f) => f.status === 'open' && target.some((t) => t.status === 'open' && t.structureId === f.structureId));
  if (clash) {
    throw new Conflict('patients.merge_open_files_same_structure', 'Both patients have an open file in the same structure: close one first', {
      structureId: clash.structureId,
      fileId: clash.id,
    });
  }
  await repo.setFilesPatient(ctx.db, moving.map((f) => f.id), toPatientId);
  for (const file of moving) {
    await emitEvent(ctx, { type: 'file.patientChanged', patientId: toPatientId, fileId: file.id, payload: { fromPatientId, toPatientId } });
  }
  return moving.map((f) => f.id);
}
