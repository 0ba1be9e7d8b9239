// Use cases of documents (documenthèque): upload to a file, new versions, visibility, the evaluation
// flag, deletion kept for the audit; every download audited with the version and its SHA-256.
import { appendAudit } from '#src/core/audit/audit.ts';
import type { Ctx } from '#src/core/context.ts';
import { emitEvent } from '#src/core/events/outbox.ts';
import { BadInput, Conflict, DomainError, NotFound } from '#src/core/http/errors.ts';
import { newId } from '#src/core/ids.ts';
import { findPeopleRefs, type PersonRef } from '#src/accounts/service.ts';
import { authorizeOnFile, type FileFacts } from '#src/files/service.ts';
import * as repo from './repo.ts';
import { checkContent, DOCUMENT_TYPES, LOINC, visibleTo, type Visibility } from './rules.ts';
import { scanner } from './scanner.ts';
import { getBlob, putBlob } from './store.ts';

export type DocumentVersionView = { number: number; filename: string; mediaType: string; size: number; sha256: string; scanStatus: string; uploadedBy: PersonRef | null; uploadedAt: Date };
export type DocumentView = {
  id: string;
  fileId: string;
  patientId: string;
  title: string;
  type: { code: string; system: string; label: string };
  visibility: string;
  isEvaluation: boolean;
  currentVersion: number;
  createdBy: PersonRef | null;
  createdAt: Date;
  versions: DocumentVersionView[];
  version: number;
};

const labelOf = (code: string) => DOCUMENT_TYPES.find((t) => t.code === code)?.label ?? code;

async function toViews(ctx: Ctx, rows: repo.DocumentRow[]): Promise<DocumentView[]> {
  const versions = await repo.findVersions(ctx.db, rows.map((r) => r.id));
  const people = await findPeopleRefs(ctx, [...rows.map((r) => r.createdBy), ...versions.map((v) => v.uploadedBy)]);
  return rows.map((row) => ({
    id: row.id,
    fileId: row.fileId,
    patientId: row.patientId,
    title: row.title,
    type: { code: row.typeCode, system: row.typeSystem, label: labelOf(row.typeCode) },
    visibility: row.visibility,
    isEvaluation: row.isEvaluation,
    currentVersion: row.currentVersion,
    createdBy: people.get(row.createdBy) ?? null,
    createdAt: row.createdAt,
    versions: versions
      .filter((v) => v.documentId === row.id)
      .map((v) => ({ number: v.number, filename: v.filename, mediaType: v.mediaType, size: v.size, sha256: v.sha256, scanStatus: v.scanStatus, uploadedBy: people.get(v.uploadedBy) ?? null, uploadedAt: v.uploadedAt })),
    version: row.version,
  }));
}

/** Checks, scans and stores the bytes; a new version row of the document. */
async function storeVersion(ctx: Ctx, documentId: string, number: number, filename: string, bytes: Buffer, maxBytes: number): Promise<repo.VersionRow> {
  const mediaType = checkContent(bytes, maxBytes);
  const scanStatus = await scanner().scan(bytes, { filename, mediaType });
  if (scanStatus === 'infected') throw new DomainError(422, 'documents.infected', 'The file was refused by the virus scan');
  const sha256 = await putBlob(ctx.db, bytes, ctx.now);
  const row: repo.VersionRow = { id: newId(ctx.now.getTime()), documentId, number, filename, mediaType, size: bytes.length, sha256, scanStatus, uploadedBy: ctx.actor.personId!, uploadedAt: ctx.now };
  await repo.insertVersion(ctx.db, row);
  return row;
}

export type NewDocument = { title: string; typeCode: string; visibility: Visibility; isEvaluation: boolean; filename: string };

/** Uploads a document to an open file. Right: document.upload (the holding structure's coordinators, the care team). */
export async function uploadDocument(ctx: Ctx, fileId: string, meta: NewDocument, bytes: Buffer, maxBytes: number): Promise<DocumentView> {
  const file = await authorizeOnFile(ctx, fileId, 'document.upload');
  if (file.status === 'closed') throw new Conflict('files.closed', 'The file is closed');
  if (meta.visibility === 'coordinators' && !file.holder) {
    throw new BadInput('documents.visibility_not_allowed', 'Only the coordinators choose this visibility', { visibility: 'care_team or patient' });
  }
  const row: repo.DocumentRow = {
    id: newId(ctx.now.getTime()),
    fileId,
    patientId: file.patientId,
    title: meta.title,
    typeCode: meta.typeCode,
    typeSystem: LOINC,
    visibility: meta.visibility,
    isEvaluation: meta.isEvaluation,
    currentVersion: 1,
    createdBy: ctx.actor.personId!,
    createdAt: ctx.now,
    deletedAt: null,
    version: 1,
  };
  await repo.insertDocument(ctx.db, row);
  const stored = await storeVersion(ctx, row.id, 1, meta.filename, bytes, maxBytes);
  await appendAudit(ctx, { action: 'document.upload', outcome: 'allowed', patientId: file.patientId, fileId, objectType: 'DocumentReference', objectId: row.id, details: { sha256: stored.sha256, size: stored.size } });
  await emitEvent(ctx, { type: 'document.added', patientId: file.patientId, fileId, payload: { documentId: row.id, title: row.title, typeLabel: labelOf(row.typeCode), visibility: row.visibility } });
  return (await toViews(ctx, [row]))[0]!;
}

/** The document if the caller may see it; otherwise, as if it did not exist. */
async function loadVisible(ctx: Ctx, id: string, action: 'document.read' | 'document.manage'): Promise<{ row: repo.DocumentRow; file: FileFacts }> {
  const row = await repo.findDocument(ctx.db, id);
  if (!row) throw new NotFound('documents.not_found');
  const file = await authorizeOnFile(ctx, row.fileId, action);
  if (!visibleTo(row.visibility, file)) throw new NotFound('documents.not_found');
  return { row, file };
}

export async function listFileDocuments(ctx: Ctx, fileId: string): Promise<DocumentView[]> {
  const file = await authorizeOnFile(ctx, fileId, 'document.read');
  await appendAudit(ctx, { action: 'document.list', outcome: 'allowed', patientId: file.patientId, fileId, objectType: 'CoordinationFile', objectId: fileId });
  return toViews(ctx, (await repo.findFileDocuments(ctx.db, [fileId])).filter((d) => visibleTo(d.visibility, file)));
}

/** Documents of several files already authorised (a patient's, for FHIR), visibility applied per file. */
export async function listDocumentsOfFiles(ctx: Ctx, files: readonly FileFacts[]): Promise<DocumentView[]> {
  const byFile = new Map(files.map((f) => [f.fileId, f]));
  const rows = (await repo.findFileDocuments(ctx.db, files.map((f) => f.fileId))).filter((d) => visibleTo(d.visibility, byFile.get(d.fileId)!));
  return toViews(ctx, rows);
}

export async function getDocument(ctx: Ctx, id: string): Promise<DocumentView> {
  const { row } = await loadVisible(ctx, id, 'document.read');
  await appendAudit(ctx, { action: 'document.read', outcome: 'allowed', patientId: row.patientId, fileId: row.fileId, objectType: 'DocumentReference', objectId: id });
  return (await toViews(ctx, [row]))[0]!;
}

/** The bytes of a version (the current one by default); every download is audited with its SHA-256. */
export async function downloadVersion(ctx: Ctx, id: string, number?: number): Promise<{ bytes: Buffer; mediaType: string; filename: string; sha256: string }> {
  const { row } = await loadVisible(ctx, id, 'document.read');
  const version = (await repo.findVersions(ctx.db, [id])).find((v) => v.number === (number ?? row.currentVersion));
  if (!version) throw new NotFound('documents.version_not_found');
  const bytes = await getBlob(ctx.db, version.sha256);
  if (!bytes) throw new NotFound('documents.content_missing');
  await appendAudit(ctx, { action: 'document.download', outcome: 'allowed', patientId: row.patientId, fileId: row.fileId, objectType: 'DocumentReference', objectId: id, details: { version: version.number, sha256: version.sha256 } });
  return { bytes, mediaType: version.mediaType, filename: version.filename, sha256: version.sha256 };
}

export async function addVersion(ctx: Ctx, id: string, input: { version: number; filename: string }, bytes: Buffer, maxBytes: number): Promise<DocumentView> {
  const { row } = await loadVisible(ctx, id, 'document.manage');
  const number = row.currentVersion + 1;
  if (!(await repo.updateIfVersion(ctx.db, id, input.version, { currentVersion: number }))) {
    throw new Conflict('documents.version_stale', 'The document was changed by someone else', { currentVersion: row.version });
  }
  const stored = await storeVersion(ctx, id, number, input.filename, bytes, maxBytes);
  await appendAudit(ctx, { action: 'document.version', outcome: 'allowed', patientId: row.patientId, fileId: row.fileId, objectType: 'DocumentReference', objectId: id, details: { version: number, sha256: stored.sha256 } });
  await emitEvent(ctx, { type: 'document.versionAdded', patientId: row.patientId, fileId: row.fileId, payload: { documentId: id, title: row.title, number } });
  return (await toViews(ctx, [{ ...row, currentVersion: number, version: input.version + 1 }]))[0]!;
}

export type DocumentChange = { version: number; title?: string | undefined; typeCode?: string | undefined; visibility?: Visibility | undefined; isEvaluation?: boolean | undefined };

export async function updateDocument(ctx: Ctx, id: string, change: DocumentChange): Promise<DocumentView> {
  const { row, file } = await loadVisible(ctx, id, 'document.manage');
  if (change.visibility === 'coordinators' && !file.holder) throw new BadInput('documents.visibility_not_allowed', 'Only the coordinators choose this visibility', { visibility: 'care_team or patient' });
  const { version, ...changes } = change;
  if (!(await repo.updateIfVersion(ctx.db, id, version, changes))) throw new Conflict('documents.version_stale', 'The document was changed by someone else', { currentVersion: row.version });
  await appendAudit(ctx, { action: 'document.update', outcome: 'allowed', patientId: row.patientId, fileId: row.fileId, objectType: 'DocumentReference', objectId: id, details: { fields: Object.keys(changes) } });
  const type = changes.visibility && changes.visibility !== row.visibility ? 'document.visibilityChanged' : 'document.updated';
  await emitEvent(ctx, { type, patientId: row.patientId, fileId: row.fileId, payload: { documentId: id, title: changes.title ?? row.title, visibility: changes.visibility ?? row.visibility } });
  return (await toViews(ctx, [{ ...row, ...changes, version: version + 1 }]))[0]!;
}

/** Hides a document from every list; its versions stay for the audit trail. */
export async function deleteDocument(ctx: Ctx, id: string, version: number): Promise<void> {
  const { row } = await loadVisible(ctx, id, 'document.manage');
  if (!(await repo.updateIfVersion(ctx.db, id, version, { deletedAt: ctx.now }))) throw new Conflict('documents.version_stale', 'The document was changed by someone else', { currentVersion: row.version });
  await appendAudit(ctx, { action: 'document.delete', outcome: 'allowed', patientId: row.patientId, fileId: row.fileId, objectType: 'DocumentReference', objectId: id });
  await emitEvent(ctx, { type: 'document.deleted', patientId: row.patientId, fileId: row.fileId, payload: { documentId: id, title: row.title } });
}
